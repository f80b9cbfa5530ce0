"""Benchmark: Biểu 06 over 100,000 and 1,000,000 synthetic dossiers (JSON Lines).

    pip install -e '.[bench]'
    python benchmarks/bench_report.py [--sizes 100000 1000000] [--dir /tmp]

For each size it writes the dossiers with ``generate_dossiers.py`` (once, then reuses them)
and measures, each in a fresh process so that peak memory is that run's alone:

* ``motcua report --jobs 1``: seconds per million dossiers and peak RSS;
* ``motcua report --jobs 0`` (all cores);
* the anchor: a hand-written pandas implementation of the same buckets, in the same run.
  It reads the same file with ``pandas.read_json(lines=True)``. It computes due dates as N
  business days with numpy's ``busday_offset`` over motcua's days off. That is simpler
  than motcua's rules: it has no office hours, no make-up Saturdays, no pauses and no
  restarts. So it is a speed anchor, not a second opinion on the numbers.

Figures are printed as ratios to the anchor measured in the same run (docs/performance.md).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

_MOTCUA = """
import resource, sys, time
from motcua.analyses.periods import parse_period
from motcua.serialization.reports import tally_file
t0 = time.perf_counter()
acc = tally_file(sys.argv[1], parse_period("2024"), jobs=int(sys.argv[2]))
elapsed = time.perf_counter() - t0
total = acc.result().total
print(elapsed, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
      resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, total.received_total)
"""

_PANDAS = """
import resource, sys, time
import numpy as np
import pandas as pd
from motcua import vietnam_calendar
cal = vietnam_calendar()
holidays = np.array([n.day for n in cal.days_off], dtype="datetime64[D]")
t0 = time.perf_counter()
df = pd.read_json(sys.argv[1], lines=True)
def first(events, kinds):
    for e in events:
        if e["type"] in kinds:
            return e["at"]
    return None
received = pd.to_datetime(df["events"].map(lambda ev: first(ev, ("received",))), utc=True)
ended = pd.to_datetime(df["events"].map(lambda ev: first(ev, ("resolved", "stopped"))), utc=True)
count = df["limit"].map(lambda lim: int(float(lim.get("count", 0))))
start, end = pd.Timestamp("2023-12-15", tz="Asia/Ho_Chi_Minh"), pd.Timestamp("2024-12-15", tz="Asia/Ho_Chi_Minh")
local = received.dt.tz_convert("Asia/Ho_Chi_Minh")
due_day = np.busday_offset(local.dt.date.values.astype("datetime64[D]"), count.values, roll="forward", holidays=holidays)
due = pd.Series(pd.to_datetime(due_day).tz_localize("Asia/Ho_Chi_Minh"), index=df.index) + (local - local.dt.normalize())
in_report = (received < end) & (ended.isna() | (ended >= start))
resolved = in_report & ended.notna() & (ended < end)
pending = in_report & ~resolved
early = resolved & (ended.dt.tz_convert("Asia/Ho_Chi_Minh").dt.date < due.dt.date)
late = resolved & (ended > due)
counts = {
    "received_total": int(in_report.sum()),
    "carried_over": int((in_report & (received < start)).sum()),
    "received_online": int((in_report & (received >= start) & (df["channel"] == 2)).sum()),
    "resolved_total": int(resolved.sum()),
    "resolved_early": int(early.sum()),
    "resolved_late": int(late.sum()),
    "pending_total": int(pending.sum()),
    "pending_overdue": int((pending & (due < end)).sum()),
}
elapsed = time.perf_counter() - t0
print(elapsed, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, 0, counts["received_total"])
"""


def _run(code: str, *args: str) -> tuple[float, int, int, int]:
    out = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True
    ).stdout.split()
    return float(out[0]), int(out[1]), int(out[2]), int(out[3])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--dir", type=Path, default=Path("/tmp"))
    args = parser.parse_args()
    rows = []
    for size in args.sizes:
        path = args.dir / f"motcua-bench-{size}.jsonl"
        if not path.exists():
            t0 = time.perf_counter()
            subprocess.run(
                [
                    sys.executable,
                    str(HERE / "generate_dossiers.py"),
                    "--count",
                    str(size),
                    "--out",
                    str(path),
                ],
                check=True,
                capture_output=True,
            )
            print(
                f"generated {size:,} dossiers in {time.perf_counter() - t0:.0f} s", file=sys.stderr
            )
        one, rss_one, _, n1 = _run(_MOTCUA, str(path), "1")
        allc, rss_parent, rss_children, n2 = _run(_MOTCUA, str(path), "0")
        pd_s, rss_pd, _, n3 = _run(_PANDAS, str(path))
        rows.append(
            {
                "dossiers": size,
                "in_report": n1,
                "motcua_1_core_s": round(one, 2),
                "motcua_1_core_s_per_million": round(one * 1e6 / size, 1),
                "motcua_all_cores_s": round(allc, 2),
                "pandas_s": round(pd_s, 2),
                "ratio_1_core_to_pandas": round(one / pd_s, 2),
                "ratio_all_cores_to_pandas": round(allc / pd_s, 2),
                "peak_rss_mb_1_core": round(rss_one / 1024, 1),
                "peak_rss_mb_all_cores_parent": round(rss_parent / 1024, 1),
                "peak_rss_mb_worker": round(rss_children / 1024, 1),
                "peak_rss_mb_pandas": round(rss_pd / 1024, 1),
                "same_count": n1 == n2,
                "pandas_in_report": n3,
            }
        )
    print(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()
