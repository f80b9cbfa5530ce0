"""`motcua report --format csv`: a byte-order mark for Excel by default, none with --no-bom."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest

from motcua.cli import main

SAMPLE = Path(__file__).resolve().parent.parent.parent / "examples" / "data" / "dossiers.jsonl"
ARGS = ("report", str(SAMPLE), "--period", "2024", "--format", "csv", "--by", "level")


def test_csv_starts_with_a_bom_and_reads_back(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(list(ARGS)) == 0
    out = capsys.readouterr().out
    assert out.startswith("\ufeff")
    assert out.count("\ufeff") == 1
    rows = list(csv.reader(io.StringIO(out.removeprefix("\ufeff"))))
    assert rows[0][0] == "Lĩnh vực, công việc giải quyết theo cấp"  # no BOM in the header
    assert rows[-1][0] == "Tổng cộng"


def test_no_bom(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*ARGS, "--no-bom"]) == 0
    out = capsys.readouterr().out
    assert not out.startswith("\ufeff")
    assert main(list(ARGS)) == 0
    assert capsys.readouterr().out == "\ufeff" + out


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_other_formats_have_no_bom(capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    assert main(["report", str(SAMPLE), "--period", "2024", "--format", fmt]) == 0
    assert "\ufeff" not in capsys.readouterr().out


def test_the_bytes_on_stdout_are_utf8_with_bom() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "motcua", *ARGS],
        capture_output=True,
        check=True,
        env={"PYTHONIOENCODING": "utf-8", "PATH": ""},
    )
    assert done.stdout.startswith(b"\xef\xbb\xbf")
    text = done.stdout.decode("utf-8-sig")
    assert "Tổng cộng" in text
