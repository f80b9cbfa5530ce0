"""The official announcements motcua knows for 2013-2026, one row per instrument (data).

The types are in :mod:`motcua.time.announcements`.
"""

from __future__ import annotations

from datetime import date
from typing import Final

from motcua.foundation.confidence import Confidence
from motcua.time.announcements import Announcement, DayChange, DayKind

__all__ = ["ANNOUNCEMENTS"]


def _off(day: str, vi: str, en: str, swapped_with: str | None = None) -> DayChange:
    return DayChange(day, DayKind.DAY_OFF, vi, en, swapped_with)


def _work(day: str, vi: str, en: str, swapped_with: str | None = None) -> DayChange:
    return DayChange(day, DayKind.WORKING_DAY, vi, en, swapped_with)


def _tet(*days: str) -> tuple[DayChange, ...]:
    return tuple(_off(day, _TET_VI, _TET_EN) for day in days)


def _swap(off: str, work: str, vi: str, en: str) -> tuple[DayChange, DayChange]:
    """A weekday *off* swapped against a weekend day *work* (ISO dates), for break *vi*/*en*."""
    o, w = date.fromisoformat(off), date.fromisoformat(work)
    wd_vi = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")
    return (
        _off(
            off,
            f"{vi} (hoán đổi, làm bù {wd_vi[w.weekday()]} {w:%d/%m/%Y})",
            f"{en} (swapped with {w:%A} {w:%d/%m/%Y})",
            work,
        ),
        _work(
            work,
            f"Làm bù cho {wd_vi[o.weekday()]} {o:%d/%m/%Y}",
            f"Make-up working day for {o:%A} {o:%d/%m/%Y}",
            off,
        ),
    )


_VPCP: Final = "Văn phòng Chính phủ (truyền đạt ý kiến Thủ tướng / Phó Thủ tướng)"
_MOLISA: Final = "Bộ Lao động - Thương binh và Xã hội (theo ý kiến Thủ tướng Chính phủ)"
_TET_VI: Final = "Nghỉ Tết Âm lịch"
_TET_EN: Final = "Lunar New Year break"
_QK_VI: Final = "Nghỉ lễ Quốc khánh"
_QK_EN: Final = "National Day break"
_NY_VI: Final = "Nghỉ Tết Dương lịch"
_NY_EN: Final = "New Year break"
_TET_SWAP_VI: Final = "Nghỉ Tết Âm lịch"
_TET_SWAP_EN: Final = "Lunar New Year break"
_APR_VI: Final = "Nghỉ dịp 30/4 và 1/5"
_APR_EN: Final = "Reunification Day break"

