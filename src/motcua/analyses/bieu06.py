"""The Biểu 06 accumulator: one period's report over dossiers, grouped, mergeable.

:class:`Bieu06` counts dossiers into the columns of :mod:`motcua.analyses.buckets`, grouped
by level, field, agency, channel, or the province or commune of a dossier's unit (its
receiving centre, deciding agency or applicant's locality) as of the dossier's day or
re-homed to a chosen day, so that a report compares years across the 2025 reform.
Accumulators are mergeable: partial results over any split of the dossiers add up exactly
to the result over all of them (associative and commutative), so a report can be computed
per partition (processes, Dask) and combined.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from typing import Final, NamedTuple

import attrs

from motcua.analyses.buckets import COLUMNS, Counts, Placement, ReportPolicy, place
from motcua.analyses.periods import Period
from motcua.domain.dossiers import Clock, Dossier
from motcua.domain.procedures import Catalogue, Channel, NoTimeLimit, Procedure
from motcua.domain.unit_registry import UnitRegistry
from motcua.domain.units import AdministrativeUnit, Level, Share
from motcua.foundation.errors import InvalidInputError, NotFoundError
from motcua.time.deadlines import WorkSchedule, default_schedule
from motcua.time.limits import CountingRule, TimeLimit

__all__ = ["Bieu06", "Dimension", "DossierKeys", "GroupKey", "Report", "UnitRole"]


class Dimension(enum.Enum):
    """What rows a report is grouped by."""

    LEVEL = "level"
    FIELD = "field"
    AGENCY = "agency"
    CHANNEL = "channel"
    #: The province of the dossier's unit (see :class:`UnitRole`); needs a unit registry.
    PROVINCE = "province"
    #: The commune of the dossier's unit; needs a unit registry.
    COMMUNE = "commune"


class UnitRole(enum.Enum):
    """Which of a dossier's units a report groups by province or commune."""

    #: The unit whose one-stop centre received it (``Dossier.receiving_unit``).
    RECEIVING = "receiving"
    #: The unit whose agency decides it (``Dossier.deciding_unit``).
    DECIDING = "deciding"
    #: The applicant's locality (``Dossier.locality``).
    LOCALITY = "locality"


_UNIT_DIMS: Final = frozenset({Dimension.PROVINCE, Dimension.COMMUNE})
#: What joins the units of a split in a group key (``00008+00025 Phường Ngọc Hà + ...``).
SPLIT_MARK: Final = "+"


_INDEX: Final = {name: k for k, name in enumerate(COLUMNS)}


def _increments(p: Placement) -> tuple[int, ...]:
    """Column indexes a placement adds one to."""
    cols = [_INDEX["received_total"]]
    if p.carried:
        cols.append(_INDEX["carried_over"])
    elif p.new_channel is Channel.ONLINE:
        cols.append(_INDEX["received_online"])
    else:
        cols.append(_INDEX["received_in_person_or_postal"])
    if p.resolved is not None:
        cols += [_INDEX["resolved_total"], _INDEX[f"resolved_{p.resolved.value}"]]
    else:
        state = p.pending.value if p.pending is not None else "within"
        cols += [_INDEX["pending_total"], _INDEX[f"pending_{state}"]]
    return tuple(cols)


def columns_of(placement: Placement) -> tuple[int, ...]:
    """The indexes (into :data:`COLUMNS`) of the columns a placement adds one to."""
    return _increments(placement)


GroupKey = tuple[str | int, ...]


class DossierKeys(NamedTuple):
    """What grouping needs to know about a dossier (code, agency, procedure, channel...)."""

    code: str
    agency: str
    procedure: str
    channel: Channel
    level: Level | None
    day: date
    #: The receiving, deciding and locality unit codes (``""``: not recorded).
    units: tuple[str, str, str] = ("", "", "")


