"""Dossiers (hồ sơ): an append-only event log, folded into status, clock and timeliness.

A :class:`Dossier` is a frozen value: its code, procedure, channel, the time limit that
applied when it was received (taken from the procedure's term for that channel), and its
events. :meth:`Dossier.apply` returns a new dossier with one more event, after checking it
against the transition table; nothing is ever edited in place. Everything else (status,
pauses, due instant, appointment, timeliness, remaining time, per-step timeliness) is
derived by replaying the events, so replaying any prefix gives what that prefix gave.

>>> from datetime import datetime
>>> from motcua.domain.codes import DossierCode
>>> from motcua.time.limits import WorkingDays
>>> d = Dossier(
...     code=DossierCode.parse("000.00.53.H48-240506-0001"),
...     procedure="1.004222", channel=Channel.IN_PERSON, limit=WorkingDays(7),
...     events=(Received(datetime(2024, 5, 6, 9, 0)),))
>>> str(d.due().at)
'2024-05-15 09:00:00+07:00'
>>> d.apply(ResultReturned(datetime(2024, 5, 7, 9, 0)))
Traceback (most recent call last):
...
motcua.foundation.errors.TransitionError: dossier 000.00.53.H48-240506-0001:
event 'result_returned' is not allowed in status 'received';
allowed there: supplement_requested:intake, transferred, ...
>>> d = d.apply(Transferred(datetime(2024, 5, 6, 10, 0), "Công an xã"))
>>> d = d.apply(Resolved(datetime(2024, 5, 14, 16, 0)))
>>> d.status.code, d.timeliness().value
(9, 'early')
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from typing import Final, TypeVar

import attrs

from motcua.domain.codes import DossierCode, ProcedureCode
from motcua.domain.lifecycle import (
    EVENT_TYPES,
    RESUME,
    DelayNotified,
    Event,
    LifecyclePolicy,
    Received,
    Resolved,
    ResultReturned,
    Stage,
    Status,
    Submitted,
    SupplementReceived,
    SupplementRequested,
    Transferred,
    allowed_events,
    event_key,
    transition_target,
)
from motcua.domain.procedures import Channel, NoTimeLimit, Procedure
from motcua.domain.timeliness import Granularity, Timeliness, classify
from motcua.domain.units import Level
from motcua.foundation.errors import InvalidInputError, TransitionError
from motcua.foundation.vntime import VN_TZ, to_vn
from motcua.time.deadlines import Due, Pause, WorkSchedule, default_schedule
from motcua.time.limits import CountingRule, TimeLimit, resolve_rule

__all__ = [
    "Clock",
    "DigitalFacts",
    "Dossier",
    "Step",
    "SupplementRecord",
    "as_of_instant",
    "clock_due",
    "clock_due_at",
    "replay",
]


_E = TypeVar("_E")
_EVENT_CLASSES: Final = frozenset(EVENT_TYPES.values())


def as_of_instant(value: datetime | date) -> datetime:
    """Turn an ``as_of`` value into an instant: a date means the end of that day (24:00).

    >>> as_of_instant(date(2024, 3, 14)).isoformat()
    '2024-03-15T00:00:00+07:00'
    """
    if isinstance(value, datetime):
        return value.replace(tzinfo=VN_TZ) if value.tzinfo is None else to_vn(value)
    if isinstance(value, date):
        return datetime.combine(value + timedelta(days=1), time.min, tzinfo=VN_TZ)
    raise InvalidInputError("as_of", "a datetime or a date (a date means its end)", value)


def _flag(value: object) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    raise InvalidInputError("DigitalFacts", "true, false or null (unknown)", value)


@attrs.frozen
class DigitalFacts:
    """Facts about a dossier's electronic handling, for the Decision 766 indicators.

    Each is True, False, or None when the source does not say (never guessed). The DVCQG
    sync fields they correspond to are named (reporting digest §6, [C-impl]).

    Attributes:
        fee_bearing: A fee or charge was payable (synced fee list not all zero).
        paid_online: Paid online (``DuocThanhToanTrucTuyen`` 1: on DVCQG, 2: provincial).
        digitized: The dossier's components were digitised (``HoSoCoThanhPhanSoHoa``).
        electronic_result: The result was issued as an electronic file
            (``DuongDanTepTinKetQua``).
    """

    fee_bearing: bool | None = attrs.field(default=None, converter=_flag)
    paid_online: bool | None = attrs.field(default=None, converter=_flag)
    digitized: bool | None = attrs.field(default=None, converter=_flag)
    electronic_result: bool | None = attrs.field(default=None, converter=_flag)


@attrs.frozen
class SupplementRecord:
    """One supplement request and its answer (the DVCQG ``DanhSachHoSoBoSung`` row).

    Attributes:
        stage: Intake or appraisal.
        requested_at: When the request (form 02) was issued.
        received_at: When the applicant supplied it (None while waiting).
        reason: Why, as written on the request.
    """

    stage: Stage
    requested_at: datetime
    received_at: datetime | None
    reason: str = ""


@attrs.frozen
class Step:
    """One inter-agency step (a row of the control slip, Circular 01/2018 form 05).

    Attributes:
        agency: The agency that held the dossier.
        started_at: When it was handed over.
        ended_at: When the step ended (next handover, resolution or stop); None if open.
        allotted: The working time allotted to the step, if any.
        due: The step's due instant (paused time excluded), if it has an allotment.
        timeliness: Early / on time / late, or within / overdue as of the instant asked.
    """

    agency: str
    started_at: datetime
    ended_at: datetime | None
    allotted: TimeLimit | None
    due: datetime | None
    timeliness: Timeliness | None


def _code(value: object) -> DossierCode:
    if isinstance(value, DossierCode):
        return value
    if isinstance(value, str):
        return DossierCode.parse(value)
    raise InvalidInputError("Dossier.code", "a DossierCode or a string", value)


def _procedure(value: object) -> ProcedureCode:
    if isinstance(value, ProcedureCode):
        return value
    if isinstance(value, str):
        return ProcedureCode.parse(value)
    raise InvalidInputError("Dossier.procedure", "a ProcedureCode or a string", value)


def _channel(value: object) -> Channel:
    return Channel.from_code(value, "Dossier.channel")


@attrs.frozen
class Clock:
    """What the event log says about the statutory clock, in one value.

    This is all a deadline or a report needs; :meth:`Dossier.clock` gives it, and the
    report engine's fast reader builds the same value from raw records through the same
    fold (:func:`replay`).

    Attributes:
        received_at: When the one-stop unit received the dossier (None: not received).
        clock_start: When the statutory time started (receipt, or the complete dossier).
        pauses: Closed intervals excluded from the count.
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


