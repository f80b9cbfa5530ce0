"""Benchmark: Biểu 06 on Dask (two worker processes) against ``--jobs 2``, on the same file.

    pip install -e '.[dask]'
    python benchmarks/bench_dask.py [--count 50000] [--rounds 3] [--dir /tmp]

It writes the dossiers with ``generate_dossiers.py`` (once, then reuses them) and measures,
in interleaved rounds, the same year's report (``--by channel``) computed by:

* ``one process``: ``tally_file(jobs=1)``, the floor every variant is compared with;
* ``--jobs 2``: ``tally_file(jobs=2)``, two processes on this machine (what
  ``motcua report --jobs 2`` runs, without the command's start-up);
* ``dask, 2 workers``: ``tally_on_dask`` on a ``distributed.LocalCluster`` of two worker
  processes (one thread each), started once before the rounds (its start-up is printed
  apart), with the default block size (32 MiB), or smaller blocks for a smaller file so
  that each worker gets at least four.

Before any timing every variant's report is checked to be equal to the one-process report
(the whole Biểu 06, every group and column). It prints the median and the min-max of the
rounds, seconds per million dossiers, and each worker's peak RSS after the rounds.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from distributed import Client, LocalCluster

from motcua.analyses.periods import parse_period
from motcua.analyses.report import Dimension, Report
from motcua.serialization.dask import DEFAULT_BLOCKSIZE, tally_on_dask
from motcua.serialization.reports import tally_file

HERE = Path(__file__).resolve().parent
PERIOD = parse_period("2024")
BY = (Dimension.CHANNEL,)


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=50_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--dir", type=Path, default=Path("/tmp"))
    args = parser.parse_args()
    path = args.dir / f"motcua-dossiers-{args.count}.jsonl"
    if not path.exists():
        subprocess.run(
            [
                sys.executable,
                str(HERE / "generate_dossiers.py"),
                "--out",
                str(path),
                "--count",
                str(args.count),
            ],
            check=True,
        )
    size = path.stat().st_size
    blocksize = min(DEFAULT_BLOCKSIZE, -(-size // 8))  # at least 4 blocks per worker
    blocks = -(-size // blocksize)
    print(f"{args.count:,} dossiers, {size / 2**20:.0f} MiB, {os.cpu_count()} cores")
    started = time.perf_counter()
    with (
        LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as cluster,
        Client(cluster) as client,  # type: ignore[no-untyped-call]
    ):
        print(f"cluster start-up: {time.perf_counter() - started:.1f} s (not in the rounds)")
        variants: dict[str, Callable[[], Report]] = {
            "one process": lambda: tally_file(path, PERIOD, by=BY).result(),
            "--jobs 2": lambda: tally_file(path, PERIOD, by=BY, jobs=2).result(),
            f"dask, 2 workers, {blocks} blocks": lambda: tally_on_dask(
                path, PERIOD, by=BY, scheduler=client, blocksize=blocksize
            ).result(),
        }
        reference = variants["one process"]()
        for name, run in variants.items():
            assert run() == reference, f"{name} disagrees with one process"
        print(
            f"agreement: every variant's report equals the one-process report "
            f"({reference.total.received_total:,} received, {len(reference.groups)} groups)"
        )
        times: dict[str, list[float]] = {name: [] for name in variants}
        for _ in range(args.rounds):
            for name, run in variants.items():
                t0 = time.perf_counter()
                run()
                times[name].append(time.perf_counter() - t0)
        workers = client.run(_peak_mib)
    floor = statistics.median(times["one process"])
    print("\n| variant | median s | min-max s | s per million | x one process |")
    print("| --- | --- | --- | --- | --- |")
    for name, values in times.items():
        median = statistics.median(values)
        print(
            f"| {name} | {median:.2f} | {min(values):.2f}-{max(values):.2f} | "
            f"{median / args.count * 1e6:.1f} | {floor / median:.2f} |"
        )
    peaks = ", ".join(f"{v:.0f}" for v in sorted(workers.values()))
    print(f"\npeak RSS: client {_peak_mib():.0f} MiB; workers {peaks} MiB")


if __name__ == "__main__":
    main()
