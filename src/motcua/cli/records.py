"""The ``dossier``, ``code`` and ``procedure`` commands.

FILE may be ``-`` (standard input). Bad input exits with status 2 and one line per problem
naming the file, the line (JSON Lines), the dossier code when the record has one, and the
JSON path of the bad field. With ``--skip-invalid`` the good records are processed and
printed, every bad one is reported on stderr, then ``motcua: read N, skipped M``; the exit
status is still 2 when any record was bad, so that nothing is lost silently.

``dossier show``, ``export-dvcqg`` and ``import-dvcqg`` stream: records are read one by
one (JSON Lines line by line) and printed as they come, so memory stays flat however large
the input, and a closed pipe (``| head -1``) stops the command early and quietly. The first
megabyte of output is held back, so that a bad record in a small input still prints nothing
but the error; in a larger one, what was printed before the bad record stays printed.
"""

from __future__ import annotations

import argparse
import sys
import textwrap
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Any, Final, Protocol, TypeVar

from motcua.cli import _args
from motcua.cli._common import Parser, parse_as_of, parse_percent, parse_stages
from motcua.cli._progress import track
from motcua.domain.codes import ForeignDossierCode, read_dossier_code
from motcua.domain.dossiers import Dossier
from motcua.domain.procedures import Catalogue, Procedure
from motcua.foundation.errors import InvalidInputError
from motcua.serialization.catalogues import catalogue_to_json, procedure_to_json
from motcua.serialization.dossiers import dossier_from_json
from motcua.serialization.dvcqg import dossier_from_dvcqg, dossier_to_dvcqg, procedure_from_dvcqg
from motcua.serialization.dvcqg.dossiers import appointment_disagreement
from motcua.serialization.dvcqg.national_api import procedure_from_national_api
from motcua.serialization.files import iter_records
from motcua.serialization.render import (
    code_text,
    code_to_json,
    coverage_text,
    coverage_to_json,
    dossier_summary,
    dossiers_text,
    dumps,
    foreign_code_text,
    procedure_text,
)

__all__ = ["add_commands"]

T = TypeVar("T")


class _Reader(Protocol):
    """A record reader: ``(data, where, path, *, catalogue) -> Dossier``."""

    def __call__(
        self, data: object, where: str, path: str, /, *, catalogue: Catalogue | None
    ) -> Dossier: ...


def _stream(
    args: argparse.Namespace,
    key: str,
    parse: Callable[[object, str, str], T],
    errors: list[InvalidInputError],
    *,
    code: str = "code",
) -> Iterator[T]:
    """Yield FILE's records parsed one by one; a bad one raises, or is kept with --skip-invalid."""
    located = _args._located(parse, code, "dossier")  # noqa: SLF001 - the CLI's one locator
    skip = getattr(args, "skip_invalid", False)
    label = f"motcua {args.command} {args.action}" if hasattr(args, "command") else "motcua"
    lang = getattr(args, "lang", "vi")
    for item in track(iter_records(_args.source(args), key, located), label, lang=lang):
        if isinstance(item, InvalidInputError):
            if not skip:
                raise item
            errors.append(item)
        else:
            yield item


#: Output held back before streaming starts (a bad record before it prints nothing else).
HOLD_BACK: Final = 1 << 20


class _Out:
    """Standard output, holding back the first :data:`HOLD_BACK` characters."""

    def __init__(self) -> None:
        self.held: list[str] | None = []
        self.size = 0

    def write(self, text: str) -> None:
        if self.held is None:
            sys.stdout.write(text)
            return
        self.held.append(text)
        self.size += len(text)
        if self.size > HOLD_BACK:
            self.flush()

    def flush(self) -> None:
        """Print what was held back and stream from now on."""
        if self.held is not None:
            sys.stdout.write("".join(self.held))
            self.held = None


def _write_json_list(out: _Out, items: Iterator[dict[str, Any]], key: str | None) -> int:
    """Write *items* as ``dumps`` would print the whole list (under *key*), one at a time."""
    pad = "    " if key is not None else "  "
    out.write(f'{{\n  "{key}": [' if key is not None else "[")
    count = 0
    for item in items:
        out.write((",\n" if count else "\n") + textwrap.indent(dumps(item), pad))
        count += 1
    if not count:
        out.write("]")
    else:
        out.write("\n  ]" if key is not None else "\n]")
    return count


