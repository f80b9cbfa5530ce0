"""Rules on published figures: the Biểu 06 identities (``report-identities``)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Final

from motcua.analyses.compliance.rules import Basis, Context, Finding, Message, Rule, Violation
from motcua.analyses.verify import Check, verify_figures, verify_series
from motcua.foundation.confidence import Confidence

__all__ = ["REPORT_IDENTITIES", "check_figures"]


def _check_identity(c: Check, _ctx: Context) -> list[Finding]:
    if c.status != "failed":
        return []
    return [(Message(c.message, c.message_vi), {"identity": str(c.identity)})]


REPORT_IDENTITIES: Final[Rule[Check]] = Rule(
    "report-identities",
    "Published Biểu 06 figures satisfy the form's identities, and consecutive periods chain",
    (
        Basis(
            "C01-2020",
            "Biểu 06 (column sums; columns read in a provincial implementation, annex not "
            "read); consecutive periods chain (Decree 09/2019 reporting periods)",
            Confidence.SECONDARY,
            article="biểu số 06/VPCP/KSTT",
            note_vi="tổng các cột; các kỳ liên tiếp nối tiếp nhau theo kỳ báo cáo của Nghị "
            "định 09/2019/NĐ-CP",
        ),
    ),
    {},
    _check_identity,
)


def check_figures(
    figures: Mapping[str, object] | Iterable[Mapping[str, object]],
) -> tuple[Violation, ...]:
    """Check published Biểu 06 figures: each failed identity is a ``report-identities`` violation.

    One object is one period; a sequence is consecutive periods (carry-over chains too).
    """
    result = (
        verify_figures(figures) if isinstance(figures, Mapping) else verify_series(list(figures))
    )
    ctx = Context()
    return tuple(
        violation
        for c in result.failures
        for violation in REPORT_IDENTITIES.violations(c, ctx, name=f"figures[{c.period}]")
    )
