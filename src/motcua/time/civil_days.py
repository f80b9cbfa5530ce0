"""Periods counted in calendar days or months (Civil Code 2015 Art. 147-148).

The first day is not counted (Art. 147(2)); a period in months ends on the same date of
the last month (Art. 148(3)); a last day that is a rest day rolls to the next working day
(Art. 148(5)); the period ends at 24:00 of its last day (Art. 148(6)). Paused days move
the last day on.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from motcua.foundation.errors import OutsideCalendarError
from motcua.time.due import Pause
from motcua.time.limits import CalendarDays, Months, TimeLimit
from motcua.time.working_calendar import WorkingCalendar

__all__ = ["civil_last_day", "shift_working"]


def _past_end(cal: WorkingCalendar, what: str) -> OutsideCalendarError:
    return OutsideCalendarError(what, cal.first_year, cal.last_year, "last day of")


def civil_last_day(
    cal: WorkingCalendar, d0: date, limit: TimeLimit, pauses: Sequence[Pause]
) -> date:
    """The last day of a period in calendar days or months received on *d0*."""
    end = date(cal.last_year, 12, 31).toordinal()
    if isinstance(limit, CalendarDays):
        if d0.toordinal() + limit.count > end:
            raise _past_end(cal, f"{d0.isoformat()} + {limit}")
        last = d0 + timedelta(days=limit.count)
    elif isinstance(limit, Months):
        from dateutil.relativedelta import relativedelta  # noqa: PLC0415 - rarely used

        months_from_year_0 = d0.year * 12 + d0.month - 1 + limit.count
        if months_from_year_0 > cal.last_year * 12 + 11:  # after December of last_year
            raise _past_end(cal, f"{d0.isoformat()} + {limit}")
        last = d0 + relativedelta(months=limit.count)
    else:  # pragma: no cover - by resolve_rule
        raise TypeError(limit)
    for p in pauses:
        if p.start.date() > last:
            break
        paused = max(0, (p.end.date() - max(p.start.date(), d0)).days)
        if last.toordinal() + paused > end:
            raise _past_end(cal, f"{last.isoformat()} + {paused} paused days")
        last += timedelta(days=paused)
    return cal.add_working_days(last, 0)


def shift_working(
    cal: WorkingCalendar, day: date, n: int, pauses: Sequence[Pause], d0: date
) -> date:
    """The *n*-th working day after *day* (0: roll forward), moved on by paused days."""
    extra = 0
    for p in pauses:
        current = cal.add_working_days(day, n + extra)
        if p.start.date() > current:
            break
        extra += max(0, cal.working_days_between(max(p.start.date(), d0), p.end.date()))
    return cal.add_working_days(day, n + extra)
