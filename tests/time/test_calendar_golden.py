"""Golden tables, one per year from 2013: every weekday off and every make-up working day.

Each year's row cites where its days were read (the announcement, or the Labour Code article
for a statutory day); ``motcua.ANNOUNCEMENTS`` carries the same sources with their confidence.
"""

from __future__ import annotations

from datetime import date

import pytest

from motcua import ANNOUNCEMENTS, OutsideCalendarError, vietnam_calendar
from motcua.foundation.confidence import Confidence
from motcua.time.announcements import Announcement

CAL = vietnam_calendar()

#: year: (weekdays off "dd/mm", make-up working days "dd/mm", sources)
GOLDEN: dict[int, tuple[str, str, str]] = {
    2013: (
        "01/01 11/02 12/02 13/02 14/02 15/02 19/04 29/04 30/04 01/05 02/09",
        "05/01 23/02 04/05",
        (
            "9570/VPCP-KGVX (23/11/2012): 31/12/2012 off for 05/01, 15/02 off for 23/02, "
            "29/04 off for 04/05 (Tết 09/02-17/02, baothainguyen.vn 28/12/2012); Labour Code "
            "1994 Art. 73 (to 30/04) and Labour Code 2012 Art. 115 (from 01/05)"
        ),
    ),
    2014: (
        "01/01 28/01 29/01 30/01 31/01 03/02 04/02 05/02 09/04 30/04 01/05 02/05 01/09 02/09",
        "25/01 08/02 26/04 06/09 27/12",
        (
            "10525/VPCP-KGVX (12/12/2013): Tết 28/01-05/02, 25/01 and 08/02 worked, 02/05 off "
            "for 26/04, 01/09 off for 06/09; 27/12 worked for 02/01/2015 (2015 schedule)"
        ),
    ),
    2015: (
        "01/01 02/01 16/02 17/02 18/02 19/02 20/02 23/02 28/04 29/04 30/04 01/05 02/09",
        "14/02 25/04",
        (
            "MOLISA's 2015 schedule, instrument number not found (xahoi.com.vn, baomoi.com): "
            "02/01 off, Tết 16/02-23/02 with 14/02 worked, 29/04 off for 25/04"
        ),
    ),
    2016: (
        "01/01 08/02 09/02 10/02 11/02 12/02 18/04 02/05 03/05 02/09",
        "",
        (
            "4659/TB-LĐTBXH (13/11/2015): Tết 06/02-14/02, no swap; Labour Code 2012 Art. 115(3) "
            "compensatory 18/04, 02/05, 03/05"
        ),
    ),
    2017: (
        "02/01 26/01 27/01 30/01 31/01 01/02 06/04 01/05 02/05 04/09",
        "",
        (
            "9794/VPCP-KGVX (14/11/2016): Tết 26/01-01/02, no swap; compensatory 02/01, 02/05, "
            "04/09 (Labour Code 2012 Art. 115(3); vietnammoi.vn, e.vnexpress.net)"
        ),
    ),
    2018: (
        "01/01 14/02 15/02 16/02 19/02 20/02 25/04 30/04 01/05 03/09 31/12",
        "",
        (
            "573/TB-VPCP (14/12/2017): Tết 14/02-20/02, 03/09 compensatory; 6519/VPCP-KGVX "
            "(11/07/2018): 31/12 off"
        ),
    ),
    2019: (
        "01/01 04/02 05/02 06/02 07/02 08/02 15/04 29/04 30/04 01/05 02/09",
        "05/01 04/05",
        "6519/VPCP-KGVX (11/07/2018)",
    ),
    2020: (
        "01/01 23/01 24/01 27/01 28/01 29/01 02/04 30/04 01/05 02/09",
        "",
        "9087/VPCP-KGVX (07/10/2019): Tết 23/01-29/01; Labour Code 2012 Art. 115",
    ),
    2021: (
        "01/01 10/02 11/02 12/02 15/02 16/02 21/04 30/04 03/05 02/09 03/09",
        "",
        (
            "9895/VPCP-KGVX (26/11/2020): Tết 10/02-16/02, National Day 02/09-05/09; Labour "
            "Code 2019 Art. 112"
        ),
    ),
    2022: (
        "03/01 31/01 01/02 02/02 03/02 04/02 11/04 02/05 03/05 01/09 02/09",
        "",
        "245/VPCP-KGVX (11/01/2022): Tết 31/01-04/02, National Day 01/09-02/09",
    ),
    2023: (
        "02/01 20/01 23/01 24/01 25/01 26/01 01/05 02/05 03/05 01/09 04/09",
        "",
        "8056/VPCP-KGVX (01/12/2022): Tết 20/01-26/01, National Day 01/09-04/09",
    ),
    2024: (
        "01/01 08/02 09/02 12/02 13/02 14/02 18/04 29/04 30/04 01/05 02/09 03/09",
        "04/05",
        "8662/VPCP-KGVX (03/11/2023); 2450/VPCP-KGVX (12/04/2024)",
    ),
    2025: (
        "01/01 27/01 28/01 29/01 30/01 31/01 07/04 30/04 01/05 02/05 01/09 02/09",
        "26/04",
        "8726/VPCP-KGVX (26/11/2024)",
    ),
    2026: (
        "01/01 02/01 16/02 17/02 18/02 19/02 20/02 27/04 30/04 01/05 31/08 01/09 02/09 24/11",
        "10/01 22/08",
        (
            "12729/VPCP-KGVX (25/12/2025): 02/01 off for 10/01; 9859/VPCP-KGVX (13/10/2025): "
            "Tết 14/02-22/02, 31/08 off for 22/08; Resolution 28/2026/QH16"
        ),
    ),
}


