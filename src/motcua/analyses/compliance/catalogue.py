"""Rules on the catalogue: every procedure states its mandatory parts and is posted.

* ``procedure-parts``: Decree 63/2010/NĐ-CP Art. 8(2) lists the parts a procedure must
  state: name, sequence, method, dossier components, time limit, applicants, implementing
  agency and result [C via 766 indicator 1.3; R for the article text].
* ``posting``: on a given day, the procedure is posted both physically and electronically
  (Decree 63/2010 Art. 16-17; the one-stop decrees) [R].
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Final

from motcua.analyses.compliance.rules import Basis, Context, Finding, Message, Rule, Violation
from motcua.domain.procedures import Catalogue, Medium, Procedure
from motcua.foundation.confidence import Confidence

__all__ = ["CATALOGUE_RULES", "MANDATORY_PARTS", "POSTING", "PROCEDURE_PARTS", "check_catalogue"]

#: Decree 63/2010/NĐ-CP Art. 8(2): the parts every procedure must state (as used by the
#: DVCQG 766 indicator 1.3 [C-impl]): part -> how to tell it is there.
MANDATORY_PARTS: Final[tuple[tuple[str, Callable[[Procedure], bool]], ...]] = (
    ("name (tên)", lambda p: bool(p.name.strip())),
    ("sequence (trình tự)", lambda p: bool(p.steps)),
    ("method (cách thức)", lambda p: bool(p.terms)),
    ("dossier components (thành phần hồ sơ)", lambda p: bool(p.documents)),
    ("time limit (thời hạn)", lambda p: bool(p.terms)),
    ("applicants (đối tượng)", lambda p: bool(p.applicants)),
    ("implementing agency (cơ quan thực hiện)", lambda p: bool(p.implementing_agencies)),
    ("result (kết quả)", lambda p: bool(p.results)),
)


#: Where a procedure is posted, in Vietnamese.
_MEDIUM_VI: Final = {Medium.PHYSICAL: "tại trụ sở", Medium.ELECTRONIC: "điện tử"}


def _part_vi(part: str) -> str:
    """The Vietnamese name a part gives in brackets: ``name (tên)`` -> ``tên``."""
    return part[part.index("(") + 1 : -1]


def _check_parts(p: Procedure, _ctx: Context) -> list[Finding]:
    missing = [part for part, present in MANDATORY_PARTS if not present(p)]
    if missing:
        return [
            (
                Message(
                    "missing: " + ", ".join(missing),
                    "thiếu: " + ", ".join(_part_vi(part) for part in missing),
                ),
                {"missing": ", ".join(missing)},
            )
        ]
    return []


def _check_posting(p: Procedure, ctx: Context) -> list[Finding]:
    on = ctx.on
    if on is None or not p.levels_on(on):
        return []
    unposted = [m for m in Medium if not p.posting.is_posted(m, on)]
    media = [m.value for m in unposted]
    if media:
        return [
            (
                Message(
                    f"not posted ({' and '.join(media)}) on {on:%d/%m/%Y}",
                    f"chưa niêm yết ({' và '.join(_MEDIUM_VI[m] for m in unposted)}) ngày "
                    f"{on:%d/%m/%Y}",
                ),
                {"missing": ", ".join(media), "on": on.isoformat()},
            )
        ]
    return []


PROCEDURE_PARTS: Final[Rule[Procedure]] = Rule(
    "procedure-parts",
    "A procedure states every mandatory part",
    (
        Basis(
            "D63-2010",
            "Art. 8(2) (article not read; the parts as used by 766 indicator 1.3)",
            Confidence.RECALLED,
            article="Art. 8(2)",
            note_vi="các bộ phận bắt buộc của thủ tục, như chỉ số 1.3 Quyết định 766/QĐ-TTg "
            "sử dụng",
        ),
    ),
    {},
    _check_parts,
)

POSTING: Final[Rule[Procedure]] = Rule(
    "posting",
    "A procedure carried out on the day is posted physically and electronically",
    (
        Basis(
            "D63-2010",
            "Art. 16-17 (publicising procedures; not read)",
            Confidence.RECALLED,
            article="Art. 16-17",
            note_vi="công khai thủ tục hành chính",
        ),
        Basis(
            "D61-2018",
            "posting at the one-stop unit (article not read)",
            Confidence.RECALLED,
            note_vi="niêm yết tại bộ phận một cửa",
        ),
        Basis(
            "D118-2025",
            "posting at the one-stop unit (article not read)",
            Confidence.RECALLED,
            note_vi="niêm yết tại bộ phận một cửa",
        ),
    ),
    {},
    _check_posting,
)

#: The catalogue rules, in reference order.
CATALOGUE_RULES: Final[tuple[Rule[Procedure], ...]] = (PROCEDURE_PARTS, POSTING)


def check_catalogue(catalogue: Catalogue, *, on: date | None = None) -> tuple[Violation, ...]:
    """Check each procedure for the mandatory parts, and (with *on*) for posting.

    * ``procedure-parts``: Decree 63/2010/NĐ-CP Art. 8(2) lists the parts a procedure must
      state: name, sequence, method, dossier components, time limit, applicants,
      implementing agency and result [C via 766 indicator 1.3; R for the article text].
    * ``posting``: on *on*, the procedure is posted both physically and electronically
      (Decree 63/2010 Art. 16-17; the one-stop decrees) [R].
    """
    ctx = Context(on=on)
    return tuple(
        violation
        for p in catalogue
        for rule in CATALOGUE_RULES
        for violation in rule.violations(p, ctx, name=str(p.code))
    )