_NOTE_LABELS = {
    "vi": {"inferred": "suy ra", "unknown": "không rõ", "contradictions": "mâu thuẫn"},
    "en": {"inferred": "inferred", "unknown": "unknown", "contradictions": "contradiction"},
}


def _reported(dossier: Dossier, summary: dict[str, Any]) -> dict[str, Any]:
    """Add what the sender reported to an imported dossier's summary (``reported``)."""
    reported = dossier.reported
    if reported is None:
        return summary
    clash = appointment_disagreement(dossier)
    summary["reported"] = {
        "as_reported": reported.as_reported,
        "status": reported.status.code,
        "events_status": dossier.status.code,
        "appointment": None
        if reported.appointment is None
        else reported.appointment.isoformat(timespec="minutes"),
        "appointment_disagreement": None
        if clash is None
        else {
            "sender": clash[0].isoformat(timespec="minutes"),
            "motcua": clash[1].isoformat(timespec="minutes"),
        },
        "channel_known": reported.channel_known,
        "code_conforms": dossier.code.conforms,
        "inferred": list(reported.inferred),
        "unknown": list(reported.unknown),
        "contradictions": list(reported.contradictions),
        "foreign_keys": list(reported.foreign_keys),
    }
    if reported.as_reported and summary.get("status") is not None:
        summary["status"] = reported.status.code
        summary["status_name"] = reported.status.vi
    if not reported.channel_known:
        summary["channel"] = None
    return summary


def _warn(summary: dict[str, Any]) -> None:
    """Warn on stderr of what an imported dossier's sender and motcua disagree on."""
    reported = summary.get("reported")
    if not reported:
        return
    clash = reported["appointment_disagreement"]
    if clash is not None:
        print(
            f"motcua: warning: dossier {summary['code']}: NgayHenTra {clash['sender']} "
            f"(the sender's, kept as the appointment of record) differs from motcua's "
            f"{clash['motcua']}",
            file=sys.stderr,
        )
    for text in reported["contradictions"]:
        print(f"motcua: warning: dossier {summary['code']}: {text}", file=sys.stderr)


def _text(summary: dict[str, Any], lang: str) -> str:
    """One dossier's text lines; an imported one's notes follow it, indented."""
    reported = summary.get("reported")
    shown = summary
    if reported is not None and summary["channel"] is None:
        shown = {**summary, "channel": "không rõ" if lang == "vi" else "unknown"}
    text = dossiers_text([shown], lang=lang)
    if reported is not None:
        labels = _NOTE_LABELS.get(lang, _NOTE_LABELS["en"])
        for key in ("inferred", "unknown", "contradictions"):
            text += "".join(f"    {labels[key]}: {note}\n" for note in reported[key])
        if reported["foreign_keys"]:
            name = "khóa không đọc" if lang == "vi" else "keys not read"
            text += f"    {name}: {', '.join(reported['foreign_keys'])}\n"
    return text


def _show(args: argparse.Namespace, key: str, read: _Reader, code: str = "code") -> int:
    """Print each dossier's summary as it is read (``show``, ``import-dvcqg``)."""
    as_of = _args.as_of(args)  # validated before reading
    warn_at = parse_percent(args.warn_at, "--warn-at")
    stages = parse_stages(args.warn_stages)
    catalogue = _args.catalogue(args)
    if args.lang not in _NOTE_LABELS:
        raise InvalidInputError("--lang", "vi or en", args.lang)

    def summary(d: object, w: str, p: str) -> dict[str, Any]:
        dossier = read(d, w, p, catalogue=catalogue)
        return _reported(
            dossier,
            dossier_summary(dossier, as_of, history=args.history, warn_at=warn_at, stages=stages),
        )

    errors: list[InvalidInputError] = []

    def warned() -> Iterator[dict[str, Any]]:
        for s in _stream(args, key, summary, errors, code=code):
            _warn(s)
            yield s

    out = _Out()
    if args.json:
        read_ = _write_json_list(out, warned(), "dossiers")
        out.write(f',\n  "read": {read_},\n  "skipped": {len(errors)}\n}}\n')
    else:
        read_ = 0
        for s in warned():
            out.write(_text(s, args.lang))
            read_ += 1
    out.flush()
    return _args.report_skipped(args, read_, errors)


