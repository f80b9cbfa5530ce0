"""The ``period``, ``report`` and ``report verify`` commands."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date, datetime
from typing import Any

from motcua.analyses.bieu06 import UnitRole
from motcua.analyses.index766 import Index766, index766_config
from motcua.analyses.periods import Period, parse_period
from motcua.analyses.report import Bieu06, Dimension, Report
from motcua.analyses.verify import verify_figures, verify_series
from motcua.cli import _args
from motcua.cli._common import Parser, parse_start
from motcua.cli._progress import Progress, Unit
from motcua.domain.procedures import Catalogue
from motcua.domain.unit_registry import UnitRegistry
from motcua.foundation.errors import InvalidInputError
from motcua.serialization.dossiers import dossier_from_json
from motcua.serialization.files import Source, read_document
from motcua.serialization.render import (
    checks_text,
    checks_to_json,
    dumps,
    indicators_text,
    indicators_to_json,
    period_basis,
    period_note,
    period_text,
    period_to_json,
    with_counts,
)
from motcua.serialization.reports import render_report, report_to_json, tally_file

__all__ = ["add_commands", "cmd_verify", "verify_parser"]

_FORMATS = ("table", "csv", "json", "markdown", "html", "xlsx")
_LANGS = ("vi", "en")


def _period(args: argparse.Namespace) -> Period:
    with _args.options(period="--period"):
        return parse_period(args.period, calendar=args.calendar)


def _cmd_period(args: argparse.Namespace) -> int:
    with _args.options(period="SPEC"):
        period = parse_period(args.spec, calendar=args.calendar)
    if args.json:
        print(dumps(period_to_json(period), indent=None))
    else:
        print(period_text(period), end="")
        print(period_basis(period, verbose=args.verbose, lang=args.lang), end="", file=sys.stderr)
    note = period_note(period, lang=args.lang)
    if note is not None:
        print(note, end="", file=sys.stderr)
    return 0


def _jobs(text: str) -> int:
    """``--jobs``: 0 (one process per core) or a number of processes."""
    if not (text.isascii() and text.isdigit()):
        raise argparse.ArgumentTypeError(
            f"expected a number of processes, 1 or more (0: one per core), got {text!r}"
        )
    return int(text)


def _date(text: str, option: str) -> date:
    try:
        value = parse_start(text)
    except InvalidInputError:
        raise InvalidInputError(option, "a date: YYYY-MM-DD or dd/mm/yyyy", text) from None
    return value.date() if isinstance(value, datetime) else value


def _cmd_report(args: argparse.Namespace) -> int:
    period = _period(args)
    catalogue = _args.catalogue(args)
    by = [Dimension(d) for d in (args.by or [])]
    errors: list[InvalidInputError] = []
    if args.rehome_to is not None and not {Dimension.PROVINCE, Dimension.COMMUNE} & set(by):
        raise InvalidInputError(
            "--rehome-to", "to be used with --by province or commune", args.rehome_to
        )
    units = None
    if {Dimension.PROVINCE, Dimension.COMMUNE} & set(by):
        from motcua.serialization.units import unit_registry  # noqa: PLC0415 - data on demand

        units = unit_registry()
    rehome_to = None if args.rehome_to is None else _date(args.rehome_to, "--rehome-to")
    acc = _count(
        args, period, errors, by=by, catalogue=catalogue, units=units, rehome_to=rehome_to
    )
    if args.format == "html":  # the chart of received against resolved wants each month
        from motcua.serialization.render.report_html import month_periods  # noqa: PLC0415

        # The same records as above, not grouped: their errors are reported once.
        months = [
            _count(
                args, month, [], by=[], catalogue=catalogue, units=None, rehome_to=None
            ).result()
            for month in month_periods(period)
        ]
        return _print_report(args, acc.result(), errors, months)
    return _print_report(args, acc.result(), errors)


def _count(
    args: argparse.Namespace,
    period: Period,
    errors: list[InvalidInputError],
    *,
    by: list[Dimension],
    catalogue: Catalogue,
    units: UnitRegistry | None,
    rehome_to: date | None,
) -> Bieu06:
    """Count FILE's dossiers over *period*: in this process, on ``--jobs``, or on Dask."""
    if args.dask is not None:
        if args.jobs != 1:
            raise InvalidInputError("--dask", "no --jobs with it (Dask runs the work)", args.jobs)
        if _args.source(args).stdin:
            raise InvalidInputError(
                "--dask", "a file (workers read FILE themselves, not standard input)", "-"
            )
        try:
            from motcua.serialization.dask import tally_on_dask  # noqa: PLC0415 - the extra
        except ImportError as exc:
            raise InvalidInputError(
                "--dask",
                "the dask extra installed",
                f"no module {exc.name}",
                "pip install 'motcua[dask]' (here and on every worker)",
            ) from None
        with (
            _args.options(scheduler="--dask", paths="FILE"),
            Progress("motcua report", "blocks", lang=args.lang) as progress,
        ):
            return tally_on_dask(
                args.file,
                period,
                by=by,
                catalogue=catalogue,
                units=units,
                unit_role=UnitRole(args.unit_of),
                rehome_to=rehome_to,
                blocksize=args.blocksize,
                scheduler=args.dask,
                input_format=args.input_format,
                skip_invalid=args.skip_invalid,
                errors=errors,
                progress=progress,
            )
    with Progress("motcua report", _counted(args), lang=args.lang) as progress:
        return tally_file(
            _args.source(args),
            period,
            by=by,
            catalogue=catalogue,
            jobs=args.jobs,
            skip_invalid=args.skip_invalid,
            errors=errors,
            progress=progress,
            units=units,
            unit_role=UnitRole(args.unit_of),
            rehome_to=rehome_to,
        )


