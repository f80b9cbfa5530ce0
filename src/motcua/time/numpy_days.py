"""The working calendar for numpy: a ``busdaycalendar`` and vectorised add and count.

Needs numpy (``pip install 'motcua[numpy]'``). Nothing else in motcua imports this module,
and the module loads numpy only when a function is first called, so ``import motcua``
never loads numpy; without numpy, a call raises ``ModuleNotFoundError`` saying what to
install.

numpy's ``busday_*`` functions take a week mask and a list of holidays, and cannot say
"this Saturday is worked". :func:`busdaycalendar` works around that: a Monday-Saturday week
mask, with every Saturday that is not worked (and every weekday off) listed as a holiday.
Sundays are never worked in the national calendar; a calendar with a worked Sunday gets a
seven-day mask and every day off listed. numpy knows nothing outside the calendar's years,
so keep to them (the vectorised functions below check it).

:class:`WorkingDayArrays` does motcua's own add and count over ``datetime64[D]`` arrays in
constant time per element (the calendar's day table as arrays), with motcua's meaning:

* ``add_working_days(days, n)``: the *n*-th working day after each day (before it when
  *n* < 0), the day itself never counted; ``n == 0`` rolls a day off forward. With numpy:
  ``busday_offset(d, n, roll="backward")`` for n > 0, ``roll="forward"`` for n <= 0;
* ``working_days_between(start, end)``: working days in (start, end], negative when
  end < start; with numpy: ``busday_count(start + 1, end + 1)`` for end >= start (and
  ``-busday_count(end + 1, start + 1)`` otherwise).

>>> import pytest
>>> np = pytest.importorskip("numpy")  # these examples need numpy
>>> from motcua.time.calendar import vietnam_calendar
>>> cal = vietnam_calendar()
>>> days = np.array(["2024-04-26", "2026-01-01", "2026-01-09"], dtype="datetime64[D]")
>>> arrays = WorkingDayArrays(cal)
>>> arrays.add_working_days(days, 1)   # the 29/04 swap, 02/01 off, Saturday 10/01 worked
array(['2024-05-02', '2026-01-05', '2026-01-10'], dtype='datetime64[D]')
>>> arrays.working_days_between(days, days + 10)
array([4, 6, 7])
>>> np.busday_offset(days, 1, roll="backward", busdaycal=busdaycalendar(cal))
array(['2024-05-02', '2026-01-05', '2026-01-10'], dtype='datetime64[D]')
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache
from types import ModuleType
from typing import Any, Final

from motcua.foundation.errors import InvalidInputError, OutsideCalendarError
from motcua.time.working_calendar import WorkingCalendar

__all__ = ["WorkingDayArrays", "busdaycalendar", "holidays_and_weekmask"]

_EPOCH: Final = date(1970, 1, 1).toordinal()  # datetime64[D] counts days from 1970-01-01
_SATURDAY: Final = 5
_SUNDAY: Final = 6


def _numpy() -> ModuleType:
    """numpy, imported on first use."""
    try:
        import numpy as np  # noqa: PLC0415 - optional: loaded on first use only
    except ModuleNotFoundError as exc:
        msg = f"motcua.time.numpy_days needs numpy: pip install 'motcua[numpy]' ({exc})"
        raise ModuleNotFoundError(msg, name="numpy") from None
    return np


def _range(calendar: WorkingCalendar) -> tuple[date, date]:
    return date(calendar.first_year, 1, 1), date(calendar.last_year, 12, 31)


def holidays_and_weekmask(calendar: WorkingCalendar) -> tuple[list[date], str]:
    """The days off and the week mask that describe *calendar* over its years to numpy.

    The mask is Monday-Saturday (``"1111110"``) and the holidays are every weekday off and
    every Saturday not worked; if a Sunday is ever worked, the mask is all seven days and
    every day off is listed.

    >>> from motcua.time.calendar import vietnam_calendar
    >>> off, mask = holidays_and_weekmask(vietnam_calendar(range(2026, 2027)))
    >>> mask, date(2026, 1, 10) in off, date(2026, 1, 17) in off, date(2026, 1, 2) in off
    ('1111110', False, True, True)
    """
    first, last = _range(calendar)
    days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    sunday_worked = any(d.weekday() == _SUNDAY and calendar.is_working_day(d) for d in days)
    if sunday_worked:
        return [d for d in days if not calendar.is_working_day(d)], "1111111"
    return [
        d for d in days if d.weekday() != _SUNDAY and not calendar.is_working_day(d)
    ], "1111110"


def busdaycalendar(calendar: WorkingCalendar) -> Any:
    """A ``numpy.busdaycalendar`` that agrees with *calendar* on every day of its years.

    Pass it as ``busdaycal=`` to ``numpy.busday_offset``, ``busday_count`` and
    ``is_busday``; outside the calendar's years numpy would count every Monday-Saturday.
    """
    np = _numpy()
    off, mask = holidays_and_weekmask(calendar)
    return np.busdaycalendar(weekmask=mask, holidays=np.array(off, dtype="datetime64[D]"))


@lru_cache(maxsize=8)
def _tables(calendar: WorkingCalendar) -> tuple[int, Any, Any, Any]:
    """(first day as datetime64 int, flags, cumulative working days, working days)."""
    np = _numpy()
    first, last = _range(calendar)
    n = (last - first).days + 1
    flags = np.fromiter(
        (calendar.is_working_day(first + timedelta(days=i)) for i in range(n)), bool, n
    )
    cum = np.cumsum(flags, dtype=np.int64)
    base = first.toordinal() - _EPOCH
    workdays = (np.flatnonzero(flags) + base).astype("datetime64[D]")
    return base, flags, cum, workdays


def _as_days(values: Any, what: str) -> Any:
    np = _numpy()
    array = np.asarray(values)
    if array.dtype.kind == "M":
        return array.astype("datetime64[D]")
    if array.dtype.kind in "OU":
        try:
            return array.astype("datetime64[D]")
        except (TypeError, ValueError):
            pass
    raise InvalidInputError(what, "datetime64[D] values (or dates, ISO strings)", array.dtype)


def _as_counts(values: Any) -> Any:
    np = _numpy()
    array = np.asarray(values)
    if array.dtype.kind not in "iu":
        raise InvalidInputError("n", "integer numbers of working days", array.dtype)
    return array.astype(np.int64)


class WorkingDayArrays:
    """motcua's working-day arithmetic over numpy arrays, for one calendar.

    Every method takes arrays (or scalars) of ``datetime64[D]`` (dates and ISO strings are
    converted) and broadcasts like numpy; each raises :class:`OutsideCalendarError` for
    the first element outside the calendar's years, never returns a guess.
    """

    def __init__(self, calendar: WorkingCalendar) -> None:
        """Build (or reuse) the day table of *calendar* as arrays."""
        if not isinstance(calendar, WorkingCalendar):
            raise InvalidInputError("WorkingDayArrays(calendar)", "a WorkingCalendar", calendar)
        self.calendar = calendar
        self._base, self._flags, self._cum, self._workdays = _tables(calendar)
        self._ndays = len(self._flags)

    def _index(self, days: Any, what: str) -> Any:
        np = _numpy()
        i = _as_days(days, what).astype(np.int64) - self._base
        bad = (i < 0) | (i >= self._ndays)
        if bad.any():
            first = np.asarray(_as_days(days, what)).reshape(-1)[np.flatnonzero(bad)[0]]
            raise OutsideCalendarError(
                str(first), self.calendar.first_year, self.calendar.last_year, what
            )
        return i

    def is_working_day(self, days: Any) -> Any:
        """A boolean array: True where the day is a working day."""
        return self._flags[self._index(days, "day")]

    def add_working_days(self, days: Any, n: Any) -> Any:
        """The *n*-th working day after each day (before it for negative *n*), as dates.

        Same meaning as :meth:`WorkingCalendar.add_working_days`, element by element.
        """
        np = _numpy()
        i = self._index(days, "day")
        count = _as_counts(n)
        k = np.where(count > 0, self._cum[i] + count - 1, self._cum[i] - self._flags[i] + count)
        bad = (k < 0) | (k >= len(self._workdays))
        if bad.any():
            at = np.flatnonzero(np.broadcast_to(bad, bad.shape).reshape(-1))[0]
            start = np.broadcast_to(_as_days(days, "day"), bad.shape).reshape(-1)[at]
            step = np.broadcast_to(count, bad.shape).reshape(-1)[at]
            raise OutsideCalendarError(
                f"{start} {'+' if step >= 0 else '-'} {abs(int(step))} working days",
                self.calendar.first_year,
                self.calendar.last_year,
                "result of",
            )
        return self._workdays[k]

    def working_days_between(self, start: Any, end: Any) -> Any:
        """Working days in (start, end], element by element (negative when end < start)."""
        return self._cum[self._index(end, "end")] - self._cum[self._index(start, "start")]

    def __repr__(self) -> str:
        """Return ``WorkingDayArrays(2013-2099)``."""
        return f"WorkingDayArrays({self.calendar.first_year}-{self.calendar.last_year})"
