"""Errors raised by motcua.

Every error motcua raises on purpose derives from :class:`MotcuaError`, and each concrete
error also derives from the built-in exception that fits it, so callers can catch either.
Messages say *what* is wrong, *where* (the field or value), what was *expected* versus what
was *got*, and *what to do*. The same facts are available as attributes.
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "ConfigurationError",
    "FrozenValueError",
    "InvalidInputError",
    "MotcuaError",
    "NotFoundError",
    "OutsideCalendarError",
    "TransitionError",
    "shown",
    "text_hint",
]

_ASCII_DIGITS: Final = frozenset("0123456789")


#: Longest rendering of a value in a message, in characters.
_SHOWN_MAX = 200


def shown(value: object) -> str:
    """The ``repr`` of *value* for a message: one line, at most about 200 characters.

    An integer too long to print (over 4,300 digits) is described by its size.

    >>> shown("a" * 300).endswith("a…' (302 characters)")
    True
    >>> shown(10**5000)
    'an integer of 5001 digits'
    """
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 14_000:
        return f"an integer of {_digits(value)} digits"
    text = repr(value)
    if len(text) <= _SHOWN_MAX:
        return text
    return f"{text[: _SHOWN_MAX - 20]}…{text[-1]} ({len(text)} characters)"


def _digits(value: int) -> int:
    """How many decimal digits *value* has, without converting it to text."""
    n = abs(value)
    estimate = max(1, int(n.bit_length() * 0.30102999566398120))
    while 10**estimate <= n:
        estimate += 1
    while estimate > 1 and 10 ** (estimate - 1) > n:
        estimate -= 1
    return estimate


class MotcuaError(Exception):
    """Root of every error that motcua raises on purpose."""


class InvalidInputError(MotcuaError, ValueError):
    """A value given to motcua is malformed or out of its allowed range.

    Attributes:
        field: The name of the argument, option or data field that is wrong.
        expected: What a valid value looks like.
        got: The value that was given (its ``repr``).
        hint: What to do about it.
    """

    def __init__(self, field: str, expected: str, got: object, hint: str = "") -> None:
        """Build the message from the field, the expectation, the value and a hint."""
        self.field = field
        self.expected = expected
        self.got = got
        self.hint = hint
        msg = f"{field}: expected {expected}, got {shown(got)}"
        if hint:
            msg += f"; {hint}"
        super().__init__(msg)

    def within(self, place: str) -> InvalidInputError:
        """The same error located inside *place* (a file, line and JSON path).

        >>> str(InvalidInputError("channel", "1, 2 or 3", 9).within("f.jsonl line 3 $.channel"))
        'f.jsonl line 3 $.channel (channel): expected 1, 2 or 3, got 9'
        """
        return InvalidInputError(f"{place} ({self.field})", self.expected, self.got, self.hint)

    def __reduce__(self) -> tuple[type[InvalidInputError], tuple[str, str, object, str]]:
        """Pickle by the structured fields (errors cross process boundaries in reports)."""
        return (type(self), (self.field, self.expected, self.got, self.hint))


class OutsideCalendarError(MotcuaError, ValueError):
    """A date lies outside the years a working calendar covers.

    Attributes:
        day: The date that was asked about (ISO text).
        first_year: The first year the calendar covers.
        last_year: The last year the calendar covers.
    """

    def __init__(self, day: str, first_year: int, last_year: int, what: str = "date") -> None:
        """Build the message from the offending date and the supported range."""
        self.day = day
        self.first_year = first_year
        self.last_year = last_year
        self.what = what
        msg = (
            f"{what} {day} is outside the years this working calendar covers "
            f"({first_year}-{last_year}); check the date, or build a calendar that covers it "
            "with vietnam_calendar(years=range(FIRST, LAST + 1)) (motcua ships 2013-2099)"
        )
        super().__init__(msg)

    def in_record(self, field: str) -> InvalidInputError:
        """This error as the error of one record at *field* (file, line, path, code).

        >>> str(OutsideCalendarError("2100-01-01", 2013, 2099).in_record("f.jsonl line 2 $"))
        "f.jsonl line 2 $: expected dates within the working calendar's years (2013-2099), got '2100-01-01'; check the record's dates"
        """  # noqa: E501
        return InvalidInputError(
            field,
            f"dates within the working calendar's years ({self.first_year}-{self.last_year})",
            self.day,
            "check the record's dates",
        )

    def __reduce__(self) -> tuple[type[OutsideCalendarError], tuple[str, int, int, str]]:
        """Pickle by the structured fields."""
        return (type(self), (self.day, self.first_year, self.last_year, self.what))


class ConfigurationError(MotcuaError, ValueError):
    """A calendar, office-hours or policy configuration is inconsistent.

    Raised when motcua is asked to build something that cannot give a lawful answer, such as
    office hours whose weekdays have different lengths without an explicit day length.
    """


class FrozenValueError(MotcuaError, AttributeError):
    """A field of a frozen value was assigned or deleted: values never change.

    Attributes:
        value_type: The class of the value.
        field: The field that was assigned or deleted.
    """

    def __init__(self, value_type: str, field: str) -> None:
        """Build the message from the value's class and the field."""
        self.value_type = value_type
        self.field = field
        super().__init__(
            f"{value_type}.{field}: cannot change a field of a frozen value; build a new value "
            f"instead, e.g. motcua.foundation.values.replace(value, {field}=...)"
        )

    def __reduce__(self) -> tuple[type[FrozenValueError], tuple[str, str]]:
        """Pickle by the structured fields."""
        return (type(self), (self.value_type, self.field))


