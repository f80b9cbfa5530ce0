"""Biểu 06 as people look at it: the form's table in its official layout, and charts.

The layout comes from the period: :func:`form_header` asks
:func:`~motcua.analyses.report_layouts.layout_on` for the layout in force on the period's
last day, as the text, CSV and JSON outputs do (ADR 0024), and draws that layout's title,
basis line and headings from :data:`HEADINGS`. Biểu 06's (:data:`LAYOUT`) is the form's
header (Circular 01/2020/TT-VPCP, Biểu số 06/VPCP/KSTT, as read from a provincial
implementation): three rows of merged headings over thirteen numbered columns, (1) STT and
(2) the row label, then (3)-(6) dossiers received, (7)-(10) resolved and (11)-(13) pending.
The HTML page (:func:`report_html`) and the workbook (:mod:`.xlsx`) both draw it from
there; a layout without headings there is refused rather than drawn as another form.

The page is one standalone HTML document without JavaScript: the table, then inline SVG
charts (the on-time rate of each group; received against resolved by month, when months are
given), laid out for printing on A4 landscape.

>>> from motcua.analyses.periods import parse_period
>>> [p.spec for p in month_periods(parse_period("2024-Q1"))]
['2024-01', '2024-02', '2024-03']
>>> [cell.text for cell in LAYOUT["vi"] if cell.row == 0]
['STT', 'Lĩnh vực, công việc giải quyết theo cấp', 'Số hồ sơ nhận giải quyết', 'Số hồ sơ đã giải quyết', 'Số hồ sơ đang giải quyết']
"""  # noqa: E501

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Final

import attrs

from motcua.analyses.bieu06 import Report
from motcua.analyses.buckets import COLUMNS, Counts
from motcua.analyses.periods import Period, PeriodKind
from motcua.analyses.rates import percent
from motcua.analyses.report_layouts import LAYOUTS, LayoutChoice, ReportLayout, layout_on
from motcua.domain.instruments import instrument
from motcua.foundation.errors import ConfigurationError, InvalidInputError
from motcua.serialization.render.reports import _group_name, _instrument_vi, form_name, note_text

__all__ = [
    "HEADINGS",
    "LAYOUT",
    "FormHeader",
    "FormTable",
    "HeaderCell",
    "form_header",
    "month_periods",
    "report_html",
    "report_rows",
]


@attrs.frozen
class HeaderCell:
    """One heading of the form's table: its text, grid position and spans (0-based)."""

    text: str
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1


def _layout(words: dict[str, str]) -> tuple[HeaderCell, ...]:
    c = HeaderCell
    return (
        c(words["stt"], 0, 0, rowspan=3),
        c(words["group"], 0, 1, rowspan=3),
        c(words["received"], 0, 2, colspan=4),
        c(words["resolved"], 0, 6, colspan=4),
        c(words["pending"], 0, 10, colspan=3),
        c(words["total"], 1, 2, rowspan=2),
        c(words["of_which"], 1, 3, colspan=2),
        c(words["carried_over"], 1, 5, rowspan=2),
        c(words["online"], 2, 3),
        c(words["in_person"], 2, 4),
        c(words["total"], 1, 6, rowspan=2),
        c(words["early"], 1, 7, rowspan=2),
        c(words["on_time"], 1, 8, rowspan=2),
        c(words["late"], 1, 9, rowspan=2),
        c(words["total"], 1, 10, rowspan=2),
        c(words["within"], 1, 11, rowspan=2),
        c(words["overdue"], 1, 12, rowspan=2),
        *(c(f"({n + 1})", 3, n) for n in range(2 + len(COLUMNS))),
    )


