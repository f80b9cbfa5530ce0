"""The working calendar as a value: which days are working days, with O(1) queries.

A :class:`WorkingCalendar` covers a range of whole years with already-merged data (days off
on weekdays, make-up working days at weekends, each a :class:`NamedDay` citing its
sources); :func:`motcua.time.calendar.vietnam_calendar` builds Vietnam's, and
:mod:`motcua.time.calendar` re-exports every name here. Every query after construction is
O(1) whatever the distance in days (ordinal-indexed tables).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator
from datetime import date
from itertools import accumulate, compress

from motcua.foundation.errors import InvalidInputError, OutsideCalendarError
from motcua.foundation.values import Frozen, replace
from motcua.time.announcements import Announcement, DayKind, Scope, applies_to

__all__ = [
    "DayCategory",
    "NamedDay",
    "WorkingCalendar",
    "YearSchedule",
    "apply_announcement",
    "by_day",
]

_set = object.__setattr__


class DayCategory(enum.Enum):
    """Why a weekday is off, or a weekend day is worked."""

    #: A statutory public holiday or its compensatory day (Labour Code 2012 Art. 115 until
    #: 2020, Labour Code 2019 Art. 111-112 from 2021).
    PUBLIC_HOLIDAY = "public_holiday"
    #: A weekday off granted by a national announcement (a swap or a Tết placement).
    ANNOUNCED_DAY_OFF = "announced_day_off"
    #: A weekday closed by a local (user-supplied) decision.
    LOCAL_CLOSURE = "local_closure"
    #: A Saturday or Sunday worked by announcement (make-up day, ngày làm bù).
    MAKE_UP_DAY = "make_up_day"


class NamedDay(Frozen):
    """A weekday off or a weekend day worked, with its names and sources.

    Attributes:
        day: The date.
        category: Why the day is special.
        name_vi: Vietnamese name.
        name_en: English name.
        sources: The law or instruments behind it, most specific last.
        provisional: True when the year has no announced schedule yet.
    """

    __slots__ = ("category", "day", "name_en", "name_vi", "provisional", "sources")
    day: date
    category: DayCategory
    name_vi: str
    name_en: str
    sources: tuple[str, ...]
    provisional: bool

    def __init__(  # noqa: PLR0917 - the fields of one day
        self,
        day: date,
        category: DayCategory,
        name_vi: str,
        name_en: str,
        sources: tuple[str, ...],
        provisional: bool = False,
    ) -> None:
        """Store the fields as given."""
        _set(self, "day", day)
        _set(self, "category", category)
        _set(self, "name_vi", name_vi)
        _set(self, "name_en", name_en)
        _set(self, "sources", sources)
        _set(self, "provisional", provisional)


class YearSchedule(Frozen):
    """The non-working weekdays and make-up working days of one year.

    Attributes:
        year: The year.
        days_off: Weekdays (Monday-Friday) that are not working days, in date order.
        make_up_days: Weekend days that are working days, in date order.
        provisional: True when the year's schedule has not been announced.
    """

    __slots__ = ("days_off", "make_up_days", "provisional", "year")
    year: int
    days_off: tuple[NamedDay, ...]
    make_up_days: tuple[NamedDay, ...]
    provisional: bool

    def __init__(
        self,
        year: int,
        days_off: tuple[NamedDay, ...],
        make_up_days: tuple[NamedDay, ...],
        provisional: bool,
    ) -> None:
        """Store the fields as given."""
        _set(self, "year", year)
        _set(self, "days_off", days_off)
        _set(self, "make_up_days", make_up_days)
        _set(self, "provisional", provisional)


def _tables(
    first_year: int, last_year: int, off: Iterable[date], work: Iterable[date]
) -> tuple[int, tuple[bool, ...], list[int]]:
    """Ordinal of the first day, working-day flags, cumulative counts of working days.

    Plain Python containers on purpose: indexing a tuple of booleans or a list of ints
    returns a stored object, where an ``array`` boxes a new int on every read (issue 14).
    The tuple of working days is built on first use (:meth:`WorkingCalendar._days`): a
    due instant under working time never needs it, and it is most of the build time.
    """
    base = date(first_year, 1, 1).toordinal()
    ndays = date(last_year, 12, 31).toordinal() - base + 1
    # Monday-Friday pattern, then the exceptions.
    first_weekday = date(first_year, 1, 1).weekday()
    week = bytes(1 if (first_weekday + k) % 7 < 5 else 0 for k in range(7))
    flags = bytearray((week * (ndays // 7 + 1))[:ndays])
    for d in off:
        flags[d.toordinal() - base] = 0
    for d in work:
        flags[d.toordinal() - base] = 1
    return base, tuple(map(bool, flags)), list(accumulate(flags))


class WorkingCalendar(Frozen):
    """A working calendar over a range of whole years, with O(1) queries.

    Build one with :func:`vietnam_calendar`; the constructor takes already-merged data.
    Dates outside ``first_year``-``last_year`` raise :class:`OutsideCalendarError`.

    Attributes:
        first_year: First year covered.
        last_year: Last year covered.
        provisional_from: First year whose schedule is provisional: not yet announced, so
            its Tết days and second National Day day are a heuristic.
        days_off: Every weekday that is not a working day.
        make_up_days: Every weekend day that is a working day.
        source: Where the data came from (``holidays`` release, announcement table).
    """

    __slots__ = (
        "_base",
        "_cum",
        "_flags",
        "_named",
        "_ndays",
        "_nwork",
        "_workdays",
        "days_off",
        "first_year",
        "last_year",
        "make_up_days",
        "provisional_from",
        "source",
    )
    first_year: int
    last_year: int
    provisional_from: int
    days_off: tuple[NamedDay, ...]
    make_up_days: tuple[NamedDay, ...]
    source: str
    _base: int
    _flags: tuple[bool, ...]
    _cum: list[int]
    _workdays: tuple[date, ...]
    _ndays: int
    _nwork: int
    _named: dict[date, NamedDay]

    def __init__(  # noqa: PLR0917 - the fields of a calendar
        self,
        first_year: int,
        last_year: int,
        provisional_from: int,
        days_off: tuple[NamedDay, ...],
        make_up_days: tuple[NamedDay, ...],
        source: str,
    ) -> None:
        """Keep the data; the ordinal-indexed tables are built on the first query."""
        _set(self, "first_year", first_year)
        _set(self, "last_year", last_year)
        _set(self, "provisional_from", provisional_from)
        _set(self, "days_off", days_off)
        _set(self, "make_up_days", make_up_days)
        _set(self, "source", source)
        if first_year > last_year:
            raise InvalidInputError("years", "a non-empty range of years", (first_year, last_year))
        base = date(first_year, 1, 1).toordinal()
        _set(self, "_base", base)
        _set(self, "_ndays", date(last_year, 12, 31).toordinal() - base + 1)
        # Built on the first query (_build): a due instant reads the schedule's own tables,
        # so the cold start of issue 14 does not pay for these (ADR 0026).
        _set(self, "_flags", ())
        _set(self, "_cum", [])
        _set(self, "_nwork", -1)
        _set(self, "_workdays", ())  # built on first use, see _days
        named = {n.day: n for n in days_off}
        named.update({n.day: n for n in make_up_days})
        _set(self, "_named", named)

    def __eq__(self, other: object) -> bool:
        """Two calendars are equal when they cover the same years with the same days."""
        if not isinstance(other, WorkingCalendar):
            return NotImplemented
        return (
            self.first_year == other.first_year
            and self.last_year == other.last_year
            and self.provisional_from == other.provisional_from
            and self.days_off == other.days_off
            and self.make_up_days == other.make_up_days
        )

    def __hash__(self) -> int:
        """Hash on the covered years and the special days."""
        return hash((self.first_year, self.last_year, self.days_off, self.make_up_days))

    # -- internal helpers -------------------------------------------------------------

    def _index(self, day: date, what: str = "date") -> int:
        i = _ordinal(day, what) - self._base
        if i < 0 or i >= self._ndays:
            raise OutsideCalendarError(day.isoformat(), self.first_year, self.last_year, what)
        return i

    def _build(self) -> None:
        """Build the working-day flags and the cumulative counts, once."""
        if not self._flags:
            _, flags, cum = _tables(
                self.first_year,
                self.last_year,
                [n.day for n in self.days_off],
                [n.day for n in self.make_up_days],
            )
            _set(self, "_cum", cum)
            _set(self, "_nwork", cum[-1])
            _set(self, "_flags", flags)  # last: the mark that the tables are there

    def _days(self) -> tuple[date, ...]:
        """The working days in order (the k-th working day at index k), built once."""
        if not self._workdays:
            self._build()
            base = self._base
            days = tuple(
                map(date.fromordinal, compress(range(base, base + self._ndays), self._flags))
            )
            _set(self, "_workdays", days)
        return self._workdays

    def _outside(self, day: date, n: int) -> OutsideCalendarError:
        return OutsideCalendarError(
            f"{day.isoformat()} {'+' if n >= 0 else '-'} {abs(n)} working days",
            self.first_year,
            self.last_year,
            "result of",
        )

    # -- queries ----------------------------------------------------------------------

    def covers(self, day: date) -> bool:
        """Return True when *day* lies in the calendar's range of years."""
        return self.first_year <= day.year <= self.last_year

    def is_provisional(self, day: date) -> bool:
        """Return True when *day*'s year has no announced schedule yet.

        >>> from motcua import vietnam_calendar
        >>> vietnam_calendar().is_provisional(date(2027, 2, 8))
        True
        """
        return day.year >= self.provisional_from

    def is_working_day(self, day: date) -> bool:
        """Return True when *day* is a working day of the civil service.

        >>> from motcua import vietnam_calendar
        >>> cal = vietnam_calendar()
        >>> cal.is_working_day(date(2026, 1, 2)), cal.is_working_day(date(2026, 1, 10))
        (False, True)
        """
        try:
            i = day.toordinal() - self._base
        except AttributeError:
            i = _ordinal(day, "day") - self._base
        if i >= 0:
            try:
                return self._flags[i]
            except IndexError:
                pass
        if not self._flags:  # the first query: build the tables, then ask again
            self._build()
            return self.is_working_day(day)
        raise OutsideCalendarError(day.isoformat(), self.first_year, self.last_year)

    def add_working_days(self, day: date, n: int) -> date:
        """Return the *n*-th working day after *day* (before it when *n* < 0).

        *day* itself is never counted. ``n == 0`` returns *day* when it is a working day and
        the next working day otherwise. Constant time whatever *n* is.

        Raises:
            InvalidInputError: *n* is not an int.
            OutsideCalendarError: *day* or the result lies outside the calendar.

        >>> from motcua import vietnam_calendar
        >>> cal = vietnam_calendar()
        >>> cal.add_working_days(date(2024, 5, 7), -5)
        datetime.date(2024, 4, 26)
        >>> cal.add_working_days(date(2024, 4, 27), 0)   # Saturday rolls forward
        datetime.date(2024, 5, 2)
        """
        if type(n) is not int:
            raise InvalidInputError("n", "an int number of working days", n)
        try:
            i = day.toordinal() - self._base
        except AttributeError:
            i = _ordinal(day, "day") - self._base
        # Bounds by IndexError (free when nothing is raised); negative indices checked.
        if i >= 0:
            try:
                if n > 0:  # the index is then never negative
                    return (self._workdays or self._days())[self._cum[i] + n - 1]
                k = self._cum[i] - self._flags[i] + n
                if k >= 0:
                    return (self._workdays or self._days())[k]
            except IndexError:
                pass
            if not self._flags:  # the first query: build the tables, then ask again
                self._build()
                return self.add_working_days(day, n)
            if i < self._ndays:
                raise self._outside(day, n)
        raise OutsideCalendarError(day.isoformat(), self.first_year, self.last_year)

    def working_days_between(self, start: date, end: date) -> int:
        """Count the working days in the half-open range (*start*, *end*].

        Negative when *end* is before *start*. For every working day ``b`` after ``a``,
        ``add_working_days(a, working_days_between(a, b)) == b``.

        >>> from motcua import vietnam_calendar
        >>> vietnam_calendar().working_days_between(date(2024, 4, 26), date(2024, 5, 4))
        3
        """
        base = self._base
        try:
            i = start.toordinal() - base
            j = end.toordinal() - base
        except AttributeError:
            i = _ordinal(start, "start") - base
            j = _ordinal(end, "end") - base
        if i >= 0 and j >= 0:
            cum = self._cum
            try:
                return cum[j] - cum[i]
            except IndexError:
                pass
            if not self._flags:  # the first query: build the tables, then ask again
                self._build()
                return self.working_days_between(start, end)
        bad = start if not 0 <= i < self._ndays else end
        raise OutsideCalendarError(bad.isoformat(), self.first_year, self.last_year)

    def next_working_day(self, day: date) -> date:
        """Return the first working day strictly after *day*."""
        return self.add_working_days(day, 1)

    def previous_working_day(self, day: date) -> date:
        """Return the last working day strictly before *day*."""
        return self.add_working_days(day, -1)

    def working_days(self, start: date, end: date) -> Iterator[date]:
        """Iterate over the working days in the closed range [*start*, *end*].

        Examples:
            >>> from motcua import vietnam_calendar
            >>> days = vietnam_calendar().working_days(date(2024, 4, 26), date(2024, 5, 6))
            >>> [d.day for d in days]
            [26, 2, 3, 4, 6]
        """
        self._build()
        i = self._index(start, "start")
        lo = self._cum[i] - self._flags[i]
        hi = self._cum[self._index(end, "end")]
        return iter(self._days()[lo:hi])

    def named_day(self, day: date) -> NamedDay | None:
        """Return why *day* is special (a weekday off or a weekend worked), or None."""
        self._index(day)
        return self._named.get(day)

    def year_schedule(self, year: int) -> YearSchedule:
        """Return the non-working weekdays and make-up working days of *year*.

        Examples:
            >>> from motcua import vietnam_calendar
            >>> s = vietnam_calendar().year_schedule(2026)
            >>> [d.day.isoformat() for d in s.make_up_days]
            ['2026-01-10', '2026-08-22']
        """
        if not self.first_year <= year <= self.last_year:
            raise OutsideCalendarError(str(year), self.first_year, self.last_year, "year")
        return YearSchedule(
            year=year,
            days_off=tuple(n for n in self.days_off if n.day.year == year),
            make_up_days=tuple(n for n in self.make_up_days if n.day.year == year),
            provisional=year >= self.provisional_from,
        )

    def with_announcements(
        self,
        *announcements: Announcement,
        announced_through: int | None = None,
        place: Iterable[str] | None = None,
    ) -> WorkingCalendar:
        """Return a copy with *announcements* applied on top (local closures, new swaps).

        Args:
            announcements: Extra announcements, applied in order after the built-in ones.
            announced_through: Last year whose schedule is now fully announced; later years
                stay provisional. Defaults to the current value.
            place: The codes of the place this calendar is for (a commune's code and its
                province's, see :func:`motcua.domain.places.place_codes`). A local
                announcement that names units applies only when one of them is here
                (:func:`~motcua.time.announcements.applies_to`); without *place* the
                calendar is the national one and such closures are left out. National
                rows apply everywhere.

        Raises:
            InvalidInputError: A change falls outside the calendar's years.
        """
        off = {n.day: n for n in self.days_off}
        work = {n.day: n for n in self.make_up_days}
        provisional_from = (
            self.provisional_from if announced_through is None else announced_through + 1
        )
        where = None if place is None else _place(place)
        for ann in announcements:
            if not applies_to(ann, where):
                continue
            for change in ann.changes:
                if not self.first_year <= change.day.year <= self.last_year:
                    raise InvalidInputError(
                        f"announcement {ann.citation}: change on {change.day.isoformat()}",
                        f"a date in {self.first_year}-{self.last_year}",
                        change.day.isoformat(),
                        "build the calendar with years= covering it",
                    )
            apply_announcement(off, work, ann, provisional_from)
        return WorkingCalendar(
            first_year=self.first_year,
            last_year=self.last_year,
            provisional_from=provisional_from,
            days_off=tuple(sorted(off.values(), key=by_day)),
            make_up_days=tuple(sorted(work.values(), key=by_day)),
            source=self.source + f" + {len(announcements)} user announcement(s)",
        )


