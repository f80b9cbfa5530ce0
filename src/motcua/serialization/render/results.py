"""The JSON and text of every result except the report (:mod:`.reports`)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from fractions import Fraction
from typing import Any, Final

from motcua.analyses.compliance.rules import Violation
from motcua.analyses.index766 import IndicatorResult
from motcua.analyses.notices import limit_vi
from motcua.analyses.periods import Period
from motcua.analyses.posting import Coverage
from motcua.analyses.rates import percent, round_half_up
from motcua.analyses.time_left import DEFAULT_WARN_AT, TimeLeft, time_left
from motcua.analyses.verify import Verification
from motcua.domain.codes import DossierCode
from motcua.domain.dossiers import Dossier, as_of_instant
from motcua.domain.lifecycle import Status
from motcua.domain.procedures import LegalBasis, NoTimeLimit, OnlineLevel, Procedure
from motcua.domain.terms import ChannelTerm
from motcua.domain.timeliness import Timeliness
from motcua.domain.units import Level
from motcua.foundation.errors import InvalidInputError
from motcua.serialization.limits import limit_to_json
from motcua.serialization.render.marks import without_marks
from motcua.time.limits import CountingRule

__all__ = [
    "checks_text",
    "checks_to_json",
    "code_text",
    "code_to_json",
    "coverage_text",
    "coverage_to_json",
    "dossier_summary",
    "dossiers_text",
    "dumps",
    "indicators_text",
    "indicators_to_json",
    "legal_basis_vi",
    "period_basis",
    "period_note",
    "period_text",
    "period_to_json",
    "procedure_text",
    "time_left_to_json",
    "violations_text",
    "violations_to_json",
    "with_counts",
]

#: The note for a reporting window that contains the 2025 reform (two-tier government).
_REFORM_NOTE = (
    "note: the period straddles 2025-07-01 (two-tier local government); "
    "district-level rows cover only the part before it"
)


def dumps(data: object, *, indent: int | None = 2) -> str:
    """Return *data* as JSON text, UTF-8 kept readable (no trailing newline)."""
    return json.dumps(data, ensure_ascii=False, indent=indent)


def with_counts(data: Mapping[str, Any], *, read: int, skipped: int) -> dict[str, Any]:
    """Return *data* with the input's counts: ``read`` (good records) and ``skipped`` (bad)."""
    return {**data, "read": read, "skipped": skipped}


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat(timespec="minutes")


# -- periods ------------------------------------------------------------------------------


def period_to_json(period: Period) -> dict[str, Any]:
    """Return a period: ``spec``, ``start``, ``end``, ``window``, ``basis``, ``straddles_reform``.

    ``report --format json`` nests the same object under ``period``.
    """
    return {
        "spec": period.spec,
        "start": period.start.isoformat(),
        "end": period.end.isoformat(),
        "window": period.window.value,
        "basis": period.basis,
        "straddles_reform": period.straddles_reform,
    }


def period_text(period: Period) -> str:
    """Return the period's inclusive start and end dates, ISO 8601, on one line."""
    return f"{period.start.isoformat()} {period.end.isoformat()}\n"


def period_basis(period: Period, *, verbose: bool = False) -> str:
    """Return the period's dates dd/mm/yyyy and the basis of its window, on one line.

    The research marks of the basis (``[R, corroborated]``) are shown only when *verbose*;
    ``period_to_json`` always keeps them.
    """
    basis = period.basis if verbose else without_marks(period.basis)
    return f"{period.start:%d/%m/%Y}-{period.end:%d/%m/%Y} ({basis})\n"


def period_note(period: Period) -> str | None:
    """Return the note a window containing 2025-07-01 needs, or None."""
    return _REFORM_NOTE + "\n" if period.straddles_reform else None


# -- dossiers -----------------------------------------------------------------------------