#: The words of the page around the form: the total row, the charts, the notes.
_WORDS: Final = {
    "vi": {
        "sum": "Tổng cộng",
        "period": "Kỳ báo cáo",
        "rate_chart": "Tỷ lệ giải quyết trước và đúng hạn",
        "month_chart": "Số hồ sơ tiếp nhận mới và đã giải quyết theo tháng",
        "received_legend": "Tiếp nhận mới",
        "resolved_legend": "Đã giải quyết",
        "no_rate": "chưa có hồ sơ đã giải quyết",
        "month": "Tháng",
        "notes": "Ghi chú",
    },
    "en": {
        "sum": "Total",
        "period": "Reporting period",
        "rate_chart": "Resolved early or on time",
        "month_chart": "Dossiers newly received and resolved by month",
        "received_legend": "Newly received",
        "resolved_legend": "Resolved",
        "no_rate": "no dossier resolved yet",
        "month": "Month",
        "notes": "Notes",
    },
}

#: Each layout's own words (by :attr:`ReportLayout.key`): its headings, heading line, unit.
_FORM_WORDS: Final = {
    "bieu-06-2020": {
        "vi": {
            "stt": "STT",
            "group": "Lĩnh vực, công việc giải quyết theo cấp",
            "received": "Số hồ sơ nhận giải quyết",
            "resolved": "Số hồ sơ đã giải quyết",
            "pending": "Số hồ sơ đang giải quyết",
            "total": "Tổng số",
            "of_which": "Trong đó",
            "carried_over": "Từ kỳ trước",
            "online": "Trực tuyến",
            "in_person": "Trực tiếp, dịch vụ bưu chính",
            "early": "Trước hạn",
            "on_time": "Đúng hạn",
            "late": "Quá hạn",
            "within": "Trong hạn",
            "overdue": "Quá hạn",
            "heading": "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI CƠ QUAN, ĐƠN VỊ "
            "TRỰC TIẾP GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH",
            "unit": "Đơn vị tính: Số hồ sơ TTHC",
        },
        "en": {
            "stt": "No.",
            "group": "Field or work, by level",
            "received": "Dossiers received",
            "resolved": "Dossiers resolved",
            "pending": "Dossiers pending",
            "total": "Total",
            "of_which": "Of which",
            "carried_over": "Carried over",
            "online": "Online",
            "in_person": "In person or postal",
            "early": "Early",
            "on_time": "On time",
            "late": "Late",
            "within": "Within time",
            "overdue": "Overdue",
            "heading": "ADMINISTRATIVE PROCEDURES RESOLVED AT THE AGENCIES THAT RESOLVE THEM",
            "unit": "Unit: dossiers",
        },
    },
}


@attrs.frozen
class FormTable:
    """A layout's table as drawn: its headings, the line above them and the unit of count."""

    cells: tuple[HeaderCell, ...]
    heading: str
    unit: str


#: The tables motcua can draw, by :attr:`ReportLayout.key`, in each language.
HEADINGS: Final[dict[str, dict[str, FormTable]]] = {
    key: {
        lang: FormTable(_layout(words), words["heading"], words["unit"])
        for lang, words in by_lang.items()
    }
    for key, by_lang in _FORM_WORDS.items()
}

#: Biểu 06's header in each language (see the module docstring).
LAYOUT: Final = {lang: table.cells for lang, table in HEADINGS["bieu-06-2020"].items()}


@attrs.frozen
class FormHeader:
    """What a printed report shows above its rows, for the layout in force on its period.

    Attributes:
        choice: The layout chosen for the period's last day (and what is not confirmed).
        title: The form's name (``Biểu số 06/VPCP/KSTT``; in English ``Form 06/...``).
        basis: The instrument it is issued with (``Ban hành kèm theo Thông tư số ...``).
        heading: The table's heading line.
        unit: The unit of count.
        cells: The headings, on a grid of four rows (:class:`HeaderCell`).
    """

    choice: LayoutChoice
    title: str
    basis: str
    heading: str
    unit: str
    cells: tuple[HeaderCell, ...]


def _basis(layout: ReportLayout, lang: str) -> str:
    """``Ban hành kèm theo Thông tư số 01/2020/TT-VPCP ngày 21/10/2020``, from the table."""
    signed = instrument(layout.instrument).signed
    number = layout.instrument_number
    if lang == "vi":
        named, rest = _instrument_vi(number), number.partition(" ")[2]
        if named != number and rest:  # Thông tư 01/2020/TT-VPCP -> Thông tư số 01/2020/...
            named = f"{named.removesuffix(rest)}số {rest}"
        text = f"Ban hành kèm theo {named}"
        return text if signed is None else f"{text} ngày {signed:%d/%m/%Y}"
    return f"Issued with {number}" + ("" if signed is None else f" of {signed:%d/%m/%Y}")


