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
    "citation_vi",
    "citations_vi",
    "in_english",
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


#: The kinds of instrument as English citations name them, and their Vietnamese names.
_KINDS_EN: Final = {
    "Joint Circular": "Thông tư liên tịch",
    "Decree": "Nghị định",
    "Circular": "Thông tư",
    "Decision": "Quyết định",
    "Resolution": "Nghị quyết",
    "Directive": "Chỉ thị",
}
_KIND_EN: Final = "|".join(_KINDS_EN)
#: An instrument's number: ``61/2018/NĐ-CP``, ``27/CT-TTg``, ``23/2015``.
_NUMBER: Final = r"\d+(?:/[^\W_]+(?:-[^\W_]+)*)+"
#: One article, clause and point, or a range of articles: ``Art. 11(1)(b)``, ``Art. 16-17``.
_ONE_REF: Final = r"Arts?\.\s*\d+[a-z]?(?:-\d+[a-z]?|(?:\(\d+\))?(?:\([a-zđ]{1,2}\))?)"
#: An instrument cited in English inside free text, with the article that follows it: a
#: numbered instrument (``Decree 23/2015/NĐ-CP Art. 7``, ``Circular 226/2016/TT-BTC``) or a
#: law by its Vietnamese name and an article (``Luật Hộ tịch 2014 Art. 16``).
_CITED: Final = re.compile(
    rf"\b(?P<kind>{_KIND_EN}) (?P<number>{_NUMBER})(?: (?P<article>{_ONE_REF}))?"
    rf"|(?P<law>(?:Bộ l|L)uật(?: [^\W\d_]+)+?)(?: (?P<year>\d{{4}}))? (?P<law_article>{_ONE_REF})"
    rf"|(?P<bare>{_ONE_REF})"
)


def citation_vi(number: str, articles: str = "", *, capital: bool = True) -> str:
    """Return an instrument cited the English way, and its *articles*, the Vietnamese way.

    *number* is the instrument as its English citation names it (``Decree 61/2018/NĐ-CP``,
    the ``number`` of :mod:`motcua.domain.instruments`); *articles* are in the ``Art. 19(1)``
    notation, or already Vietnamese (``mẫu số 01``). Not *capital*: a citation inside a
    sentence, whose clause or point is written in lower case (``khoản 1 Điều 19 ...``).

    >>> citation_vi("Decree 61/2018/NĐ-CP", "Art. 19(1)")
    'Khoản 1 Điều 19 Nghị định 61/2018/NĐ-CP'
    >>> citation_vi("Directive 27/CT-TTg", "điểm đ khoản 1")
    'Điểm đ khoản 1 Chỉ thị 27/CT-TTg'
    >>> citation_vi("Resolution 203/2025/QH15")
    'Nghị quyết 203/2025/QH15'
    >>> citation_vi("Circular 01/2018/TT-VPCP", "mẫu số 01", capital=False)
    'mẫu số 01 Thông tư 01/2018/TT-VPCP'
    """
    basis = LegalBasis(number, "", articles)
    for kind, kind_vi in _KINDS_EN.items():
        if number.startswith(kind + " "):
            basis = LegalBasis(number[len(kind) + 1 :], kind_vi, articles)
            break
    return legal_basis_vi(basis) if capital else _in_sentence(legal_basis_vi(basis))


def _in_sentence(citation: str) -> str:
    """A citation inside a sentence: a clause, point or form in lower case (``Điều`` kept)."""
    if citation.startswith(("Điểm ", "Khoản ", "Mẫu ", "Biểu ")):
        return citation[0].lower() + citation[1:]
    return citation


def _cited_vi(match: re.Match[str]) -> str:
    if match["kind"] is not None:
        number = f"{match['kind']} {match['number']}"
        return citation_vi(number, match["article"] or "", capital=False)
    if match["law"] is not None:
        law = LegalBasis(match["year"] or "", match["law"], match["law_article"])
        return _in_sentence(legal_basis_vi(law))
    return _articles_vi(match["bare"])


def citations_vi(text: str) -> str:
    """Return free text with every instrument cited in English written the Vietnamese way.

    Articles come first and the instrument's kind is named in Vietnamese; the rest of the
    text is left as it is written.

    >>> citations_vi("Time limit: Luật Hộ tịch 2014 Art. 16 (immediately on receipt).")
    'Time limit: Điều 16 Luật Hộ tịch 2014 (immediately on receipt).'
    >>> citations_vi("Decree 23/2015/NĐ-CP Art. 7; Circular 226/2016/TT-BTC; Art. 9(1)")
    'Điều 7 Nghị định 23/2015/NĐ-CP; Thông tư 226/2016/TT-BTC; khoản 1 Điều 9'
    >>> citations_vi("Fee exemption: Luật Hộ tịch Art. 11(1)(b).")
    'Fee exemption: điểm b khoản 1 Điều 11 Luật Hộ tịch.'
    """
    return _CITED.sub(_cited_vi, text)


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
    61/2018/NĐ-CP"), or in English with *lang* ``en``. The source is free text recorded with
    the catalogue: in Vietnamese its citations of instruments are written the Vietnamese way
    (:func:`citations_vi`) and the rest is printed as recorded; a note recorded in English
    (the sample catalogue's are, :func:`in_english`) is labelled so ("nguồn (ghi chú bằng
    tiếng Anh, như trong danh mục)"), never passed off as Vietnamese. Its research marks
    are shown only when *verbose*.
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
        label = labels[5]
        if lang == "vi":
            if in_english(source):
                label = _SOURCE_IN_ENGLISH
            source = citations_vi(source)
        lines.append(f"  {label}: {source}")
    return "".join(line + "\n" for line in lines)


#: The label of a source note recorded in English, in Vietnamese text: said, not hidden.
_SOURCE_IN_ENGLISH: Final = "nguồn (ghi chú bằng tiếng Anh, như trong danh mục)"
#: Words of English notes that a Vietnamese note does not use.
_ENGLISH_WORDS: Final = frozenset(
    ["the", "of", "and", "with", "from", "for", "by", "at", "on", "is", "are", "not", "code"]
)


def in_english(text: str) -> bool:
    """True if free text (a catalogue's source note) is written in English.

    Vietnamese words carry accents and English ones do not: a note is English when fewer
    than a third of its words have a letter outside ASCII (the Vietnamese names it cites,
    ``Luật Hộ tịch``, are a few) and it uses an English word (``the``, ``of``, ``code``...).
    A Vietnamese note written without accents is taken for English only if it uses one of
    those words.

    >>> in_english("Time limit: Luật Hộ tịch 2014 Art. 16 (immediately on receipt); fee: none")
    True
    >>> in_english("Quyết định 1234/QĐ-UBND của Ủy ban nhân dân tỉnh, công bố ngày 01/02/2024")
    False
    """
    words = [w.lower() for w in re.findall(r"[^\W\d_]+", text)]
    accented = sum(not w.isascii() for w in words)
    return 3 * accented < len(words) and not _ENGLISH_WORDS.isdisjoint(words)
