"""The ``period``, ``report`` and ``report verify`` commands."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from motcua.analyses.index766 import DVCQG_2025, Index766
from motcua.analyses.periods import parse_period
from motcua.analyses.report import Dimension, percent, round_half_up
from motcua.analyses.verify import verify_figures, verify_series
from motcua.cli._common import Parser
from motcua.foundation.errors import InvalidInputError
from motcua.serialization.catalogues import load_catalogue, sample_catalogue
from motcua.serialization.dossiers import iter_dossiers
from motcua.serialization.files import read_document
from motcua.serialization.reports import render_report, tally_file

__all__ = ["add_commands", "cmd_verify"]


def _cmd_period(args: argparse.Namespace) -> int:
    period = parse_period(args.spec, calendar=args.calendar)
    if args.json:
        print(
            json.dumps(
                {
                    "spec": period.spec,
                    "start": period.start.isoformat(),
                    "end": period.end.isoformat(),
                    "window": period.window.value,
                    "basis": period.basis,
                    "straddles_reform": period.straddles_reform,
                },
                ensure_ascii=False,
            )
        )
    else:
        print(f"{period.start.isoformat()} {period.end.isoformat()}")
        print(f"{period.start:%d/%m/%Y}-{period.end:%d/%m/%Y} ({period.basis})", file=sys.stderr)
    if period.straddles_reform:
        print(
            "note: the period straddles 2025-07-01 (two-tier local government); "
            "district-level rows cover only the part before it",
            file=sys.stderr,
        )
    return 0


class _Progress:
    """A progress counter on stderr, only when stderr is a terminal."""

    def __init__(self, total_parts: int | None) -> None:
        self.active = sys.stderr.isatty()
        self.total = total_parts

    def __call__(self, done: int) -> None:
        if self.active:
            unit = f"/{self.total} parts" if self.total else " dossiers"
            print(f"\rmotcua report: {done:,}{unit}", end="", file=sys.stderr, flush=True)

    def close(self) -> None:
        if self.active:
            print(file=sys.stderr)


def _cmd_report(args: argparse.Namespace) -> int:
    period = parse_period(args.period, calendar=args.calendar)
    catalogue = load_catalogue(args.catalogue) if args.catalogue else sample_catalogue()
    by = [Dimension(d) for d in (args.by or [])]
    errors: list[InvalidInputError] = []
    progress = _Progress(args.jobs if args.jobs and args.jobs > 1 else None)
    try:
        acc = tally_file(
            args.file,
            period,
            by=by,
            catalogue=catalogue,
            jobs=args.jobs,
            skip_invalid=args.skip_invalid,
            errors=errors,
            progress=progress,
        )
    finally:
        progress.close()
    report = acc.result()
    print(render_report(report, args.format, args.lang), end="")
    for error in errors:
        print(f"motcua: error: {error}", file=sys.stderr)
    if errors:
        print(f"motcua: {len(errors)} invalid record(s) skipped", file=sys.stderr)
        return 2
    return 0


def _cmd_indicators(args: argparse.Namespace) -> int:
    period = parse_period(args.period, calendar=args.calendar)
    catalogue = load_catalogue(args.catalogue) if args.catalogue else sample_catalogue()
    acc = Index766(period)
    errors = 0
    for item in iter_dossiers(args.file, catalogue=catalogue):
        if isinstance(item, InvalidInputError):
            if not args.skip_invalid:
                raise item
            print(f"motcua: error: {item}", file=sys.stderr)
            errors += 1
        else:
            acc.add(item)
    results = acc.results()
    if args.json:
        print(
            json.dumps(
                {
                    "period": period.spec,
                    "config": DVCQG_2025.version,
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
                        }
                        for r in results
                    ],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        print(f"Decision 766/QĐ-TTg indicators, {period} ({DVCQG_2025.version})")
        for r in results:
            pct = "-" if r.rate is None else f"{percent(r.rate)} %"
            pts = "-" if r.points is None else f"{round_half_up(r.points)}/{r.max_points}"
            extra = f", {r.unknown} unknown" if r.unknown else ""
            print(
                f"  {r.code} {r.name}: {r.numerator}/{r.denominator} = {pct}, points {pts}{extra}"
            )
    return 2 if errors else 0


def cmd_verify(argv: list[str]) -> int:
    """``motcua report verify FIGURES.json``: 0 consistent, 1 contradiction, 2 bad input."""
    parser = Parser(
        prog="motcua report verify",
        description="check published Biểu 06 figures against the report's identities",
    )
    parser.add_argument("figures", metavar="FIGURES.json")
    parser.add_argument("--json", action="store_true", help="print the checks as JSON")
    args = parser.parse_args(argv)
    path = Path(args.figures)
    data: Any = read_document(path)
    if isinstance(data, list):
        result = verify_series(data, where=f"{path} $")
    elif isinstance(data, dict):
        result = verify_figures(data, where=f"{path} $")
    else:
        raise InvalidInputError(f"{path} $", "an object of figures, or an array of them", data)
    if args.json:
        print(
            json.dumps(
                {
                    "ok": result.ok,
                    "checks": [
                        {
                            "identity": str(c.identity),
                            "period": c.period,
                            "status": c.status,
                            "message": c.message,
                            **({"implied": {c.implied[0]: c.implied[1]}} if c.implied else {}),
                        }
                        for c in result.checks
                        if c.status != "skipped"
                    ],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        for c in result.checks:
            if c.status == "skipped":
                continue
            prefix = f"[{c.period}] " if isinstance(data, list) else ""
            print(f"{prefix}{c.status.upper():<8} {c.message}")
        print("consistent" if result.ok else f"{len(result.failures)} identity(ies) fail")
    return 0 if result.ok else 1


def add_commands(sub: argparse._SubParsersAction[Parser]) -> None:
    """Register ``period`` and ``report`` (``report verify`` is routed by ``main``)."""
    period = sub.add_parser("period", help="the dates of a reporting period (Decree 09/2019)")
    period.add_argument("spec", metavar="SPEC", help="2024, 2024-03, 2024-Q1, 2024-H1, 2024-9M")
    period.add_argument("--calendar", action="store_true", help="calendar windows instead")
    period.add_argument("--json", action="store_true", help="print a JSON object")
    period.set_defaults(handler=_cmd_period)

    report = sub.add_parser(
        "report",
        help="Biểu 06 from a dossier file; 'report verify FIGURES.json' checks figures",
    )
    report.add_argument("file", metavar="FILE", help="dossiers: JSON or JSON Lines (.jsonl)")
    report.add_argument("--period", required=True, metavar="SPEC", help="e.g. 2024-Q1")
    report.add_argument("--calendar", action="store_true", help="calendar windows")
    report.add_argument(
        "--by",
        action="append",
        choices=[d.value for d in Dimension],
        help="group rows (repeat for nested groups)",
    )
    report.add_argument("--format", default="table", choices=["table", "csv", "json", "markdown"])
    report.add_argument("--lang", default="vi", choices=["vi", "en"])
    report.add_argument("--catalogue", metavar="FILE", help="procedures (default: sample)")
    report.add_argument(
        "--jobs",
        type=int,
        default=1,
        metavar="N",
        help="processes for a JSON Lines file (0: one per core; default 1)",
    )
    report.add_argument(
        "--skip-invalid",
        action="store_true",
        help="count the good records and report every bad one (exit status still 2)",
    )
    report.set_defaults(handler=_cmd_report)

    indicators = sub.add_parser(
        "indicators", help="Decision 766/QĐ-TTg indicators computable from dossier data"
    )
    indicators.add_argument("file", metavar="FILE", help="dossiers: JSON or JSON Lines")
    indicators.add_argument("--period", required=True, metavar="SPEC")
    indicators.add_argument("--calendar", action="store_true", help="calendar windows")
    indicators.add_argument("--catalogue", metavar="FILE")
    indicators.add_argument("--json", action="store_true")
    indicators.add_argument("--skip-invalid", action="store_true")
    indicators.set_defaults(handler=_cmd_indicators)