def _counted(args: argparse.Namespace) -> Unit:
    """What ``tally_file`` counts for its progress: the parts of FILE counted in processes
    (a JSON Lines file, not standard input, with ``--jobs`` other than 1), else its lines
    (JSON Lines) or its dossiers (a JSON document).
    """  # noqa: D205
    src = _args.source(args)
    if src.format != "jsonl":
        return "dossiers"
    workers = (os.cpu_count() or 1) if args.jobs == 0 else args.jobs
    return "parts" if workers > 1 and not src.stdin else "lines"


def _blocksize(text: str) -> int:
    """``--blocksize``: bytes, with an optional KiB, MiB or GiB."""
    units = {"": 1, "KIB": 1 << 10, "MIB": 1 << 20, "GIB": 1 << 30}
    number = text.strip().upper()
    suffix = next((u for u in ("KIB", "MIB", "GIB") if number.endswith(u)), "")
    digits = number.removesuffix(suffix).strip()
    if not (digits.isascii() and digits.isdigit()) or int(digits) == 0:
        raise argparse.ArgumentTypeError(
            f"expected a number of bytes, optionally with KiB, MiB or GiB (64MiB), got {text!r}"
        )
    return int(digits) * units[suffix]


def _print_report(
    args: argparse.Namespace,
    report: Report,
    errors: list[InvalidInputError],
    months: list[Report] | None = None,
) -> int:
    if args.format == "json":
        data = with_counts(report_to_json(report), read=report.dossiers_read, skipped=len(errors))
        print(dumps(data))
    elif args.format == "html":
        from motcua.serialization.render.report_html import report_html  # noqa: PLC0415

        print(report_html(report, args.lang, months=months or ()), end="")
    elif args.format == "xlsx":
        from motcua.serialization.render.xlsx import report_xlsx  # noqa: PLC0415

        workbook = report_xlsx(report, args.lang)
        sys.stdout.flush()
        sys.stdout.buffer.write(workbook)
        sys.stdout.buffer.flush()
    else:
        print(render_report(report, args.format, args.lang, bom=not args.no_bom), end="")
    return _args.report_skipped(args, report.dossiers_read, errors)


def _cmd_indicators(args: argparse.Namespace) -> int:
    period = _period(args)
    catalogue = _args.catalogue(args)
    acc = Index766(period)
    errors: list[InvalidInputError] = []
    read = 0
    # One dossier at a time, memory flat however long FILE is; counting it is part of
    # reading it, so a dossier the indicators cannot count is that record's error.
    for _ in _args.stream_input(
        args,
        "dossiers",
        lambda d, w, p: acc.add(dossier_from_json(d, w, p, catalogue=catalogue)),
        errors,
        command="motcua indicators",
    ):
        read += 1
    config = index766_config(period.end)  # the points in force at the period's end
    results = acc.results(config, catalogue=catalogue)
    skipped = len(errors)
    if args.json:
        data = indicators_to_json(period, results, config.version)
        print(dumps(with_counts(data, read=read, skipped=skipped)))
    else:
        print(indicators_text(period, results, config.version, lang=args.lang), end="")
    return _args.report_skipped(args, read, errors)


def verify_parser() -> Parser:
    """The parser of ``motcua report verify`` (routed by ``main``, outside the tree)."""
    parser = Parser(
        prog="motcua report verify",
        description="check published Biểu 06 figures against the report's identities",
    )
    parser.add_argument(
        "figures", metavar="FIGURES.json", help="published figures, JSON ('-': standard input)"
    )
    _args.add_json(parser, "the checks as JSON (messages in English and Vietnamese)")
    _args.add_lang(parser)
    return parser


def cmd_verify(argv: list[str]) -> int:
    """``motcua report verify FIGURES.json``: 0 consistent, 1 contradiction or nothing checked.

    2 is bad input.
    """
    args = verify_parser().parse_args(argv)
    src = Source.of(args.figures, "json")
    data: Any = read_document(src)
    if isinstance(data, list):
        result = verify_series(data, where=f"{src.name} $")
    elif isinstance(data, dict):
        result = verify_figures(data, where=f"{src.name} $")
    else:
        raise InvalidInputError(f"{src.name} $", "an object of figures, or an array of them", data)
    if args.json:
        print(dumps(checks_to_json(result)))
    else:
        print(checks_text(result, series=isinstance(data, list), lang=args.lang), end="")
    return 0 if result.ok else 1