#: Every announcement motcua knows for 2013-2026, oldest first. Each row names the source it
#: was checked against and how well (``confidence``); ``docs/reference/announcements.md``
#: prints the table. A change before 01/01/2013 (the first swap of 2013's New Year) is kept
#: with its pair but lies outside the shipped calendar.
ANNOUNCEMENTS: Final[tuple[Announcement, ...]] = (
    Announcement(
        instrument="9570/VPCP-KGVX",
        issued="2012-11-23",
        issuer=_VPCP,
        subject=(
            "Hoán đổi ngày nghỉ hằng tuần vào dịp nghỉ lễ, tết năm 2013 đối với cán bộ, "
            "công chức, viên chức"
        ),
        changes=(
            *_swap("2012-12-31", "2013-01-05", _NY_VI, _NY_EN),
            *_tet("2013-02-11", "2013-02-12", "2013-02-13", "2013-02-14"),
            *_swap("2013-02-15", "2013-02-23", _TET_SWAP_VI, _TET_SWAP_EN),
            *_swap("2013-04-29", "2013-05-04", _APR_VI, _APR_EN),
        ),
        source=(
            "eballsviet.com/cong-van-9570-vpcp-kgvx-27929: text of letter 9570/VPCP-KGVX of "
            "23/11/2012 (PM Nguyễn Tấn Dũng approves MOLISA's 72/TTr-LĐTBXH of 08/11/2012): "
            "31/12/2012 off for Saturday 05/01/2013, 15/02 off for Saturday 23/02, 29/04 off "
            "for Saturday 04/05; tienphong.vn reports the letter of 23/11; baothainguyen.vn "
            "(28/12/2012): New Year 29/12/2012-01/01/2013, Tết 09/02-17/02, 27/04-01/05/2013"
        ),
        note=(
            "Tết 2013 fell under Labour Code 1994 Art. 73 (4 Tết days); 11/02-14/02 are those "
            "days and their compensatory days, 15/02 the swap. The letter authorises MOLISA "
            "to announce the swaps; that notice's number was not found."
        ),
    ),
    Announcement(
        instrument="10525/VPCP-KGVX",
        issued="2013-12-12",
        issuer=_VPCP,
        subject=(
            "Nghỉ Tết Âm lịch và hoán đổi ngày nghỉ hằng tuần vào dịp nghỉ lễ năm 2014 đối "
            "với cán bộ, công chức, viên chức"
        ),
        changes=(
            _off(
                "2014-01-28",
                _TET_SWAP_VI + " (hoán đổi)",
                _TET_SWAP_EN + " (swapped)",
                "2014-01-25",
            ),
            _work(
                "2014-01-25",
                "Làm bù cho thứ Ba 28/01/2014",
                "Make-up working day for Tuesday 28/01/2014",
                "2014-01-28",
            ),
            _off(
                "2014-01-29",
                _TET_SWAP_VI + " (hoán đổi)",
                _TET_SWAP_EN + " (swapped)",
                "2014-02-08",
            ),
            _work(
                "2014-02-08",
                "Làm bù cho thứ Tư 29/01/2014",
                "Make-up working day for Wednesday 29/01/2014",
                "2014-01-29",
            ),
            *_tet("2014-01-30", "2014-01-31", "2014-02-03", "2014-02-04", "2014-02-05"),
            *_swap("2014-05-02", "2014-04-26", _APR_VI, _APR_EN),
            *_swap("2014-09-01", "2014-09-06", _QK_VI, _QK_EN),
        ),
        source=(
            "thuvienphapluat.vn (Official-Dispatch-No-10525-VPCP-KGVX, 217973): text of "
            "letter 10525/VPCP-KGVX of 12/12/2013 approving MOLISA's 89/TTr-LĐTBXH of "
            "21/11/2013: Tết 28/01-05/02/2014 with Saturdays 25/01 and 08/02 worked; 02/05 "
            "off for Saturday 26/04; 01/09 off for Saturday 06/09; english.luatvietnam.vn, "
            "dienbien.edu.vn and baonghean.vn cite the same number and date"
        ),
        note=(
            "The letter pairs the two Tết Saturdays with 28/01 and 29/01 without saying "
            "which with which; MOLISA's notice (baonghean.vn) and this table pair them in "
            "date order. baodongthap.com.vn and dienbien.edu.vn misprint the make-up day as "
            "26/4/2013; the letter says 26/04/2014. The 01/09 <-> 06/09 swap, formerly seen "
            "only in holidays 0.109, is in this letter."
        ),
    ),
    Announcement(
        instrument="",
        issued=None,
        issuer=_MOLISA,
        subject="Nghỉ Tết Âm lịch và hoán đổi ngày nghỉ hằng tuần dịp lễ, Tết năm 2015",
        changes=(
            *_swap("2015-01-02", "2014-12-27", _NY_VI, _NY_EN),
            *_swap("2015-02-16", "2015-02-14", _TET_SWAP_VI, _TET_SWAP_EN),
            *_tet("2015-02-17", "2015-02-18", "2015-02-19", "2015-02-20", "2015-02-23"),
            *_swap(
                "2015-04-29",
                "2015-04-25",
                "Nghỉ dịp Giỗ Tổ, 30/4 và 1/5",
                "Hùng Kings and Reunification Day break",
            ),
        ),
        source=(
            "xahoi.com.vn ('Thông báo chính thức lịch ngày nghỉ, ngày đi làm bù dịp lễ Tết "
            "2015') and baomoi.com: 27/12/2014 worked for 02/01; Tết 17/02-21/02 with 23/02 "
            "compensatory, 14/02 worked for 16/02; 25/04 worked for 29/04. No source found "
            "gives the instrument's number"
        ),
        confidence=Confidence.DAYS_CONFIRMED,
        note=(
            "Instrument number not found: neither the Prime Minister's approving letter nor "
            "MOLISA's notice was found in the sources searched (pages and docs). MOLISA's "
            "proposal: 89/TTr-LĐTBXH of 20/11/2014 (text read on vbpl.freshdesk.com; "
            "cand.com.vn and tinmoi.vn report its option 1, the one announced)."
        ),
    ),
    Announcement(
        instrument="4659/TB-LĐTBXH",
        issued="2015-11-13",
        issuer=_MOLISA,
        subject="Nghỉ lễ, Tết năm 2016 đối với cán bộ, công chức, viên chức",
        changes=_tet("2016-02-08", "2016-02-09", "2016-02-10", "2016-02-11", "2016-02-12"),
        source=(
            "ngaynay.vn and daidoanket.vn: notice 4659/TB-LĐTBXH of 13/11/2015, Tết "
            "06/02-14/02/2016 with no swap; 18/04, 02/05 and 03/05 compensatory days"
        ),
        note="The Government agreed the plan at its October 2015 meeting (29/10/2015).",
    ),
    Announcement(
        instrument="9794/VPCP-KGVX",
        issued="2016-11-14",
        issuer=_VPCP,
        subject="Nghỉ Tết Âm lịch năm 2017 (Đinh Dậu)",
        changes=_tet("2017-01-26", "2017-01-27", "2017-01-30", "2017-01-31", "2017-02-01"),
        source=(
            "tintuc.thuvienphapluat.com (16/11/2016, 'Chính thức có lịch nghỉ Tết Âm lịch "
            "Đinh Dậu 2017'): letter 9794/VPCP-KGVX of 14/11/2016, the PM agrees Tết "
            "26/01-01/02/2017 (7 days), no swap; hoinutrithuctphcm.vn (25/11/2016), bnews.vn "
            "and thuonghieuvaphapluat.vn: MOLISA's notice signed by the Minister on 24/11/2016"
        ),
        note=(
            "This row was dated 24/11/2016 (MOLISA's notice) before the letter was found; "
            "the notice's own number was not found."
        ),
    ),
    Announcement(
        instrument="573/TB-VPCP",
        issued="2017-12-14",
        issuer=_VPCP,
        subject="Nghỉ lễ, Tết năm 2018 đối với cán bộ, công chức, viên chức",
        changes=_tet("2018-02-14", "2018-02-15", "2018-02-16", "2018-02-19", "2018-02-20"),
        source=(
            "luatminhkhue.vn and vanbanphapluat.co: text of notice 573/TB-VPCP of 14/12/2017 "
            "(the PM's conclusion at the Government standing meeting of 05/12/2017): Tết "
            "Wednesday 14/02 to Tuesday 20/02/2018; lawnet.vn and baoninhbinh.org.vn report it"
        ),
        note=(
            "The notice also keeps National Day 02/09/2018 with the compensatory Monday "
            "03/09 (Labour Code 2012 Art. 115(3)), a statutory day the calendar already has."
        ),
    ),
    Announcement(
        instrument="6519/VPCP-KGVX",
        issued="2018-07-11",
        issuer=_VPCP,
        subject="Nghỉ lễ, tết năm 2019 đối với cán bộ, công chức, viên chức",
        changes=(
            _off(
                "2018-12-31",
                "Nghỉ Tết Dương lịch (hoán đổi, làm bù thứ Bảy 05/01/2019)",
                "New Year day off (swapped with Saturday 05/01/2019)",
                "2019-01-05",
            ),
            _work(
                "2019-01-05",
                "Làm bù cho thứ Hai 31/12/2018",
                "Make-up working day for Monday 31/12/2018",
                "2018-12-31",
            ),
            *_tet("2019-02-04", "2019-02-05", "2019-02-06", "2019-02-07", "2019-02-08"),
            _off(
                "2019-04-29",
                "Nghỉ dịp 30/4 và 1/5 (hoán đổi, làm bù thứ Bảy 04/05/2019)",
                "Reunification Day break (swapped with Saturday 04/05/2019)",
                "2019-05-04",
            ),
            _work(
                "2019-05-04",
                "Làm bù cho thứ Hai 29/04/2019",
                "Make-up working day for Monday 29/04/2019",
                "2019-04-29",
            ),
        ),
        source=(
            "thuvienphapluat.vn, text of Official Dispatch 6519/VPCP-KGVX (11/07/2018); "
            "announced by MOLISA in 3238/TB-LĐTBXH (09/2018), reported by baonghean.vn"
        ),
        note="Approves MOLISA's proposal 30/TTr-LĐTBXH of 18/06/2018.",
    ),
    Announcement(
        instrument="9087/VPCP-KGVX",
        issued="2019-10-07",
        issuer=_VPCP,
        subject="Nghỉ Tết Âm lịch năm 2020 (Canh Tý)",
        changes=_tet("2020-01-23", "2020-01-24", "2020-01-27", "2020-01-28", "2020-01-29"),
        source=(
            "vbpl.ts24.com.vn: text of letter 9087/VPCP-KGVX of 07/10/2019 (PM Nguyễn Xuân "
            "Phúc approves MOLISA's 54/TTr-LĐTBXH of 18/09/2019): off Thursday 23/01 to "
            "Wednesday 29/01/2020; vneconomy.vn and bacninhtv.vn (08/10/2019) and "
            "socongthuong.daklak.gov.vn (07/01/2020) report the same days"
        ),
    ),
    Announcement(
        instrument="9895/VPCP-KGVX",
        issued="2020-11-26",
        issuer=_VPCP,
        subject="Nghỉ Tết Âm lịch và nghỉ lễ Quốc khánh năm 2021",
        changes=(
            *_tet("2021-02-10", "2021-02-11", "2021-02-12", "2021-02-15", "2021-02-16"),
            _off("2021-09-02", _QK_VI, _QK_EN),
            _off("2021-09-03", _QK_VI, _QK_EN),
        ),
        source=(
            "thuvienphapluat.vn (Official-Dispatch-9895-VPCP-KGVX, 460294): text of letter "
            "9895/VPCP-KGVX of 26/11/2020 (PM Nguyễn Xuân Phúc approves MOLISA's "
            "111/TTr-LĐTBXH of 28/10/2020): Tết 10/02-16/02/2021, National Day "
            "02/09-05/09/2021; hanoimoi.vn reports the same days"
        ),
        note=(
            "The second National Day day, 03/09, is the Prime Minister's choice "
            "(Labour Code 2019 Art. 112(3)), made in this letter."
        ),
    ),
    Announcement(
        instrument="245/VPCP-KGVX",
        issued="2022-01-11",
        issuer=_VPCP,
        subject="Nghỉ Tết Âm lịch và nghỉ lễ Quốc khánh năm 2022",
        changes=(
            *_tet("2022-01-31", "2022-02-01", "2022-02-02", "2022-02-03", "2022-02-04"),
            _off("2022-09-01", _QK_VI, _QK_EN),
            _off("2022-09-02", _QK_VI, _QK_EN),
        ),
        source=(
            "english.luatvietnam.vn (official-dispatch-no-245-vpcp-kgvx-dated-january-11-2022): "
            "text of letter 245/VPCP-KGVX of 11/01/2022 (Deputy PM Vũ Đức Đam approves "
            "MOLISA's 4486/LĐTBXH-ATLĐ of 03/12/2021): Tết 31/01-04/02/2022, National Day "
            "01/09-02/09/2022; kinhtemoitruong.vn (12/01/2022) reports the letter"
        ),
        note=(
            "One letter, one row: the National Day days (formerly a separate row marked "
            "secondary) are in its text. 01/09, the second National Day day, is the Prime "
            "Minister's choice (Labour Code 2019 Art. 112(3))."
        ),
    ),
    Announcement(
        instrument="8056/VPCP-KGVX",
        issued="2022-12-01",
        issuer=_VPCP,
        subject="Nghỉ Tết Âm lịch và nghỉ lễ Quốc khánh năm 2023",
        changes=(
            *_tet("2023-01-20", "2023-01-23", "2023-01-24", "2023-01-25", "2023-01-26"),
            _off("2023-09-01", _QK_VI, _QK_EN),
            _off("2023-09-04", _QK_VI + " (nghỉ bù)", _QK_EN + " (compensatory)"),
        ),
        source=(
            "truyenhinhnghean.vn (12/2022, 'Tết Âm lịch 2023 được nghỉ 7 ngày'): letter "
            "8056/VPCP-KGVX of 01/12/2022 quoted, Deputy PM Vũ Đức Đam approves Tết "
            "20/01-26/01/2023 and National Day 01/09-04/09/2023; ngaymoionline.com.vn "
            "(01/12/2022) reports the same days"
        ),
        note=(
            "01/09, the second National Day day, is the Prime Minister's choice (Labour Code "
            "2019 Art. 112(3)); 04/09 compensates 02/09, a Saturday (Art. 111(3))."
        ),
    ),
    Announcement(
        instrument="8662/VPCP-KGVX",
        issued="2023-11-03",
        issuer=_VPCP,
        subject="Nghỉ Tết Âm lịch và nghỉ lễ Quốc khánh năm 2024",
        changes=(
            *_tet("2024-02-08", "2024-02-09", "2024-02-12", "2024-02-13", "2024-02-14"),
            _off("2024-09-02", _QK_VI, _QK_EN),
            _off("2024-09-03", _QK_VI, _QK_EN),
        ),
        source="vietnam.vn (VGP News): document 8662/VPCP-KGVX of 03/11/2023",
        note="Announced by MOLISA in 5014/TB-LĐTBXH of 22/11/2023.",
    ),
    Announcement(
        instrument="2450/VPCP-KGVX",
        issued="2024-04-12",
        issuer=_VPCP,
        subject="Hoán đổi ngày làm việc dịp nghỉ lễ 30/4 và 1/5/2024",
        changes=(
            _off(
                "2024-04-29",
                "Nghỉ dịp 30/4 và 1/5 (hoán đổi, làm bù thứ Bảy 04/05/2024)",
                "Reunification Day break (swapped with Saturday 04/05/2024)",
                "2024-05-04",
            ),
            _work(
                "2024-05-04",
                "Làm bù cho thứ Hai 29/04/2024",
                "Make-up working day for Monday 29/04/2024",
                "2024-04-29",
            ),
        ),
        source="baophapluat.vn and baotintuc.vn: letter 2450/VPCP-KGVX of 12/04/2024",
    ),
    Announcement(
        instrument="8726/VPCP-KGVX",
        issued="2024-11-26",
        issuer=_VPCP,
        subject="Nghỉ Tết Âm lịch và một số dịp nghỉ lễ năm 2025",
        changes=(
            *_tet("2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31"),
            _off(
                "2025-05-02",
                "Nghỉ dịp 30/4 và 1/5 (hoán đổi, làm bù thứ Bảy 26/04/2025)",
                "Reunification Day break (swapped with Saturday 26/04/2025)",
                "2025-04-26",
            ),
            _work(
                "2025-04-26",
                "Làm bù cho thứ Sáu 02/05/2025",
                "Make-up working day for Friday 02/05/2025",
                "2025-05-02",
            ),
            _off("2025-09-01", _QK_VI, _QK_EN),
            _off("2025-09-02", _QK_VI, _QK_EN),
        ),
        source=(
            "pld.net.vn and vietnam.vn: document 8726/VPCP-KGVX of 26/11/2024; "
            "lawnet.vn (Bình Thuận notice 377/TB-UBND of 09/12/2024)"
        ),
        note="Announced by MOLISA in 6150/TB-LĐTBXH (2024).",
    ),
    Announcement(
        instrument="12729/VPCP-KGVX",
        issued="2025-12-25",
        issuer=_VPCP,
        subject="Nghỉ Tết Dương lịch năm 2026",
        changes=(
            _off(
                "2026-01-02",
                "Nghỉ Tết Dương lịch (hoán đổi, làm bù thứ Bảy 10/01/2026)",
                "New Year day off (swapped with Saturday 10/01/2026)",
                "2026-01-10",
            ),
            _work(
                "2026-01-10",
                "Làm bù cho thứ Sáu 02/01/2026",
                "Make-up working day for Friday 02/01/2026",
                "2026-01-02",
            ),
        ),
        source=(
            "baohiemxahoi.gov.vn (25/12/2025): letter 12729/VPCP-KGVX of 25/12/2025, Deputy "
            "PM Phạm Thị Thanh Trà approves the Ministry of Home Affairs' plan, 01/01-04/01 "
            "off with Friday 02/01 swapped to Saturday 10/01/2026; collector.com.tr and "
            "tracuuquyhoach.com report the same"
        ),
        note="Missing from holidays 0.109; this row is why motcua keeps its own table.",
    ),
    Announcement(
        instrument="9859/VPCP-KGVX",
        issued="2025-10-13",
        issuer=_VPCP,
        subject="Nghỉ Tết Âm lịch, nghỉ lễ Quốc khánh năm 2026",
        changes=(
            *_tet("2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20"),
            _off(
                "2026-08-31",
                "Nghỉ lễ Quốc khánh (hoán đổi, làm bù thứ Bảy 22/08/2026)",
                "National Day break (swapped with Saturday 22/08/2026)",
                "2026-08-22",
            ),
            _work(
                "2026-08-22",
                "Làm bù cho thứ Hai 31/08/2026",
                "Make-up working day for Monday 31/08/2026",
                "2026-08-31",
            ),
        ),
        source=(
            "phapluatmedia.vn ('Thủ tướng chốt phương án nghỉ Tết Âm lịch và Quốc khánh năm "
            "2026'): letter 9859/VPCP-KGVX of 13/10/2025, PM Phạm Minh Chính approves the "
            "Ministry of Home Affairs' 8764/BNV-CVL of 01/10/2025; kienthuc.net.vn and "
            "tienphong.vn (13/10/2025): Tết Saturday 14/02 to Sunday 22/02/2026, National Day "
            "Saturday 29/08 to Wednesday 02/09/2026 with Monday 31/08 swapped to Saturday "
            "22/08; congan.com.vn reports the Tết days"
        ),
        note=(
            "One letter, one row (formerly two, the National Day swap marked secondary). "
            "01/09 is the second National Day day, the Prime Minister's choice (Labour Code "
            "2019 Art. 112(3)). The Ministry of Home Affairs announces it; the number "
            "9441/TB-BNV is cited by the project's issue 11 but was not found in the sources "
            "searched. A 23/11 <-> 28/11 swap around the Culture Day was proposed for 2026; "
            "no approving instrument was found, so it is not in this table."
        ),
    ),
)