class _Core:
    """The fold's running state (internal, mutable while replaying)."""

    __slots__ = (
        "clock_start",
        "delays",
        "last_stage",
        "open_counts",
        "open_pause",
        "pauses",
        "received_at",
        "refused_at",
        "resolved_at",
        "resume_to",
        "returned_at",
        "status",
        "statuses",
        "stopped_at",
        "submitted_at",
        "withdrawal_at",
    )

    def __init__(self) -> None:
        self.status: Status | None = None
        self.resume_to: Status | None = None
        self.submitted_at: datetime | None = None
        self.received_at: datetime | None = None
        self.clock_start: datetime | None = None
        self.pauses: list[Pause] = []
        self.open_pause: datetime | None = None
        self.open_counts = False
        self.last_stage: Stage | None = None
        self.delays = 0
        self.refused_at: datetime | None = None
        self.withdrawal_at: datetime | None = None
        self.stopped_at: datetime | None = None
        self.resolved_at: datetime | None = None
        self.returned_at: datetime | None = None
        self.statuses: list[Status] = []

    def clock(self) -> Clock:
        return Clock(
            self.received_at,
            self.clock_start,
            tuple(self.pauses),
            self.open_pause if self.open_counts else None,
            self.resolved_at,
            self.stopped_at,
        )


