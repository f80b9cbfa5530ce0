"""Running the dossier rules: the rule list, their configuration, and :func:`check`."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any, Final

import attrs

from motcua.analyses.compliance.delays import APOLOGY, RESCHEDULE, RETURN_BY_APPOINTMENT
from motcua.analyses.compliance.handling import NO_DISTRICT, STEP_ALLOTMENTS, SUPPLEMENT_ONCE
from motcua.analyses.compliance.receipt import APPOINTMENT, CODE, OFFICE_HOURS, ONLINE_8H
from motcua.analyses.compliance.rules import Context, Rule, Violation
from motcua.analyses.compliance.scope import INTAKE_CHECK, RECEIPT_SCOPE
from motcua.domain.dossiers import Dossier, as_of_instant
from motcua.domain.instruments import INSTRUMENTS, Instrument
from motcua.domain.procedures import Catalogue
from motcua.domain.regimes import Regime, instruments_on, regime_on
from motcua.domain.unit_registry import UnitRegistry
from motcua.foundation.errors import InvalidInputError
from motcua.time.deadlines import WorkSchedule, default_schedule

__all__ = ["RULES", "ComplianceConfig", "check"]

#: Every dossier rule motcua knows, in reference order.
RULES: Final[tuple[Rule[Dossier], ...]] = (
    APPOINTMENT,
    APOLOGY,
    RESCHEDULE,
    SUPPLEMENT_ONCE,
    ONLINE_8H,
    INTAKE_CHECK,
    RECEIPT_SCOPE,
    RETURN_BY_APPOINTMENT,
    CODE,
    NO_DISTRICT,
    OFFICE_HOURS,
    STEP_ALLOTMENTS,
)

_BY_ID: Final = {rule.id: rule for rule in RULES}


def _ids(value: Iterable[str]) -> frozenset[str]:
    if isinstance(value, str):
        raise InvalidInputError("ComplianceConfig.disabled", "a set of rule ids", value)
    return frozenset(value)


@attrs.frozen
class ComplianceConfig:
    """Which rules run, and with which parameters.

    Attributes:
        disabled: Rule ids switched off.
        params: Per rule id, parameter overrides.
        enabled: Rule ids whose unsourced bases (off by default) are switched on.
        instruments: The table of instruments (pass a corrected one when an in-force
            date becomes known).
    """

    disabled: frozenset[str] = attrs.field(default=frozenset(), converter=_ids)
    params: Mapping[str, Mapping[str, Any]] = attrs.field(factory=dict)
    enabled: frozenset[str] = attrs.field(default=frozenset(), converter=_ids)
    instruments: tuple[Instrument, ...] = INSTRUMENTS

    def __attrs_post_init__(self) -> None:
        """Check that every rule id and parameter exists."""
        for rule_id in (*self.disabled, *self.params, *self.enabled):
            if rule_id not in _BY_ID:
                raise InvalidInputError(
                    "ComplianceConfig", "a rule id: " + ", ".join(_BY_ID), rule_id
                )
        for rule_id, values in self.params.items():
            for name in values:
                if name not in _BY_ID[rule_id].params:
                    raise InvalidInputError(
                        f"ComplianceConfig.params[{rule_id!r}]",
                        "one of " + (", ".join(_BY_ID[rule_id].params) or "no parameters"),
                        name,
                    )


def check(
    dossiers: Dossier | Iterable[Dossier],
    *,
    regime: Regime = Regime.AUTO,
    as_of: datetime | date | None = None,
    catalogue: Catalogue | None = None,
    config: ComplianceConfig | None = None,
    schedule: WorkSchedule | None = None,
    registry: UnitRegistry | None = None,
) -> tuple[Violation, ...]:
    """Run the rules in force on each dossier; return every violation, in order.

    A rule runs on a dossier only while one of its sourced bases' instruments is in force
    on the dossier's day (its receipt, else its first event): no Decree 61/2018 rule before
    21/06/2018, no 8-hour online rule before Decree 45/2020 (22/05/2020).

    Args:
        dossiers: One dossier or many.
        regime: ``AUTO`` picks it per dossier from the receipt date; a forced regime judges
            each dossier with the instruments in force on the nearest day of its window.
        as_of: The instant the dossiers are judged at: each log is cut there, exactly as
            :meth:`Dossier.as_of` cuts it (a date means the end of that day), so that
            nothing recorded later is judged, and open dossiers are judged as of then (late,
            8 working hours...). A dossier with no event by then is not checked. Without
            it, every event counts and open dossiers are judged on what has happened only.
        catalogue: The procedures (for the statutory terms and levels), if known.
        config: Rules switched off and parameters.
        schedule: Calendar and office hours (default: the national calendar, 08-17).
        registry: The administrative units (:func:`motcua.unit_registry`), for the
            receipt-scope rule; without it that rule finds nothing.
    """
    conf = config or ComplianceConfig()
    sched = schedule or default_schedule()
    instant = None if as_of is None else as_of_instant(as_of)
    items = [dossiers] if isinstance(dossiers, Dossier) else dossiers
    rules = [rule for rule in RULES if rule.id not in conf.disabled]
    out: list[Violation] = []
    for whole in items:
        d = whole if as_of is None else whole.as_of(as_of)
        if d is None:
            continue
        day = d.reference_day
        table = conf.instruments
        in_force = regime_on(day, table) if regime is Regime.AUTO else regime
        keys = instruments_on(day, regime, table)
        base = Context(
            schedule=sched,
            regime=in_force,
            instruments=keys,
            as_of=instant,
            catalogue=catalogue,
            registry=registry,
        )
        name = str(d.code)
        for rule in rules:
            if not rule.basis_on(keys, enabled=rule.id in conf.enabled):
                continue
            ctx = (
                base
                if rule.id not in conf.params
                else attrs.evolve(base, params=conf.params[rule.id])
            )
            out.extend(rule.violations(d, ctx, name=name))
    return tuple(out)
