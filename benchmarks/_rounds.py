"""Interleaved timing rounds shared by the calendar, due-instant and cold-start benchmarks.

Every implementation of one task is timed once per round, in an order that rotates from
round to round, so that a burst of load on the shared machine falls on all of them alike.
Each round gives one time per implementation and one ratio to the anchor *of that round*;
the report is the median over the rounds with the minimum and maximum, for both.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Mapping, Sequence

import attrs


@attrs.frozen
class Result:
    """Times (seconds per item) and ratios to the anchor, one value per round."""

    name: str
    times: tuple[float, ...]
    ratios: tuple[float, ...]


def fmt(seconds: float) -> str:
    """A time per item, in ns, µs or ms."""
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.2f} ms"
    if seconds >= 1e-6:
        return f"{seconds * 1e6:.2f} µs"
    return f"{seconds * 1e9:.0f} ns"


def spread(values: Sequence[float], show: Callable[[float], str]) -> str:
    """``median (min-max)`` of *values*."""
    return f"{show(statistics.median(values))} ({show(min(values))}-{show(max(values))})"


def interleaved(
    tasks: Mapping[str, Callable[[], object]],
    anchor: str,
    items: int,
    rounds: int,
    passes: Mapping[str, int] | None = None,
) -> list[Result]:
    """Time each task once per round (rotating order); per item, and as a ratio to *anchor*.

    A task runs ``passes[name]`` times in a row within its round (default 1); the round's
    figure is the fastest of those passes, so that a burst of load from the other processes
    on the machine does not decide a round.
    """
    names = list(tasks)
    times: dict[str, list[float]] = {n: [] for n in names}
    for r in range(rounds):
        order = names[r % len(names) :] + names[: r % len(names)]
        for name in order:
            task, k = tasks[name], (passes or {}).get(name, 1)
            best = float("inf")
            for _ in range(k):
                start = time.perf_counter()
                task()
                best = min(best, time.perf_counter() - start)
            times[name].append(best / items)
    base = times[anchor]
    return [
        Result(n, tuple(times[n]), tuple(t / a for t, a in zip(times[n], base, strict=True)))
        for n in names
    ]


def show(title: str, results: Sequence[Result], anchor: str) -> None:
    """Print one block: each implementation's time and its ratio to *anchor*."""
    print(f"\n{title}  (ratio = time / {anchor} time, same round)")
    for res in results:
        ratio = "" if res.name == anchor else "  ratio " + spread(res.ratios, lambda x: f"{x:.2f}")
        print(f"  {res.name:<34} {spread(res.times, fmt)}{ratio}")
