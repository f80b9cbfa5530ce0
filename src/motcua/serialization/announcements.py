"""Read announcements (local closures, new swaps) from JSON or TOML data.

The file format, documented in ``docs/how-to/add-a-swap.md``::

    {
      "announced_through": 2027,
      "announcements": [
        {
          "instrument": "1234/VPCP-KGVX",
          "issued": "2026-12-20",
          "issuer": "Văn phòng Chính phủ",
          "subject": "Nghỉ Tết Dương lịch 2027",
          "source": "https://...",
          "scope": "national",
          "units": [],
          "changes": [
            {"day": "2027-01-02", "kind": "working_day", "name_vi": "...", "name_en": "..."}
          ]
        }
      ]
    }

Errors name the file and the JSON path of the bad field.
"""

from __future__ import annotations

import importlib
from datetime import date
from pathlib import Path
from typing import Any, Final

import attrs

from motcua.foundation.errors import InvalidInputError
from motcua.serialization.converter import (
    STRUCTURING_ERRORS,
    base_converter,
    structuring_error,
)
from motcua.serialization.decoding import key_path
from motcua.serialization.files import MAX_DOCUMENT_BYTES, Source, read_document
from motcua.time.announcements import Announcement, Confidence, DayChange, DayKind, Scope

__all__ = ["AnnouncementFile", "load_announcements", "parse_announcements"]


@attrs.frozen
class AnnouncementFile:
    """The contents of an announcements file.

    Attributes:
        announcements: The announcements, in file order.
        announced_through: The last year whose schedule the file completes, if it says so.
    """

    announcements: tuple[Announcement, ...]
    announced_through: int | None = None


#: The keys each object may have (every other key is an error: a misspelt ``"scop"`` must
#: not turn a local closure into a national one).
_FILE_KEYS: Final = frozenset({"announcements", "announced_through"})
_ANNOUNCEMENT_KEYS: Final = frozenset(
    {
        "instrument",
        "issued",
        "issuer",
        "subject",
        "changes",
        "source",
        "confidence",
        "scope",
        "note",
        "units",
    }
)
_CHANGE_KEYS: Final = frozenset({"day", "kind", "name_vi", "name_en", "swapped_with"})


def _only(data: dict[str, Any], keys: frozenset[str], where: str) -> None:
    unknown = sorted(set(data) - keys)
    if unknown:
        raise InvalidInputError(
            key_path(where, unknown[0]),
            "one of the keys " + ", ".join(sorted(keys)),
            unknown[0],
            "remove or rename it (unknown keys are errors)",
        )


def _converter() -> Any:
    conv = base_converter()

    def _change(data: Any, _type: object) -> DayChange:
        if not isinstance(data, dict):
            raise TypeError("expected an object")
        _only(data, _CHANGE_KEYS, "$")
        return DayChange(
            day=conv.structure(data["day"], date),
            kind=conv.structure(data["kind"], DayKind),
            name_vi=conv.structure(data["name_vi"], str),
            name_en=conv.structure(data.get("name_en", data["name_vi"]), str),
            swapped_with=conv.structure(data.get("swapped_with"), date | None),  # type: ignore[arg-type]
        )

    conv.register_structure_hook(DayChange, _change)
    return conv


def _structure_changes(conv: Any, value: object, where: str) -> tuple[DayChange, ...]:
    if not isinstance(value, list):
        raise InvalidInputError(f"{where}.changes", "an array of day changes", value)
    out: list[DayChange] = []
    for index, item in enumerate(value):
        try:
            out.append(conv.structure(item, DayChange))
        except InvalidInputError as exc:  # noqa: PERF203 - each change names its index
            at = f"{where}.changes[{index}]"
            if not exc.field.startswith("$"):
                raise exc.within(at) from None
            rest = exc.field.removeprefix("$")
            raise InvalidInputError(f"{at}{rest}", exc.expected, exc.got, exc.hint) from None
    return tuple(out)


def _units(conv: Any, value: object, where: str) -> tuple[str, ...]:
    """The unit codes a local closure binds (a JSON array of codes)."""
    try:
        units: tuple[str, ...] = conv.structure(value, tuple[str, ...])
    except InvalidInputError as exc:
        raise InvalidInputError(f"{where}.units", exc.expected, exc.got, exc.hint) from None
    except STRUCTURING_ERRORS as exc:
        raise structuring_error(exc, where, "$.units") from None
    return units


