"""The day table of a work schedule: which pattern of counted sessions each day has.

:class:`~motcua.time.deadlines.WorkSchedule` indexes every day of its calendar to one of a
few span patterns (microseconds from midnight). A plain schedule has seven patterns (the
five weekdays, a make-up day, a day off); :func:`timeline` re-indexes days for dated hours
(:class:`~motcua.time.hours_series.HoursSeries`) and part-day closures.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable
from datetime import date, timedelta
from typing import Final

from motcua.foundation.errors import ConfigurationError, InvalidInputError
from motcua.time.hours import Session
from motcua.time.hours_series import Closure, HoursSeries, cut

__all__ = ["MAKE_UP", "NONE", "US", "closures_of", "place_of", "spans_of", "timeline"]

#: Microseconds in a second.
US: Final = 1_000_000
#: The kind index of a day with no counting sessions.
NONE: Final = 6
#: The kind index of a make-up working weekend day.
MAKE_UP: Final = 5

Spans = tuple[tuple[int, int], ...]


def spans_of(sessions: Iterable[Session]) -> Spans:
    """A day's sessions as (start, end) microseconds from midnight."""
    return tuple((s.start_seconds * US, s.end_seconds * US) for s in sessions)


def timeline(
    kinds: bytes | array[int],
    spans: tuple[tuple[tuple[int, int], ...], ...],
    base: int,
    closures: tuple[Closure, ...],
    day_length: timedelta,
    *,
    series: HoursSeries | None,
) -> tuple[bytes | array[int], tuple[tuple[tuple[int, int], ...], ...]]:
    """Re-index each day to its own span pattern: dated hours, then part-day closures.

    The hot path is unchanged: a day's kind still indexes a table of span patterns, one
    per distinct day shape (a few per set of hours), so queries stay O(log days).
    """
    if series is not None and series.day_length != day_length:
        raise ConfigurationError(
            f"WorkSchedule.series: {series.name or 'the series'} has a working day of "
            f"{series.day_length}, but hours= has {day_length}; give both the same day "
            "length (the length of a working day of a time limit)"
        )
    table: list[tuple[tuple[int, int], ...]] = list(spans)
    index = {sp: k for k, sp in reversed(list(enumerate(table)))}

    def pattern(sp: tuple[tuple[int, int], ...]) -> int:
        k = index.get(sp)
        if k is None:
            k = index[sp] = len(table)
            table.append(sp)
        return k

    out = array("H", list(kinds))
    if series is not None:
        shapes: dict[int, tuple[int, ...]] = {}  # id(hours) -> kind per weekday kind
        first = max(series.first_day.toordinal() - base, 0)
        for i in range(first, len(out)):
            k = out[i]
            if k == NONE:
                continue
            hours = series.hours_on(date.fromordinal(base + i))
            if hours is None:  # pragma: no cover - first_day bounds the loop
                continue
            row = shapes.get(id(hours))
            if row is None:
                row = shapes[id(hours)] = (
                    *(pattern(spans_of(hours.sessions_for_weekday(wd))) for wd in range(5)),
                    pattern(spans_of(hours.sessions_for_make_up_day())),
                )
            out[i] = row[k]
    for c in closures:
        i = c.day.toordinal() - base
        if 0 <= i < len(out):
            out[i] = pattern(cut(table[out[i]], spans_of(c.closed)))
    kinds_out: bytes | array[int] = bytes(out.tolist()) if len(table) <= 256 else out
    return kinds_out, tuple(table)


def closures_of(value: Iterable[Closure]) -> tuple[Closure, ...]:
    """The part-day closures of a schedule, each checked to be a Closure."""
    out = tuple(value)
    for c in out:
        if not isinstance(c, Closure):
            raise InvalidInputError("WorkSchedule.closures", "Closure values", c)
    return out


def place_of(value: Iterable[str] | None) -> frozenset[str] | None:
    """The unit codes a schedule is built for (None: national), as a set."""
    if value is None:
        return None
    if isinstance(value, str):
        raise InvalidInputError("WorkSchedule.place", "a collection of unit codes", value)
    return frozenset(value)
