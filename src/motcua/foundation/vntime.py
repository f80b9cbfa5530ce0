"""Vietnam time: the fixed UTC+07:00 offset and conversions of naive and aware instants.

Vietnam has used UTC+07:00 without daylight saving since 1975, so a fixed offset is exact
for every date motcua supports and needs no time-zone database. A naive ``datetime`` means
Vietnam local time; an aware one is converted (ADR 0002). :func:`vn_instant` is the one
place an input instant becomes a Vietnam instant; :func:`parse_clock` is the one reader of
an ``HH:MM`` time of day.

>>> from datetime import datetime, timezone
>>> to_vn(datetime(2024, 4, 26, 2, 0, tzinfo=timezone.utc)).isoformat()
'2024-04-26T09:00:00+07:00'
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, timezone
from typing import Final

from motcua.foundation.errors import InvalidInputError, text_hint

__all__ = ["VN_TZ", "combine_vn", "optional_date", "parse_clock", "to_vn", "vn_instant"]

#: Vietnam's civil time, UTC+07:00 (Indochina Time), with no daylight saving since 1975.
VN_TZ: Final = timezone(timedelta(hours=7), "ICT")

_INSTANT: Final = "a datetime (naive means Vietnam time)"
_CLOCK: Final = re.compile(r"([01][0-9]|2[0-3]):([0-5][0-9])")


def vn_instant(value: object, field: str, *, expected: str = _INSTANT) -> datetime:
    """Return *value* as an aware datetime in Vietnam time, or raise an error naming *field*.

    A naive datetime is read as Vietnam local time; an aware one is converted to UTC+07:00.

    Raises:
        InvalidInputError: *value* is not a datetime (*expected* says what is), or it cannot
            be expressed in Vietnam time (an aware instant at the very start of year 1 or the
            end of year 9999 whose conversion leaves the years a datetime can hold).

    >>> vn_instant(datetime(2024, 4, 26, 9, 0), "received_at").isoformat()
    '2024-04-26T09:00:00+07:00'
    >>> vn_instant(datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=8))), "at")
    Traceback (most recent call last):
    ...
    motcua.foundation.errors.InvalidInputError: at: expected an instant that exists in ...
    """
    if not isinstance(value, datetime):
        raise InvalidInputError(field, expected, value)
    tz = value.tzinfo
    if tz is VN_TZ:
        return value
    if tz is None and type(value) is datetime and not value.fold:
        # The same value as ``value.replace(tzinfo=VN_TZ)``, without the keyword call's cost.
        return datetime(
            value.year,
            value.month,
            value.day,
            value.hour,
            value.minute,
            value.second,
            value.microsecond,
            VN_TZ,
        )
    try:
        if tz is None or tz.utcoffset(value) is None:
            return value.replace(tzinfo=VN_TZ)
        return value.astimezone(VN_TZ)
    except (OverflowError, ValueError):
        raise InvalidInputError(
            field,
            "an instant that exists in Vietnam time (UTC+07:00, years 1-9999)",
            value.isoformat(),
            "check the date and the offset",
        ) from None


def to_vn(at: datetime) -> datetime:
    """Return *at* as an aware datetime in Vietnam time.

    A naive datetime is read as Vietnam local time; an aware one is converted. Same as
    :func:`vn_instant` with the field ``instant``.

    >>> to_vn(datetime(2024, 4, 26, 9, 0)).isoformat()
    '2024-04-26T09:00:00+07:00'
    """
    return vn_instant(at, "instant")


def combine_vn(day: date, clock: time) -> datetime:
    """Return the Vietnam-time instant at *clock* on *day*.

    >>> combine_vn(date(2024, 5, 7), time(17, 0)).isoformat()
    '2024-05-07T17:00:00+07:00'
    """
    return datetime.combine(day, clock, tzinfo=VN_TZ)


def parse_clock(text: object, field: str) -> time:
    """Parse a time of day written exactly ``HH:MM`` (ASCII digits, 00:00-23:59).

    Seconds, fractions, offsets, spaces and other scripts' digits are refused, so that what
    is read prints back exactly (``f"{t:%H:%M}" == text``).

    >>> parse_clock("15:00", "cutoff")
    datetime.time(15, 0)
    >>> parse_clock("15:00:30", "cutoff")
    Traceback (most recent call last):
    ...
    motcua.foundation.errors.InvalidInputError: cutoff: expected a time of day HH:MM ...
    """
    match = _CLOCK.fullmatch(text) if isinstance(text, str) else None
    if match is None:
        raise InvalidInputError(
            field,
            "a time of day HH:MM (ASCII digits, 00:00-23:59, no seconds or offset) "
            "such as '15:00'",
            text,
            text_hint(text) or "write the hour and minute only, e.g. '08:00'",
        )
    return time(int(match[1]), int(match[2]))


def optional_date(value: object, field: str) -> date | None:
    """Return *value* if it is a date or None; otherwise raise an error naming *field*."""
    if value is None or isinstance(value, date):
        return value
    raise InvalidInputError(field, "a datetime.date or None", value)
