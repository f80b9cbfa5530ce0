"""Office hours: sessions, parsing, day length, reception desks."""

from __future__ import annotations

from datetime import time, timedelta

import pytest

from motcua import ConfigurationError, InvalidInputError, OfficeHours, Session
from motcua.time.hours import parse_sessions


def test_standard_hours() -> None:
    hours = OfficeHours.standard()
    assert [str(s) for s in hours.sessions_for_weekday(0)] == ["08:00-12:00", "13:00-17:00"]
    assert hours.sessions_for_make_up_day() == hours.sessions_for_weekday(0)
    assert hours.day_length == timedelta(hours=8)
    assert hours.reception_for_weekday(5) == ()


def test_session_validation() -> None:
    with pytest.raises(InvalidInputError, match="an end after the start"):
        Session(time(12, 0), time(8, 0))
    with pytest.raises(InvalidInputError, match="whole minute"):
        Session(time(8, 0, 30), time(12, 0))
    with pytest.raises(InvalidInputError, match=r"Session\.start"):
        Session("08:00", time(12, 0))  # type: ignore[arg-type]


def test_parse_sessions_and_errors() -> None:
    assert parse_sessions("") == ()
    with pytest.raises(InvalidInputError, match="do not overlap"):
        parse_sessions("08:00-12:00, 11:00-13:00")
    with pytest.raises(InvalidInputError, match="sessions like"):
        parse_sessions("8h-12h")


def test_parse_mapping_with_ranges_and_make_up() -> None:
    hours = OfficeHours.parse(
        {
            "mon-thu": "07:30-11:30, 13:00-17:00",
            "fri": "07:30-11:30, 13:00-17:00",
            "make_up": "08:00-12:00, 13:00-17:00",
        },
        reception={"sat": "08:00-11:00"},
    )
    assert hours.day_length == timedelta(hours=8)
    assert [str(s) for s in hours.reception_for_weekday(5)] == ["08:00-11:00"]
    with pytest.raises(InvalidInputError, match="office hours key"):
        OfficeHours.parse({"monday": "08:00-12:00"})
    with pytest.raises(InvalidInputError, match="forward range"):
        OfficeHours.parse({"fri-mon": "08:00-12:00"})


def test_unequal_days_need_explicit_length() -> None:
    with pytest.raises(ConfigurationError, match="pass day_length="):
        OfficeHours.parse({"mon-thu": "08:00-12:00, 13:00-17:00", "fri": "08:00-12:00"})
    hours = OfficeHours.parse(
        {"mon-thu": "08:00-12:00, 13:00-17:00", "fri": "08:00-12:00"},
        day_length=timedelta(hours=8),
    )
    assert hours.day_length == timedelta(hours=8)
    with pytest.raises(InvalidInputError, match="positive"):
        OfficeHours.parse({"mon-fri": "08:00-12:00"}, day_length=timedelta(0))


def test_weekdays_must_be_five() -> None:
    with pytest.raises(InvalidInputError, match="5 tuples"):
        OfficeHours(((),) * 7)
    with pytest.raises(InvalidInputError, match="7 tuples"):
        OfficeHours(((Session(time(8), time(12)),),) * 5, reception=((),) * 5)


@pytest.mark.parametrize(
    "text",
    ["08-12", "0800-1200", "08:00:00-12:00", "٠٨:٠٠-12:00", "08:00-１２:00", "T08:00-12:00"],
)
def test_session_times_are_exactly_hh_mm_in_ascii(text: str) -> None:
    # time.fromisoformat would read "08" or "0800" as 08:00: what was written is not kept.
    with pytest.raises(InvalidInputError, match=r"HH:MM-HH:MM in ASCII digits"):
        parse_sessions(text)
