"""The desk, with the plugin's fixtures configured for this portal."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from portal import Desk

import motcua
from motcua.testing import FixedClock, NotCompliantError, assert_compliant

PROJECT = Path(__file__).resolve().parent.parent


def test_the_plugin_reads_our_configuration(
    motcua_catalogue: motcua.Catalogue,
    motcua_calendar: motcua.WorkingCalendar,
    motcua_schedule: motcua.WorkSchedule,
    motcua_policy: motcua.LifecyclePolicy,
    motcua_clock: FixedClock,
) -> None:
    assert sorted(str(p.code) for p in motcua_catalogue) == ["1.001193", "1.004194", "1.004222"]
    assert not motcua_calendar.is_working_day(date(2024, 5, 7))  # our local closure
    assert motcua_calendar.is_working_day(date(2024, 5, 4))  # the national make-up Saturday
    assert motcua_schedule.is_office_time(datetime(2024, 5, 6, 7, 45))  # we open at 07:30
    assert not motcua_schedule.is_office_time(datetime(2024, 5, 6, 17, 15))
    assert motcua_policy.max_reschedules == 1
    assert motcua_clock.now.isoformat() == "2024-05-06T09:00:00+07:00"


def test_a_receipt_prints_the_statutory_appointment(desk: Desk) -> None:
    # Monday 06/05/2024 09:00, 7 working days; Tuesday 07/05 is closed here: Thursday 16/05.
    dossier = desk.receive("1.004222", motcua.Channel.IN_PERSON)
    assert str(dossier.code) == "000.00.53.H48-240506-0001"
    assert dossier.printed_appointment == datetime.fromisoformat("2024-05-16T09:00+07:00")
    assert desk.problems(dossier) == []


def test_codes_follow_the_counter_and_the_clock(desk: Desk, motcua_clock: FixedClock) -> None:
    first = desk.receive("1.004194", motcua.Channel.ONLINE)
    motcua_clock.advance(timedelta(hours=2))
    second = desk.receive("1.004194", motcua.Channel.IN_PERSON)
    motcua_clock.set(datetime(2024, 5, 8, 8, 0))
    third = desk.receive("1.004194", motcua.Channel.IN_PERSON)
    assert [str(d.code) for d in (first, second, third)] == [
        "000.00.53.H48-240506-0001",
        "000.00.53.H48-240506-0002",
        "000.00.53.H48-240508-0001",
    ]


def test_on_time_passes_late_fails(desk: Desk, motcua_clock: FixedClock) -> None:
    dossier = desk.receive("1.004194", motcua.Channel.IN_PERSON)  # 3 working days: 10/05
    motcua_clock.set(datetime(2024, 5, 9, 10, 0))
    assert_compliant(
        desk.resolve_and_return(dossier), catalogue=desk.catalogue, schedule=desk.schedule
    )
    motcua_clock.set(datetime(2024, 5, 13, 10, 0))
    late = desk.resolve_and_return(dossier)
    with pytest.raises(NotCompliantError, match=r"\[apology\]"):
        assert_compliant(late, catalogue=desk.catalogue, schedule=desk.schedule)


# The plugin's command-line options win over the ini file; a bad value stops the run.
NESTED = """
from datetime import date

def test_options(motcua_clock, motcua_schedule, motcua_calendar):
    assert motcua_clock.now.isoformat() == "2024-05-08T10:00:00+07:00"
    assert motcua_schedule.is_office_time(__import__("datetime").datetime(2024, 5, 8, 17, 15))
    assert not motcua_calendar.is_working_day(date(2024, 5, 7))
"""


def test_command_line_options(pytester: pytest.Pytester) -> None:
    pytester.makeini(
        "[pytest]\n"
        f"motcua_catalogue = {PROJECT / 'data' / 'catalogue.json'}\n"
        f"motcua_announcements =\n    {PROJECT / 'data' / 'announcements.json'}\n"
        "motcua_office_hours = 07:30-11:30,13:30-17:00\n"
    )
    pytester.makepyfile(test_nested=NESTED)
    result = pytester.runpytest_subprocess(
        "-p",
        "no:cacheprovider",
        "--motcua-clock=2024-05-08T10:00",
        "--motcua-office-hours=08:00-12:00,13:00-17:30",
    )
    result.assert_outcomes(passed=1)
    bad = pytester.runpytest_subprocess("-p", "no:cacheprovider", "--motcua-office-hours=8-12")
    assert bad.ret == pytest.ExitCode.USAGE_ERROR
    bad.stderr.fnmatch_lines(["*motcua plugin: *office*"])
