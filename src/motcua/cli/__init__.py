"""The ``motcua`` command line (console script and ``python -m motcua``).

The CLI is the edge: it reads arguments, files and the environment, and prints. Nothing
imports it. Bad input exits with status 2 and one line on stderr naming the problem.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from datetime import date, datetime
from typing import Final

from motcua import __version__
from motcua.cli._common import Parser as _Parser
from motcua.cli._common import UsageError as _UsageError
from motcua.cli._common import add_lang as _add_lang
from motcua.cli._common import options as _options
from motcua.cli._common import parse_start
from motcua.foundation.errors import InvalidInputError, MotcuaError, NotFoundError
from motcua.foundation.vntime import parse_clock
from motcua.serialization.render.timing import (
    calendar_text,
    calendar_to_ics,
    calendar_to_json,
    due_text,
    due_to_json,
    provisional_note,
)
from motcua.time.calendar import WorkingCalendar, vietnam_calendar
from motcua.time.deadlines import WorkSchedule
from motcua.time.hours import OfficeHours
from motcua.time.limits import (
    CalendarDays,
    CountingRule,
    Months,
    SameDay,
    TimeLimit,
    WorkingDays,
    WorkingHours,
    count_from_text,
)

__all__ = ["main", "parse_start", "parser"]


def _count(
    text: str, option: str, kind: type[WorkingDays | WorkingHours | CalendarDays | Months]
) -> TimeLimit:
    """Build the time limit *kind* from an option's text; errors name the option."""
    value = count_from_text(text, option, decimal=True)
    try:
        return kind(value)
    except InvalidInputError as exc:
        raise InvalidInputError(option, exc.expected, text, exc.hint) from None


def _limit(args: argparse.Namespace) -> TimeLimit:
    if args.cutoff is not None and not args.same_day:
        raise InvalidInputError("--cutoff", "to be used with --same-day", args.cutoff)
    if args.working_days is not None:
        return _count(args.working_days, "--working-days", WorkingDays)
    if args.working_hours is not None:
        return _count(args.working_hours, "--working-hours", WorkingHours)
    if args.calendar_days is not None:
        return _count(args.calendar_days, "--calendar-days", CalendarDays)
    if args.months is not None:
        return _count(args.months, "--months", Months)
    return SameDay(None if args.cutoff is None else parse_clock(args.cutoff, "--cutoff"))


def _place(args: argparse.Namespace, on: date, day: str) -> frozenset[str] | None:
    """The codes of ``--unit CODE``'s place as it stood on *on* (None without ``--unit``).

    An unknown or malformed code is an error about ``--unit``; a day before the unit data
    is one about *day*, the argument it came from (``START``, ``YEAR``).
    """
    code = getattr(args, "unit", None)
    if code is None:
        return None
    from motcua.domain.places import place_codes  # noqa: PLC0415 - only with --unit
    from motcua.serialization.units import unit_registry  # noqa: PLC0415

    lookup = f"look it up with: motcua unit find NAME --on {on.isoformat()}"
    try:
        with _options(code="--unit", day=day):
            return place_codes(unit_registry(), code, on)
    except NotFoundError as exc:
        hint = exc.hint if exc.hint.startswith("that code denotes") else ""
        raise InvalidInputError(
            "--unit",
            "the code of a unit that existed on "
            f"{on.isoformat()} (province: 2 digits, commune: 5 digits)",
            code,
            f"{hint}; {lookup}" if hint else lookup,
        ) from None


def _calendar(args: argparse.Namespace, place: frozenset[str] | None = None) -> WorkingCalendar:
    if getattr(args, "announcements", None):
        from motcua.serialization.announcements import load_announcements  # noqa: PLC0415

        data = load_announcements(args.announcements)
        return vietnam_calendar(
            extra=data.announcements, announced_through=data.announced_through, place=place
        )
    return vietnam_calendar(place=place)


