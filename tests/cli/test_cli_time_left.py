"""`motcua dossier show --as-of`: time left in Vietnamese (or English), the early warning."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from motcua.cli import main

SAMPLE = Path(__file__).resolve().parent.parent.parent / "examples" / "data" / "dossiers.jsonl"
OPEN = "000.31.48.H48-240613-0001"
LATE = "000.31.48.H48-240313-0001"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _line(out: str, code: str) -> str:
    return next(line for line in out.splitlines() if line.startswith(code))


def test_text_in_vietnamese(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "dossier", "show", str(SAMPLE), "--as-of", "2024-06-14")
    assert (status, err) == (0, "")
    assert _line(out, OPEN).endswith("Trong hạn  Còn 1 ngày 5 giờ làm việc")
    assert "[2 Được tiếp nhận]" in _line(out, OPEN)
    assert _line(out, LATE).endswith("Quá hạn  Quá hạn 61 ngày 3 giờ")
    for word in ("on_time", "overdue", "within", "early", " late"):
        assert word not in out


def test_text_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ("dossier", "show", str(SAMPLE), "--as-of", "2024-06-14", "--lang", "en")
    _, out, _ = run(capsys, *argv)
    assert _line(out, OPEN).endswith("within the limit  1 day 5 hours of working time left")
    assert "channel 1  [2 received]" in _line(out, OPEN)
    assert _line(out, LATE).endswith("overdue  Overdue by 61 days 3 hours")


def test_warning(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(
        capsys, "dossier", "show", str(SAMPLE), "--as-of", "2024-06-14", "--warn-at", "45"
    )
    assert _line(out, OPEN).endswith(
        "Còn 1 ngày 5 giờ làm việc  cảnh báo: đã dùng 45,83 % thời gian"
    )
    _, out, _ = run(
        capsys, "dossier", "show", str(SAMPLE), "--as-of", "2024-06-14", "--warn-at", "46%"
    )
    assert "cảnh báo" not in _line(out, OPEN)


def test_json(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ("dossier", "show", str(SAMPLE), "--as-of", "2024-06-14", "--json", "--warn-at", "45")
    _, out, _ = run(capsys, *argv)
    rows = {r["code"]: r for r in json.loads(out)["dossiers"]}
    assert rows[OPEN]["time_left"] == {
        "vi": "Còn 1 ngày 5 giờ làm việc",
        "en": "1 day 5 hours of working time left",
        "remaining_minutes": 780,
        "overdue": False,
        "used_percent": "45.83",
        "warn_at_percent": "45.00",
        "warning": True,
    }
    assert rows[OPEN]["remaining_working_hours"] == 13.0
    assert rows[LATE]["time_left"]["overdue"] is True
    closed = [r for r in rows.values() if r["status"] == 10]
    assert closed
    assert all(r["time_left"] is None for r in closed)
    _, out, _ = run(capsys, "dossier", "show", str(SAMPLE), "--json")
    assert all("time_left" not in r for r in json.loads(out)["dossiers"])


@pytest.mark.parametrize("bad", ["0", "101", "-5", "abc", "", "1/0", "８0"])
def test_bad_warn_at(capsys: pytest.CaptureFixture[str], bad: str) -> None:
    status, out, err = run(capsys, "dossier", "show", str(SAMPLE), "--warn-at", bad)
    assert (status, out) == (2, "")
    assert err.startswith("motcua: error: --warn-at: expected a percentage")


def test_warn_stages_are_chosen_on_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ("dossier", "show", str(SAMPLE), "--as-of", "2024-06-14", "--json")
    _, out, _ = run(capsys, *argv, "--warn-stages", "10,20")
    stages = [r["warning_stage"] for r in json.loads(out)["dossiers"] if r.get("warning_stage")]
    assert stages
    assert all(s["stages_percent"] == ["10.00", "20.00"] for s in stages)
    assert all(s["of"] == 2 for s in stages)
    _, default, _ = run(capsys, *argv)
    assert default != out


@pytest.mark.parametrize("bad", ["75,50", "0,50", "50,101", "50,,75", "abc", ""])
def test_bad_warn_stages(capsys: pytest.CaptureFixture[str], bad: str) -> None:
    status, out, err = run(capsys, "dossier", "show", str(SAMPLE), "--warn-stages", bad)
    assert (status, out) == (2, "")
    assert err.startswith("motcua: error: --warn-stages: expected increasing percentages")


def test_code_parse_and_coverage_speak_english_on_request(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, vi, _ = run(capsys, "code", "parse", "000.00.05.H48-240415-0001")
    _, en, _ = run(capsys, "code", "parse", "000.00.05.H48-240415-0001", "--lang", "en")
    assert "Mã cơ quan" in vi
    assert "Mã cơ quan" not in en
    _, foreign, _ = run(capsys, "code", "parse", "G09.20-20240506-0092637", "--lang", "en")
    assert foreign.startswith("Dossier code    G09.20-20240506-0092637")
    _, vi_cov, _ = run(capsys, "procedure", "coverage", "--on", "2024-06-01")
    _, en_cov, _ = run(capsys, "procedure", "coverage", "--on", "2024-06-01", "--lang", "en")
    assert "niêm yết" in vi_cov
    assert "niêm yết" not in en_cov