#: Every row of the announcements table, in order: (instrument, issued "dd/mm/yyyy"), with
#: where its number was read. "" where no source gave the number.
INSTRUMENTS: tuple[tuple[str, str], ...] = (
    ("9570/VPCP-KGVX", "23/11/2012"),  # text: eballsviet.com
    ("10525/VPCP-KGVX", "12/12/2013"),  # text: thuvienphapluat.vn, english.luatvietnam.vn
    ("", ""),  # 2015: not found (MOLISA's proposal 89/TTr-LĐTBXH of 20/11/2014 only)
    ("4659/TB-LĐTBXH", "13/11/2015"),  # ngaynay.vn, daidoanket.vn
    ("9794/VPCP-KGVX", "14/11/2016"),  # tintuc.thuvienphapluat.com
    ("573/TB-VPCP", "14/12/2017"),  # text: luatminhkhue.vn, vanbanphapluat.co
    ("6519/VPCP-KGVX", "11/07/2018"),  # text: thuvienphapluat.vn
    ("9087/VPCP-KGVX", "07/10/2019"),  # text: vbpl.ts24.com.vn
    ("9895/VPCP-KGVX", "26/11/2020"),  # text: thuvienphapluat.vn
    ("245/VPCP-KGVX", "11/01/2022"),  # text: english.luatvietnam.vn
    ("8056/VPCP-KGVX", "01/12/2022"),  # quoted: truyenhinhnghean.vn
    ("8662/VPCP-KGVX", "03/11/2023"),  # vietnam.vn
    ("2450/VPCP-KGVX", "12/04/2024"),  # baotintuc.vn, baophapluat.vn
    ("8726/VPCP-KGVX", "26/11/2024"),  # pld.net.vn
    ("12729/VPCP-KGVX", "25/12/2025"),  # baohiemxahoi.gov.vn
    ("9859/VPCP-KGVX", "13/10/2025"),  # phapluatmedia.vn
)


def test_every_row_names_the_instrument_found() -> None:
    got = tuple(
        (a.instrument, f"{a.issued:%d/%m/%Y}" if a.issued is not None else "")
        for a in ANNOUNCEMENTS
    )
    assert got == INSTRUMENTS


def test_one_row_per_instrument() -> None:
    numbers = [a.instrument for a in ANNOUNCEMENTS if a.instrument]
    assert len(numbers) == len(set(numbers))


@pytest.mark.parametrize("ann", ANNOUNCEMENTS, ids=lambda a: a.instrument or a.subject)
def test_a_row_without_its_number_says_so(ann: Announcement) -> None:
    if ann.instrument:
        assert ann.issued is not None
    else:
        assert "Instrument number not found" in ann.note
        assert ann.confidence is not Confidence.CONFIRMED
        assert "not confirmed" in ann.citation


@pytest.mark.parametrize("year", sorted(GOLDEN))
def test_each_year_cites_the_instruments_that_change_it(year: int) -> None:
    source = GOLDEN[year][2]
    for ann in ANNOUNCEMENTS:
        if ann.instrument and any(c.day.year == year for c in ann.changes):
            assert ann.instrument in source, (year, ann.instrument)


def _days(year: int, text: str) -> list[date]:
    return [date(year, int(t[3:]), int(t[:2])) for t in text.split()]


@pytest.mark.parametrize("year", sorted(GOLDEN))
def test_year_matches_its_golden_table(year: int) -> None:
    off, work, source = GOLDEN[year]
    schedule = CAL.year_schedule(year)
    assert source
    assert [n.day for n in schedule.days_off] == _days(year, off)
    assert [n.day for n in schedule.make_up_days] == _days(year, work)
    assert not schedule.provisional


@pytest.mark.parametrize(
    ("day", "basis"),
    [
        ("2013-01-01", "Labour Code 1994 Art. 73"),
        ("2013-04-19", "Labour Code 1994 Art. 73"),
        ("2013-05-01", "Labour Code 2012 Art. 115"),
        ("2020-09-02", "Labour Code 2012 Art. 115"),
        ("2021-01-01", "Labour Code 2019 Art. 112"),
        ("2026-11-24", "Resolution 28/2026/QH16"),
    ],
)
def test_statutory_days_cite_the_code_in_force(day: str, basis: str) -> None:
    named = CAL.named_day(date.fromisoformat(day))
    assert named is not None
    assert basis in named.sources[0]
    assert "80-NQ/TW" not in " ".join(named.sources)


def test_a_swapped_weekday_is_cited_as_the_swap_not_as_a_holiday() -> None:
    named = CAL.named_day(date(2013, 2, 15))
    assert named is not None
    assert named.category.value == "announced_day_off"
    assert "23/02/2013" in named.name_vi
    assert not any("Labour Code" in s for s in named.sources)


def test_the_calendar_starts_on_01_01_2013() -> None:
    assert CAL.first_year == 2013
    assert CAL.add_working_days(date(2017, 12, 20), 5) == date(2017, 12, 27)
    with pytest.raises(OutsideCalendarError, match=r"2012-12-31 is outside .*2013-2099"):
        CAL.is_working_day(date(2012, 12, 31))
