"""Biểu 06 over a Dask bag: one accumulator per partition, merged exactly.

Run: python examples/dask_report.py   (needs the extra: pip install 'motcua[dask]')

A province's dossiers rarely fit one machine's patience, but the report is a sum: each
partition is counted on its own (``tally_lines``), the partial states are merged, and the
result is exactly the report over the whole file. Here Dask's local scheduler does the
partitioning; on a cluster only the scheduler changes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import dask
import dask.bag as db

from motcua.analyses.periods import parse_period
from motcua.analyses.report import Bieu06, Dimension
from motcua.serialization.reports import tally_file, tally_lines

SAMPLE = Path(__file__).resolve().parent / "data" / "dossiers.jsonl"
PERIOD = parse_period("2024-Q2")
BY = (Dimension.CHANNEL,)


def count_partition(lines: list[str]) -> list[Any]:
    """Count one partition; return its partial state (plain data, cheap to ship)."""
    return [tally_lines(lines, PERIOD, by=BY).state()]


def main() -> None:
    # Small blocks, so that even the sample file makes several partitions.
    bag = db.read_text(str(SAMPLE), blocksize=2_000)  # type: ignore[no-untyped-call]
    with dask.config.set(scheduler="synchronous"):
        states = bag.map_partitions(count_partition).compute()
    merged = Bieu06(PERIOD, by=BY)
    for state in states:
        merged.load_state(state)
    report = merged.result()
    whole = tally_file(SAMPLE, PERIOD, by=BY).result()
    print(f"partitions: {bag.npartitions}")
    print(f"received_total: {report.total.received_total}")
    print(f"pending_total: {report.total.pending_total}")
    print(f"same as one pass: {report == whole}")


if __name__ == "__main__":
    main()
