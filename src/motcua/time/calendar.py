"""The civil-service working calendar of Vietnam.

A day is a working day (ngày làm việc) when it is a Monday to Friday (Decision
188/1999/QĐ-TTg, Art. 1: five-day week, Saturday and Sunday off), is not a public holiday
(Labour Code 1994 Art. 73 as amended in 2007 until 30/04/2013; Labour Code 2012 Art. 115 from
01/05/2013 to 2020; Labour Code 2019 Art. 112, with the compensatory days of Art. 111(3), from
01/01/2021; 24/11 from 2026 under National Assembly Resolution 28/2026/QH16), and is not a day
off granted by an official announcement; a Saturday or Sunday announced as a make-up
working day (ngày làm bù) is a working day.

Public holidays come from the ``holidays`` package's VN calendar, shipped as a generated
snapshot so that ``import motcua`` does not import ``holidays`` (ADR 0003); swaps and other
announcements come from :mod:`motcua.time.announcements`. Years after the last announced
schedule are *provisional*: a heuristic, since the Prime Minister chooses the Tết days and
the second National Day day each year (Labour Code 2019 Art. 112(3)) and announces swaps;
motcua uses ``holidays``' placement and no swaps. Every query after construction is
O(1) whatever the distance in days (ordinal-indexed tables). The calendar value and its day
types live in :mod:`motcua.time.working_calendar` and are re-exported here.

This module is the only one that imports ``holidays``.

>>> cal = vietnam_calendar()
>>> cal.is_working_day(date(2024, 5, 4))   # Saturday worked for the 29/04 swap
True
>>> cal.add_working_days(date(2024, 4, 26), 5)
datetime.date(2024, 5, 7)
>>> cal.working_days_between(date(2024, 4, 26), date(2024, 5, 7))
5
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from datetime import date
from typing import Any, Final

from motcua.foundation.confidence import Confidence
from motcua.foundation.errors import InvalidInputError
from motcua.foundation.values import replace
from motcua.time.announcements import Announcement
from motcua.time.official import ANNOUNCEMENTS
from motcua.time.working_calendar import (
    DayCategory,
    NamedDay,
    WorkingCalendar,
    YearSchedule,
    apply_announcement,
    by_day,
)

__all__ = [
    "LAST_ANNOUNCED_YEAR",
    "DayCategory",
    "NamedDay",
    "WorkingCalendar",
    "YearSchedule",
    "statutory_holidays_from_package",
    "vietnam_calendar",
]

#: The last year whose schedule (Tết, swaps) motcua's announcement table covers; later
#: years are provisional.
LAST_ANNOUNCED_YEAR: Final = 2026

#: The first and last years motcua ships (the statutory snapshot's range).
FIRST_YEAR: Final = 2013
LAST_YEAR: Final = 2099

#: First year of the Vietnamese Culture Day (24/11) as a paid holiday: National Assembly
#: Resolution 28/2026/QH16, in force 01/07/2026 (``holidays`` 0.109 has the day from 2026).
CULTURE_DAY_FROM: Final = 2026

#: How well the Culture Day's legal basis was checked: the resolution's number and in-force
#: date are seen only in secondary sources (see ``docs/explanation/calendar.md``).
CULTURE_DAY_CONFIDENCE: Final = Confidence.SECONDARY

_LABOUR_CODE_1994: Final = "Labour Code 1994 Art. 73 (as amended in 2007)"
_LABOUR_CODE_2012: Final = "Labour Code 2012 Art. 115"
_LABOUR_CODE_2019: Final = "Labour Code 2019 Art. 112 (Art. 111(3) for compensatory days)"
_LABOUR_CODE_2012_FROM: Final = "2013-05-01"
_LABOUR_CODE_2019_FROM: Final = "2021-01-01"
_CULTURE_DAY: Final = (
    "National Assembly Resolution 28/2026/QH16 (in force 01/07/2026): 24/11 Ngày Văn hóa "
    "Việt Nam, a paid day off"
)


def _statutory_basis(iso: str) -> str:
    """The Labour Code article in force on the ISO date *iso*."""
    if iso < _LABOUR_CODE_2012_FROM:
        return _LABOUR_CODE_1994
    return _LABOUR_CODE_2012 if iso < _LABOUR_CODE_2019_FROM else _LABOUR_CODE_2019


def statutory_holidays_from_package(
    years: Iterable[int],
) -> tuple[str, list[tuple[date, str, str]]]:
    """Return ``holidays``' release and its VN statutory holidays for *years*.

    Rows are ``(date, Vietnamese name, English name)`` in date order, without ``holidays``'
    own swap table (motcua keeps swaps in :mod:`motcua.time.announcements`). This is the
    only place motcua imports ``holidays``; it is used to regenerate and to check the
    shipped snapshot, not on the fast path.
    """
    from importlib.metadata import version  # noqa: PLC0415 - slow import, rarely needed

    import holidays  # noqa: PLC0415 - imported on demand to keep `import motcua` fast

    year_list = list(years)
    vi = holidays.country_holidays("VN", years=year_list, language="vi")
    en = holidays.country_holidays("VN", years=year_list, language="en_US")
    swapped = _package_swaps()
    rows = [
        (d, str(vi[d]), str(en[d]))
        for d in sorted(vi)
        if d not in swapped and not str(vi[d]).startswith("Ngày nghỉ (thay cho")
    ]
    return version("holidays"), rows


def _package_swaps() -> frozenset[date]:
    """Return the days off that ``holidays`` adds from its own swap table."""
    from holidays.countries.vietnam import VietnamStaticHolidays  # noqa: PLC0415

    out: set[date] = set()
    table: dict[int, Any] = VietnamStaticHolidays.special_public_holidays
    for year, spec in table.items():
        entries = spec if isinstance(spec[0], tuple) else (spec,)
        for entry in entries:
            out.add(date(year, entry[0], entry[1]))
    return frozenset(out)


def package_swaps() -> tuple[frozenset[date], frozenset[date]]:
    """Return ``holidays``' own swapped days off and make-up working days (for tests)."""
    import holidays  # noqa: PLC0415

    vn = holidays.country_holidays("VN", years=range(FIRST_YEAR, LAST_ANNOUNCED_YEAR + 1))
    days_off = frozenset(d for d in _package_swaps() if d.year >= FIRST_YEAR)
    return days_off, frozenset(d for d in vn.weekend_workdays if d.year >= FIRST_YEAR)


