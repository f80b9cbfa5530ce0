"""The schedule's minute tables against a walk over each day's sessions (issue 14, ADR 0026).

``WorkSchedule`` turns an instant into a position on the office-time line, and a position
back into an instant, through per-kind minute tables instead of a loop over sessions. The
tables hold for any sessions on whole minutes: here schedules whose days differ in shape
(seasonal hours, a make-up day with other sessions, three sessions a day) and in length
(part-day closures, a short Friday), checked against a day-by-day walk written from the
public values (the calendar, ``hours_on``, the closures), on receipts to the microsecond.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from motcua.foundation.vntime import VN_TZ
from motcua.time.calendar import vietnam_calendar
from motcua.time.deadlines import WorkSchedule, compute_due
from motcua.time.hours import OfficeHours, Session
from motcua.time.hours_examples import vinh_phuc_873_2020
from motcua.time.hours_series import Closure
from motcua.time.limits import WorkingDays, WorkingHours

US = 1_000_000
DAY = timedelta(days=1)
YEARS = range(2023, 2027)


def _schedules() -> dict[str, WorkSchedule]:
    cal = vietnam_calendar(YEARS)
    series = vinh_phuc_873_2020()
    eight = timedelta(hours=8)
    afternoon = Session(time(13, 30), time(17, 0))
    return {
        "seasonal": WorkSchedule(cal, series.hours_on(date(2024, 1, 2)), series=series),
        "make-up day of its own": WorkSchedule(
            cal,
            OfficeHours.parse(
                {"mon-fri": "07:30-11:30, 13:00-17:00", "make_up": "08:00-12:00, 13:30-17:30"}
            ),
        ),
        "three sessions": WorkSchedule(
            cal, OfficeHours.parse({"mon-fri": "07:00-09:00, 09:15-11:15, 13:00-17:00"})
        ),
        "closures": WorkSchedule(
            cal,
            series.hours_on(date(2024, 1, 2)),
            series=series,
            closures=(
                Closure(date(2024, 5, 6), afternoon, "t"),
                Closure.morning(date(2024, 5, 7), "t"),
                Closure(date(2025, 1, 2), Session(time(9, 0), time(10, 0)), "t"),
            ),
        ),
        "short friday": WorkSchedule(
            cal,
            OfficeHours.parse(
                {"mon-thu": "08:00-12:00, 13:00-17:00", "fri": "08:00-12:00"}, day_length=eight
            ),
        ),
    }


SCHEDULES = _schedules()


def _spans(schedule: WorkSchedule, day: date) -> list[tuple[int, int]]:
    """The day's counting sessions in µs from midnight, from the public values only."""
    if not schedule.calendar.is_working_day(day):
        return []
    hours = schedule.hours_on(day)
    sessions = (
        hours.sessions_for_weekday(day.weekday())
        if day.weekday() < 5
        else hours.sessions_for_make_up_day()
    )
    spans = [(s.start_seconds * US, s.end_seconds * US) for s in sessions]
    for c in schedule.closures:
        if c.day == day and c.applies_to(schedule.place):
            for closed in c.closed:
                cs, ce = closed.start_seconds * US, closed.end_seconds * US
                spans = [
                    piece
                    for a, b in spans
                    for piece in ((a, min(b, cs)), (max(a, ce), b))
                    if piece[0] < piece[1]
                ]
    return spans


def ref_end(schedule: WorkSchedule, start: datetime, left: int) -> datetime:
    """Walk the sessions from *start*: an end at a break moves on, one at the close stays."""
    day = start.date()
    t = ((start.hour * 60 + start.minute) * 60 + start.second) * US + start.microsecond
    while True:
        spans = _spans(schedule, day)
        for k, (s, e) in enumerate(spans):
            begin = max(t, s)
            if begin >= e:
                continue
            if left < e - begin or (left == e - begin and k == len(spans) - 1 and left):
                return datetime.combine(day, time.min, VN_TZ) + timedelta(
                    microseconds=begin + left
                )
            left -= e - begin
        day, t = day + DAY, 0


