"""The working calendar for pandas: a ``CustomBusinessDay`` offset with make-up Saturdays.

Needs pandas (``pip install 'motcua[pandas]'``). Nothing else in motcua imports this
module, and it loads pandas only when :func:`business_day` is first called; without pandas,
the call raises ``ModuleNotFoundError`` saying what to install.

pandas' ``CustomBusinessDay`` takes a week mask and holidays, like numpy's, and cannot say
"this Saturday is worked" either. :func:`business_day` gives it a Monday-Saturday week mask
and lists every weekday off and every Saturday not worked as a holiday (the same lists as
:func:`motcua.time.numpy_days.holidays_and_weekmask`), so that ``day + business_day(cal, n)``
is motcua's ``add_working_days(day, n)`` on every day of the calendar's years. Outside
those years pandas would count every Monday-Saturday: keep to them.

>>> import pytest
>>> pd = pytest.importorskip("pandas")  # these examples need pandas
>>> from motcua.time.calendar import vietnam_calendar
>>> bday = business_day(vietnam_calendar())
>>> str((pd.Timestamp("2026-01-09") + bday).date())   # Saturday 10/01/2026 is worked
'2026-01-10'
>>> str((pd.Timestamp("2024-04-26") + 1 * bday).date())   # 29/04 swapped, 30/04, 01/05 off
'2024-05-02'
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from motcua.foundation.errors import InvalidInputError
from motcua.time.working_calendar import WorkingCalendar

__all__ = ["business_day"]

_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


@lru_cache(maxsize=8)
def _offset(calendar: WorkingCalendar) -> Any:
    try:
        import pandas as pd  # noqa: PLC0415 - optional: loaded on first use only
    except ModuleNotFoundError as exc:
        msg = f"motcua.time.pandas_days needs pandas: pip install 'motcua[pandas]' ({exc})"
        raise ModuleNotFoundError(msg, name="pandas") from None
    from motcua.time.numpy_days import holidays_and_weekmask  # noqa: PLC0415

    off, mask = holidays_and_weekmask(calendar)
    weekmask = " ".join(day for day, bit in zip(_DAYS, mask, strict=True) if bit == "1")
    return pd.offsets.CustomBusinessDay(weekmask=weekmask, holidays=off)


def business_day(calendar: WorkingCalendar, n: int = 1) -> Any:
    """A pandas ``CustomBusinessDay`` of *n* working days of *calendar*, make-up Saturdays in.

    Raises:
        InvalidInputError: *calendar* is not a WorkingCalendar, or *n* not an int.
    """
    if not isinstance(calendar, WorkingCalendar):
        raise InvalidInputError("business_day(calendar)", "a WorkingCalendar", calendar)
    if type(n) is not int:
        raise InvalidInputError("business_day(n)", "an int number of working days", n)
    base = _offset(calendar)
    return base if n == 1 else base * n
