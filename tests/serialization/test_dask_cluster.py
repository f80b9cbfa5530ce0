"""Biểu 06 on a real ``dask.distributed`` cluster: two worker processes, the same report."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from distributed import Client, LocalCluster

from motcua.analyses.periods import parse_period
from motcua.analyses.report import Dimension
from motcua.foundation.errors import InvalidInputError
from motcua.serialization.catalogues import sample_catalogue
from motcua.serialization.dask import tally_on_dask
from motcua.serialization.reports import tally_file

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "data" / "dossiers.jsonl"
PERIOD = parse_period("2024-Q2")
BY = (Dimension.CHANNEL, Dimension.AGENCY)
CATALOGUE = sample_catalogue()


@pytest.fixture(scope="module")
def cluster() -> Iterator[LocalCluster]:
    with LocalCluster(  # type: ignore[no-untyped-call]
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
    ) as local:
        yield local


def test_two_worker_processes_give_the_report_of_one(cluster: LocalCluster) -> None:
    one = tally_file(SAMPLE, PERIOD, by=BY, catalogue=CATALOGUE).result()
    with Client(cluster) as client:  # type: ignore[no-untyped-call]
        pids = set(client.run(os.getpid).values())
        assert len(pids) == 2
        assert os.getpid() not in pids
        on_client = tally_on_dask(
            SAMPLE, PERIOD, by=BY, catalogue=CATALOGUE, blocksize=1_500, scheduler=client
        )
        default = tally_on_dask(SAMPLE, PERIOD, by=BY, catalogue=CATALOGUE, blocksize=1_500)
        done: list[int] = []
        tally_on_dask(SAMPLE, PERIOD, blocksize=4_000, scheduler=client, progress=done.append)
        assert len(done) >= 4  # 16,062 bytes in blocks of about 4,000: one call per block
        assert done == list(range(1, len(done) + 1))
    by_address = tally_on_dask(
        SAMPLE,
        PERIOD,
        by=BY,
        catalogue=CATALOGUE,
        blocksize=1_500,
        scheduler=cluster.scheduler_address,
    )
    assert on_client.result() == one
    assert default.result() == one
    assert by_address.result() == one
    assert one.total.received_total == 14
    assert one.dossiers_read == 24


def test_errors_come_back_with_their_lines(cluster: LocalCluster, tmp_path: Path) -> None:
    lines = SAMPLE.read_bytes().splitlines()
    path = tmp_path / "bad.jsonl"
    path.write_bytes(b"\n".join([*lines[:9], b"{", *lines[9:], lines[0]]) + b"\n")
    errors: list[InvalidInputError] = []
    report = tally_on_dask(
        path,
        PERIOD,
        catalogue=CATALOGUE,
        blocksize=2_000,
        scheduler=cluster.scheduler_address,
        skip_invalid=True,
        errors=errors,
    )
    expected: list[InvalidInputError] = []
    one = tally_file(path, PERIOD, catalogue=CATALOGUE, skip_invalid=True, errors=expected)
    assert report.result() == one.result()
    assert [str(e) for e in errors] == [str(e) for e in expected]
    assert [str(e).split(":")[0] for e in errors] == [
        f"{path} line 10 column 2",
        f"{path} line 26 $.code",
    ]
    with pytest.raises(InvalidInputError, match=r"bad\.jsonl line 10 column 2"):
        tally_on_dask(path, PERIOD, catalogue=CATALOGUE, scheduler=cluster.scheduler_address)
