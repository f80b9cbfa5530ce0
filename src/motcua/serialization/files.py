"""Reading input: files or standard input, JSON or JSON Lines, every bad record reported.

An input is a path, or ``-`` for standard input. It is read as **JSON Lines** when its name
ends in ``.jsonl`` or ``.ndjson`` (or ``input_format="jsonl"``): one record per line, blank
lines skipped; otherwise as **JSON** (``input_format="json"``): a document
``{"schema_version": 1, "<key>": [...]}``, a bare array of records, or a single record.
Standard input has no name, so it is JSON unless ``input_format`` says ``jsonl``.

Every input is read the same way, whatever reads it:

* bytes must be **UTF-8**; a leading byte-order mark (which Notepad and Excel write) is
  skipped; invalid UTF-8 is an error naming the line;
* **CR, LF and CRLF** all end a line, in every mode (streaming, ``jobs > 1``, documents);
* a line may hold at most :data:`MAX_LINE_BYTES` bytes and a JSON document at most
  :data:`MAX_DOCUMENT_BYTES`, so ``/dev/zero`` is an error, not a memory error;
* only **regular files** are opened by name (a FIFO, a device or a directory is refused
  before it is opened, so nothing blocks); use ``-`` to read a pipe;
* JSON is decoded strictly (:mod:`motcua.serialization.decoding`).

Errors name the file, the line (JSON Lines) and the JSON path of the bad field. By default
the first bad record raises; with ``skip_invalid=True`` the good records are returned and
every bad one is listed, so nothing is lost silently.
"""

from __future__ import annotations

import re
import stat
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO, Final, Generic, Literal, TypeVar

import attrs

from motcua.foundation.errors import InvalidInputError
from motcua.serialization.converter import SCHEMA_VERSION
from motcua.serialization.decoding import decode_json

__all__ = [
    "MAX_DOCUMENT_BYTES",
    "MAX_LINE_BYTES",
    "STDIN",
    "InputFormat",
    "ReadResult",
    "Source",
    "check_schema_version",
    "iter_lines",
    "iter_records",
    "line_ranges",
    "read_document",
    "read_records",
]

T = TypeVar("T")

#: Parse one record: (data, where, path) -> value; raises InvalidInputError.
Parser = Callable[[object, str, str], T]

#: How an input is read: ``json`` (a document) or ``jsonl`` (one record per line).
InputFormat = Literal["json", "jsonl"]

#: The name that means standard input.
STDIN: Final = "-"
#: Longest line of a JSON Lines input, in bytes (one dossier record needs a few kB).
MAX_LINE_BYTES: Final = 8 * 1024 * 1024
#: Largest JSON document read whole, in bytes (use JSON Lines beyond it: it streams).
MAX_DOCUMENT_BYTES: Final = 256 * 1024 * 1024

_BOM: Final = b"\xef\xbb\xbf"
_BLOCK: Final = 1 << 20
_TERMINATOR: Final = re.compile(rb"\r\n|\r|\n")
_FORMATS: Final = ("json", "jsonl")


@attrs.frozen
class ReadResult(Generic[T]):
    """What an input held: the good records, and an error for every bad one.

    Attributes:
        records: The records that parsed, in input order.
        errors: One error per record that did not (empty unless ``skip_invalid``).
    """

    records: tuple[T, ...]
    errors: tuple[InvalidInputError, ...] = ()


def _format_of(path: str, input_format: str | None) -> InputFormat:
    if input_format is not None:
        if input_format not in _FORMATS:
            raise InvalidInputError("input_format", "json or jsonl", input_format)
        return "jsonl" if input_format == "jsonl" else "json"
    return "jsonl" if path.lower().endswith((".jsonl", ".ndjson")) else "json"