#: Library fields named in errors, as the options of ``due`` they come from.
_DUE_OPTIONS: Final = {
    "WorkingDays.count": "--working-days",
    "WorkingHours.count": "--working-hours",
    "CalendarDays.count": "--calendar-days",
    "Months.count": "--months",
    "SameDay.cutoff": "--cutoff",
}


def _office_hours(text: str | None) -> OfficeHours:
    if not text:
        return OfficeHours.standard()
    try:
        return OfficeHours.parse({"mon-fri": text})
    except InvalidInputError as exc:
        raise InvalidInputError("--office-hours", exc.expected, text, exc.hint) from None


def _cmd_due(args: argparse.Namespace) -> int:
    start = parse_start(args.start)
    limit = _limit(args)
    rule = CountingRule(args.rule) if args.rule else None
    place = _place(args, start.date() if isinstance(start, datetime) else start, "START")
    schedule = WorkSchedule(_calendar(args, place), _office_hours(args.office_hours), place=place)
    with _options(**_DUE_OPTIONS):
        due = schedule.due(start, limit, rule=rule)
    if args.json:
        print(json.dumps(due_to_json(due, schedule), ensure_ascii=False))
    else:
        print(due_text(due), end="")
        if due.provisional:
            print(provisional_note(due, lang=args.lang), file=sys.stderr)
    return 0


def _cmd_calendar(args: argparse.Namespace) -> int:
    text = args.year
    if not (isinstance(text, str) and len(text) == 4 and text.isascii() and text.isdigit()):
        raise InvalidInputError("YEAR", "a year of four ASCII digits such as 2026", text)
    year = int(text)
    schedule = _calendar(args, _place(args, date(year, 12, 31), "YEAR")).year_schedule(year)
    fmt = "json" if args.json else args.format
    if fmt == "json":
        print(json.dumps(calendar_to_json(year, schedule), ensure_ascii=False, indent=2))
    elif fmt == "ics":
        # CRLF line ends as RFC 5545 wants them, untranslated on every platform
        sys.stdout.flush()
        sys.stdout.buffer.write(calendar_to_ics(year, schedule).encode("utf-8"))
        sys.stdout.buffer.flush()
    else:
        print(calendar_text(year, schedule, lang=args.lang), end="")
    return 0


def _examples(*lines: str) -> str:
    """An epilog listing example command lines."""
    return "examples:\n" + "".join(f"  {line}\n" for line in lines)