def _cmd_show(args: argparse.Namespace) -> int:
    return _show(args, "dossiers", dossier_from_json)


def _cmd_import(args: argparse.Namespace) -> int:
    return _show(args, "result", dossier_from_dvcqg, code="MaHoSo")


def _cmd_export(args: argparse.Namespace) -> int:
    catalogue = _args.catalogue(args)
    errors: list[InvalidInputError] = []
    payloads = _stream(
        args,
        "dossiers",
        lambda d, w, p: dossier_to_dvcqg(
            dossier_from_json(d, w, p, catalogue=catalogue), catalogue=catalogue
        ),
        errors,
    )
    out = _Out()
    if args.jsonl:  # one payload a line: what import-dvcqg (and any reader) can stream back
        count = 0
        for count, payload in enumerate(payloads, start=1):  # noqa: B007 - the count is kept
            out.write(dumps(payload, indent=None) + "\n")
    else:
        count = _write_json_list(out, payloads, None)
        out.write("\n")
    out.flush()
    return _args.report_skipped(args, count, errors)


def _foreign_to_json(code: ForeignDossierCode) -> dict[str, Any]:
    return {
        "code": str(code),
        "conforms": False,
        "reason": code.reason,
        "convention": code.convention,
        "described": code.described,
        "agency": code.agency_text or None,
        "date": None if code.known_day is None else code.known_day.isoformat(),
        "serial": code.known_serial,
        "tells": list(code.tells()),
        "does_not_tell": list(code.does_not_tell()),
    }


def _cmd_code_parse(args: argparse.Namespace) -> int:
    code = read_dossier_code(args.code)
    if isinstance(code, ForeignDossierCode):
        if args.json:
            print(dumps(_foreign_to_json(code), indent=None))
        else:
            print(foreign_code_text(code, lang=args.lang), end="")
        return 0
    if args.json:
        print(dumps({**code_to_json(code), "conforms": True}, indent=None))
    else:
        print(code_text(code, lang=args.lang), end="")
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
        print(coverage_text(coverage, lang=args.lang), end="")
    return 0


def _procedure(record: object, where: str, path: str) -> Procedure:
    """A national record: the newer ``executionMethods`` shape, or the upper-case one."""
    if isinstance(record, dict) and (
        "executionMethods" in record
        or (isinstance(record.get("data"), dict) and "executionMethods" in record["data"])
    ):
        return procedure_from_national_api(record, where, path)
    return procedure_from_dvcqg(record, where, path)


def _cmd_procedure_import(args: argparse.Namespace) -> int:
    result = _args.read_input(args, "result", _procedure, code="MATTHC", label="procedure")
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
            p.add_argument(
                "--warn-stages",
                metavar="PERCENTS",
                default="50,75,100",
                help="with --as-of: the warning stages, increasing percentages of the time "
                "used (default 50,75,100)",
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
    export.add_argument(
        "--jsonl",
        action="store_true",
        help="one payload per line (JSON Lines) instead of one JSON array",
    )
    export.set_defaults(handler=_cmd_export)
    imp = dsub.add_parser("import-dvcqg", help="read DVCQG payloads back (output as show)")
    dossiers(imp, as_of=True)
    imp.set_defaults(handler=_cmd_import)

    code = sub.add_parser("code", help="dossier codes (Circular 01/2018 Art. 19)")
    csub = code.add_subparsers(
        dest="action", metavar="COMMAND", required=True, parser_class=Parser
    )
    parse = csub.add_parser(
        "parse",
        help="split a dossier code into agency, date, serial; say what a foreign code tells",
    )
    parse.add_argument(
        "code", metavar="CODE", help="a dossier code, e.g. 000.00.05.H48-240415-0001"
    )
    _args.add_json(parse)
    _args.add_lang(parse)
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
    _args.add_lang(pcov)
    pcov.set_defaults(handler=_cmd_procedure_coverage)
    pimport = psub.add_parser(
        "import", help="turn national procedure records (DVCQG JSON) into a motcua catalogue"
    )
    _args.add_input(pimport, "national procedure records (DVCQG)")
    _args.add_skip_invalid(pimport)
    pimport.set_defaults(handler=_cmd_procedure_import)
