"""Reading records from JSON and JSON Lines files, with every bad record reported.

A file is read as **JSON Lines** when its name ends in ``.jsonl`` or ``.ndjson`` (one record
per line; blank lines are skipped), otherwise as **JSON**: a document
``{"schema_version": 1, "<key>": [...]}``, a bare array of records, or a single record.

Errors name the file, the line (JSON Lines) and the JSON path of the bad field. By default
the first bad record raises; with ``skip_invalid=True`` the good records are returned and
every bad one is listed, so nothing is lost silently.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Generic, TypeVar

import attrs

from motcua.foundation.errors import InvalidInputError
from motcua.serialization.converter import SCHEMA_VERSION

__all__ = ["ReadResult", "check_schema_version", "iter_records", "read_records", "read_text"]

T = TypeVar("T")

#: Parse one record: (data, where, path) -> value; raises InvalidInputError.
Parser = Callable[[object, str, str], T]


@attrs.frozen
class ReadResult(Generic[T]):
    """What a file held: the good records, and an error for every bad one.

    Attributes:
        records: The records that parsed, in file order.
        errors: One error per record that did not (empty unless ``skip_invalid``).
    """

    records: tuple[T, ...]
    errors: tuple[InvalidInputError, ...] = ()


def read_text(path: str | Path) -> str:
    """Return a file's text (UTF-8), or raise an error naming the file."""
    file = Path(path)
    try:
        return file.read_text(encoding="utf-8")
    except OSError as exc:
        raise InvalidInputError(str(file), "a readable UTF-8 file", exc.strerror) from None
    except UnicodeDecodeError as exc:
        raise InvalidInputError(str(file), "UTF-8 text", exc.reason) from None


def check_schema_version(data: dict[str, object], where: str) -> None:
    """Raise unless *data* has no ``schema_version`` or the one this release reads."""
    if "schema_version" in data and data["schema_version"] != SCHEMA_VERSION:
        raise InvalidInputError(
            f"{where} $.schema_version",
            f"{SCHEMA_VERSION} (the schema this motcua release reads)",
            data["schema_version"],
            "upgrade motcua, or convert the file",
        )


def _is_lines(file: Path) -> bool:
    return file.suffix.lower() in (".jsonl", ".ndjson")


def iter_records(path: str | Path, key: str, parse: Parser[T]) -> Iterator[T | InvalidInputError]:
    """Yield each record of the file parsed, or the error it raised (streaming for JSON Lines).

    Raises:
        InvalidInputError: The file cannot be read or is not JSON at all.
    """
    file = Path(path)
    if _is_lines(file):
        try:
            handle = file.open(encoding="utf-8")
        except OSError as exc:
            raise InvalidInputError(str(file), "a readable file", exc.strerror) from None
        with handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                where = f"{file} line {number}"
                try:
                    data = json.loads(line)
                except json.JSONDecodeError as exc:
                    yield InvalidInputError(where, "a JSON object", exc.msg)
                    continue
                try:
                    yield parse(data, where, "$")
                except InvalidInputError as exc:
                    yield exc
        return
    text = read_text(file)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidInputError(
            f"{file} line {exc.lineno}", "valid JSON", exc.msg, "or name the file .jsonl"
        ) from None
    where = str(file)
    items: list[tuple[object, str]]
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
        items = [(row, f"$.{key}[{i}]") for i, row in enumerate(rows)]
    elif isinstance(data, list):
        items = [(row, f"$[{i}]") for i, row in enumerate(data)]
    else:
        items = [(data, "$")]
    for row, at in items:
        try:
            yield parse(row, where, at)
        except InvalidInputError as exc:  # noqa: PERF203 - each record's error is its own
            yield exc


def read_records(
    path: str | Path, key: str, parse: Parser[T], *, skip_invalid: bool = False
) -> ReadResult[T]:
    """Read every record of a JSON or JSON Lines file.

    Raises:
        InvalidInputError: The first bad record, unless *skip_invalid*.
    """
    good: list[T] = []
    bad: list[InvalidInputError] = []
    for item in iter_records(path, key, parse):
        if isinstance(item, InvalidInputError):
            if not skip_invalid:
                raise item
            bad.append(item)
        else:
            good.append(item)
    return ReadResult(tuple(good), tuple(bad))
