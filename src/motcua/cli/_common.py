"""Shared command-line plumbing: the argument parser that fails with one line, instant options."""

from __future__ import annotations

import argparse
import re
from datetime import date, datetime, time
from typing import NoReturn

from motcua.foundation.errors import InvalidInputError
from motcua.foundation.vntime import VN_TZ
from motcua.serialization.instants import parse_date, parse_instant

__all__ = ["Parser", "UsageError", "parse_as_of", "parse_start"]

_VN_DATE = re.compile(
    r"(?P<d>[0-9]{1,2})/(?P<m>[0-9]{1,2})/(?P<y>[0-9]{4})"
    r"(?:[ T](?P<H>[0-9]{1,2}):(?P<M>[0-9]{2}))?"
)
_SPACED = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]")
_START_EXPECTED = (
    "a real date or date-time: ISO 8601 (2024-04-26, 2024-04-26T14:20, "
    "2024-04-26T14:20+07:00) or dd/mm/yyyy [HH:MM], in ASCII digits"
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
    match = _VN_DATE.fullmatch(text)
    try:
        if match:
            day = date(int(match["y"]), int(match["m"]), int(match["d"]))
            if match["H"] is None:
                return day
            return datetime.combine(day, time(int(match["H"]), int(match["M"])), tzinfo=VN_TZ)
    except ValueError as exc:
        raise InvalidInputError("START", _START_EXPECTED, text, str(exc)) from None
    # The ISO forms are motcua's own (serialization/instants.py): one reading on every Python.
    # On the command line a space may stand for the T ("2024-04-26 14:20").
    iso = f"{text[:10]}T{text[11:]}" if _SPACED.match(text) else text
    try:
        return parse_date(iso) if len(iso) == 10 else parse_instant(iso)
    except InvalidInputError:
        raise InvalidInputError("START", _START_EXPECTED, text) from None


def parse_as_of(text: str | None, option: str = "--as-of") -> datetime | date | None:
    """Parse an instant option like START; a date stays a date (the end of that day)."""
    if text is None:
        return None
    try:
        return parse_start(text)
    except InvalidInputError as exc:
        raise InvalidInputError(option, exc.expected, text) from None