def add_commands(sub: argparse._SubParsersAction[Parser]) -> None:
    """Register ``period`` and ``report`` (``report verify`` is routed by ``main``)."""
    period = sub.add_parser(
        "period",
        help="the dates of a reporting period (Decree 09/2019)",
        epilog="examples:\n  motcua period 2024-Q1\n  motcua period 2025 --calendar --lang en\n"
        "  motcua period 2024-9M --json\n",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    period.add_argument("spec", metavar="SPEC", help="2024, 2024-03, 2024-Q1, 2024-H1, 2024-9M")
    period.add_argument(
        "--calendar",
        action="store_true",
        help="calendar windows (month, quarter... as on the calendar) instead of 15th-14th",
    )
    _args.add_json(period)
    _args.add_verbose(period)
    _args.add_lang(period)
    period.set_defaults(handler=_cmd_period)

    report = sub.add_parser(
        "report",
        help="Biểu 06 from a dossier file; 'report verify FIGURES.json' checks figures",
        description="Biểu 06 (Circular 01/2020/TT-VPCP) over the dossiers in FILE.",
        epilog="published figures: 'motcua report verify FIGURES.json [--lang en] [--json]' "
        "checks them against the report's identities (see 'motcua report verify --help'). "
        "Example: motcua report dossiers.jsonl --period 2024-Q1 --by level --format csv "
        "> bieu06.csv",
    )
    _args.add_input(report)
    report.add_argument(
        "--period",
        required=True,
        metavar="SPEC",
        help="the reporting period: 2024, 2024-03, 2024-Q1, 2024-H1, 2024-9M",
    )
    report.add_argument(
        "--calendar", action="store_true", help="calendar windows instead of 15th-14th"
    )
    report.add_argument(
        "--by",
        action="append",
        choices=[d.value for d in Dimension],
        help="group rows (repeat for nested groups); province and commune group by the unit "
        "--unit-of names, as of each dossier's day",
    )
    report.add_argument(
        "--unit-of",
        default=UnitRole.DECIDING.value,
        choices=[r.value for r in UnitRole],
        help="with --by province|commune: the dossier's deciding agency (default), "
        "receiving centre or applicant's locality",
    )
    report.add_argument(
        "--rehome-to",
        metavar="DATE",
        help="with --by province|commune: place every dossier in the units of DATE",
    )
    report.add_argument(
        "--format",
        default="table",
        choices=_FORMATS,
        help="output: table, csv, json (with read, skipped), markdown, html (the form's table "
        "and SVG charts, printable) or xlsx (a workbook in the form's layout; needs the "
        "xlsx extra: pip install 'motcua[xlsx]'); write xlsx to a file: > bieu06.xlsx",
    )
    report.add_argument(
        "--no-bom",
        action="store_true",
        help="with --format csv: no byte-order mark (by default the CSV starts with one, "
        "so that Excel reads it as UTF-8)",
    )
    report.add_argument("--lang", default="vi", choices=_LANGS, help="headers (default vi)")
    _args.add_catalogue(report)
    report.add_argument(
        "--jobs",
        type=_jobs,
        default=1,
        metavar="N",
        help="processes for a JSON Lines file (0: one per core; default 1); standard input "
        "is read in one process",
    )
    report.add_argument(
        "--dask",
        metavar="SCHEDULER",
        help="count on Dask (the dask extra): a scheduler's address (tcp://HOST:8786), "
        "whose workers read FILE themselves (a path they share, a glob, s3://...), or "
        "'processes' or 'threads' on this machine; JSON Lines only",
    )
    report.add_argument(
        "--blocksize",
        type=_blocksize,
        default="32MiB",
        metavar="BYTES",
        help="with --dask: bytes per block, each counted by one task (default 32MiB)",
    )
    _args.add_skip_invalid(report)
    report.set_defaults(handler=_cmd_report)

    indicators = sub.add_parser(
        "indicators",
        help="Decision 766/QĐ-TTg indicators computable from dossier data",
        epilog="examples:\n  motcua indicators dossiers.jsonl --period 2024-Q1\n"
        "  motcua indicators dossiers.jsonl --period 2024 --json --lang en\n",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _args.add_input(indicators)
    indicators.add_argument(
        "--period",
        required=True,
        metavar="SPEC",
        help="the reporting period: 2024, 2024-03, 2024-Q1, 2024-H1, 2024-9M",
    )
    indicators.add_argument(
        "--calendar", action="store_true", help="calendar windows instead of 15th-14th"
    )
    _args.add_catalogue(indicators)
    _args.add_json(indicators, "a JSON object (with read, skipped)")
    _args.add_skip_invalid(indicators)
    _args.add_lang(indicators)
    indicators.set_defaults(handler=_cmd_indicators)
