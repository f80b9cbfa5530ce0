"""The one contract every compliance rule follows, and the violations rules return.

A :class:`Rule` is a value: its id, what it requires, its legal bases (each a
:class:`Basis`: one instrument, the articles, a confidence mark, whether the article was
read), its parameters with defaults, and a check from a subject (a dossier, a procedure, a
published figure) and a :class:`Context` to findings. A rule is active on a day only while
one of its bases' instruments is in force; a basis with no source is off by default.
``rule.violations(subject, context, name=...)`` turns the findings into :class:`Violation`
values that cite the basis in force.

A finding words its message in English and Vietnamese (a :class:`Message`); a finding
worded in one language (a plain string, as custom rules may return) is English only, and
is printed as it is worded in either language.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from typing import Any, Final, Generic, TypeVar

import attrs

from motcua.domain.instruments import INSTRUMENTS, instrument
from motcua.domain.procedures import Catalogue
from motcua.domain.regimes import Regime, instruments_on
from motcua.domain.unit_registry import UnitRegistry
from motcua.foundation.confidence import Confidence
from motcua.foundation.errors import InvalidInputError
from motcua.time.deadlines import WorkSchedule, default_schedule

__all__ = [
    "BOTH",
    "Basis",
    "CheckFunction",
    "Context",
    "Finding",
    "Message",
    "Rule",
    "Violation",
    "format_instant",
]

#: What a rule judges: a dossier, a procedure, a published figure...
S = TypeVar("S")


@attrs.frozen
class Message:
    """What a finding says is wrong, in English and in Vietnamese, with the numbers.

    >>> Message("2 new appointments; at most 1 allowed", "2 lần hẹn lại; tối đa 1 lần").vi
    '2 lần hẹn lại; tối đa 1 lần'
    """

    en: str
    vi: str


#: One finding of a check: what is wrong (a :class:`Message`, or English text alone) and
#: the facts behind it.
Finding = tuple[Message | str, Mapping[str, str]]

#: The regimes of Decrees 61/2018 and 118/2025 (kept for callers of the old contract).
BOTH: Final = frozenset({Regime.DECREE_61_2018, Regime.DECREE_118_2025})

_STRENGTH: Final = {
    Confidence.CONFIRMED: 3,
    Confidence.DAYS_CONFIRMED: 2,
    Confidence.SECONDARY: 1,
    Confidence.RECALLED: 0,
}


@attrs.frozen
class Basis:
    """One legal basis of a rule: an instrument, the articles, and how well they were read.

    Attributes:
        instrument: The instrument's key (``"D61-2018"``), see ``motcua.domain.instruments``.
        articles: The articles encoded, saying plainly what was not read.
        confidence: How well the articles were checked.
        read: True if the article's own text (or a source quoting it) was read.
        sourced: False if no source at all says the rule holds under this instrument: such
            a basis is off by default (switch it on with ``ComplianceConfig(enabled=...)``).
        article: The article cited, for the Vietnamese citation: in the notation of
            *articles* (``Art. 19(1)``, written ``khoản 1 Điều 19``), or in Vietnamese where
            that notation has no form (``điểm đ khoản 1``); empty if none is cited.
        note_vi: What the basis says, in Vietnamese, printed after the citation (the
            reading notes stay in *articles*, in English).

    Raises:
        InvalidInputError: The basis claims [C] for an article that was not read, or an
            unknown instrument.
    """

    instrument: str
    articles: str
    confidence: Confidence
    read: bool = False
    sourced: bool = True
    article: str = attrs.field(default="", kw_only=True)
    note_vi: str = attrs.field(default="", kw_only=True)

    @classmethod
    def unsourced(cls, instrument_key: str) -> Basis:
        """A basis no source supports under *instrument_key*: recalled, off by default."""
        return cls(
            instrument_key,
            "no source read for this instrument",
            Confidence.RECALLED,
            sourced=False,
        )

    def __attrs_post_init__(self) -> None:
        """Refuse a confirmed mark on an article that was not read; check the instrument."""
        instrument(self.instrument)
        strong = self.confidence in (Confidence.CONFIRMED, Confidence.DAYS_CONFIRMED)
        if strong and (not self.read or not self.sourced or "not read" in self.articles):
            raise InvalidInputError(
                f"Basis({self.instrument}).confidence",
                "secondary or recalled for an article that was not read",
                self.confidence.value,
            )

    @property
    def text(self) -> str:
        """The instrument's number and the articles, e.g. ``Decree 45/2020/NĐ-CP Art. 11``."""
        return f"{instrument(self.instrument).number} {self.articles}".rstrip()

    @property
    def window(self) -> tuple[date | None, date | None]:
        """The instrument's first and last day in force (None: open-ended or unknown)."""
        i = instrument(self.instrument)
        return i.start, i.end


