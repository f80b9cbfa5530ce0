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
        instrument="",
        issued=None,
        issuer=_MOLISA,
        subject="Thời gian nghỉ các ngày lễ, Tết năm 2013 đối với công chức, viên chức",
        changes=(
            *_swap("2012-12-31", "2013-01-05", _NY_VI, _NY_EN),
            *_tet("2013-02-11", "2013-02-12", "2013-02-13", "2013-02-14"),
            *_swap("2013-02-15", "2013-02-23", _TET_SWAP_VI, _TET_SWAP_EN),
            *_swap("2013-04-29", "2013-05-04", _APR_VI, _APR_EN),
        ),
        source=(
            "baothainguyen.vn (28/12/2012), 'Thông báo thời gian nghỉ các ngày lễ, Tết năm "
            "2013': New Year 29/12/2012-01/01/2013, Tết 09/02-17/02/2013, 27/04-01/05/2013"
        ),
        confidence=Confidence.DAYS_CONFIRMED,
        note=(
            "Tết 2013 fell under Labour Code 1994 Art. 73 (4 Tết days); 11/02-14/02 are those "
            "days and their compensatory days, 15/02 the swap."
        ),
    ),
    Announcement(
        instrument="",
        issued=None,
        issuer=_VPCP,
        subject="Hoán đổi ngày nghỉ hằng tuần dịp nghỉ lễ, Tết năm 2014",
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
        ),
        source=(
            "laodong.vn ('Ấn định thời gian nghỉ Tết Giáp Ngọ và ngày lễ 2014') and "
            "baodongthap.com.vn (18/12/2013): the Prime Minister's letter approving MOLISA's "
            "plan; Tết 28/01-05/02/2014, Saturdays 25/01 and 08/02 worked; 02/05 off, "
            "26/04 worked"
        ),
        confidence=Confidence.DAYS_CONFIRMED,
        note="The sources pair the two Tết Saturdays with the two weekdays in date order.",
    ),
    Announcement(
        instrument="",
        issued=None,
        issuer=_VPCP,
        subject="Hoán đổi ngày làm việc dịp Quốc khánh năm 2014",
        changes=_swap("2014-09-01", "2014-09-06", _QK_VI, _QK_EN),
        source=(
            "holidays 0.109's VN swap table (2014: 01/09 off, 06/09 worked); no official or "
            "news text was read"
        ),
        confidence=Confidence.SECONDARY,
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
            "compensatory, 14/02 worked for 16/02; 25/04 worked for 29/04"
        ),
        confidence=Confidence.DAYS_CONFIRMED,
        note="MOLISA's proposal: 89/TTr-LĐTBXH of 20/11/2014 (text read on vbpl.freshdesk.com).",
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
        instrument="",
        issued="2016-11-24",
        issuer=_MOLISA,
        subject="Nghỉ Tết Âm lịch năm 2017 (Đinh Dậu)",
        changes=_tet("2017-01-26", "2017-01-27", "2017-01-30", "2017-01-31", "2017-02-01"),
        source=(
            "hoinutrithuctphcm.vn (25/11/2016) and batgt.camau.gov.vn: notice signed by the "
            "Minister on 24/11/2016, Tết 26/01-01/02/2017, no swap"
        ),
        confidence=Confidence.DAYS_CONFIRMED,
    ),
    Announcement(
        instrument="573/TB-VPCP",
        issued="2017-12-14",
        issuer=_VPCP,
        subject="Nghỉ lễ, Tết năm 2018 đối với cán bộ, công chức, viên chức",
        changes=_tet("2018-02-14", "2018-02-15", "2018-02-16", "2018-02-19", "2018-02-20"),
        source=(
            "baoninhbinh.org.vn: the Government Office's notice of the Prime Minister's "
            "approval, Tết Mậu Tuất 7 days including two days before Tết (14/02-20/02/2018)"
        ),
        confidence=Confidence.DAYS_CONFIRMED,
        note="Number and date as cited in the project's issue 11; the notice itself was not read.",
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
        instrument="",
        issued=None,
        issuer=_VPCP,
        subject="Nghỉ Tết Âm lịch năm 2020 (Canh Tý)",
        changes=_tet("2020-01-23", "2020-01-24", "2020-01-27", "2020-01-28", "2020-01-29"),
        source=(
            "socongthuong.daklak.gov.vn (07/01/2020): off Thursday 23/01 to Wednesday 29/01/2020"
        ),
        confidence=Confidence.DAYS_CONFIRMED,
    ),
    Announcement(
        instrument="",
        issued=None,
        issuer=_VPCP,
        subject="Nghỉ Tết Âm lịch và nghỉ lễ Quốc khánh năm 2021",
        changes=(
            *_tet("2021-02-10", "2021-02-11", "2021-02-12", "2021-02-15", "2021-02-16"),
            _off("2021-09-02", _QK_VI, _QK_EN),
            _off("2021-09-03", _QK_VI, _QK_EN),
        ),
        source=(
            "hanoimoi.vn: Tết 10/02-16/02/2021 (5 statutory days and a weekend); National "
            "Day 4 days in a row"
        ),
        confidence=Confidence.DAYS_CONFIRMED,
        note="The second National Day day, 03/09, is the Prime Minister's choice (Art. 112(3)).",
    ),
    Announcement(
        instrument="245/VPCP-KGVX",
        issued="2022-01-11",
        issuer=_VPCP,
        subject="Nghỉ Tết Âm lịch năm 2022 (Nhâm Dần)",
        changes=_tet("2022-01-31", "2022-02-01", "2022-02-02", "2022-02-03", "2022-02-04"),
        source=(
            "kinhtemoitruong.vn (12/01/2022): letter 245 of 11/01/2022, five Tết days plus "
            "the weekends before and after"
        ),
    ),
    Announcement(
        instrument="245/VPCP-KGVX",
        issued="2022-01-11",
        issuer=_VPCP,
        subject="Nghỉ lễ Quốc khánh năm 2022",
        changes=(
            _off("2022-09-01", _QK_VI, _QK_EN),
            _off("2022-09-02", _QK_VI, _QK_EN),
        ),
        source=(
            "the project's issue 11 (245/VPCP-KGVX set 01-02/09/2022); holidays 0.109 "
            "computes the same two days; no text of the letter was read on this point"
        ),
        confidence=Confidence.SECONDARY,
    ),
    Announcement(
        instrument="",
        issued="2022-12-01",
        issuer=_VPCP,
        subject="Nghỉ Tết Âm lịch và nghỉ lễ Quốc khánh năm 2023",
        changes=(
            *_tet("2023-01-20", "2023-01-23", "2023-01-24", "2023-01-25", "2023-01-26"),
            _off("2023-09-01", _QK_VI, _QK_EN),
            _off("2023-09-04", _QK_VI + " (nghỉ bù)", _QK_EN + " (compensatory)"),
        ),
        source=(
            "ngaymoionline.com.vn (01/12/2022): Tết 20/01-26/01/2023, National Day "
            "01/09-04/09/2023"
        ),
        confidence=Confidence.DAYS_CONFIRMED,
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
            "baohiemxahoi.gov.vn and tracuuquyhoach.com: letter of 25/12/2025 conveying "
            "Deputy PM Phạm Thị Thanh Trà's approval of the Ministry of Home Affairs' plan"
        ),
        note="Missing from holidays 0.109; this row is why motcua keeps its own table.",
    ),
    Announcement(
        instrument="9859/VPCP-KGVX",
        issued="2025-10-13",
        issuer=_VPCP,
        subject="Nghỉ Tết Âm lịch năm 2026 (Bính Ngọ)",
        changes=_tet("2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20"),
        source=(
            "congan.com.vn: civil servants off Saturday 14/02 to Sunday 22/02/2026 "
            "(5 statutory days and 4 weekend days); thanhnien.vn (13/01/2026): the approved "
            "2026 plan, 9 days at Tết"
        ),
        confidence=Confidence.DAYS_CONFIRMED,
        note=(
            "Announced by the Ministry of Home Affairs in 9441/TB-BNV; number and date of "
            "both as cited in the project's issue 11, not read."
        ),
    ),
    Announcement(
        instrument="9859/VPCP-KGVX",
        issued="2025-10-13",
        issuer=_VPCP,
        subject="Hoán đổi ngày làm việc dịp nghỉ lễ Quốc khánh năm 2026",
        changes=(
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
            "thanhnien.vn (13/01/2026): the approved plan gives 5 days at National Day 2026, "
            "which needs Monday 31/08 off; the make-up Saturday 22/08 is seen only in "
            "thuvienphapluat.vn's Q&A (archived 12/08/2026) as cited by holidays 0.109"
        ),
        confidence=Confidence.SECONDARY,
        note=(
            "01/09 is the second National Day day (Art. 112(3)). A 23/11 <-> 28/11 swap around "
            "the Culture Day was proposed for 2026; no approving instrument was found, so it "
            "is not in this table."
        ),
    ),
)
