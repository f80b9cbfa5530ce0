"""The deadline engine: from a receipt instant and a time limit to the due instant.

A :class:`WorkSchedule` joins a :class:`~motcua.time.calendar.WorkingCalendar` and a unit's
:class:`~motcua.time.hours.OfficeHours` and precomputes the office time before every day,
so that turning an instant into "office time elapsed" and back costs O(log days) at most,
independent of the time limit. :meth:`WorkSchedule.due` applies one of the named
:class:`~motcua.time.limits.CountingRule` policies (ADR 0004):

* working time (default for working days and hours): receipt + N x day length of office
  time; receipt outside office hours counts from the next session; an end exactly at a
  session's close stays at the close;
* whole days (Civil Code 2015 Art. 147(2), 148(1), 148(6)): the receipt day is not counted;
  the period ends at 24:00 of the N-th working day after it (the due instant is 00:00 of
  the next day);
* calendar days and months (Civil Code 2015 Art. 147(2), 148(1), 148(3)): the last day,
  rolled to the next working day when it is a rest day (Art. 148(5)), ending at 24:00
  (Art. 148(6));
* same day with a cut-off (Decree 23/2015/NĐ-CP Art. 7): after the cut-off, the next
  working day.

Paused intervals (the applicant supplementing a dossier, paying an obligation) are excluded
from the count; a restart is a new computation from the new receipt instant. The values,
:class:`Due` and :class:`Pause`, live in :mod:`motcua.time.due` and are re-exported here.

>>> from datetime import datetime
>>> str(compute_due(datetime(2024, 4, 26, 9, 0), WorkingDays(5)))
'2024-05-07T09:00+07:00'
>>> whole = compute_due(datetime(2024, 4, 26, 9, 0), WorkingDays(5), rule=CountingRule.WHOLE_DAYS)
>>> str(whole), whole.last_day
('2024-05-08T00:00+07:00', datetime.date(2024, 5, 7))

An appointment printed on a receipt may still show the office's close of that last day
(:meth:`WorkSchedule.appointment`): a receipt policy, kept apart from the legal end.
"""

from __future__ import annotations

import functools
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta, timezone
from itertools import accumulate, compress
from typing import Final

from motcua.foundation.errors import InvalidInputError, OutsideCalendarError
from motcua.foundation.values import Frozen
from motcua.foundation.vntime import VN_TZ
from motcua.time.calendar import WorkingCalendar, vietnam_calendar
from motcua.time.civil_days import civil_last_day, shift_working
from motcua.time.day_table import MAKE_UP, NONE, US, closures_of, place_of, spans_of, timeline
from motcua.time.due import Due, Pause, as_instant, merge_pauses, working_due
from motcua.time.hours import OfficeHours
from motcua.time.hours_series import Closure, HoursSeries
from motcua.time.limits import (
    CountingRule,
    SameDay,
    TimeLimit,
    WorkingDays,
    WorkingHours,
    resolve_rule,
)

__all__ = ["Due", "Pause", "WorkSchedule", "compute_due", "default_schedule"]

_HOUR_US: Final = 3600 * US
#: Microseconds in a minute: every session, closure and switch falls on a whole minute.
_MIN_US: Final = 60 * US

#: Keys of ``WorkSchedule._memo``: the days with office time, and their common length.
_WORKING_DAYS: Final = "working days"
_DAY_SECONDS: Final = "day seconds"


def _minute_tables(spans: tuple[tuple[int, int], ...]) -> tuple[list[int], list[int]]:
    """Office time before each minute of a day, and the clock at each minute of office time.

    *spans* are a day's counting sessions in µs from midnight, sorted, on whole minutes.
    Returns ``worked`` (1,441 entries: office µs before minute ``m``) and ``clock`` (µs from
    midnight at the start of the ``q``-th minute of office time, then the close).
    """
    open_minutes = bytearray(1440)
    clock: list[int] = []
    for s, e in spans:
        if s % _MIN_US or e % _MIN_US:  # pragma: no cover - a Session is given to the minute
            raise AssertionError(spans)
        a, b = s // _MIN_US, e // _MIN_US
        open_minutes[a:b] = b"\x01" * (b - a)
        clock.extend(range(s, e, _MIN_US))
    if spans:
        clock.append(spans[-1][1])
    return [m * _MIN_US for m in accumulate(open_minutes, initial=0)], clock


