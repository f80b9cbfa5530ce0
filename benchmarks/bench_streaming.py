"""Benchmark: peak memory of the commands that read a large file, at two input sizes.

    python benchmarks/bench_streaming.py [--sizes 20000 100000] [--dir /tmp]

For each size it writes the dossiers with ``generate_dossiers.py`` (once, then reuses them)
and runs each command in a fresh process, its output thrown away, reading the peak RSS of
that process alone (``RUSAGE_CHILDREN`` in a wrapper that runs only it). Memory is flat
when the larger input needs about the same peak as the smaller one: the ratio is printed.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

_WRAPPER = """
import resource, subprocess, sys
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(done.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""

COMMANDS = {
    "check": ["check", "{file}"],
    "check --format json": ["check", "{file}", "--format", "json"],
    "indicators": ["indicators", "{file}", "--period", "2024"],
    "report": ["report", "{file}", "--period", "2024"],
}


def _peak_mib(argv: list[str]) -> tuple[int, float]:
    out = subprocess.run(
        [sys.executable, "-c", _WRAPPER, sys.executable, "-m", "motcua", *argv],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    return int(out[0]), int(out[1]) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs=2, default=[20_000, 100_000])
    parser.add_argument("--dir", type=Path, default=Path("/tmp"))
    args = parser.parse_args()
    files = []
    for count in args.sizes:
        path = args.dir / f"motcua-dossiers-{count}.jsonl"
        if not path.exists():
            generate = [sys.executable, str(HERE / "generate_dossiers.py"), "--out", str(path)]
            subprocess.run([*generate, "--count", str(count)], check=True)
        files.append(path)
    small, large = args.sizes
    print(f"| command | peak MiB at {small:,} | peak MiB at {large:,} | ratio |")
    print("| --- | --- | --- | --- |")
    for name, template in COMMANDS.items():
        peaks = []
        for path in files:
            status, peak = _peak_mib([a.replace("{file}", str(path)) for a in template])
            assert status in (0, 1), f"{name} exited with {status}"
            peaks.append(peak)
        print(f"| {name} | {peaks[0]:.0f} | {peaks[1]:.0f} | {peaks[1] / peaks[0]:.2f} |")


if __name__ == "__main__":
    main()
