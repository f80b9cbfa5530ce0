"""Office hours on a timeline: dated weekly schedules, seasonal switches, part-day closures.

Provinces set their units' hours by decision, and change them: some switch between summer
and winter hours on fixed days of every year (Vĩnh Phúc, Decision 873/QĐ-UBND of
08/04/2020: 07:00-11:30 and 13:30-17:00 from 16/4 to 15/10, 07:30-12:00 and 13:00-16:30
from 16/10 to 15/4), others replace one schedule by another from a date (Huế, Decision
4010/QĐ-UBND from 01/01/2026). An :class:`HoursSeries` is that timeline: dated
:class:`HoursPeriod` rows, each holding either fixed :class:`~motcua.time.hours.OfficeHours`
or :class:`SeasonalHours` (switches by day of year). A :class:`Closure` shuts part of one
day (a half-day closure); a whole-day closure is a calendar matter, an
:class:`~motcua.time.announcements.Announcement` with ``DayKind.DAY_OFF``.

:class:`~motcua.time.deadlines.WorkSchedule` takes a series and closures (``series=``,
``closures=``) and precomputes them, so a deadline that crosses a switch stays exact to the
minute at the same cost as one that does not. Published schedules ship as examples in
:mod:`motcua.time.hours_examples`, never as defaults.

>>> summer = OfficeHours.parse({"mon-fri": "07:00-11:30, 13:30-17:00"})
>>> winter = OfficeHours.parse({"mon-fri": "07:30-12:00, 13:00-16:30"})
>>> seasons = SeasonalHours((Season((4, 16), summer), Season((10, 16), winter)))
>>> seasons.hours_on(date(2024, 4, 15)) == winter, seasons.hours_on(date(2024, 4, 16)) == summer
(True, True)
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, time, timedelta
from itertools import pairwise

from motcua.foundation.errors import ConfigurationError, InvalidInputError
from motcua.foundation.values import Frozen
from motcua.time.announcements import _to_date
from motcua.time.hours import OfficeHours, Session

__all__ = ["Closure", "HoursPeriod", "HoursSeries", "Season", "SeasonalHours"]

_set = object.__setattr__


def _month_day(value: object) -> tuple[int, int]:
    month: int
    day: int
    try:
        month, day = value  # type: ignore[misc]  # checked below
        date(2000, month, day)  # a leap year: 29/02 is a valid start
    except (TypeError, ValueError):
        raise InvalidInputError(
            "Season.starts", "a (month, day) pair such as (4, 16)", value
        ) from None
    return (month, day)


class Season(Frozen):
    """Office hours that start on a day of every year and run until the next season starts.

    Attributes:
        starts: The first day, as ``(month, day)``; ``(4, 16)`` is 16 April.
        hours: The office hours of the season.
    """

    __slots__ = ("hours", "starts")
    starts: tuple[int, int]
    hours: OfficeHours

    def __init__(self, starts: object, hours: OfficeHours) -> None:
        """Check the first day (a valid month and day) and the hours."""
        _set(self, "starts", _month_day(starts))
        if not isinstance(hours, OfficeHours):
            raise InvalidInputError("Season.hours", "OfficeHours", hours)
        _set(self, "hours", hours)


def _seasons(value: Iterable[Season]) -> tuple[Season, ...]:
    seasons = tuple(sorted(value, key=lambda s: s.starts))
    if len(seasons) < 2:
        raise InvalidInputError(
            "SeasonalHours.seasons",
            "two or more seasons",
            len(seasons),
            "use OfficeHours directly for hours that do not change",
        )
    for a, b in pairwise(seasons):
        if a.starts == b.starts:
            raise InvalidInputError(
                "SeasonalHours.seasons", "seasons starting on different days", a.starts
            )
    return seasons


class SeasonalHours(Frozen):
    """Office hours that switch on fixed days of every year (summer and winter hours).

    A day belongs to the season with the latest start on or before it in its year; days
    before the first start of the year belong to the year's last season (winter running on
    from the previous October).

    Attributes:
        seasons: Two or more seasons, in any order (kept sorted by start).
    """

    __slots__ = ("seasons",)
    seasons: tuple[Season, ...]

    def __init__(self, seasons: Iterable[Season]) -> None:
        """Sort the seasons by start; check there are two or more, on different days."""
        _set(self, "seasons", _seasons(seasons))

    def hours_on(self, day: date) -> OfficeHours:
        """Return the season's office hours on *day*."""
        key = (day.month, day.day)
        current = self.seasons[-1]
        for season in self.seasons:
            if season.starts <= key:
                current = season
            else:
                break
        return current.hours

    def all_hours(self) -> tuple[OfficeHours, ...]:
        """Return the office hours of every season."""
        return tuple(s.hours for s in self.seasons)


