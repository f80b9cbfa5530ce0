"""Warning stages (50 / 75 / 100 % of the time used by default) in `dossier show` and the API."""

from __future__ import annotations

import json
from datetime import timedelta
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from motcua.analyses.time_left import DEFAULT_STAGES, TimeLeft, stage_text
from motcua.cli import main
from motcua.cli._common import parse_stages
from motcua.foundation.errors import InvalidInputError

SAMPLE = Path(__file__).resolve().parent.parent.parent / "examples" / "data" / "dossiers.jsonl"
OPEN = "000.31.48.H48-240613-0001"  # due 18/06/2024 14:00, 24 working hours allotted
H = timedelta(hours=1)


def _show(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(["dossier", "show", str(SAMPLE), *argv]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    return out


def _line(out: str) -> str:
    return next(line for line in out.splitlines() if line.startswith(OPEN))


@pytest.mark.parametrize(
    ("as_of", "tail"),
    [
        ("2024-06-14", "Trong hạn  Còn 1 ngày 5 giờ làm việc"),
        (
            "2024-06-17T10:00",
            "Còn 1 ngày 3 giờ làm việc  cảnh báo mức 1/3 (đã dùng từ 50 % thời gian)",
        ),
        ("2024-06-18T09:00", "Còn 4 giờ làm việc  cảnh báo mức 2/3 (đã dùng từ 75 % thời gian)"),
        ("2024-06-18T14:00", "Còn 0 phút làm việc  cảnh báo mức 3/3 (đã dùng từ 100 % thời gian)"),
        ("2024-06-18", "Quá hạn  Quá hạn 3 giờ"),
    ],
)
def test_stage_in_vietnamese(capsys: pytest.CaptureFixture[str], as_of: str, tail: str) -> None:
    assert _line(_show(capsys, "--as-of", as_of)).endswith(tail)


def test_stage_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    out = _show(capsys, "--as-of", "2024-06-18T09:00", "--lang", "en")
    assert _line(out).endswith(
        "4 hours of working time left  warning stage 2/3 (75 % of the time used or more)"
    )


def test_stage_in_json(capsys: pytest.CaptureFixture[str]) -> None:
    out = _show(capsys, "--as-of", "2024-06-18T09:00", "--json")
    row = next(r for r in json.loads(out)["dossiers"] if r["code"] == OPEN)
    assert row["warning_stage"] == {
        "stage": 2,
        "of": 3,
        "stages_percent": ["50.00", "75.00", "100.00"],
        "vi": "cảnh báo mức 2/3 (đã dùng từ 75 % thời gian)",
        "en": "warning stage 2/3 (75 % of the time used or more)",
    }
    closed = [r for r in json.loads(out)["dossiers"] if r["status"] == 10]
    assert closed
    assert all(r["warning_stage"] is None for r in closed)


@pytest.mark.parametrize(
    ("left", "stage"), [(13, 0), (12, 1), (7, 1), (6, 2), (1, 2), (0, 3), (-5, 3)]
)
def test_default_stages_golden(left: int, stage: int) -> None:
    assert TimeLeft(left * H, 24 * H, 8 * H).stage == stage


def test_configured_stages() -> None:
    stages = parse_stages("25, 90%")
    assert stages == (Fraction(1, 4), Fraction(9, 10))
    left = TimeLeft(2 * H, 8 * H, 8 * H, stages=stages)
    assert (left.stage, left.stage_text()) == (1, "cảnh báo mức 1/2 (đã dùng từ 25 % thời gian)")
    assert TimeLeft(0 * H, 8 * H, 8 * H, stages=(Fraction(5, 8),)).stage_text("en") == (
        "warning stage 1/1 (62.5 % of the time used or more)"
    )
    assert stage_text(1, (Fraction(5, 8),)) == "cảnh báo mức 1/1 (đã dùng từ 62,5 % thời gian)"


@pytest.mark.parametrize("bad", ["", "0", "50,50", "75,50", "101", "abc", "５0", "50,,75"])
def test_bad_stages(bad: str) -> None:
    with pytest.raises(InvalidInputError, match="--warn-stages"):
        parse_stages(bad)


@pytest.mark.parametrize(
    "stages", [(), (Fraction(3, 4), Fraction(1, 2)), (Fraction(0),), (Fraction(6, 5),)]
)
def test_bad_stages_in_the_api(stages: tuple[Fraction, ...]) -> None:
    with pytest.raises(InvalidInputError, match="stages|warn_at"):
        TimeLeft(H, 8 * H, 8 * H, stages=stages)


@given(st.integers(-100, 100), st.integers(1, 100))
def test_stage_is_monotone_in_time_used(left: int, allotted: int) -> None:
    now = TimeLeft(left * H, allotted * H, 8 * H)
    later = TimeLeft((left - 1) * H, allotted * H, 8 * H)
    assert 0 <= now.stage <= later.stage <= len(DEFAULT_STAGES)
    assert (now.stage == 3) == (left <= 0)
