"""The options commands share, declared once, and one way to read records and report the bad.

Every command that reads a file takes ``FILE`` (``-``: standard input) and
``--input-format {json,jsonl}``; commands that need procedures take ``--catalogue``;
commands that read records take ``--skip-invalid``. :func:`read_input` reads FILE record by
record, naming every bad record by file, line, JSON path and dossier code (when the record
has a readable one); :func:`report_skipped` prints those errors and the summary line
``motcua: read N, skipped M`` the same way in every command. :func:`stream_input` reads the
same way one record at a time, for commands whose memory must stay flat as FILE grows, with
a progress line on a terminal (:mod:`motcua.cli._progress`).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime
from typing import Final, TypeVar

from motcua.cli._common import Parser, add_lang, options, parse_as_of
from motcua.cli._progress import Unit, track
from motcua.domain.procedures import Catalogue, layer_catalogue
from motcua.foundation.errors import InvalidInputError, MotcuaError, OutsideCalendarError
from motcua.serialization.catalogues import load_catalogue, sample_catalogue
from motcua.serialization.files import STDIN, ReadResult, Source, iter_records, read_records

__all__ = [
    "SAMPLE_PROCEDURES",
    "add_as_of",
    "add_catalogue",
    "add_input",
    "add_json",
    "add_lang",
    "add_skip_invalid",
    "add_verbose",
    "as_of",
    "catalogue",
    "one_line",
    "options",
    "print_error",
    "read_input",
    "report_skipped",
    "source",
    "stream_input",
]

T = TypeVar("T")

#: How many procedures the sample catalogue holds (a test holds the help text to it).
SAMPLE_PROCEDURES: Final = 9

_FORMATS: Final = ("json", "jsonl")
#: Control characters, escaped so that every message stays on one line.
_CONTROL: Final = {
    **{c: f"\\x{c:02x}" for c in (*range(9), *range(11, 32), 0x7F)},
    0x0A: "\\n",
    0x0D: "\\r",
}
#: A code is named in a message only when it is plain printable ASCII of a sane length.
_MAX_CODE: Final = 64


def add_input(parser: Parser, what: str = "dossiers") -> None:
    """Add the ``FILE`` argument (``-``: standard input) and ``--input-format``."""
    parser.add_argument(
        "file",
        metavar="FILE",
        help=f"{what}: JSON, or JSON Lines (.jsonl, .ndjson); '-' reads standard input",
    )
    parser.add_argument(
        "--input-format",
        choices=_FORMATS,
        help="read FILE as a JSON document or as JSON Lines (default: by its extension; "
        "json for '-')",
    )


def add_catalogue(parser: Parser) -> None:
    """Add ``--catalogue FILE`` (repeatable: later files layer over the first, ADR 0024)."""
    parser.add_argument(
        "--catalogue",
        metavar="FILE",
        action="append",
        help="procedure catalogue, JSON or JSON Lines ('-': standard input); repeat it to "
        "layer a province's catalogue (reduced limits citing its decision) over the "
        "national one given first; without it "
        f"the command line uses the sample catalogue of {SAMPLE_PROCEDURES} procedures "
        "shipped with motcua (the library never falls back to it)",
    )


def add_skip_invalid(parser: Parser) -> None:
    """Add ``--skip-invalid``."""
    parser.add_argument(
        "--skip-invalid",
        action="store_true",
        help="process the good records, report every bad one and a summary on stderr "
        "(exit status still 2 when any was bad)",
    )


def add_json(parser: Parser, what: str = "a JSON object") -> None:
    """Add ``--json``."""
    parser.add_argument("--json", action="store_true", help=f"print {what}")


def add_verbose(parser: Parser) -> None:
    """Add ``--verbose``: research marks and reading notes shown in the text output."""
    parser.add_argument(
        "--verbose",
        action="store_true",
        help="also show how each legal source was read (confidence marks such as [C], "
        "[S], [R] and notes such as 'article not read'); JSON always has them",
    )


def add_as_of(parser: Parser) -> None:
    """Add ``--as-of INSTANT``."""
    parser.add_argument(
        "--as-of",
        metavar="INSTANT",
        help="as things stood at this instant (ISO 8601 or dd/mm/yyyy [HH:MM]; a date "
        "means the end of that day)",
    )


def as_of(args: argparse.Namespace) -> datetime | date | None:
    """The ``--as-of`` instant, if given (errors name ``--as-of``)."""
    return parse_as_of(getattr(args, "as_of", None))


def source(args: argparse.Namespace) -> Source:
    """The input FILE names (``-``: standard input), read as ``--input-format`` says."""
    return Source.of(args.file, getattr(args, "input_format", None))


def catalogue(args: argparse.Namespace) -> Catalogue:
    """The ``--catalogue`` files read and layered, or the sample catalogue when there is none.

    The first file is the base; each later one is a local layer over it
    (:func:`motcua.domain.procedures.layer_catalogue`).
    """
    paths = getattr(args, "catalogue", None)
    if not paths:
        return sample_catalogue()
    if isinstance(paths, str):
        paths = [paths]
    if paths.count(STDIN) > (0 if getattr(args, "file", None) == STDIN else 1):
        raise InvalidInputError(
            "--catalogue",
            "at most one '-' and none when FILE is '-' (standard input is read once)",
            paths,
            "give the others as files",
        )
    base, *layers = (load_catalogue(path) for path in paths)
    return layer_catalogue(base, *layers) if layers else base


def _code(data: object, key: str) -> str | None:
    code = data.get(key) if isinstance(data, dict) else None
    if not isinstance(code, str) or not 0 < len(code) <= _MAX_CODE:
        return None
    return code if code.isascii() and code.isprintable() and " " not in code else None


def _located(
    parse: Callable[[object, str, str], T], key: str, label: str
) -> Callable[[object, str, str], T]:
    """*parse*, with every error of one record located: file, line, JSON path, its code.

    Errors read ``FILE line N $.path (dossier CODE)``, as the library's own do; the code is
    added only when the error does not name it already. *parse* gets *where* unchanged (a
    reader may keep it, e.g. as a procedure's source).
    """

    def run(data: object, where: str, path: str) -> T:
        code = _code(data, key)
        named = "" if code is None else f" ({label} {code})"
        try:
            return parse(data, where, path)
        except InvalidInputError as exc:
            error = exc if exc.field.startswith(where) else exc.within(f"{where} {path}")
            if not named or f"({label} " in error.field:
                raise error from None
            raise InvalidInputError(
                error.field + named, error.expected, error.got, error.hint
            ) from None
        except OutsideCalendarError as exc:
            raise exc.in_record(f"{where} {path}{named}") from None
        except MotcuaError as exc:
            raise InvalidInputError(
                f"{where} {path}{named}",
                f"a {label} motcua can process",
                one_line(str(exc)),
            ) from None

    return run


def read_input(
    args: argparse.Namespace,
    key: str,
    parse: Callable[[object, str, str], T],
    *,
    code: str = "code",
    label: str = "dossier",
) -> ReadResult[T]:
    """Read FILE record by record with *parse*, which may also compute the record's output.

    Any error of one record, in reading it or in what *parse* computes from it (a due
    instant past the calendar, a refused transition), is that record's error: with
    ``--skip-invalid`` it is reported and the other records go on.

    Args:
        args: The parsed options (``file``, ``input_format``, ``skip_invalid``).
        key: The array of records in a JSON document (``dossiers``, ``result``...).
        parse: ``(data, where, path) -> value``.
        code: The record's key that holds its code, named in errors.
        label: What the record is (``dossier``, ``procedure``).
    """
    return read_records(
        source(args),
        key,
        _located(parse, code, label),
        skip_invalid=getattr(args, "skip_invalid", False),
    )


def stream_input(
    args: argparse.Namespace,
    key: str,
    parse: Callable[[object, str, str], T],
    errors: list[InvalidInputError],
    *,
    command: str,
    code: str = "code",
    label: str = "dossier",
) -> Iterator[T]:
    """Yield FILE's good records one at a time, as :func:`read_input` reads them.

    A JSON Lines FILE streams: memory stays flat however long it is (a JSON document is
    read whole first, as always). A bad record raises at its place, or with
    ``--skip-invalid`` is appended to *errors* and reading goes on. On a terminal, stderr
    shows ``COMMAND: N dossiers`` as they are read.

    Args:
        args: The parsed options (``file``, ``input_format``, ``skip_invalid``).
        key: The array of records in a JSON document.
        parse: ``(data, where, path) -> value``.
        errors: Where bad records go with ``--skip-invalid``.
        command: How the progress line names the command (``motcua check``).
        code: The record's key that holds its code, named in errors.
        label: What the record is (``dossier``, ``procedure``).
    """
    skip = getattr(args, "skip_invalid", False)
    items = iter_records(source(args), key, _located(parse, code, label))
    unit: Unit = "procedures" if label == "procedure" else "dossiers"
    for item in track(items, command, unit, lang=getattr(args, "lang", "vi")):
        if isinstance(item, InvalidInputError):
            if not skip:
                raise item
            errors.append(item)
        else:
            yield item


def one_line(text: str) -> str:
    """Return *text* with line breaks and control characters escaped."""
    return text.translate(_CONTROL)


def print_error(error: BaseException) -> None:
    """Print one error on stderr, on one line: ``motcua: error: ...``."""
    print(f"motcua: error: {one_line(str(error))}", file=sys.stderr)


def report_skipped(
    args: argparse.Namespace, read: int, errors: Sequence[InvalidInputError]
) -> int:
    """Print every bad record's error and, with ``--skip-invalid``, the summary line.

    The summary is ``motcua: read N, skipped M``: N good records, M bad ones. Returns the
    exit status: 2 when any record was skipped, else 0.
    """
    for error in errors:
        print_error(error)
    if getattr(args, "skip_invalid", False):
        print(f"motcua: read {read}, skipped {len(errors)}", file=sys.stderr)
    return 2 if errors else 0
