"""Biểu 06 as text, CSV, JSON or Markdown, with the form's Vietnamese headers or English ones."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any, Final

from motcua.analyses.bieu06 import Dimension, Report
from motcua.analyses.buckets import COLUMNS, Counts
from motcua.analyses.rates import percent
from motcua.analyses.report_layouts import LAYOUTS, ReportLayout, layout_on
from motcua.domain.procedures import Channel
from motcua.domain.units import Level
from motcua.foundation.errors import InvalidInputError
from motcua.serialization.render.results import period_to_json

__all__ = ["HEADERS", "form_name", "note_text", "render_report", "report_to_json"]

#: Column headers: the form's Vietnamese wording, and English.
HEADERS: Final = {
    "vi": {
        "group": "Lĩnh vực, công việc giải quyết theo cấp",
        "received_total": "Số hồ sơ nhận giải quyết: Tổng số",
        "received_online": "Trực tuyến",
        "received_in_person_or_postal": "Trực tiếp, dịch vụ bưu chính",
        "carried_over": "Từ kỳ trước",
        "resolved_total": "Đã giải quyết: Tổng số",
        "resolved_early": "Trước hạn",
        "resolved_on_time": "Đúng hạn",
        "resolved_late": "Quá hạn",
        "pending_total": "Đang giải quyết: Tổng số",
        "pending_within": "Trong hạn",
        "pending_overdue": "Quá hạn",
        "total": "Tổng cộng",
        "on_time_percent": "Tỷ lệ trước và đúng hạn (%)",
    },
    "en": {
        "group": "Group",
        "received_total": "Received: total",
        "received_online": "Online",
        "received_in_person_or_postal": "In person or postal",
        "carried_over": "Carried over",
        "resolved_total": "Resolved: total",
        "resolved_early": "Early",
        "resolved_on_time": "On time",
        "resolved_late": "Late",
        "pending_total": "Pending: total",
        "pending_within": "Within time",
        "pending_overdue": "Overdue",
        "total": "Total",
        "on_time_percent": "Early or on time (%)",
    },
}


#: The report's notes (:attr:`Report.notes`) in Vietnamese; a note not listed prints as is.
_NOTES_VI: Final = {
    "the period straddles 2025-07-01 (two-tier reform): district-level rows cover the part "
    "before it only": "kỳ báo cáo có ngày 01/07/2025 (chính quyền địa phương hai cấp): các "
    "dòng cấp huyện chỉ tính phần trước ngày đó",
    "a row naming several units joined by '+' counts the dossiers of a unit split among them "
    "(its dossiers are not divided)": "dòng ghi nhiều đơn vị nối bằng '+' tính hồ sơ của một "
    "đơn vị đã chia cho các đơn vị đó (hồ sơ không chia ra)",
}


def note_text(note: str, lang: str = "vi") -> str:
    """Return one of a report's notes as printed: ``lưu ý: ...`` (``note: ...`` in English).

    >>> note_text("anything else")
    'lưu ý: anything else'
    """
    if lang == "vi":
        return f"lưu ý: {_NOTES_VI.get(note, note)}"
    return f"note: {note}"


def _row(name: str, counts: Counts) -> dict[str, Any]:
    pct = percent(counts.on_time_rate)
    return {
        "group": name,
        **counts.as_dict(),
        "on_time_percent": None if pct is None else str(pct),
    }


def _label(dim: Dimension, value: Any, lang: str) -> str:
    if dim is Dimension.LEVEL:
        level = Level(value)
        return level.vi if lang == "vi" else level.value
    if dim is Dimension.CHANNEL:
        channel = Channel(value)
        return channel.vi if lang == "vi" else channel.name.lower().replace("_", " ")
    return str(value)


def _group_name(key: tuple[Any, ...], by: tuple[Dimension, ...], lang: str = "vi") -> str:
    return " / ".join(_label(dim, part, lang) for dim, part in zip(by, key, strict=True))


#: How an instrument's English kind is written in Vietnamese, for the report's title.
_KIND_VI: Final = {"Circular": "Thông tư", "Decree": "Nghị định", "Decision": "Quyết định"}


def _instrument_vi(number: str) -> str:
    """``Circular 01/2020/TT-VPCP`` -> ``Thông tư 01/2020/TT-VPCP``; other text as it is."""
    kind, _, rest = number.partition(" ")
    return f"{_KIND_VI[kind]} {rest}" if kind in _KIND_VI and rest else number


def form_name(layout: ReportLayout, lang: str) -> str:
    """The layout's form as printed: ``Biểu số 06/VPCP/KSTT``, in English ``Form 06/...``."""
    return layout.form if lang == "vi" else layout.form.replace("Biểu số", "Form", 1)


def _title(report: Report, lang: str, layouts: Sequence[ReportLayout]) -> str:
    """The form and the instrument that sets its layout on the period's last day."""
    layout = layout_on(report.period.end, layouts).layout
    if lang == "vi":
        return f"{layout.form} ({_instrument_vi(layout.instrument_number)}): {report.period}"
    return f"{form_name(layout, lang)} ({layout.instrument_number}): {report.period}"


