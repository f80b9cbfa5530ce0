"""Time limits (thời hạn giải quyết) and the rules that count them.

A time limit is a count with a unit, never a bare number: working days, working hours,
calendar days, months, or the same day with a cut-off hour. The counting rule is a named
policy (:class:`CountingRule`), each documented with its legal basis in
``docs/explanation/counting-rules.md``.

>>> from fractions import Fraction
>>> WorkingDays(5)
WorkingDays(count=5)
>>> WorkingDays(Fraction(1, 2)).count
Fraction(1, 2)
>>> str(SameDay(cutoff=time(15, 0)))
'same day (after 15:00: next working day)'

Counts are bounded (:data:`MAX_COUNT`): about a century of each unit, far above any
statutory time limit, so that a typo such as 99,999,999 calendar days is refused when the
limit is built instead of overflowing the date arithmetic later.

>>> CalendarDays(99_999_999)
Traceback (most recent call last):
...
motcua.foundation.errors.InvalidInputError: CalendarDays.count: expected a count of at most ...
"""

from __future__ import annotations

import enum
import re
from datetime import time
from typing import TYPE_CHECKING, Final, TypeAlias

from motcua.foundation.errors import InvalidInputError, text_hint
from motcua.foundation.values import Frozen

if TYPE_CHECKING:  # imported where a count is not an int: not on the cold start (ADR 0026)
    from fractions import Fraction

__all__ = [
    "MAX_COUNT",
    "CalendarDays",
    "CountingRule",
    "Months",
    "SameDay",
    "TimeLimit",
    "WorkingDays",
    "WorkingHours",
    "count_from_text",
    "resolve_rule",
]

#: The largest count each kind of time limit accepts: about a century of its unit (250
#: working days or 365.25 calendar days a year, 8 working hours a day). No statutory time
#: limit comes near; a larger count is a typo, refused before any date arithmetic.
MAX_COUNT: Final[dict[str, int]] = {
    "WorkingDays": 25_000,
    "WorkingHours": 200_000,
    "CalendarDays": 36_525,
    "Months": 1_200,
}

# ASCII only, no sign, no leading zeros, at most nine digits a part: cheap to read, and
# what is read is written back the same way (see count_from_text).
_COUNT_TEXT: Final = re.compile(r"(0|[1-9][0-9]{0,8})(?:/([1-9][0-9]{0,8}))?")
_DECIMAL_TEXT: Final = re.compile(r"(0|[1-9][0-9]{0,8})\.([0-9]{1,6})")

_set: Final = object.__setattr__


class CountingRule(enum.Enum):
    """How a time limit is counted from the receipt instant."""

    #: Receipt instant + N x day length of office time, skipping non-office time. The
    #: default for working days and hours: what live one-stop systems do (hh:mm on the
    #: receipt slip, Circular 01/2018/TT-VPCP form 01; 8 working hours in Decree 45/2020).
    WORKING_TIME = "working-time"
    #: Civil Code 2015 Art. 147-148: the receipt day is not counted; due at the close of
    #: the N-th working day after it.
    WHOLE_DAYS = "whole-days"
    #: Civil Code 2015 Art. 147-148 in calendar days, rolled to the next working day.
    CALENDAR_DAYS = "calendar-days"
    #: Civil Code 2015 Art. 148(1)(c): same date N months later (last day of a shorter
    #: month), rolled to the next working day.
    MONTHS = "months"
    #: Same working day, or the next one after the cut-off hour (Decree 23/2015/NĐ-CP
    #: Art. 7 for certification: after 15:00, the next working day).
    SAME_DAY = "same-day"


def _count(value: object, unit: str, *, fractional: bool) -> int | Fraction:
    if type(value) is int and 0 <= value <= MAX_COUNT[unit]:
        return value
    from fractions import Fraction  # noqa: PLC0415 - not on the cold start (ADR 0026)

    if isinstance(value, bool) or not isinstance(value, int | Fraction):
        hint = "use Fraction('1/2') for half a day" if fractional else "use a whole number"
        raise InvalidInputError(
            f"{unit}.count",
            "a whole number" + (" or a Fraction" if fractional else ""),
            value,
            hint,
        )
    if isinstance(value, Fraction) and not fractional and value.denominator != 1:
        raise InvalidInputError(f"{unit}.count", "a whole number", value)
    if value < 0:
        raise InvalidInputError(
            f"{unit}.count", "a count of zero or more", value, "a time limit cannot be negative"
        )
    if value > MAX_COUNT[unit]:
        raise InvalidInputError(
            f"{unit}.count",
            f"a count of at most {MAX_COUNT[unit]:,} (about a century; no statutory time "
            "limit is longer)",
            value,
            "check the number and its unit",
        )
    if isinstance(value, Fraction) and value.denominator == 1:
        return int(value)
    return value