@attrs.frozen
class Source:
    """One input: a file by name, or standard input (``-``), and how it is read.

    >>> Source.of("dossiers.jsonl").format, Source.of("-").name
    ('jsonl', '<stdin>')
    """

    path: str
    format: InputFormat

    @classmethod
    def of(cls, path: str | Path | Source, input_format: str | None = None) -> Source:
        """The input named *path* (``-``: standard input), read as *input_format* if given."""
        if isinstance(path, Source):
            return path if input_format is None else cls(path.path, _format_of("", input_format))
        text = str(path)
        return cls(text, _format_of(text, input_format))

    @property
    def stdin(self) -> bool:
        """True for standard input."""
        return self.path == STDIN

    @property
    def name(self) -> str:
        """How messages name the input."""
        return "<stdin>" if self.stdin else self.path

    def open(self) -> BinaryIO:
        """Open the input for reading bytes; only regular files are opened by name.

        Raises:
            InvalidInputError: Missing, unreadable, or not a regular file.
        """
        if self.stdin:
            return sys.stdin.buffer
        try:
            mode = Path(self.path).stat().st_mode
        except OSError as exc:
            raise InvalidInputError(
                self.path, "a readable file", exc.strerror, "check the path"
            ) from None
        if not stat.S_ISREG(mode):
            kind = "a directory" if stat.S_ISDIR(mode) else "a special file (FIFO or device)"
            raise InvalidInputError(
                self.path, "a regular file", kind, "to read a pipe, pass '-' and redirect it"
            )
        try:
            return Path(self.path).open("rb")
        except OSError as exc:
            raise InvalidInputError(self.path, "a readable file", exc.strerror) from None


def _decode_line(raw: bytes, where: str) -> str | InvalidInputError:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return InvalidInputError(
            f"{where} column {exc.start + 1}",
            "UTF-8 text",
            raw[exc.start : exc.start + 4],
            "save the file as UTF-8",
        )


def iter_lines(
    handle: BinaryIO,
    name: str,
    *,
    first_line: int = 1,
    size: int | None = None,
    at_start: bool = True,
) -> Iterator[tuple[int, str | InvalidInputError]]:
    """Yield ``(line number, text)`` for each line of a byte stream (CR, LF or CRLF).

    A line that is not UTF-8 is yielded as its error instead of its text. A byte-order mark
    is skipped at the start of the stream.

    Raises:
        InvalidInputError: A line longer than :data:`MAX_LINE_BYTES` (reading stops).

    Args:
        handle: The open stream.
        name: How messages name it.
        first_line: The number of the first line.
        size: Read at most this many bytes (None: to the end).
        at_start: The stream is at the start of its file (a BOM may follow).
    """
    number = first_line
    pending = b""
    left = size
    while True:
        want = _BLOCK if left is None else min(_BLOCK, left)
        block = handle.read(want) if want else b""
        if left is not None:
            left -= len(block)
        if not block:
            break
        if at_start:
            # A first read that held only the byte-order mark is not the end of the input.
            at_start = False
            block = block.removeprefix(_BOM)
            if not block:
                continue
        data = pending + block
        parts = data.splitlines(keepends=True)
        pending = b"" if data.endswith(b"\n") else parts.pop()
        for part in parts:
            raw = part.rstrip(b"\r\n")
            try:
                text: str | InvalidInputError = raw.decode("utf-8")
            except UnicodeDecodeError:  # the location is written only for an error
                text = _decode_line(raw, f"{name} line {number}")
            yield number, text
            number += 1
        if len(pending) > MAX_LINE_BYTES:
            # Not a record: stop here rather than read an endless stream (/dev/zero).
            raise InvalidInputError(
                f"{name} line {number}",
                f"a line of at most {MAX_LINE_BYTES} bytes",
                "a longer line",
                "JSON Lines holds one record per line; reading stopped there",
            )
    if pending:
        yield number, _decode_line(pending.rstrip(b"\r\n"), f"{name} line {number}")


