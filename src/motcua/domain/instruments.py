"""Legal instruments as data: number, issuer, signing and in-force dates, what they amend.

One table (:data:`INSTRUMENTS`) holds every instrument a rule, a form or a report layout
cites. Each row says which articles motcua uses, where its dates were read and how well
(:class:`~motcua.foundation.confidence.Confidence`). :func:`in_force_on` computes the set of
instruments in force on a day; regimes, rules and forms are chosen from it, never from a
hard-coded switch date.

Dates read in the stored legal pages (see ``docs/explanation/instruments.md``):

* Decision 09/2015/QĐ-TTg: signed 25/03/2015, in force 15/05/2015 (it replaced Decision
  93/2007/QĐ-TTg), replaced by Decree 61/2018 from 21/06/2018 (vanbanphapluat.co, Art. 2);
* Decree 61/2018/NĐ-CP: signed 23/04/2018, in force 21/06/2018 (vietjack.me, Chapter I);
* Circular 01/2018/TT-VPCP: signed 23/11/2018, in force 06/01/2019 (lawnet.vn);
* Decree 45/2020/NĐ-CP: signed 08/04/2020, in force 22/05/2020 (trademarkvn.com.vn);
* Circular 01/2020/TT-VPCP: signed 21/10/2020, in force 15/12/2020 (lawnet.vn: "effective
  from December 15, 2020"; Appendix I holds its report forms);
* Decree 107/2021/NĐ-CP: signed 06/12/2021; in-force date **not read** (the page hides it;
  no stored page gives it);
* Directive 27/CT-TTg: dated 27/10/2023 (thainguyentv.vn); clause 1(dd) read (lawnet.vn);
* Decree 118/2025/NĐ-CP: signed 09/06/2025, in force 01/07/2025, ends 61/2018 and 107/2021
  (en.vneconomy.vn; vietnam.vn);
* Circular 03/2025/TT-VPCP: signed and in force 15/09/2025 (luatvietnam.vn: "promulgated
  and effective on September 15, 2025", quoting its Art. 5); so from 01/07/2025 to
  14/09/2025 Decree 118/2025 applied without its circular;
* Decree 367/2025/NĐ-CP: signed 31/12/2025; in-force date **not read** (no stored page
  gives it);
* Circular 5/2025/TT-VPCP: signed 31/12/2025, in force 15/02/2026 (nhansu.vn, digest S6);
  whether it replaces Biểu 06 of Circular 01/2020 **not read**.

An instrument whose in-force date was not read is dated from its signing day, the earliest
day it can be in force (``in_force`` stays None and ``start_assumed`` is True): pass a
corrected table to :func:`in_force_on` once the date is known.

>>> sorted(in_force_on(date(2020, 5, 22)) & {"D45-2020", "D61-2018", "C01-2018"})
['C01-2018', 'D45-2020', 'D61-2018']
>>> "D45-2020" in in_force_on(date(2020, 5, 21))
False
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Final

import attrs

from motcua.foundation.confidence import Confidence
from motcua.foundation.errors import NotFoundError

__all__ = [
    "CIRCULAR_01_2018",
    "CIRCULAR_01_2020",
    "CIRCULAR_03_2025",
    "CIRCULAR_05_2025",
    "DECISION_09_2015",
    "DECREE_45_2020",
    "DECREE_61_2018",
    "DECREE_63_2010",
    "DECREE_107_2021",
    "DECREE_118_2025",
    "DECREE_367_2025",
    "DIRECTIVE_27_2023",
    "INSTRUMENTS",
    "Instrument",
    "in_force_on",
    "instrument",
]


@attrs.frozen
class Instrument:
    """A legal instrument with its dates, its amendments and the articles motcua uses.

    Attributes:
        number: Its number and kind, e.g. ``"Decree 61/2018/NĐ-CP"``.
        subject: What it governs (``"one-stop mechanism"``, ``"forms"``...).
        in_force: The first day it is in force (None: not read in any source).
        repealed: The first day it is no longer in force (None: still in force).
        key: A short stable id (``"D61-2018"``).
        issuer: Who issued it.
        signed: The day it was signed (None: not read).
        amends: Keys of the instruments it amends.
        repealed_by: Key of the instrument that ended it, if any.
        articles: The articles motcua uses, as read (or marked not read).
        sources: Where its dates and articles were read.
        confidence: How well its dates were checked.
    """

    number: str
    subject: str
    in_force: date | None
    repealed: date | None = None
    key: str = ""
    issuer: str = ""
    signed: date | None = None
    amends: tuple[str, ...] = ()
    repealed_by: str | None = None
    articles: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    confidence: Confidence = Confidence.RECALLED

    @property
    def start(self) -> date | None:
        """The first day motcua treats it as in force: ``in_force``, else ``signed``."""
        return self.in_force if self.in_force is not None else self.signed

    @property
    def start_assumed(self) -> bool:
        """True if the in-force date was not read and the signing day stands in for it."""
        return self.in_force is None

    @property
    def end(self) -> date | None:
        """The last day it is in force (None: still in force)."""
        return None if self.repealed is None else self.repealed - timedelta(days=1)

    def in_force_on(self, day: date) -> bool:
        """True if *day* lies in its window (``start`` to the day before ``repealed``)."""
        start = self.start
        if start is None or day < start:
            return False
        return self.repealed is None or day < self.repealed

    def window(self) -> str:
        """The window as printed in the references, e.g. ``21/06/2018 – 30/06/2025``."""
        start = self.start
        first = "?" if start is None else f"{start:%d/%m/%Y}"
        if self.start_assumed and start is not None:
            first += " (signing day; in-force date not read)"
        last = "" if self.end is None else f"{self.end:%d/%m/%Y}"
        return f"{first} – {last}" if last else f"from {first}"


_TWO_TIER: Final = date(2025, 7, 1)

#: Decision 09/2015/QĐ-TTg: the one-stop regulation at local agencies (replaced 93/2007).
DECISION_09_2015: Final = Instrument(
    "Decision 09/2015/QĐ-TTg",
    "one-stop mechanism",
    date(2015, 5, 15),
    date(2018, 6, 21),
    key="Q09-2015",
    issuer="Prime Minister",
    signed=date(2015, 3, 25),
    repealed_by="D61-2018",
    articles=("Art. 2 (in force 15/05/2015, replacing Decision 93/2007/QĐ-TTg) [read]",),
    sources=("vanbanphapluat.co, Decision No. 09/2015/QD-TTg (English text, Art. 1-2)",),
    confidence=Confidence.CONFIRMED,
)
#: Decree 61/2018/NĐ-CP: the one-stop mechanism, signed 23/04/2018, in force 21/06/2018.
DECREE_61_2018: Final = Instrument(
    "Decree 61/2018/NĐ-CP",
    "one-stop mechanism",
    date(2018, 6, 21),
    _TWO_TIER,
    key="D61-2018",
    issuer="Government",
    signed=date(2018, 4, 23),
    repealed_by="D118-2025",
    articles=(
        "Art. 3 (one-stop unit) [read in a quoting article]",
        "Art. 19(1) (supplement once) [not read]",
        "overdue dossiers: apology 1 day before the deadline, one reschedule [press summary]",
    ),
    sources=(
        "vietjack.me, Decree 61/2018 Chapter I (signed, in force)",
        "baovinhlong.com.vn, 08/06/2018 (summary)",
    ),
    confidence=Confidence.CONFIRMED,
)
#: Circular 01/2018/TT-VPCP: guidance and forms 01-06 for Decree 61/2018, in force 06/01/2019.
CIRCULAR_01_2018: Final = Instrument(
    "Circular 01/2018/TT-VPCP",
    "guidance and forms",
    date(2019, 1, 6),
    _TWO_TIER,
    key="C01-2018",
    issuer="Government Office",
    signed=date(2018, 11, 23),
    repealed_by="D118-2025",
    articles=("forms 01-06 (names) [read]", "Art. 19 (dossier code) [not read]"),
    sources=("lawnet.vn, 'Vietnam: Compilation of forms ...' (six forms; in force 06/01/2019)",),
    confidence=Confidence.CONFIRMED,
)
#: Decree 45/2020/NĐ-CP: administrative procedures in the electronic environment.
DECREE_45_2020: Final = Instrument(
    "Decree 45/2020/NĐ-CP",
    "online procedures",
    date(2020, 5, 22),
    key="D45-2020",
    issuer="Government",
    signed=date(2020, 4, 8),
    articles=("Art. 11 (8 working hours; clause not read) [news report]",),
    sources=("trademarkvn.com.vn (signed 08/04/2020, in force 22/05/2020)",),
    confidence=Confidence.CONFIRMED,
)
#: Decree 107/2021/NĐ-CP: amends Decree 61/2018 (in-force date not read).
DECREE_107_2021: Final = Instrument(
    "Decree 107/2021/NĐ-CP",
    "one-stop mechanism (amendment)",
    None,
    _TWO_TIER,
    key="D107-2021",
    issuer="Government",
    signed=date(2021, 12, 6),
    amends=("D61-2018",),
    repealed_by="D118-2025",
    articles=("postal staff at one-stop counters; priority counters [summary]",),
    sources=("english.luatvietnam.vn, Decree 107/2021 page (signed 06/12/2021; date hidden)",),
    confidence=Confidence.SECONDARY,
)
#: Directive 27/CT-TTg of 27/10/2023: report, explain and apologise for delays.
DIRECTIVE_27_2023: Final = Instrument(
    "Directive 27/CT-TTg",
    "explaining delays",
    None,
    key="CT27-2023",
    issuer="Prime Minister",
    signed=date(2023, 10, 27),
    articles=("cl. 1(dd) (explain and apologise for delays) [read]",),
    sources=(
        "lawnet.vn Q&A quoting clause 1(dd)",
        "thainguyentv.vn (dated 27/10/2023)",
    ),
    confidence=Confidence.SECONDARY,
)
#: Decree 118/2025/NĐ-CP: the one-stop mechanism from 01/07/2025 (amended by 367/2025).
DECREE_118_2025: Final = Instrument(
    "Decree 118/2025/NĐ-CP",
    "one-stop mechanism",
    _TWO_TIER,
    key="D118-2025",
    issuer="Government",
    signed=date(2025, 6, 9),
    articles=(
        "Art. 1(1) (one-stop units) [read]",
        (
            "Art. 14(2) (provincial and commune centres receive regardless of administrative "
            "boundaries within the province) [read in a news report quoting it]"
        ),
        "Art. 16 (guidance on preparing dossiers) [read in a news report quoting it]",
        "apology, extension, supplements, stopping, withdrawal, return [not read]",
    ),
    sources=(
        "en.vneconomy.vn (dated 09/06/2025, in force 01/07/2025)",
        "vietnam.vn/en (61/2018 and 107/2021 cease to be effective)",
        (
            "news.laodong.vn, 'Phạm vi tiếp nhận thủ tục hành chính tại Bộ phận Một cửa từ "
            "1/7/2025' (receipt scope; Art. 14(2)(c) cited)"
        ),
        "laodong.vn, guide to land dossiers under Decree 118 (Art. 16 quoted)",
    ),
    confidence=Confidence.CONFIRMED,
)
#: Circular 03/2025/TT-VPCP: guidance and forms 01-07 for Decree 118/2025, in force 15/09/2025.
CIRCULAR_03_2025: Final = Instrument(
    "Circular 03/2025/TT-VPCP",
    "guidance and forms",
    date(2025, 9, 15),
    key="C03-2025",
    issuer="Government Office",
    signed=date(2025, 9, 15),
    articles=(
        "in force on signing, 15/09/2025 [read in a legal news page]",
        "Art. 5 (which papers need not be digitised) [read in a legal news page]",
        "Appendix I forms 01-07 [secondary: two design documents]",
        "staffing of the one-stop units and centres [read in a news report]",
    ),
    sources=(
        (
            "luatvietnam.vn, 'Four cases required to be copied into electronic form in "
            "administrative procedures' (promulgated and effective 15/09/2025; Art. 5)"
        ),
        (
            "news.laodong.vn, 'Hướng dẫn bố trí nhân sự làm việc tại Trung tâm Phục vụ hành "
            "chính công cấp xã' (staffing)"
        ),
        "hethongphapluat.com (number, date, scope) [digest]",
    ),
    confidence=Confidence.SECONDARY,
)
#: Decree 367/2025/NĐ-CP: amends Decree 118/2025 (signed 31/12/2025; in force: not read).
DECREE_367_2025: Final = Instrument(
    "Decree 367/2025/NĐ-CP",
    "one-stop mechanism (amendment)",
    None,
    key="D367-2025",
    issuer="Government",
    signed=date(2025, 12, 31),
    amends=("D118-2025",),
    articles=("one-level centres decided by the People's Council; one information system [news]",),
    sources=("news.laodong.vn, 'Thủ tục hành chính có thể được thực hiện trực tuyến qua VNeID'",),
    confidence=Confidence.SECONDARY,
)

#: Decree 63/2010/NĐ-CP: control of administrative procedures (signed 08/06/2010).
DECREE_63_2010: Final = Instrument(
    "Decree 63/2010/NĐ-CP",
    "procedure control",
    None,
    key="D63-2010",
    issuer="Government",
    signed=date(2010, 6, 8),
    articles=("Art. 8(2) (parts of a procedure) [not read; via 766 indicator 1.3]",),
    sources=("vanbanphapluat.co, Decision 09/2015 preamble (number and date)",),
    confidence=Confidence.SECONDARY,
)
#: Circular 01/2020/TT-VPCP: the Government Office's reporting regime (Biểu 06).
CIRCULAR_01_2020: Final = Instrument(
    "Circular 01/2020/TT-VPCP",
    "report forms",
    date(2020, 12, 15),
    key="C01-2020",
    issuer="Government Office",
    signed=date(2020, 10, 21),
    articles=("Biểu số 06/VPCP/KSTT (columns read in a provincial implementation) [S]",),
    sources=(
        (
            "lawnet.vn, 'Regulations on review report on the direction and administration' "
            "(effective from 15/12/2020; forms in Appendix I)"
        ),
        "reporting digest §2.1 [S7, S8] (dates); annex not read",
    ),
    confidence=Confidence.SECONDARY,
)
#: Circular 5/2025/TT-VPCP: reporting regime of the same title (successor of 01/2020?).
CIRCULAR_05_2025: Final = Instrument(
    "Circular 5/2025/TT-VPCP",
    "report forms",
    date(2026, 2, 15),
    key="C05-2025",
    issuer="Government Office",
    signed=date(2025, 12, 31),
    articles=(
        "same title as Circular 01/2020; still cites Decree 09/2019 [digest S6]",
        "whether it replaces Biểu 06 [not read]",
    ),
    sources=("reporting digest §2.1 [S6] (nhansu.vn: dates, title, signer); text not read",),
    confidence=Confidence.SECONDARY,
)

#: Every instrument motcua cites, oldest first.
INSTRUMENTS: Final[tuple[Instrument, ...]] = (
    DECREE_63_2010,
    DECISION_09_2015,
    DECREE_61_2018,
    CIRCULAR_01_2018,
    DECREE_45_2020,
    CIRCULAR_01_2020,
    DECREE_107_2021,
    DIRECTIVE_27_2023,
    DECREE_118_2025,
    CIRCULAR_03_2025,
    CIRCULAR_05_2025,
    DECREE_367_2025,
)

_BY_KEY: Final = {i.key: i for i in INSTRUMENTS}


def instrument(key: str) -> Instrument:
    """Return the instrument with this key (``"D61-2018"``...).

    Raises:
        NotFoundError: No instrument has that key.
    """
    try:
        return _BY_KEY[key]
    except KeyError:
        raise NotFoundError("instrument", key, "known: " + ", ".join(_BY_KEY)) from None


def in_force_on(day: date, table: Iterable[Instrument] = INSTRUMENTS) -> frozenset[str]:
    """Return the keys of the instruments of *table* in force on *day*."""
    return frozenset(i.key for i in table if i.in_force_on(day))
