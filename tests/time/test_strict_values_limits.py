"""Counts and cut-offs are read exactly and bounded (issue 9, tasks 2 and 3).

A count is a JSON integer or the documented ``"N"`` / ``"N/D"`` string; a cut-off is exactly
``"HH:MM"``. What is accepted is written back unchanged; a count beyond a century of its unit
is a typed error when the limit is built, never an OverflowError in the date arithmetic.
"""

from __future__ import annotations

import subprocess
import sys
import time as clock
from datetime import date, datetime, time, timedelta, timezone
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from motcua import (
    CalendarDays,
    InvalidInputError,
    Months,
    OutsideCalendarError,
    Pause,
    SameDay,
    WorkingDays,
    WorkingHours,
    compute_due,
)
from motcua.cli import main
from motcua.serialization.limits import limit_from_json, limit_to_json
from motcua.time.calendar import WorkingCalendar
from motcua.time.deadlines import WorkSchedule
from motcua.time.limits import MAX_COUNT, count_from_text

KINDS = [WorkingDays, WorkingHours, CalendarDays, Months]
UNITS: dict[str, type[WorkingDays | WorkingHours | CalendarDays | Months]] = {
    "working_days": WorkingDays,
    "working_hours": WorkingHours,
}
UNITS |= {"calendar_days": CalendarDays, "months": Months}


# -- counts in JSON ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "count",
    [
        "1_0",  # Fraction("1_0") == 10
        "1e100000000",  # Fraction() expands it until the process hangs
        "1e3",
        "1.5",
        " 5",
        "5 ",
        "+5",
        "-5",
        "1/0",
        "1 / 2",
        "٥",
        "５",
        "1/٢",
        "05",
        "2/4",  # not in lowest terms: would be written back as "1/2"
        "4/2",  # a whole number written as a fraction
        "",
        "1" * 5000,
        True,
        False,
        5.0,
        None,
        [5],
    ],
)
def test_bad_counts_are_refused_with_the_field_named(count: object) -> None:
    started = clock.monotonic()
    with pytest.raises(InvalidInputError) as info:
        limit_from_json({"unit": "working_days", "count": count})
    assert clock.monotonic() - started < 1
    message = str(info.value)
    assert message.startswith("limit.count: expected ")
    assert "\n" not in message


@pytest.mark.parametrize(
    ("data", "limit"),
    [
        ({"unit": "working_days", "count": 5}, WorkingDays(5)),
        ({"unit": "working_days", "count": "1/2"}, WorkingDays(Fraction(1, 2))),
        ({"unit": "working_days", "count": "3/2"}, WorkingDays(Fraction(3, 2))),
        ({"unit": "working_hours", "count": "1/4"}, WorkingHours(Fraction(1, 4))),
        ({"unit": "calendar_days", "count": 0}, CalendarDays(0)),
        ({"unit": "months", "count": 1200}, Months(1200)),
        ({"unit": "same_day", "cutoff": "15:00"}, SameDay(time(15, 0))),
        ({"unit": "same_day", "cutoff": "00:00"}, SameDay(time(0, 0))),
        ({"unit": "same_day", "cutoff": "23:59"}, SameDay(time(23, 59))),
        ({"unit": "same_day"}, SameDay()),
    ],
)
def test_accepted_limits_round_trip_exactly(data: dict[str, object], limit: object) -> None:
    assert limit_from_json(data) == limit
    assert limit_to_json(limit_from_json(data)) == data


def test_a_whole_number_string_is_read_and_written_as_a_number() -> None:
    assert limit_from_json({"unit": "working_days", "count": "5"}) == WorkingDays(5)
    assert limit_to_json(WorkingDays(5)) == {"unit": "working_days", "count": 5}


@given(
    unit=st.sampled_from(sorted(UNITS)),
    count=st.one_of(
        st.integers(-(10**6), 10**6),
        st.text(alphabet="0123456789/_e.+- ٠١٢２", max_size=8),
    ),
)
def test_every_accepted_count_round_trips(unit: str, count: object) -> None:
    data = {"unit": unit, "count": count}
    try:
        limit = limit_from_json(data)
    except InvalidInputError:
        return
    written = limit_to_json(limit)
    assert limit_from_json(written) == limit
    if not isinstance(count, str) or "/" in count:
        assert written == data
    else:
        assert written == {"unit": unit, "count": int(count)}


def test_count_text_with_decimals_is_only_for_the_command_line() -> None:
    assert count_from_text("0.5", "--working-days", decimal=True) == Fraction(1, 2)
    assert count_from_text("2.0", "--working-days", decimal=True) == 2
    with pytest.raises(InvalidInputError, match="--working-days: expected"):
        count_from_text("0.5", "--working-days")


# -- bounds -------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_counts_are_bounded_in_every_constructor(kind: type) -> None:
    top = MAX_COUNT[kind.__name__]
    assert kind(top).count == top
    with pytest.raises(
        InvalidInputError, match=rf"^{kind.__name__}.count: expected a count of at most"
    ):
        kind(top + 1)
    with pytest.raises(InvalidInputError, match="at most"):
        kind(99_999_999)
    with pytest.raises(InvalidInputError, match="limit.count: expected a count of at most"):
        limit_from_json({"unit": _unit(kind), "count": 10**100})