@attrs.frozen
class Violation:
    """One broken rule for one dossier.

    Attributes:
        rule: The rule's id.
        dossier: The dossier code.
        basis: The legal basis of the rule, in English with its reading notes.
        message: What is wrong, with the numbers, in English.
        facts: The facts behind it (name -> value, as text).
        regime: The regime the dossier was judged under.
        message_vi: The same in Vietnamese ("" if the rule words it in English only).
        bases: The bases *basis* cites, one per instrument (for the Vietnamese citation).
    """

    rule: str
    dossier: str
    basis: str
    message: str
    facts: Mapping[str, str] = attrs.field(factory=dict)
    regime: str = ""
    message_vi: str = ""
    bases: tuple[Basis, ...] = ()

    def __str__(self) -> str:
        """Return ``[rule] dossier: message (basis)``."""
        return f"[{self.rule}] {self.dossier}: {self.message} ({self.basis})"


@attrs.frozen
class Context:
    """What a check may know besides its subject.

    Attributes:
        schedule: Calendar and office hours (default: the national calendar, 08-17).
        regime: The regime the subject is judged under (None outside a regime).
        instruments: Keys of the instruments in force for the subject (None: not dated,
            every basis counts).
        as_of: The instant open dossiers are judged at (None: on what has happened only).
        on: The day a catalogue is judged on (posting), if any.
        catalogue: The procedures (statutory terms and levels), if known.
        params: The rule's parameters: its defaults with the configured overrides.
        registry: The administrative units (for the receipt-scope rule), if known.
    """

    _schedule: WorkSchedule | None = attrs.field(default=None, alias="schedule")
    regime: Regime | None = None
    instruments: frozenset[str] | None = None
    as_of: datetime | None = None
    on: date | None = None
    catalogue: Catalogue | None = None
    params: Mapping[str, Any] = attrs.field(factory=dict)
    registry: UnitRegistry | None = None

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
        bases: Its legal bases, one per instrument; it is active while one is in force.
        params: Parameters and their defaults.
        check: The check itself: (subject, context) -> findings.
    """

    id: str
    title: str
    bases: tuple[Basis, ...]
    params: Mapping[str, Any]
    check: Callable[[S, Context], Iterable[Finding]] = attrs.field(repr=False)

    @property
    def basis(self) -> str:
        """Every basis, as one line (instrument and articles)."""
        return "; ".join(b.text for b in self.bases)

    @property
    def confidence(self) -> Confidence:
        """The weakest mark among its sourced bases (RECALLED if none is sourced)."""
        marks = [b.confidence for b in self.bases if b.sourced]
        return min(marks, key=_STRENGTH.__getitem__, default=Confidence.RECALLED)

    @property
    def in_force(self) -> tuple[date | None, date | None]:
        """The first and last day of its sourced bases' instruments (None: open-ended).

        >>> from motcua.analyses.compliance import RULES
        >>> next(r for r in RULES if r.id == "online-8h").in_force
        (datetime.date(2020, 5, 22), None)
        """
        windows = [b.window for b in self.bases if b.sourced]
        starts = [w[0] for w in windows if w[0] is not None]
        ends = [w[1] for w in windows]
        start = min(starts) if starts else None
        end = None if None in ends or not ends else max(e for e in ends if e is not None)
        return start, end

    @property
    def regimes(self) -> frozenset[Regime]:
        """The regimes during which one of its sourced bases is in force."""
        return frozenset(
            r
            for r in Regime
            if r is not Regime.AUTO and any(self.basis_on(instruments_on(d)) for d in _days_of(r))
        )

    def basis_on(
        self, instruments: frozenset[str] | None, enabled: bool = False
    ) -> tuple[Basis, ...]:
        """Its bases in force among *instruments* (all if None); unsourced ones if *enabled*."""
        return tuple(
            b
            for b in self.bases
            if (b.sourced or enabled) and (instruments is None or b.instrument in instruments)
        )

    def applies_on(self, day: date, regime: Regime = Regime.AUTO) -> bool:
        """True if one of its sourced bases is in force on *day* (under *regime* if forced)."""
        return bool(self.basis_on(instruments_on(day, regime)))

    def violations(self, subject: S, context: Context, *, name: str) -> tuple[Violation, ...]:
        """Run the check on *subject* (called *name* in the violations) in *context*."""
        params = {**self.params, **context.params}
        if params != context.params:
            context = attrs.evolve(context, params=params)
        regime = "" if context.regime is None else context.regime.value
        found = tuple(self.check(subject, context))
        if not found:
            return ()
        bases = self.basis_on(context.instruments, enabled=True) or self.bases
        basis = "; ".join(b.text for b in bases)
        return tuple(
            Violation(
                self.id,
                name,
                basis,
                message.en if isinstance(message, Message) else message,
                facts,
                regime,
                message.vi if isinstance(message, Message) else "",
                bases,
            )
            for message, facts in found
        )


def _days_of(regime: Regime) -> tuple[date, ...]:
    """Days that sample every instrument window inside *regime* (each start and end)."""
    start, end = regime.start, regime.end
    days = {d for i in INSTRUMENTS for d in (i.start, i.end) if d is not None}
    if start is not None:
        days.add(start)
    return tuple(
        d for d in sorted(days) if (start is None or d >= start) and (end is None or d <= end)
    )


def format_instant(at: datetime | None) -> str:
    """Format an instant as printed on forms, ``HH:MM dd/mm/yyyy`` (``-`` for None).

    >>> format_instant(datetime(2024, 3, 12, 9, 0))
    '09:00 12/03/2024'
    """
    return "-" if at is None else f"{at:%H:%M %d/%m/%Y}"
