"""The statutory clock of a dossier: the one fold of its event log, and the due instant.

A dossier's log is a sequence of dated transition keys (``received``,
``supplement_requested:intake``, ``resolved``…). :func:`replay` folds them through the
transition table (:mod:`motcua.domain.lifecycle`) into one immutable :class:`Fold`: the
status after each event, the instants that matter, and the :class:`Clock` (start, pauses,
end) from which the due instant is computed. :class:`~motcua.domain.dossiers.Dossier` and
the report engine's fast reader both go through this fold, so they cannot disagree.

>>> from datetime import datetime
>>> from motcua.domain.lifecycle import LifecyclePolicy
>>> at = lambda day, hour: datetime(2024, 5, day, hour, tzinfo=VN_TZ)
>>> fold = replay([("received", at(6, 9)), ("transferred", at(6, 10)),
...                ("supplement_requested:appraisal", at(7, 9)),
...                ("supplement_received", at(8, 9))], LifecyclePolicy(), "X")
>>> fold.status.value, len(fold.clock.pauses)
('processing', 1)
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from typing import NamedTuple

import attrs

from motcua.domain.lifecycle import (
    RESUME,
    LifecyclePolicy,
    Stage,
    Status,
    allowed_events,
    transition_target,
)
from motcua.domain.procedures import NoTimeLimit
from motcua.domain.terms import TermStart, start_instant
from motcua.foundation.errors import InvalidInputError, TransitionError
from motcua.foundation.vntime import VN_TZ, vn_instant
from motcua.time.deadlines import Due, Pause, WorkSchedule
from motcua.time.limits import CountingRule, TimeLimit

__all__ = [
    "Clock",
    "ClockLog",
    "Fold",
    "Template",
    "as_of_instant",
    "clock_due",
    "clock_due_at",
    "replay",
    "template",
]

#: One dated event of a log: its transition key and its instant.
Step = tuple[str, datetime]


def as_of_instant(value: datetime | date) -> datetime:
    """Turn an ``as_of`` value into an instant: a date means the end of that day (24:00).

    >>> as_of_instant(date(2024, 3, 14)).isoformat()
    '2024-03-15T00:00:00+07:00'
    """
    if isinstance(value, date) and not isinstance(value, datetime):
        if value == date.max:  # its end is past what a datetime can hold: every event is before it
            return datetime.max.replace(tzinfo=VN_TZ)
        return datetime.combine(value + timedelta(days=1), time.min, tzinfo=VN_TZ)
    return vn_instant(value, "as_of", expected="a datetime or a date (a date means its end)")


@attrs.frozen
class Clock:
    """What the event log says about the statutory clock, in one value.

    This is all a deadline or a report needs.

    Attributes:
        received_at: When the one-stop unit received the dossier (None: not received).
        clock_start: When the term's time started to run, where its law says "kể từ"
            (:class:`~motcua.domain.terms.TermStart`): by default the receipt of the
            complete dossier (the receipt, or the complete supplement when an intake
            request restarts the clock); the submission, or the payment, when the term
            says so. None: not received, or a term that starts on payment not paid yet.
        pauses: Closed intervals excluded from the count (none before the start).
        open_pause: Start of a wait still running that is excluded from the count.
        resolved_at: When processing finished, if it did.
        stopped_at: When processing stopped, if it did.
    """

    received_at: datetime | None
    clock_start: datetime | None
    pauses: tuple[Pause, ...]
    open_pause: datetime | None
    resolved_at: datetime | None
    stopped_at: datetime | None

    def pauses_as_of(self, as_of: datetime | None) -> tuple[Pause, ...]:
        """The excluded intervals, the open one running to *as_of* (ignored if None)."""
        if self.open_pause is None or as_of is None:
            return self.pauses
        return (*self.pauses, Pause(self.open_pause, max(as_of, self.open_pause)))


class Fold(NamedTuple):
    """The whole of an event log folded through the transition table (immutable).

    Attributes:
        status: The status after the last event.
        statuses: The status after each event.
        clock: The statutory clock.
        submitted_at: When the applicant submitted (None: the log starts with the receipt).
        refused_at: When the dossier was refused at intake.
        withdrawal_at: When the applicant asked to withdraw.
        returned_at: When the result was handed over.
        delays: How many apology letters (new appointments) the log holds.
    """

    status: Status
    statuses: tuple[Status, ...]
    clock: Clock
    submitted_at: datetime | None
    refused_at: datetime | None
    withdrawal_at: datetime | None
    returned_at: datetime | None
    delays: int


def _reschedule_error(code: str, status: Status, limit: int, index: int) -> TransitionError:
    return TransitionError(
        code,
        status.value,
        "delay_notified",
        allowed_events(status),
        f"at most {limit} reschedule{'s' if limit != 1 else ''} under the lifecycle "
        "policy (Decree 61/2018: once); pass LifecyclePolicy(max_reschedules=...) "
        "to change it",
        index,
    )


def replay(
    steps: Iterable[Step],
    policy: LifecyclePolicy,
    code: str,
    starts: TermStart = TermStart.COMPLETE_DOSSIER,
) -> Fold:
    """Fold (transition key, instant) pairs through the transition table.

    *starts* is where the term's time starts to run (the clock's start, see
    :class:`Clock`); the default is the receipt of the complete dossier.

    The one fold behind :class:`~motcua.domain.dossiers.Dossier` and the report engine's
    fast reader. The fold depends on the instants only through their order, so it is
    compiled once per sequence of keys (and policy): the fold of that sequence over
    stand-in instants says which event gives each instant of the result. A log whose
    instants are in order is then filled in from that template; any other log is folded
    event by event (and raises the same error as ever).

    Raises:
        TransitionError: An event the table does not allow where it comes.
        InvalidInputError: No event, or an event dated before the previous one.
    """
    steps = steps if type(steps) is tuple else tuple(steps)
    compiled = template(tuple([key for key, _ in steps]), policy, starts)
    if compiled is None:
        return _fold(steps, policy, code, starts)
    ats = [at for _, at in steps]
    previous = ats[0]
    for at in ats:
        if at < previous:
            return _fold(steps, policy, code, starts)  # raises, naming the event
        previous = at
    return compiled.fill(ats)


def template(
    keys: tuple[str, ...],
    policy: LifecyclePolicy,
    starts: TermStart = TermStart.COMPLETE_DOSSIER,
) -> Template | None:
    """The compiled fold of a key sequence: which event gives each instant (None: unlawful).

    Kept per sequence, policy and start; :func:`replay` fills it, the report kernel reads
    its indexes.
    """
    found = _TEMPLATES.get((keys, id(policy), starts))
    if found is not None and found[0] is policy:
        return found[1]
    return _compile(keys, policy, starts)


class Template(NamedTuple):
    """Where each instant of a key sequence's fold comes from: event indexes (-1: none).

    :func:`template` gives it; the fold itself is that of stand-in instants.
    """

    fold: Fold
    received: int
    start: int
    pauses: tuple[tuple[int, int], ...]
    open_pause: int
    resolved: int
    stopped: int
    submitted: int
    refused: int
    withdrawal: int
    returned: int

    def fill(self, ats: list[datetime]) -> Fold:
        """The fold of a log with these keys whose instants, in order, are *ats*."""

        def pick(index: int) -> datetime | None:
            return None if index < 0 else ats[index]

        fold = self.fold
        clock = Clock(
            pick(self.received),
            pick(self.start),
            tuple(Pause(ats[a], ats[b]) for a, b in self.pauses) if self.pauses else (),
            pick(self.open_pause),
            pick(self.resolved),
            pick(self.stopped),
        )
        return Fold(
            fold.status,
            fold.statuses,
            clock,
            pick(self.submitted),
            pick(self.refused),
            pick(self.withdrawal),
            pick(self.returned),
            fold.delays,
        )


#: Templates by key sequence, policy object (kept alive here, so its id stays its own) and
#: term start.
_TEMPLATES: dict[tuple[tuple[str, ...], int, TermStart], tuple[LifecyclePolicy, Template]] = {}
#: Stand-in instants, one minute apart, for compiling a sequence of keys.
_BASE = datetime(2000, 1, 3, tzinfo=VN_TZ)


def _compile(keys: tuple[str, ...], policy: LifecyclePolicy, starts: TermStart) -> Template | None:
    """The template of a key sequence, or None when the sequence is unlawful (or empty)."""
    stand_in = [_BASE + timedelta(minutes=k) for k in range(len(keys))]
    try:
        fold = _fold(tuple(zip(keys, stand_in, strict=True)), policy, "", starts)
    except (TransitionError, InvalidInputError):
        return None
    index = {at: k for k, at in enumerate(stand_in)}

    def where(at: datetime | None) -> int:
        return -1 if at is None else index[at]

    clock = fold.clock
    template = Template(
        fold,
        where(clock.received_at),
        where(clock.clock_start),
        tuple((index[p.start], index[p.end]) for p in clock.pauses),
        where(clock.open_pause),
        where(clock.resolved_at),
        where(clock.stopped_at),
        where(fold.submitted_at),
        where(fold.refused_at),
        where(fold.withdrawal_at),
        where(fold.returned_at),
    )
    if len(_TEMPLATES) < 4096:
        _TEMPLATES[keys, id(policy), starts] = (policy, template)
    return template


def _fold(  # noqa: PLR0915 - one branch per event kind, in table order
    steps: Iterable[Step],
    policy: LifecyclePolicy,
    code: str,
    starts: TermStart = TermStart.COMPLETE_DOSSIER,
) -> Fold:
    """Fold the events one by one (the definition; :func:`replay` compiles it)."""
    status: Status | None = None
    resume_to: Status | None = None
    statuses: list[Status] = []
    submitted = received = start = refused = withdrawal = stopped = resolved = None
    paid: datetime | None = None
    returned: datetime | None = None
    pauses: list[Pause] = []
    open_pause: datetime | None = None
    open_counts = False
    last_stage: Stage | None = None
    delays = 0
    previous: datetime | None = None
    for index, (key, at) in enumerate(steps):
        if previous is not None and at < previous:
            raise InvalidInputError(
                f"dossier {code} events[{index}].at",
                f"an instant at or after the previous event ({previous.isoformat()})",
                at.isoformat(),
                "events are an append-only log in time order; append a correction instead",
            )
        previous = at
        target = transition_target(status, key)
        if target is None:
            raise TransitionError(
                code,
                "new" if status is None else status.value,
                key,
                allowed_events(status),
                index=index,
            )
        kind = key.partition(":")[0]
        if kind == "delay_notified":
            limit = policy.max_reschedules
            if limit is not None and delays >= limit and status is not None:
                raise _reschedule_error(code, status, limit, index)
            delays += 1
        elif kind == "submitted":
            submitted = at
        elif kind == "received":
            received = start = at
        elif kind == "refused":
            refused = at
        elif kind == "supplement_requested":
            last_stage = Stage.INTAKE if key.endswith(":intake") else Stage.APPRAISAL
            resume_to = status
            open_pause = at
            # An intake request after receipt stops the clock too: either it restarts on
            # the complete dossier (the wait is then before the new start and changes
            # nothing), or the wait is a pause (policy).
            open_counts = received is not None and (
                last_stage is Stage.INTAKE or policy.exclude_appraisal_supplement
            )
        elif kind == "obligation_requested":
            resume_to = status
            open_pause = at
            open_counts = policy.exclude_obligation
        elif kind in ("supplement_received", "obligation_fulfilled"):
            restarts = (
                kind == "supplement_received"
                and last_stage is Stage.INTAKE
                and policy.intake_supplement_restarts
            )
            if open_pause is not None and open_counts and not restarts:
                pauses.append(Pause(open_pause, at))
            if restarts and received is not None:
                start = at
            if kind == "obligation_fulfilled":
                paid = at
            open_pause = None
            open_counts = False
        elif kind == "withdrawal_requested":
            withdrawal = at
        elif kind == "stopped":
            stopped = at
        elif kind == "resolved":
            resolved = at
        elif kind == "result_returned":
            returned = at
        if target is RESUME:
            if resume_to is None:  # pragma: no cover - a request records where it came from
                raise AssertionError
            status, resume_to = resume_to, None
        else:
            status = target
            if kind == "withdrawal_requested":
                resume_to = None
        statuses.append(status)
    if status is None:
        raise InvalidInputError(
            f"dossier {code}.events", "at least one event (submitted or received)", []
        )
    if starts is not TermStart.COMPLETE_DOSSIER and received is not None:
        # Where the term says its time starts (ADR 0024); nothing before it is excluded.
        start = start_instant(starts, clock_start=start, submitted=submitted, paid=paid)
        if start is None:
            pauses, open_counts = [], False
        else:
            pauses = [p for p in pauses if p.end > start]
            if open_counts and open_pause is not None and open_pause < start:
                open_pause = start
    clock = Clock(
        received, start, tuple(pauses), open_pause if open_counts else None, resolved, stopped
    )
    return Fold(status, tuple(statuses), clock, submitted, refused, withdrawal, returned, delays)


@attrs.frozen
class ClockLog:
    """A dossier's log as the clock sees it: dated transition keys, policy and code.

    :meth:`Dossier.clock_log <motcua.domain.dossiers.Dossier.clock_log>` gives it; the
    report engine's fast reader builds it from raw records. Both then ask it the same
    questions.

    Attributes:
        steps: The (transition key, instant) pairs, in log order.
        policy: The lifecycle policy the log is folded under.
        code: The dossier code (text), for messages.
        starts: Where the term's time starts to run (default: the complete dossier).
        fold: The fold of the whole log (computed; raises on an unlawful log).
    """

    steps: tuple[Step, ...]
    policy: LifecyclePolicy
    code: str
    starts: TermStart = TermStart.COMPLETE_DOSSIER
    fold: Fold = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        """Fold the log once (raises TransitionError or InvalidInputError)."""
        object.__setattr__(self, "fold", replay(self.steps, self.policy, self.code, self.starts))

    def clock(self, *, before: datetime | None = None) -> Clock:
        """The clock; with *before*, as it stood just before that instant."""
        if before is None or self.steps[-1][1] < before:
            return self.fold.clock
        kept = [step for step in self.steps if step[1] < before]
        if not kept:
            return _NOT_YET
        return replay(kept, self.policy, self.code, self.starts).clock

    def clock_before(self, before: datetime) -> Clock:
        """The clock as it stood just before *before* (events dated earlier only)."""
        return self.clock(before=before)

    @property
    def first_at(self) -> datetime:
        """The instant of the first event."""
        return self.steps[0][1]

    @property
    def reference_day(self) -> date:
        """The day a dossier belongs to: its receipt, else its first event."""
        return (self.fold.clock.received_at or self.first_at).date()


#: The clock of a log with no event yet (before the first event).
_NOT_YET = Clock(None, None, (), None, None, None)


def clock_due(
    clock: Clock,
    limit: TimeLimit | NoTimeLimit,
    rule: CountingRule | None,
    as_of: datetime | None,
    schedule: WorkSchedule,
) -> Due | None:
    """The statutory due instant of a clock under a time limit (None when undetermined).

    Undetermined: not received, no time limit, a term whose start has not come (it starts
    on payment, not made yet), or a wait still running with no *as_of*.
    """
    if clock.clock_start is None or isinstance(limit, NoTimeLimit):
        return None
    if clock.open_pause is not None and as_of is None:
        return None
    return schedule.due(clock.clock_start, limit, rule=rule, pauses=clock.pauses_as_of(as_of))


def clock_due_at(
    clock: Clock,
    limit: TimeLimit,
    rule: CountingRule | None,
    as_of: datetime | None,
    schedule: WorkSchedule,
) -> datetime:
    """The due instant of a received clock under a time limit, as of *as_of* (bulk use).

    Same result as ``clock_due(...).at``; the caller has checked that the clock started and
    that a running wait has an *as_of*.
    """
    if clock.clock_start is None:  # pragma: no cover - checked by the caller
        raise AssertionError
    return schedule.due_instant(
        clock.clock_start, limit, rule=rule, pauses=clock.pauses_as_of(as_of)
    )