def time_left_to_json(left: TimeLeft) -> dict[str, Any]:
    """Return an open dossier's time left: ``vi`` and ``en`` (readable), ``remaining_minutes``
    (negative when overdue, rounded toward zero), ``overdue``, ``used_percent`` (of the time
    allotted, two decimals), ``warn_at_percent`` and ``warning``.

    >>> from datetime import timedelta
    >>> from motcua.analyses.time_left import TimeLeft
    >>> h = timedelta(hours=1)
    >>> data = time_left_to_json(TimeLeft(11 * h, 40 * h, 8 * h))
    >>> data["vi"], data["used_percent"], data["warning"]
    ('Còn 1 ngày 3 giờ làm việc', '72.50', False)
    """  # noqa: D205
    minutes = left.remaining.total_seconds() / 60
    return {
        "vi": left.text("vi"),
        "en": left.text("en"),
        "remaining_minutes": int(minutes),
        "overdue": left.overdue,
        "used_percent": str(percent(left.used)),
        "warn_at_percent": str(percent(left.warn_at)),
        "warning": left.warning,
    }


def dossier_summary(
    dossier: Dossier,
    as_of: datetime | date | None,
    *,
    history: bool = False,
    warn_at: Fraction = DEFAULT_WARN_AT,
) -> dict[str, Any]:
    """Return the JSON summary ``motcua dossier show --json`` prints for one dossier.

    Keys: ``code``, ``procedure``, ``channel``, ``status``, ``status_name``, ``received_at``,
    ``due``, ``appointment``, ``resolved_at``, ``timeliness``, ``limit``; with *as_of*,
    ``as_of``, ``remaining_working_hours`` and ``time_left`` (:func:`time_left_to_json`, or
    None when the dossier is not open then; flagged from *warn_at* of the time used); with
    *history*, ``history``.
    """
    view = dossier if as_of is None else dossier.as_of(as_of)
    out: dict[str, Any] = {
        "code": str(dossier.code),
        "procedure": str(dossier.procedure),
        "channel": dossier.channel.value,
        "status": None,
        "status_name": None,
        "received_at": None,
        "due": None,
        "appointment": None,
        "resolved_at": None,
        "timeliness": None,
        "limit": limit_to_json(dossier.limit),
    }
    if as_of is not None:
        out["as_of"] = _iso(as_of_instant(as_of))
        out["remaining_working_hours"] = None
        out["time_left"] = None
    if view is not None:
        due = view.due(as_of=as_of)
        timeliness = dossier.timeliness(as_of=as_of)
        out.update(
            status=view.status.code,
            status_name=view.status.vi,
            received_at=_iso(view.received_at),
            due=None if due is None else _iso(due.at),
            appointment=_iso(view.appointment(as_of=as_of)),
            resolved_at=_iso(view.resolved_at),
            timeliness=None if timeliness is None else timeliness.value,
        )
        if as_of is not None:
            left = time_left(dossier, as_of, warn_at=warn_at)
            if left is not None:
                out["remaining_working_hours"] = round(left.remaining.total_seconds() / 3600, 2)
                out["time_left"] = time_left_to_json(left)
    if history:
        events = dossier.events if view is None else view.events
        statuses = () if view is None else view.statuses
        out["history"] = [
            {"type": e.kind, "at": _iso(e.at), "status": s.code}
            for e, s in zip(events, statuses, strict=False)
        ]
    return out


_STATUS_BY_CODE: Final = {s.code: s for s in Status}
_TIMELINESS_EN: Final = {
    "early": "early",
    "on_time": "on time",
    "late": "late",
    "within": "within the limit",
    "overdue": "overdue",
}
_LABELS: Final = {
    "vi": {"channel": "kênh", "due": "hạn", "warning": "cảnh báo: đã dùng {} % thời gian"},
    "en": {"channel": "channel", "due": "due", "warning": "warning: {} % of the time used"},
}


def _status_text(code: int | None, lang: str) -> str:
    if code is None:
        return "-"
    status = _STATUS_BY_CODE[code]
    name = status.vi if lang == "vi" else status.value.replace("_", " ")
    return f"{code} {name}"


def _timeliness_text(value: str | None, lang: str) -> str:
    if value is None:
        return "-"
    return Timeliness(value).vi if lang == "vi" else _TIMELINESS_EN[value]


def _time_left_text(left: Mapping[str, Any] | None, lang: str) -> str:
    if not left:
        return ""
    text = f"  {left[lang]}"
    if left["warning"] and not left["overdue"]:
        used = str(left["used_percent"]).replace(".", "," if lang == "vi" else ".")
        text += "  " + _LABELS[lang]["warning"].format(used)
    return text


