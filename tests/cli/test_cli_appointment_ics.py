"""Appointments and calendars as iCalendar, read back by a real iCalendar library."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import icalendar
import pytest

from motcua import Dossier, LifecyclePolicy, read_dossiers
from motcua.cli import main
from motcua.foundation.errors import InvalidInputError
from motcua.foundation.vntime import VN_TZ
from motcua.serialization.render.appointment import appointment_of, appointment_to_ics

SAMPLE = Path(__file__).resolve().parent.parent.parent / "examples" / "data" / "dossiers.jsonl"
RECEIPT = "000.21.48.H48-240103-0001"  # same day, received 09:10 on 03/01/2024
APOLOGY = "000.00.05.H48-240415-0001"  # an apology letter moved it to 23/04/2024 17:00


def _dossiers() -> dict[str, Dossier]:
    ds = read_dossiers(SAMPLE, policy=LifecyclePolicy(max_reschedules=None)).records
    return {str(d.code): d for d in ds}


def _ics(capsysbinary: pytest.CaptureFixture[bytes], *argv: str) -> icalendar.Calendar:
    assert main(list(argv)) == 0
    out, err = capsysbinary.readouterr()
    assert err == b""
    assert out.endswith(b"\r\n")
    return icalendar.Calendar.from_ical(out)


def _events(cal: icalendar.Calendar) -> list[icalendar.Event]:
    return [c for c in cal.walk("VEVENT") if isinstance(c, icalendar.Event)]


@pytest.mark.parametrize(
    ("kind", "code", "at", "sequence"),
    [
        ("receipt", RECEIPT, datetime(2024, 1, 3, 17, 0, tzinfo=VN_TZ), 0),
        ("apology", APOLOGY, datetime(2024, 4, 23, 17, 0, tzinfo=VN_TZ), 1),
    ],
)
def test_appointment_parses(
    capsysbinary: pytest.CaptureFixture[bytes], kind: str, code: str, at: datetime, sequence: int
) -> None:
    cal = _ics(capsysbinary, "notice", kind, str(SAMPLE), "--code", code, "--format", "ics")
    assert str(cal["VERSION"]) == "2.0"
    (event,) = _events(cal)
    start = event.decoded("DTSTART")
    assert start == at
    assert start.tzinfo is not None
    assert start.utcoffset() == timedelta(0)  # written in UTC, no VTIMEZONE needed
    assert str(event["UID"]) == f"{code}-appointment@motcua"
    assert event.decoded("SEQUENCE") == sequence
    assert str(event["SUMMARY"]) == f"Hẹn trả kết quả hồ sơ {code}"
    description = str(event["DESCRIPTION"])
    assert f"Mã hồ sơ: {code}" in description
    assert f"17 giờ 00 phút, ngày {at:%d/%m/%Y}" in description


def test_appointment_is_the_receipts_and_stable() -> None:
    d = _dossiers()[RECEIPT]
    assert appointment_of(d) == datetime(2024, 1, 3, 17, 0, tzinfo=VN_TZ)
    assert appointment_to_ics(d) == appointment_to_ics(d)  # no clock: DTSTAMP is the log's
    event = _events(icalendar.Calendar.from_ical(appointment_to_ics(d)))[0]
    last = max(e.at for e in d.events)
    assert last == datetime(2024, 1, 3, 10, 40, tzinfo=VN_TZ)
    assert event.decoded("DTSTAMP") == last.astimezone(timezone.utc)


def test_no_appointment_is_an_error() -> None:
    refused = _dossiers()["000.21.48.H48-240520-0001"]  # refused at intake: nothing to collect
    assert appointment_of(refused) is None
    with pytest.raises(InvalidInputError, match="an appointment to put in a calendar"):
        appointment_to_ics(refused)


def test_ics_with_another_kind(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["notice", "control", str(SAMPLE), "--code", RECEIPT, "--format", "ics"]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "--format" in err
    assert "use --format text or html" in err


def test_calendar_ics_parses(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    cal = _ics(capsysbinary, "calendar", "2026", "--format", "ics")
    events = _events(cal)
    days = {e.decoded("DTSTART") for e in events}
    assert date(2026, 1, 1) in days
    assert all(isinstance(d, date) and not isinstance(d, datetime) for d in days)
    assert all(e.decoded("DTEND") - e.decoded("DTSTART") == timedelta(days=1) for e in events)
    assert len({str(e["UID"]) for e in events}) == len(events)
    future = _events(_ics(capsysbinary, "calendar", "2031", "--format", "ics"))
    assert future
    assert {str(e["STATUS"]) for e in future} == {"TENTATIVE"}
