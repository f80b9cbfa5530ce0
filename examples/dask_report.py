"""Biểu 06 on a Dask cluster: two worker processes count the blocks, the client merges them.

Run: python examples/dask_report.py   (needs the extra: pip install 'motcua[dask]')

A province's dossiers rarely fit one machine's patience, but the report is a sum: each
block of the file is counted on a worker (``tally_on_dask``), the partial states are
merged, and the result is exactly the report over the whole file. Here a ``LocalCluster``
of two worker processes stands in for a cluster; on a real one only the scheduler's
address changes (``scheduler="tcp://10.0.0.5:8786"``, see the how-to "Run a report on a
Dask cluster").
"""

from __future__ import annotations

import os
from pathlib import Path

from distributed import Client, LocalCluster

from motcua.analyses.periods import parse_period
from motcua.analyses.report import Dimension
from motcua.serialization.dask import tally_on_dask
from motcua.serialization.reports import tally_file

SAMPLE = Path(__file__).resolve().parent / "data" / "dossiers.jsonl"
PERIOD = parse_period("2024-Q2")
BY = (Dimension.CHANNEL,)


def main() -> None:
    with (
        LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as cluster,
        Client(cluster) as client,  # type: ignore[no-untyped-call]
    ):
        workers = client.run(os.getpid)
        # Small blocks, so that even the sample file makes several of them.
        report = tally_on_dask(SAMPLE, PERIOD, by=BY, blocksize=2_000, scheduler=client).result()
    whole = tally_file(SAMPLE, PERIOD, by=BY).result()
    print(f"worker processes: {len(set(workers.values()))}")
    print(f"received_total: {report.total.received_total}")
    print(f"pending_total: {report.total.pending_total}")
    print(f"same as one pass: {report == whole}")


if __name__ == "__main__":
    main()
