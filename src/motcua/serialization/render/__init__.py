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
        violations_text as violations_text,
    )
    from motcua.serialization.render.analyses import (
        violations_to_json as violations_to_json,
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
    from motcua.serialization.render.reports import (
        HEADERS as HEADERS,
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

#: Which submodule serves each name (loaded on first use: ``due --json`` needs only
#: ``timing``, which imports the time layer alone).
_WHERE: Final = {
    "HEADERS": "reports",
    "calendar_text": "timing",
    "calendar_to_ics": "timing",
    "calendar_to_json": "timing",
    "checks_text": "analyses",
    "checks_to_json": "analyses",
    "code_text": "results",
    "code_to_json": "results",
    "coverage_text": "analyses",
    "coverage_to_json": "analyses",
    "day_to_json": "timing",
    "dossier_summary": "results",
    "dossiers_text": "results",
    "due_text": "timing",
    "due_to_json": "timing",
    "dumps": "results",
    "has_marks": "marks",
    "indicators_text": "analyses",
    "indicators_to_json": "analyses",
    "legal_basis_vi": "procedures",
    "period_basis": "results",
    "period_note": "results",
    "period_text": "results",
    "period_to_json": "results",
    "procedure_text": "procedures",
    "render_report": "reports",
    "report_to_json": "reports",
    "violations_text": "analyses",
    "violations_to_json": "analyses",
    "with_counts": "results",
    "without_marks": "marks",
}

__all__ = [
    "HEADERS",
    "calendar_text",
    "calendar_to_ics",
    "calendar_to_json",
    "checks_text",
    "checks_to_json",
    "code_text",
    "code_to_json",
    "coverage_text",
    "coverage_to_json",
    "day_to_json",
    "dossier_summary",
    "dossiers_text",
    "due_text",
    "due_to_json",
    "dumps",
    "has_marks",
    "indicators_text",
    "indicators_to_json",
    "legal_basis_vi",
    "period_basis",
    "period_note",
    "period_text",
    "period_to_json",
    "procedure_text",
    "render_report",
    "report_to_json",
    "violations_text",
    "violations_to_json",
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
