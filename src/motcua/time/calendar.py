"""The civil-service working calendar of Vietnam.

A day is a working day (ngày làm việc) when it is a Monday to Friday (Decision
188/1999/QĐ-TTg, Art. 1: five-day week, Saturday and Sunday off), is not a public holiday
(Labour Code 2019, Art. 112, with the compensatory days of Art. 111(3)), and is not a day
off granted by an official announcement; a Saturday or Sunday announced as a make-up
working day (ngày làm bù) is a working day.

Public holidays come from the ``holidays`` package's VN calendar, shipped as a generated
snapshot so that ``import motcua`` does not import ``holidays`` (ADR 0003); swaps and other
announcements come from :mod:`motcua.time.announcements`. Years after the last announced
schedule are *provisional*: computed from the law alone. Every query after construction is
O(1) whatever the distance in days (ordinal-indexed tables).

This module is the only one that imports ``holidays``.

>>> cal = vietnam_calendar()
>>> cal.is_working_day(date(2024, 5, 4))   # Saturday worked for the 29/04 swap
True
>>> cal.add_working_days(date(2024, 4, 26), 5)
datetime.date(2024, 5, 7)
>>> cal.working_days_between(date(2024, 4, 26), date(2024, 5, 7))
5
"""

from __future__ import annotations

import enum
import functools
from array import array
from collections.abc import Iterable, Iterator
from datetime import date
from itertools import accumulate, compress
from typing import Any, Final

import attrs

from motcua.foundation.errors import InvalidInputError, OutsideCalendarError
from motcua.time.announcements import ANNOUNCEMENTS, Announcement, DayKind, Scope

__all__ = [
    "LAST_ANNOUNCED_YEAR",
    "DayCategory",
    "NamedDay",
    "WorkingCalendar",
    "YearSchedule",
    "statutory_holidays_from_package",
    "vietnam_calendar",
]

#: The last year whose schedule (Tết, swaps) motcua's announcement table covers; later
#: years are provisional.
LAST_ANNOUNCED_YEAR: Final = 2026

#: First year of the Vietnamese Culture Day (24/11) as a paid holiday in ``holidays`` 0.109
#: (Politburo Resolution 80-NQ/TW of 07/01/2026; the Labour Code amendment was not read).
CULTURE_DAY_FROM: Final = 2026

_LABOUR_CODE: Final = "Labour Code 2019 Art. 112 (Art. 111(3) for compensatory days)"
_CULTURE_DAY: Final = (
    "Politburo Resolution 80-NQ/TW (07/01/2026): 24/11 Vietnamese Culture Day, a paid day off"
)


class DayCategory(enum.Enum):
    """Why a weekday is off, or a weekend day is worked."""

    #: A statutory public holiday or its compensatory day (Labour Code 2019 Art. 111-112).
    PUBLIC_HOLIDAY = "public_holiday"
    #: A weekday off granted by a national announcement (a swap or a Tết placement).
    ANNOUNCED_DAY_OFF = "announced_day_off"
    #: A weekday closed by a local (user-supplied) decision.
    LOCAL_CLOSURE = "local_closure"
    #: A Saturday or Sunday worked by announcement (make-up day, ngày làm bù).
    MAKE_UP_DAY = "make_up_day"


@attrs.frozen
class NamedDay:
    """A weekday off or a weekend day worked, with its names and sources.

    Attributes:
        day: The date.
        category: Why the day is special.
        name_vi: Vietnamese name.
        name_en: English name.
        sources: The law or instruments behind it, most specific last.
        provisional: True when the year has no announced schedule yet.
    """

    day: date
    category: DayCategory
    name_vi: str
    name_en: str
    sources: tuple[str, ...]
    provisional: bool = False


@attrs.frozen
class YearSchedule:
    """The non-working weekdays and make-up working days of one year.

    Attributes:
        year: The year.
        days_off: Weekdays (Monday-Friday) that are not working days, in date order.
        make_up_days: Weekend days that are working days, in date order.
        provisional: True when the year's schedule has not been announced.
    """

    year: int
    days_off: tuple[NamedDay, ...]
    make_up_days: tuple[NamedDay, ...]
    provisional: bool


def _tables(
    first_year: int, last_year: int, off: frozenset[date], work: frozenset[date]
) -> tuple[int, bytes, array[int], tuple[date, ...]]:
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
    cum = array("l", accumulate(flags))
    workdays = tuple(map(date.fromordinal, compress(range(base, base + ndays), flags)))
    return base, bytes(flags), cum, workdays


