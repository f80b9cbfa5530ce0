"""Office hours on a timeline: seasonal switches, dated rows, part-day closures (issue 11)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from motcua.foundation.errors import ConfigurationError, InvalidInputError
from motcua.foundation.vntime import VN_TZ
from motcua.time.calendar import vietnam_calendar
from motcua.time.deadlines import WorkSchedule
from motcua.time.hours import OfficeHours, Session
from motcua.time.hours_examples import hue_4010_2025, vinh_phuc_873_2020
from motcua.time.hours_series import Closure, HoursPeriod, HoursSeries, Season, SeasonalHours
from motcua.time.limits import CountingRule, WorkingDays, WorkingHours

CAL = vietnam_calendar(range(2024, 2027))
VP = vinh_phuc_873_2020()
VP_SCHEDULE = WorkSchedule(CAL, VP.hours_on(date(2024, 1, 1)) or OfficeHours.standard(), series=VP)


def _vn(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=VN_TZ)


# Vĩnh Phúc, 873/QĐ-UBND: winter 07:30-12:00, 13:00-16:30 until 15/4; summer 07:00-11:30,
# 13:30-17:00 from 16/4 to 15/10. 18/04/2024 is the Hùng Kings' day (a holiday).
SWITCH_TABLE = [
    # received, limit, due
    ("2024-04-15T09:00", WorkingDays(1), "2024-04-16T08:30"),  # day before: 6.5 h + 1.5 h
    ("2024-04-15T16:00", WorkingDays(1), "2024-04-16T16:30"),  # 0.5 h, then 7.5 h of summer
    ("2024-04-15T16:00", WorkingHours(1), "2024-04-16T07:30"),
    ("2024-04-15T17:00", WorkingDays(1), "2024-04-16T17:00"),  # after winter close: summer day
    ("2024-04-16T09:00", WorkingDays(1), "2024-04-17T09:00"),  # day of the switch
    ("2024-04-16T07:00", WorkingHours(1), "2024-04-16T08:00"),  # summer opens at 07:00
    ("2024-04-16T16:00", WorkingDays(1), "2024-04-17T16:00"),
    ("2024-04-17T09:00", WorkingDays(1), "2024-04-19T09:00"),  # day after; 18/4 holiday
    ("2024-10-15T09:00", WorkingDays(1), "2024-10-16T09:30"),  # day before: 6 h + 2 h
    ("2024-10-15T16:30", WorkingDays(1), "2024-10-16T16:00"),
    ("2024-10-15T17:00", WorkingDays(1), "2024-10-16T16:30"),  # after summer close
    ("2024-10-16T07:00", WorkingDays(1), "2024-10-16T16:30"),  # winter opens at 07:30
    ("2024-10-16T09:00", WorkingDays(1), "2024-10-17T09:00"),  # day of the switch
    ("2024-10-16T12:30", WorkingHours(1), "2024-10-16T14:00"),  # winter lunch 12:00-13:00
    ("2024-10-17T09:00", WorkingDays(1), "2024-10-18T09:00"),  # day after
]


@pytest.mark.parametrize(("received", "limit", "expected"), SWITCH_TABLE)
def test_due_across_a_seasonal_switch(
    received: str, limit: WorkingDays | WorkingHours, expected: str
) -> None:
    assert VP_SCHEDULE.due_instant(datetime.fromisoformat(received), limit) == _vn(expected)
    due = VP_SCHEDULE.due(datetime.fromisoformat(received), limit)
    assert due.at == _vn(expected)
    assert VP_SCHEDULE.working_time_between(due.counted_from, due.at) == timedelta(
        hours=int(8 * limit.count if isinstance(limit, WorkingDays) else limit.count)
    )


def test_long_deadline_counts_each_day_of_both_seasons() -> None:
    # 100 working days from 12/04/2024 11:40 (winter) to a summer day: the same office time.
    due = VP_SCHEDULE.due(datetime(2024, 4, 12, 11, 40), WorkingDays(100))
    assert VP_SCHEDULE.working_time_between(due.received_at, due.at) == timedelta(hours=800)
    assert VP_SCHEDULE.is_office_time(due.at)


def test_whole_days_rule_is_unchanged_by_hours() -> None:
    due = VP_SCHEDULE.due(
        datetime(2024, 4, 15, 9, 0), WorkingDays(1), rule=CountingRule.WHOLE_DAYS
    )
    assert due.last_day == date(2024, 4, 16)
    assert due.at == _vn("2024-04-17T00:00")
    assert VP_SCHEDULE.appointment(due) == _vn("2024-04-16T17:00")  # the summer close


def test_hours_on_follows_the_series() -> None:
    assert VP_SCHEDULE.hours_on(date(2024, 4, 15)).weekdays[0][0] == Session(time(7, 30), time(12))
    assert VP_SCHEDULE.hours_on(date(2024, 4, 16)).weekdays[0][0] == Session(time(7), time(11, 30))
    assert VP_SCHEDULE.hours_on(date(2025, 1, 1)) == VP_SCHEDULE.hours_on(date(2024, 12, 31))


def test_a_dated_row_replaces_the_hours_from_its_day() -> None:
    hue = hue_4010_2025()
    s = WorkSchedule(CAL, hue.hours_on(date(2024, 1, 1)) or OfficeHours.standard(), series=hue)
    # 31/12/2025 16:30 under 13:00-17:00: 0.5 h; 01/01 is a holiday, 02/01/2026 a swapped day
    # off; Monday 05/01/2026 under 4010's winter hours (07:30-11:30).
    assert s.due_instant(datetime(2025, 12, 31, 16, 30), WorkingHours(1)) == _vn(
        "2026-01-05T08:00"
    )
    # April 2026: summer afternoons 13:30-17:30, so 17:00 leaves half an hour that day; the
    # winter day before closes at 17:00.
    assert s.due_instant(datetime(2026, 4, 1, 17, 0), WorkingHours(1)) == _vn("2026-04-02T08:00")
    assert s.due_instant(datetime(2026, 3, 31, 17, 0), WorkingHours(1)) == _vn("2026-04-01T08:30")
    assert hue.periods[1].source.startswith("4010/QĐ-UBND")


def test_before_the_first_row_the_schedule_hours_apply() -> None:
    late = HoursSeries(
        (
            HoursPeriod(
                date(2025, 1, 1), OfficeHours.parse({"mon-fri": "07:00-11:00, 13:00-17:00"})
            ),
        )
    )
    s = WorkSchedule(CAL, series=late)
    assert s.due_instant(datetime(2024, 12, 31, 16, 0), WorkingHours(2)) == _vn("2025-01-02T08:00")


# Part-day closures: standard hours, Monday 13/05/2024 afternoon closed.
AFTERNOON = Closure(date(2024, 5, 13), Session(time(13), time(17)), "Thông báo 1/TB-UBND")
CLOSED = WorkSchedule(CAL, closures=(AFTERNOON,))
CLOSURE_TABLE = [
    ("2024-05-10T15:00", WorkingDays(1), "2024-05-14T10:00"),  # 2 h Fri, 4 h Mon, 2 h Tue
    ("2024-05-13T09:00", WorkingHours(4), "2024-05-14T09:00"),
    ("2024-05-13T09:00", WorkingDays(1), "2024-05-14T14:00"),
    ("2024-05-13T11:00", WorkingHours(1), "2024-05-13T12:00"),  # the morning's close stays
    ("2024-05-13T14:00", WorkingDays(1), "2024-05-14T17:00"),  # received while closed
    ("2024-05-14T09:00", WorkingDays(1), "2024-05-15T09:00"),  # the day after: unchanged
]


@pytest.mark.parametrize(("received", "limit", "expected"), CLOSURE_TABLE)
def test_due_around_a_half_day_closure(
    received: str, limit: WorkingDays | WorkingHours, expected: str
) -> None:
    assert CLOSED.due_instant(datetime.fromisoformat(received), limit) == _vn(expected)


def test_closure_helpers_and_office_time() -> None:
    assert not CLOSED.is_office_time(datetime(2024, 5, 13, 14, 0))
    assert CLOSED.is_office_time(datetime(2024, 5, 13, 11, 0))
    morning = WorkSchedule(CAL, closures=(Closure.morning(date(2024, 5, 13)),))
    assert morning.next_office_instant(datetime(2024, 5, 13, 8, 0)) == _vn("2024-05-13T13:00")
    afternoon = WorkSchedule(CAL, closures=(Closure.afternoon(date(2024, 5, 13)),))
    assert afternoon.due_instant(datetime(2024, 5, 13, 9), WorkingHours(4)) == _vn(
        "2024-05-14T09:00"
    )


def test_closure_of_other_units_is_left_out() -> None:
    theirs = Closure(date(2024, 5, 13), Session(time(13), time(17)), units=("00001",))
    here = WorkSchedule(CAL, closures=(theirs,), place={"00004", "01"})
    there = WorkSchedule(CAL, closures=(theirs,), place={"00001", "01"})
    national = WorkSchedule(CAL, closures=(theirs,))
    start = datetime(2024, 5, 13, 9, 0)
    assert here.due_instant(start, WorkingHours(4)) == _vn("2024-05-13T14:00")
    assert national.due_instant(start, WorkingHours(4)) == _vn("2024-05-13T14:00")
    assert there.due_instant(start, WorkingHours(4)) == _vn("2024-05-14T09:00")


def test_saturday_reception_does_not_count_under_a_series() -> None:
    summer = OfficeHours.parse(
        {"mon-fri": "07:00-11:30, 13:30-17:00"}, reception={"sat": "07:30-11:30"}
    )
    winter = OfficeHours.parse(
        {"mon-fri": "07:30-12:00, 13:00-16:30"}, reception={"sat": "08:00-11:00"}
    )
    series = HoursSeries(
        (
            HoursPeriod(
                date(2024, 1, 1),
                SeasonalHours((Season((4, 16), summer), Season((10, 16), winter))),
            ),
        )
    )
    s = WorkSchedule(CAL, winter, series=series)
    sat = datetime(2024, 4, 20, 9, 0)  # summer Saturday desk
    assert s.is_reception_time(sat)
    assert not s.is_office_time(sat)
    assert s.due_instant(sat, WorkingHours(2)) == _vn("2024-04-22T09:00")
    assert not s.is_reception_time(datetime(2024, 10, 19, 7, 45))  # winter desk opens 08:00
    assert s.is_reception_time(datetime(2024, 10, 19, 8, 0))


def test_series_values_are_checked() -> None:
    eight = OfficeHours.standard()
    seven = OfficeHours.parse({"mon-fri": "08:00-12:00, 13:00-16:00"})
    with pytest.raises(ConfigurationError, match="different day lengths"):
        HoursSeries((HoursPeriod(date(2024, 1, 1), eight), HoursPeriod(date(2024, 6, 1), seven)))
    odd = HoursSeries((HoursPeriod(date(2024, 1, 1), seven),))
    with pytest.raises(ConfigurationError, match="same day length"):
        WorkSchedule(CAL, eight, series=odd)
    with pytest.raises(InvalidInputError, match="two or more seasons"):
        SeasonalHours((Season((4, 16), eight),))
    with pytest.raises(InvalidInputError, match="month, day"):
        Season((2, 30), eight)
    with pytest.raises(InvalidInputError, match="one period per start day"):
        HoursSeries((HoursPeriod(date(2024, 1, 1), eight), HoursPeriod(date(2024, 1, 1), eight)))
    with pytest.raises(InvalidInputError, match="Session"):
        Closure(date(2024, 1, 2), ())
    with pytest.raises(InvalidInputError, match="tuple of unit codes"):
        Closure(date(2024, 1, 2), Session(time(8), time(9)), units="01")


# -- properties -----------------------------------------------------------------------

_MINUTE = timedelta(minutes=1)


@st.composite
def _hours(draw: st.DrawFn) -> OfficeHours:
    start = draw(st.integers(6 * 4, 9 * 4)) * 15  # minutes from midnight
    morning = draw(st.integers(4, 10)) * 30
    lunch = draw(st.integers(1, 6)) * 15
    afternoon = 480 - morning
    a, b = start + morning, start + morning + lunch

    def clock(m: int) -> time:
        return time(m // 60, m % 60)

    day = (Session(clock(start), clock(a)), Session(clock(b), clock(b + afternoon)))
    return OfficeHours((day,) * 5)


@st.composite
def _schedules(draw: st.DrawFn) -> WorkSchedule:
    first, second = draw(_hours()), draw(_hours())
    m1 = draw(st.integers(1, 6))
    m2 = draw(st.integers(7, 12))
    seasons = SeasonalHours(
        (
            Season((m1, draw(st.integers(1, 28))), first),
            Season((m2, draw(st.integers(1, 28))), second),
        )
    )
    third = draw(_hours())
    later: OfficeHours | SeasonalHours = third if draw(st.booleans()) else seasons
    series = HoursSeries(
        (
            HoursPeriod(date(2024, 3, 1), seasons),
            HoursPeriod(date(2025, draw(st.integers(1, 12)), 1), later),
        )
    )
    closures = draw(
        st.lists(
            st.builds(
                lambda d, h, n: Closure(
                    date(2024, 1, 1) + timedelta(days=d), Session(time(h), time(h + n))
                ),
                st.integers(0, 700),
                st.integers(6, 14),
                st.integers(1, 4),
            ),
            max_size=4,
        )
    )
    return WorkSchedule(CAL, draw(_hours()), series=series, closures=tuple(closures))


_starts = st.builds(
    lambda d, m: datetime(2024, 1, 1) + timedelta(days=d, minutes=m),
    st.integers(0, 600),
    st.integers(0, 24 * 60 - 1),
)
_limits = st.one_of(
    st.builds(WorkingHours, st.integers(1, 60)), st.builds(WorkingDays, st.integers(1, 40))
)


@settings(max_examples=60, deadline=None)
@given(_schedules(), _starts, _limits)
def test_due_lies_in_counted_time_under_any_schedule(
    s: WorkSchedule, start: datetime, limit: WorkingDays | WorkingHours
) -> None:
    due = s.due_instant(start, limit)
    # In a counting session, or exactly at a session's close (the boundary rule).
    assert s.is_office_time(due) or s.is_office_time(due - timedelta(microseconds=1))
    hours = int(8 * limit.count if isinstance(limit, WorkingDays) else limit.count)
    assert s.working_time_between(start, due) == timedelta(hours=hours)
    assert due.second == 0
    assert due.microsecond == 0


@settings(max_examples=60, deadline=None)
@given(_schedules(), _starts, st.integers(0, 3 * 24 * 60), _limits)
def test_due_is_monotone_in_the_start_across_switches(
    s: WorkSchedule, start: datetime, later: int, limit: WorkingDays | WorkingHours
) -> None:
    assert s.due_instant(start, limit) <= s.due_instant(start + later * _MINUTE, limit)