class NotFoundError(MotcuaError, LookupError):
    """A code or key was looked up and is not there (a procedure, a unit, a channel term).

    Attributes:
        what: What was looked up (e.g. ``procedure``).
        key: The key that was not found.
    """

    def __init__(self, what: str, key: object, hint: str = "") -> None:
        """Build the message from what was looked up, the key and a hint."""
        self.what = what
        self.key = key
        self.hint = hint
        msg = f"{what} {shown(key)} not found"
        if hint:
            msg += f"; {hint}"
        super().__init__(msg)

    def __str__(self) -> str:
        """Return the message (not the quoted key that ``KeyError`` would print)."""
        return str(self.args[0])

    def __reduce__(self) -> tuple[type[NotFoundError], tuple[str, object, str]]:
        """Pickle by the structured fields."""
        return (type(self), (self.what, self.key, self.hint))


class TransitionError(MotcuaError, ValueError):
    """An event is not allowed in a dossier's current status (the transition table says no).

    Attributes:
        dossier: The dossier code (text).
        status: The status the dossier is in (its value).
        event: The event type that was refused.
        allowed: The event types allowed in that status.
        reason: Why, when the table alone does not say (a policy limit).
        index: The position of the refused event in the log, when known.
    """

    def __init__(  # noqa: PLR0917 - the facts of one refusal
        self,
        dossier: str,
        status: str,
        event: str,
        allowed: tuple[str, ...],
        reason: str = "",
        index: int | None = None,
    ) -> None:
        """Build the message from the dossier, the status, the event and the allowed events."""
        self.dossier = dossier
        self.status = status
        self.event = event
        self.allowed = allowed
        self.reason = reason
        self.index = index
        why = f" ({reason})" if reason else ""
        at = "" if index is None else f" events[{index}]"
        msg = (
            f"dossier {dossier}{at}: event {event!r} is not allowed in status {status!r}{why}; "
            f"allowed there: {', '.join(allowed) if allowed else 'none (final status)'}"
        )
        super().__init__(msg)

    def __reduce__(
        self,
    ) -> tuple[type[TransitionError], tuple[str, str, str, tuple[str, ...], str, int | None]]:
        """Pickle by the structured fields."""
        return (
            type(self),
            (self.dossier, self.status, self.event, self.allowed, self.reason, self.index),
        )


def text_hint(value: object) -> str:
    """Say what to do about a text that looks right but is not written exactly as expected.

    For a string holding digits of another script (``'٣'``, ``'３'``, ``'²'``), or surrounding
    spaces, return the advice to put in an :class:`InvalidInputError`; otherwise ``""``.
    motcua reads values exactly as written and never rewrites them.

    >>> text_hint("１.001193")
    "write the digits as ASCII 0-9 ('１' is not an ASCII digit)"
    >>> text_hint(" 1.001193")
    'remove the spaces around the value (values are read exactly as written)'
    >>> text_hint("1.001193")
    ''
    """
    if not isinstance(value, str):
        return ""
    for char in value:
        if char not in _ASCII_DIGITS and (char.isdigit() or char.isnumeric()):
            return f"write the digits as ASCII 0-9 ({char!r} is not an ASCII digit)"
    if value != value.strip():
        return "remove the spaces around the value (values are read exactly as written)"
    return ""