def parse_announcements(data: object, *, origin: str = "<data>") -> AnnouncementFile:
    """Structure already-parsed JSON/TOML *data* into announcements.

    Raises:
        InvalidInputError: naming *origin* and the JSON path of every bad field.

    >>> f = parse_announcements({"announcements": [{"instrument": "", "issuer": "UBND xã",
    ...     "subject": "Nghỉ đột xuất", "source": "Quyết định 12/QĐ-UBND", "scope": "local",
    ...     "changes": [{"day": "2027-03-05", "kind": "day_off", "name_vi": "Đóng cửa"}]}]})
    >>> f.announcements[0].changes[0].day
    datetime.date(2027, 3, 5)
    """
    if not isinstance(data, dict) or "announcements" not in data:
        raise InvalidInputError(
            f"{origin} $", "an object with an 'announcements' array", type(data).__name__
        )
    _only(data, _FILE_KEYS, f"{origin} $")
    conv = _converter()
    rows = data["announcements"]
    if not isinstance(rows, list):
        raise InvalidInputError(f"{origin} $.announcements", "an array", type(rows).__name__)
    out: list[Announcement] = []
    for k, row in enumerate(rows):
        where = f"{origin} $.announcements[{k}]"
        if not isinstance(row, dict):
            raise InvalidInputError(where, "an object", type(row).__name__)
        _only(row, _ANNOUNCEMENT_KEYS, where)
        try:
            out.append(
                Announcement(
                    instrument=conv.structure(row.get("instrument", ""), str),
                    issued=conv.structure(row.get("issued"), date | None),
                    issuer=conv.structure(row["issuer"], str),
                    subject=conv.structure(row["subject"], str),
                    changes=_structure_changes(conv, row["changes"], where),
                    source=conv.structure(row["source"], str),
                    confidence=conv.structure(row.get("confidence", "confirmed"), Confidence),
                    scope=conv.structure(row.get("scope", "national"), Scope),
                    note=conv.structure(row.get("note", ""), str),
                    units=_units(conv, row.get("units", []), where),
                )
            )
        except KeyError as exc:
            raise InvalidInputError(
                f"{where}.{exc.args[0]}", "a value (required field)", None, "add the field"
            ) from None
        except InvalidInputError as exc:
            if exc.field.startswith(where):
                raise
            raise exc.within(where) from None
        except STRUCTURING_ERRORS as exc:
            raise structuring_error(exc, where, "") from None
        except (ValueError, TypeError) as exc:
            raise InvalidInputError(where, "valid announcement fields", str(exc)) from None
    through = data.get("announced_through")
    if through is not None and (type(through) is not int or not 1 <= through <= 9999):
        raise InvalidInputError(
            f"{origin} $.announced_through", "a year (an integer 1-9999)", through
        )
    return AnnouncementFile(tuple(out), through)


def load_announcements(path: str | Path) -> AnnouncementFile:
    """Read announcements from a ``.json`` or ``.toml`` file (TOML needs Python 3.11+).

    ``-`` reads JSON from standard input. JSON is decoded strictly (duplicate keys, lone
    surrogates and non-finite numbers are errors); a UTF-8 byte-order mark is skipped.

    Raises:
        InvalidInputError: the file is unreadable, not JSON/TOML, or has a bad field.
    """
    src = Source.of(path)
    if not src.path.lower().endswith(".toml"):
        return parse_announcements(read_document(src), origin=src.name)
    try:
        toml = importlib.import_module("tomllib")  # Python 3.11+
    except ModuleNotFoundError:  # pragma: no cover - Python 3.10 only
        raise InvalidInputError(
            src.path, "a JSON file on Python 3.10", "TOML", "convert it to JSON"
        ) from None
    handle = src.open()
    with handle:
        raw = handle.read(MAX_DOCUMENT_BYTES + 1)
    try:
        text = raw.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
        data: object = toml.loads(text)
    except UnicodeDecodeError as exc:
        raise InvalidInputError(src.path, "UTF-8 text", raw[exc.start : exc.start + 4]) from None
    except toml.TOMLDecodeError as exc:
        raise InvalidInputError(src.path, "valid TOML", str(exc).splitlines()[0]) from None
    return parse_announcements(data, origin=src.name)
