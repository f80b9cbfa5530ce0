"""The test suite's strategies are motcua's public ones (motcua.testing.strategies)."""

from motcua.testing.strategies import (
    agency_codes,
    calendars,
    dates,
    dossier_codes,
    dossiers,
    fees,
    instants,
    limits_or_none,
    procedure_codes,
    procedures,
    time_limits,
    working_days,
    working_hours,
)

__all__ = [
    "agency_codes",
    "calendars",
    "dates",
    "dossier_codes",
    "dossiers",
    "fees",
    "instants",
    "limits_or_none",
    "procedure_codes",
    "procedures",
    "time_limits",
    "working_days",
    "working_hours",
]
