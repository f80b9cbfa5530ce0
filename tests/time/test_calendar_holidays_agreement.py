"""Agreement with the ``holidays`` package, and every place where motcua differs.

motcua ships a snapshot of ``holidays``' VN statutory holidays and keeps its own table of
announcements. These tests pin the snapshot to the installed release and list each day on
which motcua's calendar differs from ``holidays``' working-day answer, with the reason.
"""

from __future__ import annotations

import sys
from datetime import date, timedelta
from importlib.metadata import version

import holidays
import pytest

from motcua import vietnam_calendar
from motcua.time import _vn_statutory as snapshot
from motcua.time.calendar import package_swaps, statutory_holidays_from_package

CAL = vietnam_calendar()

#: Each day where motcua and holidays 0.109 disagree on "is a working day", and why.
KNOWN_DIFFERENCES = {
    date(2013, 1, 5): "MOLISA's 2013 schedule made Saturday 05/01/2013 a working day (for "
    "Monday 31/12/2012); holidays 0.109 lacks this swap",
    date(2013, 2, 23): "MOLISA's 2013 schedule made Saturday 23/02/2013 a working day (for "
    "Friday 15/02/2013); holidays 0.109 lacks this swap",
    date(2014, 1, 25): "the 2014 Tết schedule made Saturday 25/01/2014 a working day; holidays "
    "0.109 lacks this swap",
    date(2014, 1, 28): "the 2014 Tết schedule swapped Tuesday 28/01/2014 off",
    date(2014, 2, 5): "the 2014 Tết break ran to Wednesday 05/02/2014 (compensatory day for "
    "the Sunday of Tết); holidays 0.109 moves that day to 29/01",
    date(2014, 2, 8): "the 2014 Tết schedule made Saturday 08/02/2014 a working day",
    date(2026, 1, 2): "12729/VPCP-KGVX (25/12/2025) swapped Friday 02/01/2026 off; "
    "holidays 0.109 lacks this swap",
    date(2026, 1, 10): "12729/VPCP-KGVX (25/12/2025) made Saturday 10/01/2026 a working day; "
    "holidays 0.109 lacks this swap",
}


@pytest.mark.skipif(
    sys.version_info < (3, 11) and version("holidays") != snapshot.HOLIDAYS_RELEASE,
    reason=f"the snapshot is of holidays {snapshot.HOLIDAYS_RELEASE}, which needs Python 3.11+",
)
def test_snapshot_matches_installed_holidays() -> None:
    release, rows = statutory_holidays_from_package(
        range(snapshot.FIRST_YEAR, snapshot.LAST_YEAR + 1)
    )
    assert release == snapshot.HOLIDAYS_RELEASE, "regenerate: tools/generate_statutory_snapshot.py"
    assert [(d.isoformat(), vi, en) for d, vi, en in rows] == list(snapshot.STATUTORY)


def test_working_days_agree_except_known_differences() -> None:
    vn = holidays.country_holidays("VN", years=range(2013, 2030))
    differences = {}
    day = date(2013, 1, 1)
    while day.year < 2030:
        if CAL.is_working_day(day) != vn.is_working_day(day):
            differences[day] = KNOWN_DIFFERENCES.get(day, "UNEXPLAINED")
        day += timedelta(days=1)
    assert differences == KNOWN_DIFFERENCES


def test_swap_tables_differ_only_where_listed() -> None:
    pkg_off, pkg_work = package_swaps()
    ours_off = {
        n.day for n in CAL.days_off if any("VPCP" in s or "swap" in s.lower() for s in n.sources)
    }
    ours_work = {n.day for n in CAL.make_up_days if n.day.year <= 2026}
    assert pkg_work - ours_work == set()
    assert ours_work - pkg_work == {
        date(2013, 1, 5),
        date(2013, 2, 23),
        date(2014, 1, 25),
        date(2014, 2, 8),
        date(2026, 1, 10),
    }
    assert pkg_off <= {n.day for n in CAL.days_off}
    assert date(2026, 1, 2) in ours_off - pkg_off


@pytest.mark.parametrize("year", range(2013, 2027))
def test_statutory_days_off_agree_with_holidays(year: int) -> None:
    vn = holidays.country_holidays("VN", years=year)
    theirs = {d for d in vn if d.weekday() < 5}
    ours = {n.day for n in CAL.year_schedule(year).days_off}
    assert theirs - ours == set()
    assert ours - theirs <= set(KNOWN_DIFFERENCES)
