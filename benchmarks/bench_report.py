"""Benchmark: Biểu 06 over synthetic dossiers, against DuckDB in the same run.

    pip install -e '.[bench]'
    python benchmarks/bench_report.py [--sizes 200000 1000000] [--rounds 3] [--dir /tmp]

For each size it writes the dossiers once with ``generate_dossiers.py --odd 0.05`` (5 % of
them valid but unusual: ``Z`` and other offsets, naive instants, fractional seconds, other
limits, a record's own policy, a term's start), then:

1. **Agreement first.** The whole report (JSON, byte for byte) must be the same without
   the report kernel (ADR 0025), with the kernel on the standard library, with the
   ``fast`` extra's typed decoder, and with ``--jobs 2``; and motcua's annual report and the
   DuckDB query must agree on the columns DuckDB can compute without a working calendar
   (received: total, online, other channels, carried over; resolved: total; pending:
   total), for the year and for a quarter with dossiers carried over. Else the benchmark
   stops. DuckDB has no Vietnamese working calendar, so it does not split resolved and
   pending dossiers by their due instants: it is a speed anchor for reading and tallying
   the same file, and a check on the columns it can compute.
2. **Where the fast paths fall back**, counted over the file (not timed): records the
   kernel leaves to the other readers (standard library and typed decoder), records the
   scan reader leaves to the full reader, lines the ``fast`` extra leaves to the strict
   decoder.
3. **Interleaved rounds.** Each round runs, each in a fresh process (so that peak memory is
   that run's own): ``json.loads`` over the lines (the floor), motcua with the standard
   library only, motcua with the ``fast`` extra, the same with ``--jobs 2``, and DuckDB.
   The output gives each one's median and min-max over the rounds of: wall time, CPU
   time (own and children's), the CPU ratio to the ``json.loads`` floor and the wall ratio
   to DuckDB within each round (absolute times move a lot on a shared machine; ratios
   within one round much less), and peak memory.

The result is printed as JSON (docs/performance.md, section "Reports", is written from it).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
COMPARED = (
    "received_total",
    "received_online",
    "received_in_person_or_postal",
    "carried_over",
    "resolved_total",
    "pending_total",
)

_MOTCUA = """
import json, resource, sys, time
if sys.argv[3] == "std":
    sys.modules["msgspec"] = None  # the standard library only
from motcua.analyses.periods import parse_period
from motcua.serialization.reports import fast_decoder, tally_file
assert (fast_decoder() is None) is (sys.argv[3] == "std")
t0, c0 = time.perf_counter(), time.process_time()
acc = tally_file(sys.argv[1], parse_period(sys.argv[4]), jobs=int(sys.argv[2]))
elapsed = time.perf_counter() - t0
children = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = time.process_time() - c0 + children.ru_utime + children.ru_stime
total = acc.result().total.as_dict()
rss = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, children.ru_maxrss)
print(json.dumps({"seconds": elapsed, "cpu": cpu, "rss_kb": rss, "total": total}))
"""

# The whole report, byte for byte, by every path (in one process; the standard library
# kernel and the typed one are chosen as tally_file chooses them).
_AGREE = """
import json, sys
from motcua.analyses.periods import parse_period
from motcua.serialization import reports
from motcua.serialization.reports import report_to_json, tally_file
assert reports.fast_decoder() is not None, "the fast extra is needed to compare with it"
def report(kernel, fast, jobs):
    reports.USE_KERNEL = kernel
    reports._FAST[:] = [] if fast else [None]
    acc = tally_file(sys.argv[1], parse_period(sys.argv[2]), jobs=jobs)
    return json.dumps(report_to_json(acc.result()), ensure_ascii=False, sort_keys=True)
runs = {"full path": (False, False, 1), "kernel, standard library": (True, False, 1),
        "kernel, typed decoder": (True, True, 1), "kernel, typed decoder, --jobs 2": (True, True, 2),
        "scan and full path, fast extra": (False, True, 1)}
reports_by = {name: report(*how) for name, how in runs.items()}
print(json.dumps({"identical": len(set(reports_by.values())) == 1, "paths": list(runs)}))
"""

_JSON = """
import json, resource, sys, time
t0, c0 = time.perf_counter(), time.process_time()
with open(sys.argv[1], encoding="utf-8") as lines:
    for line in lines:
        json.loads(line)
elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": elapsed, "cpu": cpu, "rss_kb": rss, "total": {}}))
"""

# Instants as DuckDB reads them: a text without an offset is Vietnam time (ADR 0002).
_DUCKDB = """
import json, resource, sys, time
import duckdb
t0, c0 = time.perf_counter(), time.process_time()
con = duckdb.connect()
con.execute("SET threads TO 1")
con.execute("SET enable_progress_bar = false")
def instant(column):
    return (f"(CASE WHEN regexp_matches({column}, '(Z|[+-][0-9][0-9]:[0-9][0-9])$') "
            f"THEN {column} ELSE {column} || '+07:00' END)::TIMESTAMPTZ")
row = con.execute(f'''
WITH events AS (
    SELECT code, channel, e."type" AS kind, {instant('e."at"')} AS ts
    FROM (SELECT code, channel, unnest(events) AS e
          FROM read_json(?, format = 'newline_delimited',
                         columns = {{code: 'VARCHAR', channel: 'INTEGER',
                                    events: 'STRUCT("type" VARCHAR, "at" VARCHAR)[]'}}))
), clocks AS (
    SELECT code, any_value(channel) AS channel,
           min(ts) FILTER (WHERE kind = 'received') AS received,
           coalesce(min(ts) FILTER (WHERE kind = 'resolved'),
                    min(ts) FILTER (WHERE kind = 'stopped')) AS ended
    FROM events GROUP BY code
), placed AS (
    SELECT channel, received < TIMESTAMPTZ '{sys.argv[2]} 00:00:00+07:00' AS carried,
           ended IS NOT NULL AND ended < TIMESTAMPTZ '{sys.argv[3]} 00:00:00+07:00' AS resolved
    FROM clocks
    WHERE received IS NOT NULL
      AND received < TIMESTAMPTZ '{sys.argv[3]} 00:00:00+07:00'
      AND (ended IS NULL OR ended >= TIMESTAMPTZ '{sys.argv[2]} 00:00:00+07:00')
)
SELECT count(*),
       count(*) FILTER (WHERE NOT carried AND channel = 2),
       count(*) FILTER (WHERE NOT carried AND channel <> 2),
       count(*) FILTER (WHERE carried),
       count(*) FILTER (WHERE resolved),
       count(*) FILTER (WHERE NOT resolved)
FROM placed
''', [sys.argv[1]]).fetchone()
elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
names = ["received_total", "received_online", "received_in_person_or_postal",
         "carried_over", "resolved_total", "pending_total"]
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": elapsed, "cpu": cpu, "rss_kb": rss,
                  "total": dict(zip(names, row))}))
"""

_FALLBACK = """
import json, sys
from motcua.analyses.bieu06 import Bieu06
from motcua.analyses.periods import parse_period
from motcua.serialization.decoding import decode_json
from motcua.serialization.fast_json import decode_plain
from motcua.serialization.kernel import Kernel
from motcua.serialization.scan import scan_record
std = Kernel(Bieu06(parse_period("2024")))
typed = Kernel(Bieu06(parse_period("2024")), typed=True)
records = kernel_std = kernel_typed = deferred = strict_decoded = 0
for line in open(sys.argv[1], encoding="utf-8"):
    records += 1
    kernel_std += std.take(line) is None
    kernel_typed += typed.take_typed(line) is None
    data = decode_json(line, "bench")
    deferred += scan_record(data) is None
    strict_decoded += decode_plain(line) is None
print(json.dumps({"records": records,
                  "kernel_standard_library_share": kernel_std / records,
                  "kernel_typed_decoder_share": kernel_typed / records,
                  "full_reader_share": deferred / records,
                  "strict_decoder_share": strict_decoded / records}))
