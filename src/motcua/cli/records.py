"""The ``dossier``, ``code`` and ``procedure`` commands.

Bad input exits with status 2 and one line per problem naming the file, the line (JSON
Lines) and the JSON path of the bad field. With ``--skip-invalid`` the good records are
processed and printed, every bad one is reported on stderr, and the exit status is still 2
when any record was bad, so that nothing is lost silently.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, datetime
from typing import Any

from motcua.cli._common import Parser, parse_as_of
from motcua.domain.codes import DossierCode
from motcua.domain.dossiers import Dossier, as_of_instant
from motcua.domain.procedures import Catalogue, NoTimeLimit, Procedure
from motcua.serialization.catalogues import (
    catalogue_to_json,
    load_catalogue,
    procedure_to_json,
    sample_catalogue,
)
from motcua.serialization.dossiers import read_dossiers
from motcua.serialization.dvcqg import dossier_to_dvcqg, read_dvcqg_dossiers, read_dvcqg_procedures
from motcua.serialization.files import ReadResult
from motcua.serialization.limits import limit_to_json

__all__ = ["add_commands", "dossier_summary"]


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat(timespec="minutes")


def _catalogue(args: argparse.Namespace) -> Catalogue:
    path = getattr(args, "catalogue", None)
    return load_catalogue(path) if path else sample_catalogue()


def _as_of(args: argparse.Namespace) -> datetime | date | None:
    return parse_as_of(getattr(args, "as_of", None))


def _report(result: ReadResult[Any]) -> int:
    for error in result.errors:
        print(f"motcua: error: {error}", file=sys.stderr)
    if result.errors:
        print(
            f"motcua: {len(result.errors)} invalid record(s) skipped, "
            f"{len(result.records)} processed",
            file=sys.stderr,
        )
        return 2
    return 0


def dossier_summary(
    dossier: Dossier, as_of: datetime | date | None, *, history: bool = False
) -> dict[str, Any]:
    """Return the JSON summary ``motcua dossier show --json`` prints for one dossier."""
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
            left = view.remaining(as_of)
            out["remaining_working_hours"] = (
                None if left is None else round(left.total_seconds() / 3600, 2)
            )
    if history:
        events = dossier.events if view is None else view.events
        statuses = () if view is None else view.statuses
        out["history"] = [
            {"type": e.kind, "at": _iso(e.at), "status": s.code}
            for e, s in zip(events, statuses, strict=False)
        ]
    return out


def _line(summary: dict[str, Any]) -> str:
    status = "-" if summary["status"] is None else f"{summary['status']} {summary['status_name']}"
    return (
        f"{summary['code']}  {summary['procedure']}  kênh {summary['channel']}  "
        f"[{status}]  hạn {summary['due'] or '-'}  {summary['timeliness'] or '-'}"
    )


def _print_dossiers(dossiers: tuple[Dossier, ...], args: argparse.Namespace) -> None:
    as_of = _as_of(args)
    summaries = [dossier_summary(d, as_of, history=args.history) for d in dossiers]
    if args.json:
        print(json.dumps(summaries, ensure_ascii=False, indent=2))
        return
    for summary in summaries:
        print(_line(summary))
        for row in summary.get("history", []):
            print(f"    {row['at']}  {row['type']:<22} -> {row['status']}")


def _cmd_show(args: argparse.Namespace) -> int:
    _as_of(args)  # validate before reading
    result = read_dossiers(args.file, catalogue=_catalogue(args), skip_invalid=args.skip_invalid)
    _print_dossiers(result.records, args)
    return _report(result)


def _cmd_export(args: argparse.Namespace) -> int:
    catalogue = _catalogue(args)
    result = read_dossiers(args.file, catalogue=catalogue, skip_invalid=args.skip_invalid)
    payloads = [dossier_to_dvcqg(d, catalogue=catalogue) for d in result.records]
    print(json.dumps(payloads, ensure_ascii=False, indent=2))
    return _report(result)


def _cmd_import(args: argparse.Namespace) -> int:
    _as_of(args)
    result = read_dvcqg_dossiers(
        args.file, catalogue=_catalogue(args), skip_invalid=args.skip_invalid
    )
    _print_dossiers(result.records, args)
    return _report(result)


def _cmd_code_parse(args: argparse.Namespace) -> int:
    code = DossierCode.parse(args.code)
    if args.json:
        print(
            json.dumps(
                {
                    "code": str(code),
                    "agency": str(code.agency),
                    "date": code.day.isoformat(),
                    "serial": code.serial,
                }
            )
        )
    else:
        print(f"agency  {code.agency}")
        print(f"date    {code.day.isoformat()} ({code.day:%d/%m/%Y})")
        print(f"serial  {code.serial}")
    return 0


def _limit_text(procedure: Procedure) -> list[str]:
    lines = []
    for term in procedure.terms:
        limit = (
            "không quy định thời hạn" if isinstance(term.limit, NoTimeLimit) else str(term.limit)
        )
        rule = term.counting_rule
        fees = "; ".join(
            f"{f.description}"
            + ("" if f.amount is None else f" = {f.amount:,} đ".replace(",", "."))
            for f in term.fees
        )
        case = f" [{term.case}]" if term.case else ""
        lines.append(
            f"  kênh {term.channel.value} ({term.channel.vi}){case}: {limit}"
            + (f", rule {rule.value}" if rule else "")
            + (f"; {fees}" if fees else "")
        )
    return lines


def _cmd_procedure_show(args: argparse.Namespace) -> int:
    procedure = _catalogue(args).get(args.code)
    if args.json:
        print(json.dumps(procedure_to_json(procedure), ensure_ascii=False, indent=2))
        return 0
    print(f"{procedure.code}  {procedure.name}")
    print(f"  lĩnh vực: {procedure.field}")
    print(f"  cấp thực hiện: {', '.join(level.vi for level in procedure.levels)}")
    print(f"  dịch vụ trực tuyến: {procedure.online_level.value}")
    print("  thời hạn và phí theo kênh:")
    for line in _limit_text(procedure):
        print("  " + line)
    print("  căn cứ pháp lý:")
    for basis in procedure.legal_basis:
        print(f"    {basis}")
    if procedure.source:
        print(f"  nguồn: {procedure.source}")
    return 0


def _cmd_procedure_coverage(args: argparse.Namespace) -> int:
    from motcua.analyses.posting import posting_coverage  # noqa: PLC0415

    day = parse_as_of(args.on, "--on")
    if day is None:  # pragma: no cover - --on is required
        raise AssertionError
    if isinstance(day, datetime):
        day = day.date()
    coverage = posting_coverage(_catalogue(args), on=day)
    if args.json:
        print(
            json.dumps(
                {
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
                },
                ensure_ascii=False,
            )
        )
    else:
        for level, c in coverage.items():
            print(f"{level.vi}: {c}")
    return 0


def _cmd_procedure_import(args: argparse.Namespace) -> int:
    result = read_dvcqg_procedures(args.file, skip_invalid=args.skip_invalid)
    print(json.dumps(catalogue_to_json(Catalogue(result.records)), ensure_ascii=False, indent=2))
    return _report(result)


def add_commands(sub: argparse._SubParsersAction[Parser]) -> None:
    """Register the ``dossier``, ``code`` and ``procedure`` commands."""

    def common(p: Parser, *, as_of: bool) -> None:
        p.add_argument("file", metavar="FILE", help="JSON or JSON Lines (.jsonl) file")
        p.add_argument("--catalogue", metavar="FILE", help="procedure catalogue (default: sample)")
        p.add_argument(
            "--skip-invalid",
            action="store_true",
            help="process the good records and report every bad one (exit status still 2)",
        )
        if as_of:
            p.add_argument(
                "--as-of",
                metavar="INSTANT",
                help="state as of this instant (a date means the end of that day)",
            )
            p.add_argument("--history", action="store_true", help="list each dossier's events")
            p.add_argument("--json", action="store_true", help="print a JSON array")

    dossier = sub.add_parser("dossier", help="show dossiers; DVCQG export and import")
    dsub = dossier.add_subparsers(dest="action", required=True, parser_class=Parser)
    show = dsub.add_parser("show", help="status, due instant and timeliness of each dossier")
    common(show, as_of=True)
    show.set_defaults(handler=_cmd_show)
    export = dsub.add_parser("export-dvcqg", help="print DVCQG dossier-sync payloads")
    common(export, as_of=False)
    export.set_defaults(handler=_cmd_export)
    imp = dsub.add_parser("import-dvcqg", help="read DVCQG payloads back (output as show)")
    common(imp, as_of=True)
    imp.set_defaults(handler=_cmd_import)

    code = sub.add_parser("code", help="dossier codes (Circular 01/2018 Art. 19)")
    csub = code.add_subparsers(dest="action", required=True, parser_class=Parser)
    parse = csub.add_parser("parse", help="split a dossier code into agency, date, serial")
    parse.add_argument("code", metavar="CODE")
    parse.add_argument("--json", action="store_true", help="print a JSON object")
    parse.set_defaults(handler=_cmd_code_parse)

    procedure = sub.add_parser("procedure", help="procedures: show one, import DVCQG records")
    psub = procedure.add_subparsers(dest="action", required=True, parser_class=Parser)
    pshow = psub.add_parser("show", help="a procedure's terms per channel, fees, legal basis")
    pshow.add_argument("code", metavar="CODE")
    pshow.add_argument("--catalogue", metavar="FILE", help="catalogue file (default: sample)")
    pshow.add_argument("--json", action="store_true", help="print the procedure's JSON")
    pshow.set_defaults(handler=_cmd_procedure_show)
    pcov = psub.add_parser(
        "coverage", help="procedures posted physically and electronically, per level"
    )
    pcov.add_argument("--on", required=True, metavar="DATE", help="the day to count on")
    pcov.add_argument("--catalogue", metavar="FILE", help="catalogue file (default: sample)")
    pcov.add_argument("--json", action="store_true")
    pcov.set_defaults(handler=_cmd_procedure_coverage)
    pimport = psub.add_parser(
        "import", help="turn national procedure records (DVCQG JSON) into a motcua catalogue"
    )
    pimport.add_argument("file", metavar="FILE")
    pimport.add_argument(
        "--skip-invalid", action="store_true", help="import the good records, report the bad"
    )
    pimport.set_defaults(handler=_cmd_procedure_import)