def _parser() -> _Parser:
    parser = _Parser(
        prog="motcua",
        description=(
            "Vietnam's one-stop administration: working calendar, statutory deadlines, "
            "procedures and dossiers."
        ),
        epilog=_examples(
            "motcua due 2024-04-26T09:00 --working-days 5",
            "motcua dossier show dossiers.jsonl --as-of 2024-06-17T10:00",
            "motcua report dossiers.jsonl --period 2024-Q1 --by agency --format html > b06.html",
            "motcua notice receipt dossiers.jsonl --code CODE --format html > bien-nhan.html",
            "motcua COMMAND --help",
        )
        + "\nshell completion: see docs/how-to/shell-completion.md",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("-V", "--version", action="version", version=f"motcua {__version__}")
    sub = parser.add_subparsers(
        dest="command", metavar="COMMAND", required=True, parser_class=_Parser
    )

    due = sub.add_parser(
        "due",
        help="compute when a dossier is due",
        epilog=_examples(
            "motcua due 2024-04-26T09:00 --working-days 5",
            'motcua due "26/04/2024 15:30" --same-day --cutoff 15:00 --json',
            "motcua due 2024-04-26 --working-days 5 --rule whole-days",
            "motcua due 2024-04-26T09:00 --working-days 3 --office-hours 07:30-11:30,13:30-17:00",
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    due.add_argument("start", metavar="START", help="receipt: ISO 8601 or dd/mm/yyyy [HH:MM]")
    limit = due.add_mutually_exclusive_group(required=True)
    limit.add_argument("--working-days", metavar="N", help="N working days (0.5 allowed)")
    limit.add_argument("--working-hours", metavar="N", help="N working hours")
    limit.add_argument("--calendar-days", metavar="N", help="N calendar days (Civil Code)")
    limit.add_argument("--months", metavar="N", help="N months (Civil Code)")
    limit.add_argument("--same-day", action="store_true", help="same working day")
    due.add_argument("--cutoff", metavar="HH:MM", help="with --same-day: later means next day")
    due.add_argument(
        "--rule",
        choices=[CountingRule.WORKING_TIME.value, CountingRule.WHOLE_DAYS.value],
        help="counting rule for working days (default working-time)",
    )
    due.add_argument(
        "--office-hours",
        metavar="SESSIONS",
        help="Monday-Friday sessions, e.g. '07:30-11:30,13:30-17:00' (default 08-12, 13-17)",
    )
    due.add_argument(
        "--announcements", metavar="FILE", help="JSON/TOML file of extra closures and swaps"
    )
    due.add_argument(
        "--unit",
        metavar="CODE",
        help="the receiving unit (commune or province code on the receipt day): its local "
        "closures from --announcements apply, a neighbour's do not",
    )
    due.add_argument("--json", action="store_true", help="print a JSON object")
    _add_lang(due, "the note on stderr")
    due.set_defaults(handler=_cmd_due)

    cal = sub.add_parser(
        "calendar",
        help="list a year's weekdays off and make-up working days",
        epilog=_examples(
            "motcua calendar 2026",
            "motcua calendar 2026 --lang en",
            "motcua calendar 2026 --format ics > lich-2026.ics",
            "motcua calendar 2026 --announcements closures.toml --json",
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    cal.add_argument("year", metavar="YEAR", help="the year, four digits (e.g. 2026)")
    cal.add_argument(
        "--announcements", metavar="FILE", help="JSON/TOML file of extra closures and swaps"
    )
    cal.add_argument(
        "--unit",
        metavar="CODE",
        help="list the local closures of --announcements for this unit (commune or "
        "province code as it stood on 31/12 of YEAR) besides the national days",
    )
    cal.add_argument(
        "--format",
        default="text",
        choices=["text", "json", "ics"],
        help="text (default), json, or ics: an iCalendar file (RFC 5545) of the days off "
        "and make-up working days as all-day events, for calendar applications",
    )
    cal.add_argument("--json", action="store_true", help="print a JSON object (--format json)")
    _add_lang(cal)
    cal.set_defaults(handler=_cmd_calendar)

    from motcua.cli import compliance, records, reporting, units  # noqa: PLC0415 - on demand

    records.add_commands(sub)
    reporting.add_commands(sub)
    compliance.add_commands(sub)
    units.add_commands(sub)
    return parser


def parser() -> argparse.ArgumentParser:
    """The command line's parser, for tools that read it (shell completion: shtab).

    ``report verify`` is routed by :func:`main` before this parser and is not in it.

    >>> parser().prog
    'motcua'
    """
    return _parser()


#: The status when the reader of stdout went away: 128 + SIGPIPE (13), as a shell reports a
#: command killed by a broken pipe; apart from 1, which means a finding.
CLOSED_PIPE = 141


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (0 ok, 1 a finding, 2 bad input).

    Bad input of any kind is one line on stderr and status 2, never a traceback; an
    interrupt (Ctrl-C) is status 130 and a closed output pipe 141, quietly. Any other
    exception is a bug in motcua and keeps its traceback.
    """
    arguments = list(sys.argv[1:] if argv is None else argv)
    try:
        if arguments[:2] == ["report", "verify"]:
            from motcua.cli.reporting import cmd_verify  # noqa: PLC0415

            return cmd_verify(arguments[2:])
        args = _parser().parse_args(arguments)
        status: int = args.handler(args)
    except (_UsageError, MotcuaError) as exc:
        from motcua.cli._args import print_error  # noqa: PLC0415 - cattrs on demand

        print_error(exc)
        return 2
    except SystemExit as exc:  # --help and --version print, then exit 0
        return exc.code if isinstance(exc.code, int) else 0
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): stop quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return CLOSED_PIPE
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
