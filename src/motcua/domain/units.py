"""Levels of government and administrative units, with the dates they existed.

From 2025-07-01 Vietnam has two levels of local government: the district level (cấp huyện)
stopped operating on that day (Resolution 203/2025/QH15 amending the Constitution, Art. 110;
Decree 118/2025/NĐ-CP organises one-stop units at ministry, province and commune level only).
Provinces went from 63 to 34 on the same day (Resolution 202/2025/QH15), e.g. Hà Giang merged
into Tuyên Quang. Units therefore carry validity intervals and successor links; merges are
many-to-one, and history is never rewritten.

>>> Level.DISTRICT.exists_on(date(2025, 6, 30)), Level.DISTRICT.exists_on(date(2025, 7, 1))
(True, False)
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Final

import attrs

from motcua.foundation.errors import InvalidInputError, NotFoundError
from motcua.foundation.vntime import optional_date

__all__ = ["TWO_TIER_REFORM", "AdministrativeUnit", "Level", "UnitRegistry"]

#: First day of two-tier local government (Resolution 203/2025/QH15; Decree 118/2025/NĐ-CP).
TWO_TIER_REFORM: Final = date(2025, 7, 1)


class Level(enum.Enum):
    """A level of government at which a procedure is carried out (cấp thực hiện)."""

    #: Cấp bộ / trung ương (ministry-level Reception and Results Section).
    MINISTRY = "ministry"
    #: Cấp tỉnh (province or centrally-run city).
    PROVINCE = "province"
    #: Cấp huyện: only before 2025-07-01 (Resolution 203/2025/QH15).
    DISTRICT = "district"
    #: Cấp xã (commune, ward, special zone).
    COMMUNE = "commune"

    @property
    def vi(self) -> str:
        """The Vietnamese name (``Cấp tỉnh``...)."""
        return _VI[self]

    @property
    def last_day(self) -> date | None:
        """The last day this level existed, or None if it still exists."""
        return date(2025, 6, 30) if self is Level.DISTRICT else None

    def exists_on(self, day: date) -> bool:
        """Return True if this level of government existed on *day*."""
        return self is not Level.DISTRICT or day < TWO_TIER_REFORM

    def check_on(self, day: date, field: str = "level") -> None:
        """Raise :class:`InvalidInputError` if this level did not exist on *day*.

        >>> Level.DISTRICT.check_on(date(2025, 7, 1))
        Traceback (most recent call last):
        ...
        motcua.foundation.errors.InvalidInputError: level: expected a level that exists on ...
        """
        if not self.exists_on(day):
            raise InvalidInputError(
                field,
                f"a level that exists on {day.isoformat()} (ministry, province or commune)",
                self.value,
                "the district level ended on 2025-06-30 (Resolution 203/2025/QH15); "
                "use the successor province or commune",
            )

    @classmethod
    def from_vi(cls, text: str) -> Level:
        """Map a DVCQG ``TENCAP`` value (``Cấp Tỉnh``, ``Cấp Huyện``, ``Cấp Xã``, ``Cấp Bộ``).

        >>> Level.from_vi("Cấp Xã")
        <Level.COMMUNE: 'commune'>
        """
        key = " ".join(text.lower().split())
        for level, names in _FROM_VI.items():
            if key in names:
                return level
        raise InvalidInputError(
            "level (TENCAP)",
            "one of 'Cấp Bộ', 'Cấp Tỉnh', 'Cấp Huyện', 'Cấp Xã'",
            text,
        )


_VI: Final = {
    Level.MINISTRY: "Cấp Bộ",
    Level.PROVINCE: "Cấp Tỉnh",
    Level.DISTRICT: "Cấp Huyện",
    Level.COMMUNE: "Cấp Xã",
}
_FROM_VI: Final = {
    Level.MINISTRY: {"cấp bộ", "bộ", "cấp trung ương", "trung ương", "cơ quan khác"},
    Level.PROVINCE: {"cấp tỉnh", "tỉnh"},
    Level.DISTRICT: {"cấp huyện", "huyện"},
    Level.COMMUNE: {"cấp xã", "xã"},
}


def _optional_date(value: object) -> date | None:
    return optional_date(value, "AdministrativeUnit date")


@attrs.frozen
class AdministrativeUnit:
    """An administrative unit (province, district, commune) over the interval it existed.

    Attributes:
        code: The unit's code in its code system (e.g. the 2-digit province code).
        name: Its name (Vietnamese).
        level: Its level.
        valid_from: First day it existed (None: before records start).
        valid_until: First day it no longer existed (None: still exists). Exclusive.
        successor: The code of the unit it was merged into, if any (many-to-one).
        basis: The instrument that created, merged or dissolved it.

    >>> ha_giang = AdministrativeUnit("02", "Hà Giang", Level.PROVINCE,
    ...     valid_until=date(2025, 7, 1), successor="08", basis="Resolution 202/2025/QH15")
    >>> ha_giang.exists_on(date(2025, 6, 30)), ha_giang.exists_on(date(2025, 7, 1))
    (True, False)
    """

    code: str
    name: str
    level: Level
    valid_from: date | None = attrs.field(default=None, converter=_optional_date)
    valid_until: date | None = attrs.field(default=None, converter=_optional_date)
    successor: str | None = None
    basis: str = ""

    def __attrs_post_init__(self) -> None:
        """Check the interval and that a district never outlives the reform."""
        if (
            self.valid_from is not None
            and self.valid_until is not None
            and self.valid_until <= self.valid_from
        ):
            raise InvalidInputError(
                f"unit {self.code}.valid_until",
                f"a day after valid_from {self.valid_from.isoformat()}",
                self.valid_until.isoformat(),
            )
        if self.level is Level.DISTRICT and (
            self.valid_until is None or self.valid_until > TWO_TIER_REFORM
        ):
            raise InvalidInputError(
                f"unit {self.code}.valid_until",
                "2025-07-01 or earlier for a district-level unit (Resolution 203/2025/QH15)",
                None if self.valid_until is None else self.valid_until.isoformat(),
            )
        if self.successor == self.code:
            raise InvalidInputError(f"unit {self.code}.successor", "another unit", self.code)

    def exists_on(self, day: date) -> bool:
        """Return True if the unit existed on *day*."""
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_until is None or day < self.valid_until
        )


def _units(value: Iterable[AdministrativeUnit]) -> tuple[AdministrativeUnit, ...]:
    return tuple(value)


@attrs.frozen
class UnitRegistry:
    """Administrative units with their history; answers "which unit is this on that day?".

    Examples:
        >>> registry = UnitRegistry([
        ...     AdministrativeUnit("02", "Hà Giang", Level.PROVINCE, valid_until=date(2025, 7, 1),
        ...                        successor="08"),
        ...     AdministrativeUnit("08", "Tuyên Quang", Level.PROVINCE),
        ... ])
        >>> registry.on("02", date(2026, 1, 1)).name
        'Tuyên Quang'
        >>> [u.code for u in registry.predecessors("08")]
        ['02']
    """

    units: tuple[AdministrativeUnit, ...] = attrs.field(converter=_units)
    _by_code: dict[str, AdministrativeUnit] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        """Index by code; check successors exist and chains have no cycles."""
        by_code: dict[str, AdministrativeUnit] = {}
        for unit in self.units:
            if unit.code in by_code:
                raise InvalidInputError("units", "unique unit codes", unit.code)
            by_code[unit.code] = unit
        object.__setattr__(self, "_by_code", by_code)
        for unit in self.units:
            seen = {unit.code}
            nxt = unit.successor
            while nxt is not None:
                if nxt not in by_code:
                    raise InvalidInputError(
                        f"unit {unit.code}.successor", "the code of a unit in the registry", nxt
                    )
                if nxt in seen:
                    raise InvalidInputError(
                        f"unit {unit.code}.successor", "a chain without cycles", nxt
                    )
                seen.add(nxt)
                nxt = by_code[nxt].successor

    def __iter__(self) -> Iterator[AdministrativeUnit]:
        """Iterate over the units in registry order."""
        return iter(self.units)

    def __len__(self) -> int:
        """Return the number of units."""
        return len(self.units)

    def get(self, code: str) -> AdministrativeUnit:
        """Return the unit with *code* (whatever its dates)."""
        try:
            return self._by_code[code]
        except KeyError:
            raise NotFoundError("administrative unit", code) from None

    def on(self, code: str, day: date) -> AdministrativeUnit:
        """Return the unit that *code* denotes on *day*, following successor links.

        Raises:
            NotFoundError: Unknown code, or no unit in its chain existed on *day*.
        """
        unit = self.get(code)
        while not unit.exists_on(day):
            if unit.successor is None or (unit.valid_from is not None and day < unit.valid_from):
                raise NotFoundError(
                    "administrative unit",
                    f"{code} on {day.isoformat()}",
                    "no unit in its successor chain existed that day",
                )
            unit = self._by_code[unit.successor]
        return unit

    def predecessors(self, code: str) -> tuple[AdministrativeUnit, ...]:
        """Return the units merged (directly) into *code*."""
        self.get(code)
        return tuple(u for u in self.units if u.successor == code)

    def existing_on(self, day: date, level: Level | None = None) -> tuple[AdministrativeUnit, ...]:
        """Return the units that existed on *day* (optionally of one level)."""
        return tuple(
            u for u in self.units if u.exists_on(day) and (level is None or u.level is level)
        )
