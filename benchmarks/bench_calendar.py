"""Benchmark motcua's working calendar against a plain-Python O(1) table, holidays and numpy.

Inputs: 2,000 random days over 2018-2098 (seeded), each with a random count of working
days in -30..60 (zero and negative included) for ``add``, and a random end 1-400 days
later for ``count``. Timed, in interleaved rounds, per query:

* motcua's ``add_working_days``, ``working_days_between`` and ``is_working_day``;
* the floor: the same O(1) tables as plain module-level tuples and lists, read by a
  function without any checking;
* ``holidays`` (VN) given motcua's days off and make-up days, with its semantics matched
  (its count includes both ends, so it is asked for (start, end] as [start + 1, end]).

Before timing, each implementation is compared with motcua on every input; one that
disagrees on any input is left out of the timings (the count is printed). numpy's
``busday_offset``/``busday_count`` are matched too: roll backward for n > 0, forward
otherwise; the count over [start + 1, end + 1); and since a weekmask cannot hold a worked
Saturday, its ``busdaycalendar`` opens every day of the week and lists every day that is not
a working day as a holiday. pandas' ``CustomBusinessDay`` (the same weekmask and
holidays would make it agree) is not timed here.

Figures are per query, medians over the rounds with their min-max, and ratios to the floor
in the same round. Run: ``pip install -e '.[bench]'`` then
``python benchmarks/bench_calendar.py [--rounds N]``.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Callable
from datetime import date, timedelta
from importlib.metadata import version
from typing import Any

import holidays
import numpy as np
from _rounds import interleaved, show

import motcua

FLOOR = "floor (plain O(1) tables)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--inputs", type=int, default=2_000)
    args = parser.parse_args()

    cal = motcua.vietnam_calendar()
    floor_is, floor_add, floor_count = floor_for(cal)
    vn = holidays.country_holidays("VN", years=range(cal.first_year, cal.last_year + 1))
    vn.clear()  # motcua's days off and make-up days, nothing else
    vn.update({n.day: n.name_en for n in cal.days_off})
    vn.weekend_workdays = {n.day for n in cal.make_up_days}
    # Every day of the week open, every day that is not a working day a holiday: the only
    # way a busdaycalendar holds make-up Saturdays.
    first = date(cal.first_year, 1, 1)
    closed = [
        first + timedelta(days=i)
        for i in range((date(cal.last_year, 12, 31) - first).days + 1)
        if not cal.is_working_day(first + timedelta(days=i))
    ]
    npcal = np.busdaycalendar(weekmask="1111111", holidays=np.array(closed, dtype="datetime64[D]"))
    run(cal, floor_is, floor_add, floor_count, vn, npcal, args.inputs, args.rounds)


def floor_for(
    cal: motcua.WorkingCalendar,
) -> tuple[Callable[[date], bool], Callable[[date, int], date], Callable[[date, date], int]]:
    """The floor: motcua's tables as plain tuples and lists, read without any checking."""
    base = date(cal.first_year, 1, 1).toordinal()
    ndays = date(cal.last_year, 12, 31).toordinal() - base + 1
    flags = tuple(d.weekday() < 5 for d in (date.fromordinal(base + i) for i in range(ndays)))
    flags_l = list(flags)
    for n in cal.days_off:
        flags_l[n.day.toordinal() - base] = False
    for n in cal.make_up_days:
        flags_l[n.day.toordinal() - base] = True
    flags = tuple(flags_l)
    cum, count = [], 0
    for f in flags:
        count += f
        cum.append(count)  # working days in [first day, day i]
    workdays = tuple(date.fromordinal(base + i) for i in range(ndays) if flags[i])

    def floor_is(d: date) -> bool:
        return flags[d.toordinal() - base]

    def floor_add(d: date, n: int) -> date:
        i = d.toordinal() - base
        return workdays[cum[i] + n - 1] if n > 0 else workdays[cum[i] - flags[i] + n]

    def floor_count(a: date, b: date) -> int:
        return cum[b.toordinal() - base] - cum[a.toordinal() - base]

    return floor_is, floor_add, floor_count


