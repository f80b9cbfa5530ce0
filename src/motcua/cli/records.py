"""The ``dossier``, ``code`` and ``procedure`` commands.

FILE may be ``-`` (standard input). Bad input exits with status 2 and one line per problem
naming the file, the line (JSON Lines), the dossier code when the record has one, and the
JSON path of the bad field. With ``--skip-invalid`` the good records are processed and
printed, every bad one is reported on stderr, then ``motcua: read N, skipped M``; the exit
status is still 2 when any record was bad, so that nothing is lost silently.
"""

from __future__ import annotations

import argparse
from datetime import datetime
from fractions import Fraction
from typing import Protocol

from motcua.cli import _args
from motcua.cli._common import Parser, parse_as_of
from motcua.domain.codes import DossierCode
from motcua.domain.dossiers import Dossier
from motcua.domain.procedures import Catalogue
from motcua.foundation.errors import InvalidInputError
from motcua.serialization.catalogues import catalogue_to_json, procedure_to_json
from motcua.serialization.dossiers import dossier_from_json
from motcua.serialization.dvcqg import dossier_from_dvcqg, dossier_to_dvcqg, procedure_from_dvcqg
from motcua.serialization.render import (
    code_text,
    code_to_json,
    coverage_text,
    coverage_to_json,
    dossier_summary,
    dossiers_text,
    dumps,
    procedure_text,
    with_counts,
)

__all__ = ["add_commands"]


class _Reader(Protocol):
    """A record reader: ``(data, where, path, *, catalogue) -> Dossier``."""

    def __call__(
        self, data: object, where: str, path: str, /, *, catalogue: Catalogue | None
    ) -> Dossier: ...


def _warn_at(text: str) -> Fraction:
    """``--warn-at``: a percentage above 0 and at most 100 (``80``, ``75.5``, ``80%``)."""
    number = text.removesuffix("%").strip()
    try:
        value = Fraction(number) if number.isascii() and number[:1].isdigit() else None
    except (ValueError, ZeroDivisionError):
        value = None
    if value is None or not 0 < value <= 100:
        raise InvalidInputError("--warn-at", "a percentage above 0 and at most 100, e.g. 80", text)
    return value / 100


def _show(args: argparse.Namespace, key: str, read: _Reader, code: str = "code") -> int:
    """Print each dossier's summary (``show``, ``import-dvcqg``); report the bad records."""
    as_of = _args.as_of(args)  # validated before reading
    warn_at = _warn_at(args.warn_at)
    catalogue = _args.catalogue(args)
    result = _args.read_input(
        args,
        key,
        lambda d, w, p: dossier_summary(
            read(d, w, p, catalogue=catalogue), as_of, history=args.history, warn_at=warn_at
        ),
        code=code,
    )
    read_, skipped = len(result.records), len(result.errors)
    if args.json:
        print(dumps(with_counts({"dossiers": list(result.records)}, read=read_, skipped=skipped)))
    else:
        print(dossiers_text(result.records, lang=args.lang), end="")
    return _args.report_skipped(args, read_, result.errors)


def _cmd_show(args: argparse.Namespace) -> int:
    return _show(args, "dossiers", dossier_from_json)


def _cmd_import(args: argparse.Namespace) -> int:
    return _show(args, "result", dossier_from_dvcqg, code="MaHoSo")


def _cmd_export(args: argparse.Namespace) -> int:
    catalogue = _args.catalogue(args)
    result = _args.read_input(
        args,
        "dossiers",
        lambda d, w, p: dossier_to_dvcqg(
            dossier_from_json(d, w, p, catalogue=catalogue), catalogue=catalogue
        ),
    )
    print(dumps(list(result.records)))
    return _args.report_skipped(args, len(result.records), result.errors)


def _cmd_code_parse(args: argparse.Namespace) -> int:
    code = DossierCode.parse(args.code)
    if args.json:
        print(dumps(code_to_json(code), indent=None))
    else:
        print(code_text(code), end="")
    return 0


def _cmd_procedure_show(args: argparse.Namespace) -> int:
    procedure = _args.catalogue(args).get(args.code)
    if args.json:
        print(dumps(procedure_to_json(procedure)))
    else:
        print(procedure_text(procedure, verbose=args.verbose, lang=args.lang), end="")
    return 0