@attrs.frozen(eq=False)
class WorkingCalendar:
    """A working calendar over a range of whole years, with O(1) queries.

    Build one with :func:`vietnam_calendar`; the constructor takes already-merged data.
    Dates outside ``first_year``-``last_year`` raise :class:`OutsideCalendarError`.

    Attributes:
        first_year: First year covered.
        last_year: Last year covered.
        provisional_from: First year whose schedule is provisional (computed from the law
            alone, not yet announced).
        days_off: Every weekday that is not a working day.
        make_up_days: Every weekend day that is a working day.
        source: Where the data came from (``holidays`` release, announcement table).
    """

    first_year: int
    last_year: int
    provisional_from: int
    days_off: tuple[NamedDay, ...]
    make_up_days: tuple[NamedDay, ...]
    source: str
    _base: int = attrs.field(init=False, repr=False)
    _flags: bytes = attrs.field(init=False, repr=False)
    _cum: array[int] = attrs.field(init=False, repr=False)
    _workdays: tuple[date, ...] = attrs.field(init=False, repr=False)
    _named: dict[date, NamedDay] = attrs.field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        """Precompute the ordinal-indexed tables that make every query O(1)."""
        if self.first_year > self.last_year:
            raise InvalidInputError(
                "years", "a non-empty range of years", (self.first_year, self.last_year)
            )
        base, flags, cum, workdays = _tables(
            self.first_year,
            self.last_year,
            frozenset(n.day for n in self.days_off),
            frozenset(n.day for n in self.make_up_days),
        )
        object.__setattr__(self, "_base", base)
        object.__setattr__(self, "_flags", flags)
        object.__setattr__(self, "_cum", cum)
        object.__setattr__(self, "_workdays", workdays)
        named = {n.day: n for n in self.days_off}
        named.update({n.day: n for n in self.make_up_days})
        object.__setattr__(self, "_named", named)

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
        if i < 0 or i >= len(self._flags):
            raise OutsideCalendarError(day.isoformat(), self.first_year, self.last_year, what)
        return i

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

        >>> vietnam_calendar().is_provisional(date(2027, 2, 8))
        True
        """
        return day.year >= self.provisional_from

    def is_working_day(self, day: date) -> bool:
        """Return True when *day* is a working day of the civil service.

        >>> cal = vietnam_calendar()
        >>> cal.is_working_day(date(2026, 1, 2)), cal.is_working_day(date(2026, 1, 10))
        (False, True)
        """
        try:
            i = day.toordinal() - self._base
        except AttributeError:
            i = _ordinal(day, "day") - self._base
        if i < 0 or i >= len(self._flags):
            raise OutsideCalendarError(day.isoformat(), self.first_year, self.last_year)
        return self._flags[i] == 1

    def add_working_days(self, day: date, n: int) -> date:
        """Return the *n*-th working day after *day* (before it when *n* < 0).

        *day* itself is never counted. ``n == 0`` returns *day* when it is a working day and
        the next working day otherwise. Constant time whatever *n* is.

        Raises:
            InvalidInputError: *n* is not an int.
            OutsideCalendarError: *day* or the result lies outside the calendar.

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
        if i < 0 or i >= len(self._flags):
            raise OutsideCalendarError(day.isoformat(), self.first_year, self.last_year)
        k = self._cum[i] + n - 1 if n > 0 else self._cum[i] - self._flags[i] + n
        if k < 0 or k >= len(self._workdays):
            raise self._outside(day, n)
        return self._workdays[k]

    def working_days_between(self, start: date, end: date) -> int:
        """Count the working days in the half-open range (*start*, *end*].

        Negative when *end* is before *start*. For every working day ``b`` after ``a``,
        ``add_working_days(a, working_days_between(a, b)) == b``.

        >>> vietnam_calendar().working_days_between(date(2024, 4, 26), date(2024, 5, 4))
        3
        """
        base = self._base
        n = len(self._flags)
        try:
            i = start.toordinal() - base
            j = end.toordinal() - base
        except AttributeError:
            i = _ordinal(start, "start") - base
            j = _ordinal(end, "end") - base
        if i < 0 or i >= n:
            raise OutsideCalendarError(start.isoformat(), self.first_year, self.last_year)
        if j < 0 or j >= n:
            raise OutsideCalendarError(end.isoformat(), self.first_year, self.last_year)
        return self._cum[j] - self._cum[i]

    def next_working_day(self, day: date) -> date:
        """Return the first working day strictly after *day*."""
        return self.add_working_days(day, 1)

    def previous_working_day(self, day: date) -> date:
        """Return the last working day strictly before *day*."""
        return self.add_working_days(day, -1)

    def working_days(self, start: date, end: date) -> Iterator[date]:
        """Iterate over the working days in the closed range [*start*, *end*].

        Examples:
            >>> days = vietnam_calendar().working_days(date(2024, 4, 26), date(2024, 5, 6))
            >>> [d.day for d in days]
            [26, 2, 3, 4, 6]
        """
        i = self._index(start, "start")
        lo = self._cum[i] - self._flags[i]
        hi = self._cum[self._index(end, "end")]
        return iter(self._workdays[lo:hi])

    def named_day(self, day: date) -> NamedDay | None:
        """Return why *day* is special (a weekday off or a weekend worked), or None."""
        self._index(day)
        return self._named.get(day)

    def year_schedule(self, year: int) -> YearSchedule:
        """Return the non-working weekdays and make-up working days of *year*.

        Examples:
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
        self, *announcements: Announcement, announced_through: int | None = None
    ) -> WorkingCalendar:
        """Return a copy with *announcements* applied on top (local closures, new swaps).

        Args:
            announcements: Extra announcements, applied in order after the built-in ones.
            announced_through: Last year whose schedule is now fully announced; later years
                stay provisional. Defaults to the current value.

        Raises:
            InvalidInputError: A change falls outside the calendar's years.
        """
        off = {n.day: n for n in self.days_off}
        work = {n.day: n for n in self.make_up_days}
        provisional_from = (
            self.provisional_from if announced_through is None else announced_through + 1
        )
        for ann in announcements:
            for change in ann.changes:
                if not self.first_year <= change.day.year <= self.last_year:
                    raise InvalidInputError(
                        f"announcement {ann.citation}: change on {change.day.isoformat()}",
                        f"a date in {self.first_year}-{self.last_year}",
                        change.day.isoformat(),
                        "build the calendar with years= covering it",
                    )
            _apply(off, work, ann, provisional_from)
        return WorkingCalendar(
            first_year=self.first_year,
            last_year=self.last_year,
            provisional_from=provisional_from,
            days_off=tuple(sorted(off.values(), key=_by_day)),
            make_up_days=tuple(sorted(work.values(), key=_by_day)),
            source=self.source + f" + {len(announcements)} user announcement(s)",
        )


def _ordinal(day: object, what: str) -> int:
    if not isinstance(day, date):
        raise InvalidInputError(
            what, "a datetime.date", day, "parse text first, e.g. date.fromisoformat('2024-05-06')"
        )
    return day.toordinal()


def _by_day(n: NamedDay) -> date:
    return n.day


def _apply(
    off: dict[date, NamedDay],
    work: dict[date, NamedDay],
    ann: Announcement,
    provisional_from: int,
) -> None:
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
            if existing is not None:
                off[day] = attrs.evolve(
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


def statutory_holidays_from_package(
    years: Iterable[int],
) -> tuple[str, list[tuple[date, str, str]]]:
    """Return ``holidays``' release and its VN statutory holidays for *years*.

    Rows are ``(date, Vietnamese name, English name)`` in date order, without ``holidays``'
    own swap table (motcua keeps swaps in :mod:`motcua.time.announcements`). This is the
    only place motcua imports ``holidays``; it is used to regenerate and to check the
    shipped snapshot, not on the fast path.
    """
    from importlib.metadata import version  # noqa: PLC0415 - slow import, rarely needed

    import holidays  # noqa: PLC0415 - imported on demand to keep `import motcua` fast

    year_list = list(years)
    vi = holidays.country_holidays("VN", years=year_list, language="vi")
    en = holidays.country_holidays("VN", years=year_list, language="en_US")
    swapped = _package_swaps()
    rows = [
        (d, str(vi[d]), str(en[d]))
        for d in sorted(vi)
        if d not in swapped and not str(vi[d]).startswith("Ngày nghỉ (thay cho")
    ]
    return version("holidays"), rows


def _package_swaps() -> frozenset[date]:
    """Return the days off that ``holidays`` adds from its own swap table."""
    from holidays.countries.vietnam import VietnamStaticHolidays  # noqa: PLC0415

    out: set[date] = set()
    table: dict[int, Any] = VietnamStaticHolidays.special_public_holidays
    for year, spec in table.items():
        entries = spec if isinstance(spec[0], tuple) else (spec,)
        for entry in entries:
            out.add(date(year, entry[0], entry[1]))
    return frozenset(out)


def package_swaps() -> tuple[frozenset[date], frozenset[date]]:
    """Return ``holidays``' own swapped days off and make-up working days (for tests)."""
    import holidays  # noqa: PLC0415

    vn = holidays.country_holidays("VN", years=range(2018, LAST_ANNOUNCED_YEAR + 1))
    days_off = frozenset(d for d in _package_swaps() if d.year >= 2018)
    return days_off, frozenset(d for d in vn.weekend_workdays if d.year >= 2018)