def form_header(
    report: Report, lang: str = "vi", *, layouts: Sequence[ReportLayout] = LAYOUTS
) -> FormHeader:
    """The header of *report*'s form: the layout in force on the period's last day.

    >>> from motcua.analyses.periods import parse_period
    >>> from motcua.analyses.bieu06 import Bieu06
    >>> head = form_header(Bieu06(parse_period("2024-Q1")).result())
    >>> head.title, head.basis
    ('Biểu số 06/VPCP/KSTT', 'Ban hành kèm theo Thông tư số 01/2020/TT-VPCP ngày 21/10/2020')

    Raises:
        InvalidInputError: *lang* is not ``vi`` or ``en``.
        ConfigurationError: The layout in force has no table in :data:`HEADINGS`.
    """
    _words(lang)
    choice = layout_on(report.period.end, layouts)
    layout = choice.layout
    table = HEADINGS.get(layout.key, {}).get(lang)
    if table is None:
        raise ConfigurationError(
            f"report layout {layout.key} ({layout.form}, {layout.instrument_number}) is in "
            f"force on {report.period.end:%d/%m/%Y} but its table headings are not encoded "
            "for html and xlsx; use --format table, csv or json"
        )
    return FormHeader(
        choice,
        form_name(layout, lang),
        _basis(layout, lang),
        table.heading,
        table.unit,
        table.cells,
    )


def _words(lang: str) -> dict[str, str]:
    if lang not in _WORDS:
        raise InvalidInputError("lang", "vi or en", lang)
    return _WORDS[lang]


def report_rows(report: Report, lang: str = "vi") -> list[list[str | int]]:
    """Return the form's body: one row per group, then the total row, in column order.

    Each row is STT (1, 2, ...; empty on the total row), the label, then the eleven counts.

    >>> from motcua.analyses.periods import parse_period
    >>> from motcua.analyses.bieu06 import Bieu06
    >>> report_rows(Bieu06(parse_period("2024-Q1")).result())
    [['', 'Tổng cộng', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]]
    """
    words = _words(lang)
    rows: list[list[str | int]] = []
    if report.by:
        for n, (key, counts) in enumerate(report.groups, start=1):
            rows.append([n, _group_name(key, report.by, lang), *_counts(counts)])
    rows.append(["", words["sum"], *_counts(report.total)])
    return rows


def _counts(counts: Counts) -> list[str | int]:
    values = counts.as_dict()
    return [values[k] for k in COLUMNS]


def month_periods(period: Period) -> list[Period]:
    """Return the reporting months inside *period*, in order (same windows as *period*)."""
    out = []
    for year in range(period.start.year, period.end.year + 2):
        for month in range(1, 13):
            candidate = Period(year, PeriodKind.MONTH, month, period.window)
            if period.start <= candidate.start and candidate.end <= period.end:
                out.append(candidate)
    return out


# -- SVG ------------------------------------------------------------------------------------

_BLUE: Final = "#1f4e9c"
_ORANGE: Final = "#d9822b"


