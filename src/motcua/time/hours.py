"""Office hours: the sessions of each working day that count as deadline time.

Office hours are set locally and vary between units (a Vĩnh Phúc desk works 07:00-11:30 and
13:30-17:00; many work 08:00-12:00 and 13:00-17:00), so they are a per-unit value. The
default, :meth:`OfficeHours.standard`, is 08:00-12:00 and 13:00-17:00, Monday to Friday,
8 hours a day, the 40-hour week of Decision 188/1999/QĐ-TTg Art. 1 (ADR 0005).

Counting sessions apply only on the calendar's working days; a make-up working Saturday
(ngày làm bù) is a full working day with the regular weekday sessions. *Reception* sessions
(a Saturday-morning desk) are when a desk receives dossiers; they never count as deadline
time.

>>> hours = OfficeHours.standard()
>>> hours.day_length
datetime.timedelta(seconds=28800)
>>> OfficeHours.parse({"mon-fri": "07:00-11:30, 13:30-17:00"}).day_length
datetime.timedelta(seconds=28800)
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import time, timedelta
from itertools import pairwise
from typing import Final

from motcua.foundation.errors import ConfigurationError, InvalidInputError, text_hint
from motcua.foundation.values import Frozen, OrderedFrozen
from motcua.foundation.vntime import parse_clock

__all__ = ["OfficeHours", "Session", "parse_sessions"]

_WEEKDAYS: Final = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_set: Final = object.__setattr__


def _seconds(t: time) -> int:
    return t.hour * 3600 + t.minute * 60 + t.second


def _check_time(name: str, value: time) -> None:
    if not isinstance(value, time):
        raise InvalidInputError(f"Session.{name}", "a datetime.time", value)
    if value.tzinfo is not None or value.microsecond or value.second:
        raise InvalidInputError(
            f"Session.{name}",
            "a naive time on a whole minute (Vietnam local time)",
            value.isoformat(),
            "office hours are given to the minute, e.g. time(13, 30)",
        )


class Session(OrderedFrozen):
    """A half-open span of office time within one day, [start, end).

    >>> Session(time(8, 0), time(12, 0)).length
    datetime.timedelta(seconds=14400)
    """

    __slots__ = ("end", "start")
    start: time
    end: time

    def __init__(self, start: time, end: time) -> None:
        """Check both times (naive, on a whole minute) and that the end is after the start."""
        _set(self, "start", start)
        _set(self, "end", end)
        _check_time("start", start)
        _check_time("end", end)
        if end <= start:
            raise InvalidInputError(
                "Session",
                "an end after the start on the same day",
                f"{start:%H:%M}-{end:%H:%M}",
                "split a session that crosses midnight into two days",
            )

    @property
    def start_seconds(self) -> int:
        """Seconds from midnight to the start."""
        return _seconds(self.start)

    @property
    def end_seconds(self) -> int:
        """Seconds from midnight to the end."""
        return _seconds(self.end)

    @property
    def length(self) -> timedelta:
        """How long the session lasts."""
        return timedelta(seconds=self.end_seconds - self.start_seconds)

    def __str__(self) -> str:
        """Return ``HH:MM-HH:MM``."""
        return f"{self.start:%H:%M}-{self.end:%H:%M}"


def _check_day(sessions: tuple[Session, ...], where: str) -> tuple[Session, ...]:
    ordered = tuple(sorted(sessions))
    for a, b in pairwise(ordered):
        if b.start < a.end:
            raise InvalidInputError(
                where, "sessions that do not overlap", f"{a} and {b}", "merge or fix them"
            )
    return ordered


def parse_sessions(text: str, where: str = "sessions") -> tuple[Session, ...]:
    """Parse ``"08:00-12:00, 13:00-17:00"`` into sessions (an empty string means none).

    Each time is exactly ``HH:MM`` in ASCII digits (as
    :func:`~motcua.foundation.vntime.parse_clock` reads it); spaces around the commas and
    dashes are allowed.

    Examples:
        >>> [str(s) for s in parse_sessions("13:00-17:00,08:00-12:00")]
        ['08:00-12:00', '13:00-17:00']
    """
    out: list[Session] = []
    for raw in text.split(","):
        part = raw.strip()
        if not part:
            continue
        try:
            a, b = part.split("-")
            start, end = parse_clock(a.strip(), where), parse_clock(b.strip(), where)
        except ValueError:  # also InvalidInputError, from parse_clock
            raise InvalidInputError(
                where,
                "sessions like '08:00-12:00, 13:00-17:00' (HH:MM-HH:MM in ASCII digits)",
                text,
                text_hint(text.strip()),
            ) from None
        out.append(Session(start, end))
    return _check_day(tuple(out), where)


def _week(value: object, count: int, field: str, span: str) -> tuple[tuple[Session, ...], ...]:
    try:
        days = tuple(tuple(d) for d in value)  # type: ignore[attr-defined]  # checked here
    except TypeError:
        raise InvalidInputError(field, f"{count} tuples of sessions ({span})", value) from None
    if len(days) != count:
        raise InvalidInputError(field, f"{count} tuples of sessions ({span})", len(days))
    return tuple(_check_day(d, f"{field}[{i}]") for i, d in enumerate(days))


def _five(value: object) -> tuple[tuple[Session, ...], ...]:
    return _week(value, 5, "OfficeHours.weekdays", "Monday to Friday")


def _seven(value: object) -> tuple[tuple[Session, ...], ...]:
    return _week(value, 7, "OfficeHours.reception", "Monday to Sunday")


_STANDARD_DAY: Final = (Session(time(8, 0), time(12, 0)), Session(time(13, 0), time(17, 0)))


class OfficeHours(Frozen):
    """A unit's office hours: counting sessions per weekday, make-up days and reception.

    Attributes:
        weekdays: Counting sessions for Monday to Friday (five tuples).
        make_up_day: Counting sessions on a make-up working weekend day (defaults to
            Monday's sessions).
        reception: Reception-only sessions per weekday, Monday to Sunday (seven tuples);
            they never count as deadline time.
        day_length: The office time of one working day, used to turn working days into
            working time. Derived when every working day has the same length; required
            otherwise.
    """

    __slots__ = ("day_length", "make_up_day", "reception", "weekdays")
    weekdays: tuple[tuple[Session, ...], ...]
    make_up_day: tuple[Session, ...] | None
    reception: tuple[tuple[Session, ...], ...]
    day_length: timedelta | None

    def __init__(
        self,
        weekdays: object,
        make_up_day: tuple[Session, ...] | None = None,
        reception: object = ((),) * 7,
        day_length: timedelta | None = None,
    ) -> None:
        """Check the week, fill the make-up day and the day length, and check them."""
        week = _five(weekdays)
        _set(self, "weekdays", week)
        _set(self, "reception", _seven(reception))
        make_up = week[0] if make_up_day is None else _check_day(tuple(make_up_day), "make_up_day")
        _set(self, "make_up_day", make_up)
        lengths = {sum((s.length for s in day), timedelta()) for day in (*week, make_up) if day}
        if day_length is None:
            if len(lengths) != 1:
                shown = sorted(str(x) for x in lengths) or ["no sessions at all"]
                raise ConfigurationError(
                    "OfficeHours.day_length: working days have different lengths "
                    f"({', '.join(shown)}); pass day_length= to say how long one "
                    "working day of a time limit is (usually timedelta(hours=8))"
                )
            day_length = lengths.pop()
        elif day_length <= timedelta():
            raise InvalidInputError("OfficeHours.day_length", "a positive timedelta", day_length)
        _set(self, "day_length", day_length)

    @classmethod
    def standard(cls) -> OfficeHours:
        """Return 08:00-12:00 and 13:00-17:00, Monday to Friday (8 hours a day)."""
        return _STANDARD

    @classmethod
    def parse(
        cls,
        spec: Mapping[str, str],
        *,
        reception: Mapping[str, str] | None = None,
        day_length: timedelta | None = None,
    ) -> OfficeHours:
        """Build office hours from text, e.g. ``{"mon-fri": "07:30-11:30, 13:00-17:00"}``.

        Keys are ``mon``...``fri``, ranges such as ``mon-thu``, or ``make_up``; values are
        comma-separated ``HH:MM-HH:MM`` sessions. *reception* takes ``mon``...``sun`` keys.
        """
        week: list[tuple[Session, ...]] = [()] * 5
        make_up: tuple[Session, ...] | None = None
        for key, value in spec.items():
            if key == "make_up":
                make_up = parse_sessions(value, f"office hours[{key!r}]")
                continue
            for i in _day_range(key, 5):
                week[i] = parse_sessions(value, f"office hours[{key!r}]")
        desk: list[tuple[Session, ...]] = [()] * 7
        for key, value in (reception or {}).items():
            for i in _day_range(key, 7):
                desk[i] = parse_sessions(value, f"reception[{key!r}]")
        return cls(week, make_up, desk, day_length)

    def sessions_for_weekday(self, weekday: int) -> tuple[Session, ...]:
        """Return the counting sessions of a Monday-Friday working day (0 = Monday)."""
        return self.weekdays[weekday]

    def sessions_for_make_up_day(self) -> tuple[Session, ...]:
        """Return the counting sessions of a make-up working weekend day."""
        return self.make_up_day or ()

    def reception_for_weekday(self, weekday: int) -> tuple[Session, ...]:
        """Return the reception-only sessions of a weekday (0 = Monday ... 6 = Sunday)."""
        return self.reception[weekday]


def _day_range(key: str, limit: int) -> range:
    names = _WEEKDAYS[:limit]
    parts = key.lower().split("-")
    try:
        idx = [names.index(p) for p in parts]
    except ValueError:
        raise InvalidInputError(
            "office hours key",
            f"a day name among {', '.join(names)}, a range like 'mon-fri', or 'make_up'",
            key,
        ) from None
    if len(idx) == 1:
        return range(idx[0], idx[0] + 1)
    if len(idx) == 2 and idx[0] <= idx[1]:
        return range(idx[0], idx[1] + 1)
    raise InvalidInputError("office hours key", "a forward range like 'mon-fri'", key)


_STANDARD: Final = OfficeHours((_STANDARD_DAY,) * 5)
