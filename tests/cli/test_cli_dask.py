"""``motcua report --dask``: the same output, errors and exit status as without it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from distributed import LocalCluster

from motcua.cli import main

DATA = Path(__file__).resolve().parents[2] / "examples" / "data"
SAMPLE = DATA / "dossiers.jsonl"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture(scope="module")
def address() -> Iterator[str]:
    with LocalCluster(  # type: ignore[no-untyped-call]
        n_workers=2, threads_per_worker=1, processes=False, dashboard_address=":0"
    ) as cluster:
        yield cluster.scheduler_address


@pytest.mark.parametrize(
    "options",
    [
        ("--by", "channel"),
        ("--by", "level", "--format", "csv"),
        ("--by", "field", "--by", "channel", "--format", "json"),
    ],
)
def test_dask_prints_what_one_process_prints(
    capsys: pytest.CaptureFixture[str], address: str, options: tuple[str, ...]
) -> None:
    argv = ("report", str(SAMPLE), "--period", "2024-Q2", *options)
    plain = _run(capsys, *argv)
    assert plain[0] == 0
    assert _run(capsys, *argv, "--dask", "threads", "--blocksize", "2KiB") == plain
    assert _run(capsys, *argv, "--dask", address, "--blocksize", "1500") == plain


def test_dask_names_bad_records_as_one_process_does(
    capsys: pytest.CaptureFixture[str], address: str, tmp_path: Path
) -> None:
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    path = tmp_path / "bad.jsonl"
    path.write_text("\n".join([*lines[:15], "[]", *lines[15:], lines[1]]) + "\n", "utf-8")
    for extra in ((), ("--skip-invalid",)):
        argv = ("report", str(path), "--period", "2024-Q2", *extra)
        plain = _run(capsys, *argv)
        assert plain[0] == 2
        assert f"{path} line 16 $" in plain[2]
        assert _run(capsys, *argv, "--dask", address, "--blocksize", "3000") == plain


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("-", "--dask", "threads"), "--dask: expected a file (workers read FILE themselves"),
        ((str(SAMPLE), "--dask", "threads", "--jobs", "2"), "--dask: expected no --jobs"),
        ((str(SAMPLE), "--dask", "nowhere"), "--dask: expected the address of a running Dask"),
        ((str(SAMPLE), "--dask", "threads", "--blocksize", "0"), "expected a number of bytes"),
        ((str(DATA / "missing.jsonl"), "--dask", "threads"), "JSON Lines files that exist"),
    ],
)
def test_dask_refusals(
    capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], message: str
) -> None:
    status, out, err = _run(capsys, "report", *argv, "--period", "2024-Q2")
    assert (status, out) == (2, "")
    assert message in err
    assert err.count("\n") == 1
