"""The unit registry: which unit a code or a name denotes on a day, and what became of it.

A code is resolved with a date, since codes were reused in 2025 (new commune 00004 is Phường
Ba Đình, old 00004 was Phường Trúc Bạch); succession is many-to-many (460 old communes were
split among several new ones), each link citing its instrument and clause
(Resolutions 1654–1687/NQ-UBTVQH15 for communes, 202/2025/QH15 for provinces). Later changes
are more units and links with their own dates. :func:`motcua.unit_registry` returns the
registry built from the data motcua ships; any other data set builds one the same way.

>>> from datetime import date
>>> from motcua.domain.units import AdministrativeUnit, Level, Share, Succession
>>> reform = date(2025, 7, 1)
>>> registry = UnitRegistry(
...     [AdministrativeUnit("00007", "Phường Cống Vị", Level.COMMUNE, valid_until=reform),
...      AdministrativeUnit("00008", "Phường Ngọc Hà", Level.COMMUNE, valid_from=reform),
...      AdministrativeUnit("00025", "Phường Giảng Võ", Level.COMMUNE, valid_from=reform)],
...     [Succession("00007", "00008", reform, Share.PARTIAL, "1656/NQ-UBTVQH15"),
...      Succession("00007", "00025", reform, Share.PARTIAL, "1656/NQ-UBTVQH15")])
>>> moved = registry.rehome("00007", date(2024, 5, 2), date(2026, 1, 1))
>>> [u.name for u in moved.units], moved.split
(['Phường Ngọc Hà', 'Phường Giảng Võ'], True)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from itertools import pairwise
from typing import Final

import attrs

from motcua.domain.codes import AgencyCode
from motcua.domain.units import AdministrativeUnit, Level, Share, Succession, fold_name
from motcua.foundation.errors import InvalidInputError, NotFoundError

__all__ = ["Rehoming", "UnitRegistry"]

_DAY: Final = timedelta(days=1)
_Key = tuple[str, date | None]


def _key(unit: AdministrativeUnit) -> _Key:
    return (unit.code, unit.valid_from)


def _span(unit: AdministrativeUnit) -> str:
    start = "…" if unit.valid_from is None else unit.valid_from.isoformat()
    end = "…" if unit.last_day is None else unit.last_day.isoformat()
    return f"{unit.name} ({start} to {end})"


@attrs.frozen
class Rehoming:
    """Where a unit of one day lies on a later day: one unit, or several if it was split.

    Attributes:
        source: The unit re-homed.
        units: The units it lies in on the later day, in link order.
        links: The succession links followed, in order.
    """

    source: AdministrativeUnit
    units: tuple[AdministrativeUnit, ...]
    links: tuple[Succession, ...] = ()

    @property
    def split(self) -> bool:
        """True if the unit went into several units, or a link on the way was partial."""
        return len(self.units) > 1 or any(link.share is Share.PARTIAL for link in self.links)

    @property
    def code(self) -> str:
        """The code of the unit, or the codes joined by ``+`` for a split (``00008+00025``)."""
        return "+".join(u.code for u in self.units)

    @property
    def name(self) -> str:
        """The name of the unit, or the names joined by `` + `` for a split."""
        return " + ".join(u.name for u in self.units)


def _units(value: Iterable[AdministrativeUnit]) -> tuple[AdministrativeUnit, ...]:
    return tuple(value)


def _links(value: Iterable[Succession]) -> tuple[Succession, ...]:
    return tuple(value)


@attrs.frozen
class UnitRegistry:
    """Administrative units with their validity intervals and many-to-many succession links.

    Attributes:
        units: The units; one code may denote several units on disjoint intervals.
        links: Succession links (an :class:`AdministrativeUnit`'s ``successor`` is shorthand
            for one more full link on its ``valid_until``).
        first_day: The first day the data speaks for (None: no limit); earlier days are refused.

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
    links: tuple[Succession, ...] = attrs.field(default=(), converter=_links)
    first_day: date | None = None
    _by_code: dict[str, list[AdministrativeUnit]] = attrs.field(init=False, repr=False, eq=False)
    _out: dict[_Key, list[tuple[Succession, AdministrativeUnit]]] = attrs.field(
        init=False, repr=False, eq=False
    )
    _in: dict[_Key, list[tuple[Succession, AdministrativeUnit]]] = attrs.field(
        init=False, repr=False, eq=False
    )
    _folded: tuple[tuple[str, AdministrativeUnit], ...] = attrs.field(
        init=False, repr=False, eq=False
    )

    def __attrs_post_init__(self) -> None:
        """Index by code; check intervals of one code are disjoint and links resolve, acyclic."""
        by_code: dict[str, list[AdministrativeUnit]] = {}
        for unit in self.units:
            by_code.setdefault(unit.code, []).append(unit)
        for code, same in by_code.items():
            same.sort(key=lambda u: u.valid_from or date.min)
            for before, after in pairwise(same):
                if (
                    before.valid_until is None
                    or after.valid_from is None
                    or (before.valid_until > after.valid_from)
                ):
                    raise InvalidInputError(
                        "units",
                        "unique unit codes on any day (units sharing a code on disjoint dates)",
                        code,
                    )
        object.__setattr__(self, "_by_code", by_code)
        shorthand = [
            Succession(u.code, u.successor, u.valid_until, Share.FULL, u.basis)
            for u in self.units
            if u.successor is not None
        ]
        out: dict[_Key, list[tuple[Succession, AdministrativeUnit]]] = {}
        into: dict[_Key, list[tuple[Succession, AdministrativeUnit]]] = {}
        for link in (*self.links, *shorthand):
            old = self._resolve(
                link.old, None if link.effective is None else link.effective - _DAY
            )
            new = self._resolve(link.new, link.effective)
            if old is None or new is None:
                raise InvalidInputError(
                    f"succession {link.old} -> {link.new}",
                    "the code of a unit in the registry on the link's dates",
                    link.new if new is None else link.old,
                )
            out.setdefault(_key(old), []).append((link, new))
            into.setdefault(_key(new), []).append((link, old))
        object.__setattr__(self, "_out", out)
        object.__setattr__(self, "_in", into)
        object.__setattr__(self, "_folded", tuple((fold_name(u.name), u) for u in self.units))
        self._check_acyclic()

    def _resolve(self, code: str, day: date | None) -> AdministrativeUnit | None:
        same = self._by_code.get(code)
        if not same:
            return None
        if day is None:
            return same[-1]
        return next((u for u in same if u.exists_on(day)), None)

    def _check_acyclic(self) -> None:
        done: set[_Key] = set()
        for start in self._out:
            path: set[_Key] = set()
            stack: list[tuple[_Key, bool]] = [(start, False)]
            while stack:
                key, leaving = stack.pop()
                if leaving:
                    path.discard(key)
                    done.add(key)
                    continue
                if key in done:
                    continue
                if key in path:
                    raise InvalidInputError(
                        f"unit {key[0]}.successor", "a chain of successors without cycles", key[0]
                    )
                path.add(key)
                stack.append((key, True))
                stack += [(_key(new), False) for _, new in self._out.get(key, ())]

    def __iter__(self) -> Iterator[AdministrativeUnit]:
        """Iterate over the units in registry order."""
        return iter(self.units)

    def __len__(self) -> int:
        """Return the number of units."""
        return len(self.units)

    def _check_day(self, day: date, field: str = "day") -> None:
        if self.first_day is not None and day < self.first_day:
            raise InvalidInputError(
                field,
                f"a day on or after {self.first_day.isoformat()}, the first day of the unit data",
                day.isoformat(),
            )

    def get(self, code: str) -> AdministrativeUnit:
        """Return the latest unit with *code*; prefer :meth:`at` where codes were reused."""
        same = self._by_code.get(code)
        if not same:
            raise NotFoundError("administrative unit", code)
        return same[-1]

    def at(self, code: str, day: date) -> AdministrativeUnit:
        """Return the unit whose code was *code* on *day* (no following of successors).

        Raises:
            InvalidInputError: *day* is before :attr:`first_day`.
            NotFoundError: No unit had that code on *day*.
        """
        self._check_day(day)
        unit = self._resolve(code, day)
        if unit is None:
            others = "; ".join(_span(u) for u in self._by_code.get(code, ()))
            raise NotFoundError(
                "administrative unit",
                f"{code} on {day.isoformat()}",
                f"that code denotes {others}" if others else "check the code",
            )
        return unit

    def on(self, code: str, day: date) -> AdministrativeUnit:
        """Return the unit that *code* denotes on *day*, following successors if it had ended.

        Raises:
            NotFoundError: Unknown code, no unit in its chain existed on *day*, or it was
                split into several units (then :meth:`rehome` lists them).
        """
        self._check_day(day)
        unit = self._resolve(code, day)
        if unit is not None:
            return unit
        earlier = [
            u for u in self._by_code.get(code, ()) if u.valid_until and u.valid_until <= day
        ]
        if not earlier:
            self.get(code)
            return self.at(code, day)
        moved = self._forward(earlier[-1], day, f"{code} on {day.isoformat()}")
        if len(moved.units) > 1:
            raise NotFoundError(
                "administrative unit",
                f"{code} on {day.isoformat()}",
                f"{earlier[-1].name} was split into "
                f"{', '.join(f'{u.code} {u.name}' for u in moved.units)}; "
                "re-home it or ask for its successors",
            )
        return moved.units[0]

    def _forward(self, unit: AdministrativeUnit, day: date, what: str) -> Rehoming:
        units: list[AdministrativeUnit] = []
        followed: list[Succession] = []
        pending = [unit]
        while pending:
            current = pending.pop(0)
            if current.exists_on(day):
                if current not in units:
                    units.append(current)
                continue
            steps = self._out.get(_key(current), [])
            if not steps:
                raise NotFoundError(
                    "administrative unit",
                    what,
                    "no unit in its successor chain existed that day "
                    f"({_span(current)} has no successor)",
                )
            for link, new in steps:
                followed.append(link)
                pending.append(new)
        return Rehoming(unit, tuple(units), tuple(followed))

    def rehome(self, code: str, on: date, to: date) -> Rehoming:
        """Return where the unit *code* of day *on* lies on day *to* (one unit, or several).

        Raises:
            InvalidInputError: *to* is before *on*, or either is before :attr:`first_day`.
            NotFoundError: No unit had *code* on *on*, or its chain ends before *to*.
        """
        unit = self.at(code, on)
        self._check_day(to, "to")
        if to < on:
            raise InvalidInputError("to", f"a day on or after {on.isoformat()}", to.isoformat())
        return self._forward(unit, to, f"{code} of {on.isoformat()} on {to.isoformat()}")

    def links_from(self, code: str, on: date) -> tuple[Succession, ...]:
        """Return the succession links out of the unit *code* of day *on* (its successors)."""
        return tuple(link for link, _ in self._out.get(_key(self.at(code, on)), ()))

    def links_into(self, code: str, on: date) -> tuple[Succession, ...]:
        """Return the succession links into the unit *code* of day *on* (its predecessors)."""
        return tuple(link for link, _ in self._in.get(_key(self.at(code, on)), ()))

    def successors(self, code: str, on: date | None = None) -> tuple[AdministrativeUnit, ...]:
        """Return the units the unit *code* (of day *on*; default its latest) went into."""
        unit = self.get(code) if on is None else self.at(code, on)
        return tuple(new for _, new in self._out.get(_key(unit), ()))

    def predecessors(self, code: str, on: date | None = None) -> tuple[AdministrativeUnit, ...]:
        """Return the units that went (directly) into *code* (of day *on*; default its latest)."""
        unit = self.get(code) if on is None else self.at(code, on)
        return tuple(old for _, old in self._in.get(_key(unit), ()))

    def existing_on(self, day: date, level: Level | None = None) -> tuple[AdministrativeUnit, ...]:
        """Return the units that existed on *day* (optionally of one level)."""
        return tuple(
            u for u in self.units if u.exists_on(day) and (level is None or u.level is level)
        )

    def find(
        self, name: str, on: date | None = None, level: Level | None = None
    ) -> tuple[AdministrativeUnit, ...]:
        """Return the units whose name contains *name*, ignoring accents and case.

        Exact names come first. *on* keeps the units that existed that day; *level* one level.

        Raises:
            InvalidInputError: *name* folds to nothing.
        """
        query = fold_name(name)
        if not query:
            raise InvalidInputError("name", "a unit name or part of one", name)
        if on is not None:
            self._check_day(on, "on")
        hits = [
            (folded != query and not folded.endswith(" " + query), index, unit)
            for index, (folded, unit) in enumerate(self._folded)
            if query in folded
            and (on is None or unit.exists_on(on))
            and (level is None or unit.level is level)
        ]
        return tuple(unit for *_, unit in sorted(hits, key=lambda h: (h[0], h[1])))

    def province_of(self, code: str, day: date) -> AdministrativeUnit:
        """Return the province that the unit *code* lay in on *day* (a province: itself)."""
        unit = self.on(code, day)
        if unit.province is None:
            return unit
        return self.at(unit.province, day)

    def agency_unit(self, agency: AgencyCode | str, day: date) -> AdministrativeUnit:
        """Return the province an agency identifier (QCVN 102:2016) serves on *day*.

        The level-1 segment ``Hnn`` names the province by its statistics code (``H48``: 48,
        Đà Nẵng), as the codes were issued before 2025-07-01; a merged province resolves
        to its successor. Other level-1 segments (ministries: ``Gnn``...) are not units.

        Raises:
            InvalidInputError: The identifier is not of a province-level agency.
        """
        code = agency if isinstance(agency, AgencyCode) else AgencyCode.parse(agency)
        level1 = code.level1
        if not (level1[0] == "H" and level1[1:].isdigit()):
            raise InvalidInputError(
                "agency", "an identifier whose level-1 segment is Hnn (a province)", str(code)
            )
        return self.on(level1[1:], day)