def _rate_chart(report: Report, words: dict[str, str], lang: str) -> str:
    """Horizontal bars: each group's share resolved early or on time (the total if none)."""
    esc = html.escape
    items = (
        [(_group_name(k, report.by, lang), c) for k, c in report.groups]
        if report.by
        else [(words["sum"], report.total)]
    )
    label_w, bar_w, row_h = 200, 260, 26
    height = 40 + row_h * len(items)
    parts = [
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{label_w + bar_w + 80}" '
            f'height="{height}" viewBox="0 0 {label_w + bar_w + 80} {height}" class="chart rate">'
        ),
        f"<title>{esc(words['rate_chart'])}</title>",
        f'<text x="0" y="16" class="caption">{esc(words["rate_chart"])} (%)</text>',
    ]
    for n, (name, counts) in enumerate(items):
        y = 30 + n * row_h
        pct = percent(counts.on_time_rate)
        short = name if len(name) <= 30 else name[:29] + "…"
        parts.append(f'<text x="{label_w - 6}" y="{y + 16}" text-anchor="end">{esc(short)}</text>')
        parts.append(
            f'<rect x="{label_w}" y="{y + 3}" width="{bar_w}" height="{row_h - 8}" '
            'fill="#e6e6e6"/>'
        )
        if pct is None:
            parts.append(
                f'<text x="{label_w + 4}" y="{y + 16}" class="none">{esc(words["no_rate"])}</text>'
            )
            continue
        width = round(float(pct) / 100 * bar_w, 1)
        shown = str(pct).replace(".", ",") if lang == "vi" else str(pct)
        parts.append(
            f'<rect x="{label_w}" y="{y + 3}" width="{width}" height="{row_h - 8}" '
            f'fill="{_BLUE}"><title>{esc(name)}: {shown} %</title></rect>'
        )
        parts.append(f'<text x="{label_w + bar_w + 6}" y="{y + 16}">{shown} %</text>')
    parts.append("</svg>")
    return "\n".join(parts)


def _new(report: Report) -> int:
    """Dossiers received in the period (online, in person or by post), not carried over."""
    return report.total.received_online + report.total.received_in_person_or_postal


def _month_chart(months: Sequence[Report], words: dict[str, str]) -> str:
    """Vertical bars by month: dossiers newly received (columns 4 + 5) against resolved (7)."""
    esc = html.escape
    top = max([1, *(max(_new(m), m.total.resolved_total) for m in months)])
    plot_h, group_w, left = 180, 56, 40
    width = left + group_w * len(months) + 20
    height = plot_h + 90
    parts = [
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" '
            f'height="{height}" viewBox="0 0 {width} {height}" class="chart months">'
        ),
        f"<title>{esc(words['month_chart'])}</title>",
        f'<text x="0" y="16" class="caption">{esc(words["month_chart"])}</text>',
        f'<rect x="{left}" y="24" width="12" height="12" fill="{_BLUE}"/>',
        f'<text x="{left + 16}" y="34">{esc(words["received_legend"])}</text>',
        f'<rect x="{left + 130}" y="24" width="12" height="12" fill="{_ORANGE}"/>',
        f'<text x="{left + 146}" y="34">{esc(words["resolved_legend"])}</text>',
    ]
    base = 50 + plot_h
    parts.append(f'<line x1="{left}" y1="{base}" x2="{width - 10}" y2="{base}" stroke="#000"/>')
    parts.append(f'<text x="{left - 6}" y="{base}" text-anchor="end">0</text>')
    parts.append(f'<text x="{left - 6}" y="{base - plot_h + 10}" text-anchor="end">{top}</text>')
    for n, month in enumerate(months):
        x = left + 10 + n * group_w
        for k, (value, colour) in enumerate(
            ((_new(month), _BLUE), (month.total.resolved_total, _ORANGE))
        ):
            h = round(value / top * plot_h, 1)
            parts.append(
                f'<rect x="{x + k * 24}" y="{base - h}" width="22" height="{h}" fill="{colour}">'
                f"<title>{esc(month.period.spec)}: {value}</title></rect>"
            )
            parts.append(
                f'<text x="{x + k * 24 + 11}" y="{base - h - 3}" text-anchor="middle" '
                f'class="value">{value}</text>'
            )
        label = f"{month.period.index:02d}/{month.period.year}"
        parts.append(
            f'<text x="{x + 23}" y="{base + 16}" text-anchor="middle">{esc(label)}</text>'
        )
    parts.append("</svg>")
    return "\n".join(parts)


