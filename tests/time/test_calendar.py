"""The working calendar: golden tables from official announcements, queries, properties."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from motcua import (
    ANNOUNCEMENTS,
    Announcement,
    DayCategory,
    DayChange,
    DayKind,
    InvalidInputError,
    OutsideCalendarError,
    Scope,
    WorkingCalendar,
    vietnam_calendar,
)
from motcua.testing.strategies import dates

CAL = vietnam_calendar()

# Golden table: each row is a day an official announcement fixed, with its source.
ANNOUNCED = [
    pytest.param(change.day, change.kind, id=f"{change.day}-{ann.instrument or ann.subject}")
    for ann in ANNOUNCEMENTS
    for change in ann.changes
    if CAL.covers(change.day)
]


@pytest.mark.parametrize(("day", "kind"), ANNOUNCED)
def test_every_announced_day_is_applied(day: date, kind: DayKind) -> None:
    assert CAL.is_working_day(day) is (kind is DayKind.WORKING_DAY)


# Statutory holidays and ordinary days, checked by hand against the Labour Code and the
# announcements (Tết 2024: 8662/VPCP-KGVX; 30/4 2024: 2450/VPCP-KGVX).
@pytest.mark.parametrize(
    ("day", "working"),
    [
        ("2024-01-01", False),  # New Year (Art. 112(1)(a))
        ("2024-01-02", True),
        ("2024-02-07", True),  # the day before the Tết break
        ("2024-02-08", False),
        ("2024-02-14", False),
        ("2024-02-15", True),
        ("2024-04-18", False),  # Hùng Kings, 10/3 lunar
        ("2024-04-27", False),  # ordinary Saturday
        ("2024-04-29", False),  # swapped Monday
        ("2024-05-04", True),  # make-up Saturday
        ("2024-05-05", False),  # Sunday
        ("2024-09-02", False),
        ("2024-09-03", False),
        ("2023-09-04", False),  # compensatory Monday for Saturday 02/09/2023 (Art. 111(3))
        ("2022-01-03", False),  # compensatory Monday for Saturday 01/01/2022
        ("2025-04-26", True),  # make-up Saturday, 8726/VPCP-KGVX
        ("2025-05-02", False),
        ("2019-01-05", True),  # make-up Saturday, 6519/VPCP-KGVX
        ("2018-12-31", False),
        ("2026-01-02", False),  # 12729/VPCP-KGVX, missing from holidays 0.109
        ("2026-01-10", True),
        ("2026-04-27", False),  # Hùng Kings on Sunday 26/04 -> Monday 27/04
        ("2026-11-24", False),  # Vietnamese Culture Day, 2026 onwards
        ("2025-11-24", True),  # ... but not in 2025
    ],
)
def test_golden_days(day: str, working: bool) -> None:
    assert CAL.is_working_day(date.fromisoformat(day)) is working


def test_issue_example_whole_days_date() -> None:
    assert CAL.add_working_days(date(2024, 4, 26), 5) == date(2024, 5, 7)


def test_add_zero_rolls_forward_only_from_days_off() -> None:
    assert CAL.add_working_days(date(2024, 5, 3), 0) == date(2024, 5, 3)
    assert CAL.add_working_days(date(2024, 4, 27), 0) == date(2024, 5, 2)


def test_add_negative_counts_backwards_strictly() -> None:
    assert CAL.add_working_days(date(2024, 5, 2), -1) == date(2024, 4, 26)
    assert CAL.add_working_days(date(2024, 4, 28), -1) == date(2024, 4, 26)


def test_next_and_previous() -> None:
    assert CAL.next_working_day(date(2026, 1, 1)) == date(2026, 1, 5)
    assert CAL.previous_working_day(date(2026, 1, 11)) == date(2026, 1, 10)


def test_working_days_iterates_closed_range() -> None:
    days = list(CAL.working_days(date(2026, 1, 1), date(2026, 1, 12)))
    assert days == [
        date(2026, 1, 5),
        date(2026, 1, 6),
        date(2026, 1, 7),
        date(2026, 1, 8),
        date(2026, 1, 9),
        date(2026, 1, 10),
        date(2026, 1, 12),
    ]


def test_between_is_half_open_and_signed() -> None:
    assert CAL.working_days_between(date(2024, 5, 3), date(2024, 5, 3)) == 0
    assert CAL.working_days_between(date(2024, 5, 3), date(2024, 5, 4)) == 1
    assert CAL.working_days_between(date(2024, 5, 4), date(2024, 5, 3)) == -1


@given(
    st.dates(min_value=date(2019, 1, 1), max_value=date(2090, 12, 31)),
    st.integers(min_value=-150, max_value=150),
)
def test_add_then_count_recovers_n(day: date, n: int) -> None:
    target = CAL.add_working_days(day, n)
    assert CAL.is_working_day(target)
    if n > 0:
        assert CAL.working_days_between(day, target) == n
    elif n < 0:
        # Strictly between target and day lie |n| - 1 working days.
        assert CAL.working_days_between(target, day) - CAL.is_working_day(day) == -n - 1


@given(dates(), dates())
def test_between_then_add_recovers_working_day(a: date, b: date) -> None:
    if b > a and CAL.is_working_day(b):
        assert CAL.add_working_days(a, CAL.working_days_between(a, b)) == b


@given(dates(), st.integers(min_value=1, max_value=60))
def test_add_matches_naive_walk(day: date, n: int) -> None:
    walked, left = day, n
    while left:
        walked += timedelta(days=1)
        left -= CAL.is_working_day(walked)
    assert CAL.add_working_days(day, n) == walked


@given(dates(), st.integers(min_value=0, max_value=100), st.integers(min_value=0, max_value=100))
def test_add_is_monotone_in_n(day: date, m: int, n: int) -> None:
    lo, hi = sorted((m, n))
    assert CAL.add_working_days(day, lo) <= CAL.add_working_days(day, hi)


def test_year_schedule_names_and_sources() -> None:
    schedule = CAL.year_schedule(2026)
    assert not schedule.provisional
    first = schedule.days_off[0]
    assert (first.day, first.name_vi, first.name_en) == (
        date(2026, 1, 1),
        "Tết Dương lịch",
        "New Year's Day",
    )
    assert "Labour Code 2019 Art. 112" in first.sources[0]
    swap = CAL.named_day(date(2026, 1, 2))
    assert swap is not None
    assert swap.category is DayCategory.ANNOUNCED_DAY_OFF
    assert swap.sources == ("12729/VPCP-KGVX (25/12/2025)",)
    assert all(d.day.weekday() < 5 for d in schedule.days_off)
    assert all(d.day.weekday() >= 5 for d in schedule.make_up_days)


def test_provisional_years() -> None:
    assert not CAL.is_provisional(date(2026, 12, 31))
    assert CAL.is_provisional(date(2027, 1, 1))
    assert CAL.year_schedule(2027).provisional
    assert all(d.provisional for d in CAL.year_schedule(2027).days_off)


def test_outside_range_raises_clearly() -> None:
    with pytest.raises(OutsideCalendarError, match=r"2100-01-01 is outside .*2013-2099"):
        CAL.is_working_day(date(2100, 1, 1))
    with pytest.raises(OutsideCalendarError, match="2012-12-31"):
        CAL.add_working_days(date(2012, 12, 31), 1)
    with pytest.raises(OutsideCalendarError, match="working days"):
        CAL.add_working_days(date(2099, 12, 20), 30)
    with pytest.raises(OutsideCalendarError):
        CAL.year_schedule(2100)
    with pytest.raises(InvalidInputError, match="2013-2099"):
        vietnam_calendar(range(2010, 2020))
    with pytest.raises(InvalidInputError, match="consecutive"):
        vietnam_calendar(range(2020, 2030, 2))


def test_add_rejects_non_int() -> None:
    with pytest.raises(InvalidInputError, match="n: expected an int"):
        CAL.add_working_days(date(2024, 1, 2), 1.5)  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError):
        CAL.add_working_days(date(2024, 1, 2), True)


def test_narrow_calendar_agrees_with_full() -> None:
    small = vietnam_calendar(range(2024, 2026))
    for d in (date(2024, 1, 1) + timedelta(days=k) for k in range(731)):
        assert small.is_working_day(d) is CAL.is_working_day(d)


def test_local_closure_and_later_swap() -> None:
    closure = Announcement(
        instrument="15/QĐ-UBND",
        issued="2027-03-01",
        issuer="UBND xã X",
        subject="Đóng cửa Bộ phận Một cửa để sửa chữa",
        changes=[DayChange("2027-03-05", DayKind.DAY_OFF, "Đóng cửa sửa chữa", "Closed")],
        source="local decision",
        scope=Scope.LOCAL,
    )
    swap = Announcement(
        instrument="999/VPCP-KGVX",
        issued="2026-12-20",
        issuer="VPCP",
        subject="Hoán đổi",
        changes=[
            DayChange("2027-01-02", DayKind.WORKING_DAY, "Làm bù", "Make-up day", "2027-01-04"),
            DayChange("2027-01-04", DayKind.DAY_OFF, "Nghỉ", "Day off", "2027-01-02"),
        ],
        source="test",
    )
    cal = vietnam_calendar(extra=[closure, swap], announced_through=2027)
    assert not cal.is_working_day(date(2027, 3, 5))
    assert cal.is_working_day(date(2027, 1, 2))
    assert not cal.is_working_day(date(2027, 1, 4))
    closed = cal.named_day(date(2027, 3, 5))
    assert closed is not None
    assert closed.category is DayCategory.LOCAL_CLOSURE
    assert not cal.is_provisional(date(2027, 6, 1))
    assert cal.is_provisional(date(2028, 1, 1))
    assert CAL.is_working_day(date(2027, 3, 5))  # the shared calendar is untouched


def test_change_outside_calendar_is_an_error() -> None:
    ann = Announcement(
        instrument="1",
        issued=None,
        issuer="x",
        subject="x",
        changes=[DayChange("2031-03-05", DayKind.DAY_OFF, "x", "x")],
        source="x",
    )
    with pytest.raises(InvalidInputError, match="2031-03-05"):
        vietnam_calendar(range(2024, 2027), extra=[ann])


def test_working_day_change_must_be_weekend() -> None:
    with pytest.raises(InvalidInputError, match="WORKING_DAY only on a Saturday or Sunday"):
        DayChange("2027-03-05", DayKind.WORKING_DAY, "x", "x")


def test_culture_day_can_be_switched_off() -> None:
    cal = vietnam_calendar(range(2026, 2028), culture_day=False)
    assert cal.is_working_day(date(2026, 11, 24))
    assert not CAL.is_working_day(date(2026, 11, 24))


def test_calendar_equality_and_hash() -> None:
    a = vietnam_calendar(range(2024, 2026))
    b = WorkingCalendar(
        first_year=a.first_year,
        last_year=a.last_year,
        provisional_from=a.provisional_from,
        days_off=a.days_off,
        make_up_days=a.make_up_days,
        source="copy",
    )
    assert a == b
    assert hash(a) == hash(b)
    assert a != CAL
    assert a != "calendar"


def test_every_announcement_row_is_sourced() -> None:
    for ann in ANNOUNCEMENTS:
        assert ann.source
        assert ann.changes
        for change in ann.changes:
            # 31/12/2012 is kept as the pair of 2013's first make-up Saturday.
            assert 2013 <= change.day.year <= 2026 or change.day == date(2012, 12, 31)
            if change.swapped_with is not None:
                assert any(c.day == change.swapped_with for c in ann.changes)


def test_non_dates_get_a_typed_error() -> None:
    with pytest.raises(InvalidInputError, match="day: expected a datetime.date"):
        CAL.is_working_day("2024-05-06")  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="day: expected a datetime.date"):
        CAL.add_working_days("2024-05-06", 1)  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="end: expected a datetime.date"):
        CAL.working_days_between(date(2024, 5, 6), None)  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="start"):
        list(CAL.working_days(20240506, date(2024, 5, 8)))  # type: ignore[arg-type]
