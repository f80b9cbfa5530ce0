"""Procedures as text: terms, fees, online level and legal bases, the Vietnamese way."""

from __future__ import annotations

import re
from typing import Final

from motcua.analyses.notices import limit_vi
from motcua.domain.procedures import LegalBasis, NoTimeLimit, OnlineLevel, Procedure
from motcua.domain.terms import ChannelTerm
from motcua.foundation.errors import InvalidInputError
from motcua.serialization.render.marks import without_marks
from motcua.time.limits import CountingRule

__all__ = [
    "legal_basis_vi",
    "procedure_text",
]


_ONLINE: Final = {
    "vi": {
        OnlineLevel.FULL: "toàn trình",
        OnlineLevel.PARTIAL: "một phần",
        OnlineLevel.UNSTATED: "có, chưa rõ mức độ",
        OnlineLevel.NONE: "không",
    },
    "en": {
        OnlineLevel.FULL: "full process",
        OnlineLevel.PARTIAL: "partial",
        OnlineLevel.UNSTATED: "offered, level not stated",
        OnlineLevel.NONE: "none",
    },
}
_RULE_VI: Final = {
    CountingRule.WORKING_TIME: "liên tục theo giờ làm việc từ khi tiếp nhận",
    CountingRule.WHOLE_DAYS: "không tính ngày tiếp nhận (Bộ luật Dân sự)",
    CountingRule.CALENDAR_DAYS: "theo ngày lịch (Bộ luật Dân sự)",
    CountingRule.MONTHS: "theo tháng (Bộ luật Dân sự)",
    CountingRule.SAME_DAY: "trong ngày",
}
_PROCEDURE_LABELS: Final = {
    "vi": (
        "lĩnh vực",
        "cấp thực hiện",
        "dịch vụ trực tuyến",
        "thời hạn và phí theo kênh",
        "căn cứ pháp lý",
        "nguồn",
        "kênh",
        "cách tính",
    ),
    "en": (
        "field",
        "levels",
        "online service",
        "time limits and fees by channel",
        "legal basis",
        "source",
        "channel",
        "rule",
    ),
}
_CHANNEL_EN: Final = {1: "in person", 2: "online", 3: "public postal service"}
#: ``Art. 11(1)(b)``: article, clause, point.
_ARTICLE: Final = re.compile(r"\bArts?\.\s*(\d+[a-z]?)(?:\((\d+)\))?(?:\(([a-zđ]{1,2})\))?")
_ONE_ARTICLE: Final = re.compile(r"(\d+[a-z]?)(?:\((\d+)\))?(?:\(([a-zđ]{1,2})\))?")
_KINDS_VI: Final = (
    "Nghị định",
    "Thông tư liên tịch",
    "Thông tư",
    "Quyết định",
    "Nghị quyết",
    "Chỉ thị",
)


def _article_vi(match: re.Match[str]) -> str:
    article, clause, point = match.groups()
    text = f"Điều {article}"
    if clause:
        text = f"khoản {clause} {text}"
    if point:
        text = f"điểm {point} {text}"
    return text


def _articles_vi(text: str) -> str:
    """``Art. 9, 11(1)(b)`` -> ``Điều 9, điểm b khoản 1 Điều 11``; other text as it is."""
    head = re.match(r"Arts?\.\s*", text)
    if head is None:
        return _ARTICLE.sub(_article_vi, text)
    out = []
    for i, token in enumerate(text[head.end() :].split(", ")):
        one = _ONE_ARTICLE.fullmatch(token)
        if one is None:
            return _ARTICLE.sub(_article_vi, text)
        plain = not one.group(2) and not one.group(3)
        out.append(one.group(1) if plain and i else _article_vi(one))
    return ", ".join(out)


def legal_basis_vi(basis: LegalBasis) -> str:
    """Return a legal basis written the Vietnamese way: articles first, then the instrument.

    >>> from motcua.domain.procedures import LegalBasis
    >>> legal_basis_vi(LegalBasis("61/2018/NĐ-CP", "Nghị định", "Art. 9"))
    'Điều 9 Nghị định 61/2018/NĐ-CP'
    >>> legal_basis_vi(LegalBasis("60/2014/QH13", "Luật Hộ tịch", "Art. 9, 11(1)(b)"))
    'Điều 9, điểm b khoản 1 Điều 11 Luật Hộ tịch 60/2014/QH13'
    >>> legal_basis_vi(LegalBasis("01/2021/NĐ-CP", "Nghị định về đăng ký doanh nghiệp"))
    'Nghị định 01/2021/NĐ-CP về đăng ký doanh nghiệp'
    """
    title = basis.title.strip()
    kind = next((k for k in _KINDS_VI if title == k or title.startswith(k + " ")), None)
    if kind is not None:
        rest = title[len(kind) :].strip()
        head = f"{kind} {basis.instrument}" + (f" {rest}" if rest else "")
    else:
        head = f"{title} {basis.instrument}".strip()
    articles = _articles_vi(basis.articles.strip())
    if not articles:
        return head
    return articles[0].upper() + articles[1:] + " " + head


def _fee_text(term: ChannelTerm) -> str:
    return "; ".join(
        f"{f.description}" + ("" if f.amount is None else f" = {f.amount:,} đ".replace(",", "."))
        for f in term.fees
    )


def _term_lines(procedure: Procedure, lang: str) -> list[str]:
    labels = _PROCEDURE_LABELS[lang]
    lines = []
    for term in procedure.terms:
        rule = term.counting_rule
        if lang == "vi":
            limit = (
                "không quy định thời hạn"
                if isinstance(term.limit, NoTimeLimit)
                else limit_vi(term.limit, padded=False)
            )
            channel = term.channel.vi
            how = None if rule is None or rule is CountingRule.SAME_DAY else _RULE_VI[rule]
        else:
            limit = "no time limit" if isinstance(term.limit, NoTimeLimit) else str(term.limit)
            channel = _CHANNEL_EN[term.channel.value]
            how = None if rule is None else rule.value
        fees = _fee_text(term)
        case = f" [{term.case}]" if term.case else ""
        lines.append(
            f"    {labels[6]} {term.channel.value} ({channel}){case}: {limit}"
            + (f", {labels[7]}: {how}" if how else "")
            + (f"; {fees}" if fees else "")
        )
    return lines


def procedure_text(procedure: Procedure, *, verbose: bool = False, lang: str = "vi") -> str:
    """Return a procedure's field, levels, terms and fees per channel, and legal basis.

    In Vietnamese (limits as "7 ngày làm việc", legal bases as "Điều 9 Nghị định
    61/2018/NĐ-CP"), or in English with *lang* ``en``. The source's research marks are
    shown only when *verbose*.
    """
    if lang not in _PROCEDURE_LABELS:
        raise InvalidInputError("lang", "vi or en", lang)
    labels = _PROCEDURE_LABELS[lang]
    levels = (level.vi if lang == "vi" else level.value for level in procedure.levels)
    bases = (legal_basis_vi(b) if lang == "vi" else str(b) for b in procedure.legal_basis)
    lines = [
        f"{procedure.code}  {procedure.name}",
        f"  {labels[0]}: {procedure.field}",
        f"  {labels[1]}: {', '.join(levels)}",
        f"  {labels[2]}: {_ONLINE[lang][procedure.online_level]}",
        f"  {labels[3]}:",
        *_term_lines(procedure, lang),
        f"  {labels[4]}:",
        *(f"    {basis}" for basis in bases),
    ]
    if procedure.source:
        source = procedure.source if verbose else without_marks(procedure.source)
        lines.append(f"  {labels[5]}: {source}")
    return "".join(line + "\n" for line in lines)