def count_from_text(text: object, field: str, *, decimal: bool = False) -> int | Fraction:
    """Read a count written as text: ``N`` or a fraction ``N/D`` in ASCII digits.

    No sign, spaces, underscores, exponents, leading zeros or other scripts' digits; the
    denominator is not zero. A fraction must be in lowest terms with a denominator of 2 or
    more (``1/2``, not ``2/4`` or ``4/2``), the form :func:`str` writes it back in. With
    *decimal*, ``N.DDDDDD`` is read too (the command line's ``0.5``). The range is checked
    when the time limit is built (:data:`MAX_COUNT`).

    Raises:
        InvalidInputError: The text is not in one of these forms; the error names *field*.

    >>> count_from_text("1/2", "count"), count_from_text("5", "count")
    (Fraction(1, 2), 5)
    >>> count_from_text("1e100000000", "count")
    Traceback (most recent call last):
    ...
    motcua.foundation.errors.InvalidInputError: count: expected a whole number or a fraction ...
    """
    from fractions import Fraction  # noqa: PLC0415 - not on the cold start (ADR 0026)

    if isinstance(text, str):
        match = _COUNT_TEXT.fullmatch(text)
        if match is not None:
            numerator, denominator = match.groups()
            if denominator is None:
                return int(numerator)
            value = Fraction(int(numerator), int(denominator))
            if value.denominator != 1 and str(value) == text:
                return value
            raise InvalidInputError(
                field,
                "a fraction in lowest terms with a denominator of 2 or more",
                text,
                f"write {str(value)!r}",
            )
        match = _DECIMAL_TEXT.fullmatch(text) if decimal else None
        if match is not None:
            whole, digits = match.groups()
            value = int(whole) + Fraction(int(digits), 10 ** len(digits))
            return int(value) if value.denominator == 1 else value
    forms = "N, N/D" + (" or N.D" if decimal else "")
    raise InvalidInputError(
        field,
        f"a whole number or a fraction written {forms} in ASCII digits (e.g. '5', '1/2'), "
        "without sign, spaces, underscores or exponent",
        text,
        text_hint(text) or "write the count plainly, e.g. '1/2' for half a day",
    )


def _working_count(value: int | Fraction) -> int | Fraction:
    return _count(value, "WorkingDays", fractional=True)


def _hours_count(value: int | Fraction) -> int | Fraction:
    return _count(value, "WorkingHours", fractional=True)


def _calendar_count(value: int | Fraction) -> int:
    return int(_count(value, "CalendarDays", fractional=False))


def _months_count(value: int | Fraction) -> int:
    return int(_count(value, "Months", fractional=False))


class WorkingDays(Frozen):
    """N working days (ngày làm việc); a Fraction for half days."""

    __slots__ = ("count",)
    count: int | Fraction

    def __init__(self, count: int | Fraction) -> None:
        """Check the count: zero or more, at most :data:`MAX_COUNT`; a Fraction for part days."""
        _set(self, "count", _working_count(count))

    def __str__(self) -> str:
        """Return e.g. ``5 working days``."""
        return f"{self.count} working day{'s' if self.count != 1 else ''}"


class WorkingHours(Frozen):
    """N working hours (giờ làm việc), e.g. the 8 hours of Decree 45/2020 for online intake."""

    __slots__ = ("count",)
    count: int | Fraction

    def __init__(self, count: int | Fraction) -> None:
        """Check the count: zero or more, at most :data:`MAX_COUNT`; a Fraction for part hours."""
        _set(self, "count", _hours_count(count))

    def __str__(self) -> str:
        """Return e.g. ``8 working hours``."""
        return f"{self.count} working hour{'s' if self.count != 1 else ''}"


