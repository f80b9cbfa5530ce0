"""Shared command-line plumbing: the argument parser that fails with one line, instant options."""

from __future__ import annotations

import argparse
import re
from datetime import date, datetime, time
from typing import NoReturn

from motcua.foundation.errors import InvalidInputError
from motcua.foundation.vntime import VN_TZ, to_vn

__all__ = ["Parser", "UsageError", "parse_as_of", "parse_start"]

_VN_DATE = re.compile(
    r"^(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})(?:[ T](?P<H>\d{1,2}):(?P<M>\d{2}))?$"
)


class UsageError(Exception):
    """Bad command-line input: printed as one line, exit status 2."""


class Parser(argparse.ArgumentParser):
    """An argument parser that raises :class:`UsageError` instead of exiting."""

    def error(self, message: str) -> NoReturn:
        """Raise instead of printing usage and exiting."""
        raise UsageError(message)


def parse_start(text: str) -> datetime | date:
    """Parse START: ISO 8601 (date, or date-time with or without offset) or ``dd/mm/yyyy [HH:MM]``.

    A date-time without an offset is Vietnam time.

    >>> parse_start("26/04/2024 14:20").isoformat()
    '2024-04-26T14:20:00+07:00'
    >>> parse_start("2024-04-26")
    datetime.date(2024, 4, 26)
    >>> parse_start("2024-04-26T02:00Z").isoformat()
    '2024-04-26T09:00:00+07:00'
    """
    value = text.strip()
    match = _VN_DATE.match(value)
    try:
        if match:
            day = date(int(match["y"]), int(match["m"]), int(match["d"]))
            if match["H"] is None:
                return day
            return datetime.combine(day, time(int(match["H"]), int(match["M"])), tzinfo=VN_TZ)
        if len(value) == 10:
            return date.fromisoformat(value)
        if value.endswith(("Z", "z")):
            value = value[:-1] + "+00:00"
        return to_vn(datetime.fromisoformat(value))
    except ValueError as exc:
        raise InvalidInputError(
            "START",
            "a real date or date-time: ISO 8601 (2024-04-26, 2024-04-26T14:20, "
            "2024-04-26T14:20+07:00) or dd/mm/yyyy [HH:MM]",
            text,
            str(exc),
        ) from None


def parse_as_of(text: str | None, option: str = "--as-of") -> datetime | date | None:
    """Parse an instant option like START; a date stays a date (the end of that day)."""
    if text is None:
        return None
    try:
        return parse_start(text)
    except InvalidInputError as exc:
        raise InvalidInputError(option, exc.expected, text) from None