def layout_to_json(report: Report, *, layouts: Sequence[ReportLayout] = LAYOUTS) -> dict[str, Any]:
    """The layout in force on the period's last day (Circular 01/2020's Biểu 06 so far).

    ``assumed`` is true before its instrument took effect; ``unread`` names report-form
    instruments in force then whose layouts were not read; ``notes`` says both in words.
    These are research notes: JSON carries them, the text output does not. *layouts* are
    the layouts to choose from (:func:`~motcua.analyses.report_layouts.layout_on`).
    """
    choice = layout_on(report.period.end, layouts)
    return {
        "key": choice.layout.key,
        "form": choice.layout.form,
        "instrument": choice.layout.instrument,
        "instrument_number": choice.layout.instrument_number,
        "assumed": choice.assumed,
        "unread": list(choice.unread),
        "notes": list(choice.notes),
    }


def report_to_json(report: Report, *, layouts: Sequence[ReportLayout] = LAYOUTS) -> dict[str, Any]:
    """Return the report as a JSON object: ``period``, ``layout``, ``total``, ``groups``...

    ``layout`` is the one in force on the period's last day among *layouts*.
    """

    def counts(c: Counts) -> dict[str, Any]:
        rate = c.on_time_rate
        pct = percent(rate)
        return {
            **c.as_dict(),
            "resolved_in_time": c.resolved_in_time,
            "on_time_rate": None if rate is None else f"{rate.numerator}/{rate.denominator}",
            "on_time_percent": None if pct is None else str(pct),
        }

    return {
        "period": period_to_json(report.period),
        "layout": layout_to_json(report, layouts=layouts),
        "by": [d.value for d in report.by],
        "policy": {
            "granularity": report.policy.granularity.value,
            "stopped": report.policy.stopped.value,
        },
        "total": counts(report.total),
        "groups": [
            {"key": list(key), "name": _group_name(key, report.by), **counts(c)}
            for key, c in report.groups
            if report.by
        ],
        "dossiers_read": report.dossiers_read,
        "notes": list(report.notes),
    }


def render_report(
    report: Report,
    fmt: str = "table",
    lang: str = "vi",
    *,
    bom: bool = False,
    layouts: Sequence[ReportLayout] = LAYOUTS,
) -> str:
    """Render a report as ``table``, ``csv``, ``json`` or ``markdown`` (``vi`` or ``en``).

    With *bom*, CSV text starts with a byte-order mark (U+FEFF), which Excel needs to read
    the file as UTF-8 and show Vietnamese correctly (``motcua report --format csv`` writes
    it unless ``--no-bom``); other formats ignore *bom*. The title (table, Markdown) and
    JSON's ``layout`` name the layout in force on the period's last day among *layouts*.
    """
    if lang not in HEADERS:
        raise InvalidInputError("lang", "vi or en", lang)
    if fmt == "json":
        return json.dumps(report_to_json(report, layouts=layouts), ensure_ascii=False, indent=2)
    head = HEADERS[lang]
    keys = ("group", *COLUMNS, "on_time_percent")
    rows = [_row(_group_name(k, report.by, lang), c) for k, c in report.groups if report.by]
    rows.append(_row(head["total"], report.total))
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow([head[k] for k in keys])
        for row in rows:
            writer.writerow(["" if row[k] is None else row[k] for k in keys])
        return ("\ufeff" if bom else "") + buffer.getvalue()
    title = _title(report, lang, layouts)
    notes = [note_text(n, lang) for n in report.notes]
    cells = [[str(head[k]) for k in keys]] + [
        ["-" if row[k] is None else str(row[k]) for k in keys] for row in rows
    ]
    if fmt == "markdown":
        lines = [f"**{title}**", ""]
        lines.append("| " + " | ".join(cells[0]) + " |")
        lines.append("| " + " | ".join("---" for _ in keys) + " |")
        lines += ["| " + " | ".join(r) + " |" for r in cells[1:]]
        return "\n".join([*lines, *(["", *notes] if notes else [])]) + "\n"
    if fmt != "table":
        raise InvalidInputError("fmt", "table, csv, json or markdown", fmt)
    # A text table: one line per row, numbers right-aligned under short column numbers.
    numbers = [str(k) for k in range(3, 3 + len(COLUMNS))] + ["%"]
    width = max(len(r[0]) for r in cells)
    lines = [title, ""]
    legend = [f"({n}) {cells[0][i + 1]}" for i, n in enumerate(numbers)]
    lines.append(f"{'':<{width}}  " + " ".join(f"{'(' + n + ')':>7}" for n in numbers))
    for r in cells[1:]:
        lines.append(f"{r[0]:<{width}}  " + " ".join(f"{v:>7}" for v in r[1:]))
    lines += ["", *legend, *notes]
    return "\n".join(lines) + "\n"