def _cmd_procedure_coverage(args: argparse.Namespace) -> int:
    from motcua.analyses.posting import posting_coverage  # noqa: PLC0415

    day = parse_as_of(args.on, "--on")
    if day is None:  # pragma: no cover - --on is required
        raise AssertionError
    if isinstance(day, datetime):
        day = day.date()
    coverage = posting_coverage(_args.catalogue(args), on=day)
    if args.json:
        print(dumps(coverage_to_json(day, coverage), indent=None))
    else:
        print(coverage_text(coverage), end="")
    return 0


def _cmd_procedure_import(args: argparse.Namespace) -> int:
    result = _args.read_input(
        args, "result", procedure_from_dvcqg, code="MATTHC", label="procedure"
    )
    print(dumps(catalogue_to_json(Catalogue(result.records))))
    return _args.report_skipped(args, len(result.records), result.errors)


def add_commands(sub: argparse._SubParsersAction[Parser]) -> None:
    """Register the ``dossier``, ``code`` and ``procedure`` commands."""

    def dossiers(p: Parser, *, as_of: bool) -> None:
        _args.add_input(p)
        _args.add_catalogue(p)
        _args.add_skip_invalid(p)
        if as_of:
            _args.add_as_of(p)
            p.add_argument("--history", action="store_true", help="list each dossier's events")
            p.add_argument(
                "--warn-at",
                metavar="PERCENT",
                default="80",
                help="with --as-of: flag an open dossier that has used at least PERCENT of "
                "its time (default 80)",
            )
            _args.add_lang(p)
            _args.add_json(p, "a JSON object: the dossiers, and how many were read and skipped")

    dossier = sub.add_parser("dossier", help="show dossiers; DVCQG export and import")
    dsub = dossier.add_subparsers(
        dest="action", metavar="COMMAND", required=True, parser_class=Parser
    )
    show = dsub.add_parser("show", help="status, due instant and timeliness of each dossier")
    dossiers(show, as_of=True)
    show.set_defaults(handler=_cmd_show)
    export = dsub.add_parser("export-dvcqg", help="print DVCQG dossier-sync payloads")
    dossiers(export, as_of=False)
    export.set_defaults(handler=_cmd_export)
    imp = dsub.add_parser("import-dvcqg", help="read DVCQG payloads back (output as show)")
    dossiers(imp, as_of=True)
    imp.set_defaults(handler=_cmd_import)

    code = sub.add_parser("code", help="dossier codes (Circular 01/2018 Art. 19)")
    csub = code.add_subparsers(
        dest="action", metavar="COMMAND", required=True, parser_class=Parser
    )
    parse = csub.add_parser("parse", help="split a dossier code into agency, date, serial")
    parse.add_argument(
        "code", metavar="CODE", help="a dossier code, e.g. 000.00.05.H48-240415-0001"
    )
    _args.add_json(parse)
    parse.set_defaults(handler=_cmd_code_parse)

    procedure = sub.add_parser("procedure", help="procedures: show one, import DVCQG records")
    psub = procedure.add_subparsers(
        dest="action", metavar="COMMAND", required=True, parser_class=Parser
    )
    pshow = psub.add_parser("show", help="a procedure's terms per channel, fees, legal basis")
    pshow.add_argument(
        "code",
        metavar="CODE",
        help="the procedure's code, national (1.004222) or local (1.004222.000.00.00.H48)",
    )
    _args.add_catalogue(pshow)
    _args.add_json(pshow, "the procedure's JSON")
    _args.add_lang(pshow)
    _args.add_verbose(pshow)
    pshow.set_defaults(handler=_cmd_procedure_show)
    pcov = psub.add_parser(
        "coverage", help="procedures posted physically and electronically, per level"
    )
    pcov.add_argument("--on", required=True, metavar="DATE", help="the day to count on")
    _args.add_catalogue(pcov)
    _args.add_json(pcov)
    pcov.set_defaults(handler=_cmd_procedure_coverage)
    pimport = psub.add_parser(
        "import", help="turn national procedure records (DVCQG JSON) into a motcua catalogue"
    )
    _args.add_input(pimport, "national procedure records (DVCQG)")
    _args.add_skip_invalid(pimport)
    pimport.set_defaults(handler=_cmd_procedure_import)