def _reschedule_error(code: str, status: Status, limit: int) -> TransitionError:
    return TransitionError(
        code,
        status.value,
        "delay_notified",
        allowed_events(status),
        f"at most {limit} reschedule{'s' if limit != 1 else ''} under the lifecycle "
        "policy (Decree 61/2018: once); pass LifecyclePolicy(max_reschedules=...) "
        "to change it",
    )


def _apply(  # noqa: PLR0915 - one branch per event kind, in table order
    core: _Core, key: str, at: datetime, policy: LifecyclePolicy, code: str
) -> None:
    """Apply one event, given by its transition key and instant, to the running fold."""
    current = core.status
    target = transition_target(current, key)
    if target is None:
        raise TransitionError(
            code, "new" if current is None else current.value, key, allowed_events(current)
        )
    kind = key.partition(":")[0]
    if kind == "delay_notified":
        limit = policy.max_reschedules
        if limit is not None and core.delays >= limit and current is not None:
            raise _reschedule_error(code, current, limit)
        core.delays += 1
    elif kind == "submitted":
        core.submitted_at = at
    elif kind == "received":
        core.received_at = core.clock_start = at
    elif kind == "refused":
        core.refused_at = at
    elif kind == "supplement_requested":
        stage = Stage.INTAKE if key.endswith(":intake") else Stage.APPRAISAL
        core.resume_to = current
        core.last_stage = stage
        core.open_pause = at
        # An intake request after receipt stops the clock too: either it restarts on the
        # complete dossier (the wait is then before the new start and changes nothing), or
        # the wait is a pause (policy).
        core.open_counts = core.received_at is not None and (
            stage is Stage.INTAKE or policy.exclude_appraisal_supplement
        )
    elif kind == "obligation_requested":
        core.resume_to = current
        core.open_pause = at
        core.open_counts = policy.exclude_obligation
    elif kind in ("supplement_received", "obligation_fulfilled"):
        restarts = (
            kind == "supplement_received"
            and core.last_stage is Stage.INTAKE
            and policy.intake_supplement_restarts
        )
        if core.open_pause is not None and core.open_counts and not restarts:
            core.pauses.append(Pause(core.open_pause, at))
        if restarts and core.received_at is not None:
            core.clock_start = at
        core.open_pause = None
        core.open_counts = False
    elif kind == "withdrawal_requested":
        core.withdrawal_at = at
    elif kind == "stopped":
        core.stopped_at = at
    elif kind == "resolved":
        core.resolved_at = at
    elif kind == "result_returned":
        core.returned_at = at
    if target is RESUME:
        status = core.resume_to
        if status is None:  # pragma: no cover - a request always records where it came from
            raise AssertionError
        core.resume_to = None
    else:
        status = target
        if kind == "withdrawal_requested":
            core.resume_to = None
    core.status = status
    core.statuses.append(status)


def replay(
    steps: Iterable[tuple[str, datetime]],
    policy: LifecyclePolicy,
    code: str,
) -> _Core:
    """Fold (transition key, instant) pairs through the transition table.

    The one fold behind :class:`Dossier` and the report engine's fast reader.

    Raises:
        TransitionError: An event the table does not allow where it comes.
        InvalidInputError: An event dated before the previous one.
    """
    core = _Core()
    previous: datetime | None = None
    for k, (key, at) in enumerate(steps):
        if previous is not None and at < previous:
            raise InvalidInputError(
                f"dossier {code} events[{k}].at",
                f"an instant at or after the previous event ({previous.isoformat()})",
                at.isoformat(),
                "events are an append-only log in time order; append a correction instead",
            )
        _apply(core, key, at, policy, code)
        previous = at
    return core


