"""Every result as JSON and as text: what the command line prints, in one place.

Each result has a ``*_to_json`` function returning a JSON-ready object and, where it has a
text form, a ``*_text`` function returning the lines to print (ending in a newline). The
command line builds none of these by hand, so a script that calls them gets exactly what
``motcua ... --json`` prints.

Outputs of commands that read records carry how many were read and how many were skipped
(:func:`with_counts`): ``{"read": N, "skipped": M}``, the good records and the bad ones.

>>> from motcua.analyses.periods import parse_period
>>> period_to_json(parse_period("2024-Q1"))["start"]
'2023-12-15'
>>> with_counts({"ok": True}, read=3, skipped=1)
{'ok': True, 'read': 3, 'skipped': 1}
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from motcua.serialization.render.analyses import (
        checks_text as checks_text,
    )
    from motcua.serialization.render.analyses import (
        checks_to_json as checks_to_json,
    )
    from motcua.serialization.render.analyses import (
        coverage_text as coverage_text,
    )
    from motcua.serialization.render.analyses import (
        coverage_to_json as coverage_to_json,
    )
    from motcua.serialization.render.analyses import (
        indicators_text as indicators_text,
    )
    from motcua.serialization.render.analyses import (
        indicators_to_json as indicators_to_json,
    )
    from motcua.serialization.render.analyses import (
        violations_summary as violations_summary,
    )
    from motcua.serialization.render.analyses import (
        violations_text as violations_text,
    )
    from motcua.serialization.render.analyses import (
        violations_to_json as violations_to_json,
    )
    from motcua.serialization.render.appointment import (
        appointment_of as appointment_of,
    )
    from motcua.serialization.render.appointment import (
        appointment_to_ics as appointment_to_ics,
    )
    from motcua.serialization.render.marks import (
        has_marks as has_marks,
    )
    from motcua.serialization.render.marks import (
        without_marks as without_marks,
    )
    from motcua.serialization.render.procedures import (
        legal_basis_vi as legal_basis_vi,
    )
    from motcua.serialization.render.procedures import (
        procedure_text as procedure_text,
    )
    from motcua.serialization.render.report_html import (
        HEADINGS as HEADINGS,
    )
    from motcua.serialization.render.report_html import (
        LAYOUT as LAYOUT,
    )
    from motcua.serialization.render.report_html import (
        FormHeader as FormHeader,
    )
    from motcua.serialization.render.report_html import (
        HeaderCell as HeaderCell,
    )
    from motcua.serialization.render.report_html import (
        form_header as form_header,
    )
    from motcua.serialization.render.report_html import (
        month_periods as month_periods,
    )
    from motcua.serialization.render.report_html import (
        report_html as report_html,
    )
    from motcua.serialization.render.report_html import (
        report_rows as report_rows,
    )
    from motcua.serialization.render.reports import (
        HEADERS as HEADERS,
    )
    from motcua.serialization.render.reports import (
        note_text as note_text,
    )
    from motcua.serialization.render.reports import (
        render_report as render_report,
    )
    from motcua.serialization.render.reports import (
        report_to_json as report_to_json,
    )
    from motcua.serialization.render.results import (
        code_text as code_text,
    )
    from motcua.serialization.render.results import (
        code_to_json as code_to_json,
    )
    from motcua.serialization.render.results import (
        dossier_summary as dossier_summary,
    )
    from motcua.serialization.render.results import (
        dossiers_text as dossiers_text,
    )
    from motcua.serialization.render.results import (
        dumps as dumps,
    )
    from motcua.serialization.render.results import (
        foreign_code_text as foreign_code_text,
    )
    from motcua.serialization.render.results import (
        period_basis as period_basis,
    )
    from motcua.serialization.render.results import (
        period_note as period_note,
    )
    from motcua.serialization.render.results import (
        period_text as period_text,
    )
    from motcua.serialization.render.results import (
        period_to_json as period_to_json,
    )
    from motcua.serialization.render.results import (
        time_left_to_json as time_left_to_json,
    )
    from motcua.serialization.render.results import (
        warning_stage_to_json as warning_stage_to_json,
    )
    from motcua.serialization.render.results import (
        with_counts as with_counts,
    )
    from motcua.serialization.render.timing import (
        calendar_text as calendar_text,
    )
    from motcua.serialization.render.timing import (
        calendar_to_ics as calendar_to_ics,
    )
    from motcua.serialization.render.timing import (
        calendar_to_json as calendar_to_json,
    )
    from motcua.serialization.render.timing import (
        day_to_json as day_to_json,
    )
    from motcua.serialization.render.timing import (
        due_text as due_text,
    )
    from motcua.serialization.render.timing import (
        due_to_json as due_to_json,
    )
    from motcua.serialization.render.timing import (
        provisional_note as provisional_note,
    )
    from motcua.serialization.render.timing import (
        source_vi as source_vi,
    )
    from motcua.serialization.render.vi import (
        date_vi as date_vi,
    )
    from motcua.serialization.render.vi import (
        duration_vi as duration_vi,
    )
    from motcua.serialization.render.vi import (
        instant_vi as instant_vi,
    )
    from motcua.serialization.render.vi import (
        money_vi as money_vi,
    )
    from motcua.serialization.render.vi import (
        number_vi as number_vi,
    )
    from motcua.serialization.render.vi import (
        percent_vi as percent_vi,
    )
    from motcua.serialization.render.vi import (
        short_date as short_date,
    )
    from motcua.serialization.render.vi import (
        short_instant as short_instant,
    )
    from motcua.serialization.render.xlsx import (
        report_xlsx as report_xlsx,
    )


#: Which submodule serves each name (loaded on first use: ``due --json`` needs only
#: ``timing``, which imports the time layer alone).
_WHERE: Final = {
    "FormHeader": "report_html",
    "HEADERS": "reports",
    "HEADINGS": "report_html",
    "HeaderCell": "report_html",
    "LAYOUT": "report_html",
    "appointment_of": "appointment",
    "appointment_to_ics": "appointment",
    "calendar_text": "timing",
    "calendar_to_ics": "timing",
    "calendar_to_json": "timing",
    "checks_text": "analyses",
    "checks_to_json": "analyses",
    "code_text": "results",
    "code_to_json": "results",
    "coverage_text": "analyses",
    "coverage_to_json": "analyses",
    "date_vi": "vi",
    "day_to_json": "timing",
    "dossier_summary": "results",
    "dossiers_text": "results",
    "due_text": "timing",
    "due_to_json": "timing",
    "dumps": "results",
    "duration_vi": "vi",
    "foreign_code_text": "results",
    "form_header": "report_html",
    "has_marks": "marks",
    "indicators_text": "analyses",
    "indicators_to_json": "analyses",
    "instant_vi": "vi",
    "legal_basis_vi": "procedures",
    "money_vi": "vi",
    "month_periods": "report_html",
    "note_text": "reports",
    "number_vi": "vi",
    "percent_vi": "vi",
    "period_basis": "results",
    "period_note": "results",
    "period_text": "results",
    "period_to_json": "results",
    "procedure_text": "procedures",
    "provisional_note": "timing",
    "render_report": "reports",
    "report_html": "report_html",
    "report_rows": "report_html",
    "report_to_json": "reports",
    "report_xlsx": "xlsx",
    "short_date": "vi",
    "short_instant": "vi",
    "source_vi": "timing",
    "time_left_to_json": "results",
    "violations_summary": "analyses",
    "violations_text": "analyses",
    "violations_to_json": "analyses",
    "warning_stage_to_json": "results",
    "with_counts": "results",
    "without_marks": "marks",
}

__all__ = [
    "HEADERS",
    "HEADINGS",
    "LAYOUT",
    "FormHeader",
    "HeaderCell",
    "appointment_of",
    "appointment_to_ics",
    "calendar_text",
    "calendar_to_ics",
    "calendar_to_json",
    "checks_text",
    "checks_to_json",
    "code_text",
    "code_to_json",
    "coverage_text",
    "coverage_to_json",
    "date_vi",
    "day_to_json",
    "dossier_summary",
    "dossiers_text",
    "due_text",
    "due_to_json",
    "dumps",
    "duration_vi",
    "foreign_code_text",
    "form_header",
    "has_marks",
    "indicators_text",
    "indicators_to_json",
    "instant_vi",
    "legal_basis_vi",
    "money_vi",
    "month_periods",
    "note_text",
    "number_vi",
    "percent_vi",
    "period_basis",
    "period_note",
    "period_text",
    "period_to_json",
    "procedure_text",
    "provisional_note",
    "render_report",
    "report_html",
    "report_rows",
    "report_to_json",
    "report_xlsx",
    "short_date",
    "short_instant",
    "source_vi",
    "time_left_to_json",
    "violations_summary",
    "violations_text",
    "violations_to_json",
    "warning_stage_to_json",
    "with_counts",
    "without_marks",
]


def __getattr__(name: str) -> object:
    """Load the submodule that serves *name*."""
    module = _WHERE.get(name)
    if module is None:
        msg = f"module {__name__!r} has no attribute {name!r}"
        raise AttributeError(msg)
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """The public names."""
    return __all__
