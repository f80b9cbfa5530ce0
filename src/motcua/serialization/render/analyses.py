"""Analyses as JSON and text: coverage, Decision 766 indicators, verification, violations."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any, Final

from motcua.analyses.compliance.rules import Basis, Violation
from motcua.analyses.index766 import IndicatorResult
from motcua.analyses.periods import Period, Window
from motcua.analyses.posting import Coverage
from motcua.analyses.rates import percent, round_half_up
from motcua.analyses.verify import Verification
from motcua.domain.instruments import instrument
from motcua.domain.units import Level
from motcua.foundation.errors import InvalidInputError
from motcua.serialization.render.marks import research_note_vi, without_marks
from motcua.serialization.render.procedures import citation_vi

__all__ = [
    "basis_vi",
    "checks_text",
    "checks_to_json",
    "coverage_text",
    "coverage_to_json",
    "indicators_text",
    "indicators_to_json",
    "violation_basis_vi",
    "violations_summary",
    "violations_text",
    "violations_to_json",
]


def coverage_to_json(day: date, coverage: Mapping[Level, Coverage]) -> dict[str, Any]:
    """Return the posting coverage on *day*, per level: total, physical, electronic, both."""
    return {
        "on": day.isoformat(),
        "levels": {
            level.value: {
                "total": c.total,
                "physical": c.physical,
                "electronic": c.electronic,
                "both": c.both,
            }
            for level, c in coverage.items()
        },
    }


def coverage_text(coverage: Mapping[Level, Coverage], *, lang: str = "vi") -> str:
    """Return one line per level, e.g. ``Cấp Xã: 297/297 (niêm yết 297, điện tử 297)``.

    The count is of procedures posted both ways; then those posted at the office
    (*niêm yết*) and electronically.
    """
    _check(lang)
    if lang == "en":
        return "".join(f"{level.value}: {c}\n" for level, c in coverage.items())
    return "".join(
        f"{level.vi}: {c.both}/{c.total} (niêm yết {c.physical}, điện tử {c.electronic})\n"
        for level, c in coverage.items()
    )


def _check(lang: str) -> None:
    if lang not in ("vi", "en"):
        raise InvalidInputError("lang", "vi or en", lang)


def _number(value: object, lang: str) -> str:
    """A decimal as text: ``90,91`` in Vietnamese, ``90.91`` in English."""
    return str(value).replace(".", ",") if lang == "vi" else str(value)


# -- reports ------------------------------------------------------------------------------


def indicators_to_json(
    period: Period, results: Iterable[IndicatorResult], config: str
) -> dict[str, Any]:
    """Return the Decision 766 indicators of *period* under the configuration *config*."""
    return {
        "period": period.spec,
        "config": config,
        "indicators": [
            {
                "code": r.code,
                "name": r.name,
                "numerator": r.numerator,
                "denominator": r.denominator,
                "rate": None if r.rate is None else str(r.rate),
                "percent": None if r.rate is None else str(percent(r.rate)),
                "points": None if r.points is None else str(round_half_up(r.points)),
                "max_points": r.max_points,
                "unknown": r.unknown,
                "formula": r.formula,
                "group": r.group,
                "name_en": r.name_en,
                "source": r.source.value,
                "needs": list(r.needs),
                "status": r.status,
            }
            for r in results
        ],
    }


_INDICATOR_WORDS: Final = {
    "vi": {
        "title": "Chỉ số Quyết định 766/QĐ-TTg, kỳ {spec} ({start}-{end}{window}) ({config})",
        "calendar": ", lịch dương",
        "needs": "chưa tính: thiếu số liệu đầu vào {}",
        "max": "tối đa",
        "points": "điểm",
        "unknown": "không xác định",
    },
    "en": {
        "title": "Decision 766/QĐ-TTg indicators, {spec} ({start}-{end}{window}) ({config})",
        "calendar": ", calendar",
        "needs": "not computed: needs {}",
        "max": "max",
        "points": "points",
        "unknown": "unknown",
    },
}


def indicators_text(
    period: Period, results: Iterable[IndicatorResult], config: str, *, lang: str = "vi"
) -> str:
    """Return a title line, then one line per indicator (rate and points).

    Names are the decision's Vietnamese ones (English with *lang* ``en``); an indicator
    whose inputs are missing says which, by their names in the API (``chưa tính: thiếu số
    liệu đầu vào announcements``), never 0.
    """
    _check(lang)
    w = _INDICATOR_WORDS[lang]
    window = w["calendar"] if period.window is Window.CALENDAR else ""
    lines = [
        w["title"].format(
            spec=period.spec,
            start=f"{period.start:%d/%m/%Y}",
            end=f"{period.end:%d/%m/%Y}",
            window=window,
            config=config,
        )
    ]
    for r in results:
        name = r.name if lang == "vi" else (r.name_en or r.name)
        if r.needs and not r.computed:
            needs = w["needs"].format(", ".join(r.needs))
            lines.append(f"  {r.code} {name}: {needs}, {w['max']} {r.max_points}")
            continue
        pct = "-" if r.rate is None else f"{_number(percent(r.rate), lang)} %"
        pts = (
            "-" if r.points is None else f"{_number(round_half_up(r.points), lang)}/{r.max_points}"
        )
        extra = f", {r.unknown} {w['unknown']}" if r.unknown else ""
        lines.append(
            f"  {r.code} {name}: {r.numerator}/{r.denominator} = {pct}, {w['points']} {pts}{extra}"
        )
    return "".join(line + "\n" for line in lines)


_VERDICTS = {
    "en": {
        "consistent": "consistent",
        "nothing checked": "nothing checked: no identity has "
        "enough known figures (add the totals and their parts)",
    },
    "vi": {
        "consistent": "nhất quán",
        "nothing checked": "không kiểm tra được gì: không đẳng "
        "thức nào đủ số liệu (thêm các tổng và các phần của chúng)",
    },
}


_STATUS_VI = {"ok": "KHỚP", "failed": "SAI", "implied": "SUY RA", "skipped": "BỎ QUA"}


def checks_to_json(result: Verification) -> dict[str, Any]:
    """Return a verification: ``outcome``, ``ok`` and every check made (skipped ones left out).

    Each check has its ``message`` in English and ``message_vi`` in Vietnamese; a figure
    implied twice with different values has a ``conflict`` (key, first value, second value).
    """
    return {
        "outcome": result.outcome,
        "ok": result.ok,
        "checked": result.checked,
        "checks": [
            {
                "identity": str(c.identity),
                "kind": c.identity.kind,
                "period": c.period,
                "status": c.status,
                "message": c.message,
                "message_vi": c.message_vi,
                **({"implied": {c.implied[0]: c.implied[1]}} if c.implied else {}),
                **(
                    {
                        "conflict": {
                            "key": c.conflict[0],
                            "first": c.conflict[1],
                            "second": c.conflict[2],
                        }
                    }
                    if c.conflict
                    else {}
                ),
            }
            for c in result.checks
            if c.status != "skipped"
        ],
    }


def checks_text(result: Verification, *, series: bool = False, lang: str = "vi") -> str:
    """Return one line per check made, then the verdict (*series*: name each check's period).

    The status words, the messages and the verdict are in Vietnamese, or in English with
    *lang* ``en``.
    """
    _check(lang)
    vi = lang == "vi"
    lines = [
        f"{f'[{c.period}] ' if series else ''}"
        f"{(_STATUS_VI[c.status] if vi else c.status.upper()):<8} "
        f"{c.message_vi if vi else c.message}"
        for c in result.checks
        if c.status != "skipped"
    ]
    if result.failures:
        n = len(result.failures)
        lines.append(f"{n} kiểm tra không đạt" if vi else f"{n} identity(ies) fail")
    else:
        lines.append(_VERDICTS["vi" if vi else "en"][result.outcome])
    return "".join(line + "\n" for line in lines)


# -- compliance ---------------------------------------------------------------------------


def basis_vi(basis: Basis) -> str:
    """Return a rule's basis the Vietnamese way: the article, the instrument, what it says.

    The reading notes (how the article was read) stay in the English ``articles``.

    >>> from motcua.analyses.compliance import RULES
    >>> code = next(r for r in RULES if r.id == "code")
    >>> basis_vi(code.bases[0])
    'Điều 19 Thông tư 01/2018/TT-VPCP (mã hồ sơ ghi ngày tiếp nhận dạng YYMMDD)'
    """
    head = citation_vi(instrument(basis.instrument).number, basis.article, capital=False)
    return f"{head} ({basis.note_vi})" if basis.note_vi else head


def violation_basis_vi(violation: Violation) -> str:
    """Return the bases a violation cites, the Vietnamese way, separated by ``; ``.

    A violation built without its bases (by hand) has only its English ``basis``: that is
    returned as it is written, without its research marks.
    """
    if not violation.bases:
        return without_marks(violation.basis)
    return "; ".join(basis_vi(b) for b in violation.bases)


def violations_to_json(violations: Iterable[Violation]) -> list[dict[str, Any]]:
    """Return each violation's rule, dossier, basis, message, regime and facts.

    ``basis`` and ``message`` are in English (the basis with its reading notes);
    ``basis_vi`` and ``message_vi`` are the Vietnamese ones (``message_vi`` is null for a
    rule that words its message in English only).
    """
    return [
        {
            "rule": v.rule,
            "dossier": v.dossier,
            "basis": v.basis,
            "message": v.message,
            "regime": v.regime,
            "facts": dict(v.facts),
            "basis_vi": violation_basis_vi(v),
            "message_vi": v.message_vi or None,
        }
        for v in violations
    ]


def _violation_line(v: Violation, *, verbose: bool, lang: str) -> str:
    if lang == "en":
        return (
            str(v)
            if verbose
            else f"[{v.rule}] {v.dossier}: {v.message} ({without_marks(v.basis)})"
        )
    line = f"[{v.rule}] {v.dossier}: {v.message_vi or v.message} — căn cứ: {violation_basis_vi(v)}"
    return f"{line} [{research_note_vi(v.basis)}]" if verbose else line


def violations_text(
    violations: Sequence[Violation], checked: int, *, verbose: bool = False, lang: str = "vi"
) -> str:
    """Return one line per violation, then how many of the *checked* dossiers broke a rule.

    Each line is ``[rule] dossier: message — căn cứ: basis``, in Vietnamese, the bases
    written the Vietnamese way (``khoản 1 Điều 19 Nghị định 61/2018/NĐ-CP (...)``, see
    :func:`basis_vi`); with *lang* ``en`` it is ``[rule] dossier: message (basis)``. A rule
    that words its message in English only is printed as it words it. The research marks
    and reading notes ("article not read") are shown only when *verbose*: in English the
    basis keeps them; in Vietnamese the English basis that has them follows in square
    brackets, introduced as English (``[ghi chú nghiên cứu, tiếng Anh: ...]``; JSON always
    has them).
    """
    _check(lang)
    lines = [_violation_line(v, verbose=verbose, lang=lang) for v in violations]
    dossiers = len({v.dossier for v in violations})
    lines.append(violations_summary(len(violations), dossiers, checked, lang=lang))
    return "".join(line + "\n" for line in lines)


def violations_summary(count: int, dossiers: int, checked: int, *, lang: str = "vi") -> str:
    """Return the closing line of :func:`violations_text` from the counts alone.

    *count* violations in *dossiers* of the *checked* dossiers; a stream that does not keep
    every violation (``motcua check``) prints the same line.

    >>> violations_summary(3, 2, 10)
    '3 vi phạm ở 2/10 hồ sơ'
    >>> violations_summary(0, 0, 10, lang="en")
    'no violations in 10 dossier(s)'
    """
    _check(lang)
    if lang == "vi":
        if count:
            return f"{count} vi phạm ở {dossiers}/{checked} hồ sơ"
        return f"không có vi phạm trong {checked} hồ sơ"
    if count:
        return f"{count} violation(s) in {dossiers} of {checked} dossier(s)"
    return f"no violations in {checked} dossier(s)"