class CalendarDays(Frozen):
    """N calendar days (ngày), counted under the Civil Code."""

    __slots__ = ("count",)
    count: int

    def __init__(self, count: int | Fraction) -> None:
        """Check the count: a whole number, zero or more, at most :data:`MAX_COUNT`."""
        _set(self, "count", _calendar_count(count))

    def __str__(self) -> str:
        """Return e.g. ``30 calendar days``."""
        return f"{self.count} calendar day{'s' if self.count != 1 else ''}"


class Months(Frozen):
    """N months (tháng), counted under the Civil Code."""

    __slots__ = ("count",)
    count: int

    def __init__(self, count: int | Fraction) -> None:
        """Check the count: a whole number, zero or more, at most :data:`MAX_COUNT`."""
        _set(self, "count", _months_count(count))

    def __str__(self) -> str:
        """Return e.g. ``2 months``."""
        return f"{self.count} month{'s' if self.count != 1 else ''}"


def _check_cutoff(value: time | None) -> None:
    if value is None:
        return
    if not isinstance(value, time):
        raise InvalidInputError("SameDay.cutoff", "a naive datetime.time or None", value)
    if value.tzinfo is not None or value.second or value.microsecond:
        raise InvalidInputError(
            "SameDay.cutoff",
            "a naive time on a whole minute (Vietnam local time), e.g. time(15, 0)",
            value.isoformat(),
            "a cut-off hour is given to the minute; drop the seconds and the offset",
        )


class SameDay(Frozen):
    """Within the working day of receipt (trong ngày); after *cutoff*, the next working day.

    Without a cut-off, a dossier received during office hours of a working day is due at that
    day's close; one received after closing or on a day off is due at the close of the next
    working day.
    """

    __slots__ = ("cutoff",)
    cutoff: time | None

    def __init__(self, cutoff: time | None = None) -> None:
        """Check the cut-off: None, or a naive time on a whole minute."""
        _check_cutoff(cutoff)
        _set(self, "cutoff", cutoff)

    def __str__(self) -> str:
        """Return e.g. ``same day (after 15:00: next working day)``."""
        if self.cutoff is None:
            return "same day"
        return f"same day (after {self.cutoff:%H:%M}: next working day)"


#: Any time limit.
TimeLimit: TypeAlias = WorkingDays | WorkingHours | CalendarDays | Months | SameDay


_DEFAULT_RULE: dict[type, CountingRule] = {
    WorkingDays: CountingRule.WORKING_TIME,
    WorkingHours: CountingRule.WORKING_TIME,
    CalendarDays: CountingRule.CALENDAR_DAYS,
    Months: CountingRule.MONTHS,
    SameDay: CountingRule.SAME_DAY,
}


def resolve_rule(limit: TimeLimit, rule: CountingRule | None = None) -> CountingRule:
    """Return the counting rule that applies to *limit*, checking that *rule* fits it.

    Working days and hours default to working time; working days may instead use whole days
    (Civil Code 2015 Art. 147-148); every other limit implies its own rule.

    >>> resolve_rule(WorkingDays(5)).value
    'working-time'
    >>> resolve_rule(CalendarDays(3), CountingRule.WHOLE_DAYS)
    Traceback (most recent call last):
    ...
    motcua.foundation.errors.InvalidInputError: rule: expected calendar-days ...
    """
    if rule is not None and not isinstance(rule, CountingRule):
        raise InvalidInputError(
            "rule", "a CountingRule (" + ", ".join(r.value for r in CountingRule) + ")", rule
        )
    default = _DEFAULT_RULE.get(type(limit))
    if default is None:
        raise InvalidInputError(
            "limit",
            "WorkingDays, WorkingHours, CalendarDays, Months or SameDay",
            limit,
            "a time limit is a count with a unit, never a bare number",
        )
    if rule is None or rule is default:
        return default
    if rule is CountingRule.WHOLE_DAYS and isinstance(limit, WorkingDays):
        return rule
    raise InvalidInputError(
        "rule",
        f"{default.value} for {type(limit).__name__}"
        + (" (or whole-days)" if isinstance(limit, WorkingDays) else ""),
        rule.value,
    )