def clock_due(
    clock: Clock,
    limit: TimeLimit | NoTimeLimit,
    rule: CountingRule | None,
    as_of: datetime | None,
    schedule: WorkSchedule,
) -> Due | None:
    """The statutory due instant of a clock under a time limit (None when undetermined).

    Undetermined: not received, no time limit, or a wait still running with no *as_of*.
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


def _events(value: Iterable[Event]) -> tuple[Event, ...]:
    return tuple(value)


@attrs.frozen
class Dossier:
    """A dossier: its identity, the terms it is judged by, and its event log.

    Attributes:
        code: The dossier code (Circular 01/2018 Art. 19).
        procedure: The procedure code.
        channel: The channel actually used (``KenhThucHien``).
        limit: The statutory time limit that applied on receipt, or :class:`NoTimeLimit`.
        events: The event log, in time order; at least one event.
        rule: The counting rule (None: the limit's default).
        case: The procedure case the terms were taken from, if any.
        applicant: The applicant's name (``ChuHoSo``).
        subject: What is requested (``TrichYeuHoSo``).
        level: The level it is handled at, when the procedure has several (e.g. a
            certification at district or commune level); reports need it to group by level.
        facts: Electronic-handling facts (payment, digitisation, electronic result).
        policy: The lifecycle policy the log is checked and folded under.
    """

    code: DossierCode = attrs.field(converter=_code)
    procedure: ProcedureCode = attrs.field(converter=_procedure)
    channel: Channel = attrs.field(converter=_channel)
    limit: TimeLimit | NoTimeLimit
    events: tuple[Event, ...] = attrs.field(converter=_events)
    rule: CountingRule | None = None
    case: str = ""
    applicant: str = ""
    subject: str = ""
    level: Level | None = None
    facts: DigitalFacts = attrs.field(factory=DigitalFacts)
    policy: LifecyclePolicy = attrs.field(factory=LifecyclePolicy)
    _core: _Core = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        """Check the limit and rule, then replay the events through the transition table."""
        if not isinstance(self.limit, NoTimeLimit):
            resolve_rule(self.limit, self.rule)
        elif self.rule is not None:
            raise InvalidInputError(
                f"dossier {self.code}.rule", "None when there is no time limit", self.rule
            )
        if self.level is not None and not isinstance(self.level, Level):
            raise InvalidInputError(f"dossier {self.code}.level", "a Level or None", self.level)
        if not self.events:
            raise InvalidInputError(
                f"dossier {self.code}.events",
                "at least one event (submitted or received)",
                [],
            )
        for k, event in enumerate(self.events):
            if type(event) not in _EVENT_CLASSES:
                raise InvalidInputError(
                    f"dossier {self.code} events[{k}]", "a lifecycle event", event
                )
        steps = [(event_key(e), e.at) for e in self.events]
        object.__setattr__(self, "_core", replay(steps, self.policy, str(self.code)))

    # -- building -------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        code: DossierCode | str,
        procedure: Procedure,
        channel: Channel | int,
        first: Submitted | Received,
        *,
        case: str | None = None,
        applicant: str = "",
        subject: str = "",
        level: Level | None = None,
        policy: LifecyclePolicy | None = None,
    ) -> Dossier:
        """Start a dossier for *procedure* on *channel*, taking the term for that channel.

        Raises:
            NotFoundError: The procedure is not offered on that channel (or case).
        """
        term = procedure.term(channel, case)
        return cls(
            code=code,
            procedure=procedure.code,
            channel=term.channel,
            limit=term.limit,
            rule=term.rule,
            case=term.case,
            events=(first,),
            applicant=applicant,
            subject=subject,
            level=level,
            policy=policy or LifecyclePolicy(),
        )

    def apply(self, event: Event) -> Dossier:
        """Return this dossier with *event* appended (checked against the transition table).

        Raises:
            TransitionError: The event is not allowed in the current status.
            InvalidInputError: The event is dated before the previous one.
        """
        return attrs.evolve(self, events=(*self.events, event))

    def as_of(self, at: datetime | date) -> Dossier | None:
        """Return the dossier as it stood at *at* (events up to and including it), or None.

        A date means the end of that day: every event dated that day or earlier, none dated
        the next day (so 00:00 of the next day belongs to the next day, as in reports).
        """
        cut = as_of_instant(at)
        if isinstance(at, datetime):
            kept = tuple(e for e in self.events if e.at <= cut)
        else:
            kept = tuple(e for e in self.events if e.at < cut)
        if len(kept) == len(self.events):
            return self
        return attrs.evolve(self, events=kept) if kept else None

    # -- status and facts -----------------------------------------------------------------

    def _last(self, cls: type[_E]) -> _E | None:
        for event in reversed(self.events):
            if isinstance(event, cls):
                return event
        return None

    @property
    def status(self) -> Status:
        """The current status."""
        status = self._core.status
        if status is None:  # pragma: no cover - a dossier has at least one event
            raise AssertionError
        return status

    @property
    def statuses(self) -> tuple[Status, ...]:
        """The status after each event (a replay of the log)."""
        return tuple(self._core.statuses)

    @property
    def dvcqg_status(self) -> int:
        """The DVCQG ``TrangThaiHoSo`` code of the current status (1-10)."""
        return self.status.code

    @property
    def submitted_at(self) -> datetime | None:
        """When the applicant submitted (the first event's instant if it was a receipt)."""
        return self._core.submitted_at or self.events[0].at

    @property
    def received_at(self) -> datetime | None:
        """When the one-stop unit received the dossier (None if not received)."""
        return self._core.received_at

    @property
    def printed_appointment(self) -> datetime | None:
        """The appointment printed on the receipt (form 01), if it was recorded."""
        received = self._last(Received)
        return None if received is None else received.appointment

    @property
    def clock_started_at(self) -> datetime | None:
        """When the statutory time started to run (receipt, or the complete dossier)."""
        return self._core.clock_start

    @property
    def supplements(self) -> tuple[SupplementRecord, ...]:
        """Supplement requests and answers, in order."""
        out: list[SupplementRecord] = []
        for event in self.events:
            if isinstance(event, SupplementRequested):
                out.append(SupplementRecord(event.stage, event.at, None, event.reason))
            elif isinstance(event, SupplementReceived) and out:
                out[-1] = attrs.evolve(out[-1], received_at=event.at)
        return tuple(out)

    @property
    def delays(self) -> tuple[DelayNotified, ...]:
        """Apology letters with new appointments, in order."""
        return tuple(e for e in self.events if isinstance(e, DelayNotified))

    @property
    def transfers(self) -> tuple[Transferred, ...]:
        """Inter-agency handovers, in order."""
        return tuple(e for e in self.events if isinstance(e, Transferred))

    @property
    def refused_at(self) -> datetime | None:
        """When the dossier was refused at intake."""
        return self._core.refused_at

    @property
    def stopped_at(self) -> datetime | None:
        """When processing stopped."""
        return self._core.stopped_at

    @property
    def withdrawal_requested_at(self) -> datetime | None:
        """When the applicant asked to withdraw."""
        return self._core.withdrawal_at

    @property
    def resolved_at(self) -> datetime | None:
        """When processing finished (``NgayKetThucXuLy``)."""
        return self._core.resolved_at

    @property
    def resolution(self) -> Resolved | None:
        """The resolution event, if any."""
        return self._last(Resolved)

    @property
    def returned_at(self) -> datetime | None:
        """When the result was handed over (``NgayTra``)."""
        return self._core.returned_at

    @property
    def return_event(self) -> ResultReturned | None:
        """The result-returned event, if any."""
        return self._last(ResultReturned)

    @property
    def paused(self) -> bool:
        """True while the clock is stopped (waiting for the applicant)."""
        return self._core.open_pause is not None and self._core.open_counts

    def clock(self, *, before: datetime | None = None) -> Clock:
        """The statutory clock in one value (receipt, start, pauses, end).

        With *before*, the clock as it stood just before that instant (events dated
        earlier only), e.g. at the end of a reporting period.
        """
        if before is None or self.events[-1].at < before:
            return self._core.clock()
        steps = [(event_key(e), e.at) for e in self.events if e.at < before]
        return replay(steps, self.policy, str(self.code)).clock()

    def pauses(self, *, as_of: datetime | date | None = None) -> tuple[Pause, ...]:
        """The intervals excluded from the count; an open one runs to *as_of* if given."""
        return self.clock().pauses_as_of(None if as_of is None else as_of_instant(as_of))

    # -- the clock ----------------------------------------------------------------------

    def due(
        self, *, as_of: datetime | date | None = None, schedule: WorkSchedule | None = None
    ) -> Due | None:
        """The statutory due instant, derived from the clock start, limit and pauses.

        None when the dossier has not been received, has no time limit, or is waiting for
        the applicant and no *as_of* says how long the wait has lasted.
        """
        return clock_due(
            self.clock(),
            self.limit,
            self.rule,
            None if as_of is None else as_of_instant(as_of),
            schedule or default_schedule(),
        )

    def appointment(
        self, *, as_of: datetime | date | None = None, schedule: WorkSchedule | None = None
    ) -> datetime | None:
        """The return instant the applicant was last promised (``NgayHenTra``).

        The latest apology letter's new appointment if any, else the statutory due instant.
        """
        delay = self._last(DelayNotified)
        if delay is not None:
            return delay.new_appointment
        due = self.due(as_of=as_of, schedule=schedule)
        return None if due is None else due.at

    def timeliness(
        self,
        *,
        as_of: datetime | date | None = None,
        schedule: WorkSchedule | None = None,
        granularity: Granularity = Granularity.INSTANT,
    ) -> Timeliness | None:
        """Early / on time / late once resolved; within / overdue while open as of *as_of*.

        None when it does not apply: not received (as of *as_of*), refused, stopped, no time
        limit, or still open with no *as_of* (there is no hidden clock).
        """
        view: Dossier | None = self
        if as_of is not None:
            view = self.as_of(as_of)
        if view is None or view.received_at is None or isinstance(view.limit, NoTimeLimit):
            return None
        status = view.status
        if status in (Status.RESOLVED, Status.RETURNED):
            due = view.due(schedule=schedule)
            if due is None or view.resolved_at is None:  # pragma: no cover - resolved => due
                return None
            return classify(due.at, finished=view.resolved_at, granularity=granularity)
        if not status.open or as_of is None:
            return None
        due = view.due(as_of=as_of, schedule=schedule)
        if due is None:  # pragma: no cover - received, limited and as_of given => due
            return None
        return classify(due.at, as_of=as_of_instant(as_of), granularity=granularity)

    def remaining(
        self, as_of: datetime | date, *, schedule: WorkSchedule | None = None
    ) -> timedelta | None:
        """Office time left until the due instant as of *as_of* (negative when overdue).

        None unless the dossier is open (received, not resolved or stopped) at *as_of* and
        has a time limit.
        """
        view = self.as_of(as_of)
        if view is None or not view.status.open:
            return None
        sched = schedule or default_schedule()
        due = view.due(as_of=as_of, schedule=sched)
        if due is None:
            return None
        return sched.working_time_between(
            as_of_instant(as_of), due.at, pauses=view.pauses(as_of=as_of)
        )

    def steps(
        self,
        *,
        as_of: datetime | date | None = None,
        schedule: WorkSchedule | None = None,
        granularity: Granularity = Granularity.INSTANT,
    ) -> tuple[Step, ...]:
        """The inter-agency steps with their own due instants and timeliness (form 05/06)."""
        sched = schedule or default_schedule()
        ends = [t.at for t in self.transfers[1:]]
        final = self.resolved_at or self.stopped_at
        out: list[Step] = []
        for k, t in enumerate(self.transfers):
            end = ends[k] if k < len(ends) else final
            due = (
                None
                if t.allotted is None
                else sched.due(t.at, t.allotted, pauses=self.pauses(as_of=as_of)).at
            )
            timeliness: Timeliness | None = None
            if due is not None and end is not None:
                timeliness = classify(due, finished=end, granularity=granularity)
            elif due is not None and as_of is not None:
                timeliness = classify(due, as_of=as_of_instant(as_of), granularity=granularity)
            out.append(Step(t.to_agency, t.at, end, t.allotted, due, timeliness))
        return tuple(out)
