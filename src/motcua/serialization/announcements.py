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
import json
from datetime import date
from pathlib import Path
from typing import Any

import attrs

from motcua.foundation.errors import InvalidInputError
from motcua.serialization.converter import (
    STRUCTURING_ERRORS,
    base_converter,
    structuring_error,
)
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


def _converter() -> Any:
    conv = base_converter()

    def _change(data: Any, _type: object) -> DayChange:
        if not isinstance(data, dict):
            raise TypeError("expected an object")
        return DayChange(
            day=conv.structure(data["day"], date),
            kind=conv.structure(data["kind"], DayKind),
            name_vi=conv.structure(data["name_vi"], str),
            name_en=conv.structure(data.get("name_en", data["name_vi"]), str),
            swapped_with=conv.structure(data.get("swapped_with"), date | None),  # type: ignore[arg-type]
        )

    conv.register_structure_hook(DayChange, _change)
    return conv


def _structure_changes(conv: Any, value: object) -> tuple[DayChange, ...]:
    if not isinstance(value, list):
        raise TypeError("'changes' must be an array")
    return tuple(conv.structure(item, DayChange) for item in value)


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
    unknown = set(data) - {"announcements", "announced_through"}
    if unknown:
        raise InvalidInputError(
            f"{origin} $", "only 'announcements' and 'announced_through' keys", sorted(unknown)
        )
    conv = _converter()
    rows = data["announcements"]
    if not isinstance(rows, list):
        raise InvalidInputError(f"{origin} $.announcements", "an array", type(rows).__name__)
    out: list[Announcement] = []
    for k, row in enumerate(rows):
        where = f"{origin} $.announcements[{k}]"
        if not isinstance(row, dict):
            raise InvalidInputError(where, "an object", type(row).__name__)
        try:
            out.append(
                Announcement(
                    instrument=conv.structure(row.get("instrument", ""), str),
                    issued=conv.structure(row.get("issued"), date | None),
                    issuer=conv.structure(row["issuer"], str),
                    subject=conv.structure(row["subject"], str),
                    changes=_structure_changes(conv, row["changes"]),
                    source=conv.structure(row["source"], str),
                    confidence=conv.structure(row.get("confidence", "confirmed"), Confidence),
                    scope=conv.structure(row.get("scope", "national"), Scope),
                    note=conv.structure(row.get("note", ""), str),
                )
            )
        except KeyError as exc:
            raise InvalidInputError(
                f"{where}.{exc.args[0]}", "a value (required field)", None, "add the field"
            ) from None
        except InvalidInputError as exc:
            raise InvalidInputError(f"{where}: {exc.field}", exc.expected, exc.got) from None
        except STRUCTURING_ERRORS as exc:
            raise structuring_error(exc, where, "") from None
        except (ValueError, TypeError) as exc:
            raise InvalidInputError(where, "valid announcement fields", str(exc)) from None
    through = data.get("announced_through")
    if through is not None and (isinstance(through, bool) or not isinstance(through, int)):
        raise InvalidInputError(f"{origin} $.announced_through", "a year (integer)", through)
    return AnnouncementFile(tuple(out), through)


def load_announcements(path: str | Path) -> AnnouncementFile:
    """Read announcements from a ``.json`` or ``.toml`` file (TOML needs Python 3.11+).

    Raises:
        InvalidInputError: the file is unreadable, not JSON/TOML, or has a bad field.
    """
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8")
    except OSError as exc:
        raise InvalidInputError(str(file), "a readable file", exc.strerror) from None
    if file.suffix.lower() == ".toml":
        try:
            toml = importlib.import_module("tomllib")  # Python 3.11+
        except ModuleNotFoundError:  # pragma: no cover - Python 3.10 only
            raise InvalidInputError(
                str(file), "a JSON file on Python 3.10", "TOML", "convert it to JSON"
            ) from None
        try:
            data: object = toml.loads(text)
        except toml.TOMLDecodeError as exc:
            raise InvalidInputError(str(file), "valid TOML", str(exc)) from None
    else:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InvalidInputError(f"{file} line {exc.lineno}", "valid JSON", exc.msg) from None
    return parse_announcements(data, origin=str(file))
