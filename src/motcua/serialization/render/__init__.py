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

from motcua.serialization.render.reports import HEADERS, render_report, report_to_json
from motcua.serialization.render.results import (
    checks_text,
    checks_to_json,
    code_text,
    code_to_json,
    coverage_text,
    coverage_to_json,
    dossier_summary,
    dossiers_text,
    dumps,
    indicators_text,
    indicators_to_json,
    period_basis,
    period_note,
    period_text,
    period_to_json,
    procedure_text,
    violations_text,
    violations_to_json,
    with_counts,
)

__all__ = [
    "HEADERS",
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
]
