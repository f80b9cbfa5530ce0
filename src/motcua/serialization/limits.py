"""Time limits as JSON objects (no cattrs here, so the ``due`` command stays light).

``{"unit": "working_days", "count": 5}``; units ``working_days``, ``working_hours``,
``calendar_days``, ``months``, ``same_day`` (optional ``"cutoff": "15:00"``) and ``none``
(no statutory time limit, optional ``"note"``). Every value is read exactly as written:

* ``count`` is a JSON integer (not ``true``/``false``, not ``5.0``), or a string of ASCII
  digits that is a whole number ``"N"`` or a fraction ``"N/D"`` in lowest terms with
  ``D >= 2`` (``"1/2"``, not ``"2/4"``). No sign, spaces, underscores (``"1_0"``),
  exponents (``"1e3"``), leading zeros or other scripts' digits; at most nine digits a part.
  A fraction is written back as the same string, a whole number as a JSON integer
  (so ``"5"`` is written ``5``).
* ``count`` is at most :data:`motcua.time.limits.MAX_COUNT` of its unit (about a century:
  25,000 working days, 200,000 working hours, 36,525 calendar days, 1,200 months); only
  working days and working hours take fractions.
* ``cutoff`` is exactly ``"HH:MM"`` (ASCII, 00:00-23:59): no seconds, fraction or offset;
  without a cut-off the key is omitted (not ``null``).
* Unknown keys are refused. What is read is written back unchanged.

>>> limit_from_json({"unit": "working_days", "count": "1_0"})
Traceback (most recent call last):
...
motcua.foundation.errors.InvalidInputError: limit.count: expected a whole number or a fraction ...
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any, Final

from motcua.domain.procedures import NoTimeLimit
from motcua.foundation.errors import InvalidInputError
from motcua.foundation.vntime import parse_clock
from motcua.serialization.decoding import check_text
from motcua.time.limits import (
    CalendarDays,
    Months,
    SameDay,
    TimeLimit,
    WorkingDays,
    WorkingHours,
    count_from_text,
)

__all__ = ["allotted_from_json", "limit_from_json", "limit_to_json"]

_UNITS: Final[dict[str, type]] = {
    "working_days": WorkingDays,
    "working_hours": WorkingHours,
    "calendar_days": CalendarDays,
    "months": Months,
}
_UNIT_OF: Final = {cls: unit for unit, cls in _UNITS.items()}


def _count_from_json(value: object, field: str) -> int | Fraction:
    if type(value) is int:
        return value
    if isinstance(value, str):
        return count_from_text(value, field)
    raise InvalidInputError(
        field,
        "a JSON integer, or a string 'N' or 'N/D' in ASCII digits such as '1/2'",
        value,
        "true, false and numbers with a decimal point or exponent are not counts",
    )


def limit_to_json(limit: TimeLimit | NoTimeLimit) -> dict[str, Any]:
    """Return the JSON object of a time limit.

    >>> limit_to_json(WorkingDays(Fraction(1, 2)))
    {'unit': 'working_days', 'count': '1/2'}
    >>> from datetime import time
    >>> limit_to_json(SameDay(time(15, 0)))
    {'unit': 'same_day', 'cutoff': '15:00'}
    >>> limit_to_json(SameDay())
    {'unit': 'same_day'}
    """
    if isinstance(limit, NoTimeLimit):
        out: dict[str, Any] = {"unit": "none"}
        if limit.note != NoTimeLimit().note:
            out["note"] = limit.note
        return out
    if isinstance(limit, SameDay):
        if limit.cutoff is None:
            return {"unit": "same_day"}
        return {"unit": "same_day", "cutoff": limit.cutoff.strftime("%H:%M")}
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
        if "cutoff" not in data:
            return SameDay()
        if data["cutoff"] is None:
            raise InvalidInputError(
                "limit.cutoff",
                "a time HH:MM such as '15:00'",
                None,
                "omit the key when there is no cut-off",
            )
        return SameDay(parse_clock(data["cutoff"], "limit.cutoff"))
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
    count = _count_from_json(data["count"], "limit.count")
    try:
        result: TimeLimit = cls(count)
    except InvalidInputError as exc:
        raise InvalidInputError("limit.count", exc.expected, data["count"], exc.hint) from None
    return result


def _only(data: dict[str, Any], keys: set[str], where: str) -> None:
    extra = set(data) - keys
    if extra:
        raise InvalidInputError(where, f"only the keys {sorted(keys)}", sorted(extra))


def _str(value: object, field: str) -> str:
    if not isinstance(value, str):
        raise InvalidInputError(field, "a string", value)
    return check_text(value, field)


def allotted_from_json(data: object) -> WorkingDays | WorkingHours | None:
    """Return a step's allotted working time (``null``: none), a working-days or hours limit.

    >>> allotted_from_json({"unit": "working_hours", "count": 16})
    WorkingHours(count=16)
    """
    if data is None:
        return None
    limit = limit_from_json(data)
    if not isinstance(limit, WorkingDays | WorkingHours):
        raise InvalidInputError("allotted", "working_days or working_hours", data)
    return limit
