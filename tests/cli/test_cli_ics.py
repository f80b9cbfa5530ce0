"""`motcua calendar YEAR --format ics`: RFC 5545, parsed back line by line."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from motcua.cli import main
from motcua.serialization.render.timing import _fold, calendar_to_ics
from motcua.time.calendar import vietnam_calendar


def _ics(capsysbinary: pytest.CaptureFixture[bytes], year: str) -> bytes:
    assert main(["calendar", year, "--format", "ics"]) == 0
    out, err = capsysbinary.readouterr()
    assert err == b""
    return out


def _unfold(data: bytes) -> list[str]:
    """RFC 5545 §3.1: every line ends in CRLF, is at most 75 octets, and unfolds."""
    assert data.endswith(b"\r\n")
    raw = data[:-2].split(b"\r\n")
    for line in raw:
        assert len(line) <= 75, line
        assert b"\n" not in line
        assert b"\r" not in line
    text = [line.decode("utf-8") for line in raw]  # no character split across a fold
    lines: list[str] = []
    for part in text:
        if part.startswith(" "):
            lines[-1] += part[1:]
        else:
            lines.append(part)
    return lines


def _unescape(value: str) -> str:
    out, i = "", 0
    while i < len(value):
        if value[i] == "\\":
            nxt = value[i + 1]
            out += "\n" if nxt in "nN" else nxt
            i += 2
        else:
            out += value[i]
            i += 1
    return out


def _events(lines: list[str]) -> list[dict[str, str]]:
    assert lines[0] == "BEGIN:VCALENDAR"
    assert lines[-1] == "END:VCALENDAR"
    assert "VERSION:2.0" in lines
    assert any(line.startswith("PRODID:") for line in lines)
    events: list[dict[str, str]] = []
    current: dict[str, str] | None = None
    for line in lines[1:-1]:
        if line == "BEGIN:VEVENT":
            assert current is None
            current = {}
        elif line == "END:VEVENT":
            assert current is not None
            events.append(current)
            current = None
        elif current is not None:
            name, _, value = line.partition(":")
            assert name not in current, name
            current[name] = value
    assert current is None
    return events


@pytest.mark.parametrize("year", ["2024", "2025", "2026"])
def test_parses_back_to_the_schedule(
    capsysbinary: pytest.CaptureFixture[bytes], year: str
) -> None:
    data = _ics(capsysbinary, year)
    events = _events(_unfold(data))
    schedule = vietnam_calendar().year_schedule(int(year))
    expected = [(n.day, "off") for n in schedule.days_off] + [
        (n.day, "makeup") for n in schedule.make_up_days
    ]
    got = []
    for e in events:
        for key in ("UID", "DTSTAMP", "DTSTART;VALUE=DATE", "DTEND;VALUE=DATE", "SUMMARY"):
            assert key in e, key
        day = datetime.strptime(e["DTSTART;VALUE=DATE"], "%Y%m%d").date()  # noqa: DTZ007
        end = datetime.strptime(e["DTEND;VALUE=DATE"], "%Y%m%d").date()  # noqa: DTZ007
        assert end - day == timedelta(days=1)  # all-day, one day
        assert e["DTSTAMP"] == f"{year}0101T000000Z"  # from the data, not the clock
        kind = e["UID"].split("@")[0].split("-")[1]
        assert e["UID"] == f"{day:%Y%m%d}-{kind}@motcua"
        assert _unescape(e["SUMMARY"]).startswith("Nghỉ: " if kind == "off" else "Làm bù: ")
        got.append((day, kind))
    assert got == expected
    assert len({e["UID"] for e in events}) == len(events)
    assert any(kind == "makeup" for _, kind in got) or not schedule.make_up_days
    names = {_unescape(e["SUMMARY"]) for e in events}
    assert {f"Nghỉ: {n.name_vi}" for n in schedule.days_off} <= names


def test_make_up_days_are_exported(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    years = [y for y in range(2018, 2027) if vietnam_calendar().year_schedule(y).make_up_days]
    assert years
    year = years[0]
    events = _events(_unfold(_ics(capsysbinary, str(year))))
    made_up = [e for e in events if e["UID"].endswith("-makeup@motcua")]
    days = [n.day for n in vietnam_calendar().year_schedule(year).make_up_days]
    assert [e["DTSTART;VALUE=DATE"] for e in made_up] == [f"{d:%Y%m%d}" for d in days]
    assert all(date(year, 1, 1) <= d <= date(year, 12, 31) for d in days)


def test_same_data_same_bytes(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert _ics(capsysbinary, "2024") == _ics(capsysbinary, "2024")


def test_unannounced_year_is_tentative() -> None:
    schedule = vietnam_calendar().year_schedule(2030)
    assert schedule.provisional
    events = _events(_unfold(calendar_to_ics(2030, schedule).encode("utf-8")))
    assert events
    assert all(e["STATUS"] == "TENTATIVE" for e in events)
    assert all(_unescape(e["SUMMARY"]).endswith("(dự kiến)") for e in events)


def test_fold_never_splits_a_character() -> None:
    line = "SUMMARY:" + "Tết Nguyên Đán; Giỗ Tổ Hùng Vương, " * 6
    folded = _fold(line).encode("utf-8")
    parts = folded.split(b"\r\n")
    assert len(parts) > 2
    assert all(len(p) <= 75 for p in parts)
    assert all(p.startswith(b" ") for p in parts[1:])
    assert b"".join([parts[0], *(p[1:] for p in parts[1:])]).decode("utf-8") == line


def test_text_is_escaped() -> None:
    events = _events(
        _unfold(calendar_to_ics(2024, vietnam_calendar().year_schedule(2024)).encode("utf-8"))
    )
    description = _unescape(events[0]["DESCRIPTION"])
    first, english = description.split("\n")
    assert first.startswith("Căn cứ: Điều 112 Bộ luật Lao động 2019")
    assert english == "Tiếng Anh: Day off: New Year's Day"
    assert ";" in description  # the sources, escaped in the file
    assert "\\;" in events[0]["DESCRIPTION"]
