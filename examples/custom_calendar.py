"""A commune desk's own calendar: a local closure, a swap announced after the release, and
its office hours (07:00-11:30, 13:30-17:00, plus a Saturday-morning reception desk).

Run: ``python examples/custom_calendar.py``.
"""

from __future__ import annotations

import json
import tempfile
from datetime import date, datetime
from pathlib import Path

import motcua

LOCAL_FILE = {
    "announcements": [
        {
            "instrument": "15/QĐ-UBND",
            "issued": "2027-02-20",
            "issuer": "UBND xã Hòa Bình",
            "subject": "Tạm dừng tiếp nhận hồ sơ để nâng cấp phần mềm",
            "source": "Quyết định 15/QĐ-UBND của UBND xã (example)",
            "scope": "local",
            "changes": [
                {
                    "day": "2027-03-05",
                    "kind": "day_off",
                    "name_vi": "Tạm dừng tiếp nhận (nâng cấp phần mềm)",
                    "name_en": "Desk closed (software upgrade)",
                }
            ],
        }
    ]
}


def main() -> None:
    """Build the desk's schedule and compare it with the national one."""
    with tempfile.TemporaryDirectory() as tmp:
        file = Path(tmp) / "local.json"
        file.write_text(json.dumps(LOCAL_FILE, ensure_ascii=False), encoding="utf-8")
        local = motcua.load_announcements(file)
    calendar = motcua.vietnam_calendar(range(2026, 2028), extra=local.announcements)
    hours = motcua.OfficeHours.parse(
        {"mon-fri": "07:00-11:30, 13:30-17:00"}, reception={"sat": "07:30-11:30"}
    )
    desk = motcua.WorkSchedule(calendar, hours)
    national = motcua.WorkSchedule(motcua.vietnam_calendar(range(2026, 2028)))
    received = datetime(2027, 3, 4, 10, 0)
    limit = motcua.WorkingDays(2)
    print("closed on 05/03/2027:", not calendar.is_working_day(date(2027, 3, 5)))
    print("desk due:    ", desk.due(received, limit))
    print("national due:", national.due(received, limit))
    named = calendar.named_day(date(2027, 3, 5))
    if named is not None:
        print("why:", named.name_vi, "/", named.name_en, "-", "; ".join(named.sources))


if __name__ == "__main__":
    main()