def dossiers_text(summaries: Iterable[Mapping[str, Any]], *, lang: str = "vi") -> str:
    """Return one line per dossier summary (and its history rows, when it has them).

    Statuses, timeliness and the time left are in Vietnamese, or English with *lang*
    ``en``; codes and instants are printed as they are.
    """
    if lang not in _LABELS:
        raise InvalidInputError("lang", "vi or en", lang)
    label = _LABELS[lang]
    lines = []
    for s in summaries:
        lines.append(
            f"{s['code']}  {s['procedure']}  {label['channel']} {s['channel']}  "
            f"[{_status_text(s['status'], lang)}]  {label['due']} {s['due'] or '-'}  "
            f"{_timeliness_text(s['timeliness'], lang)}"
            f"{_time_left_text(s.get('time_left'), lang)}"
        )
        lines += [
            f"    {row['at']}  {row['type']:<22} -> {row['status']}"
            for row in s.get("history", [])
        ]
    return "".join(line + "\n" for line in lines)


def code_to_json(code: DossierCode) -> dict[str, Any]:
    """Return a dossier code's parts: ``code``, ``agency``, ``date``, ``serial``."""
    return {
        "code": str(code),
        "agency": str(code.agency),
        "date": code.day.isoformat(),
        "serial": code.serial,
    }


def code_text(code: DossierCode) -> str:
    """Return a dossier code's parts, one per line."""
    return (
        f"agency  {code.agency}\n"
        f"date    {code.day.isoformat()} ({code.day:%d/%m/%Y})\n"
        f"serial  {code.serial}\n"
    )


# -- procedures ---------------------------------------------------------------------------


#: Decree 42/2022/NĐ-CP Art. 11 levels of online service, as people read them.
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


def coverage_text(coverage: Mapping[Level, Coverage]) -> str:
    """Return one line per level, e.g. ``Cấp Xã: 297/297 (physical 297, electronic 297)``."""
    return "".join(f"{level.vi}: {c}\n" for level, c in coverage.items())


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


def indicators_text(period: Period, results: Iterable[IndicatorResult], config: str) -> str:
    """Return a title line, then one line per indicator (rate and points)."""
    lines = [f"Decision 766/QĐ-TTg indicators, {period} ({config})"]
    for r in results:
        if r.needs and not r.computed:
            lines.append(f"  {r.code} {r.name}: {r.status}, max {r.max_points}")
            continue
        pct = "-" if r.rate is None else f"{percent(r.rate)} %"
        pts = "-" if r.points is None else f"{round_half_up(r.points)}/{r.max_points}"
        extra = f", {r.unknown} unknown" if r.unknown else ""
        lines.append(
            f"  {r.code} {r.name}: {r.numerator}/{r.denominator} = {pct}, points {pts}{extra}"
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


def checks_text(result: Verification, *, series: bool = False, lang: str = "en") -> str:
    """Return one line per check made, then the verdict (*series*: name each check's period).

    *lang* is ``en`` or ``vi`` (the status words, the messages and the verdict).
    """
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


def violations_to_json(violations: Iterable[Violation]) -> list[dict[str, Any]]:
    """Return each violation's rule, dossier, basis, message, regime and facts."""
    return [
        {
            "rule": v.rule,
            "dossier": v.dossier,
            "basis": v.basis,
            "message": v.message,
            "regime": v.regime,
            "facts": dict(v.facts),
        }
        for v in violations
    ]


def violations_text(
    violations: Sequence[Violation], checked: int, *, verbose: bool = False
) -> str:
    """Return one line per violation, then how many of the *checked* dossiers broke a rule.

    Each line is ``[rule] dossier: message (basis)``; the basis keeps its research marks
    and reading notes ("article not read") only when *verbose* (JSON always has them).
    """
    lines = [
        str(v) if verbose else f"[{v.rule}] {v.dossier}: {v.message} ({without_marks(v.basis)})"
        for v in violations
    ]
    dossiers = len({v.dossier for v in violations})
    lines.append(
        f"{len(violations)} violation(s) in {dossiers} of {checked} dossier(s)"
        if violations
        else f"no violations in {checked} dossier(s)"
    )
    return "".join(line + "\n" for line in lines)
