"""Time limits as JSON objects (no cattrs here, so the ``due`` command stays light).

``{"unit": "working_days", "count": 5}``; units ``working_days``, ``working_hours``,
``calendar_days``, ``months``, ``same_day`` (optional ``"cutoff": "15:00"``) and ``none``
(no statutory time limit, optional ``"note"``); a fractional count is a string (``"1/2"``).
"""

from __future__ import annotations

from datetime import time
from fractions import Fraction
from typing import Any, Final

from motcua.domain.procedures import NoTimeLimit
from motcua.foundation.errors import InvalidInputError
from motcua.time.limits import (
    CalendarDays,
    Months,
    SameDay,
    TimeLimit,
    WorkingDays,
    WorkingHours,
)

__all__ = ["limit_from_json", "limit_to_json"]

_UNITS: Final[dict[str, type]] = {
    "working_days": WorkingDays,
    "working_hours": WorkingHours,
    "calendar_days": CalendarDays,
    "months": Months,
}
_UNIT_OF: Final = {cls: unit for unit, cls in _UNITS.items()}


def _count_from_json(value: object, unit: str) -> int | Fraction:
    if isinstance(value, bool):
        raise InvalidInputError(f"{unit}.count", "a number", value)
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        try:
            return Fraction(value.strip())
        except (ValueError, ZeroDivisionError):
            pass
    raise InvalidInputError(
        f"{unit}.count", "a whole number, or a fraction as a string such as '1/2'", value
    )


def limit_to_json(limit: TimeLimit | NoTimeLimit) -> dict[str, Any]:
    """Return the JSON object of a time limit.

    >>> limit_to_json(WorkingDays(Fraction(1, 2)))
    {'unit': 'working_days', 'count': '1/2'}
    >>> limit_to_json(SameDay(time(15, 0)))
    {'unit': 'same_day', 'cutoff': '15:00'}
    """
    if isinstance(limit, NoTimeLimit):
        out: dict[str, Any] = {"unit": "none"}
        if limit.note != NoTimeLimit().note:
            out["note"] = limit.note
        return out
    if isinstance(limit, SameDay):
        return {
            "unit": "same_day",
            "cutoff": None if limit.cutoff is None else limit.cutoff.strftime("%H:%M"),
        }
    count = limit.count
    return {
        "unit": _UNIT_OF[type(limit)],
        "count": count if isinstance(count, int) else str(count),
    }


def limit_from_json(data: object) -> TimeLimit | NoTimeLimit:
    """Return the time limit a JSON object describes.

    >>> limit_from_json({"unit": "working_days", "count": 5})
    WorkingDays(count=5)
    """
    if not isinstance(data, dict):
        raise InvalidInputError(
            "limit", "an object such as {'unit': 'working_days', 'count': 5}", data
        )
    unit = data.get("unit")
    if unit == "none":
        _only(data, {"unit", "note"}, "limit")
        note = data.get("note", NoTimeLimit().note)
        return NoTimeLimit(_str(note, "limit.note"))
    if unit == "same_day":
        _only(data, {"unit", "cutoff"}, "limit")
        cutoff = data.get("cutoff")
        if cutoff is None:
            return SameDay()
        try:
            return SameDay(time.fromisoformat(_str(cutoff, "limit.cutoff")))
        except ValueError:
            raise InvalidInputError(
                "limit.cutoff", "a time HH:MM such as '15:00'", cutoff
            ) from None
    cls = _UNITS.get(unit) if isinstance(unit, str) else None
    if cls is None:
        raise InvalidInputError(
            "limit.unit",
            "one of working_days, working_hours, calendar_days, months, same_day, none",
            unit,
        )
    _only(data, {"unit", "count"}, "limit")
    if "count" not in data:
        raise InvalidInputError("limit.count", "a value (required field)", None)
    result: TimeLimit = cls(_count_from_json(data["count"], cls.__name__))
    return result


def _only(data: dict[str, Any], keys: set[str], where: str) -> None:
    extra = set(data) - keys
    if extra:
        raise InvalidInputError(where, f"only the keys {sorted(keys)}", sorted(extra))


def _str(value: object, field: str) -> str:
    if not isinstance(value, str):
        raise InvalidInputError(field, "a string", value)
    return value
