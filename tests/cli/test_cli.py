"""The command line: the contract of `motcua due` and `motcua calendar`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from motcua.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_issue_examples(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "due", "2024-04-26T09:00", "--working-days", "5") == (
        0,
        "2024-05-07T09:00+07:00\n",
        "",
    )
    code, out, _ = run(capsys, "due", "2024-04-26", "--working-days", "5", "--rule", "whole-days")
    assert code == 0
    assert out == "24:00 07/05/2024\n"


def test_json_output(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "due", "26/04/2024 14:20", "--working-days", "5", "--json")
    data = json.loads(out)
    assert code == 0
    assert data["due"] == "2024-05-07T14:20+07:00"
    assert data["provisional"] is False
    assert data["limit"] == {"unit": "working_days", "count": 5}
    assert data["rule"] == "working-time"


@pytest.mark.parametrize(
    ("args", "due"),
    [
        (("2024-04-26T02:00Z", "--working-days", "5"), "2024-05-07T09:00+07:00"),
        (("2024-04-26T09:00+07:00", "--working-hours", "8"), "2024-05-02T09:00+07:00"),
        (("26/04/2024", "--calendar-days", "4"), "24:00 02/05/2024"),
        (("2024-01-31", "--months", "1"), "24:00 29/02/2024"),
        (("03/05/2024 15:30", "--same-day", "--cutoff", "15:00"), "2024-05-04T17:00+07:00"),
        (("03/05/2024 15:30", "--same-day"), "2024-05-03T17:00+07:00"),
        (("2024-04-26T09:00", "--working-days", "0.5"), "2024-04-26T14:00+07:00"),
        (
            (
                "2024-04-26T07:00",
                "--working-days",
                "1",
                "--office-hours",
                "07:00-11:30,13:30-17:00",
            ),
            "2024-04-26T17:00+07:00",
        ),
    ],
)
def test_every_limit(capsys: pytest.CaptureFixture[str], args: tuple[str, ...], due: str) -> None:
    assert run(capsys, "due", *args)[:2] == (0, due + "\n")


def test_provisional_note(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "due", "2027-03-01T09:00", "--working-days", "2")
    assert code == 0
    assert out == "2027-03-03T09:00+07:00\n"
    assert "dự kiến" in err


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("due", "31/02/2024", "--working-days", "5"), "START"),
        (("due", "2024-02-30", "--working-days", "5"), "START"),
        (("due", "2024-04-26", "--working-days", "-5"), "--working-days"),
        (("due", "2024-04-26", "--working-days", "five"), "--working-days"),
        (("due", "2024-04-26", "--calendar-days", "1.5"), "whole number"),
        (("due", "2024-04-26", "--bogus"), "required"),
        (("due", "2024-04-26", "--working-days", "1", "--bogus"), "unrecognized arguments"),
        (("due", "2024-04-26", "--working-days", "1", "--cutoff", "15:00"), "--same-day"),
        (("due", "2024-04-26", "--same-day", "--cutoff", "3pm"), "--cutoff"),
        (("due", "2150-01-01", "--working-days", "1"), "outside"),
        (("due", "2024-04-26", "--working-days", "1", "--working-hours", "2"), "not allowed"),
        (("due", "2024-04-26", "--calendar-days", "1", "--rule", "whole-days"), "rule"),
        (("due", "2024-04-26", "--working-days", "1", "--office-hours", "8-12"), "sessions"),
        (("calendar", "2150"), "outside"),
        (("calendar", "twenty"), "YEAR"),
        (("calendar",), "required"),
        (("frobnicate",), "invalid choice"),
        ((), "required"),
        (
            ("due", "2024-04-26", "--working-days", "1", "--announcements", "/nonexistent.json"),
            "nonexistent",
        ),
    ],
)
def test_bad_input_exits_2_with_one_line(
    capsys: pytest.CaptureFixture[str], args: tuple[str, ...], needle: str
) -> None:
    code, out, err = run(capsys, *args)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1, err
    assert err.startswith("motcua: error: ")
    assert needle in err


def test_calendar_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "calendar", "2026")
    assert code == 0
    assert "02/01/2026" in out
    assert "12729/VPCP-KGVX" in out
    assert "10/01/2026" in out


def test_calendar_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "calendar", "2024", "--json")
    data = json.loads(out)
    assert code == 0
    assert data["provisional"] is False
    assert [d["date"] for d in data["make_up_days"]] == ["2024-05-04"]
    swap = next(d for d in data["days_off"] if d["date"] == "2024-04-29")
    assert swap["sources"] == ["2450/VPCP-KGVX (12/04/2024)"]
    assert swap["category"] == "announced_day_off"
    assert run(capsys, "calendar", "2030", "--json")[0] == 0


def test_announcements_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    file = tmp_path / "local.json"
    file.write_text(
        json.dumps(
            {
                "announcements": [
                    {
                        "instrument": "15/QĐ-UBND",
                        "issued": "2024-05-01",
                        "issuer": "UBND xã",
                        "subject": "Đóng cửa",
                        "source": "local",
                        "scope": "local",
                        "changes": [
                            {"day": "2024-05-06", "kind": "day_off", "name_vi": "Đóng cửa"}
                        ],
                    }
                ]
            }
        ),
        encoding="utf-8",
    )
    code, out, _ = run(
        capsys, "due", "2024-05-03T09:00", "--working-days", "2", "--announcements", str(file)
    )
    assert (code, out) == (0, "2024-05-07T09:00+07:00\n")
    code, out, _ = run(capsys, "calendar", "2024", "--announcements", str(file))
    assert "Đóng cửa" in out


def test_console_entry_points() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "motcua", "due", "2024-04-26T09:00", "--working-days", "5"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (result.returncode, result.stdout) == (0, "2024-05-07T09:00+07:00\n")
    bad = subprocess.run(
        [sys.executable, "-m", "motcua", "due", "2024-13-01", "--working-days", "5"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert bad.returncode == 2
    assert "Traceback" not in bad.stderr


@pytest.mark.parametrize("year", ["٢٠٢٦", "２０２６", " 2026", "2026 ", "2_026", "+2026", "26"])
def test_calendar_year_is_four_ascii_digits(year: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["calendar", year]) == 2
    err = capsys.readouterr().err
    assert err.startswith("motcua: error: YEAR: expected a year of four ASCII digits")
    assert err.count("\n") == 1


@pytest.mark.parametrize(
    ("start", "ok"),
    [
        ("2024-04-26T09:00", True),
        ("2024-04-26 09:00", True),
        ("26/04/2024 09:00", True),
        ("2024-04-26T02:00Z", True),
        (" 2024-04-26T09:00", False),
        ("2024-04-26T09:00 ", False),
        ("2024-W17-5", False),
        ("20240426", False),
        ("٢٦/04/2024", False),
        ("2024-04-٢٦", False),
        ("31/04/2024", False),
    ],
)
def test_start_is_one_exact_form(start: str, ok: bool, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["due", start, "--working-days", "5"]) == (0 if ok else 2)
    out, err = capsys.readouterr()
    assert out == ("2024-05-07T09:00+07:00\n" if ok else "")
    assert ok or err.startswith("motcua: error: START: expected a real date or date-time")
