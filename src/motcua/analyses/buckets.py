"""Biểu 06 columns and buckets: where one dossier falls in one period's report.

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
* a dossier whose term has **not started** (it starts on payment, ADR 0024, and the
  applicant has not paid) is counted like one with no time limit: its time cannot have run
  out;
* **pending**: received by the end of the period and not finished by then; within time or
  overdue as of the end of the period (24:00 of its last day).

With these definitions the identities hold by construction: 3 = 4 + 5 + 6 = 7 + 11,
7 = 8 + 9 + 10, 11 = 12 + 13, and the carry-over of a period equals the pending of the period
before it.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from fractions import Fraction
from typing import Final

import attrs

from motcua.analyses.periods import Period
from motcua.analyses.rates import rate
from motcua.domain.dossiers import Clock, Dossier, clock_due_at
from motcua.domain.procedures import Channel, NoTimeLimit
from motcua.domain.timeliness import Granularity, Timeliness, classify
from motcua.foundation.vntime import VN_TZ
from motcua.time.deadlines import WorkSchedule, default_schedule
from motcua.time.limits import CountingRule, TimeLimit

__all__ = [
    "COLUMNS",
    "Counts",
    "Placement",
    "ReportPolicy",
    "StoppedAs",
    "classify_for_period",
    "place",
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


_BOUNDS: dict[Period, tuple[datetime, datetime]] = {}
_LAST: list[tuple[Period, tuple[datetime, datetime]]] = []


def period_bounds(period: Period) -> tuple[datetime, datetime]:
    """The period's first instant and the instant just after it (24:00 of its last day).

    Computed once per period (a report asks for every dossier).

    >>> from motcua.analyses.periods import parse_period
    >>> [b.isoformat() for b in period_bounds(parse_period("2024-Q1"))]
    ['2023-12-15T00:00:00+07:00', '2024-03-15T00:00:00+07:00']
    """
    if _LAST and _LAST[0][0] is period:  # the same period object, record after record
        return _LAST[0][1]
    bounds = _BOUNDS.get(period)
    if bounds is None:
        bounds = (_day_start(period.start), _day_start(period.end + timedelta(days=1)))
        if len(_BOUNDS) < 256:
            _BOUNDS[period] = bounds
    _LAST[:] = [(period, bounds)]
    return bounds


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
    start, end = period_bounds(period)
    if received >= end:
        return None
    stopped = clock.stopped_at if clock.resolved_at is None else None
    ended = clock.resolved_at or stopped
    if ended is not None and ended < start:
        return None
    carried = received < start
    new_channel = None if carried else channel
    if ended is not None and ended < end:
        if (
            isinstance(limit, NoTimeLimit)
            or clock.clock_start is None
            or (stopped is not None and policy.stopped is StoppedAs.ON_TIME)
        ):
            return Placement(carried, new_channel, Timeliness.ON_TIME, None)
        due_at = clock_due_at(clock, limit, rule, ended, schedule)
        outcome = classify(due_at, finished=ended, granularity=policy.granularity)
        return Placement(carried, new_channel, outcome, None)
    if isinstance(limit, NoTimeLimit):
        return Placement(carried, new_channel, None, Timeliness.WITHIN)
    before = clock_before(end)
    if before.clock_start is None:  # a term that starts on payment, not paid by the end
        return Placement(carried, new_channel, None, Timeliness.WITHIN)
    due_at = clock_due_at(before, limit, rule, end, schedule)
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
