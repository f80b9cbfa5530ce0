"""Official announcements that change the civil-service working calendar.

Each year the Prime Minister (or a Deputy PM), through a letter of the Government Office
(Văn phòng Chính phủ, VPCP), approves the Ministry's plan for the Tết and National Day
breaks and for *hoán đổi ngày làm việc* (swapping a weekday off against a Saturday worked);
the Ministry (of Labour until 2025, of Home Affairs since) then announces it to agencies.
The Prime Minister places the Tết days (Labour Code 2012 Art. 115(2) until 2020, Labour
Code 2019 Art. 112(3) from 2021) and, from 2021, the second National Day day; the swaps bind
civil servants (cán bộ, công chức, viên chức) and are only recommended to private employers.

motcua keeps these announcements as data, one :class:`Announcement` per instrument, because
releases of ``holidays`` lag them: the table is :data:`motcua.time.official.ANNOUNCEMENTS`.
Users add their own (a province's extra closure, a swap announced after a motcua release)
with the same types; see ``docs/how-to/add-a-swap.md``.

References:
    * Labour Code 1994 (as amended in 2007), Art. 73: holidays until 30/04/2013.
    * Labour Code 2012 (Law 10/2012/QH13), Art. 115: holidays from 01/05/2013 to 2020.
    * Labour Code 2019 (Law 45/2019/QH14), Art. 111(3), Art. 112: holidays from 01/01/2021.
    * Decision 188/1999/QĐ-TTg, Art. 1 (five-day week for administrative bodies).
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable
from datetime import date
from typing import Final

from motcua.foundation.confidence import Confidence
from motcua.foundation.values import Frozen

__all__ = [
    "Announcement",
    "Confidence",
    "DayChange",
    "DayKind",
    "Scope",
    "applies_to",
]


class DayKind(enum.Enum):
    """What an announcement does to one day."""

    #: A day with no office work (ngày nghỉ): a swapped weekday, a Tết day, a local closure.
    DAY_OFF = "day_off"
    #: A weekend day that is worked (ngày làm bù): a full day with weekday office hours.
    WORKING_DAY = "working_day"


class Scope(enum.Enum):
    """Whom an announcement binds."""

    #: The national civil-service calendar (every administrative agency).
    NATIONAL = "national"
    #: One province, unit or desk (a user-supplied closure or working day).
    LOCAL = "local"


_ISO_DATE: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_set: Final = object.__setattr__


def _to_date(value: date | str) -> date:
    if isinstance(value, str):
        # ASCII YYYY-MM-DD only: Python 3.11 reads more forms than 3.10 ("20270105").
        if _ISO_DATE.fullmatch(value) is None:
            from motcua.foundation.errors import InvalidInputError  # noqa: PLC0415

            raise InvalidInputError("day", "an ISO date YYYY-MM-DD", value)
        return date.fromisoformat(value)
    return value


def _check_kind_matches_weekday(day: date, kind: DayKind) -> None:
    from motcua.foundation.errors import InvalidInputError  # noqa: PLC0415 - keep import light

    if kind is DayKind.WORKING_DAY and day.weekday() < 5:
        raise InvalidInputError(
            "DayChange.kind",
            "WORKING_DAY only on a Saturday or Sunday (weekdays already work)",
            f"{day.isoformat()} ({day:%A})",
            "use DayKind.DAY_OFF to close a weekday, or pick the weekend day that is worked",
        )


class DayChange(Frozen):
    """One day that an announcement closes or opens.

    Attributes:
        day: The date changed.
        kind: Whether the day becomes a day off or a make-up working day.
        name_vi: Vietnamese name, as printed in calendars and notices.
        name_en: English name.
        swapped_with: For a swap, the other day of the pair.
    """

    __slots__ = ("day", "kind", "name_en", "name_vi", "swapped_with")
    day: date
    kind: DayKind
    name_vi: str
    name_en: str
    swapped_with: date | None

    def __init__(
        self,
        day: date | str,
        kind: DayKind,
        name_vi: str,
        name_en: str,
        swapped_with: date | str | None = None,
    ) -> None:
        """Read ISO dates; check that only a weekend day becomes a working day."""
        converted = _to_date(day)
        _set(self, "day", converted)
        _set(self, "kind", kind)
        _set(self, "name_vi", name_vi)
        _set(self, "name_en", name_en)
        _set(self, "swapped_with", None if swapped_with is None else _to_date(swapped_with))
        _check_kind_matches_weekday(converted, kind)


def _changes(value: Iterable[DayChange]) -> tuple[DayChange, ...]:
    return tuple(value)


def _units(value: Iterable[str]) -> tuple[str, ...]:
    from motcua.foundation.errors import InvalidInputError  # noqa: PLC0415 - keep import light

    if isinstance(value, str):
        raise InvalidInputError(
            "Announcement.units", "a tuple of unit codes", value, f"write ({value!r},)"
        )
    codes = tuple(value)
    for code in codes:
        if not isinstance(code, str) or not code.strip() or code != code.strip():
            raise InvalidInputError(
                "Announcement.units", "unit codes as non-empty strings, e.g. '26'", code
            )
    return codes


def _check_units(scope: Scope, units: tuple[str, ...]) -> None:
    from motcua.foundation.errors import InvalidInputError  # noqa: PLC0415 - keep import light

    if units and scope is Scope.NATIONAL:
        raise InvalidInputError(
            "Announcement.units",
            "no units on a national announcement (it binds every unit)",
            ", ".join(units),
            "set scope=Scope.LOCAL for a closure of some units only",
        )


def applies_to(announcement: Announcement, place: frozenset[str] | None) -> bool:
    """Return True when *announcement* applies to a calendar built for *place*.

    A national announcement applies everywhere. A local one that names its units applies
    only to a place whose codes include one of them (a province code covers a calendar built
    for any of its communes when the place lists that province's code too). A local one
    without units applies to any calendar it is added to (the caller chose it).

    >>> a = Announcement("15/QĐ-UBND", None, "UBND", "closure", [], "-",
    ...                  scope=Scope.LOCAL, units=("00001",))
    >>> applies_to(a, frozenset({"00001", "01"})), applies_to(a, frozenset({"00004", "01"}))
    (True, False)
    >>> applies_to(a, None)   # the national calendar
    False
    """
    if announcement.scope is Scope.NATIONAL or not announcement.units:
        return True
    return place is not None and not place.isdisjoint(announcement.units)


class Announcement(Frozen):
    """One official announcement (or one local decision) about working days.

    Attributes:
        instrument: The instrument's number, e.g. ``"12729/VPCP-KGVX"``; empty when the
            number was not confirmed (see *confidence*).
        issued: The instrument's date, when known.
        issuer: Who issued it.
        subject: What it is about, in Vietnamese.
        changes: The days it closes or opens.
        source: Where the row was checked (an address or a citation).
        confidence: How well the row was checked.
        scope: Whether it binds the national calendar or one locality.
        units: For a local announcement, the codes of the units it applies to (province or
            commune codes, as in :func:`motcua.unit_registry`); it then changes only a
            calendar built for one of those places (:func:`applies_to`). Empty: no place
            named (it applies to whatever calendar it is added to). Always empty when
            national.
        note: Anything a reader should know (related instruments, caveats).
    """

    __slots__ = (
        "changes",
        "confidence",
        "instrument",
        "issued",
        "issuer",
        "note",
        "scope",
        "source",
        "subject",
        "units",
    )
    instrument: str
    issued: date | None
    issuer: str
    subject: str
    changes: tuple[DayChange, ...]
    source: str
    confidence: Confidence
    scope: Scope
    note: str
    units: tuple[str, ...]

    def __init__(  # noqa: PLR0917 - the fields of one instrument
        self,
        instrument: str,
        issued: date | str | None,
        issuer: str,
        subject: str,
        changes: Iterable[DayChange],
        source: str,
        confidence: Confidence = Confidence.CONFIRMED,
        scope: Scope = Scope.NATIONAL,
        note: str = "",
        units: Iterable[str] = (),
    ) -> None:
        """Read ISO dates and the changes; check that a national row names no units."""
        _set(self, "instrument", instrument)
        _set(self, "issued", None if issued is None else _to_date(issued))
        _set(self, "issuer", issuer)
        _set(self, "subject", subject)
        _set(self, "changes", _changes(changes))
        _set(self, "source", source)
        _set(self, "confidence", confidence)
        _set(self, "scope", scope)
        _set(self, "note", note)
        codes = _units(units)
        _set(self, "units", codes)
        _check_units(scope, codes)

    @property
    def citation(self) -> str:
        """Return a short citation: the instrument and its date, or the subject."""
        if self.instrument and self.issued is not None:
            return f"{self.instrument} ({self.issued:%d/%m/%Y})"
        if self.instrument:
            return self.instrument
        return f"{self.subject} (instrument number not confirmed)"
