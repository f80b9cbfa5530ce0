"""The ``unit`` commands: administrative units on a date, by code or by name, and their successors.

``unit show CODE --on DATE`` prints the unit a code denotes that day (a code of a unit that
had ended resolves to its successor, e.g. province 02 on 2025-07-01 is 08); ``unit find NAME``
searches names ignoring accents; ``unit successors CODE --on DATE`` lists the units it went
into, full or partial, each with its instrument and clause. Unknown codes and days before the
data exit with status 2 and one line.
"""

from __future__ import annotations

import argparse
from datetime import date, datetime
from typing import Final

from motcua.cli._common import Parser, add_lang, parse_start
from motcua.domain.unit_registry import UnitRegistry
from motcua.domain.units import AdministrativeUnit, Level, Share
from motcua.foundation.errors import InvalidInputError
from motcua.serialization.render import dumps
from motcua.serialization.units import succession_to_json, unit_registry, unit_to_json

__all__ = ["add_commands"]


def _day(text: str) -> date:
    try:
        value = parse_start(text)
    except InvalidInputError as exc:
        raise InvalidInputError("--on", "a date: YYYY-MM-DD or dd/mm/yyyy", text) from exc
    return value.date() if isinstance(value, datetime) else value


def _registry(day: date | None) -> UnitRegistry:
    registry = unit_registry()
    if day is not None and registry.first_day is not None and day < registry.first_day:
        raise InvalidInputError(
            "--on",
            f"a day on or after {registry.first_day.isoformat()}, the first day of the unit data",
            day.isoformat(),
        )
    return registry


#: How a unit went into its successor (``Share``), as people read it.
_SHARE_VI: Final = {Share.FULL: "toàn bộ", Share.PARTIAL: "một phần"}


def _line(unit: AdministrativeUnit, lang: str = "vi") -> str:
    """One unit: code, name, level and kind, and the days it existed.

    In Vietnamese ``08  Tỉnh Tuyên Quang  cấp tỉnh, tỉnh  từ 01/07/2025``; in English
    ``... province, tỉnh  2025-07-01 to …``.
    """
    if lang == "en":
        start = "…" if unit.valid_from is None else unit.valid_from.isoformat()
        end = "…" if unit.last_day is None else unit.last_day.isoformat()
        kind = "" if unit.kind is None else f", {unit.kind.vi.lower()}"
        return f"{unit.code}\t{unit.name}\t{unit.level.value}{kind}\t{start} to {end}"
    kind = "" if unit.kind is None else f", {unit.kind.vi.lower()}"
    days = []
    if unit.valid_from is not None:
        days.append(f"từ {unit.valid_from:%d/%m/%Y}")
    if unit.last_day is not None:
        days.append(f"đến hết {unit.last_day:%d/%m/%Y}")
    return f"{unit.code}\t{unit.name}\t{unit.level.vi.lower()}{kind}\t{' '.join(days) or '…'}"


def _cmd_show(args: argparse.Namespace) -> int:
    day = _day(args.on)
    unit = _registry(day).on(args.code, day)
    if args.json:
        data = unit_to_json(unit)
        if unit.code != args.code or not unit.exists_on(day):
            data["resolved_from"] = args.code
        print(dumps(data))
    else:
        print(_line(unit, args.lang))
    return 0


def _cmd_find(args: argparse.Namespace) -> int:
    day = None if args.on is None else _day(args.on)
    level = None if args.level is None else Level(args.level)
    units = _registry(day).find(args.name, on=day, level=level)
    if args.json:
        print(dumps({"units": [unit_to_json(u) for u in units]}))
    else:
        print("".join(_line(u, args.lang) + "\n" for u in units), end="")
    return 0


def _cmd_successors(args: argparse.Namespace) -> int:
    day = _day(args.on)
    registry = _registry(day)
    unit = registry.at(args.code, day)
    links = registry.links_from(args.code, day)
    targets = registry.successors(args.code, day)
    if args.json:
        data = unit_to_json(unit)
        data["successors"] = [
            succession_to_json(x, u) for x, u in zip(links, targets, strict=True)
        ]
        print(dumps(data))
    else:
        print(_line(unit, args.lang))
        for link, new in zip(links, targets, strict=True):
            share = link.share.value if args.lang == "en" else _SHARE_VI[link.share]
            if args.lang == "en":
                basis = f"{link.instrument}{f' {link.clause}' if link.clause else ''}"
            else:  # the Vietnamese way: the clause, then the instrument
                kind = "Nghị quyết " if "/NQ-" in link.instrument else ""
                basis = f"{f'{link.clause} ' if link.clause else ''}{kind}{link.instrument}"
            print(f"  -> {new.code}\t{new.name}\t{share}\t{basis}")
    return 0


#: Example command lines of each command (the epilogs of ``--help``).
_LINES: Final = {
    "show": (
        "motcua unit show 02 --on 2025-07-01",
        "motcua unit show 00004 --on 2024-01-01 --json",
    ),
    "find": (
        'motcua unit find "cong vi"',
        'motcua unit find "ba dinh" --on 2025-07-01 --level commune',
    ),
    "successors": (
        "motcua unit successors 00007 --on 2025-06-30",
        "motcua unit successors 02 --on 2025-06-30 --lang en",
    ),
}


def _examples(*names: str) -> str:
    return "examples:\n" + "".join(f"  {line}\n" for name in names for line in _LINES[name])


_EXAMPLES: Final = {
    **{name: _examples(name) for name in _LINES},
    "unit": _examples(*_LINES),
}


def add_commands(sub: argparse._SubParsersAction[Parser]) -> None:
    """Register ``unit show``, ``unit find`` and ``unit successors``."""
    unit = sub.add_parser(
        "unit",
        help="administrative units on a date (2025 reform included)",
        epilog=_EXAMPLES["unit"],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = unit.add_subparsers(
        dest="unit_command", metavar="COMMAND", required=True, parser_class=Parser
    )
    show = commands.add_parser(
        "show",
        help="the unit a code denotes on a date",
        epilog=_EXAMPLES["show"],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    show.add_argument("code", metavar="CODE", help="a province (2 digits) or commune (5) code")
    show.add_argument("--on", metavar="DATE", required=True, help="the day (codes were reused)")
    show.add_argument("--json", action="store_true", help="print a JSON object")
    add_lang(show)
    show.set_defaults(handler=_cmd_show)
    find = commands.add_parser(
        "find",
        help="units by name, ignoring accents and case",
        epilog=_EXAMPLES["find"],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    find.add_argument("name", metavar="NAME", help='e.g. "cong vi"')
    find.add_argument("--on", metavar="DATE", help="only units that existed that day")
    find.add_argument("--level", choices=["province", "district", "commune"], help="one level")
    find.add_argument("--json", action="store_true", help="print a JSON object {units}")
    add_lang(find)
    find.set_defaults(handler=_cmd_find)
    succ = commands.add_parser(
        "successors",
        help="the units a unit went into, with shares",
        epilog=_EXAMPLES["successors"],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    succ.add_argument("code", metavar="CODE", help="a province (2 digits) or commune (5) code")
    succ.add_argument("--on", metavar="DATE", required=True, help="a day the unit existed")
    succ.add_argument("--json", action="store_true", help="print a JSON object")
    add_lang(succ)
    succ.set_defaults(handler=_cmd_successors)
