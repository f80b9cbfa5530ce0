"""The fast paths of issue 14 against slow references written from the rules, not the tables.

The calendar's add/count/is-working-day read ordinal tables; the due instant under working
time skips the general path (no pauses, no rule to resolve) and the bulk
``WorkSchedule.due_instants`` inlines both steps on local names. Each is compared here with
a day-by-day walk over the calendar's named days and the sessions of the office hours, and
with the general path of the same schedule, on random receipts of every kind (naive, on
``VN_TZ``, on another UTC+07:00 ``timezone``, on UTC, dates, ``fold=1``, microseconds).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from motcua.foundation.errors import OutsideCalendarError
from motcua.foundation.vntime import VN_TZ
from motcua.time.calendar import WorkingCalendar, vietnam_calendar
from motcua.time.deadlines import WorkSchedule, default_schedule
from motcua.time.due import Due
from motcua.time.hours import Session
from motcua.time.hours_series import Closure
from motcua.time.limits import CountingRule, TimeLimit, WorkingDays, WorkingHours

US = 1_000_000
DAY = timedelta(days=1)
LO, HI = date(2018, 1, 1), date(2097, 12, 31)
SESSIONS = ((8 * 3600 * US, 12 * 3600 * US), (13 * 3600 * US, 17 * 3600 * US))


_SPECIAL: dict[int, tuple[frozenset[date], frozenset[date], WorkingCalendar]] = {}


def _special(cal: WorkingCalendar) -> tuple[frozenset[date], frozenset[date]]:
    # By identity: hashing a calendar hashes every named day.
    found = _SPECIAL.get(id(cal))
    if found is None:
        found = _SPECIAL[id(cal)] = (
            frozenset(n.day for n in cal.days_off),
            frozenset(n.day for n in cal.make_up_days),
            cal,  # kept alive, so that its id is not reused
        )
    return found[0], found[1]


def ref_is_working(cal: WorkingCalendar, day: date) -> bool:
    """Monday to Friday, less the days off, plus the make-up days: from the named days."""
    off, work = _special(cal)
    return day in work or (day.weekday() < 5 and day not in off)


def ref_add(cal: WorkingCalendar, day: date, n: int) -> date:
    """Walk day by day; ``n == 0`` rolls forward to a working day."""
    if n == 0:
        while not ref_is_working(cal, day):
            day += DAY
        return day
    step = DAY if n > 0 else -DAY
    left = abs(n)
    while left:
        day += step
        left -= ref_is_working(cal, day)
    return day


def ref_between(cal: WorkingCalendar, a: date, b: date) -> int:
    lo, hi, sign = (a, b, 1) if a <= b else (b, a, -1)
    count, day = 0, lo
    while day < hi:
        day += DAY
        count += ref_is_working(cal, day)
    return sign * count


def ref_working_end(cal: WorkingCalendar, start: datetime, duration_us: int) -> datetime:
    """Walk office hours (08:00-12:00, 13:00-17:00) from *start* (Vietnam time).

    An end exactly at lunch moves to 13:00; an end exactly at 17:00 stays there (ADR 0004);
    a zero duration gives the next office instant.
    """
    day = start.date()
    t = ((start.hour * 60 + start.minute) * 60 + start.second) * US + start.microsecond
    left = duration_us
    while True:
        if ref_is_working(cal, day):
            for k, (s, e) in enumerate(SESSIONS):
                begin = max(t, s)
                if begin >= e:
                    continue
                avail = e - begin
                if left < avail or (left == avail and k == len(SESSIONS) - 1):
                    return datetime.combine(day, time.min, VN_TZ) + timedelta(
                        microseconds=begin + left
                    )
                left -= avail
        day, t = day + DAY, 0


def _duration(limit: WorkingDays | WorkingHours) -> int:
    unit = 8 * 3600 * US if isinstance(limit, WorkingDays) else 3600 * US
    return int(limit.count * unit)


naive = st.datetimes(min_value=datetime(2018, 1, 1), max_value=datetime(2097, 12, 31))
receipts = st.one_of(
    naive,
    naive.map(lambda d: d.replace(tzinfo=VN_TZ)),
    naive.map(lambda d: d.replace(tzinfo=timezone(timedelta(hours=7)))),
    naive.map(lambda d: d.replace(tzinfo=timezone.utc)),
    naive.map(lambda d: d.replace(fold=1)),
    naive.map(lambda d: d.replace(second=0, microsecond=0)),  # on the minute, as most are
    st.dates(min_value=LO, max_value=HI),
)
limits: st.SearchStrategy[WorkingDays | WorkingHours] = st.one_of(
    st.integers(0, 60).map(WorkingDays),
    st.integers(0, 100).map(WorkingHours),
    st.sampled_from([WorkingDays(Fraction(1, 2)), WorkingDays(Fraction(3, 2))]),
)


def _vn(value: datetime | date) -> datetime:
    if not isinstance(value, datetime):
        return datetime.combine(value, time.min, VN_TZ)
    if value.tzinfo is None:
        return value.replace(tzinfo=VN_TZ)
    return value.astimezone(VN_TZ)


@settings(max_examples=300)
@given(st.dates(min_value=LO, max_value=HI), st.integers(-400, 400))
def test_calendar_queries_agree_with_a_day_by_day_walk(day: date, n: int) -> None:
    cal = vietnam_calendar()
    assert cal.is_working_day(day) is ref_is_working(cal, day)
    assert cal.add_working_days(day, n) == ref_add(cal, day, n)
    other = day + timedelta(days=n)
    assert cal.working_days_between(day, other) == ref_between(cal, day, other)


def test_calendar_queries_refuse_days_outside_at_both_ends() -> None:
    cal = vietnam_calendar(range(2024, 2026))
    for day in (date(2023, 12, 31), date(2026, 1, 1)):
        with pytest.raises(OutsideCalendarError, match=day.isoformat()):
            cal.is_working_day(day)
        with pytest.raises(OutsideCalendarError, match=day.isoformat()):
            cal.add_working_days(day, 1)
        with pytest.raises(OutsideCalendarError, match=day.isoformat()):
            cal.working_days_between(date(2024, 6, 3), day)
        with pytest.raises(OutsideCalendarError, match=day.isoformat()):
            cal.working_days_between(day, date(2024, 6, 3))
    with pytest.raises(OutsideCalendarError, match=r"2025-12-31 \+ 1 working days"):
        cal.add_working_days(date(2025, 12, 31), 1)
    with pytest.raises(OutsideCalendarError, match="2024-01-02 - 2 working days"):
        cal.add_working_days(date(2024, 1, 2), -2)


@settings(max_examples=300)
@given(receipts, limits)
def test_due_fast_path_agrees_with_the_walk_and_the_general_path(
    received: datetime | date, limit: WorkingDays | WorkingHours
) -> None:
    schedule = default_schedule()
    cal = schedule.calendar
    fast = schedule.due(received, limit)
    general = schedule.due(received, limit, pauses=iter(()))  # an iterator: the full path
    start = _vn(received)
    at = ref_working_end(cal, start, _duration(limit))
    expected = Due(
        at,
        start,
        ref_working_end(cal, start, 0),
        limit,
        CountingRule.WORKING_TIME,
        max(at.year, start.year) >= cal.provisional_from,
        at.date(),
    )
    assert fast == general == expected
    assert fast.received_at.tzinfo is VN_TZ
    assert fast.at.tzinfo is VN_TZ
    if isinstance(received, datetime) and received.tzinfo is None:
        assert fast.received_at.fold == received.fold  # as replace(tzinfo=...) keeps it
    assert schedule.due_instant(received, limit) == at


@settings(max_examples=100)
@given(st.lists(receipts, max_size=30), limits)
def test_bulk_due_instants_are_the_single_ones(
    received: list[datetime | date], limit: WorkingDays | WorkingHours
) -> None:
    schedule = default_schedule()
    bulk = schedule.due_instants(received, limit)
    assert bulk == [schedule.due_instant(r, limit) for r in received]
    assert all(d.tzinfo is VN_TZ for d in bulk)


def _closures_schedule() -> WorkSchedule:
    # Part-day closures make days of unequal length: the bulk path's binary search.
    days = (date(2024, 5, 13), date(2024, 5, 14), date(2024, 12, 31), date(2025, 1, 2))
    afternoon = Session(time(13, 0), time(17, 0))
    return WorkSchedule(
        vietnam_calendar(range(2024, 2027)),
        closures=tuple(Closure(d, afternoon, "test") for d in days),
    )


@settings(max_examples=100)
@given(
    st.lists(
        st.datetimes(min_value=datetime(2024, 1, 1), max_value=datetime(2025, 12, 31)),
        max_size=20,
    ),
    st.one_of(st.integers(1, 30).map(WorkingDays), st.integers(1, 50).map(WorkingHours)),
)
def test_bulk_over_unequal_days_is_the_single_ones(
    received: list[datetime], limit: TimeLimit
) -> None:
    schedule = _closures_schedule()
    assert schedule._working_day_indices() == ()
    assert schedule.due_instants(received, limit) == [
        schedule.due_instant(r, limit) for r in received
    ]


@pytest.mark.parametrize(
    ("limit", "rule"),
    [
        (WorkingDays(5), CountingRule.WHOLE_DAYS),
        (WorkingDays(0), None),
        (WorkingHours(0), None),
    ],
)
def test_bulk_under_other_rules_and_zero_limits_is_the_single_ones(
    limit: TimeLimit, rule: CountingRule | None
) -> None:
    schedule = default_schedule()
    received = [datetime(2024, 4, 26, 9, 0), datetime(2024, 4, 27, 18, 30), date(2024, 5, 1)]
    assert schedule.due_instants(received, limit, rule=rule) == [
        schedule.due_instant(r, limit, rule=rule) for r in received
    ]


def test_bulk_raises_the_single_error_at_the_first_bad_receipt() -> None:
    schedule = WorkSchedule(vietnam_calendar(range(2024, 2026)))
    good = datetime(2024, 4, 26, 9, 0)
    for bad in (datetime(2023, 12, 29, 9, 0), datetime(2025, 12, 31, 16, 0), "2024-04-26"):
        with pytest.raises(Exception) as single:
            schedule.due_instant(bad, WorkingDays(5))  # type: ignore[arg-type]
        with pytest.raises(type(single.value)) as bulk:
            schedule.due_instants([good, bad], WorkingDays(5))  # type: ignore[list-item]
        assert str(bulk.value) == str(single.value)


def test_bulk_golden_rows() -> None:
    schedule = default_schedule()
    rows: list[tuple[str, TimeLimit, str]] = [
        # received, limit, due (the 29/04 swap, 30/04 and 01/05, the worked 04/05/2024)
        ("2024-04-26T09:00", WorkingDays(5), "2024-05-07T09:00+07:00"),
        ("2024-04-26T16:00", WorkingHours(1), "2024-04-26T17:00+07:00"),  # close stays
        ("2024-04-26T11:00", WorkingHours(1), "2024-04-26T13:00+07:00"),  # lunch moves on
        ("2024-04-26T17:30", WorkingHours(1), "2024-05-02T09:00+07:00"),
        ("2024-05-03T08:00+00:00", WorkingDays(1), "2024-05-04T15:00+07:00"),  # worked Saturday
    ]
    for received, limit, due in rows:
        out = schedule.due_instants([datetime.fromisoformat(received)], limit)
        assert [d.isoformat(timespec="minutes") for d in out] == [due]


@pytest.mark.parametrize(
    "clock",
    [
        *(time(7, 59), time(8, 0), time(11, 59, 59, 999_999), time(12, 0), time(12, 30)),
        *(time(13, 0), time(16, 59), time(17, 0), time(23, 59, 59, 999_999), time(0, 0)),
    ],
)
@pytest.mark.parametrize("day", [date(2024, 4, 26), date(2024, 4, 27), date(2024, 5, 4)])
def test_due_fast_path_at_session_edges_is_the_general_path(day: date, clock: time) -> None:
    schedule = default_schedule()
    received = datetime.combine(day, clock)
    for limit in (WorkingDays(0), WorkingDays(1), WorkingHours(4), WorkingHours(1)):
        fast = schedule.due(received, limit)
        assert fast == schedule.due(received, limit, pauses=iter(()))
        assert fast.counted_from == ref_working_end(schedule.calendar, _vn(received), 0)
        assert schedule.due_instant(received, limit) == fast.at
