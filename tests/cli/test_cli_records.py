"""The command line: `motcua dossier`, `motcua code`, `motcua procedure` on the sample data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from motcua.cli import main

SAMPLE = Path(__file__).resolve().parent.parent.parent / "examples" / "data" / "dossiers.jsonl"
NATIONAL = Path(__file__).resolve().parent.parent / "data" / "dvcqg_procedure.json"
KEYS = {"code", "procedure", "channel", "status", "due", "timeliness"}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def show(capsys: pytest.CaptureFixture[str], *argv: str) -> list[dict[str, object]]:
    code, out, err = run(capsys, "dossier", "show", str(SAMPLE), "--json", *argv)
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert (data["read"], data["skipped"]) == (len(data["dossiers"]), 0)
    rows: list[dict[str, object]] = data["dossiers"]
    return rows


def test_show_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    rows = show(capsys)
    assert len(rows) >= 20
    for row in rows:
        assert set(row) >= KEYS
        assert row["channel"] in (1, 2, 3)
        assert row["status"] in range(1, 11)
        assert row["timeliness"] in (None, "early", "on_time", "late", "within", "overdue")
        assert row["due"] is None or str(row["due"]).endswith("+07:00")
    assert {r["status"] for r in rows} >= {2, 4, 5, 9, 10}
    assert {r["channel"] for r in rows} == {1, 2, 3}
    assert {r["timeliness"] for r in rows} >= {"early", "on_time", "late"}
    late = next(r for r in rows if r["code"] == "000.00.05.H48-240415-0001")
    assert (late["due"], late["appointment"], late["timeliness"]) == (
        "2024-04-17T17:00+07:00",
        "2024-04-23T17:00+07:00",
        "late",
    )


@pytest.mark.parametrize("as_of", ["2024-03-14", "2024-06-14"])
def test_show_as_of(capsys: pytest.CaptureFixture[str], as_of: str) -> None:
    rows = show(capsys, "--as-of", as_of)
    pending = [r for r in rows if r["timeliness"] in ("within", "overdue")]
    assert pending, f"no dossier open on {as_of}"
    for row in pending:
        assert row["status"] in (2, 4, 5, 6, 7)
        assert isinstance(row["remaining_working_hours"], float | int)
    assert all(
        r["as_of"] == f"{as_of[:4]}-{as_of[5:7]}-{int(as_of[8:]) + 1:02d}T00:00+07:00"
        for r in rows
    )


def test_show_text_and_history(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "dossier", "show", str(SAMPLE), "--history")
    assert code == 0
    assert out.splitlines()[:4] == [
        (
            "000.21.48.H48-240103-0001  1.001193  kênh 1  [10 Đã trả kết quả]  "
            "hạn 17:00 03/01/2024  Đúng hạn"
        ),
        "    09:10 03/01/2024  Tiếp nhận hồ sơ                      -> 2",
        "    10:30 03/01/2024  Đã xử lý xong                        -> 9",
        "    10:40 03/01/2024  Trả kết quả                          -> 10",
    ]
    assert "T09:10" not in out  # no ISO instant in the text
    code, out, _ = run(capsys, "dossier", "show", str(SAMPLE), "--history", "--lang", "en")
    assert out.splitlines()[:2] == [
        (
            "000.21.48.H48-240103-0001  1.001193  channel 1  [10 returned]  "
            "due 17:00 03/01/2024  on time"
        ),
        "    09:10 03/01/2024  received             -> 2",
    ]
    assert "    10:40 03/01/2024  result returned      -> 10" in out
    rows = show(capsys, "--history")  # JSON keeps ISO 8601 and the event keys
    assert rows[0]["history"] == [
        {"type": "received", "at": "2024-01-03T09:10+07:00", "status": 2},
        {"type": "resolved", "at": "2024-01-03T10:30+07:00", "status": 9},
        {"type": "result_returned", "at": "2024-01-03T10:40+07:00", "status": 10},
    ]


def test_export_then_import_dvcqg(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "dossier", "export-dvcqg", str(SAMPLE))
    assert code == 0
    payloads = json.loads(out)
    assert isinstance(payloads, list)
    assert len(payloads) >= 20
    assert {
        "MaHoSo",
        "MaTTHC",
        "KenhThucHien",
        "TrangThaiHoSo",
        "NgayTiepNhan",
        "NgayHenTra",
        "NgayKetThucXuLy",
        "NgayTra",
        "DanhSachHoSoBoSung",
    } <= set(payloads[0])
    path = tmp_path / "payloads.json"
    path.write_text(out, encoding="utf-8")
    for flags in ((), ("--as-of", "2024-03-14")):
        code, imported, _ = run(capsys, "dossier", "import-dvcqg", str(path), "--json", *flags)
        assert code == 0
        code, shown, _ = run(capsys, "dossier", "show", str(SAMPLE), "--json", *flags)
        back = json.loads(imported)
        for summary in back["dossiers"]:
            reported = summary.pop("reported")
            assert reported["as_reported"] is False
            assert reported["contradictions"] == []
            assert reported["appointment_disagreement"] is None
            assert reported["foreign_keys"] == []
        assert back == json.loads(shown)


def test_code_parse(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "code", "parse", "000.00.53.H48-220921-0099", "--json")
    assert code == 0
    assert json.loads(out) == {
        "code": "000.00.53.H48-220921-0099",
        "agency": "000.00.53.H48",
        "date": "2022-09-21",
        "serial": 99,
        "conforms": True,
    }
    code, out, _ = run(capsys, "code", "parse", "000.00.53.H48-220921-0099")
    assert "21/09/2022" in out
    # A code that departs from Art. 19 is explained, not refused: what it tells and does not.
    code, out, err = run(capsys, "code", "parse", "000.00.53.H48-220230-0099", "--json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert (data["conforms"], data["convention"], data["date"]) == (False, None, None)
    assert "real receipt date" in data["reason"]
    assert "the receipt date" in data["does_not_tell"]
    assert data["agency"] == "000.00.53.H48"


@pytest.mark.parametrize(
    ("text", "convention", "day", "serial"),
    [
        (
            "G09.20-20260609-0092637",
            "ministry portal (agency-yyyymmdd-serial)",
            "2026-06-09",
            92637,
        ),
        ("H15.50.05.13-261008-0975", "Art. 19 layout, level-1 code first", "2026-10-08", 975),
        (
            "000.00.53.H48-220921-00123",
            "Art. 19 layout, serial beyond four digits",
            "2022-09-21",
            123,
        ),
        (
            "000.A0.53.H48-220921-0001",
            "Art. 19 layout, letters in an agency segment",
            "2022-09-21",
            1,
        ),
        ("20240426000123", "14-digit number", None, None),
    ],
)
def test_code_parse_names_the_convention(
    capsys: pytest.CaptureFixture[str],
    text: str,
    convention: str,
    day: str | None,
    serial: int | None,
) -> None:
    code, out, _ = run(capsys, "code", "parse", text, "--json")
    assert code == 0
    data = json.loads(out)
    assert (data["code"], data["conforms"], data["convention"]) == (text, False, convention)
    assert (data["date"], data["serial"]) == (day, serial)
    code, out, _ = run(capsys, "code", "parse", text)
    assert f"Mã hồ sơ        {text} (không theo Điều 19 Thông tư 01/2018/TT-VPCP)" in out
    assert "Không cho biết" in out


def test_procedure_show_and_import(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "procedure", "show", "1.004222")
    assert code == 0
    assert (
        "kênh 2 (Trực tuyến): 7 ngày làm việc, cách tính: liên tục theo giờ làm việc "
        "từ khi tiếp nhận; Lệ phí"
    ) in out
    assert "dịch vụ trực tuyến: có, chưa rõ mức độ" in out
    assert "    Điều 20, 21, 22 Luật Cư trú 68/2020/QH14\n" in out
    for english in ("working days", "rule ", "unstated", "Art. "):
        assert english not in out.split("  nguồn")[0]
    assert "10.000 đ" in out
    code, out, _ = run(capsys, "procedure", "show", "1.004222", "--lang", "en")
    assert "channel 2 (online): 7 working days, rule: working-time; Lệ phí" in out
    assert "online service: offered, level not stated" in out
    assert "    Luật Cư trú 68/2020/QH14, Art. 20, 21, 22\n" in out
    code, out, _ = run(capsys, "procedure", "show", "1.004222.000.00.00.H48", "--json")
    assert json.loads(out)["code"] == "1.004222"
    code, out, _ = run(capsys, "procedure", "import", str(NATIONAL))
    assert code == 0
    catalogue = json.loads(out)
    assert [p["code"] for p in catalogue["procedures"]] == ["1.004222", "2.000815"]
    path = tmp_path / "cat.json"
    path.write_text(out, encoding="utf-8")
    code, out, _ = run(capsys, "procedure", "show", "2.000815", "--catalogue", str(path))
    assert code == 0
    assert "Chứng thực bản sao từ bản chính" in out


def test_bad_input_is_one_line_with_file_line_and_path(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    bad = lines[2].replace('"channel": 3', '"channel": "tại nhà"')
    path = tmp_path / "bad.jsonl"
    path.write_text("\n".join([lines[0], lines[1], bad, lines[3]]) + "\n", encoding="utf-8")
    code, out, err = run(capsys, "dossier", "show", str(path), "--json")
    assert (code, out) == (2, "")
    assert err.count("\n") == 1
    assert f"{path} line 3 $.channel" in err
    assert "(dossier 000.21.48.H48-240109-0001)" in err
    code, out, err = run(capsys, "dossier", "show", str(path), "--json", "--skip-invalid")
    assert code == 2
    data = json.loads(out)
    assert (len(data["dossiers"]), data["read"], data["skipped"]) == (3, 3, 1)
    assert f"{path} line 3 $.channel" in err
    assert "(dossier 000.21.48.H48-240109-0001)" in err
    assert err.endswith("motcua: read 3, skipped 1\n")
    code, _, err = run(capsys, "dossier", "show", str(tmp_path / "none.jsonl"))
    assert code == 2
    assert "none.jsonl: expected a readable file" in err
    code, _, err = run(capsys, "dossier", "show", str(SAMPLE), "--as-of", "yesterday")
    assert code == 2
    assert "--as-of: expected a real date" in err