@attrs.frozen
class Report:
    """A computed Biểu 06 report.

    Attributes:
        period: The reporting window.
        by: The grouping dimensions, in order.
        policy: The stated choices.
        total: The totals row.
        groups: One row per group key, sorted by key.
        dossiers_read: Dossiers examined (including those outside the period).
    """

    period: Period
    by: tuple[Dimension, ...]
    policy: ReportPolicy
    total: Counts
    groups: tuple[tuple[GroupKey, Counts], ...]
    dossiers_read: int

    @property
    def notes(self) -> tuple[str, ...]:
        """Things a reader of the report must know (straddling the reform...)."""
        notes = []
        if self.period.straddles_reform:
            notes.append(
                "the period straddles 2025-07-01 (two-tier reform): district-level rows "
                "cover the part before it only"
            )
        split = [i for i, d in enumerate(self.by) if d in _UNIT_DIMS]
        if any(SPLIT_MARK in str(key[i]) for key, _ in self.groups for i in split):
            notes.append(
                "a row naming several units joined by '+' counts the dossiers of a unit "
                "split among them (its dossiers are not divided)"
            )
        return tuple(notes)


class Bieu06:
    """A mergeable accumulator for one period's Biểu 06 (mutable while it accumulates).

    >>> from motcua.analyses.periods import parse_period
    >>> acc = Bieu06(parse_period("2024-Q2"))
    >>> acc.result().total.received_total
    0
    """

    __slots__ = (
        "_by",
        "_catalogue",
        "_groups",
        "_key",
        "_read",
        "_rehome_to",
        "_role",
        "_schedule",
        "_units",
        "period",
        "policy",
    )

    def __init__(
        self,
        period: Period,
        *,
        by: Iterable[Dimension] = (),
        catalogue: Catalogue | None = None,
        policy: ReportPolicy | None = None,
        schedule: WorkSchedule | None = None,
        units: UnitRegistry | None = None,
        unit_role: UnitRole = UnitRole.DECIDING,
        rehome_to: date | None = None,
    ) -> None:
        """Start an empty accumulator.

        *catalogue* is needed to group by level or field, *units* (e.g.
        :func:`motcua.unit_registry`) to group by province or commune: the unit *unit_role*
        names, as of each dossier's day, or re-homed to *rehome_to* (a unit split since
        gives one row naming all its successors).
        """
        self.period = period
        self.policy = policy or ReportPolicy()
        self._by = tuple(by)
        needs = {Dimension.LEVEL, Dimension.FIELD} & set(self._by)
        if needs and catalogue is None:
            raise InvalidInputError(
                "catalogue",
                "a Catalogue when grouping by " + " or ".join(sorted(d.value for d in needs)),
                None,
            )
        if _UNIT_DIMS & set(self._by) and units is None:
            raise InvalidInputError(
                "units", "a UnitRegistry when grouping by province or commune", None
            )
        self._units = units
        self._role = unit_role
        self._rehome_to = rehome_to
        self._catalogue = catalogue
        self._schedule = schedule or default_schedule()
        self._groups: dict[GroupKey, list[int]] = {}
        self._read = 0
        self._key = self._key_function()

    def _key_function(self) -> Callable[[DossierKeys], GroupKey]:
        getters = [self._getter(d) for d in self._by]
        return lambda facts: tuple(g(facts) for g in getters)

    def _getter(self, dim: Dimension) -> Callable[[DossierKeys], str | int]:
        if dim is Dimension.AGENCY:
            return lambda f: f.agency
        if dim is Dimension.CHANNEL:
            return lambda f: f.channel.value
        if dim is Dimension.FIELD:
            return lambda f: self._procedure(f).field
        if dim in _UNIT_DIMS:
            return lambda f: self._unit_key(f, dim)
        return self._level

    def _unit_key(self, facts: DossierKeys, dim: Dimension) -> str:
        """``code name`` of the dossier's province or commune; a split joins its units."""
        units = self._units
        if units is None:  # pragma: no cover - checked in __init__
            raise AssertionError
        role = self._role
        field = {UnitRole.RECEIVING: "receiving_unit", UnitRole.DECIDING: "deciding_unit"}
        where = f"dossier {facts.code}.{field.get(role, 'locality')}"
        code = facts.units[list(UnitRole).index(role)]
        if not code:
            raise InvalidInputError(
                where, f"a unit code, to group by {dim.value}", code, "record the unit"
            )
        try:
            found = self._placed(units, code, facts.day)
            if dim is Dimension.PROVINCE:
                day = self._rehome_to or facts.day
                provinces = [units.province_of(u.code, day) for u in found]
                found = tuple(dict.fromkeys(provinces))
        except (InvalidInputError, NotFoundError) as exc:
            raise InvalidInputError(
                where, f"a unit code on {facts.day.isoformat()}", code, str(exc)
            ) from None
        if dim is Dimension.COMMUNE and any(u.level is not Level.COMMUNE for u in found):
            raise InvalidInputError(where, "the code of a commune-level unit", code)
        codes = SPLIT_MARK.join(u.code for u in found)
        return f"{codes} {f' {SPLIT_MARK} '.join(u.name for u in found)}"

    def _placed(self, units: UnitRegistry, code: str, day: date) -> tuple[AdministrativeUnit, ...]:
        to = self._rehome_to
        if to is None:
            return (units.at(code, day),)
        if to >= day:
            return units.rehome(code, day, to).units
        unit = units.at(code, day)  # a later dossier: back to the unit of *to* if one
        while not unit.exists_on(to):
            before = units.links_into(unit.code, unit.valid_from or to)
            olds = units.predecessors(unit.code, unit.valid_from or to)
            if len(olds) != 1 or before[0].share is not Share.FULL:
                raise InvalidInputError(
                    "rehome_to",
                    f"a day on or after {unit.valid_from}, when {unit.name} was formed "
                    "from several units",
                    to.isoformat(),
                )
            unit = olds[0]
        return (unit,)

    def _procedure(self, facts: DossierKeys) -> Procedure:
        if self._catalogue is None:  # pragma: no cover - checked in __init__
            raise AssertionError
        try:
            return self._catalogue.get(facts.procedure)
        except NotFoundError:
            raise InvalidInputError(
                f"dossier {facts.code}.procedure",
                "a procedure listed in the catalogue (to find its field and level)",
                facts.procedure,
                "use a catalogue that lists it",
            ) from None

    def _level(self, facts: DossierKeys) -> str:
        if facts.level is not None:
            return str(facts.level.value)
        levels = self._procedure(facts).levels_on(facts.day)
        if len(levels) != 1:
            raise InvalidInputError(
                f"dossier {facts.code}.level",
                "a level, because procedure "
                f"{facts.procedure} is carried out at "
                + (", ".join(level.value for level in levels) or "no level that day"),
                None,
                "record the level on the dossier",
            )
        return levels[0].value

    def add_clock(
        self,
        facts: DossierKeys,
        clock: Clock,
        clock_before: Callable[[datetime], Clock],
        limit: TimeLimit | NoTimeLimit,
        rule: CountingRule | None,
    ) -> None:
        """Count one dossier given by its facts and clock (the fast readers' entry point).

        A dossier that cannot be placed (its due date outside the calendar, a group the
        catalogue cannot name) raises and leaves the accumulator as it was.
        """
        placement = place(
            clock,
            clock_before=clock_before,
            limit=limit,
            rule=rule,
            channel=facts.channel,
            period=self.period,
            policy=self.policy,
            schedule=self._schedule,
        )
        if placement is None:
            self._read += 1
            return
        key = self._key(facts)
        self._read += 1
        row = self._groups.get(key)
        if row is None:
            row = self._groups[key] = [0] * len(COLUMNS)
        for col in _increments(placement):
            row[col] += 1

    @property
    def schedule(self) -> WorkSchedule:
        """The working schedule due instants are computed on."""
        return self._schedule

    @property
    def grouped(self) -> bool:
        """Whether the report has grouping dimensions (else one row, key ``()``)."""
        return bool(self._by)

    def group_key(self, facts: DossierKeys) -> GroupKey:
        """The row a placed dossier counts in (raises as :meth:`add_clock` would)."""
        return self._key(facts)

    def add_columns(self, key: GroupKey | None, columns: tuple[int, ...]) -> None:
        """Count one dossier placed elsewhere: one in each of *columns*, in row *key*.

        *columns* come from :func:`columns_of` on the dossier's :func:`place`; None: the
        dossier is not in the report (only ``dossiers_read`` grows). The report kernel's
        entry point (``motcua.serialization.kernel``).
        """
        self._read += 1
        if key is None:
            return
        row = self._groups.get(key)
        if row is None:
            row = self._groups[key] = [0] * len(COLUMNS)
        for col in columns:
            row[col] += 1

    def add(self, dossier: Dossier) -> None:
        """Count one dossier (it may fall outside the period; then only ``read`` grows).

        Raises:
            InvalidInputError: Grouping needs a fact the dossier or catalogue lacks.
        """
        log = dossier.clock_log
        facts = DossierKeys(
            str(dossier.code),
            dossier.code.agency_part,
            str(dossier.procedure),
            dossier.channel,
            dossier.level,
            log.reference_day,
            (dossier.receiving_unit, dossier.deciding_unit, dossier.locality),
        )
        self.add_clock(facts, log.fold.clock, log.clock_before, dossier.limit, dossier.rule)

    def add_all(self, dossiers: Iterable[Dossier]) -> Bieu06:
        """Count every dossier; return self (for chaining)."""
        for d in dossiers:
            self.add(d)
        return self

    def merge(self, other: Bieu06) -> Bieu06:
        """Return a new accumulator holding both partial results (exact, order-free).

        Raises:
            InvalidInputError: The two were built for different periods, groupings or policies.
        """
        mine = (self.period, self._by, self.policy, self._role, self._rehome_to)
        if mine != (other.period, other._by, other.policy, other._role, other._rehome_to):
            raise InvalidInputError(
                "Bieu06.merge()",
                "accumulators of the same period, grouping and policy",
                f"{other.period.spec} by {[d.value for d in other._by]}",
            )
        out = Bieu06(
            self.period,
            by=self._by,
            catalogue=self._catalogue,
            policy=self.policy,
            schedule=self._schedule,
            units=self._units,
            unit_role=self._role,
            rehome_to=self._rehome_to,
        )
        out._read = self._read + other._read
        for source in (self._groups, other._groups):
            for key, row in source.items():
                target = out._groups.setdefault(key, [0] * len(COLUMNS))
                for k, value in enumerate(row):
                    target[k] += value
        return out

    def __add__(self, other: Bieu06) -> Bieu06:
        """``a + b`` is ``a.merge(b)``."""
        return self.merge(other)

    def state(self) -> tuple[int, dict[GroupKey, tuple[int, ...]]]:
        """The raw partial state (dossiers read, rows), e.g. to send between processes."""
        return self._read, {k: tuple(v) for k, v in self._groups.items()}

    def load_state(self, state: tuple[int, Mapping[GroupKey, Iterable[int]]]) -> Bieu06:
        """Add a partial state produced by :meth:`state` (from another process)."""
        read, rows = state
        self._read += read
        for key, row in rows.items():
            target = self._groups.setdefault(tuple(key), [0] * len(COLUMNS))
            for k, value in enumerate(row):
                target[k] += value
        return self

    def result(self) -> Report:
        """Freeze the accumulated counts into a :class:`Report`."""
        groups = tuple(
            (key, Counts(*row)) for key, row in sorted(self._groups.items(), key=_sort_key)
        )
        total = Counts()
        for _, counts in groups:
            total += counts
        return Report(self.period, self._by, self.policy, total, groups, self._read)


def _sort_key(item: tuple[GroupKey, list[int]]) -> tuple[str, ...]:
    return tuple(
        f"{type(part).__name__}:{part:>12}" if isinstance(part, int) else str(part)
        for part in item[0]
    )
