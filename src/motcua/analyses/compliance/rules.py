"""The one contract every compliance rule follows, and the violations rules return.

A :class:`Rule` is a value: its id, what it requires, its legal basis (instrument and
article), the regimes it belongs to (hence its in-force dates), a confidence mark, its
parameters with defaults, and a check from a subject (a dossier, a procedure, a published
figure) and a :class:`Context` to findings. ``rule.violations(subject, context, name=...)``
turns the findings into :class:`Violation` values that cite the rule.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from typing import Any, Final, Generic, TypeVar

import attrs

from motcua.domain.procedures import Catalogue
from motcua.domain.regimes import Regime, regime_on
from motcua.foundation.confidence import Confidence
from motcua.time.deadlines import WorkSchedule, default_schedule

__all__ = [
    "BOTH",
    "CheckFunction",
    "Context",
    "Finding",
    "Rule",
    "Violation",
    "format_instant",
]

#: What a rule judges: a dossier, a procedure, a published figure...
S = TypeVar("S")

#: One finding of a check: what is wrong (a readable message) and the facts behind it.
Finding = tuple[str, Mapping[str, str]]

#: The regimes of a rule that holds under both decrees.
BOTH: Final = frozenset({Regime.DECREE_61_2018, Regime.DECREE_118_2025})


@attrs.frozen
class Violation:
    """One broken rule for one dossier.

    Attributes:
        rule: The rule's id.
        dossier: The dossier code.
        basis: The legal basis of the rule.
        message: What is wrong, with the numbers.
        facts: The facts behind it (name -> value, as text).
        regime: The regime the dossier was judged under.
    """

    rule: str
    dossier: str
    basis: str
    message: str
    facts: Mapping[str, str] = attrs.field(factory=dict)
    regime: str = ""

    def __str__(self) -> str:
        """Return ``[rule] dossier: message (basis)``."""
        return f"[{self.rule}] {self.dossier}: {self.message} ({self.basis})"


@attrs.frozen
class Context:
    """What a check may know besides its subject.

    Attributes:
        schedule: Calendar and office hours (default: the national calendar, 08-17).
        regime: The regime the subject is judged under (None outside a regime).
        as_of: The instant open dossiers are judged at (None: on what has happened only).
        on: The day a catalogue is judged on (posting), if any.
        catalogue: The procedures (statutory terms and levels), if known.
        params: The rule's parameters: its defaults with the configured overrides.
    """

    _schedule: WorkSchedule | None = attrs.field(default=None, alias="schedule")
    regime: Regime | None = None
    as_of: datetime | None = None
    on: date | None = None
    catalogue: Catalogue | None = None
    params: Mapping[str, Any] = attrs.field(factory=dict)

    @property
    def schedule(self) -> WorkSchedule:
        """Calendar and office hours (default: the national calendar, 08-17)."""
        return default_schedule() if self._schedule is None else self._schedule


#: A rule's check: (subject, context) -> findings, one per violation.
CheckFunction = Callable[[S, Context], Iterable[Finding]]


@attrs.frozen
class Rule(Generic[S]):
    """A named compliance check: the one contract every rule follows.

    Attributes:
        id: A stable identifier (``appointment``, ``apology``...).
        title: What the rule requires.
        basis: Instrument and article.
        regimes: The regimes it belongs to (they give its in-force dates).
        confidence: How well the rule was checked (the research digests' mark).
        params: Parameters and their defaults.
        check: The check itself: (subject, context) -> findings.
    """

    id: str
    title: str
    basis: str
    regimes: frozenset[Regime]
    confidence: Confidence
    params: Mapping[str, Any]
    check: Callable[[S, Context], Iterable[Finding]] = attrs.field(repr=False)

    @property
    def in_force(self) -> tuple[date | None, date | None]:
        """The first and last day of its regimes (None: open-ended).

        >>> from motcua.analyses.compliance import RULES
        >>> RULES[0].in_force
        (datetime.date(2018, 6, 21), None)
        """
        starts = [r.start for r in self.regimes]
        ends = [r.end for r in self.regimes]
        start = None if None in starts else min(d for d in starts if d is not None)
        end = None if None in ends else max(d for d in ends if d is not None)
        return start, end

    def applies_on(self, day: date) -> bool:
        """True if the regime in force on *day* is one of this rule's."""
        return regime_on(day) in self.regimes

    def violations(self, subject: S, context: Context, *, name: str) -> tuple[Violation, ...]:
        """Run the check on *subject* (called *name* in the violations) in *context*."""
        params = {**self.params, **context.params}
        if params != context.params:
            context = attrs.evolve(context, params=params)
        regime = "" if context.regime is None else context.regime.value
        return tuple(
            Violation(self.id, name, self.basis, message, facts, regime)
            for message, facts in self.check(subject, context)
        )


def format_instant(at: datetime | None) -> str:
    """Format an instant as printed on forms, ``HH:MM dd/mm/yyyy`` (``-`` for None).

    >>> format_instant(datetime(2024, 3, 12, 9, 0))
    '09:00 12/03/2024'
    """
    return "-" if at is None else f"{at:%H:%M %d/%m/%Y}"