@functools.lru_cache(maxsize=16)
def _vietnam_calendar(first_year: int, last_year: int, culture_day: bool) -> WorkingCalendar:
    from motcua.time import _vn_statutory as snap  # noqa: PLC0415 - data loaded on first use

    if first_year < snap.FIRST_YEAR or last_year > snap.LAST_YEAR:
        raise InvalidInputError(
            "years",
            f"a range within {snap.FIRST_YEAR}-{snap.LAST_YEAR}",
            f"range({first_year}, {last_year + 1})",
            "motcua ships public holidays for these years only",
        )
    source = f"holidays {snap.HOLIDAYS_RELEASE} (VN) + motcua announcements"
    off: dict[date, NamedDay] = {}
    lo, hi = f"{first_year}-01-01", f"{last_year}-12-31"
    for iso, vi, en in snap.STATUTORY:
        if not lo <= iso <= hi:
            continue
        day = date.fromisoformat(iso)
        if day.isoweekday() > 5:
            continue
        if not culture_day and "Văn hóa Việt Nam" in vi:
            continue
        basis = _CULTURE_DAY if "Văn hóa Việt Nam" in vi else _LABOUR_CODE
        off[day] = NamedDay(
            day,
            DayCategory.PUBLIC_HOLIDAY,
            vi,
            en,
            (f"{basis}; computed by holidays {snap.HOLIDAYS_RELEASE}",),
            day.year > LAST_ANNOUNCED_YEAR,
        )
    work: dict[date, NamedDay] = {}
    for ann in ANNOUNCEMENTS:
        if any(first_year <= c.day.year <= last_year for c in ann.changes):
            _apply(
                off,
                work,
                attrs.evolve(
                    ann,
                    changes=tuple(c for c in ann.changes if first_year <= c.day.year <= last_year),
                ),
                LAST_ANNOUNCED_YEAR + 1,
            )
    return WorkingCalendar(
        first_year=first_year,
        last_year=last_year,
        provisional_from=LAST_ANNOUNCED_YEAR + 1,
        days_off=tuple(sorted(off.values(), key=_by_day)),
        make_up_days=tuple(sorted(work.values(), key=_by_day)),
        source=source,
    )