class WorkSchedule(Frozen):
    """A working calendar plus office hours: where deadline time runs, precomputed.

    Attributes:
        calendar: The working calendar (which days are working days).
        hours: The unit's office hours (which minutes of a working day count); with a
            *series*, the hours before its first row.
        series: The unit's hours as a dated series of weekly schedules (seasonal
            switches); None: *hours* on every day. Every set of hours must have the day
            length of *hours*, the length of a working day of a time limit.
        closures: Part-day closures (half days); those naming units apply only when one
            of them is in *place*.
        place: The codes of the place the schedule is for (build the calendar for the same
            place: :func:`motcua.domain.places.schedule_for_place` does both).

    >>> schedule = WorkSchedule(vietnam_calendar(range(2024, 2026)))
    >>> schedule.working_time_between(datetime(2024, 4, 26, 16, 0), datetime(2024, 5, 2, 9, 0))
    datetime.timedelta(seconds=7200)
    """

    __slots__ = (
        "_base",
        "_clock",
        "_clock_us",
        "_cum",
        "_day_us",
        "_epoch",
        "_kinds",
        "_memo",
        "_midnights",
        "_spans",
        "_unit_us",
        "_wdays",
        "_worked",
        "calendar",
        "closures",
        "hours",
        "place",
        "series",
    )
    calendar: WorkingCalendar
    hours: OfficeHours
    series: HoursSeries | None
    closures: tuple[Closure, ...]
    place: frozenset[str] | None
    _base: int
    _epoch: datetime
    _kinds: bytes | array[int]
    _spans: tuple[tuple[tuple[int, int], ...], ...]
    _cum: list[int]
    _day_us: int
    _midnights: list[datetime | None]
    _memo: dict[str, tuple[int, ...]]
    _worked: list[list[int]]
    _clock_us: list[list[int]]
    _clock: list[list[timedelta]]
    _unit_us: int
    _wdays: tuple[int, ...]

    __match_args__ = ("calendar", "hours")  # the positional fields

    # Compared and hashed by identity: the tables make field equality costly, and the
    # memos (midnights, day index) are never part of the value nor pickled.
    __eq__ = object.__eq__
    __hash__ = object.__hash__

    def __init__(
        self,
        calendar: WorkingCalendar,
        hours: OfficeHours | None = None,
        *,
        series: HoursSeries | None = None,
        closures: Iterable[Closure] = (),
        place: Iterable[str] | None = None,
    ) -> None:
        """Precompute the office time before each day of the calendar."""
        _set = object.__setattr__
        _set(self, "calendar", calendar)
        _set(self, "hours", OfficeHours.standard() if hours is None else hours)
        _set(self, "series", series)
        _set(self, "closures", closures_of(closures))
        _set(self, "place", place_of(place))
        _set(self, "_memo", {})
        cal = self.calendar
        base = date(cal.first_year, 1, 1).toordinal()
        ndays = date(cal.last_year, 12, 31).toordinal() - base + 1
        w0 = date(cal.first_year, 1, 1).weekday()
        # Weekday kinds 0-4 on Monday-Friday, NONE on weekends; then the special days.
        week = bytes((w0 + k) % 7 if (w0 + k) % 7 < 5 else NONE for k in range(7))
        kinds_buf = bytearray((week * (ndays // 7 + 1))[:ndays])
        for named in cal.days_off:
            kinds_buf[named.day.toordinal() - base] = NONE
        for named in cal.make_up_days:
            kinds_buf[named.day.toordinal() - base] = MAKE_UP
        kinds: bytes | array[int] = bytes(kinds_buf)
        spans: tuple[tuple[tuple[int, int], ...], ...] = (
            *(spans_of(self.hours.sessions_for_weekday(wd)) for wd in range(5)),
            spans_of(self.hours.sessions_for_make_up_day()),
            (),
        )
        day_length = self.hours.day_length
        if day_length is None:  # pragma: no cover - OfficeHours always fills it
            raise AssertionError
        closures = tuple(c for c in self.closures if c.applies_to(self.place))
        if self.series is not None or closures:
            kinds, spans = timeline(kinds, spans, base, closures, day_length, series=self.series)
        lengths = [sum(e - s for s, e in sp) // US for sp in spans]
        # A list, not an array: reading a list returns the stored int (issue 14).
        cum = list(accumulate(map(lengths.__getitem__, kinds), initial=0))
        object.__setattr__(self, "_base", base)
        object.__setattr__(
            self, "_epoch", datetime.combine(date(cal.first_year, 1, 1), time.min, VN_TZ)
        )
        object.__setattr__(self, "_kinds", kinds)
        object.__setattr__(self, "_spans", spans)
        object.__setattr__(self, "_cum", cum)
        object.__setattr__(self, "_midnights", [None] * len(kinds))
        object.__setattr__(self, "_day_us", day_length // timedelta(microseconds=1))
        # The minute tables (see _kernel), built with the day index on the first due instant.
        object.__setattr__(self, "_worked", [])
        object.__setattr__(self, "_clock_us", [])
        object.__setattr__(self, "_clock", [])
        object.__setattr__(self, "_unit_us", -1)  # not built yet
        object.__setattr__(self, "_wdays", ())

    def hours_on(self, day: date) -> OfficeHours:
        """Return the office hours in force on *day* (the series' row, else *hours*).

        Part-day closures are not shown here; :meth:`is_office_time` accounts for them.
        """
        found = self.series.hours_on(day) if self.series is not None else None
        return found if found is not None else self.hours

    def is_reception_time(self, at: datetime) -> bool:
        """Return True when *at* is in a reception-only session (e.g. a Saturday desk).

        Reception sessions receive dossiers but never count as deadline time; a dossier
        received then counts from the next counting session.
        """
        at = as_instant(at, "at")
        self._day_index(at.date(), "instant")
        t = at.timetz().replace(tzinfo=None)
        sessions = self.hours_on(at.date()).reception_for_weekday(at.weekday())
        return any(s.start <= t < s.end for s in sessions)

    # -- positions on the office-time line --------------------------------------------

    def _day_index(self, day: date, what: str) -> int:
        if not isinstance(day, date):
            raise InvalidInputError(what, "a datetime.date or datetime.datetime", day)
        i = day.toordinal() - self._base
        if i < 0 or i >= len(self._kinds):
            cal = self.calendar
            raise OutsideCalendarError(day.isoformat(), cal.first_year, cal.last_year, what)
        return i

    def _pos(self, at: datetime, what: str = "instant") -> int:
        """Microseconds of office time from the calendar's start to *at* (Vietnam time)."""
        i = at.toordinal() - self._base
        if i < 0 or i >= len(self._kinds):
            i = self._day_index(at.date(), what)  # raises the error naming the day
        return self._pos_on(i, at.hour * 60 + at.minute, at.second * US + at.microsecond)

    def _pos_on(self, i: int, m: int, sub: int) -> int:
        """:meth:`_pos` of day *i*, minute *m* of the day, *sub* µs into that minute."""
        worked = (self._worked or self._kernel())[self._kinds[i]]
        p = worked[m]
        if sub and worked[m + 1] != p:  # within minute m, which is office time
            p += sub
        return self._cum[i] * US + p

    def _kernel(self) -> list[list[int]]:
        """Build the minute tables of every day kind, and the day index; return ``_worked``.

        Sessions, closures and switches all fall on whole minutes (a :class:`Session` is
        given to the minute), so within one minute of a day office time either runs or not.
        For each kind of day: ``_worked[k][m]`` is the office time (µs) before minute
        ``m`` (0-1440); ``_clock_us[k][q]`` is the clock time (µs from midnight) at the start
        of the ``q``-th minute of office time, and last the day's close; ``_clock[k]`` the
        same as ``timedelta`` values. A position becomes an instant, and an instant a
        position, with no loop over sessions. ``_unit_us`` is the common length of the days
        with office time (µs), 0 when they differ (-1 before this runs), and ``_wdays`` their
        indices (:meth:`_working_day_indices`).
        """
        if not self._worked:
            wdays = self._working_day_indices()
            unit = self._memo[_DAY_SECONDS][0] * US if wdays else 0
            built: dict[
                tuple[tuple[int, int], ...], tuple[list[int], list[int], list[timedelta]]
            ] = {}
            worked, clock_us, clock = [], [], []
            for spans in self._spans:  # one set of tables per distinct day shape
                tables = built.get(spans)
                if tables is None:
                    minutes, starts = _minute_tables(spans)
                    tables = built[spans] = (minutes, starts, [timedelta(0, 0, c) for c in starts])
                worked.append(tables[0])
                clock_us.append(tables[1])
                clock.append(tables[2])
            object.__setattr__(self, "_clock_us", clock_us)
            object.__setattr__(self, "_clock", clock)
            object.__setattr__(self, "_wdays", wdays)
            object.__setattr__(self, "_unit_us", unit)
            object.__setattr__(self, "_worked", worked)
        return self._worked

    def _at(self, i: int, us_in_day: int) -> datetime:
        # One addition to the calendar's first midnight (UTC+07:00 has no DST, so day i
        # starts exactly i days later); 24:00 rolls over to the next day's 00:00.
        return self._epoch + timedelta(days=i, microseconds=us_in_day)

    def _instant(self, i: int, us_in_day: int) -> datetime:
        """Same as :meth:`_at` for a day inside the calendar, from a memo of midnights.

        Day *i*'s midnight is computed once and kept (at most one per day of the calendar);
        the instant is then one positional ``timedelta`` away. The result is the same
        object value as :meth:`_at`'s: an aware datetime on ``VN_TZ``.
        """
        mid = self._midnights[i]
        if mid is None:
            mid = self._midnights[i] = self._epoch + timedelta(i)
        return mid + timedelta(0, 0, us_in_day)

    def _end_instant(self, p: int) -> datetime:
        """First instant at which office time reaches *p* (> 0), per the boundary rule.

        Exactly at a break (lunch) the end moves to the next session's start; exactly at the
        day's close it stays at the close (ADR 0004): the clock table gives both.
        """
        i, rem = self._end_day(p)
        q = rem // _MIN_US
        off = rem - q * _MIN_US
        mid = self._midnights[i]
        if mid is None:
            mid = self._midnights[i] = self._epoch + timedelta(i)
        k = self._kinds[i]
        return mid + (timedelta(0, 0, self._clock_us[k][q] + off) if off else self._clock[k][q])

    def _end_day(self, p: int) -> tuple[int, int]:
        """The day where office time reaches *p* (> 0) and the office time into it (µs)."""
        unit = self._unit_us
        if unit > 0:  # every day with office time has the same length: one division
            w = (p - 1) // unit
            try:
                return self._wdays[w], p - w * unit
            except IndexError:
                raise self._beyond() from None
        if unit < 0:
            self._kernel()
            return self._end_day(p)
        cum = self._cum
        j = bisect_left(cum, -(-p // US))
        if j >= len(cum):
            raise self._beyond()
        return j - 1, p - cum[j - 1] * US

    def _start_instant(self, p: int) -> datetime:
        """Earliest instant from which office time runs on past *p*."""
        i, q, off = self._start_day(p)
        mid = self._midnights[i]
        if mid is None:
            mid = self._midnights[i] = self._epoch + timedelta(i)
        k = self._kinds[i]
        return mid + (timedelta(0, 0, self._clock_us[k][q] + off) if off else self._clock[k][q])

    def _start_day(self, p: int) -> tuple[int, int, int]:
        """Where office time runs on past *p*: (day, minute of office time, µs into it)."""
        unit = self._unit_us
        if unit > 0:  # every day with office time has the same length: one division
            w = p // unit
            try:
                i = self._wdays[w]
            except IndexError:
                raise self._beyond() from None
            rem = p - w * unit
        elif unit < 0:
            self._kernel()
            return self._start_day(p)
        else:
            i = bisect_right(self._cum, p // US) - 1
            if i >= len(self._kinds):
                raise self._beyond()
            rem = p - self._cum[i] * US
        q = rem // _MIN_US
        if q >= len(self._clock_us[self._kinds[i]]) - 1:  # pragma: no cover - tables agree
            raise self._beyond()
        return i, q, rem - q * _MIN_US

    def _beyond(self) -> OutsideCalendarError:
        cal = self.calendar
        return OutsideCalendarError(
            f"{cal.last_year + 1}-01-01", cal.first_year, cal.last_year, "due instant on or after"
        )

    def _past_end(self, what: str) -> OutsideCalendarError:
        cal = self.calendar
        return OutsideCalendarError(what, cal.first_year, cal.last_year, "last day of")

    def _close(self, day: date) -> datetime:
        """Close of office hours on *day*; 24:00 (Civil Code Art. 148) if it has no session."""
        i = self._day_index(day, "date")
        spans = self._spans[self._kinds[i]]
        if spans:
            return self._at(i, spans[-1][1])
        return datetime.combine(day + timedelta(days=1), time.min, tzinfo=VN_TZ)

    def _day_end(self, day: date, rule: CountingRule) -> datetime:
        """End of a day-based period whose last day is *day*.

        The same-day rule ends at the close of office hours (Decree 23/2015/NĐ-CP Art. 7: the
        result is handed over that working day); the Civil Code rules end at 24:00 of the
        last day (Civil Code 2015 Art. 148(6)), returned as 00:00 of the next day.
        """
        if rule is CountingRule.SAME_DAY:
            return self._close(day)
        return self._at(self._day_index(day, "date") + 1, 0)

    def appointment(self, due: Due) -> datetime:
        """Return the appointment a receipt may print for *due*: a receipt policy.

        Under the Civil Code rules the legal end is 24:00 of the last day (:attr:`Due.at`),
        but results are handed over in office hours, so a receipt may print the close of
        office hours on :attr:`Due.last_day` (24:00 when that day has no session). Judge
        timeliness against :attr:`Due.at`, never against this appointment. Other rules
        return :attr:`Due.at`.

        >>> s = default_schedule()
        >>> d = s.due(datetime(2024, 4, 26, 9, 0), WorkingDays(5), rule=CountingRule.WHOLE_DAYS)
        >>> str(s.appointment(d))
        '2024-05-07 17:00:00+07:00'
        """
        return self._close(due.last_day) if due.ends_at_midnight else due.at

    def _opening(self, day: date) -> datetime:
        i = self._day_index(day, "date")
        spans = self._spans[self._kinds[i]]
        return self._at(i, spans[0][0]) if spans else self._at(i, 0)

    # -- public queries ---------------------------------------------------------------

    def is_office_time(self, at: datetime) -> bool:
        """Return True when *at* lies in a counting session of a working day.

        >>> s = default_schedule()
        >>> s.is_office_time(datetime(2024, 5, 4, 9, 0))  # make-up Saturday
        True
        >>> s.is_office_time(datetime(2024, 5, 6, 12, 0))  # lunch break
        False
        """
        at = as_instant(at, "at")
        i = self._day_index(at.date(), "instant")
        t = ((at.hour * 60 + at.minute) * 60 + at.second) * US + at.microsecond
        return any(s <= t < e for s, e in self._spans[self._kinds[i]])

    def next_office_instant(self, at: datetime) -> datetime:
        """Return *at* if it is office time, else the start of the next counting session.

        >>> str(default_schedule().next_office_instant(datetime(2024, 4, 26, 17, 30)))
        '2024-05-02 08:00:00+07:00'
        """
        return self._start_instant(self._pos(as_instant(at, "at")))

    def working_time_between(
        self, start: datetime, end: datetime, *, pauses: Iterable[Pause] = ()
    ) -> timedelta:
        """Return the office time from *start* to *end*, less the paused office time.

        Negative when *end* is before *start* (time remaining turned overdue).
        """
        a, b = as_instant(start, "start"), as_instant(end, "end")
        sign = 1
        if b < a:
            a, b, sign = b, a, -1
        pa, pb = self._pos(a), self._pos(b)
        total = pb - pa
        for p in merge_pauses(pauses):
            lo, hi = (
                max(self._pos(p.start, "pause start"), pa),
                min(self._pos(p.end, "pause end"), pb),
            )
            if hi > lo:
                total -= hi - lo
        return timedelta(microseconds=sign * total)

    def due(
        self,
        received_at: datetime | date,
        limit: TimeLimit,
        *,
        rule: CountingRule | None = None,
        pauses: Iterable[Pause] = (),
    ) -> Due:
        """Return when a dossier received at *received_at* with *limit* is due.

        Args:
            received_at: The receipt instant (naive means Vietnam time; a date means 00:00).
            limit: The time limit.
            rule: The counting rule; defaults to working time for working days and hours and
                is implied by the other limits. ``WHOLE_DAYS`` applies to working days only.
            pauses: Intervals during which the clock stops (excluded from the count).

        Raises:
            InvalidInputError: The rule does not fit the limit, or a fraction of a working
                day does not come to a whole microsecond.
            OutsideCalendarError: A day of the count lies outside the calendar.
        """
        start = as_instant(received_at, "received_at")
        kind = type(limit)
        if (
            not pauses
            and (rule is None or rule is CountingRule.WORKING_TIME)
            and (kind is WorkingDays or kind is WorkingHours)
        ):
            return self._working_due(start, limit)  # type: ignore[arg-type]  # by `kind`
        chosen = resolve_rule(limit, rule)
        merged = merge_pauses(pauses) if pauses else []
        try:
            if chosen is CountingRule.WORKING_TIME:
                p0 = self._pos(start, "received_at")
                counted_from = self._start_instant(p0)
                at = self._working_end(p0, limit, merged) or counted_from
                last = at.date()
            else:
                counted_from, last = self._day_rule(start, limit, chosen, merged)
                at = self._day_end(last, chosen)
        except OverflowError:  # a calendar that reaches year 9999: the end of datetime
            raise self._beyond() from None
        provisional = max(last.year, start.year) >= self.calendar.provisional_from
        return Due(at, start, counted_from, limit, chosen, provisional, last)

    def _working_due(self, start: datetime, limit: WorkingDays | WorkingHours) -> Due:
        """:meth:`due` under working time without pauses: the common case, fewest steps.

        *start* is naive (Vietnam time) or on ``VN_TZ``. A receipt inside a session counts
        from itself (a ``fold=1`` receipt is rebuilt, as before); the other one counts from
        the next session's start, which the :class:`Due` finds when first asked.
        """
        i = start.toordinal() - self._base
        if i < 0 or i >= len(self._kinds):
            i = self._day_index(start.date(), "received_at")  # raises the error naming it
        worked = (self._worked or self._kernel())[self._kinds[i]]
        m = start.hour * 60 + start.minute
        p0 = worked[m]
        office = worked[m + 1] != p0  # minute m is office time
        if office:
            p0 += start.second * US + start.microsecond
        p0 += self._cum[i] * US
        inside = office and not start.fold  # counts from itself
        count = limit.count
        if type(count) is int:
            duration = count * (self._day_us if type(limit) is WorkingDays else _HOUR_US)
        else:
            duration = self._duration_us(limit)
        counted_from: datetime | None = None  # found when first asked for
        try:
            if duration and self._unit_us > 0:  # _end_instant's first case, inlined
                unit, p = self._unit_us, p0 + duration
                w = (p - 1) // unit
                try:
                    i = self._wdays[w]
                except IndexError:
                    raise self._beyond() from None
                rem = p - w * unit
                q = rem // _MIN_US
                off = rem - q * _MIN_US
                mid = self._midnights[i]
                if mid is None:
                    mid = self._midnights[i] = self._epoch + timedelta(i)
                k = self._kinds[i]
                at = mid + (
                    timedelta(0, 0, self._clock_us[k][q] + off) if off else self._clock[k][q]
                )
            elif duration:
                at = self._end_instant(p0 + duration)
            elif inside:
                at = counted_from = as_instant(start, "received_at")
            else:
                at = counted_from = self._start_instant(p0)
        except OverflowError:  # a calendar that reaches year 9999: the end of datetime
            raise self._beyond() from None
        # The due instant is never before the receipt, so its year decides "provisional".
        provisional = at.year >= self.calendar.provisional_from
        resolve = None if inside else self._start_instant
        return working_due(at, start, counted_from, limit, provisional, resolve, p0)

    def due_instants(
        self,
        received: Iterable[datetime | date],
        limit: TimeLimit,
        *,
        rule: CountingRule | None = None,
    ) -> list[datetime]:
        """Return :meth:`due_instant` of every receipt in *received*, in order, in one call.

        For bulk work (a province's year of dossiers): the same rules and the same result
        as ``[self.due_instant(r, limit, rule=rule) for r in received]``, and the same
        error at the first receipt that has one. Under working time, receipts that are
        naive or on a UTC+07:00 ``timezone`` are placed straight from their fields on the
        precomputed tables; any other receipt goes through :meth:`due_instant`.

        >>> s = default_schedule()
        >>> first, second = s.due_instants(
        ...     [datetime(2024, 4, 26, 9, 0), datetime(2024, 4, 26, 17, 30)], WorkingDays(5)
        ... )
        >>> str(first), str(second)
        ('2024-05-07 09:00:00+07:00', '2024-05-07 17:00:00+07:00')
        """
        chosen = resolve_rule(limit, rule)
        if chosen is not CountingRule.WORKING_TIME or not isinstance(
            limit, WorkingDays | WorkingHours
        ):
            return [self.due_instant(r, limit, rule=chosen) for r in received]
        duration = self._duration_us(limit)
        if not duration:
            return [self.due_instant(r, limit, rule=chosen) for r in received]
        try:
            return self._working_instants(received, limit, duration)
        except OverflowError:  # a calendar that reaches year 9999: the end of datetime
            raise self._beyond() from None

    def _working_day_indices(self) -> tuple[int, ...]:
        """Indices of the days that have office time, when all have the same length; else ().

        With equal days, the day where a position ends is found by one division instead of
        a binary search (the ``w``-th day with office time). Built on first use, then kept
        with that length in seconds (``_memo[_DAY_SECONDS]``).
        """
        found = self._memo.get(_WORKING_DAYS)
        if found is None:
            kinds = self._kinds
            lengths = [sum(e - s for s, e in sp) // US for sp in self._spans]
            positive = {lengths[k] for k in set(kinds)} - {0}
            found = ()
            if len(positive) == 1:  # C-level loops only: this runs on the first due
                if isinstance(kinds, bytes) and len(lengths) <= 256:
                    has = bytes(int(k < len(lengths) and lengths[k] > 0) for k in range(256))
                    selector: Iterable[int] = kinds.translate(has)
                else:
                    selector = map(lengths.__getitem__, kinds)
                found = tuple(compress(range(len(kinds)), selector))
            self._memo[_DAY_SECONDS] = tuple(positive)[:1]
            self._memo[_WORKING_DAYS] = found
        return found

    def _working_instants(
        self, received: Iterable[datetime | date], limit: TimeLimit, duration: int
    ) -> list[datetime]:
        # _pos and _end_instant inlined over local names: one loop, table look-ups and
        # arithmetic only; anything unusual takes the full path (due_instant).
        worked_of = self._worked or self._kernel()
        base, kinds, cum, unit = self._base, self._kinds, self._cum, self._unit_us
        wdays = self._wdays
        ndays, ncum, nwork = len(kinds), len(cum), len(wdays)
        clock_us, clock, mids, epoch = self._clock_us, self._clock, self._midnights, self._epoch
        out: list[datetime] = []
        append = out.append
        for r in received:
            if type(r) is not datetime:
                append(self.due_instant(r, limit))  # a date, or the error naming the value
                continue
            tz = r.tzinfo
            if tz is not None and tz is not VN_TZ and (type(tz) is not timezone or tz != VN_TZ):
                append(self.due_instant(r, limit))  # another offset: converted first
                continue
            i = r.toordinal() - base
            if i < 0 or i >= ndays:
                append(self.due_instant(r, limit))  # raises the error naming the receipt
                continue
            worked = worked_of[kinds[i]]
            m = r.hour * 60 + r.minute
            p = worked[m]
            if worked[m + 1] != p:  # minute m is office time
                p += r.second * US + r.microsecond
            p += cum[i] * US + duration
            if unit:  # every day with office time has the same length
                w = (p - 1) // unit
                if w >= nwork:
                    raise self._beyond()
                i = wdays[w]
                rem = p - w * unit
            else:
                j = bisect_left(cum, -(-p // US), i + 1)
                if j >= ncum:
                    raise self._beyond()
                i = j - 1
                rem = p - cum[i] * US
            q = rem // _MIN_US
            off = rem - q * _MIN_US
            mid = mids[i]
            if mid is None:
                mid = mids[i] = epoch + timedelta(i)
            k = kinds[i]
            append(mid + (timedelta(0, 0, clock_us[k][q] + off) if off else clock[k][q]))
        return out

    def due_instant(
        self,
        received_at: datetime | date,
        limit: TimeLimit,
        *,
        rule: CountingRule | None = None,
        pauses: Iterable[Pause] = (),
    ) -> datetime:
        """Return only the due instant of :meth:`due` (no :class:`Due` record).

        For bulk work such as reports over a million dossiers; same rules, same result as
        ``due(...).at``.
        """
        kind = type(limit)
        if (
            not pauses
            and (rule is None or rule is CountingRule.WORKING_TIME)
            and (kind is WorkingDays or kind is WorkingHours)
            and type(received_at) is datetime
            and (received_at.tzinfo is None or received_at.tzinfo is VN_TZ)
        ):  # read straight from the receipt's fields, no aware copy made
            p0 = self._pos(received_at, "received_at")
            duration = self._duration_us(limit)  # type: ignore[arg-type]  # by `kind`
            try:
                return self._end_instant(p0 + duration) if duration else self._start_instant(p0)
            except OverflowError:  # a calendar that reaches year 9999: the end of datetime
                raise self._beyond() from None
        start = as_instant(received_at, "received_at")
        chosen = resolve_rule(limit, rule)
        merged = merge_pauses(pauses) if pauses else []
        try:
            if chosen is CountingRule.WORKING_TIME:
                p0 = self._pos(start, "received_at")
                return self._working_end(p0, limit, merged) or self._start_instant(p0)
            return self._day_end(self._day_rule(start, limit, chosen, merged)[1], chosen)
        except OverflowError:  # a calendar that reaches year 9999: the end of datetime
            raise self._beyond() from None

    # -- rules ------------------------------------------------------------------------

    def _duration_us(self, limit: WorkingDays | WorkingHours) -> int:
        unit = self._day_us if isinstance(limit, WorkingDays) else _HOUR_US
        if type(limit.count) is int:
            return limit.count * unit
        from fractions import Fraction  # noqa: PLC0415 - not on the cold start (ADR 0026)

        exact = Fraction(limit.count) * unit
        if exact.denominator != 1:
            raise InvalidInputError(
                f"{type(limit).__name__}.count",
                "a count that comes to a whole microsecond of office time",
                limit.count,
            )
        return int(exact)

    def _working_end(self, p0: int, limit: TimeLimit, pauses: list[Pause]) -> datetime | None:
        """End of working time *limit* from position *p0*; None for a zero limit."""
        if not isinstance(limit, WorkingDays | WorkingHours):  # pragma: no cover - by resolve_rule
            raise TypeError(limit)
        target = p0 + self._duration_us(limit)
        if target == p0:
            return None
        for p in pauses:
            a = self._pos(p.start, "pause start")
            if a >= target:
                break
            b = self._pos(p.end, "pause end")
            if b > p0:
                target += b - max(a, p0)
        return self._end_instant(target)

    def _day_rule(
        self, start: datetime, limit: TimeLimit, rule: CountingRule, pauses: list[Pause]
    ) -> tuple[datetime, date]:
        cal = self.calendar
        d0 = start.date()
        if rule is CountingRule.SAME_DAY:
            if not isinstance(limit, SameDay):  # pragma: no cover - by resolve_rule
                raise AssertionError
            late = limit.cutoff is not None and start.timetz().replace(tzinfo=None) > limit.cutoff
            same = cal.is_working_day(d0) and not late and start < self._close(d0)
            base_day = d0 if same else cal.next_working_day(d0)
            counted_from = start if same else self._opening(base_day)
            return counted_from, shift_working(cal, base_day, 0, pauses, d0)
        if rule is CountingRule.WHOLE_DAYS:
            if not isinstance(limit, WorkingDays):  # pragma: no cover - by resolve_rule
                raise AssertionError
            if not isinstance(limit.count, int):  # a Fraction
                raise InvalidInputError(
                    "WorkingDays.count",
                    "a whole number of days under the whole-days rule",
                    limit.count,
                    "use the working-time rule for fractions of a day",
                )
            counted_from = self._opening(cal.next_working_day(d0))
            return counted_from, shift_working(cal, d0, limit.count, pauses, d0)
        # Calendar days and months: Civil Code Art. 147-148.
        i0 = self._day_index(d0, "received_at")
        return self._at(i0 + 1, 0), civil_last_day(cal, d0, limit, pauses)

    # -- integer instants (report kernel) ------------------------------------------------
    # An instant as one integer: ``ordinal * DAY + microseconds since midnight``, Vietnam
    # time (``ordinal`` is ``date.toordinal()``). These mirror ``_pos``, ``_start_instant``,
    # ``_end_instant`` and ``_working_end`` step for step on the same tables, for the report
    # kernel (``motcua.serialization.kernel``); tests hold them to ``due_instant``.

    def _int_pos(self, at: int, what: str = "instant") -> int:
        """:meth:`_pos` of the integer instant *at*."""
        ordinal, t = divmod(at, 86_400 * US)
        i = ordinal - self._base
        if i < 0 or i >= len(self._kinds):
            self._day_index(date.fromordinal(max(ordinal, 1)), what)  # raises, naming the day
            raise self._beyond()  # pragma: no cover - the line above raises
        m, sub = divmod(t, _MIN_US)
        return self._pos_on(i, m, sub)

    def _int_at(self, i: int, us_in_day: int) -> int:
        at = (self._base + i) * 86_400 * US + us_in_day
        if at >= (date.max.toordinal() + 1) * 86_400 * US:  # past what a datetime holds
            raise self._beyond()
        return at

    def _int_end(self, p: int) -> int:
        """:meth:`_end_instant` as an integer instant (the same day and clock tables)."""
        i, rem = self._end_day(p)
        q, off = divmod(rem, _MIN_US)
        return self._int_at(i, self._clock_us[self._kinds[i]][q] + off)

    def _int_start(self, p: int) -> int:
        """:meth:`_start_instant` as an integer instant (the same day and clock tables)."""
        i, q, off = self._start_day(p)
        return self._int_at(i, self._clock_us[self._kinds[i]][q] + off)

    def _int_working_due(self, start: int, duration: int, pauses: list[tuple[int, int]]) -> int:
        """:meth:`due_instant` under working time, *duration* microseconds of office time.

        *pauses* are (start, end) integer instants, each end at or after its start; they
        are merged as :func:`~motcua.time.due.merge_pauses` merges them.
        """
        p0 = self._int_pos(start, "received_at")
        target = p0 + duration
        if target == p0:
            return self._int_start(p0)
        merged: list[list[int]] = []
        for a, b in sorted(pauses):
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        for a_at, b_at in merged:
            a = self._int_pos(a_at, "pause start")
            if a >= target:
                break
            b = self._int_pos(b_at, "pause end")
            if b > p0:
                target += b - max(a, p0)
        return self._int_end(target)

    def _int_duration(self, limit: WorkingDays | WorkingHours) -> int:
        """Microseconds of office time in *limit* (raises as :meth:`due` would)."""
        return self._duration_us(limit)

    def _int_same_day_before(self, ordinal: int, cutoff: time | None) -> int:
        """Receipts on day *ordinal* before this time of day (µs) count from that day.

        The same-day rule of :meth:`_day_rule`: a working day, not after the cut-off, and
        before the office's close (24:00 on a day without a session).
        """
        day = date.fromordinal(ordinal)
        if not self.calendar.is_working_day(day):
            return 0
        close = self._close(day)
        close_us = (close.toordinal() - ordinal) * 86_400 * US + (
            ((close.hour * 60 + close.minute) * 60 + close.second) * US + close.microsecond
        )
        if cutoff is None:
            return close_us
        cut = ((cutoff.hour * 60 + cutoff.minute) * 60 + cutoff.second) * US + cutoff.microsecond
        return min(cut + 1, close_us)

    def _int_working_fast(self, start: int, duration: int) -> int:
        """:meth:`_int_working_due` without pauses (the kernel's common case)."""
        if duration <= 0:
            return self._int_working_due(start, duration, [])
        return self._int_end(self._int_pos(start, "received_at") + duration)


@functools.lru_cache(maxsize=1)
def default_schedule() -> WorkSchedule:
    """Return the national calendar with the standard office hours (built once, then cached).

    >>> default_schedule().hours == OfficeHours.standard()
    True
    """
    return WorkSchedule(vietnam_calendar(), OfficeHours.standard())


def compute_due(
    received_at: datetime | date,
    limit: TimeLimit,
    *,
    rule: CountingRule | None = None,
    pauses: Iterable[Pause] = (),
    schedule: WorkSchedule | None = None,
) -> Due:
    """Return the due instant of a dossier received at *received_at* with *limit*.

    Uses :func:`default_schedule` unless *schedule* is given; see :meth:`WorkSchedule.due`.

    >>> str(compute_due(datetime(2024, 4, 26, 14, 20), WorkingHours(8)))
    '2024-05-02T14:20+07:00'
    """
    found = schedule or default_schedule()
    kind = type(limit)
    if (
        not pauses
        and rule is None
        and (kind is WorkingDays or kind is WorkingHours)
        and type(received_at) is datetime
        and (received_at.tzinfo is None or received_at.tzinfo is VN_TZ)
    ):  # WorkSchedule.due's first case, without its checks of the other cases
        return found._working_due(received_at, limit)  # type: ignore[arg-type]  # noqa: SLF001
    return found.due(received_at, limit, rule=rule, pauses=pauses)
