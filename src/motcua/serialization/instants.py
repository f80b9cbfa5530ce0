"""Instants and dates as motcua's own formats write them (no cattrs here: the fast reader uses it).

An instant is ISO 8601 with ASCII digits: ``YYYY-MM-DDTHH:MM``, optional seconds and
milliseconds or microseconds, and an optional offset (``+07:00``, ``-05:00`` or ``Z``). A
missing offset means Vietnam time (ADR 0002). Nothing else is accepted: no spaces, no week
dates, no basic format without dashes, no other digits, so every accepted text means one
instant on every supported Python.

>>> parse_instant("2024-03-04T01:15:00Z").isoformat()
'2024-03-04T08:15:00+07:00'
>>> parse_instant("2024-03-04 08:15")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
motcua.foundation.errors.InvalidInputError: instant: expected an ISO 8601 date-time ...
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Final

from motcua.foundation.errors import InvalidInputError
from motcua.foundation.vntime import VN_TZ, vn_instant

__all__ = ["parse_date", "parse_instant"]

_INSTANT: Final = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}"
    r"(?::[0-9]{2}(?:\.[0-9]{3}(?:[0-9]{3})?)?)?"
    r"(?:Z|[+-][0-9]{2}:[0-9]{2})?"
)
_DATE: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_EXPECTED: Final = "an ISO 8601 date-time such as '2024-03-04T08:15:00+07:00'"


def parse_instant(value: object, field: str = "instant") -> datetime:
    """Parse an ISO 8601 instant (a missing offset means Vietnam time); return it in UTC+07.

    Raises:
        InvalidInputError: Not a string of that form, not a real instant, or an instant
            whose Vietnam time falls outside years 1-9999.
    """
    if type(value) is not str or _INSTANT.fullmatch(value) is None:
        raise InvalidInputError(field, _EXPECTED, value)
    try:
        parsed = datetime.fromisoformat(value[:-1] + "+00:00" if value[-1] == "Z" else value)
    except ValueError:
        expected = f"{_EXPECTED} that exists (a real date and time)"
        raise InvalidInputError(field, expected, value) from None
    if parsed.tzinfo is None or value.endswith("+07:00"):
        return parsed.replace(tzinfo=VN_TZ)
    return vn_instant(parsed, field)


def parse_date(value: object, field: str = "date") -> date:
    """Parse an ISO date ``YYYY-MM-DD`` (ASCII digits, nothing around it).

    >>> parse_date("2024-02-29")
    datetime.date(2024, 2, 29)
    """
    if type(value) is not str or _DATE.fullmatch(value) is None:
        raise InvalidInputError(field, "an ISO date string such as '2024-03-04'", value)
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidInputError(field, "a real date YYYY-MM-DD", value) from None