_CSS: Final = """
@page { size: A4 landscape; margin: 15mm 15mm 15mm 20mm; }
body { font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif", serif;
  font-size: 12pt; color: #000; margin: 0; }
@media screen { body { max-width: 267mm; margin: 1em auto; padding: 0 1em; } }
.form { display: flex; justify-content: space-between; font-size: 11pt; }
.form .name { font-weight: bold; }
.form .basis { font-style: italic; }
h1 { font-size: 13pt; text-align: center; margin: 0.6em 0 0.2em; }
.period { text-align: center; font-style: italic; margin: 0 0 0.4em; }
.unit { text-align: right; font-style: italic; font-size: 11pt; }
table { border-collapse: collapse; width: 100%; font-size: 10.5pt; }
th, td { border: 1px solid #000; padding: 2px 4px; }
th { font-weight: bold; text-align: center; vertical-align: middle; }
thead tr.numbers th { font-weight: normal; font-style: italic; }
td.n { text-align: right; }
tr.sum td { font-weight: bold; }
.charts { display: flex; flex-wrap: wrap; gap: 1.5em; margin-top: 1em; break-inside: avoid; }
svg text { font-family: inherit; font-size: 11px; }
svg text.caption { font-size: 13px; font-weight: bold; }
svg text.none { font-style: italic; fill: #555; }
.notes { font-size: 10.5pt; }
"""


def report_html(
    report: Report,
    lang: str = "vi",
    *,
    months: Sequence[Report] = (),
    layouts: Sequence[ReportLayout] = LAYOUTS,
) -> str:
    """Render a report as one printable HTML page: the form's table and inline SVG charts.

    Args:
        report: The report (its groups are the table's rows, and the rate chart's bars).
        lang: ``vi`` (default) or ``en``.
        months: The same report over each month of the period (see :func:`month_periods`),
            for the chart of received against resolved by month; none, no such chart.
        layouts: The layouts to choose from: the one in force on the period's last day is
            drawn (:func:`form_header`).

    >>> from motcua.analyses.periods import parse_period
    >>> from motcua.analyses.bieu06 import Bieu06
    >>> page = report_html(Bieu06(parse_period("2024-Q1")).result())
    >>> page.count("<svg"), "<script" in page, "Biểu số 06/VPCP/KSTT" in page
    (1, False, True)
    """
    esc = html.escape
    words = _words(lang)
    head = form_header(report, lang, layouts=layouts)
    layout = head.cells
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}"><head><meta charset="utf-8">',
        f'<meta name="motcua-layout" content="{esc(head.choice.layout.key)}">',
        f"<title>{esc(head.title)}: {esc(report.period.spec)}</title>",
        f"<style>{_CSS}</style></head><body>",
        (
            f'<div class="form"><span class="name">{esc(head.title)}</span>'
            f'<span class="basis">{esc(head.basis)}</span></div>'
        ),
        f"<h1>{esc(head.heading)}</h1>",
        (
            f'<p class="period">{esc(words["period"])}: {esc(report.period.spec)} '
            f"({report.period.start:%d/%m/%Y} - {report.period.end:%d/%m/%Y})</p>"
        ),
        f'<p class="unit">{esc(head.unit)}</p>',
        "<table><thead>",
    ]
    for level in range(4):
        css = ' class="numbers"' if level == 3 else ""
        cells = "".join(
            "<th"
            + (f' rowspan="{c.rowspan}"' if c.rowspan > 1 else "")
            + (f' colspan="{c.colspan}"' if c.colspan > 1 else "")
            + f">{esc(c.text)}</th>"
            for c in layout
            if c.row == level
        )
        parts.append(f"<tr{css}>{cells}</tr>")
    parts.append("</thead><tbody>")
    body = report_rows(report, lang)
    for n, row in enumerate(body):
        css = ' class="sum"' if n == len(body) - 1 else ""
        tds = [f'<td class="n">{esc(str(row[0]))}</td>', f"<td>{esc(str(row[1]))}</td>"]
        tds += [f'<td class="n">{v}</td>' for v in row[2:]]
        parts.append(f"<tr{css}>{''.join(tds)}</tr>")
    parts.append("</tbody></table>")
    parts.append('<div class="charts">')
    parts.append(_rate_chart(report, words, lang))
    if months:
        parts.append(_month_chart(months, words))
    parts.append("</div>")
    if report.notes:
        parts.append(f'<div class="notes"><p>{esc(words["notes"])}:</p><ul>')
        parts += [f"<li>{esc(note_text(note, lang))}</li>" for note in report.notes]
        parts.append("</ul></div>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
