"""Benchmark the cold start: a fresh process imports motcua and computes its first due instant.

The anchor, timed in the same rounds: a fresh process imports ``holidays``, builds
``holidays.VN()`` and asks whether one day is a working day. Each process times itself
from its first line to the answer (interpreter start-up is the same for both and left
out), in CPU time (``time.process_time``), so that another process taking the core for a
moment does not decide a round; the wall-clock times are printed too. Byte-code caches
exist, as for an installed package: each program runs once before timing. Rounds rotate
which program runs first. Each round's ratio is motcua's CPU time over the anchor's in that
round; the target is a ratio of at most 0.35 in every round.

Also printed: the same for ``import attrs`` alone, the floor of any path that imports it.

Run: ``python benchmarks/bench_cold_start.py [--rounds N]``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys

_START = "import time; c, t = time.process_time(), time.perf_counter(); "
_STOP = "print(time.process_time() - c, time.perf_counter() - t); "
PROGRAMS = {
    "motcua: import + first compute_due": (
        _START + "import datetime, motcua; "
        "due = motcua.compute_due(datetime.datetime(2024, 4, 26, 9), motcua.WorkingDays(5)); "
        + _STOP
        + "assert str(due) == '2024-05-07T09:00+07:00'"
    ),
    "holidays: import + VN() + is_working_day": (
        _START + "import datetime, holidays; "
        "vn = holidays.VN(); ok = vn.is_working_day(datetime.date(2024, 4, 26)); "
        + _STOP
        + "assert ok"
    ),
    "import attrs alone": _START + "import attrs; " + _STOP,
}
OURS, ANCHOR, ATTRS = PROGRAMS


def once(code: str) -> tuple[float, float]:
    """CPU and wall-clock seconds the program *code* reports for itself, in a fresh process."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    cpu, wall = done.stdout.split()
    return float(cpu), float(wall)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    for code in PROGRAMS.values():
        once(code)  # write the byte-code caches
    times: dict[str, list[float]] = {name: [] for name in PROGRAMS}
    walls: dict[str, list[float]] = {name: [] for name in PROGRAMS}
    names = list(PROGRAMS)
    for r in range(args.rounds):
        for name in names[r % 3 :] + names[: r % 3]:
            cpu, wall = once(PROGRAMS[name])
            times[name].append(cpu)
            walls[name].append(wall)
    print(f"Python {sys.version.split()[0]}, {args.rounds} interleaved rounds (ms)")
    for name, values in times.items():
        ms, wall_ms = [v * 1e3 for v in values], [v * 1e3 for v in walls[name]]
        print(
            f"  {name:<44} CPU median {statistics.median(ms):6.1f}  "
            f"min {min(ms):6.1f}  max {max(ms):6.1f}   wall median "
            f"{statistics.median(wall_ms):6.1f}  min {min(wall_ms):6.1f}  max {max(wall_ms):6.1f}"
        )
    for name in (OURS, ATTRS):
        ratios = [a / b for a, b in zip(times[name], times[ANCHOR], strict=True)]
        wall_ratios = [a / b for a, b in zip(walls[name], walls[ANCHOR], strict=True)]
        print(
            f"wall-clock ratio {name} / holidays: median {statistics.median(wall_ratios):.2f}, "
            f"min {min(wall_ratios):.2f}, max {max(wall_ratios):.2f}"
        )
        print(
            f"CPU ratio {name} / holidays: median {statistics.median(ratios):.2f}, "
            f"min {min(ratios):.2f}, max {max(ratios):.2f}"
            + (
                f"; rounds at or under 0.35: {sum(x <= 0.35 for x in ratios)}/{len(ratios)}"
                if name == OURS
                else ""
            )
        )


if __name__ == "__main__":
    main()