def run(
    cal: motcua.WorkingCalendar,
    floor_is: Callable[[date], bool],
    floor_add: Callable[[date, int], date],
    floor_count: Callable[[date, date], int],
    vn: holidays.HolidayBase,
    npcal: np.busdaycalendar,
    inputs: int,
    rounds: int,
) -> None:
    """Check every implementation against motcua, then time those that agree."""
    rnd = random.Random(14)
    lo, hi = date(2018, 1, 1).toordinal(), date(2098, 12, 31).toordinal()
    days = [date.fromordinal(rnd.randint(lo, hi)) for _ in range(inputs)]
    counts = [rnd.randint(-30, 60) for _ in days]
    ends = [d + timedelta(days=rnd.randint(1, 400)) for d in days]
    one = timedelta(days=1)
    add_pairs = list(zip(days, counts, strict=True))
    count_pairs = list(zip(days, ends, strict=True))

    add, between, is_wd = cal.add_working_days, cal.working_days_between, cal.is_working_day
    checks: dict[str, tuple[list[Any], dict[str, list[Any]]]] = {
        "add": (
            [add(d, n) for d, n in add_pairs],
            {
                FLOOR: [floor_add(d, n) for d, n in add_pairs],
                "holidays": [vn.get_nth_working_day(d, n) for d, n in add_pairs],
                "numpy": [
                    np.busday_offset(
                        d, n, roll="backward" if n > 0 else "forward", busdaycal=npcal
                    ).astype(date)
                    for d, n in add_pairs
                ],
            },
        ),
        "count": (
            [between(a, b) for a, b in count_pairs],
            {
                FLOOR: [floor_count(a, b) for a, b in count_pairs],
                "holidays": [vn.get_working_days_count(a + one, b) for a, b in count_pairs],
                "numpy": [
                    int(np.busday_count(a + one, b + one, busdaycal=npcal)) for a, b in count_pairs
                ],
            },
        ),
        "is working day": (
            [is_wd(d) for d in days],
            {
                FLOOR: [floor_is(d) for d in days],
                "holidays": [vn.is_working_day(d) for d in days],
                "numpy": [bool(np.is_busday(d, busdaycal=npcal)) for d in days],
            },
        ),
    }
    print(
        f"motcua {motcua.__version__}, holidays {version('holidays')}, numpy {np.__version__}, "
        f"Python {sys.version.split()[0]}"
    )
    print(f"{len(days):,} random days over 2018-2098, {rounds} interleaved rounds")
    agree: dict[str, set[str]] = {}
    for query, (ours, theirs) in checks.items():
        agree[query] = set()
        for name, values in theirs.items():
            bad = sum(a != b for a, b in zip(values, ours, strict=True))
            print(f"agreement, {query}, {name}: {len(ours) - bad:,}/{len(ours):,}", end="")
            print("" if not bad else "  -> left out of the timings")
            if bad and name == FLOOR:
                raise SystemExit("the floor disagrees with motcua: fix the benchmark")
            if not bad:
                agree[query].add(name)

    tasks: dict[str, dict[str, Callable[[], object]]] = {
        "add": {
            FLOOR: lambda: [floor_add(d, n) for d, n in add_pairs],
            "motcua": lambda: [add(d, n) for d, n in add_pairs],
            "holidays": lambda: [vn.get_nth_working_day(d, n) for d, n in add_pairs],
            "numpy": lambda: [
                np.busday_offset(d, n, roll="backward" if n > 0 else "forward", busdaycal=npcal)
                for d, n in add_pairs
            ],
        },
        "count": {
            FLOOR: lambda: [floor_count(a, b) for a, b in count_pairs],
            "motcua": lambda: [between(a, b) for a, b in count_pairs],
            "holidays": lambda: [vn.get_working_days_count(a + one, b) for a, b in count_pairs],
            "numpy": lambda: [
                np.busday_count(a + one, b + one, busdaycal=npcal) for a, b in count_pairs
            ],
        },
        "is working day": {
            FLOOR: lambda: [floor_is(d) for d in days],
            "motcua": lambda: [is_wd(d) for d in days],
            "holidays": lambda: [vn.is_working_day(d) for d in days],
            "numpy": lambda: [np.is_busday(d, busdaycal=npcal) for d in days],
        },
    }
    for query, impls in tasks.items():
        chosen = {k: v for k, v in impls.items() if k in agree[query] or k == "motcua"}
        passes = {FLOOR: 10, "motcua": 10, "holidays": 2, "numpy": 2}
        results = interleaved(chosen, FLOOR, len(days), rounds, passes)
        show(query, results, FLOOR)


if __name__ == "__main__":
    main()
