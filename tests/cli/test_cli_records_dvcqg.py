"""`motcua dossier import-dvcqg` on the payload shapes real senders send; streaming commands.

The four shapes of issue 10 (OpenCPS, an in-process status-4 update, iGate, a MaHoSo that
departs from Circular 01/2018) import with what was inferred or unknown stated; a closed
pipe stops `dossier show` before the end of its input.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from motcua.cli import main

SAMPLE = Path(__file__).resolve().parent.parent.parent / "examples" / "data" / "dossiers.jsonl"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


OPENCPS: dict[str, Any] = {
    "MaHoSo": "000.00.53.H48-240506-0001",
    "MaTTHC": "1.004222",
    "TenTTHC": "Đăng ký thường trú",
    "MaLinhVuc": "",
    "TenLinhVuc": "",
    "ChuHoSo": "Nguyễn Văn An",
    "LoaiDoiTuong": "1",
    "TrichYeuHoSo": "Đăng ký thường trú",
    "NgayTiepNhan": "20240506090000",
    "NgayHenTra": "20240515090000",
    "TrangThaiHoSo": "9",
    "NgayTra": "",
    "HinhThuc": "0",
    "NgayKetThucXuLy": "20240514160000",
    "DonViXuLy": "Công an xã",
    "TaiLieuNop": [],
    "DanhSachHoSoBoSung": [],
}
STATUS_4 = OPENCPS | {
    "MaHoSo": "000.00.53.H48-240506-0002",
    "KenhThucHien": "2",
    "TrangThaiHoSo": 4,
    "NgayKetThucXuLy": "",
    "NgayHenTra": "20240516090000",
}
IGATE = {
    "MaHoSo": "000.00.53.H48-240506-0003",
    "MaTTHC": "1.001193",
    "KenhThucHien": 2,
    "TrangThaiHoSo": 10,
    "NgayNopHoSo": "2024-05-06 08:45:12.250",
    "NgayTiepNhan": "2024-05-06 09:00:00",
    "NgayHenTra": "2024-05-06 17:00:00",
    "NgayKetThucXuLy": 1714985400000,
    "NgayTra": "2024-05-06 16:10:00.000",
    "HinhThuc": "1",
    "MaDonViIgate": "G22",
}
FOREIGN = OPENCPS | {"MaHoSo": "G09.20-20240506-0092637", "KenhThucHien": "1"}


@pytest.fixture
def payloads(tmp_path: Path) -> Path:
    path = tmp_path / "senders.jsonl"
    lines = [json.dumps(p, ensure_ascii=False) for p in (OPENCPS, STATUS_4, IGATE, FOREIGN)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_four_sender_shapes_import_with_what_was_inferred(
    capsys: pytest.CaptureFixture[str], payloads: Path
) -> None:
    code, out, err = run(capsys, "dossier", "import-dvcqg", str(payloads), "--json")
    assert code == 0
    data = json.loads(out)
    assert (data["read"], data["skipped"]) == (4, 0)
    opencps, status4, igate, foreign = data["dossiers"]
    assert opencps["channel"] is None
    assert opencps["reported"]["channel_known"] is False
    assert opencps["reported"]["as_reported"] is True
    assert any(n.startswith("KenhThucHien") for n in opencps["reported"]["unknown"])
    assert status4["status"] == 4
    assert status4["reported"]["events_status"] == 2
    assert status4["appointment"] == "2024-05-16T09:00+07:00"  # the sender's, of record
    assert status4["reported"]["appointment_disagreement"] == {
        "sender": "2024-05-16T09:00+07:00",
        "motcua": "2024-05-15T09:00+07:00",
    }
    assert igate["reported"]["foreign_keys"] == ["MaDonViIgate"]
    assert igate["status"] == 10
    assert foreign["code"] == "G09.20-20240506-0092637"
    assert foreign["reported"]["code_conforms"] is False
    # The disagreement is also a warning on stderr, one line.
    warnings = [line for line in err.splitlines() if line.startswith("motcua: warning:")]
    expected = (
        "motcua: warning: dossier 000.00.53.H48-240506-0002: NgayHenTra 2024-05-16T09:00+07:00 "
        "(the sender's, kept as the appointment of record) differs from motcua's "
        "2024-05-15T09:00+07:00"
    )
    assert warnings == [expected]


def test_import_text_states_the_notes(capsys: pytest.CaptureFixture[str], payloads: Path) -> None:
    code, out, _ = run(capsys, "dossier", "import-dvcqg", str(payloads))
    assert code == 0
    assert "    không rõ: KenhThucHien: the sender did not say" in out
    assert "    suy ra: MaHoSo: kept verbatim as a foreign code" in out
    assert "    khóa không đọc: MaDonViIgate" in out
    assert "kênh không rõ" in out


def test_export_streams_the_same_document(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "dossier", "export-dvcqg", str(SAMPLE))
    assert code == 0
    payloads = json.loads(out)
    assert out == json.dumps(payloads, ensure_ascii=False, indent=2) + "\n"
    code, out, _ = run(capsys, "dossier", "show", str(SAMPLE), "--json")
    assert out == json.dumps(json.loads(out), ensure_ascii=False, indent=2) + "\n"


def test_export_as_json_lines_imports_back(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = run(capsys, "dossier", "export-dvcqg", str(SAMPLE), "--jsonl")
    assert code == 0
    lines = out.splitlines()
    code, whole, _ = run(capsys, "dossier", "export-dvcqg", str(SAMPLE))
    assert [json.loads(line) for line in lines] == json.loads(whole)
    path = tmp_path / "payloads.jsonl"
    path.write_text(out, encoding="utf-8")
    code, imported, _ = run(capsys, "dossier", "import-dvcqg", str(path), "--json")
    assert code == 0
    assert json.loads(imported)["read"] == len(lines)


def test_empty_input_is_an_empty_document(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    assert run(capsys, "dossier", "export-dvcqg", str(empty)) == (0, "[]\n", "")
    code, out, _ = run(capsys, "dossier", "show", str(empty), "--json")
    assert code == 0
    assert json.loads(out) == {"dossiers": [], "read": 0, "skipped": 0}


def test_a_closed_pipe_stops_show_before_the_end(tmp_path: Path) -> None:
    """`dossier show big.jsonl | head -1` does not read on: the bad last line is never met."""
    line = SAMPLE.read_text(encoding="utf-8").splitlines()[0]
    big = tmp_path / "big.jsonl"
    big.write_text((line + "\n") * 20_000 + "{not json\n", encoding="utf-8")
    with subprocess.Popen(
        [sys.executable, "-m", "motcua", "dossier", "show", str(big)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as proc:
        assert proc.stdout is not None
        assert proc.stderr is not None
        first = proc.stdout.readline()
        proc.stdout.close()  # what `head -1` does
        err = proc.stderr.read()
        code = proc.wait()
    assert first.startswith(b"000.")
    assert b"line 20001" not in err  # it stopped early: the bad last line was never read
    assert err == b""
    assert code == 141  # the reader went away: 128 + SIGPIPE, not 1 (a finding)


NEWER_SHAPE: dict[str, Any] = {
    "code": "1.004222",
    "name": "Đăng ký thường trú",
    "isWard": True,
    "categoriesDetails": [{"code": "G09-CA01", "name": "Đăng ký, quản lý cư trú"}],
    "executionMethods": [
        {
            "submissionMethod": "DIRECT",
            "processingTime": 7,
            "processingTimeUnit": "WORKING_DAY",
            "description": "07 ngày làm việc",
            "fees": [],
        }
    ],
    "legalBasisesDetails": [{"code": "68/2020/QH14", "name": "Luật Cư trú"}],
}


def test_procedure_import_reads_the_newer_shape(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "newer.json"
    path.write_text(json.dumps({"code": "0", "data": NEWER_SHAPE}, ensure_ascii=False), "utf-8")
    code, out, err = run(capsys, "procedure", "import", str(path))
    assert (code, err) == (0, "")
    (procedure,) = json.loads(out)["procedures"]
    assert procedure["code"] == "1.004222"
    assert procedure["field_code"] == "G09-CA01"  # the field code is kept
