"""Testing toolkit for portals: assert that dossiers obey the law, in one readable failure.

>>> from datetime import date, datetime
>>> import motcua
>>> from motcua.testing import assert_compliant
>>> d = motcua.Dossier(code="000.00.53.H48-240301-0001", procedure="1.004222", channel=1,
...     limit=motcua.WorkingDays(7), events=(motcua.Received(datetime(2024, 3, 1, 9)),))
>>> assert_compliant(d, as_of=datetime(2024, 3, 4, 9))
>>> assert_compliant(d, as_of=datetime(2024, 3, 20, 9))
Traceback (most recent call last):
...
motcua.testing.NotCompliantError: 1 violation in 1 dossier:
  [apology] 000.00.53.H48-240301-0001: late (due 09:00 12/03/2024) without an apology letter ...

Hypothesis strategies live in :mod:`motcua.testing.strategies` (needs Hypothesis), and the
pytest plugin (:mod:`motcua.testing.plugin`: fixtures ``motcua_catalogue``,
``motcua_calendar``, ``motcua_schedule``, ``motcua_policy``, ``motcua_counter``,
``motcua_clock``, configured by ini or command-line options) is registered by entry point
when motcua is installed. :class:`FixedClock` is the clock ``motcua_clock`` gives.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from motcua.analyses.compliance import ComplianceConfig, Regime, Violation, check
from motcua.domain.dossiers import Dossier
from motcua.domain.procedures import Catalogue
from motcua.domain.unit_registry import UnitRegistry
from motcua.foundation.errors import MotcuaError
from motcua.testing.clock import FixedClock
from motcua.time.deadlines import WorkSchedule

__all__ = ["FixedClock", "NotCompliantError", "assert_compliant"]


class NotCompliantError(MotcuaError, AssertionError):
    """Dossiers break compliance rules; ``violations`` holds every one of them."""

    def __init__(self, violations: tuple[Violation, ...], dossiers: int) -> None:
        """List every violation, one per line."""
        self.violations = violations
        dossier_count = len({v.dossier for v in violations})
        lines = [
            f"{len(violations)} violation{'s' if len(violations) != 1 else ''} in "
            f"{dossier_count} dossier{'s' if dossier_count != 1 else ''}"
            f" (of {dossiers} checked):"
            if dossiers != dossier_count
            else f"{len(violations)} violation{'s' if len(violations) != 1 else ''} in "
            f"{dossier_count} dossier{'s' if dossier_count != 1 else ''}:"
        ]
        lines += [f"  {v}" for v in violations]
        super().__init__("\n".join(lines))

    def __reduce__(self) -> tuple[type[NotCompliantError], tuple[tuple[Violation, ...], int]]:
        """Pickle by the violations."""
        return (type(self), (self.violations, len({v.dossier for v in self.violations})))


def assert_compliant(
    dossiers: Dossier | Iterable[Dossier],
    *,
    regime: Regime = Regime.AUTO,
    as_of: datetime | date | None = None,
    catalogue: Catalogue | None = None,
    config: ComplianceConfig | None = None,
    schedule: WorkSchedule | None = None,
    registry: UnitRegistry | None = None,
) -> None:
    """Raise :class:`NotCompliantError` listing every violation, or return quietly.

    The arguments are those of :func:`motcua.analyses.compliance.check`.
    """
    items = [dossiers] if isinstance(dossiers, Dossier) else list(dossiers)
    found = check(
        items,
        regime=regime,
        as_of=as_of,
        catalogue=catalogue,
        config=config,
        schedule=schedule,
        registry=registry,
    )
    if found:
        raise NotCompliantError(found, len(items))