def _check_hours(value: OfficeHours | SeasonalHours) -> None:
    if not isinstance(value, OfficeHours | SeasonalHours):
        raise InvalidInputError("HoursPeriod.hours", "OfficeHours or SeasonalHours", value)


class HoursPeriod(Frozen):
    """One row of a unit's hours timeline: the hours in force from a day on.

    Attributes:
        start: The first day the hours apply (the decision's effective date).
        hours: Fixed office hours, or seasonal ones.
        source: The decision that set them, e.g. ``"873/QĐ-UBND (08/04/2020), Art. 1"``.
    """

    __slots__ = ("hours", "source", "start")
    start: date
    hours: OfficeHours | SeasonalHours
    source: str

    def __init__(
        self, start: date | str, hours: OfficeHours | SeasonalHours, source: str = ""
    ) -> None:
        """Read an ISO start date; check the hours."""
        _set(self, "start", _to_date(start))
        _set(self, "hours", hours)
        _set(self, "source", source)
        _check_hours(hours)


def _periods(value: Iterable[HoursPeriod]) -> tuple[HoursPeriod, ...]:
    periods = tuple(sorted(value, key=lambda p: p.start))
    if not periods:
        raise InvalidInputError("HoursSeries.periods", "one or more periods", 0)
    for a, b in pairwise(periods):
        if a.start == b.start:
            raise InvalidInputError(
                "HoursSeries.periods", "one period per start day", a.start.isoformat()
            )
    return periods


def _flat(hours: OfficeHours | SeasonalHours) -> tuple[OfficeHours, ...]:
    return hours.all_hours() if isinstance(hours, SeasonalHours) else (hours,)


class HoursSeries(Frozen):
    """A unit's office hours as a dated series of weekly schedules.

    Before the first period the schedule's own ``hours`` apply (see
    :class:`~motcua.time.deadlines.WorkSchedule`).

    Attributes:
        periods: The rows, in any order (kept sorted by start).
        day_length: The office time of one working day of a time limit. Derived when every
            set of hours in the series has the same day length; required otherwise.
        name: What the series is (a unit, a province's decision), for messages and docs.
    """

    __slots__ = ("day_length", "name", "periods")
    periods: tuple[HoursPeriod, ...]
    day_length: timedelta | None
    name: str

    def __init__(
        self,
        periods: Iterable[HoursPeriod],
        day_length: timedelta | None = None,
        name: str = "",
    ) -> None:
        """Sort the rows; derive the day length, or check the one given."""
        rows = _periods(periods)
        _set(self, "periods", rows)
        _set(self, "name", name)
        if day_length is not None:
            if day_length <= timedelta():
                raise InvalidInputError(
                    "HoursSeries.day_length", "a positive timedelta", day_length
                )
            _set(self, "day_length", day_length)
            return
        lengths = {h.day_length for p in rows for h in _flat(p.hours)}
        if len(lengths) != 1:
            shown = ", ".join(sorted(str(x) for x in lengths))
            raise ConfigurationError(
                f"HoursSeries.day_length: the hours in the series have different day lengths "
                f"({shown}); pass day_length= to say how long one working day of a time "
                "limit is"
            )
        _set(self, "day_length", lengths.pop())

    @property
    def first_day(self) -> date:
        """The first day the series covers."""
        return self.periods[0].start

    def period_on(self, day: date) -> HoursPeriod | None:
        """Return the row in force on *day*, or None before the first row."""
        current = None
        for p in self.periods:
            if p.start <= day:
                current = p
            else:
                break
        return current

    def hours_on(self, day: date) -> OfficeHours | None:
        """Return the office hours in force on *day*, or None before the first row.

        >>> from motcua.time.hours_examples import vinh_phuc_873_2020
        >>> first, *_ = vinh_phuc_873_2020().hours_on(date(2024, 10, 16)).weekdays[0]
        >>> str(first)
        '07:30-12:00'
        """
        p = self.period_on(day)
        if p is None:
            return None
        return p.hours.hours_on(day) if isinstance(p.hours, SeasonalHours) else p.hours

    def all_hours(self) -> tuple[OfficeHours, ...]:
        """Return every set of office hours the series uses."""
        return tuple(h for p in self.periods for h in _flat(p.hours))