def line_ranges(path: str | Path, parts: int) -> list[tuple[int, int, int]]:
    """Split a file at line ends (CR, LF or CRLF) into about *parts* byte ranges.

    Returns ``(start offset, end offset, number of the first line)`` for each range; reading
    each range with :func:`iter_lines` gives exactly the lines of the whole file.
    """
    file = Path(path)
    size = file.stat().st_size
    targets = [size * k // parts for k in range(1, parts)]
    out: list[tuple[int, int, int]] = []
    start, first, lines = 0, 1, 1
    offset = 0
    with file.open("rb") as handle:
        while targets:
            block = handle.read(_BLOCK)
            if not block:
                break
            # A CR may be half of a CRLF: read on until the block ends in something else.
            while block.endswith(b"\r"):
                more = handle.read(1)
                if not more:
                    break
                block += more
            for match in _TERMINATOR.finditer(block):
                lines += 1
                end = offset + match.end()
                if targets and end >= targets[0]:
                    if end < size:
                        out.append((start, end, first))
                        start, first = end, lines
                    while targets and end >= targets[0]:
                        targets.pop(0)
            offset += len(block)
    out.append((start, size, first))
    return out


def check_schema_version(data: dict[str, object], where: str) -> None:
    """Raise unless *data* has no ``schema_version`` or the integer this release reads."""
    if "schema_version" in data:
        version = data["schema_version"]
        if type(version) is not int or version != SCHEMA_VERSION:
            raise InvalidInputError(
                f"{where} $.schema_version",
                f"the integer {SCHEMA_VERSION} (the schema this motcua release reads)",
                version,
                "upgrade motcua, or convert the file",
            )


def read_document(source: str | Path | Source, input_format: str | None = None) -> object:
    """Read a whole input as one strictly decoded JSON document.

    Raises:
        InvalidInputError: Unreadable, too large, not UTF-8, or not strict JSON.
    """
    src = Source.of(source, input_format)
    handle = src.open()
    try:
        raw = handle.read(MAX_DOCUMENT_BYTES + 1)
    except OSError as exc:
        raise InvalidInputError(src.name, "a readable file", exc.strerror) from None
    finally:
        if not src.stdin:
            handle.close()
    if len(raw) > MAX_DOCUMENT_BYTES:
        raise InvalidInputError(
            src.name,
            f"a JSON document of at most {MAX_DOCUMENT_BYTES} bytes",
            "a larger input",
            "write it as JSON Lines (.jsonl), which streams",
        )
    raw = raw.removeprefix(_BOM)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = len(_TERMINATOR.findall(raw, 0, exc.start)) + 1
        raise InvalidInputError(
            f"{src.name} line {line}",
            "UTF-8 text",
            raw[exc.start : exc.start + 4],
            "save the file as UTF-8",
        ) from None
    # A raw CR can only be whitespace in valid JSON, so this changes no value; it makes
    # the decoder's line numbers count CR-only line ends too.
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return decode_json(text, src.name, from_utf8=True)


def _records_of_document(data: object, where: str, key: str) -> list[tuple[object, str]]:
    if isinstance(data, dict) and key in data:
        check_schema_version(data, where)
        extra = set(data) - {key, "schema_version"}
        if extra:
            raise InvalidInputError(
                f"{where} $", f"only '{key}' and 'schema_version' keys", sorted(extra)
            )
        rows = data[key]
        if not isinstance(rows, list):
            raise InvalidInputError(f"{where} $.{key}", "an array", type(rows).__name__)
        return [(row, f"$.{key}[{i}]") for i, row in enumerate(rows)]
    if isinstance(data, list):
        return [(row, f"$[{i}]") for i, row in enumerate(data)]
    return [(data, "$")]


def iter_json_lines(
    source: str | Path | Source, input_format: str | None = None
) -> Iterator[tuple[str, object | InvalidInputError]]:
    """Yield ``(where, decoded record)`` for each non-blank line of a JSON Lines input."""
    src = Source.of(source, input_format)
    handle = src.open()
    try:
        for number, text in iter_lines(handle, src.name):
            where = f"{src.name} line {number}"
            if isinstance(text, InvalidInputError):
                yield where, text
            elif text.strip():
                try:
                    yield where, decode_json(text, where, from_utf8=True)
                except InvalidInputError as exc:
                    yield where, exc
    finally:
        if not src.stdin:
            handle.close()


def iter_records(
    source: str | Path | Source,
    key: str,
    parse: Parser[T],
    *,
    input_format: str | None = None,
) -> Iterator[T | InvalidInputError]:
    """Yield each record of the input parsed, or the error it raised (JSON Lines streams).

    Raises:
        InvalidInputError: The input cannot be read, or a JSON document is not JSON at all.
    """
    src = Source.of(source, input_format)
    if src.format == "jsonl":
        for where, data in iter_json_lines(src):
            if isinstance(data, InvalidInputError):
                yield data
                continue
            try:
                yield parse(data, where, "$")
            except InvalidInputError as exc:
                yield exc
        return
    for row, at in _records_of_document(read_document(src), src.name, key):
        try:
            yield parse(row, src.name, at)
        except InvalidInputError as exc:  # noqa: PERF203 - each record's error is its own
            yield exc


def read_records(
    source: str | Path | Source,
    key: str,
    parse: Parser[T],
    *,
    skip_invalid: bool = False,
    input_format: str | None = None,
) -> ReadResult[T]:
    """Read every record of a JSON or JSON Lines input.

    Raises:
        InvalidInputError: The first bad record, unless *skip_invalid*.
    """
    good: list[T] = []
    bad: list[InvalidInputError] = []
    for item in iter_records(source, key, parse, input_format=input_format):
        if isinstance(item, InvalidInputError):
            if not skip_invalid:
                raise item
            bad.append(item)
        else:
            good.append(item)
    return ReadResult(tuple(good), tuple(bad))