def vietnam_calendar(
    years: range | None = None,
    *,
    extra: Iterable[Announcement] = (),
    announced_through: int | None = None,
    culture_day: bool = True,
) -> WorkingCalendar:
    """Return Vietnam's civil-service working calendar with every announcement motcua knows.

    Args:
        years: The years to cover (default 2018-2099, all that motcua ships). A narrower
            range builds faster; dates outside it raise :class:`OutsideCalendarError`.
        extra: Your own announcements (a local closure, a swap announced after this
            release), applied after the built-in table.
        announced_through: The last year whose schedule is announced once *extra* is
            applied (default: 2026, motcua's table). Later years are provisional.
        culture_day: Whether 24/11 (Ngày Văn hóa Việt Nam) is a holiday from 2026, as in
            ``holidays`` 0.109 (Politburo Resolution 80-NQ/TW; see ``docs/explanation``).

    >>> cal = vietnam_calendar(range(2024, 2027))
    >>> cal.first_year, cal.last_year, cal.provisional_from
    (2024, 2026, 2027)
    """
    if years is None:
        first, last = 2018, 2099
    else:
        if not isinstance(years, range) or len(years) == 0 or years.step != 1:
            raise InvalidInputError(
                "years", "a non-empty range of consecutive years, e.g. range(2024, 2031)", years
            )
        first, last = years[0], years[-1]
    cal = _vietnam_calendar(first, last, culture_day)
    extras = tuple(extra)
    if extras or announced_through is not None:
        cal = cal.with_announcements(*extras, announced_through=announced_through)
    return cal
