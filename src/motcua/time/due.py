"""The values of the deadline engine: a computed :class:`Due` and a clock :class:`Pause`.

:mod:`motcua.time.deadlines` computes them and re-exports both names.

>>> from datetime import datetime
>>> Pause(datetime(2024, 5, 2, 9, 0), datetime(2024, 5, 3, 9, 0)).end.isoformat()
'2024-05-03T09:00:00+07:00'
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime, time
from typing import Final

from motcua.foundation.errors import InvalidInputError
from motcua.foundation.values import Frozen, OrderedFrozen
from motcua.foundation.vntime import VN_TZ, vn_instant
from motcua.time.limits import CountingRule, TimeLimit

__all__ = ["Due", "Pause", "as_instant", "merge_pauses", "working_due"]

_set = object.__setattr__

#: The rules under which a period ends at 24:00 of its last day (Civil Code 2015 Art. 148).
_CIVIL_CODE_RULES = frozenset(
    (CountingRule.WHOLE_DAYS, CountingRule.CALENDAR_DAYS, CountingRule.MONTHS)
)


def as_instant(value: object, field: str) -> datetime:
    """Return an input instant in Vietnam time; a date means its 00:00 (see ``vn_instant``)."""
    if type(value) is datetime:
        tz = value.tzinfo
        if tz is VN_TZ:
            return value
        if tz is None and not value.fold:  # as vn_instant does, one call fewer
            return datetime(
                value.year,
                value.month,
                value.day,
                value.hour,
                value.minute,
                value.second,
                value.microsecond,
                VN_TZ,
            )
        return vn_instant(value, field)
    if isinstance(value, date) and not isinstance(value, datetime):
        return datetime.combine(value, time.min, tzinfo=VN_TZ)
    return vn_instant(value, field, expected="a datetime (naive means Vietnam time) or a date")


def _pause_instant(value: object) -> datetime:
    return as_instant(value, "Pause")


class Pause(OrderedFrozen):
    """An interval [start, end) during which the clock is stopped.

    Time the applicant spends completing a dossier during appraisal, or fulfilling a
    financial obligation, is not counted against the agency: the DVCQG Decision 766 formula
    subtracts the citizen's supplement time [C-impl], Decree 61/2018 Art. 19(1) routes such
    requests through the one-stop unit [R], and sector laws list financial obligations as
    not counted [R]. A :class:`~motcua.domain.dossiers.Dossier` derives its pauses from its
    events under :class:`~motcua.domain.lifecycle.LifecyclePolicy` (see
    ``docs/explanation/counting-rules.md``).
    """

    __slots__ = ("end", "start")
    start: datetime
    end: datetime

    def __init__(self, start: object, end: object) -> None:
        """Read both instants (naive means Vietnam time); check the end is not before the start."""
        begin = _pause_instant(start)
        _set(self, "start", begin)
        stop = _pause_instant(end)
        _set(self, "end", stop)
        if stop < begin:
            raise InvalidInputError(
                "Pause.end",
                f"an instant at or after the start {begin.isoformat()}",
                stop.isoformat(),
                "swap start and end",
            )


class Due(Frozen):
    """A computed due instant, with how it was obtained.

    Under the Civil Code rules (whole days, calendar days, months) the period ends at 24:00
    of its last day (Civil Code 2015 Art. 148(6)): :attr:`at` is the first instant after the
    period, 00:00 of the next day, and :attr:`last_day` is the period's last day.

    Attributes:
        at: The due instant (aware, UTC+07:00): the end of the period.
        received_at: The receipt instant the count started from.
        counted_from: The first instant that counted (the next office instant for working
            time, the opening of the next working day for day-based rules).
        limit: The time limit applied.
        rule: The counting rule applied.
        provisional: True when a day in the count lies in a year whose schedule has not been
            announced (its Tết days and second National Day day are a heuristic).
        last_day: The last day of the period (for working time and same day, the date of
            :attr:`at`).
    """

    __slots__ = (
        "_counted_from",
        "_p0",
        "_receipt",
        "_received_at",
        "_resolve",
        "at",
        "last_day",
        "limit",
        "provisional",
        "rule",
    )
    _fields = ("at", "received_at", "counted_from", "limit", "rule", "provisional", "last_day")
    at: datetime
    limit: TimeLimit
    rule: CountingRule
    provisional: bool
    last_day: date
    # Filled on first use when working_due leaves them None (see the two properties).
    _received_at: datetime | None
    _counted_from: datetime | None
    # The receipt as given (naive: Vietnam time), the schedule's _start_instant, a position.
    _receipt: datetime | None
    _resolve: Callable[[int], datetime] | None
    _p0: int

    def __init__(  # noqa: PLR0917 - the fields of one result
        self,
        at: datetime,
        received_at: datetime,
        counted_from: datetime,
        limit: TimeLimit,
        rule: CountingRule,
        provisional: bool,
        last_day: date | None = None,
    ) -> None:
        """Store the fields; the last day defaults to the date of *at*."""
        _set(self, "at", at)
        _set(self, "_received_at", received_at)
        _set(self, "_counted_from", counted_from)
        _set(self, "_receipt", None)
        _set(self, "_resolve", None)
        _set(self, "_p0", 0)
        _set(self, "limit", limit)
        _set(self, "rule", rule)
        _set(self, "provisional", provisional)
        _set(self, "last_day", at.date() if last_day is None else last_day)

    @property
    def received_at(self) -> datetime:
        """The receipt instant the count started from (aware, UTC+07:00)."""
        found = self._received_at
        if found is None:  # a naive receipt, made aware when first asked for
            found = as_instant(self._receipt, "received_at")
            _set(self, "_received_at", found)
        return found

    @property
    def counted_from(self) -> datetime:
        """The first instant that counted (see the class's attributes).

        Under working time it is the receipt itself when that is office time, else the
        next session's start: a second instant, found from the schedule's tables when it is
        first asked for (most callers read only :attr:`at`).
        """
        found = self._counted_from
        if found is None:
            resolve = self._resolve
            found = self.received_at if resolve is None else resolve(self._p0)
            _set(self, "_counted_from", found)
            _set(self, "_resolve", None)  # the schedule is no longer needed
        return found

    @property
    def date(self) -> date:
        """The due date: the period's last day (:attr:`last_day`)."""
        return self.last_day

    @property
    def ends_at_midnight(self) -> bool:
        """True when the period ends at 24:00 of :attr:`last_day` (the Civil Code rules)."""
        return self.rule in _CIVIL_CODE_RULES

    def __str__(self) -> str:
        """Return the due instant in ISO 8601 to the minute, e.g. ``2024-05-07T09:00+07:00``."""
        return self.at.isoformat(timespec="minutes")


class _Building(Due):
    """The :class:`Due` of working time, filled by plain assignment to its slots.

    The same slots as :class:`Due` (no new ones), so once filled the value's class is set
    to :class:`Due`: a third of the cost of ``object.__setattr__`` per field, on the path
    that computes a due instant per dossier. Built through :data:`working_due`.
    """

    __slots__ = ()
    # Both, or the C slot they share stays the Python one of Frozen.
    __setattr__ = object.__setattr__  # type: ignore[assignment]
    __delattr__ = object.__delattr__

    def __init__(  # noqa: PLR0917 - the fields of one result
        self,
        at: datetime,
        receipt: datetime,
        counted_from: datetime | None,
        limit: TimeLimit,
        provisional: bool,
        resolve: Callable[[int], datetime] | None,
        p0: int,
    ) -> None:
        """Fill the slots, then become a :class:`Due`."""
        self.at = at  # type: ignore[misc]
        self._received_at = None if receipt.tzinfo is None else receipt  # type: ignore[misc]
        self._receipt = receipt  # type: ignore[misc]
        self._counted_from = counted_from  # type: ignore[misc]
        self._resolve = resolve  # type: ignore[misc]
        self._p0 = p0  # type: ignore[misc]
        self.limit = limit  # type: ignore[misc]
        self.rule = CountingRule.WORKING_TIME  # type: ignore[misc]
        self.provisional = provisional  # type: ignore[misc]
        self.last_day = at.date()  # type: ignore[misc]
        self.__class__ = Due  # type: ignore[assignment]


#: ``working_due(at, receipt, counted_from, limit, provisional, resolve, p0)``: the
#: :class:`Due` of working time from *receipt* (naive or on ``VN_TZ``). *counted_from*
#: None means ``resolve(p0)`` when first asked for, or the receipt itself when *resolve*
#: is None too; a naive receipt is made aware when first asked for.
working_due: Final = _Building


def merge_pauses(pauses: Iterable[Pause]) -> list[Pause]:
    """Return *pauses* in order, overlapping and touching ones merged into one."""
    ordered = sorted(pauses)
    merged: list[Pause] = []
    for p in ordered:
        if merged and p.start <= merged[-1].end:
            if p.end > merged[-1].end:
                merged[-1] = Pause(merged[-1].start, p.end)
        else:
            merged.append(p)
    return merged
