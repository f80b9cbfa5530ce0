"""Benchmark the cold start: a fresh process imports motcua and computes its first due instant.

The anchor, timed in the same rounds: a fresh process imports ``holidays``, builds
``holidays.VN()`` and asks whether one day is a working day. Each process times itself
from its first line to the answer (interpreter start-up is the same for both and left
out). Byte-code caches exist, as for an installed package: each program runs once before
timing. Rounds alternate which program runs first. Each round's ratio is motcua's time over
the anchor's in that round; the target is a ratio of at most 0.35 in every round.

Also printed: the same for ``import attrs`` alone, the floor of any path that imports it.

Run: ``python benchmarks/bench_cold_start.py [--rounds N]``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys

PROGRAMS = {
    "motcua: import + first compute_due": (
        "import time; t = time.perf_counter(); import datetime, motcua; "
        "due = motcua.compute_due(datetime.datetime(2024, 4, 26, 9), motcua.WorkingDays(5)); "
        "print(time.perf_counter() - t); assert str(due) == '2024-05-07T09:00+07:00'"
    ),
    "holidays: import + VN() + is_working_day": (
        "import time; t = time.perf_counter(); import datetime, holidays; "
        "vn = holidays.VN(); ok = vn.is_working_day(datetime.date(2024, 4, 26)); "
        "print(time.perf_counter() - t); assert ok"
    ),
    "import attrs alone": (
        "import time; t = time.perf_counter(); import attrs; print(time.perf_counter() - t)"
    ),
}
OURS, ANCHOR, ATTRS = PROGRAMS


def once(code: str) -> float:
    """Seconds the program *code* reports for itself, in a fresh interpreter."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    return float(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    for code in PROGRAMS.values():
        once(code)  # write the byte-code caches
    times: dict[str, list[float]] = {name: [] for name in PROGRAMS}
    names = list(PROGRAMS)
    for r in range(args.rounds):
        for name in names[r % 3 :] + names[: r % 3]:
            times[name].append(once(PROGRAMS[name]))
    print(f"Python {sys.version.split()[0]}, {args.rounds} interleaved rounds (ms)")
    for name, values in times.items():
        ms = [v * 1e3 for v in values]
        print(
            f"  {name:<44} median {statistics.median(ms):6.1f}  "
            f"min {min(ms):6.1f}  max {max(ms):6.1f}"
        )
    for name in (OURS, ATTRS):
        ratios = [a / b for a, b in zip(times[name], times[ANCHOR], strict=True)]
        print(
            f"ratio {name} / holidays: median {statistics.median(ratios):.2f}, "
            f"min {min(ratios):.2f}, max {max(ratios):.2f}"
            + (
                f"; rounds at or under 0.35: {sum(x <= 0.35 for x in ratios)}/{len(ratios)}"
                if name == OURS
                else ""
            )
        )


if __name__ == "__main__":
    main()
