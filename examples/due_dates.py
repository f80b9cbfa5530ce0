"""Compute due instants for a few dossiers, as a portal would print on the receipt slip.

Run: ``python examples/due_dates.py``.
"""

from __future__ import annotations

from datetime import datetime, time

import motcua


def main() -> None:
    """Print the appointment (ngày hẹn trả) for several receipts and time limits."""
    cases: list[tuple[datetime, motcua.TimeLimit, motcua.CountingRule | None]] = [
        (datetime(2024, 4, 26, 9, 0), motcua.WorkingDays(5), None),
        (datetime(2024, 4, 26, 9, 0), motcua.WorkingDays(5), motcua.CountingRule.WHOLE_DAYS),
        (datetime(2024, 5, 3, 15, 30), motcua.SameDay(cutoff=time(15, 0)), None),
        (datetime(2025, 12, 31, 16, 0), motcua.WorkingHours(8), None),
        (datetime(2026, 12, 29, 10, 0), motcua.WorkingDays(3), None),
    ]
    for received, limit, rule in cases:
        due = motcua.compute_due(received, limit, rule=rule)
        note = " (provisional)" if due.provisional else ""
        # The Civil Code rules end at 24:00 of the last day (Art. 148(6)); a receipt slip may
        # print the office's close that day instead (WorkSchedule.appointment, a policy).
        end = (
            f"24:00 {due.last_day:%d/%m/%Y}"
            if due.ends_at_midnight
            else f"{due.at:%H:%M %d/%m/%Y}"
        )
        print(f"received {received:%d/%m/%Y %H:%M}, {limit}, {due.rule.value}: due {end}{note}")
    # The appointment moves on by the office time the applicant spent supplementing.
    pause = motcua.Pause(datetime(2024, 5, 6, 14, 0), datetime(2024, 5, 7, 10, 0))
    paused = motcua.compute_due(datetime(2024, 5, 6, 9, 0), motcua.WorkingDays(2), pauses=[pause])
    print(f"with a supplement pause: due {paused.at:%H:%M %d/%m/%Y}")


if __name__ == "__main__":
    main()