def _place(codes: Iterable[str]) -> frozenset[str]:
    if isinstance(codes, str):
        raise InvalidInputError(
            "place", "a collection of unit codes", codes, f"write {{{codes!r}}}"
        )
    out = frozenset(codes)
    if not out or not all(isinstance(c, str) and c for c in out):
        raise InvalidInputError(
            "place", "one or more unit codes as strings", sorted(map(str, out))
        )
    return out


def _ordinal(day: object, what: str) -> int:
    if not isinstance(day, date):
        raise InvalidInputError(
            what, "a datetime.date", day, "parse text first, e.g. date.fromisoformat('2024-05-06')"
        )
    return day.toordinal()


def by_day(n: NamedDay) -> date:
    """Sort key of named days: their date."""
    return n.day


def apply_announcement(
    off: dict[date, NamedDay],
    work: dict[date, NamedDay],
    ann: Announcement,
    provisional_from: int,
) -> None:
    """Apply *ann*'s changes to the days off and make-up days, by date (later rows win).

    A swapped weekday (a change with ``swapped_with``) is an ordinary weekday by law, so it
    replaces a statutory entry that ``holidays`` placed there by its own Tết heuristic (Tết
    2013 and 2014); any other day off already listed keeps its entry and gains the citation.
    """
    category = (
        DayCategory.ANNOUNCED_DAY_OFF if ann.scope is Scope.NATIONAL else DayCategory.LOCAL_CLOSURE
    )
    for change in ann.changes:
        day = change.day
        provisional = day.year >= provisional_from
        if change.kind is DayKind.DAY_OFF:
            work.pop(day, None)
            if day.weekday() >= 5:
                continue  # a weekend day is already off; nothing else to record
            existing = off.get(day)
            swapped = change.swapped_with is not None
            if existing is not None and not (
                swapped and existing.category is DayCategory.PUBLIC_HOLIDAY
            ):
                off[day] = replace(
                    existing,
                    sources=(*existing.sources, ann.citation),
                    provisional=provisional,
                )
            else:
                off[day] = NamedDay(
                    day, category, change.name_vi, change.name_en, (ann.citation,), provisional
                )
        else:
            off.pop(day, None)
            work[day] = NamedDay(
                day,
                DayCategory.MAKE_UP_DAY,
                change.name_vi,
                change.name_en,
                (ann.citation,),
                provisional,
            )