def _closed(value: object) -> tuple[Session, ...]:
    if isinstance(value, Session):
        return (value,)
    try:
        spans: tuple[object, ...] = tuple(value)  # type: ignore[arg-type]  # checked here
    except TypeError:
        raise InvalidInputError(
            "Closure.closed", "a Session or a tuple of sessions", value
        ) from None
    sessions = tuple(s for s in spans if isinstance(s, Session))
    if not sessions or len(sessions) != len(spans):
        raise InvalidInputError("Closure.closed", "one or more Session values", value)
    return tuple(sorted(sessions))


def _closure_units(value: Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        raise InvalidInputError(
            "Closure.units", "a tuple of unit codes", value, f"write ({value!r},)"
        )
    codes = tuple(value)
    if not all(isinstance(c, str) and c for c in codes):
        raise InvalidInputError("Closure.units", "unit codes as non-empty strings", codes)
    return codes


class Closure(Frozen):
    """Part of one day closed by decision (a half-day closure): that office time does not count.

    A whole-day closure is a calendar change: an
    :class:`~motcua.time.announcements.Announcement` with ``Scope.LOCAL`` and a
    ``DayKind.DAY_OFF`` change, so that day-based counting rules skip the day too.

    Attributes:
        day: The day.
        closed: The span(s) of that day that are closed, e.g. ``Session(time(13), time(17))``
            for an afternoon; office time outside them still counts.
        source: The decision or notice that closed it.
        units: The codes of the units it applies to (province or commune codes); it then
            applies only to a schedule built for one of those places. Empty: it applies to
            whatever schedule it is given to.
    """

    __slots__ = ("closed", "day", "source", "units")
    day: date
    closed: tuple[Session, ...]
    source: str
    units: tuple[str, ...]

    def __init__(
        self, day: date | str, closed: object, source: str = "", units: Iterable[str] = ()
    ) -> None:
        """Read an ISO date; check the closed spans (sorted) and the unit codes."""
        _set(self, "day", _to_date(day))
        _set(self, "closed", _closed(closed))
        _set(self, "source", source)
        _set(self, "units", _closure_units(units))

    @classmethod
    def afternoon(cls, day: date, source: str = "", units: Iterable[str] = ()) -> Closure:
        """Return a closure from 12:00 to 24:00 (every afternoon session of *day*)."""
        return cls(day, Session(time(12, 0), time(23, 59)), source, tuple(units))

    @classmethod
    def morning(cls, day: date, source: str = "", units: Iterable[str] = ()) -> Closure:
        """Return a closure from 00:00 to 12:00 (every morning session of *day*)."""
        return cls(day, Session(time(0, 0), time(12, 0)), source, tuple(units))

    def applies_to(self, place: frozenset[str] | None) -> bool:
        """Return True when the closure applies to a schedule built for *place*."""
        if not self.units:
            return True
        return place is not None and not place.isdisjoint(self.units)


def cut(
    spans: tuple[tuple[int, int], ...], closed: tuple[tuple[int, int], ...]
) -> tuple[tuple[int, int], ...]:
    """Remove the *closed* spans from the half-open *spans* (both sorted, same unit)."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        pieces = [(s, e)]
        for cs, ce in closed:
            nxt: list[tuple[int, int]] = []
            for a, b in pieces:
                if ce <= a or cs >= b:
                    nxt.append((a, b))
                    continue
                if a < cs:
                    nxt.append((a, cs))
                if ce < b:
                    nxt.append((ce, b))
            pieces = nxt
        out.extend(pieces)
    return tuple(out)
