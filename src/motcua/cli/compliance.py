"""The ``check`` and ``notice`` commands."""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import textwrap
from typing import IO

from motcua.analyses.compliance import Regime, check
from motcua.analyses.notices import NoticeKind, build_book, build_notice, render_html, render_text
from motcua.cli import _args
from motcua.cli._common import Parser
from motcua.domain.dossiers import Dossier
from motcua.domain.lifecycle import LifecyclePolicy
from motcua.domain.procedures import Catalogue
from motcua.domain.unit_registry import UnitRegistry
from motcua.foundation.errors import InvalidInputError
from motcua.serialization.dossiers import dossier_from_json
from motcua.serialization.files import ReadResult
from motcua.serialization.render import (
    dumps,
    violations_summary,
    violations_text,
    violations_to_json,
    with_counts,
)
from motcua.serialization.reports import Seen
from motcua.serialization.units import unit_registry

__all__ = ["add_commands"]

#: What each KIND prints (the ``notice --help`` epilog).
_KINDS = {
    NoticeKind.RECEIPT: "receipt and appointment slip (form 01)",
    NoticeKind.SUPPLEMENT: "request to supplement the dossier (form 02)",
    NoticeKind.REFUSAL: "refusal to receive the dossier (form 03)",
    NoticeKind.APOLOGY: "apology letter for a late dossier, new appointment (form 04)",
    NoticeKind.EXTENSION: "apology and request to extend the time (Circular 03/2025 form 04)",
    NoticeKind.STOP: "notice stopping the processing (Circular 03/2025 form 05)",
    NoticeKind.CONTROL: "processing control sheet (form 05; 06 under Circular 03/2025)",
    NoticeKind.BOOK: "tracking book of every dossier in FILE (form 06; 07 under 03/2025)",
}

#: Dossiers are read as recorded: the checks, not the reader, judge reschedules.
_AS_RECORDED = LifecyclePolicy(max_reschedules=None)


def _read(args: argparse.Namespace) -> tuple[Catalogue, ReadResult[Dossier]]:
    catalogue = _args.catalogue(args)
    result = _args.read_input(
        args,
        "dossiers",
        lambda d, w, p: dossier_from_json(d, w, p, catalogue=catalogue, policy=_AS_RECORDED),
    )
    return catalogue, result


def _names_a_commune(dossier: Dossier) -> bool:
    """Whether the receipt-scope rule needs the unit registry to place *dossier*'s units."""
    return any(len(code) > 2 for code in (dossier.receiving_unit, dossier.deciding_unit) if code)


def _cmd_check(args: argparse.Namespace) -> int:
    """Check FILE's dossiers one at a time: memory stays flat however many there are.

    Text output streams, one line per violation as it is found, so ``| head`` stops the
    reading early; the summary line comes last. JSON output is one document, written once
    FILE is read: the violations wait in a temporary file meanwhile, so that a bad record
    leaves no half document on stdout.
    """
    as_of = _args.as_of(args)  # each log is cut there, as `dossier show --as-of` does
    catalogue = _args.catalogue(args)
    regime = Regime(args.regime)
    errors: list[InvalidInputError] = []
    dossiers = _args.stream_input(
        args,
        "dossiers",
        lambda d, w, p: dossier_from_json(d, w, p, catalogue=catalogue, policy=_AS_RECORDED),
        errors,
        command="motcua check",
    )
    violators = Seen()  # the dossiers with a violation, packed (the summary counts them)
    count = read = 0
    registry: UnitRegistry | None = None  # loaded once a dossier names a commune
    with tempfile.TemporaryFile("w+", encoding="utf-8") as spool:
        for dossier in dossiers:
            read += 1
            if registry is None and _names_a_commune(dossier):
                registry = unit_registry()
            violations = check(
                dossier, regime=regime, as_of=as_of, catalogue=catalogue, registry=registry
            )
            if not violations:
                continue
            for v in violations:
                violators.add(v.dossier)
            if args.format == "json":
                for item in violations_to_json(violations):
                    spool.write(",\n" if count else "\n")
                    spool.write(textwrap.indent(dumps(item), "    "))
                    count += 1
            else:
                count += len(violations)
                # The renderer's lines, without its summary (the last line), which comes last.
                text = violations_text(violations, read, verbose=args.verbose, lang=args.lang)
                print(text[: text.rindex("\n", 0, -1) + 1], end="")
        if args.format == "json":
            _print_json(spool, count, read=read, skipped=len(errors))
    if args.format != "json":
        print(violations_summary(count, violators.count, read, lang=args.lang))
    return _args.report_skipped(args, read, errors) or (1 if count else 0)


def _print_json(spool: IO[str], count: int, *, read: int, skipped: int) -> None:
    """Print ``{"violations": [...], "read": N, "skipped": M}`` as :func:`dumps` prints it.

    The items come from *spool*, each already indented to its place in the document.
    """
    sys.stdout.write('{\n  "violations": [')
    if count:
        spool.seek(0)
        shutil.copyfileobj(spool, sys.stdout)
        sys.stdout.write("\n  ")
    sys.stdout.write("],\n")
    print(dumps(with_counts({}, read=read, skipped=skipped))[2:])


