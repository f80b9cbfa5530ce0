"""The command line: `motcua unit show|find|successors` on the shipped unit data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from motcua.cli import main

UNIT_KEYS = {"code", "name", "level", "valid_from", "valid_to"}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def data(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, object]:
    code, out, err = run(capsys, "unit", *argv, "--json")
    assert (code, err) == (0, "")
    result: dict[str, object] = json.loads(out)
    return result


def test_show_a_reused_code_on_each_side_of_the_reform(capsys: pytest.CaptureFixture[str]) -> None:
    before = data(capsys, "show", "00004", "--on", "2025-06-30")
    after = data(capsys, "show", "00004", "--on", "2025-07-01")
    assert set(before) >= UNIT_KEYS
    assert (before["name"], before["valid_to"]) == ("Phường Trúc Bạch", "2025-06-30")
    assert (after["name"], after["valid_from"]) == ("Phường Ba Đình", "2025-07-01")
    assert before["level"] == after["level"] == "commune"


def test_a_merged_province_resolves_to_its_successor(capsys: pytest.CaptureFixture[str]) -> None:
    province = data(capsys, "show", "02", "--on", "2025-07-01")
    assert (province["code"], province["name"], province["resolved_from"]) == (
        "08",
        "Tỉnh Tuyên Quang",
        "02",
    )
    assert data(capsys, "show", "02", "--on", "30/06/2025")["name"] == "Tỉnh Hà Giang"


def test_successors_of_a_split_commune(capsys: pytest.CaptureFixture[str]) -> None:
    unit = data(capsys, "successors", "00007", "--on", "2025-06-30")
    successors = unit["successors"]
    assert isinstance(successors, list)
    assert [(s["code"], s["share"], s["instrument"]) for s in successors] == [
        ("00008", "partial", "1656/NQ-UBTVQH15"),
        ("00025", "partial", "1656/NQ-UBTVQH15"),
    ]
    assert all({"code", "name", "share", "instrument"} <= set(s) for s in successors)
    code, out, _ = run(capsys, "unit", "successors", "00007", "--on", "2025-06-30")
    assert code == 0
    assert "00025\tPhường Giảng Võ\tmột phần\tkhoản 5 Điều 1 Nghị quyết 1656/NQ-UBTVQH15" in out


def test_find_ignores_accents(capsys: pytest.CaptureFixture[str]) -> None:
    units = data(capsys, "find", "cong vi")["units"]
    assert isinstance(units, list)
    assert [u["name"] for u in units] == ["Phường Cống Vị"]
    assert data(capsys, "find", "cong vi", "--on", "2025-07-01")["units"] == []
    code, out, _ = run(capsys, "unit", "find", "dong nai", "--level", "province")
    assert code == 0
    assert (
        out.splitlines()[-1]
        == "75\tThành phố Đồng Nai\tcấp tỉnh, thành phố trực thuộc trung ương\ttừ 30/04/2026"
    )


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["show", "99999", "--on", "2025-07-01"], "administrative unit '99999' not found"),
        (["show", "00004", "--on", "2010-01-01"], "--on: expected a day on or after 2013-01-01"),
        (["show", "00004", "--on", "2025-13-01"], "--on: expected a date"),
        (["show", "00007", "--on", "2025-07-01"], "was split into 00008 Phường Ngọc Hà, 00025"),
        (["successors", "00007", "--on", "2025-07-01"], "denotes Phường Cống Vị"),
        (["show", "00004"], "the following arguments are required: --on"),
    ],
)
def test_bad_input_is_one_line_and_status_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, out, err = run(capsys, "unit", *argv)
    assert (code, out) == (2, "")
    assert err.count("\n") == 1
    assert message in err


def _record(day: str, serial: int, unit: str) -> str:
    yymmdd = day[2:].replace("-", "")
    return json.dumps(
        {
            "schema_version": 1,
            "code": f"000.21.48.H48-{yymmdd}-{serial:04d}",
            "procedure": "1.001193",
            "channel": 1,
            "limit": {"unit": "same_day", "cutoff": "15:00"},
            "events": [
                {"type": "received", "at": f"{day}T09:10:00+07:00"},
                {"type": "resolved", "at": f"{day}T10:30:00+07:00"},
            ],
            "deciding_unit": unit,
        }
    )


def test_report_by_commune_rehomed_across_the_reform(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "dossiers.jsonl"
    lines = [_record("2024-05-02", 1, "00007"), _record("2024-05-03", 2, "00004")]
    path.write_text("\n".join([*lines, _record("2026-05-04", 1, "00004")]) + "\n", "utf-8")
    common = [str(path), "--by", "commune", "--rehome-to", "2026-01-01", "--format", "json"]
    code, out, err = run(capsys, "report", *common, "--period", "2024-Q2")
    assert (code, err) == (0, "")
    then = json.loads(out)
    assert [(g["key"], g["received_total"]) for g in then["groups"]] == [
        (["00004 Phường Ba Đình"], 1),
        (["00008+00025 Phường Ngọc Hà + Phường Giảng Võ"], 1),
    ]
    assert any("split" in note for note in then["notes"])
    code, out, _ = run(capsys, "report", *common, "--period", "2026-Q2")
    assert code == 0
    assert [g["key"] for g in json.loads(out)["groups"]] == [["00004 Phường Ba Đình"]]
    code, out, _ = run(capsys, "report", str(path), "--period", "2024-Q2", "--by", "province")
    assert code == 0
    assert "01 Thành phố Hà Nội" in out
    code, _, err = run(capsys, "report", str(path), "--period", "2024-Q2", "--rehome-to", "x")
    assert code == 2
    assert err.startswith("motcua: error: --rehome-to: expected to be used with --by")


def test_report_by_commune_is_the_same_on_two_cores_and_counts_a_dossier_once(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "dossiers.jsonl"
    lines = [_record("2024-05-02", n, "00007" if n % 2 else "00004") for n in range(1, 41)]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    common = [str(path), "--period", "2024-Q2", "--by", "commune", "--rehome-to", "2026-01-01"]
    outs = []
    for jobs in ("1", "2"):
        code, out, err = run(capsys, "report", *common, "--format", "json", "--jobs", jobs)
        assert (code, err) == (0, "")
        outs.append(out)
    assert outs[0] == outs[1]
    assert json.loads(outs[0])["total"]["received_total"] == 40
    # The same dossier twice: named, not counted twice, in every grouping.
    path.write_text("\n".join([*lines, lines[0]]) + "\n", "utf-8")
    code, _, err = run(capsys, "report", *common, "--skip-invalid")
    assert code == 2
    assert "line 41 $.code: expected each dossier once" in err


def test_a_record_without_the_unit_to_group_by_is_named(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "dossiers.jsonl"
    path.write_text(_record("2024-05-02", 1, "00007") + "\n" + _record("2024-05-03", 2, "") + "\n")
    code, _, err = run(capsys, "report", str(path), "--period", "2024-Q2", "--by", "commune")
    assert code == 2
    assert err.startswith(f"motcua: error: {path} line 2 $ (dossier 000.21.48.H48-240503-0002")


@pytest.mark.parametrize(
    ("argv", "got"),
    [
        (["due", "2024-04-26T09:00", "--working-days", "5", "--unit", "99999"], "'99999'"),
        (["due", "2024-04-26T09:00", "--working-days", "5", "--unit", "x y"], "'x y'"),
        (["due", "2024-04-26T09:00", "--working-days", "5", "--unit", ""], "''"),
        (["due", "2025-07-26T09:00", "--working-days", "5", "--unit", "02"], "Tỉnh Hà Giang"),
        (["calendar", "2026", "--unit", "999"], "'999'"),
    ],
)
def test_a_bad_unit_option_names_the_option(
    capsys: pytest.CaptureFixture[str], argv: list[str], got: str
) -> None:
    """An unknown or malformed --unit is an input error about --unit: what, expected, hint."""
    code, out, err = run(capsys, *argv)
    assert (code, out) == (2, "")
    assert err.count("\n") == 1
    assert err.startswith("motcua: error: --unit: expected the code of a unit that existed on ")
    assert got in err
    assert "motcua unit find NAME --on " in err


@pytest.mark.parametrize(
    ("argv", "field"),
    [
        (["due", "2012-12-31T09:00", "--working-days", "5", "--unit", "01"], "START"),
        (["calendar", "2012", "--unit", "01"], "YEAR"),
    ],
)
def test_a_day_before_the_unit_data_names_its_argument(
    capsys: pytest.CaptureFixture[str], argv: list[str], field: str
) -> None:
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert err.startswith(f"motcua: error: {field}: expected a day on or after 2013-01-01")
