"""Benchmark motcua's calendar and deadline engine against holidays, numpy and pandas.

Every figure is printed as time per call and as a ratio to its anchor measured in the same
run (same machine, same calendar data). Run: ``pip install -e '.[bench]'`` then
``python benchmarks/bench_calendar.py``. Results are recorded in docs/performance.md.
"""

from __future__ import annotations

import operator
import os
import statistics
import subprocess
import sys
import timeit
from collections.abc import Callable
from datetime import date, datetime, timedelta
from functools import partial
from importlib.metadata import version

import holidays
import numpy as np
import pandas as pd

import motcua

REPEAT = 5


def per_call(stmt: Callable[[], object], number: int) -> float:
    """Best-of-REPEAT seconds per call of the zero-argument callable *stmt*."""
    return min(timeit.repeat(stmt, number=number, repeat=REPEAT)) / number


def fmt(seconds: float) -> str:
    if seconds >= 1e-3:
        return f"{seconds * 1e3:8.2f} ms"
    if seconds >= 1e-6:
        return f"{seconds * 1e6:8.2f} µs"
    return f"{seconds * 1e9:8.0f} ns"


def row(name: str, ours: float, anchors: dict[str, float]) -> None:
    ratios = "  ".join(f"{k} {fmt(v)} (x{v / ours:.2f})" for k, v in anchors.items())
    print(f"{name:<38} motcua {fmt(ours)}   {ratios}")


def cold_start() -> None:
    ours = (
        "import time; t=time.perf_counter(); import motcua, datetime; "
        "motcua.compute_due(datetime.datetime(2024,4,26,9), motcua.WorkingDays(5)); "
        "print(time.perf_counter()-t)"
    )
    theirs = (
        "import time; t=time.perf_counter(); import holidays, datetime; "
        "h=holidays.VN(years=2024); h.get_nth_working_day(datetime.date(2024,4,26), 5); "
        "print(time.perf_counter()-t)"
    )
    # Byte-code caches as an installed package has them: allow writing them, warm up once.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

    def run(code: str) -> float:
        def once() -> float:
            done = subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
            )
            return float(done.stdout)

        once()
        return statistics.median(once() for _ in range(7))

    a, b = run(ours), run(theirs)
    print(
        f"{'cold start: import + first due date':<38} motcua {fmt(a)}   holidays: {fmt(b)}  ratio motcua/holidays = {a / b:.2f} (target <= 0.50)"
    )


def main() -> None:
    cal = motcua.vietnam_calendar()
    years = range(cal.first_year, cal.last_year + 1)
    vn = holidays.country_holidays("VN", years=years)
    vn.update({n.day: n.name_en for n in cal.days_off})  # same days off as motcua
    off = [n.day for n in cal.days_off]
    npcal = np.busdaycalendar(weekmask="1111100", holidays=np.array(off, dtype="datetime64[D]"))
    cbd = pd.offsets.CustomBusinessDay(holidays=off)
    start = date(2024, 4, 26)
    end = date(2025, 4, 25)
    npstart = np.datetime64(start)

    print(
        f"motcua {motcua.__version__}, holidays {version('holidays')}, numpy {np.__version__}, pandas {pd.__version__}, Python {sys.version.split()[0]}"
    )
    print("(numpy and pandas cannot express make-up Saturdays; they get the same days off only)")
    print("(xN after an anchor = anchor time / motcua time: above 1, motcua is faster)\n")

    for n in (1, 5, 250):
        ours = per_call(partial(cal.add_working_days, start, n), 200_000)
        anchors = {
            "holidays": per_call(
                partial(vn.get_nth_working_day, start, n), 2_000 if n > 5 else 20_000
            ),
            "numpy": per_call(
                partial(np.busday_offset, npstart, n, roll="forward", busdaycal=npcal), 20_000
            ),
            "pandas": per_call(partial(operator.add, pd.Timestamp(start), n * cbd), 2_000),
        }
        row(f"add {n} working days", ours, anchors)

    ours = per_call(lambda: cal.working_days_between(start, end), 200_000)
    row(
        "count working days over a year",
        ours,
        {
            "holidays": per_call(lambda: vn.get_working_days_count(start, end), 1_000),
            "numpy": per_call(
                lambda: np.busday_count(npstart, np.datetime64(end), busdaycal=npcal), 20_000
            ),
        },
    )
    ours = per_call(lambda: cal.is_working_day(start), 500_000)
    row(
        "is working day",
        ours,
        {
            "holidays": per_call(lambda: vn.is_working_day(start), 100_000),
            "numpy": per_call(lambda: np.is_busday(npstart, busdaycal=npcal), 20_000),
        },
    )

    days = [date(2019, 1, 1) + timedelta(days=k % 20_000) for k in range(100_000)]
    npdays = np.array(days, dtype="datetime64[D]")
    ours = per_call(lambda: [cal.add_working_days(d, 5) for d in days], 3) / len(days)
    row(
        "add 5 over 100,000 dates (per date)",
        ours,
        {
            "numpy vectorised": per_call(
                lambda: np.busday_offset(npdays, 5, roll="forward", busdaycal=npcal), 10
            )
            / len(days),
        },
    )
    ours = per_call(lambda: [cal.is_working_day(d) for d in days], 3) / len(days)
    row(
        "is working day over 100,000 dates",
        ours,
        {
            "numpy vectorised": per_call(lambda: np.is_busday(npdays, busdaycal=npcal), 10)
            / len(days),
        },
    )

    schedule = motcua.default_schedule()
    received = datetime(2024, 4, 26, 9, 0)
    limit = motcua.WorkingDays(5)
    ours = per_call(lambda: schedule.due(received, limit), 50_000)

    def baseline() -> datetime:
        # Hand-written loop: walk office hours day by day (what portals typically write).
        left = 5 * 8 * 60
        t = received
        while True:
            if cal.is_working_day(t.date()):
                for s, e in ((8 * 60, 12 * 60), (13 * 60, 17 * 60)):
                    now = t.hour * 60 + t.minute
                    if now < e:
                        begin = max(now, s)
                        take = min(left, e - begin)
                        left -= take
                        if left == 0:
                            return t.replace(hour=0, minute=0) + timedelta(minutes=begin + take)
            t = datetime.combine(t.date() + timedelta(days=1), datetime.min.time())

    assert baseline() == schedule.due(received, limit).at.replace(tzinfo=None)
    row(
        "due instant, working time, 5 days", ours, {"hand-written loop": per_call(baseline, 5_000)}
    )
    cold_start()


if __name__ == "__main__":
    main()
