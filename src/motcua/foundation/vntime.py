"""Vietnam time: the fixed UTC+07:00 offset and conversions of naive and aware instants.

Vietnam has used UTC+07:00 without daylight saving since 1975, so a fixed offset is exact
for every date motcua supports and needs no time-zone database. A naive ``datetime`` means
Vietnam local time; an aware one is converted (ADR 0002).

>>> from datetime import datetime, timezone
>>> to_vn(datetime(2024, 4, 26, 2, 0, tzinfo=timezone.utc)).isoformat()
'2024-04-26T09:00:00+07:00'
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from typing import Final

from motcua.foundation.errors import InvalidInputError

__all__ = ["VN_TZ", "combine_vn", "optional_date", "to_vn"]

#: Vietnam's civil time, UTC+07:00 (Indochina Time), with no daylight saving since 1975.
VN_TZ: Final = timezone(timedelta(hours=7), "ICT")


def to_vn(at: datetime) -> datetime:
    """Return *at* as an aware datetime in Vietnam time.

    A naive datetime is read as Vietnam local time; an aware one is converted.

    >>> to_vn(datetime(2024, 4, 26, 9, 0)).isoformat()
    '2024-04-26T09:00:00+07:00'
    """
    tz = at.tzinfo
    if tz is VN_TZ:
        return at
    if tz is None or tz.utcoffset(at) is None:
        return at.replace(tzinfo=VN_TZ)
    return at.astimezone(VN_TZ)


def combine_vn(day: date, clock: time) -> datetime:
    """Return the Vietnam-time instant at *clock* on *day*.

    >>> combine_vn(date(2024, 5, 7), time(17, 0)).isoformat()
    '2024-05-07T17:00:00+07:00'
    """
    return datetime.combine(day, clock, tzinfo=VN_TZ)


def optional_date(value: object, field: str) -> date | None:
    """Return *value* if it is a date or None; otherwise raise an error naming *field*."""
    if value is None or isinstance(value, date):
        return value
    raise InvalidInputError(field, "a datetime.date or None", value)
