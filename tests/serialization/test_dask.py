"""Biểu 06 on Dask: the same report and the same errors as one process, for any split."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from motcua.analyses.periods import parse_period
from motcua.analyses.report import Dimension
from motcua.foundation.errors import InvalidInputError
from motcua.serialization.catalogues import sample_catalogue
from motcua.serialization.dask import tally_on_dask
from motcua.serialization.reports import tally_file

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "data" / "dossiers.jsonl"
PERIOD = parse_period("2024-Q2")
BY = (Dimension.CHANNEL, Dimension.LEVEL)
CATALOGUE = sample_catalogue()
LINES = SAMPLE.read_bytes().splitlines()


def _one_process(path: Path | str, *, skip: bool = True) -> tuple[object, list[str]]:
    errors: list[InvalidInputError] = []
    acc = tally_file(path, PERIOD, by=BY, catalogue=CATALOGUE, skip_invalid=skip, errors=errors)
    return acc.result(), [str(e) for e in errors]


def _on_dask(
    path: Path | str | list[Path], blocksize: int, *, skip: bool = True, scheduler: str = "sync"
) -> tuple[object, list[str]]:
    errors: list[InvalidInputError] = []
    acc = tally_on_dask(
        path,
        PERIOD,
        by=BY,
        catalogue=CATALOGUE,
        blocksize=blocksize,
        scheduler=scheduler,
        skip_invalid=skip,
        errors=errors,
    )
    return acc.result(), [str(e) for e in errors]


@pytest.mark.parametrize("blocksize", [300, 700, 2_000, 1 << 20])
def test_sample_same_report_for_any_block_size(blocksize: int) -> None:
    report, errors = _on_dask(SAMPLE, blocksize)
    assert (report, errors) == _one_process(SAMPLE)
    assert report.total.received_total == 14  # type: ignore[attr-defined]
    assert report.total.pending_total == 3  # type: ignore[attr-defined]


def test_threads_scheduler_same_report() -> None:
    assert _on_dask(SAMPLE, 500, scheduler="threads") == _one_process(SAMPLE)


#: Bad records at known lines: not JSON, an unknown channel, a duplicate code, bad UTF-8.
BAD = [
    *LINES[:5],
    b"{not json",
    *LINES[5:12],
    re.sub(rb'"channel": \d', b'"channel": 9', LINES[12]),
    b"",
    *LINES[13:],
    LINES[3],  # the same dossier again: counted once, the second named
    b'{"code": "\xff"}',
]


def test_errors_name_the_true_lines(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_bytes(b"\n".join(BAD) + b"\n")
    expected = _one_process(path)
    assert len(expected[1]) == 4
    assert any(" line 6" in e for e in expected[1])
    for blocksize in (300, 1_000, 1 << 20):
        assert _on_dask(path, blocksize) == expected


def test_without_skip_the_first_error_raises(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_bytes(b"\n".join(BAD) + b"\n")
    with pytest.raises(InvalidInputError) as one:
        _one_process(path, skip=False)
    for blocksize in (400, 1 << 20):
        with pytest.raises(InvalidInputError) as many:
            _on_dask(path, blocksize, skip=False)
        assert str(many.value) == str(one.value)
        assert "bad.jsonl line 6" in str(many.value)


def test_duplicate_in_a_later_block_is_the_error(tmp_path: Path) -> None:
    path = tmp_path / "dup.jsonl"
    path.write_bytes(b"\n".join([*LINES, LINES[0], LINES[-1]]) + b"\n")
    expected = _one_process(path)
    assert [e.split(":")[0] for e in expected[1]] == [
        f"{path} line 25 $.code",
        f"{path} line 26 $.code",
    ]
    assert _on_dask(path, 100) == expected


def test_many_files_are_one_input(tmp_path: Path) -> None:
    first, second, whole = tmp_path / "a.jsonl", tmp_path / "b.jsonl", tmp_path / "ab.jsonl"
    first.write_bytes(b"\n".join(LINES[:10]) + b"\n")
    second.write_bytes(b"\n".join([*LINES[10:], LINES[2]]) + b"\n")  # LINES[2] again
    whole.write_bytes(first.read_bytes() + second.read_bytes())
    report, errors = _on_dask([first, second], 500)
    assert report == _one_process(whole)[0]
    assert [e.split(":")[0] for e in errors] == [f"{second} line 15 $.code"]
    glob_report, _ = _on_dask(str(tmp_path / "[ab].jsonl"), 500)
    assert glob_report == report


@pytest.mark.parametrize(
    ("end", "bom"), [(b"\n", True), (b"\r\n", False), (b"\r", False), (b"\r\n", True)]
)
def test_line_ends_and_byte_order_mark(tmp_path: Path, end: bytes, bom: bool) -> None:
    path = tmp_path / "ends.jsonl"
    lines = [*LINES[:8], b"[1]", *LINES[8:]]
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + end.join(lines))  # no final end
    expected = _one_process(path)
    assert len(expected[1]) == 1
    assert " line 9 " in expected[1][0]
    for blocksize in (333, 1 << 20):
        assert _on_dask(path, blocksize) == expected


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    picks=st.lists(st.integers(0, len(LINES) + 2), min_size=0, max_size=40),
    blocksize=st.integers(300, 4_000),
    crlf=st.booleans(),
)
def test_any_records_any_split(
    tmp_path: Path, picks: list[int], blocksize: int, crlf: bool
) -> None:
    extra = [b"", b"{", b'{"code": 1}']  # a blank line, bad JSON, a bad record
    pool = [*LINES, *extra]
    path = tmp_path / "any.jsonl"
    path.write_bytes((b"\r\n" if crlf else b"\n").join(pool[i] for i in picks))
    assert _on_dask(path, blocksize) == _one_process(path)


def test_refusals(tmp_path: Path) -> None:
    with pytest.raises(InvalidInputError, match="JSON Lines files that exist"):
        tally_on_dask(tmp_path / "missing.jsonl", PERIOD)
    doc = tmp_path / "dossiers.json"
    doc.write_text(json.dumps({"dossiers": []}), encoding="utf-8")
    with pytest.raises(InvalidInputError, match="Dask reads JSON Lines only"):
        tally_on_dask(doc, PERIOD)
    with pytest.raises(InvalidInputError, match="one JSON Lines file or more"):
        tally_on_dask([], PERIOD)
    with pytest.raises(InvalidInputError, match="grouping"):
        tally_on_dask(SAMPLE, PERIOD, by=[Dimension.PROVINCE])  # no unit registry


def test_empty_file_is_an_empty_report(tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_bytes(b"")
    assert _on_dask(path, 100) == _one_process(path)
