"""Biểu 06 as an Excel workbook in the form's layout (the ``xlsx`` extra: openpyxl).

This module is the only importer of ``openpyxl``, and imports it when a workbook is made,
never at module load: ``pip install 'motcua[xlsx]'`` adds it, and without it
:func:`report_xlsx` raises a :class:`~motcua.foundation.errors.ConfigurationError` saying
so. The sheet has the form's title lines, the three rows of merged headings and the row of
column numbers of the layout in force on the period's last day
(:func:`~motcua.serialization.render.report_html.form_header`, as every other output takes
it), then one row per group and the total row, numbers stored as numbers (see
``docs/adr/0023``).

The file is the same, byte for byte, for the same report: the workbook's creation and
modification times are the period's last day and every member of the archive is dated
1980-01-01 (there is no hidden clock).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from datetime import datetime, time
from typing import Any, Final

from motcua.analyses.bieu06 import Report
from motcua.analyses.buckets import COLUMNS
from motcua.analyses.report_layouts import LAYOUTS, ReportLayout
from motcua.foundation.errors import ConfigurationError
from motcua.serialization.render.report_html import (
    _WORDS,
    FormHeader,
    form_header,
    report_rows,
)

__all__ = ["HEADER_ROW", "report_xlsx"]

#: The worksheet row (1-based) of the first heading row; the body starts 4 rows below.
HEADER_ROW: Final = 5

_WIDTHS: Final = (6, 44, *(11 for _ in COLUMNS))


def _openpyxl() -> Any:
    try:
        import openpyxl  # type: ignore[import-untyped,unused-ignore]  # noqa: PLC0415 - the extra
    except ImportError:
        raise ConfigurationError(
            "report as xlsx: openpyxl is not installed; install the xlsx extra "
            "(pip install 'motcua[xlsx]') or use --format csv"
        ) from None
    return openpyxl


def _stable(data: bytes, stamp: str) -> bytes:
    """Rewrite the archive with every member dated 1980-01-01 (the zip format's first day)
    and the workbook's modification time *stamp* (openpyxl writes the time of saving).
    """  # noqa: D205
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = info.external_attr
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                    rb"\g<1>" + stamp.encode("ascii") + rb"\g<2>",
                    content,
                )
            target.writestr(member, content)
    return out.getvalue()


def _title(  # noqa: PLR0917 - the sheet, its styles and what goes above the table
    sheet: Any, styles: Any, words: dict[str, str], head: FormHeader, report: Report, last: str
) -> None:
    """The form's lines above the table: name, basis, heading, period and unit."""
    bold = styles.Font(bold=True)
    italic = styles.Font(italic=True)
    centre = styles.Alignment(horizontal="center", vertical="center", wrap_text=True)
    sheet["A1"] = head.title
    sheet["A1"].font = bold
    sheet.merge_cells(f"H1:{last}1")
    sheet["H1"] = head.basis
    sheet["H1"].font = italic
    sheet["H1"].alignment = styles.Alignment(horizontal="right")
    period = report.period
    for row, text, font in (
        (2, head.heading, bold),
        (
            3,
            f"{words['period']}: {period.spec} ({period.start:%d/%m/%Y} - {period.end:%d/%m/%Y})",
            italic,
        ),
    ):
        sheet.merge_cells(f"A{row}:{last}{row}")
        cell = sheet[f"A{row}"]
        cell.value, cell.font, cell.alignment = text, font, centre
    sheet.merge_cells(f"A4:{last}4")
    sheet["A4"] = head.unit
    sheet["A4"].font = italic
    sheet["A4"].alignment = styles.Alignment(horizontal="right")
    sheet.row_dimensions[2].height = 32


def report_xlsx(
    report: Report, lang: str = "vi", *, layouts: Sequence[ReportLayout] = LAYOUTS
) -> bytes:
    """Return the report as an ``.xlsx`` workbook (one sheet, the form's layout).

    The layout is the one in force on the period's last day among *layouts*.

    Raises:
        ConfigurationError: openpyxl (the ``xlsx`` extra) is not installed, or the layout
            in force has no table to draw.
        InvalidInputError: *lang* is not ``vi`` or ``en``.
    """
    body = report_rows(report, lang)  # checks lang first
    words = _WORDS[lang]
    head = form_header(report, lang, layouts=layouts)
    openpyxl = _openpyxl()
    styles = openpyxl.styles
    utils = openpyxl.utils
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Bieu06"
    last = utils.get_column_letter(len(_WIDTHS))
    bold = styles.Font(bold=True)
    italic = styles.Font(italic=True)
    thin = styles.Side(style="thin")
    box = styles.Border(left=thin, right=thin, top=thin, bottom=thin)
    centre = styles.Alignment(horizontal="center", vertical="center", wrap_text=True)
    _title(sheet, styles, words, head, report, last)
    for c in head.cells:
        top, left = HEADER_ROW + c.row, 1 + c.col
        for r in range(top, top + c.rowspan):
            for k in range(left, left + c.colspan):
                sheet.cell(r, k).border = box
        if c.rowspan > 1 or c.colspan > 1:
            sheet.merge_cells(
                start_row=top,
                start_column=left,
                end_row=top + c.rowspan - 1,
                end_column=left + c.colspan - 1,
            )
        cell = sheet.cell(top, left)
        cell.value = c.text
        cell.font = italic if c.row == 3 else bold
        cell.alignment = centre
    first = HEADER_ROW + 4
    for n, values in enumerate(body):
        for k, value in enumerate(values, start=1):
            cell = sheet.cell(first + n, k, None if value == "" else value)
            cell.border = box
            if n == len(body) - 1:
                cell.font = bold
            if k == 2:
                cell.alignment = styles.Alignment(wrap_text=True, vertical="top")
    for k, width in enumerate(_WIDTHS, start=1):
        sheet.column_dimensions[utils.get_column_letter(k)].width = width
    sheet.freeze_panes = sheet.cell(first, 3)
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW + 3}"
    period = report.period
    stamp = datetime.combine(period.end, time(0, 0))
    book.properties.created = stamp
    book.properties.modified = stamp
    book.properties.creator = "motcua"
    book.properties.title = f"{head.title}: {period.spec}"
    book.properties.subject = head.choice.layout.key
    buffer = io.BytesIO()
    book.save(buffer)
    return _stable(buffer.getvalue(), f"{stamp:%Y-%m-%dT%H:%M:%S}Z")