def _cmd_notice(args: argparse.Namespace) -> int:
    kind = NoticeKind(args.kind)
    catalogue, result = _read(args)
    dossiers = result.records
    regime = Regime(args.regime)
    if args.code is not None:
        dossiers = tuple(d for d in dossiers if str(d.code) == args.code)
        if not dossiers:
            raise InvalidInputError(
                "--code", f"a dossier code present in {_args.source(args).name}", args.code
            )
    if kind is NoticeKind.BOOK:
        notice = build_book(dossiers, regime=regime, catalogue=catalogue)
    else:
        if len(dossiers) != 1:
            raise InvalidInputError(
                "--code",
                "the code of one dossier (the file holds several)",
                None,
                "pass --code CODE",
            )
        if args.format == "ics":
            return _print_ics(kind, dossiers[0], catalogue)
        notice = build_notice(kind, dossiers[0], regime=regime, catalogue=catalogue)
    if args.format == "ics":
        raise InvalidInputError(
            "--format", _ICS_KINDS, f"ics with {kind.value}", "use --format text or html"
        )
    page = render_html(notice, agency=args.agency, superior=args.superior, place=args.place)
    print(page if args.format == "html" else render_text(notice), end="")
    return 0


_ICS_KINDS = "ics with receipt, apology or extension (the kinds that give an appointment)"


def _print_ics(kind: NoticeKind, dossier: Dossier, catalogue: Catalogue) -> int:
    """The appointment the receipt or the apology letter gives, as an iCalendar file."""
    if kind not in (NoticeKind.RECEIPT, NoticeKind.APOLOGY, NoticeKind.EXTENSION):
        raise InvalidInputError(
            "--format", _ICS_KINDS, f"ics with {kind.value}", "use --format text or html"
        )
    from motcua.serialization.render.appointment import appointment_to_ics  # noqa: PLC0415

    sys.stdout.flush()  # CRLF line ends as RFC 5545 wants them, untranslated
    sys.stdout.buffer.write(appointment_to_ics(dossier, catalogue=catalogue).encode("utf-8"))
    sys.stdout.buffer.flush()
    return 0


def add_commands(sub: argparse._SubParsersAction[Parser]) -> None:
    """Register ``check`` and ``notice``."""
    regimes = [r.value for r in Regime]
    chk = sub.add_parser(
        "check",
        help="check dossiers against the compliance rules",
        description="Check every dossier in FILE against the rules in force on its day.",
        epilog="FILE is read one dossier at a time (memory stays flat) and the text output "
        "streams, so 'motcua check big.jsonl | head -1' stops reading when head exits, "
        "quietly, with exit status 141. Exit status: 0 no violation, 1 a violation, "
        "2 bad input, 141 the reader of the output went away.",
    )
    _args.add_input(chk)
    chk.add_argument(
        "--regime",
        default="auto",
        choices=regimes,
        help="the rules of which regime (auto: the one in force on each dossier's day)",
    )
    _args.add_as_of(chk)
    chk.add_argument(
        "--format",
        default="text",
        choices=["text", "json"],
        help="text (one line per violation) or json ({violations, read, skipped})",
    )
    _args.add_catalogue(chk)
    _args.add_skip_invalid(chk)
    _args.add_verbose(chk)
    _args.add_lang(chk)
    chk.set_defaults(handler=_cmd_check)

    kinds = "\n".join(f"  {k.value:<11} {_KINDS[k]}" for k in NoticeKind)
    notice = sub.add_parser(
        "notice",
        help="render an official notice (form) for a dossier",
        description="Render an official form in Vietnamese for one dossier (--code), or the "
        "tracking book of all of them; the forms of the regime in force on the dossier's day.",
        epilog=f"kinds:\n{kinds}\n\nexample:\n  motcua notice receipt dossiers.jsonl "
        "--code 000.00.05.H48-240415-0001 --format html > bien-nhan.html",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    notice.add_argument(
        "kind",
        metavar="KIND",
        choices=[k.value for k in NoticeKind],
        help="the form: " + ", ".join(k.value for k in NoticeKind) + " (see kinds below)",
    )
    _args.add_input(notice)
    notice.add_argument("--code", metavar="CODE", help="the dossier (needed if FILE has several)")
    notice.add_argument(
        "--format",
        default="text",
        choices=["text", "html", "ics"],
        help="plain text, printable HTML (A4, with the motto and signature blocks), or ics: "
        "the appointment as an iCalendar file (receipt, apology, extension)",
    )
    notice.add_argument("--agency", metavar="NAME", help="HTML: the issuing agency's name")
    notice.add_argument("--superior", metavar="NAME", help="HTML: its superior agency")
    notice.add_argument("--place", metavar="NAME", help="HTML: the place on the date line")
    notice.add_argument(
        "--regime", default="auto", choices=regimes, help="whose forms (auto: by the day)"
    )
    _args.add_catalogue(notice)
    notice.set_defaults(handler=_cmd_notice)
