"""Biểu 06: the report on handling administrative procedures, computed from dossiers.

Circular 01/2020/TT-VPCP (in force 15/12/2020), Biểu số 06/VPCP/KSTT "Tình hình, kết quả
giải quyết TTHC tại cơ quan, đơn vị trực tiếp giải quyết TTHC". Column layout read from a
provincial implementation citing the circular [C-impl]; the annex itself was not read.

+-----+---------------------------------+-----------------------------------+
| col | JSON key                        | meaning                           |
+=====+=================================+===================================+
| 3   | ``received_total``              | received: total (4 + 5 + 6)       |
| 4   | ``received_online``             | received in the period online     |
| 5   | ``received_in_person_or_postal``| received in the period otherwise  |
| 6   | ``carried_over``                | from the previous period          |
| 7   | ``resolved_total``              | resolved: total (8 + 9 + 10)      |
| 8   | ``resolved_early``              | trước hạn                         |
| 9   | ``resolved_on_time``            | đúng hạn                          |
| 10  | ``resolved_late``               | quá hạn                           |
| 11  | ``pending_total``               | in progress: total (12 + 13)      |
| 12  | ``pending_within``              | trong hạn                         |
| 13  | ``pending_overdue``             | quá hạn                           |
+-----+---------------------------------+-----------------------------------+

The buckets are defined once, in :func:`classify_for_period`, on top of the one timeliness
function (ADR 0008). The choices (see ``docs/explanation/report-buckets.md``):

* only dossiers the one-stop unit **received** count (TrangThaiHoSo 1 and 3 are "not
  received" in every implementation studied [C-impl]);
* **carried over**: received before the period and not finished when it starts;
* **resolved**: finished in the period; *finished* means resolved (granted or refused on the
  merits), or stopped / withdrawn;
* a **stopped or withdrawn** dossier is classified by its stop instant against its due
  instant, as the DVCQG Decision 766 formula does [C-impl] (policy
  ``StoppedAs.CLASSIFY``); ``StoppedAs.ON_TIME`` counts it on time, as the Thanh Hóa Biểu 06
  export does [C-impl];
* a dossier with **no statutory time limit** is on time when resolved and within time while
  pending (Thanh Hóa SQL: "or no due date at all" [C-impl]);
* **pending**: received by the end of the period and not finished by then; within time or
  overdue as of the end of the period (24:00 of its last day).

With these definitions the identities hold by construction: 3 = 4 + 5 + 6 = 7 + 11,
7 = 8 + 9 + 10, 11 = 12 + 13, and the carry-over of a period equals the pending of the period
before it.

Accumulators are mergeable: partial results over any split of the dossiers add up exactly
to the result over all of them (associative and commutative).
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Final, NamedTuple

import attrs

from motcua.analyses.periods import Period
from motcua.domain.dossiers import Clock, Dossier, clock_due_at
from motcua.domain.procedures import Catalogue, Channel, NoTimeLimit, Procedure
from motcua.domain.timeliness import Granularity, Timeliness, classify
from motcua.domain.units import Level
from motcua.foundation.errors import InvalidInputError, NotFoundError
from motcua.foundation.vntime import VN_TZ
from motcua.time.deadlines import WorkSchedule, default_schedule
from motcua.time.limits import CountingRule, TimeLimit

__all__ = [
    "COLUMNS",
    "Bieu06",
    "Counts",
    "Dimension",
    "DossierKeys",
    "Placement",
    "Report",
    "ReportPolicy",
    "StoppedAs",
    "classify_for_period",
    "percent",
    "place",
    "rate",
    "round_half_up",
]

#: The report's columns, in form order (JSON keys).
COLUMNS: Final = (
    "received_total",
    "received_online",
    "received_in_person_or_postal",
    "carried_over",
    "resolved_total",
    "resolved_early",
    "resolved_on_time",
    "resolved_late",
    "pending_total",
    "pending_within",
    "pending_overdue",
)


def rate(numerator: int, denominator: int) -> Fraction | None:
    """Return ``numerator / denominator`` exactly, or None when the denominator is 0.

    An empty denominator is "not applicable", never 0 % or 100 % (OpenCPS uses both).

    >>> rate(1350, 1360), rate(0, 0)
    (Fraction(135, 136), None)
    """
    return None if denominator == 0 else Fraction(numerator, denominator)


def round_half_up(value: Fraction, places: int = 2) -> Decimal:
    """Return *value* rounded half-up to *places* decimals, exactly (no float on the way).

    >>> round_half_up(Fraction(1, 8)), round_half_up(Fraction(-1, 8))
    (Decimal('0.13'), Decimal('-0.13'))
    """
    quantum = Decimal(1).scaleb(-places)
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return exact.quantize(quantum, rounding=ROUND_HALF_UP)


def percent(value: Fraction | None, places: int = 2) -> Decimal | None:
    """Return *value* x 100 rounded half-up to *places* decimals (None stays None).

    >>> percent(Fraction(135, 136))
    Decimal('99.26')
    """
    return None if value is None else round_half_up(value * 100, places)


@attrs.frozen
class Counts:
    """The eleven columns of Biểu 06 for one row (or the total). Exact integers."""

    received_total: int = 0
    received_online: int = 0
    received_in_person_or_postal: int = 0
    carried_over: int = 0
    resolved_total: int = 0
    resolved_early: int = 0
    resolved_on_time: int = 0
    resolved_late: int = 0
    pending_total: int = 0
    pending_within: int = 0
    pending_overdue: int = 0

    def __add__(self, other: Counts) -> Counts:
        """Add two rows column by column."""
        return Counts(*(a + b for a, b in zip(self.as_tuple(), other.as_tuple(), strict=True)))

    def as_tuple(self) -> tuple[int, ...]:
        """The columns in form order."""
        return attrs.astuple(self)

    def as_dict(self) -> dict[str, int]:
        """The columns as a JSON object."""
        return dict(zip(COLUMNS, self.as_tuple(), strict=True))

    @property
    def resolved_in_time(self) -> int:
        """Early plus on time, the figure many published reports give."""
        return self.resolved_early + self.resolved_on_time

    @property
    def on_time_rate(self) -> Fraction | None:
        """(early + on time) / resolved; None when nothing was resolved."""
        return rate(self.resolved_in_time, self.resolved_total)

    def problems(self) -> tuple[str, ...]:
        """The identities that fail (empty for every report motcua computes)."""
        out = []
        if self.received_total != (
            self.carried_over + self.received_online + self.received_in_person_or_postal
        ):
            out.append("received_total != carried_over + received_online + in_person_or_postal")
        if self.received_total != self.resolved_total + self.pending_total:
            out.append("received_total != resolved_total + pending_total")
        if self.resolved_total != (
            self.resolved_early + self.resolved_on_time + self.resolved_late
        ):
            out.append("resolved_total != early + on_time + late")
        if self.pending_total != self.pending_within + self.pending_overdue:
            out.append("pending_total != within + overdue")
        return tuple(out)


class StoppedAs(enum.Enum):
    """How a stopped or withdrawn dossier counts among the resolved ones."""

    #: By its stop instant against its due instant (DVCQG Decision 766 formula [C-impl]).
    CLASSIFY = "classify"
    #: Always on time (Thanh Hóa Biểu 06 export [C-impl]).
    ON_TIME = "on_time"


class Dimension(enum.Enum):
    """What rows a report is grouped by."""

    LEVEL = "level"
    FIELD = "field"
    AGENCY = "agency"
    CHANNEL = "channel"


@attrs.frozen
class ReportPolicy:
    """The report's stated choices.

    Attributes:
        granularity: How "late" and "overdue" are judged (instant by default, ADR 0008).
        stopped: How stopped and withdrawn dossiers count (classified, by default).
    """

    granularity: Granularity = Granularity.INSTANT
    stopped: StoppedAs = StoppedAs.CLASSIFY


@attrs.frozen
class Placement:
    """Where one dossier falls in one period's report (None fields: not in that column).

    Attributes:
        carried: Received before the period and not finished when it starts.
        new_channel: Received in the period through this channel.
        resolved: Finished in the period: early, on time or late.
        pending: Not finished at the end of the period: within or overdue.
    """

    carried: bool
    new_channel: Channel | None
    resolved: Timeliness | None
    pending: Timeliness | None


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=VN_TZ)


def place(
    clock: Clock,
    *,
    clock_before: Callable[[datetime], Clock],
    limit: TimeLimit | NoTimeLimit,
    rule: CountingRule | None,
    channel: Channel,
    period: Period,
    policy: ReportPolicy,
    schedule: WorkSchedule,
) -> Placement | None:
    """Place one dossier's clock in a period's report: the one definition of the buckets.

    *clock* is the whole log's clock; *clock_before(t)* gives the clock of the events dated
    before *t* (used for a dossier still pending at the end of the period, judged as of
    then). Returns None when the dossier is not in the report: not received, received after
    the period, or finished before it.
    """
    received = clock.received_at
    if received is None:
        return None
    start, end = _day_start(period.start), _day_start(period.end + timedelta(days=1))
    if received >= end:
        return None
    stopped = clock.stopped_at if clock.resolved_at is None else None
    ended = clock.resolved_at or stopped
    if ended is not None and ended < start:
        return None
    carried = received < start
    new_channel = None if carried else channel
    if ended is not None and ended < end:
        if isinstance(limit, NoTimeLimit) or (
            stopped is not None and policy.stopped is StoppedAs.ON_TIME
        ):
            return Placement(carried, new_channel, Timeliness.ON_TIME, None)
        due_at = clock_due_at(clock, limit, rule, ended, schedule)
        outcome = classify(due_at, finished=ended, granularity=policy.granularity)
        return Placement(carried, new_channel, outcome, None)
    if isinstance(limit, NoTimeLimit):
        return Placement(carried, new_channel, None, Timeliness.WITHIN)
    due_at = clock_due_at(clock_before(end), limit, rule, end, schedule)
    state = classify(due_at, as_of=end, granularity=policy.granularity)
    return Placement(carried, new_channel, None, state)


def classify_for_period(
    dossier: Dossier,
    period: Period,
    *,
    policy: ReportPolicy | None = None,
    schedule: WorkSchedule | None = None,
) -> Placement | None:
    """Place one dossier in a period's report, or return None if it does not appear in it.

    See :func:`place` (the bucket definitions are in the module docstring).
    """
    return place(
        dossier.clock(),
        clock_before=lambda before: dossier.clock(before=before),
        limit=dossier.limit,
        rule=dossier.rule,
        channel=dossier.channel,
        period=period,
        policy=policy or ReportPolicy(),
        schedule=schedule or default_schedule(),
    )


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


GroupKey = tuple[str | int, ...]


class DossierKeys(NamedTuple):
    """What grouping needs to know about a dossier (code, agency, procedure, channel...)."""

    code: str
    agency: str
    procedure: str
    channel: Channel
    level: Level | None
    day: date


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
        return tuple(notes)


class Bieu06:
    """A mergeable accumulator for one period's Biểu 06 (mutable while it accumulates).

    >>> from motcua.analyses.periods import parse_period
    >>> acc = Bieu06(parse_period("2024-Q2"))
    >>> acc.result().total.received_total
    0
    """

    __slots__ = ("_by", "_catalogue", "_groups", "_key", "_read", "_schedule", "period", "policy")

    def __init__(
        self,
        period: Period,
        *,
        by: Iterable[Dimension] = (),
        catalogue: Catalogue | None = None,
        policy: ReportPolicy | None = None,
        schedule: WorkSchedule | None = None,
    ) -> None:
        """Start an empty accumulator; *catalogue* is needed to group by level or field."""
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
        return self._level

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
                "pass the catalogue that lists it (--catalogue)",
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
        """Count one dossier given by its facts and clock (the fast readers' entry point)."""
        self._read += 1
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
            return
        key = self._key(facts)
        row = self._groups.get(key)
        if row is None:
            row = self._groups[key] = [0] * len(COLUMNS)
        for col in _increments(placement):
            row[col] += 1

    def add(self, dossier: Dossier) -> None:
        """Count one dossier (it may fall outside the period; then only ``read`` grows).

        Raises:
            InvalidInputError: Grouping needs a fact the dossier or catalogue lacks.
        """
        clock = dossier.clock()
        received = clock.received_at
        facts = DossierKeys(
            str(dossier.code),
            str(dossier.code.agency),
            str(dossier.procedure),
            dossier.channel,
            dossier.level,
            (received or dossier.events[0].at).date(),
        )
        self.add_clock(
            facts,
            clock,
            lambda before: dossier.clock(before=before),
            dossier.limit,
            dossier.rule,
        )

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
        if (self.period, self._by, self.policy) != (other.period, other._by, other.policy):
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
