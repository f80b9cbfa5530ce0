"""The Decision 766/QĐ-TTg indicator set as data: definitions, inputs, versioned points.

Each :class:`Indicator` names its group, number, Vietnamese and English names, its formula,
how well the definition was checked (:class:`~motcua.foundation.confidence.Confidence`), and
either nothing more (computed from dossiers, with the catalogue when ``catalogue`` is set) or
the caller-supplied inputs it ``needs`` (survey results, feedback-system counts, data held
outside the one-stop system). The points per indicator are not in the Decision's text as read:
they are the DVCQG 766 portal's configuration (:mod:`motcua.analyses.index766.config`).
Sources are listed in ``docs/reference/indicators.md``.
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import Final, TypedDict

import attrs

from motcua.foundation.confidence import Confidence
from motcua.foundation.errors import InvalidInputError

__all__ = [
    "INDICATORS",
    "INDICATOR_INPUTS",
    "Index766Inputs",
    "Indicator",
    "IndicatorResult",
    "Tally",
]


def _count(value: int, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidInputError(field, "a whole number, 0 or more", value)
    return value


@attrs.frozen
class Tally:
    """A caller-supplied count: *numerator* out of *denominator* (0 <= numerator <= denominator).

    Attributes:
        numerator: The counted items (e.g. procedures announced on time).
        denominator: Out of (e.g. procedures announced in the period).
    """

    numerator: int
    denominator: int

    def __attrs_post_init__(self) -> None:
        """Check the counts."""
        _count(self.numerator, "Tally.numerator")
        _count(self.denominator, "Tally.denominator")
        if self.numerator > self.denominator:
            raise InvalidInputError(
                "Tally",
                "a numerator not above the denominator",
                f"{self.numerator}/{self.denominator}",
            )


class Index766Inputs(TypedDict, total=False):
    """The inputs a caller supplies for the indicators dossier and catalogue data cannot give.

    A :class:`Tally` is a whole ratio from outside data; an ``int`` is a count of this
    period's dossiers, divided by the dossiers received (or processed, for ``complained``)
    that motcua counted. Each key is described in :data:`INDICATOR_INPUTS`.
    """

    announcements: Tally
    publications: Tally
    synced: int
    certified_copies: Tally
    reused: int
    citizen_storage: int
    population_db_procedures: Tally
    population_db_dossiers: int
    feedback_classified: Tally
    feedback_on_time: Tally
    feedback_satisfied: Tally
    complained: int


#: What each input is, and its type (``Tally`` or a dossier count, ``int``).
INDICATOR_INPUTS: Final[Mapping[str, tuple[str, str]]] = {
    "announcements": ("Tally", "procedures announced on time / announced in the period (1.1)"),
    "publications": ("Tally", "procedures published on the national database on time / due (1.2)"),
    "synced": ("int", "dossiers synced to DVCQG with a reception date in the period (1.4)"),
    "certified_copies": ("Tally", "electronic certified copies issued / copies certified (4.2b)"),
    "reused": ("int", "dossiers received that reuse digitised data (4.3)"),
    "citizen_storage": ("int", "dossiers linked to the applicant's DVCQG storage (4.4)"),
    "population_db_procedures": (
        "Tally",
        "procedures connected to the population database / procedures for citizens (4.5a)",
    ),
    "population_db_dossiers": ("int", "dossiers received using population-database data (4.5b)"),
    "feedback_classified": ("Tally", "feedback (PAKN) classified / feedback received (5.1)"),
    "feedback_on_time": ("Tally", "feedback handled on time / received or handled (5.2)"),
    "feedback_satisfied": ("Tally", "feedback handled satisfactorily / first received (5.3)"),
    "complained": ("int", "dossiers of the period with a feedback (PAKN) or a dislike (5.4)"),
}


@attrs.frozen
class Indicator:
    """One Decision 766 indicator.

    Attributes:
        code: Its number as the DVCQG 766 portal shows it (``2.1``; ``4.2b`` and ``4.5a``
            are motcua's names where the portal's number was not read).
        group: Its group, 1 to 5 (Decision 766 has five groups [C]).
        name: Its Vietnamese name.
        name_en: Its English name.
        formula: How it is computed.
        source: How well the definition was checked.
        catalogue: It needs the procedure catalogue.
        needs: The caller-supplied inputs (:data:`INDICATOR_INPUTS` keys) it needs; empty: computed
            from dossiers (and the catalogue).
    """

    code: str
    group: int
    name: str
    name_en: str
    formula: str
    source: Confidence = Confidence.SECONDARY
    catalogue: bool = False
    needs: tuple[str, ...] = ()


#: Every indicator motcua knows, in group and number order. The definitions follow the
#: Government Office's "Mô tả công thức tính chỉ số 766" as embedded in public DVCQG 766
#: tooling [S]; the five groups and the 100-point total are the Decision's [C].
_ALL: Final = (
    Indicator(
        "1.1",
        1,
        "TTHC công bố đúng hạn",
        "Procedures announced on time",
        "announced on time / announced in the period",
        needs=("announcements",),
    ),
    Indicator(
        "1.2",
        1,
        "TTHC cập nhật, công khai đúng hạn",
        "Procedures published on time",
        "published on the national database on time / due in the period",
        needs=("publications",),
    ),
    Indicator(
        "1.3",
        1,
        "TTHC công khai đầy đủ nội dung",
        "Procedures published in full",
        "procedures with steps, dossier components, applicants and implementing agency "
        "(with name, method and time limit, always present) / procedures in the catalogue",
        catalogue=True,
    ),
    Indicator(
        "1.4",
        1,
        "Hồ sơ đồng bộ lên DVCQG",
        "Dossiers synced to DVCQG",
        "dossiers synced / dossiers received in the period",
        needs=("synced",),
    ),
    Indicator(
        "2.1",
        2,
        "Hồ sơ xử lý trước hạn, đúng hạn",
        "Dossiers handled early or on time",
        "(resolved early or on time + pending within time) / dossiers received or processed",
    ),
    Indicator(
        "3.1",
        3,
        "TTHC cung cấp dịch vụ công trực tuyến",
        "Procedures offered online",
        "procedures offered online (full or partial) / procedures in the catalogue",
        catalogue=True,
    ),
    Indicator(
        "3.2",
        3,
        "Dịch vụ công trực tuyến phát sinh hồ sơ",
        "Online services used",
        "online procedures with an online dossier received / online procedures",
        catalogue=True,
    ),
    Indicator(
        "3.3",
        3,
        "Tỷ lệ hồ sơ trực tuyến",
        "Share of dossiers received online",
        "received online x sync rate / received in the period",
    ),
    Indicator(
        "3.4",
        3,
        "Hồ sơ trực tuyến toàn trình",
        "Full-process online dossiers",
        "received online / received, over procedures offered fully online",
        catalogue=True,
    ),
    Indicator(
        "3.5",
        3,
        "TTHC có phí được thanh toán trực tuyến",
        "Fee procedures with fee data",
        "fee procedures with a fee-bearing dossier / procedures with a non-zero fee",
        catalogue=True,
    ),
    Indicator(
        "3.5b",
        3,
        "TTHC phát sinh thanh toán trực tuyến",
        "Procedures paid online",
        "fee procedures with a dossier paid online / procedures with a non-zero fee",
        catalogue=True,
    ),
    Indicator(
        "3.6",
        3,
        "Hồ sơ thanh toán trực tuyến",
        "Dossiers paid online",
        "paid online / fee-bearing dossiers received",
    ),
    Indicator(
        "4.1",
        4,
        "Cấp kết quả điện tử",
        "Electronic results",
        "electronic results / dossiers resolved, of procedures whose result is on paper",
        catalogue=True,
    ),
    Indicator(
        "4.2",
        4,
        "Số hóa hồ sơ",
        "Digitised dossiers",
        "digitised (and electronic result where issued) / dossiers received",
    ),
    Indicator(
        "4.2b",
        4,
        "Chứng thực bản sao điện tử",
        "Electronic certified copies",
        "electronic certified copies / copies certified",
        needs=("certified_copies",),
    ),
    Indicator(
        "4.3",
        4,
        "Tái sử dụng dữ liệu số hóa",
        "Reuse of digitised data",
        "dossiers reusing digitised data / dossiers received",
        needs=("reused",),
    ),
    Indicator(
        "4.4",
        4,
        "Hồ sơ gắn kho dữ liệu công dân",
        "Dossiers linked to citizen storage",
        "dossiers linked to the DVCQG citizen storage / dossiers received",
        needs=("citizen_storage",),
    ),
    Indicator(
        "4.5a",
        4,
        "TTHC kết nối CSDL dân cư",
        "Procedures connected to the population DB",
        "procedures connected / procedures whose applicants are citizens",
        needs=("population_db_procedures",),
    ),
    Indicator(
        "4.5b",
        4,
        "Hồ sơ sử dụng dữ liệu dân cư",
        "Dossiers using population-DB data",
        "dossiers using population-database data / dossiers received",
        needs=("population_db_dossiers",),
    ),
    Indicator(
        "5.1",
        5,
        "Phân loại phản ánh, kiến nghị",
        "Feedback classified",
        "feedback classified / feedback received",
        needs=("feedback_classified",),
    ),
    Indicator(
        "5.2",
        5,
        "PAKN được xử lý đúng hạn",
        "Feedback handled on time",
        "feedback handled on time / received or handled",
        needs=("feedback_on_time",),
    ),
    Indicator(
        "5.3",
        5,
        "Hài lòng về xử lý PAKN",
        "Satisfaction with feedback handling",
        "feedback handled satisfactorily / first received",
        needs=("feedback_satisfied",),
    ),
    Indicator(
        "5.4",
        5,
        "Hài lòng về giải quyết TTHC",
        "Satisfaction with procedure handling",
        "1 - (overdue dossiers + dossiers with feedback or a dislike) / dossiers processed",
        needs=("complained",),
    ),
)
INDICATORS: Final[Mapping[str, Indicator]] = {i.code: i for i in _ALL}


@attrs.frozen
class IndicatorResult:
    """One indicator's value and score, or what it needs.

    Attributes:
        code: The indicator (``2.1``...).
        name: Its Vietnamese name.
        numerator: The counted items.
        denominator: Out of.
        rate: ``numerator / denominator`` exactly; None when the denominator is 0 or it
            was not computed.
        points: Points earned (exact); None when the rate is None.
        max_points: Points available under the configuration.
        unknown: Dossiers (or procedures) left out because the fact was not stated.
        formula: How it is computed.
        group: Its group, 1 to 5.
        name_en: Its English name.
        source: How well the definition was checked.
        needs: What was missing to compute it (input names, or ``catalogue``); empty when
            it was computed. Never scored 0 for want of data.
    """

    code: str
    name: str
    numerator: int
    denominator: int
    rate: Fraction | None
    points: Fraction | None
    max_points: int
    unknown: int
    formula: str
    group: int = 0
    name_en: str = ""
    source: Confidence = Confidence.SECONDARY
    needs: tuple[str, ...] = ()

    @property
    def computed(self) -> bool:
        """True if it was computed (nothing it needs is missing)."""
        return not self.needs

    @property
    def status(self) -> str:
        """``computed``, or e.g. ``not computed: needs announcements``."""
        return "computed" if self.computed else "not computed: needs " + ", ".join(self.needs)