"""

#: The timed report (annual, Decree 09 window 15/12/2023-14/12/2024) and, for the
#: agreement check only, a quarter that has dossiers carried over into it.
PERIODS = {"2024": ("2023-12-15", "2024-12-15"), "2024-Q2": ("2024-03-15", "2024-06-15")}
TIMED = "2024"
RUNS = {
    "json.loads floor": (_JSON, ()),
    "motcua, standard library": (_MOTCUA, ("1", "std", TIMED)),
    "motcua, fast extra": (_MOTCUA, ("1", "fast", TIMED)),
    "motcua, fast extra, --jobs 2": (_MOTCUA, ("2", "fast", TIMED)),
    "duckdb (1 thread)": (_DUCKDB, PERIODS[TIMED]),
}


def _run(code: str, path: Path, *args: str) -> dict[str, object]:
    out = subprocess.run(
        [sys.executable, "-c", code, str(path), *args], capture_output=True, text=True, check=True
    ).stdout
    result: dict[str, object] = json.loads(out)
    return result


def _spread(values: list[float]) -> dict[str, float]:
    return {
        "median": round(statistics.median(values), 3),
        "min": round(min(values), 3),
        "max": round(max(values), 3),
    }


def _generate(size: int, path: Path) -> None:
    t0 = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            str(HERE / "generate_dossiers.py"),
            *("--count", str(size), "--odd", "0.05", "--out", str(path)),
        ],
        check=True,
        capture_output=True,
    )
    print(f"generated {size:,} dossiers in {time.perf_counter() - t0:.0f} s", file=sys.stderr)


def bench(size: int, path: Path, rounds: int) -> dict[str, object]:
    """Agreement, fall-back shares and interleaved rounds over one file."""
    agreement = {}
    for spec, bounds in PERIODS.items():
        same = _run(_AGREE, path, spec)
        if not same["identical"]:
            sys.exit(f"the report paths disagree on {path} {spec}: {same['paths']}")
        mine = _run(_MOTCUA, path, "1", "fast", spec)["total"]
        theirs = _run(_DUCKDB, path, *bounds)["total"]
        assert isinstance(mine, dict)
        assert isinstance(theirs, dict)
        disagree = {k: (mine[k], theirs[k]) for k in COMPARED if mine[k] != theirs[k]}
        if disagree:
            sys.exit(f"motcua and DuckDB disagree on {path} {spec} (motcua, duckdb): {disagree}")
        agreement[spec] = mine
    fallback = _run(_FALLBACK, path)
    names = list(RUNS)
    series: dict[str, dict[str, list[float]]] = {
        what: {name: [] for name in names}
        for what in ("wall", "cpu", "cpu_to_json_loads", "wall_to_duckdb", "rss", "jobs")
    }
    loads = []
    for _ in range(rounds):
        loads.append(os.getloadavg()[0])
        measured = {name: _run(code, path, *args) for name, (code, args) in RUNS.items()}
        floor = float(measured["json.loads floor"]["cpu"])  # type: ignore[arg-type]
        anchor = float(measured["duckdb (1 thread)"]["seconds"])  # type: ignore[arg-type]
        for name, result in measured.items():
            seconds = float(result["seconds"])  # type: ignore[arg-type]
            cpu = float(result["cpu"])  # type: ignore[arg-type]
            series["wall"][name].append(seconds * 1e6 / size)
            series["cpu"][name].append(cpu * 1e6 / size)
            series["cpu_to_json_loads"][name].append(cpu / floor)
            series["wall_to_duckdb"][name].append(seconds / anchor)
            series["rss"][name].append(float(result["rss_kb"]) / 1024)  # type: ignore[arg-type]
        one = float(measured["motcua, fast extra"]["seconds"])  # type: ignore[arg-type]
        two = float(measured["motcua, fast extra, --jobs 2"]["seconds"])  # type: ignore[arg-type]
        series["jobs"]["speedup"] = [*series["jobs"].get("speedup", []), one / two]
        # The CPU of both parts (and the parent) against one job's, same round.
        cpu_one = float(measured["motcua, fast extra"]["cpu"])  # type: ignore[arg-type]
        cpu_two = float(measured["motcua, fast extra, --jobs 2"]["cpu"])  # type: ignore[arg-type]
        series["jobs"]["cpu"] = [*series["jobs"].get("cpu", []), cpu_two / cpu_one]
    return {
        "dossiers": size,
        "rounds": rounds,
        "cpus": os.cpu_count(),
        "load_average": os.getloadavg(),
        "load_average_1min_at_each_round": [round(x, 2) for x in loads],
        "agreed_with_duckdb": list(COMPARED),
        "motcua_totals": agreement,
        "fallback": fallback,
        "us_per_dossier_wall": {name: _spread(v) for name, v in series["wall"].items()},
        "us_per_dossier_cpu": {name: _spread(v) for name, v in series["cpu"].items()},
        "cpu_ratio_to_json_loads": {
            name: _spread(v) for name, v in series["cpu_to_json_loads"].items()
        },
        "wall_ratio_to_duckdb": {name: _spread(v) for name, v in series["wall_to_duckdb"].items()},
        "peak_rss_mb": {name: _spread(v) for name, v in series["rss"].items()},
        "speedup_jobs_2": _spread(series["jobs"]["speedup"]),
        "cpu_jobs_2_to_one_job": _spread(series["jobs"]["cpu"]),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200_000, 1_000_000])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--dir", type=Path, default=Path("/tmp"))
    args = parser.parse_args()
    rows = []
    for size in args.sizes:
        path = args.dir / f"motcua-bench-odd-{size}.jsonl"
        if not path.exists():
            _generate(size, path)
        rows.append(bench(size, path, args.rounds))
        print(json.dumps(rows[-1]), file=sys.stderr)
    print(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()
