"""Shared command-line plumbing: the argument parser that fails with one line."""

from __future__ import annotations

import argparse
from datetime import date, datetime
from typing import NoReturn

from motcua.foundation.errors import InvalidInputError

__all__ = ["Parser", "UsageError", "parse_as_of"]


class UsageError(Exception):
    """Bad command-line input: printed as one line, exit status 2."""


class Parser(argparse.ArgumentParser):
    """An argument parser that raises :class:`UsageError` instead of exiting."""

    def error(self, message: str) -> NoReturn:
        """Raise instead of printing usage and exiting."""
        raise UsageError(message)


def parse_as_of(text: str | None, option: str = "--as-of") -> datetime | date | None:
    """Parse an instant option like START; a date stays a date (the end of that day)."""
    if text is None:
        return None
    from motcua.cli import parse_start  # noqa: PLC0415 - avoid an import cycle

    try:
        return parse_start(text)
    except InvalidInputError as exc:
        raise InvalidInputError(option, exc.expected, text) from None
