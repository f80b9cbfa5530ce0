"""Benchmark motcua's vectorised add and count against numpy's own busday_offset/busday_count.

Both sides run on the same random days and steps (one million of each, inside the national
calendar 2013-2099) with the same calendar: numpy with motcua's busdaycalendar export.
Agreement is checked first; then the rounds are interleaved (motcua, numpy, motcua, ...)
and the medians compared. The target (issue 16, ADR 0021): motcua at no less than half of
numpy's speed, i.e. a ratio numpy/motcua of 0.5 or more. Run: ``pip install -e
'.[numpy]'`` then ``python benchmarks/bench_numpy.py``.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

import numpy as np

import motcua
from motcua.time.numpy_days import WorkingDayArrays, busdaycalendar

SIZE = 1_000_000
ROUNDS = 9


def _median_pair(ours: Callable[[], object], theirs: Callable[[], object]) -> tuple[float, float]:
    a: list[float] = []
    b: list[float] = []
    for _ in range(ROUNDS):
        t = time.perf_counter()
        ours()
        a.append(time.perf_counter() - t)
        t = time.perf_counter()
        theirs()
        b.append(time.perf_counter() - t)
    return statistics.median(a), statistics.median(b)


def main() -> None:
    cal = motcua.vietnam_calendar()
    arrays = WorkingDayArrays(cal)
    busdays = busdaycalendar(cal)
    rng = np.random.default_rng(16)
    lo = np.datetime64("2013-03-01").astype(np.int64)
    hi = np.datetime64("2099-10-01").astype(np.int64)
    days = rng.integers(lo, hi, SIZE).astype("datetime64[D]")
    steps = rng.integers(1, 60, SIZE)  # n > 0: numpy's roll="backward" is motcua's meaning
    ends = days + rng.integers(0, 90, SIZE)

    # Agreement first.
    assert (
        arrays.add_working_days(days, steps)
        == np.busday_offset(days, steps, roll="backward", busdaycal=busdays)
    ).all()
    assert (
        arrays.working_days_between(days, ends)
        == np.busday_count(days + 1, ends + 1, busdaycal=busdays)
    ).all()

    print(f"{SIZE:,} elements, {ROUNDS} interleaved rounds, medians; ratio = numpy / motcua")
    for name, ours, theirs in (
        (
            "add (busday_offset)",
            lambda: arrays.add_working_days(days, steps),
            lambda: np.busday_offset(days, steps, roll="backward", busdaycal=busdays),
        ),
        (
            "count (busday_count)",
            lambda: arrays.working_days_between(days, ends),
            lambda: np.busday_count(days + 1, ends + 1, busdaycal=busdays),
        ),
        (
            "is working day (is_busday)",
            lambda: arrays.is_working_day(days),
            lambda: np.is_busday(days, busdaycal=busdays),
        ),
    ):
        a, b = _median_pair(ours, theirs)
        verdict = "ok" if b / a >= 0.5 else "BELOW TARGET"
        print(
            f"{name:<28} motcua {a / SIZE * 1e9:7.1f} ns/elem   numpy {b / SIZE * 1e9:7.1f}"
            f" ns/elem   ratio {b / a:5.2f}  ({verdict}: target >= 0.5)"
        )


if __name__ == "__main__":
    main()
