"""Levels of government and administrative units, with the dates they existed.

From 2025-07-01 Vietnam has two levels of local government: the district level (cấp huyện)
stopped operating on that day (Resolution 203/2025/QH15 amending the Constitution, Art. 110;
Decree 118/2025/NĐ-CP organises one-stop units at ministry, province and commune level only).
Provinces went from 63 to 34 on the same day (Resolution 202/2025/QH15), e.g. Hà Giang merged
into Tuyên Quang, and 10,047 commune-level units became 3,321 (Resolutions
1654–1687/NQ-UBTVQH15). Units therefore carry validity intervals; a code is only meaningful
with a date (codes were reused); succession is many-to-many, each link (:class:`Succession`)
full or partial and citing the instrument and clause that made it. History is never
rewritten. The registry that answers questions is :mod:`motcua.domain.unit_registry`.

>>> Level.DISTRICT.exists_on(date(2025, 6, 30)), Level.DISTRICT.exists_on(date(2025, 7, 1))
(True, False)
"""

from __future__ import annotations

import enum
import unicodedata
from datetime import date
from typing import Final

import attrs

from motcua.foundation.errors import InvalidInputError
from motcua.foundation.vntime import optional_date

__all__ = [
    "TWO_TIER_REFORM",
    "AdministrativeUnit",
    "Level",
    "Share",
    "Succession",
    "UnitKind",
    "fold_name",
]

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
        successor: Shorthand for one full succession link to the unit with this code (the
            registry turns it into a :class:`Succession`); real data uses links instead.
        basis: The instrument that created, merged or dissolved it.
        kind: Its type (tỉnh, thành phố, quận, huyện, xã, phường, thị trấn, đặc khu...).
        province: The code of the province it lay in (None for a province).
        district: The code of the district it lay in (communes before 2025-07-01).
        name_en: Its English name, where the data has one.

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
    kind: UnitKind | None = None
    province: str | None = None
    district: str | None = None
    name_en: str = ""

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

    @property
    def last_day(self) -> date | None:
        """The last day the unit existed (None: it still exists)."""
        return (
            None
            if self.valid_until is None
            else date.fromordinal(self.valid_until.toordinal() - 1)
        )


class Share(enum.Enum):
    """How much of an old unit went into a new one (toàn bộ / một phần)."""

    #: The whole area and population (toàn bộ diện tích tự nhiên, quy mô dân số).
    FULL = "full"
    #: Part of it (một phần): the old unit was split among several new ones.
    PARTIAL = "partial"


@attrs.frozen
class Succession:
    """One succession link: (part of) unit *old* became (part of) unit *new* on *effective*.

    The old unit is the one with code *old* on the day before *effective*; the new one the
    unit with code *new* on *effective*: codes alone are ambiguous, a code with a date is not.

    Attributes:
        old: The old unit's code.
        new: The new unit's code.
        effective: The first day of the new arrangement (None: undated shorthand).
        share: Full or partial.
        instrument: The instrument that made the link (e.g. ``1656/NQ-UBTVQH15``).
        clause: The clause of the instrument (e.g. ``khoản 4 Điều 1``), "" if not known.
        confidence: The source's mark for this link (``high``; ``manual:high`` and
            ``manual:low`` were fixed by hand and need review), "" if none.

    >>> Succession("00007", "00025", date(2025, 7, 1), Share.PARTIAL, "1656/NQ-UBTVQH15").share
    <Share.PARTIAL: 'partial'>
    """

    old: str
    new: str
    effective: date | None
    share: Share = Share.FULL
    instrument: str = ""
    clause: str = ""
    confidence: str = ""
    text: str = attrs.field(default="", repr=False)


class UnitKind(enum.Enum):
    """The type of an administrative unit (loại đơn vị hành chính)."""

    #: Tỉnh.
    PROVINCE = "tinh"
    #: Thành phố trực thuộc trung ương (centrally-run city).
    CITY = "thanh_pho"
    #: Quận (urban district, until 2025-06-30).
    URBAN_DISTRICT = "quan"
    #: Huyện (rural district, until 2025-06-30).
    RURAL_DISTRICT = "huyen"
    #: Thị xã (town, until 2025-06-30).
    TOWN = "thi_xa"
    #: Thành phố thuộc tỉnh / thuộc thành phố trực thuộc trung ương (until 2025-06-30).
    DISTRICT_CITY = "thanh_pho_thuoc_tinh"
    #: Xã.
    COMMUNE = "xa"
    #: Phường.
    WARD = "phuong"
    #: Thị trấn (until 2025-06-30).
    TOWNSHIP = "thi_tran"
    #: Đặc khu (special zone on an island, from 2025-07-01).
    SPECIAL_ZONE = "dac_khu"

    @property
    def vi(self) -> str:
        """The Vietnamese name (``Phường``...)."""
        return _KIND_VI[self]


_KIND_VI: Final = {
    UnitKind.PROVINCE: "Tỉnh",
    UnitKind.CITY: "Thành phố trực thuộc trung ương",
    UnitKind.URBAN_DISTRICT: "Quận",
    UnitKind.RURAL_DISTRICT: "Huyện",
    UnitKind.TOWN: "Thị xã",
    UnitKind.DISTRICT_CITY: "Thành phố",
    UnitKind.COMMUNE: "Xã",
    UnitKind.WARD: "Phường",
    UnitKind.TOWNSHIP: "Thị trấn",
    UnitKind.SPECIAL_ZONE: "Đặc khu",
}


def fold_name(text: str) -> str:
    """Fold a Vietnamese name for accent-insensitive search: no marks, đ → d, lower case.

    >>> fold_name("Phường  Cống Vị"), fold_name("Hoà") == fold_name("Hòa")
    ('phuong cong vi', True)
    """
    decomposed = unicodedata.normalize("NFD", text.casefold())
    bare = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return " ".join(bare.replace("đ", "d").split())