def _unit(kind: type) -> str:
    return next(u for u, k in UNITS.items() if k is kind)


def test_fractions_above_the_bound_are_refused() -> None:
    with pytest.raises(InvalidInputError, match="at most"):
        WorkingDays(Fraction(50_001, 2))


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("start", [datetime(2024, 4, 26, 9, 0), date(2099, 12, 31)])
def test_the_largest_counts_give_outside_calendar_not_overflow(kind: type, start: object) -> None:
    with pytest.raises(OutsideCalendarError):
        compute_due(start, kind(MAX_COUNT[kind.__name__]))  # type: ignore[arg-type]


def test_compute_due_with_a_huge_calendar_day_count_is_a_typed_error() -> None:
    with pytest.raises(InvalidInputError):
        compute_due(datetime(2024, 4, 26), CalendarDays(99_999_999))


def test_a_pause_running_to_year_9999_gives_outside_calendar() -> None:
    pause = Pause(datetime(2024, 5, 1), datetime(9999, 12, 31))
    for limit in (CalendarDays(30), Months(1)):
        with pytest.raises(OutsideCalendarError):
            compute_due(datetime(2024, 4, 26), limit, pauses=[pause])


@pytest.mark.parametrize(
    "limit", [CalendarDays(0), CalendarDays(5), Months(0), Months(2), WorkingDays(1), SameDay()]
)
def test_a_calendar_reaching_year_9999_never_overflows(limit: object) -> None:
    cal = WorkingCalendar(9999, 9999, 10_000, (), (), "test")
    schedule = WorkSchedule(cal)
    for start in (datetime(9999, 12, 31, 16, 0), datetime(9999, 12, 31, 23, 0)):
        try:
            due = schedule.due(start, limit)  # type: ignore[arg-type]
        except OutsideCalendarError:
            continue
        assert due.at.year == 9999


@pytest.mark.parametrize(
    "start", [datetime(1, 1, 1, 0, 0), datetime(9999, 12, 31, 23, 59), date(9999, 12, 31)]
)
@pytest.mark.parametrize("limit", [CalendarDays(1), Months(1), WorkingDays(1), SameDay()])
def test_receipts_outside_the_calendar_give_outside_calendar(start: object, limit: object) -> None:
    with pytest.raises(OutsideCalendarError):
        compute_due(start, limit)  # type: ignore[arg-type]


# -- cut-offs -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "cutoff",
    [
        "15:00:30",
        "15:00:00",
        "15:00:00.5",
        "15:00+07:00",
        "15:00Z",
        "1500",
        "15",
        "T15:00",
        "5:00",
        "24:00",
        "15:60",
        " 15:00",
        "15:00 ",
        "１５:００",
        "١٥:٠٠",
        None,
        1500,
    ],
)
def test_a_cutoff_is_exactly_hh_mm(cutoff: object) -> None:
    with pytest.raises(InvalidInputError, match=r"^limit\.cutoff: expected a time"):
        limit_from_json({"unit": "same_day", "cutoff": cutoff})


@pytest.mark.parametrize(
    "cutoff",
    [time(15, 0, 30), time(15, 0, 0, 1), time(15, 0, tzinfo=timezone(timedelta(hours=7)))],
)
def test_same_day_refuses_a_cutoff_below_the_minute_or_with_an_offset(cutoff: time) -> None:
    with pytest.raises(InvalidInputError, match=r"^SameDay\.cutoff: expected a naive time"):
        SameDay(cutoff)


@given(st.integers(0, 23), st.integers(0, 59))
def test_every_minute_cutoff_round_trips(hour: int, minute: int) -> None:
    data = {"unit": "same_day", "cutoff": f"{hour:02d}:{minute:02d}"}
    assert limit_to_json(limit_from_json(data)) == data


# -- the command line ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (("--calendar-days", "99999999"), "--calendar-days"),
        (("--months", "99999999"), "--months"),
        (("--working-days", "99999999"), "--working-days"),
        (("--working-hours", "99999999"), "--working-hours"),
        (("--working-days", "1e100000000"), "--working-days"),
        (("--working-days", "1_0"), "--working-days"),
        (("--working-days", "٥"), "--working-days"),
        (("--calendar-days", "1.5"), "--calendar-days"),
        (("--same-day", "--cutoff", "15:00:30"), "--cutoff"),
        (("--same-day", "--cutoff", "15:00+07:00"), "--cutoff"),
    ],
)
def test_due_with_bad_counts_is_one_line_naming_the_option(
    args: tuple[str, ...], option: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["due", "2024-04-26", *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"motcua: error: {option}: expected ")
    assert err.count("\n") == 1


@pytest.mark.parametrize(
    "args",
    [("--calendar-days", "36525"), ("--months", "1200"), ("--working-days", "25000")],
)
def test_due_past_the_calendar_is_one_line(
    args: tuple[str, ...], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["due", "2024-04-26", *args]) == 2
    err = capsys.readouterr().err
    assert "outside the years this working calendar covers" in err
    assert err.count("\n") == 1


def test_due_calendar_days_99999999_in_a_real_process() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "motcua", "due", "2024-04-26", "--calendar-days", "99999999"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert run.returncode == 2
    assert "Traceback" not in run.stderr
    assert run.stderr.startswith("motcua: error: --calendar-days: expected a count of at most")
