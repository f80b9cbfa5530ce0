"""Civil Code counting ends at 24:00 of the last day: boundary tables (Art. 147(2), 148).

Civil Code 2015 Art. 147(2): a period in days does not count its first day; Art. 148(1) and
148(3): it ends at the end of its last day (months: the same date, or the month's last day);
Art. 148(5): a last day that is a rest day moves to the next working day; Art. 148(6): the
last day ends at 24:00. A due under these rules is the first instant after the period.
"""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta

import pytest

from motcua import CalendarDays, CountingRule, Months, SameDay, WorkingDays, compute_due
from motcua.cli import main
from motcua.foundation.vntime import VN_TZ
from motcua.serialization.render.timing import due_text, due_to_json
from motcua.time.deadlines import default_schedule

WD = CountingRule.WHOLE_DAYS
S = default_schedule()


def vn(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=VN_TZ)


# received, limit, rule, last day, case (2024 calendar: 29/04 swapped, 30/04-01/05 holidays,
# 04/05 make-up Saturday; 2017: the year before the 2018 start that motcua used to have).
TABLE = [
    ("2024-04-26T09:00", WorkingDays(5), WD, "2024-05-07", "issue example"),
    ("2024-04-26T23:59", WorkingDays(1), WD, "2024-05-02", "receipt day not counted"),
    ("2024-05-03T09:00", WorkingDays(1), WD, "2024-05-04", "make-up Saturday is a last day"),
    ("2024-04-20T10:00", CalendarDays(10), None, "2024-05-02", "30/04 holiday: 148(5)"),
    ("2024-04-22T10:00", CalendarDays(5), None, "2024-05-02", "27/04 Sat, then 29/04-01/05 off"),
    ("2024-01-31T10:00", Months(1), None, "2024-02-29", "148(3): no 31/02"),
    ("2024-12-31T10:00", CalendarDays(1), None, "2025-01-02", "New Year rolls; year turns"),
    ("2017-12-20T09:00", WorkingDays(5), WD, "2017-12-27", "a 2017 receipt"),
    ("2013-02-08T09:00", WorkingDays(1), WD, "2013-02-18", "Tết 2013 break"),
]


@pytest.mark.parametrize(("received", "limit", "rule", "last", "case"), TABLE)
def test_period_ends_at_24h_of_its_last_day(
    received: str,
    limit: WorkingDays | CalendarDays | Months,
    rule: CountingRule | None,
    last: str,
    case: str,
) -> None:
    due = compute_due(vn(received), limit, rule=rule)
    last_day = date.fromisoformat(last)
    assert due.last_day == last_day, case
    assert due.date == last_day, case
    assert due.at == datetime.combine(last_day + timedelta(days=1), time(0), VN_TZ), case
    assert due.ends_at_midnight
    assert S.due_instant(vn(received), limit, rule=rule) == due.at
    # Inside the period until the last instant of the last day; the due is the next one.
    assert datetime.combine(last_day, time(23, 59, 59, 999999), VN_TZ) < due.at
    assert due_text(due) == f"24:00 {last_day:%d/%m/%Y}\n"


def test_json_due_is_the_first_instant_after_the_period() -> None:
    due = compute_due(vn("2024-04-26T00:00"), WorkingDays(5), rule=WD)
    data = due_to_json(due, S)
    assert (data["due"], data["last_day"], data["due_date"]) == (
        "2024-05-08T00:00+07:00",
        "2024-05-07",
        "2024-05-07",
    )
    assert data["appointment"] == "2024-05-07T17:00+07:00"


def test_resolution_at_20h_on_the_last_day_is_before_the_end() -> None:
    due = compute_due(vn("2024-04-26T09:00"), WorkingDays(5), rule=WD)
    assert vn("2024-05-07T20:00") < due.at
    assert vn("2024-05-08T00:01") > due.at


def test_appointment_is_a_receipt_policy_apart_from_the_end() -> None:
    due = compute_due(vn("2024-04-26T09:00"), WorkingDays(5), rule=WD)
    assert S.appointment(due) == vn("2024-05-07T17:00")
    assert S.appointment(due) < due.at
    working = compute_due(vn("2024-04-26T09:00"), WorkingDays(5))
    assert S.appointment(working) == working.at == vn("2024-05-07T09:00")


def test_working_time_and_same_day_are_unchanged() -> None:
    working = compute_due(vn("2024-04-26T09:00"), WorkingDays(5))
    assert str(working) == "2024-05-07T09:00+07:00"
    assert not working.ends_at_midnight
    assert working.last_day == date(2024, 5, 7)
    same = compute_due(vn("2024-05-03T14:00"), SameDay())
    assert str(same) == "2024-05-03T17:00+07:00"
    assert due_text(same) == "2024-05-03T17:00+07:00\n"


def test_last_day_of_the_calendar_ends_at_24h() -> None:
    due = compute_due(vn("2099-12-30T09:00"), CalendarDays(1))
    assert due.last_day == date(2099, 12, 31)
    assert due.at == datetime(2100, 1, 1, tzinfo=VN_TZ)


def test_cli_due_whole_days_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["due", "2024-04-26", "--working-days", "5", "--rule", "whole-days", "--json"]) == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert (data["last_day"], data["due"]) == ("2024-05-07", "2024-05-08T00:00+07:00")


def test_cli_due_from_2017(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["due", "2017-12-20T09:00", "--working-days", "5"]) == 0
    assert capsys.readouterr().out == "2017-12-27T09:00+07:00\n"
