"""Shared command-line plumbing: the argument parser that fails with one line, instant options."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, time
from fractions import Fraction
from typing import NoReturn

from motcua.foundation.errors import InvalidInputError
from motcua.foundation.vntime import VN_TZ
from motcua.serialization.receipt_text import parse_receipt_time

__all__ = ["Parser", "UsageError", "options", "parse_as_of", "parse_stages", "parse_start"]


class UsageError(Exception):
    """Bad command-line input: printed as one line, exit status 2."""


class Parser(argparse.ArgumentParser):
    """An argument parser that raises :class:`UsageError` instead of exiting."""

    def error(self, message: str) -> NoReturn:
        """Raise instead of printing usage and exiting."""
        raise UsageError(message)


def parse_start(text: str, *, today: date | None = None) -> datetime | date:
    """Parse START: a receipt time as officials write it, or ISO 8601 (see ``receipt_text``).

    A date-time without an offset is Vietnam time. A time alone (``15h30``) is on *today*,
    by default today's date in Vietnam (the command line reads the clock; the library never
    does).

    >>> parse_start("26/04/2024 14:20").isoformat()
    '2024-04-26T14:20:00+07:00'
    >>> parse_start("2024-04-26")
    datetime.date(2024, 4, 26)
    >>> parse_start("2024-04-26T02:00Z").isoformat()
    '2024-04-26T09:00:00+07:00'
    >>> parse_start("15 giờ 30 phút, ngày 26/04/2024").isoformat()
    '2024-04-26T15:30:00+07:00'
    >>> parse_start("15h30", today=date(2024, 4, 26)).isoformat()
    '2024-04-26T15:30:00+07:00'
    """
    value = parse_receipt_time(text, "START")
    if isinstance(value, time):
        day = today if today is not None else datetime.now(VN_TZ).date()
        return datetime.combine(day, value, tzinfo=VN_TZ)
    return value


def parse_as_of(text: str | None, option: str = "--as-of") -> datetime | date | None:
    """Parse an instant option like START; a date stays a date (the end of that day)."""
    if text is None:
        return None
    try:
        return parse_start(text)
    except InvalidInputError as exc:
        raise InvalidInputError(option, exc.expected, text) from None


def parse_percent(
    text: str, option: str, expected: str = "a percentage above 0 and at most 100, e.g. 80"
) -> Fraction:
    """Parse one percentage above 0 and at most 100 (``80``, ``75.5``, ``80%``) as a share.

    >>> str(parse_percent("75.5%", "--warn-at"))
    '151/200'
    """
    item = text.strip().removesuffix("%").strip()
    digits = item.replace(".", "", 1)
    if not (digits and digits.isascii() and digits.isdigit()):
        raise InvalidInputError(option, expected, text)
    share = Fraction(item) / 100
    if not 0 < share <= 1:
        raise InvalidInputError(option, expected, text)
    return share


def parse_stages(text: str, option: str = "--warn-stages") -> tuple[Fraction, ...]:
    """Parse warning stages: increasing percentages above 0 and at most 100, comma-separated.

    >>> [str(s) for s in parse_stages("50,75,100")]
    ['1/2', '3/4', '1']
    >>> [str(s) for s in parse_stages("90%")]
    ['9/10']
    """
    expected = "increasing percentages above 0 and at most 100, comma-separated, e.g. 50,75,100"
    shares: list[Fraction] = []
    for part in text.split(","):
        try:
            share = parse_percent(part, option, expected)
        except InvalidInputError:
            raise InvalidInputError(option, expected, text) from None
        if shares and share <= shares[-1]:
            raise InvalidInputError(option, expected, text)
        shares.append(share)
    return tuple(shares)


@contextmanager
def options(**names: str) -> Iterator[None]:
    """Name library fields as the command-line options they came from.

    ``with options(period="--period"): ...`` turns an error about the field ``period``
    into one about ``--period``; every other error passes unchanged.
    """
    try:
        yield
    except InvalidInputError as exc:
        option = names.get(exc.field)
        if option is None:
            raise
        raise InvalidInputError(option, exc.expected, exc.got, exc.hint) from None


def add_lang(parser: argparse.ArgumentParser, what: str = "the text output") -> None:
    """Add ``--lang vi|en`` (default ``vi``): the language of *what*."""
    parser.add_argument(
        "--lang",
        default="vi",
        choices=("vi", "en"),
        help=f"language of {what}: Vietnamese (default) or English",
    )
