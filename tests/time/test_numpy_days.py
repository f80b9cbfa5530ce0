"""numpy export: busdaycalendar and WorkingDayArrays agree with motcua on every day."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta

import pytest

np = pytest.importorskip("numpy", reason="numpy not installed: pip install 'motcua[numpy]'")

from motcua.foundation.errors import InvalidInputError, OutsideCalendarError  # noqa: E402
from motcua.time.calendar import WorkingCalendar, vietnam_calendar  # noqa: E402
from motcua.time.numpy_days import (  # noqa: E402
    WorkingDayArrays,
    busdaycalendar,
    holidays_and_weekmask,
)

CAL = vietnam_calendar()
ARRAYS = WorkingDayArrays(CAL)
FIRST, LAST = date(CAL.first_year, 1, 1), date(CAL.last_year, 12, 31)
EVERY_DAY = [FIRST + timedelta(days=i) for i in range((LAST - FIRST).days + 1)]
DAYS64 = np.array(EVERY_DAY, dtype="datetime64[D]")
# Steps that cross a week, a Tết break and a year; kept inside the calendar at both ends.
STEPS = (-23, -6, -1, 0, 1, 2, 5, 6, 7, 30, 250)


def _inside(n: int) -> slice:
    """The days from which n working days stay in the calendar (with a month's margin)."""
    margin = abs(n) * 2 + 40
    return slice(margin, len(EVERY_DAY) - margin)


def test_every_day_is_working_day_agrees() -> None:
    expected = np.array([CAL.is_working_day(d) for d in EVERY_DAY])
    assert (ARRAYS.is_working_day(DAYS64) == expected).all()
    assert (np.is_busday(DAYS64, busdaycal=busdaycalendar(CAL)) == expected).all()


@pytest.mark.parametrize("n", STEPS)
def test_every_day_add_agrees(n: int) -> None:
    window = _inside(n)
    days = EVERY_DAY[window]
    expected = np.array([CAL.add_working_days(d, n) for d in days], dtype="datetime64[D]")
    assert (ARRAYS.add_working_days(DAYS64[window], n) == expected).all()
    # numpy's own busday_offset with the exported calendar, motcua's roll for the sign of n
    roll = "backward" if n > 0 else "forward"
    theirs = np.busday_offset(DAYS64[window], n, roll=roll, busdaycal=busdaycalendar(CAL))
    assert (theirs == expected).all()


@pytest.mark.parametrize("span", [1, 3, 9, 40, -5])
def test_every_day_count_agrees(span: int) -> None:
    window = _inside(span)
    starts = EVERY_DAY[window]
    ends = [d + timedelta(days=span) for d in starts]
    expected = np.array(
        [CAL.working_days_between(a, b) for a, b in zip(starts, ends, strict=True)]
    )
    start64 = DAYS64[window]
    assert (ARRAYS.working_days_between(start64, start64 + span) == expected).all()
    ours = busdaycalendar(CAL)
    if span >= 0:
        theirs = np.busday_count(start64 + 1, start64 + span + 1, busdaycal=ours)
    else:  # numpy's count of a reversed range is not the negated forward one
        theirs = -np.busday_count(start64 + span + 1, start64 + 1, busdaycal=ours)
    assert (theirs == expected).all()


def test_make_up_saturdays_golden() -> None:
    off, mask = holidays_and_weekmask(CAL)
    assert mask == "1111110"
    made_up = [d.day for y in (2024, 2026) for d in CAL.year_schedule(y).make_up_days]
    assert date(2024, 5, 4) in made_up
    assert date(2026, 1, 10) in made_up
    for day in made_up:
        assert day not in off  # worked Saturdays are working days for numpy
    assert date(2026, 1, 17) in off  # an ordinary Saturday is a holiday for numpy
    saturdays = np.array(["2024-05-04", "2024-05-11", "2026-01-10"], dtype="datetime64[D]")
    assert ARRAYS.is_working_day(saturdays).tolist() == [True, False, True]
    assert np.is_busday(saturdays, busdaycal=busdaycalendar(CAL)).tolist() == [True, False, True]


def test_broadcasting_and_inputs() -> None:
    days = np.array(["2024-04-26", "2024-04-26"], dtype="datetime64[D]")
    steps = np.array([1, -1])
    assert ARRAYS.add_working_days(days, steps).tolist() == [date(2024, 5, 2), date(2024, 4, 25)]
    assert ARRAYS.add_working_days(["2024-04-27"], 0).tolist() == [date(2024, 5, 2)]
    assert ARRAYS.working_days_between(np.datetime64("2024-04-26"), "2024-05-04") == 3
    with pytest.raises(InvalidInputError, match="integer numbers"):
        ARRAYS.add_working_days(days, 1.5)
    with pytest.raises(InvalidInputError, match="datetime64"):
        ARRAYS.is_working_day(np.array([1, 2]))
    with pytest.raises(InvalidInputError, match="a WorkingCalendar"):
        WorkingDayArrays("2024")  # type: ignore[arg-type]


def test_outside_the_calendar_is_an_error_not_a_guess() -> None:
    small = WorkingDayArrays(vietnam_calendar(range(2024, 2025)))
    with pytest.raises(OutsideCalendarError, match="2025-01-02"):
        small.is_working_day(np.array(["2024-06-03", "2025-01-02"], dtype="datetime64[D]"))
    with pytest.raises(OutsideCalendarError, match=r"2024-12-30 \+ 5 working days"):
        small.add_working_days(np.array(["2024-06-03", "2024-12-30"], dtype="datetime64[D]"), 5)


def test_a_local_closure_reaches_numpy() -> None:
    from motcua.time.announcements import Announcement, DayChange, DayKind, Scope

    closure = Announcement(
        instrument="",
        issued=None,
        issuer="UBND (test)",
        subject="Nghỉ đột xuất",
        changes=(DayChange(date(2024, 6, 3), DayKind.DAY_OFF, "Nghỉ", "Local closure"),),
        source="test",
        scope=Scope.LOCAL,
    )
    local: WorkingCalendar = vietnam_calendar(extra=[closure])
    monday = np.datetime64("2024-06-03")
    assert not WorkingDayArrays(local).is_working_day(monday)
    assert not np.is_busday(monday, busdaycal=busdaycalendar(local))
    assert ARRAYS.is_working_day(monday)


def test_motcua_does_not_import_numpy() -> None:
    code = "import sys, motcua; motcua.vietnam_calendar(); print('numpy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


BLOCKED = """
import sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("numpy", "pandas"):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
sys.meta_path.insert(0, Block())
import motcua.time.numpy_days as numpy_days, motcua.time.pandas_days as pandas_days
from motcua.time.calendar import vietnam_calendar
for call in (numpy_days.busdaycalendar, pandas_days.business_day):
    try:
        call(vietnam_calendar())
    except ModuleNotFoundError as exc:
        print(exc)
"""


def test_without_numpy_the_modules_load_and_calls_say_what_to_install() -> None:
    out = subprocess.run(
        [sys.executable, "-c", BLOCKED], capture_output=True, text=True, check=True
    )
    assert out.stdout.splitlines() == [
        "motcua.time.numpy_days needs numpy: pip install 'motcua[numpy]' (No module named 'numpy')",
        (
            "motcua.time.pandas_days needs pandas: pip install 'motcua[pandas]' "
            "(No module named 'pandas')"
        ),
    ]
