"""Benchmark due instants under working time against a hand-written O(1) floor.

Receipts: 2,000 random naive instants (Vietnam time) over 2018-2098, on the minute, at any
hour (so a third fall outside office hours), seeded. Limits: 1, 5 and 15 working days and
8 working hours. Timed, in interleaved rounds:

* ``compute_due`` on each receipt (datetime in, ``Due`` out);
* ``WorkSchedule.due_instant`` on each receipt (datetime out);
* ``WorkSchedule.due_instants`` over all receipts (the bulk API, datetime out);
* the floor: a hand-written O(1) office-hours computation (08:00-12:00, 13:00-17:00) on
  plain tuples built from motcua's calendar: day ordinal -> working days before it, n-th
  working day -> its midnight. It does no checking at all.

Before timing, every implementation's output is compared with ``compute_due(...).at``
receipt by receipt; a disagreement stops the run. Figures are per receipt, as medians over
the rounds with their min-max, and as ratios to the floor in the same round.

Run: ``python benchmarks/bench_due.py [--rounds N] [--receipts N]``.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Callable
from datetime import date, datetime, timedelta

from _rounds import interleaved, show

import motcua
from motcua.foundation.vntime import VN_TZ
from motcua.time.limits import WorkingDays, WorkingHours

US = 1_000_000
H = 3600 * US
A, B, C, D = 8 * H, 12 * H, 13 * H, 17 * H  # the standard sessions [A, B) and [C, D)
MORNING, DAY = B - A, (B - A) + (D - C)


def receipts(n: int, seed: int = 14) -> list[datetime]:
    """*n* random naive instants on the minute from 2018-01-01 to 2098-12-31."""
    rnd = random.Random(seed)
    first = datetime(2018, 1, 1)
    minutes = int((datetime(2099, 1, 1) - first).total_seconds() // 60)
    return [first + timedelta(minutes=rnd.randrange(minutes)) for _ in range(n)]


def floor_for(cal: motcua.WorkingCalendar) -> Callable[[datetime, int], datetime]:
    """The O(1) floor over *cal*'s working days, standard office hours."""
    base = date(cal.first_year, 1, 1).toordinal()
    ndays = date(cal.last_year, 12, 31).toordinal() - base + 1
    flags = tuple(cal.is_working_day(date.fromordinal(base + i)) for i in range(ndays))
    before, count = [], 0
    for f in flags:
        before.append(count)
        count += f
    epoch = datetime(cal.first_year, 1, 1, tzinfo=VN_TZ)
    midnights = tuple(epoch + timedelta(i) for i in range(ndays) if flags[i])

    def due(r: datetime, duration: int) -> datetime:
        i = r.toordinal() - base
        if flags[i]:
            t = ((r.hour * 60 + r.minute) * 60 + r.second) * US + r.microsecond
            if t <= A:
                worked = 0
            elif t < B:
                worked = t - A
            elif t <= C:
                worked = MORNING
            else:
                worked = MORNING + t - C if t < D else DAY
        else:
            worked = 0
        p = before[i] * DAY + worked + duration
        w = (p - 1) // DAY
        rem = p - w * DAY  # in (0, DAY]: an end at 12:00 moves to 13:00, one at 17:00 stays
        return midnights[w] + timedelta(0, 0, A + rem if rem < MORNING else C + rem - MORNING)

    return due


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--receipts", type=int, default=2_000)
    args = parser.parse_args()

    schedule = motcua.default_schedule()
    floor = floor_for(schedule.calendar)
    rs = receipts(args.receipts)
    print(f"motcua {motcua.__version__}, Python {sys.version.split()[0]}")
    print(f"{len(rs):,} receipts over 2018-2098, {args.rounds} interleaved rounds")

    for limit in (WorkingDays(1), WorkingDays(5), WorkingDays(15), WorkingHours(8)):
        duration = int(limit.count * (DAY if isinstance(limit, WorkingDays) else H))
        expected = [motcua.compute_due(r, limit).at for r in rs]
        got = {
            "due_instant": [schedule.due_instant(r, limit) for r in rs],
            "due_instants (bulk)": schedule.due_instants(rs, limit),
            "floor (hand-written O(1))": [floor(r, duration) for r in rs],
        }
        for name, values in got.items():
            bad = sum(a != b for a, b in zip(values, expected, strict=True))
            if bad:
                raise SystemExit(f"{name} disagrees with compute_due on {bad} receipts")
        tasks = {
            "floor (hand-written O(1))": lambda: [floor(r, duration) for r in rs],
            "compute_due (Due out)": lambda: [motcua.compute_due(r, limit) for r in rs],
            "due_instant": lambda: [schedule.due_instant(r, limit) for r in rs],
            "due_instants (bulk)": lambda: schedule.due_instants(rs, limit),
        }
        results = interleaved(
            tasks, "floor (hand-written O(1))", len(rs), args.rounds, dict.fromkeys(tasks, 3)
        )
        show(f"due instant, {limit} (all agree)", results, "floor (hand-written O(1))")


if __name__ == "__main__":
    main()