def ref_between(schedule: WorkSchedule, a: datetime, b: datetime) -> timedelta:
    """Office time in [a, b), day by day."""
    total, day = 0, a.date()
    while day <= b.date():
        lo = (
            ((a.hour * 60 + a.minute) * 60 + a.second) * US + a.microsecond
            if day == a.date()
            else 0
        )
        hi = (
            ((b.hour * 60 + b.minute) * 60 + b.second) * US + b.microsecond
            if day == b.date()
            else 24 * 3600 * US
        )
        total += sum(max(0, min(e, hi) - max(s, lo)) for s, e in _spans(schedule, day))
        day += DAY
    return timedelta(microseconds=total)


receipts = st.datetimes(min_value=datetime(2023, 1, 1), max_value=datetime(2026, 6, 30))
on_the_minute = receipts.map(lambda d: d.replace(second=0, microsecond=0))
limits = st.one_of(st.integers(0, 30).map(WorkingDays), st.integers(0, 60).map(WorkingHours))


@pytest.mark.parametrize("name", list(SCHEDULES))
@settings(max_examples=150, deadline=None)
@given(st.one_of(receipts, on_the_minute), limits)
def test_due_agrees_with_a_walk_over_the_sessions(
    name: str, received: datetime, limit: WorkingDays | WorkingHours
) -> None:
    schedule = SCHEDULES[name]
    start = received.replace(tzinfo=VN_TZ)
    unit = 8 * 3600 * US if isinstance(limit, WorkingDays) else 3600 * US
    at = ref_end(schedule, start, int(limit.count) * unit)
    due = schedule.due(received, limit)
    assert due.at == at
    assert due.counted_from == ref_end(schedule, start, 0)
    assert due.received_at == start
    assert due == schedule.due(received, limit, pauses=iter(()))  # the general path
    assert compute_due(received, limit, schedule=schedule) == due
    assert schedule.due_instant(received, limit) == at
    assert schedule.due_instants([received, start], limit) == [at, at]
    assert schedule.next_office_instant(received) == due.counted_from


@pytest.mark.parametrize("name", list(SCHEDULES))
@settings(max_examples=100, deadline=None)
@given(receipts, receipts)
def test_working_time_between_agrees_with_a_walk(name: str, a: datetime, b: datetime) -> None:
    schedule = SCHEDULES[name]
    lo, hi = sorted((a.replace(tzinfo=VN_TZ), b.replace(tzinfo=VN_TZ)))
    assert schedule.working_time_between(lo, hi) == ref_between(schedule, lo, hi)
    assert schedule.working_time_between(hi, lo) == -ref_between(schedule, lo, hi)


def test_the_days_differ_in_length_where_they_should() -> None:
    lengths = {name: s._working_day_indices() != () for name, s in SCHEDULES.items()}
    assert lengths == {
        "seasonal": True,
        "make-up day of its own": True,
        "three sessions": True,
        "closures": False,
        "short friday": False,
    }


def test_a_due_counts_from_its_receipt_or_the_next_session_when_asked() -> None:
    schedule = SCHEDULES["three sessions"]
    inside = schedule.due(datetime(2024, 5, 6, 9, 30), WorkingHours(1))
    assert inside.counted_from == datetime(2024, 5, 6, 9, 30, tzinfo=VN_TZ)
    assert inside.at == datetime(2024, 5, 6, 10, 30, tzinfo=VN_TZ)
    outside = schedule.due(datetime(2024, 5, 6, 9, 5), WorkingHours(1))
    assert outside.at == datetime(2024, 5, 6, 10, 15, tzinfo=VN_TZ)
    assert outside.counted_from == datetime(2024, 5, 6, 9, 15, tzinfo=VN_TZ)
    assert repr(outside).count("datetime.datetime(") == 3
    at_break = schedule.due(datetime(2024, 5, 6, 8, 0), WorkingHours(1))
    assert at_break.at == datetime(2024, 5, 6, 9, 15, tzinfo=VN_TZ)  # at 09:00: moves on
    at_close = schedule.due(datetime(2024, 5, 6, 16, 0), WorkingHours(1))
    assert at_close.at == datetime(2024, 5, 6, 17, 0, tzinfo=VN_TZ)  # at the close: stays