@functools.lru_cache(maxsize=16)
def _vietnam_calendar(first_year: int, last_year: int, culture_day: bool) -> WorkingCalendar:
    from motcua.time import _vn_statutory as snap  # noqa: PLC0415 - data loaded on first use

    if first_year < snap.FIRST_YEAR or last_year > snap.LAST_YEAR:
        raise InvalidInputError(
            "years",
            f"a range within {snap.FIRST_YEAR}-{snap.LAST_YEAR}",
            f"range({first_year}, {last_year + 1})",
            "motcua ships public holidays for these years only",
        )
    source = f"holidays {snap.HOLIDAYS_RELEASE} (VN) + motcua announcements"
    off: dict[date, NamedDay] = {}
    lo, hi = f"{first_year}-01-01", f"{last_year}-12-31"
    for iso, vi, en in snap.STATUTORY:
        if not lo <= iso <= hi:
            continue
        day = date.fromisoformat(iso)
        if day.isoweekday() > 5:
            continue
        if not culture_day and "Văn hóa Việt Nam" in vi:
            continue
        basis = _CULTURE_DAY if "Văn hóa Việt Nam" in vi else _statutory_basis(iso)
        off[day] = NamedDay(
            day,
            DayCategory.PUBLIC_HOLIDAY,
            vi,
            en,
            (f"{basis}; computed by holidays {snap.HOLIDAYS_RELEASE}",),
            day.year > LAST_ANNOUNCED_YEAR,
        )
    work: dict[date, NamedDay] = {}
    for ann in ANNOUNCEMENTS:
        if any(first_year <= c.day.year <= last_year for c in ann.changes):
            apply_announcement(
                off,
                work,
                replace(
                    ann,
                    changes=tuple(c for c in ann.changes if first_year <= c.day.year <= last_year),
                ),
                LAST_ANNOUNCED_YEAR + 1,
            )
    return WorkingCalendar(
        first_year=first_year,
        last_year=last_year,
        provisional_from=LAST_ANNOUNCED_YEAR + 1,
        days_off=tuple(sorted(off.values(), key=by_day)),
        make_up_days=tuple(sorted(work.values(), key=by_day)),
        source=source,
    )


def vietnam_calendar(
    years: range | None = None,
    *,
    extra: Iterable[Announcement] = (),
    announced_through: int | None = None,
    culture_day: bool = True,
    place: Iterable[str] | None = None,
) -> WorkingCalendar:
    """Return Vietnam's civil-service working calendar with every announcement motcua knows.

    Args:
        years: The years to cover (default 2013-2099, all that motcua ships). A narrower
            range builds faster; dates outside it raise :class:`OutsideCalendarError`.
        extra: Your own announcements (a local closure, a swap announced after this
            release), applied after the built-in table.
        announced_through: The last year whose schedule is announced once *extra* is
            applied (default: 2026, motcua's table). Later years are provisional: their Tết
            days and second National Day day are a heuristic, not the Prime Minister's.
        culture_day: Whether 24/11 (Ngày Văn hóa Việt Nam) is a holiday from 2026
            (National Assembly Resolution 28/2026/QH16; see ``docs/explanation``).
        place: The codes of the place the calendar is for (see
            :meth:`WorkingCalendar.with_announcements`); local closures of other places are
            left out. Default: the national calendar.

    >>> cal = vietnam_calendar(range(2024, 2027))
    >>> cal.first_year, cal.last_year, cal.provisional_from
    (2024, 2026, 2027)
    """
    if years is None:
        first, last = FIRST_YEAR, LAST_YEAR
    else:
        if not isinstance(years, range) or len(years) == 0 or years.step != 1:
            raise InvalidInputError(
                "years", "a non-empty range of consecutive years, e.g. range(2024, 2031)", years
            )
        first, last = years[0], years[-1]
    cal = _vietnam_calendar(first, last, culture_day)
    extras = tuple(extra)
    if extras or announced_through is not None or place is not None:
        cal = cal.with_announcements(*extras, announced_through=announced_through, place=place)
    return cal
