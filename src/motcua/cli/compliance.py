"""The ``check`` and ``notice`` commands."""

from __future__ import annotations

import argparse
import json
import sys

from motcua.analyses.compliance import Regime, check
from motcua.analyses.notices import NoticeKind, build_book, build_notice, render_html, render_text
from motcua.cli._common import Parser, parse_as_of
from motcua.domain.lifecycle import LifecyclePolicy
from motcua.foundation.errors import InvalidInputError
from motcua.serialization.catalogues import load_catalogue, sample_catalogue
from motcua.serialization.dossiers import read_dossiers

__all__ = ["add_commands"]

#: Dossiers are read as recorded: the checks, not the reader, judge reschedules.
_AS_RECORDED = LifecyclePolicy(max_reschedules=None)


def _cmd_check(args: argparse.Namespace) -> int:
    as_of = parse_as_of(args.as_of)  # each log is cut there, as `dossier show --as-of` does
    catalogue = load_catalogue(args.catalogue) if args.catalogue else sample_catalogue()
    result = read_dossiers(
        args.file, catalogue=catalogue, policy=_AS_RECORDED, skip_invalid=args.skip_invalid
    )
    violations = check(
        result.records, regime=Regime(args.regime), as_of=as_of, catalogue=catalogue
    )
    if args.format == "json":
        print(
            json.dumps(
                [
                    {
                        "rule": v.rule,
                        "dossier": v.dossier,
                        "basis": v.basis,
                        "message": v.message,
                        "regime": v.regime,
                        "facts": dict(v.facts),
                    }
                    for v in violations
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        for v in violations:
            print(v)
        dossiers = len({v.dossier for v in violations})
        print(
            f"{len(violations)} violation(s) in {dossiers} of {len(result.records)} dossier(s)"
            if violations
            else f"no violations in {len(result.records)} dossier(s)"
        )
    for error in result.errors:
        print(f"motcua: error: {error}", file=sys.stderr)
    if result.errors:
        return 2
    return 1 if violations else 0


def _cmd_notice(args: argparse.Namespace) -> int:
    kind = NoticeKind(args.kind)
    catalogue = load_catalogue(args.catalogue) if args.catalogue else sample_catalogue()
    dossiers = read_dossiers(args.file, catalogue=catalogue, policy=_AS_RECORDED).records
    regime = Regime(args.regime)
    if args.code is not None:
        dossiers = tuple(d for d in dossiers if str(d.code) == args.code)
        if not dossiers:
            raise InvalidInputError("--code", f"a dossier code present in {args.file}", args.code)
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
        notice = build_notice(kind, dossiers[0], regime=regime, catalogue=catalogue)
    print(render_html(notice) if args.format == "html" else render_text(notice), end="")
    return 0


def add_commands(sub: argparse._SubParsersAction[Parser]) -> None:
    """Register ``check`` and ``notice``."""
    regimes = [r.value for r in Regime]
    chk = sub.add_parser("check", help="check dossiers against the compliance rules")
    chk.add_argument("file", metavar="FILE", help="dossiers: JSON or JSON Lines")
    chk.add_argument("--regime", default="auto", choices=regimes)
    chk.add_argument(
        "--as-of",
        metavar="INSTANT",
        help="judge the dossiers as they stood at this instant (a date: its end)",
    )
    chk.add_argument("--format", default="text", choices=["text", "json"])
    chk.add_argument("--catalogue", metavar="FILE", help="procedures (default: sample)")
    chk.add_argument("--skip-invalid", action="store_true")
    chk.set_defaults(handler=_cmd_check)

    notice = sub.add_parser("notice", help="render an official notice (form) for a dossier")
    notice.add_argument("kind", metavar="KIND", choices=[k.value for k in NoticeKind])
    notice.add_argument("file", metavar="FILE")
    notice.add_argument("--code", metavar="CODE", help="the dossier (needed if FILE has several)")
    notice.add_argument("--format", default="text", choices=["text", "html"])
    notice.add_argument("--regime", default="auto", choices=regimes)
    notice.add_argument("--catalogue", metavar="FILE")
    notice.set_defaults(handler=_cmd_notice)
