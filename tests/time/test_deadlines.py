"""The deadline engine: boundary tables for every counting rule, pauses, properties."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from motcua import (
    VN_TZ,
    CalendarDays,
    CountingRule,
    InvalidInputError,
    Months,
    OfficeHours,
    OutsideCalendarError,
    Pause,
    SameDay,
    WorkingDays,
    WorkingHours,
    WorkSchedule,
    compute_due,
    default_schedule,
    vietnam_calendar,
)
from motcua.testing.strategies import instants, working_days, working_hours

S = default_schedule()
WT = CountingRule.WORKING_TIME
WD = CountingRule.WHOLE_DAYS


def at(text: str) -> datetime:
    return datetime.fromisoformat(text)


def iso(dt: datetime) -> str:
    return dt.isoformat(timespec="minutes")


# Working-time rule, standard hours 08-12, 13-17. Around 26/04/2024 (Friday): 27-28 weekend,
# 29/04 swapped off, 30/04 and 01/05 holidays, Thursday 02/05, Friday 03/05, Saturday 04/05
# worked (2450/VPCP-KGVX), Monday 06/05.
WORKING_TIME_TABLE = [
    # received                limit                expected due               case
    ("2024-04-26T09:00", WorkingDays(5), "2024-05-07T09:00+07:00", "issue example"),
    (
        "2024-04-26T08:00",
        WorkingDays(1),
        "2024-04-26T17:00+07:00",
        "session start: stays same day",
    ),
    ("2024-04-26T13:00", WorkingDays(1), "2024-05-02T13:00+07:00", "13:00 + 1 day = 13:00"),
    ("2024-04-26T12:00", WorkingDays(1), "2024-05-02T13:00+07:00", "receipt at morning close"),
    ("2024-04-26T12:30", WorkingHours(4), "2024-04-26T17:00+07:00", "lunch: counts from 13:00"),
    ("2024-04-26T08:00", WorkingHours(4), "2024-04-26T13:00+07:00", "end at lunch -> 13:00"),
    ("2024-04-26T08:00", WorkingHours(8), "2024-04-26T17:00+07:00", "end at close stays"),
    ("2024-04-26T17:00", WorkingHours(1), "2024-05-02T09:00+07:00", "receipt at close"),
    ("2024-04-26T19:45", WorkingDays(1), "2024-05-02T17:00+07:00", "after closing"),
    ("2024-04-26T06:30", WorkingHours(2), "2024-04-26T10:00+07:00", "before opening"),
    ("2024-04-27T10:00", WorkingHours(3), "2024-05-02T11:00+07:00", "weekend receipt"),
    ("2024-04-30T10:00", WorkingHours(3), "2024-05-02T11:00+07:00", "holiday receipt"),
    ("2024-05-04T10:00", WorkingHours(3), "2024-05-04T14:00+07:00", "make-up Saturday"),
    ("2024-05-03T16:00", WorkingHours(2), "2024-05-04T09:00+07:00", "runs into make-up Saturday"),
    ("2024-04-26T09:00", WorkingDays(0), "2024-04-26T09:00+07:00", "zero limit"),
    ("2024-04-27T09:00", WorkingDays(0), "2024-05-02T08:00+07:00", "zero limit on a day off"),
    ("2024-04-26T09:00", WorkingDays(Fraction(1, 2)), "2024-04-26T14:00+07:00", "half a day"),
    ("2024-04-26T14:20", WorkingHours(8), "2024-05-02T14:20+07:00", "8 working hours online"),
    ("2025-12-31T15:00", WorkingDays(2), "2026-01-06T15:00+07:00", "New Year 2026 swap"),
    ("2026-01-09T10:00", WorkingDays(1), "2026-01-10T10:00+07:00", "make-up 10/01/2026"),
]


@pytest.mark.parametrize(("received", "limit", "expected", "case"), WORKING_TIME_TABLE)
def test_working_time_boundaries(
    received: str, limit: WorkingDays | WorkingHours, expected: str, case: str
) -> None:
    due = compute_due(at(received), limit)
    assert str(due) == expected, case
    assert due.rule is WT


WHOLE_DAYS_TABLE = [
    ("2024-04-26T09:00", 5, "2024-05-07T17:00+07:00", "issue example"),
    ("2024-04-26T16:59", 1, "2024-05-02T17:00+07:00", "receipt day never counted"),
    ("2024-04-27T09:00", 1, "2024-05-02T17:00+07:00", "weekend receipt"),
    ("2024-05-03T09:00", 1, "2024-05-04T17:00+07:00", "make-up Saturday counts"),
    ("2024-05-03T09:00", 0, "2024-05-03T17:00+07:00", "zero: close of the receipt day"),
    ("2024-04-27T09:00", 0, "2024-05-02T17:00+07:00", "zero on a day off rolls forward"),
]


@pytest.mark.parametrize(("received", "n", "expected", "case"), WHOLE_DAYS_TABLE)
def test_whole_days_boundaries(received: str, n: int, expected: str, case: str) -> None:
    # *expected* is the office's close of the last day: the receipt's appointment; the
    # period itself ends at 24:00 of that day (Civil Code 2015 Art. 148(6)).
    due = compute_due(at(received), WorkingDays(n), rule=WD)
    assert iso(S.appointment(due)) == expected, case
    assert due.last_day == date.fromisoformat(expected[:10]), case
    assert due.at == datetime.combine(due.last_day + timedelta(days=1), time(0), VN_TZ), case


SAME_DAY_TABLE = [
    ("2024-05-03T14:59", time(15), "2024-05-03T17:00+07:00", "before cut-off"),
    ("2024-05-03T15:00", time(15), "2024-05-03T17:00+07:00", "exactly at cut-off"),
    ("2024-05-03T15:01", time(15), "2024-05-04T17:00+07:00", "after cut-off: next working day"),
    ("2024-05-03T07:00", time(15), "2024-05-03T17:00+07:00", "before opening"),
    ("2024-05-05T09:00", time(15), "2024-05-06T17:00+07:00", "Sunday"),
    ("2024-05-03T16:30", None, "2024-05-03T17:00+07:00", "no cut-off, open"),
    ("2024-05-03T17:00", None, "2024-05-04T17:00+07:00", "no cut-off, at closing"),
]


@pytest.mark.parametrize(("received", "cutoff", "expected", "case"), SAME_DAY_TABLE)
def test_same_day_boundaries(received: str, cutoff: time | None, expected: str, case: str) -> None:
    assert str(compute_due(at(received), SameDay(cutoff))) == expected, case


CIVIL_TABLE = [
    ("2024-04-20T10:00", CalendarDays(10), "2024-05-02T17:00+07:00", "ends on 30/04, rolled"),
    ("2024-04-20T10:00", CalendarDays(5), "2024-04-25T17:00+07:00", "ends on a working day"),
    ("2024-04-24T10:00", CalendarDays(10), "2024-05-04T17:00+07:00", "ends on make-up Sat"),
    ("2024-01-31T10:00", Months(1), "2024-02-29T17:00+07:00", "no 31/02: last day of month"),
    ("2024-03-15T10:00", Months(1), "2024-04-15T17:00+07:00", "same date next month"),
    ("2024-01-15T10:00", Months(1), "2024-02-15T17:00+07:00", "15/02/2024 is a working day"),
    ("2024-01-10T10:00", Months(1), "2024-02-15T17:00+07:00", "10/02/2024 Tết: rolled"),
]


@pytest.mark.parametrize(("received", "limit", "expected", "case"), CIVIL_TABLE)
def test_calendar_days_and_months(
    received: str, limit: CalendarDays | Months, expected: str, case: str
) -> None:
    due = compute_due(at(received), limit)
    assert iso(S.appointment(due)) == expected, case
    assert due.last_day == date.fromisoformat(expected[:10]), case
    assert due.at == datetime.combine(due.last_day + timedelta(days=1), time(0), VN_TZ), case


def test_due_fields() -> None:
    due = compute_due(at("2024-04-26T17:30"), WorkingDays(1))
    assert due.received_at == datetime(2024, 4, 26, 17, 30, tzinfo=VN_TZ)
    assert iso(due.counted_from) == "2024-05-02T08:00+07:00"
    assert due.date == date(2024, 5, 2)
    assert not due.provisional


def test_provisional_flag() -> None:
    assert compute_due(at("2026-12-30T10:00"), WorkingDays(3)).provisional
    assert not compute_due(at("2026-12-01T10:00"), WorkingDays(3)).provisional


def test_aware_input_is_converted() -> None:
    utc = datetime(2024, 4, 26, 2, 0, tzinfo=timezone.utc)
    assert str(compute_due(utc, WorkingDays(5))) == "2024-05-07T09:00+07:00"


def test_date_input_means_midnight() -> None:
    assert str(compute_due(date(2024, 4, 26), WorkingDays(1))) == "2024-04-26T17:00+07:00"


def test_pause_excludes_office_time() -> None:
    received = at("2024-05-06T09:00")
    plain = compute_due(received, WorkingDays(2))
    assert str(plain) == "2024-05-08T09:00+07:00"
    # The applicant supplements from Monday 14:00 to Tuesday 10:00: 3 + 2 = 5 office hours,
    # so Wednesday 09:00 moves on by 5 office hours (09-12 and 13-15).
    paused = compute_due(
        received, WorkingDays(2), pauses=[Pause(at("2024-05-06T14:00"), at("2024-05-07T10:00"))]
    )
    assert str(paused) == "2024-05-08T15:00+07:00"
    # A pause after the due instant changes nothing; overlapping pauses count once.
    late = Pause(at("2024-05-09T09:00"), at("2024-05-09T11:00"))
    assert compute_due(received, WorkingDays(2), pauses=[late]).at == plain.at
    overlapping = [
        Pause(at("2024-05-06T14:00"), at("2024-05-07T09:00")),
        Pause(at("2024-05-06T15:00"), at("2024-05-07T10:00")),
    ]
    assert compute_due(received, WorkingDays(2), pauses=overlapping).at == paused.at


def test_pause_under_day_rules() -> None:
    pause = Pause(at("2024-05-06T10:00"), at("2024-05-08T10:00"))  # 2 working days later
    whole = compute_due(at("2024-05-03T09:00"), WorkingDays(3), rule=WD, pauses=[pause])
    assert whole.date == date(2024, 5, 9)  # 04, 06, 07 + 2 paused (07, 08) -> 09/05
    cal = compute_due(at("2024-05-02T09:00"), CalendarDays(5), pauses=[pause])
    assert cal.date == date(2024, 5, 9)
    same = compute_due(at("2024-05-06T09:00"), SameDay(time(15)), pauses=[pause])
    assert same.date == date(2024, 5, 8)


def test_working_time_between() -> None:
    assert S.working_time_between(at("2024-04-26T16:00"), at("2024-05-02T09:00")) == timedelta(
        hours=2
    )
    assert S.working_time_between(at("2024-05-02T09:00"), at("2024-04-26T16:00")) == -timedelta(
        hours=2
    )
    pause = Pause(at("2024-04-26T16:30"), at("2024-05-02T08:30"))
    assert S.working_time_between(
        at("2024-04-26T16:00"), at("2024-05-02T09:00"), pauses=[pause]
    ) == timedelta(hours=1)


def test_office_time_queries() -> None:
    assert S.is_office_time(at("2024-05-04T08:00"))
    assert not S.is_office_time(at("2024-05-03T17:00"))
    assert not S.is_office_time(at("2024-04-29T09:00"))
    assert iso(S.next_office_instant(at("2024-05-03T12:15"))) == "2024-05-03T13:00+07:00"
    assert iso(S.next_office_instant(at("2024-05-03T10:15"))) == "2024-05-03T10:15+07:00"


def test_custom_office_hours() -> None:
    hours = OfficeHours.parse({"mon-fri": "07:00-11:30, 13:30-17:00"})
    s = WorkSchedule(vietnam_calendar(range(2024, 2025)), hours)
    assert str(s.due(at("2024-05-03T11:00"), WorkingHours(1))) == "2024-05-03T14:00+07:00"
    assert str(s.due(at("2024-05-03T07:00"), WorkingDays(1))) == "2024-05-03T17:00+07:00"
    assert str(s.due(at("2024-05-03T09:00"), WorkingDays(1), rule=WD)) == "2024-05-05T00:00+07:00"


def test_reception_sessions_do_not_count() -> None:
    hours = OfficeHours.parse(
        {"mon-fri": "08:00-12:00, 13:00-17:00"}, reception={"sat": "08:00-11:00"}
    )
    s = WorkSchedule(vietnam_calendar(range(2024, 2025)), hours)
    # Received at the Saturday desk: counting starts Monday 08:00.
    assert str(s.due(at("2024-05-11T09:00"), WorkingHours(2))) == "2024-05-13T10:00+07:00"
    assert not s.is_office_time(at("2024-05-11T09:00"))


def test_rule_must_fit_limit() -> None:
    with pytest.raises(InvalidInputError, match="rule: expected calendar-days for CalendarDays"):
        compute_due(at("2024-05-03T09:00"), CalendarDays(3), rule=WD)
    with pytest.raises(InvalidInputError, match="rule"):
        compute_due(at("2024-05-03T09:00"), WorkingHours(3), rule=WD)
    with pytest.raises(InvalidInputError, match="whole number of days"):
        compute_due(at("2024-05-03T09:00"), WorkingDays(Fraction(1, 2)), rule=WD)
    with pytest.raises(InvalidInputError, match="limit: expected WorkingDays"):
        compute_due(at("2024-05-03T09:00"), 5)  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="received_at"):
        compute_due("2024-05-03", WorkingDays(1))  # type: ignore[arg-type]


def test_limit_validation() -> None:
    with pytest.raises(InvalidInputError, match="cannot be negative"):
        WorkingDays(-1)
    with pytest.raises(InvalidInputError, match="Fraction"):
        WorkingDays(0.5)  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="whole number"):
        CalendarDays(Fraction(1, 2))
    with pytest.raises(InvalidInputError):
        Months(True)
    with pytest.raises(InvalidInputError, match=r"microsecond"):
        compute_due(at("2024-05-03T09:00"), WorkingHours(Fraction(1, 7)))
    with pytest.raises(InvalidInputError, match="SameDay.cutoff"):
        SameDay("15:00")  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="Pause.end"):
        Pause(at("2024-05-03T09:00"), at("2024-05-03T08:00"))
    assert WorkingDays(Fraction(4, 2)) == WorkingDays(2)
    assert str(WorkingDays(1)) == "1 working day"
    assert str(CalendarDays(2)) == "2 calendar days"
    assert str(Months(1)) == "1 month"
    assert str(WorkingHours(8)) == "8 working hours"
    assert str(SameDay()) == "same day"


def test_outside_calendar() -> None:
    small = WorkSchedule(vietnam_calendar(range(2024, 2025)))
    with pytest.raises(OutsideCalendarError, match="2025-01-01"):
        small.due(at("2024-12-31T16:00"), WorkingDays(2))
    with pytest.raises(OutsideCalendarError, match="2023-12-31"):
        small.due(at("2023-12-31T16:00"), WorkingDays(2))


# -- properties ------------------------------------------------------------------------


@given(instants, st.one_of(working_days, working_hours))
def test_due_lies_in_office_time_of_a_working_day(
    received: datetime, limit: WorkingDays | WorkingHours
) -> None:
    due = compute_due(received, limit)
    if limit.count == 0:
        assert S.is_office_time(due.at)
        return
    assert S.calendar.is_working_day(due.at.date())
    # A due instant is inside a session or exactly at the day's close.
    close = S._close(due.at.date())
    assert S.is_office_time(due.at) or due.at == close
    assert S.working_time_between(received, due.at) == S._duration_us(limit) * timedelta(
        microseconds=1
    )


@given(instants, st.integers(0, 200), st.integers(0, 200))
def test_monotone_in_n(received: datetime, m: int, n: int) -> None:
    lo, hi = sorted((m, n))
    for rule in (WT, WD):
        assert (
            compute_due(received, WorkingDays(lo), rule=rule).at
            <= compute_due(received, WorkingDays(hi), rule=rule).at
        )


@given(instants, instants, st.integers(0, 60))
def test_monotone_in_start(a: datetime, b: datetime, n: int) -> None:
    first, second = sorted((a, b))
    for limit in (WorkingDays(n), CalendarDays(n), SameDay(time(15))):
        assert compute_due(first, limit).at <= compute_due(second, limit).at
    assert (
        compute_due(first, WorkingDays(n), rule=WD).at
        <= compute_due(second, WorkingDays(n), rule=WD).at
    )


@given(instants, st.integers(1, 60), instants, st.integers(0, 20_000))
def test_pause_never_makes_due_earlier(
    received: datetime, n: int, pause_start: datetime, minutes: int
) -> None:
    pause = Pause(pause_start, pause_start + timedelta(minutes=minutes))
    for rule in (WT, WD):
        plain = compute_due(received, WorkingDays(n), rule=rule)
        paused = compute_due(received, WorkingDays(n), rule=rule, pauses=[pause])
        assert paused.at >= plain.at


@given(instants, st.integers(1, 60), instants, st.integers(0, 5000))
def test_pause_inside_count_shifts_by_its_office_time(
    received: datetime, n: int, pause_start: datetime, minutes: int
) -> None:
    pause = Pause(pause_start, pause_start + timedelta(minutes=minutes))
    plain = compute_due(received, WorkingDays(n))
    if not plain.received_at <= pause.start <= pause.end <= plain.at:
        return
    paused = compute_due(received, WorkingDays(n), pauses=[pause])
    assert S.working_time_between(plain.at, paused.at) == S.working_time_between(
        pause.start, pause.end
    )


@given(instants, st.integers(0, 100))
def test_naive_and_aware_agree(received: datetime, n: int) -> None:
    aware = received.replace(tzinfo=VN_TZ).astimezone(timezone.utc)
    for limit in (WorkingDays(n), CalendarDays(n), SameDay(time(15))):
        assert compute_due(received, limit).at == compute_due(aware, limit).at


@given(instants, st.integers(0, 100))
def test_receipt_after_cutoff_equals_receipt_at_next_opening(received: datetime, n: int) -> None:
    opening = S.next_office_instant(received)
    assert compute_due(received, WorkingDays(n)).at == compute_due(opening, WorkingDays(n)).at


def test_non_instants_get_a_typed_error() -> None:
    with pytest.raises(InvalidInputError, match="at: expected a datetime"):
        S.is_office_time("2024-05-06T09:00")  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="at: expected a datetime"):
        S.next_office_instant(None)  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="Pause"):
        Pause("2024-05-06", at("2024-05-07T09:00"))
