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

import attrs

from motcua.domain.codes import DossierCode, ProcedureCode
from motcua.domain.lifecycle import (
    RESUME,
    DelayNotified,
    Event,
    LifecyclePolicy,
    ObligationFulfilled,
    ObligationRequested,
    Received,
    Refused,
    Resolved,
    ResultReturned,
    Stage,
    Status,
    Stopped,
    Submitted,
    SupplementReceived,
    SupplementRequested,
    Transferred,
    WithdrawalRequested,
    allowed_events,
    event_key,
    next_status,
)
from motcua.domain.procedures import Channel, NoTimeLimit, Procedure
from motcua.domain.timeliness import Granularity, Timeliness, classify
from motcua.domain.units import Level
from motcua.foundation.errors import InvalidInputError, TransitionError
from motcua.foundation.vntime import VN_TZ, to_vn
from motcua.time.deadlines import Due, Pause, WorkSchedule, default_schedule
from motcua.time.limits import CountingRule, TimeLimit, resolve_rule

__all__ = ["DigitalFacts", "Dossier", "Step", "SupplementRecord", "as_of_instant"]


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


@attrs.frozen
class _Fold:
    """Everything the event log implies (internal)."""

    status: Status
    resume_to: Status | None = None
    submitted_at: datetime | None = None
    received: Received | None = None
    clock_start: datetime | None = None
    pauses: tuple[Pause, ...] = ()
    open_pause: datetime | None = None
    open_pause_counts: bool = False
    supplements: tuple[SupplementRecord, ...] = ()
    delays: tuple[DelayNotified, ...] = ()
    transfers: tuple[Transferred, ...] = ()
    refused: Refused | None = None
    withdrawal: WithdrawalRequested | None = None
    stopped: Stopped | None = None
    resolved: Resolved | None = None
    returned: ResultReturned | None = None


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


def _step(  # noqa: PLR0915 - one branch per event type, in table order
    previous: _Fold | None, event: Event, policy: LifecyclePolicy, code: DossierCode
) -> _Fold:
    """Apply one event to the fold (the transition table has already allowed it)."""
    current = None if previous is None else previous.status
    target = next_status(current, event)
    if target is RESUME:
        status = None if previous is None else previous.resume_to
        if status is None:  # pragma: no cover - a request always records where it came from
            raise AssertionError
    else:
        status = target
    if not isinstance(status, Status):  # pragma: no cover - checked by _replay
        raise TypeError(status)
    fold = previous if previous is not None else _Fold(status=status)
    changes: dict[str, object] = {"status": status}
    at = event.at
    if isinstance(event, Submitted):
        changes["submitted_at"] = at
    elif isinstance(event, Received):
        changes["received"] = event
        changes["clock_start"] = at
    elif isinstance(event, Refused):
        changes["refused"] = event
    elif isinstance(event, SupplementRequested):
        changes["resume_to"] = current
        changes["supplements"] = (
            *fold.supplements,
            SupplementRecord(event.stage, at, None, event.reason),
        )
        # An intake request after receipt stops the clock too: either it restarts on the
        # complete dossier (the wait is then before the new start and changes nothing), or
        # the wait is a pause (policy).
        counts = fold.received is not None and (
            event.stage is Stage.INTAKE or policy.exclude_appraisal_supplement
        )
        changes["open_pause"] = at
        changes["open_pause_counts"] = counts
    elif isinstance(event, SupplementReceived | ObligationFulfilled):
        changes["resume_to"] = None
        start = fold.open_pause
        restarts = (
            isinstance(event, SupplementReceived)
            and fold.supplements[-1].stage is Stage.INTAKE
            and policy.intake_supplement_restarts
        )
        if start is not None and fold.open_pause_counts and not restarts:
            changes["pauses"] = (*fold.pauses, Pause(start, at))
        changes["open_pause"] = None
        changes["open_pause_counts"] = False
        if isinstance(event, SupplementReceived):
            last = fold.supplements[-1]
            changes["supplements"] = (
                *fold.supplements[:-1],
                attrs.evolve(last, received_at=at),
            )
            if (
                last.stage is Stage.INTAKE
                and fold.received is not None
                and policy.intake_supplement_restarts
            ):
                changes["clock_start"] = at
    elif isinstance(event, ObligationRequested):
        changes["resume_to"] = current
        changes["open_pause"] = at
        changes["open_pause_counts"] = policy.exclude_obligation
    elif isinstance(event, Transferred):
        changes["transfers"] = (*fold.transfers, event)
    elif isinstance(event, DelayNotified):
        limit = policy.max_reschedules
        if limit is not None and len(fold.delays) >= limit:
            raise TransitionError(
                str(code),
                fold.status.value,
                event.kind,
                allowed_events(fold.status),
                f"at most {limit} reschedule{'s' if limit != 1 else ''} under the lifecycle "
                "policy (Decree 61/2018: once); pass LifecyclePolicy(max_reschedules=...) "
                "to change it",
            )
        changes["delays"] = (*fold.delays, event)
    elif isinstance(event, WithdrawalRequested):
        changes["withdrawal"] = event
        changes["resume_to"] = None
    elif isinstance(event, Stopped):
        changes["stopped"] = event
    elif isinstance(event, Resolved):
        changes["resolved"] = event
    elif isinstance(event, ResultReturned):
        changes["returned"] = event
    return attrs.evolve(fold, **changes)  # type: ignore[arg-type]


def _replay(
    events: tuple[Event, ...], policy: LifecyclePolicy, code: DossierCode
) -> tuple[_Fold, ...]:
    """Fold the events; return the state after each one."""
    states: list[_Fold] = []
    fold: _Fold | None = None
    for k, event in enumerate(events):
        if not hasattr(event, "kind") or not isinstance(getattr(event, "at", None), datetime):
            raise InvalidInputError(f"dossier {code} events[{k}]", "a lifecycle event", event)
        if fold is not None and event.at < events[k - 1].at:
            raise InvalidInputError(
                f"dossier {code} events[{k}].at",
                f"an instant at or after the previous event ({events[k - 1].at.isoformat()})",
                event.at.isoformat(),
                "events are an append-only log in time order; append a correction instead",
            )
        status = None if fold is None else fold.status
        if next_status(status, event) is None:
            raise TransitionError(
                str(code),
                "new" if status is None else status.value,
                event_key(event),
                allowed_events(status),
            )
        fold = _step(fold, event, policy, code)
        states.append(fold)
    return tuple(states)


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
    _states: tuple[_Fold, ...] = attrs.field(init=False, repr=False, eq=False)

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
        object.__setattr__(self, "_states", _replay(self.events, self.policy, self.code))

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

        A date means the end of that day.
        """
        cut = as_of_instant(at)
        kept = tuple(e for e in self.events if e.at <= cut)
        if len(kept) == len(self.events):
            return self
        return attrs.evolve(self, events=kept) if kept else None

    # -- status and facts -----------------------------------------------------------------

    @property
    def _fold(self) -> _Fold:
        return self._states[-1]

    @property
    def status(self) -> Status:
        """The current status."""
        return self._fold.status

    @property
    def statuses(self) -> tuple[Status, ...]:
        """The status after each event (a replay of the log)."""
        return tuple(s.status for s in self._states)

    @property
    def dvcqg_status(self) -> int:
        """The DVCQG ``TrangThaiHoSo`` code of the current status (1-10)."""
        return self.status.code

    @property
    def submitted_at(self) -> datetime | None:
        """When the applicant submitted (the first event's instant if it was a receipt)."""
        return self._fold.submitted_at or self.events[0].at

    @property
    def received_at(self) -> datetime | None:
        """When the one-stop unit received the dossier (None if not received)."""
        received = self._fold.received
        return None if received is None else received.at

    @property
    def printed_appointment(self) -> datetime | None:
        """The appointment printed on the receipt (form 01), if it was recorded."""
        received = self._fold.received
        return None if received is None else received.appointment

    @property
    def clock_started_at(self) -> datetime | None:
        """When the statutory time started to run (receipt, or the complete dossier)."""
        return self._fold.clock_start

    @property
    def supplements(self) -> tuple[SupplementRecord, ...]:
        """Supplement requests and answers, in order."""
        return self._fold.supplements

    @property
    def delays(self) -> tuple[DelayNotified, ...]:
        """Apology letters with new appointments, in order."""
        return self._fold.delays

    @property
    def transfers(self) -> tuple[Transferred, ...]:
        """Inter-agency handovers, in order."""
        return self._fold.transfers

    @property
    def refused_at(self) -> datetime | None:
        """When the dossier was refused at intake."""
        refused = self._fold.refused
        return None if refused is None else refused.at

    @property
    def stopped_at(self) -> datetime | None:
        """When processing stopped."""
        stopped = self._fold.stopped
        return None if stopped is None else stopped.at

    @property
    def withdrawal_requested_at(self) -> datetime | None:
        """When the applicant asked to withdraw."""
        withdrawal = self._fold.withdrawal
        return None if withdrawal is None else withdrawal.at

    @property
    def resolved_at(self) -> datetime | None:
        """When processing finished (``NgayKetThucXuLy``)."""
        resolved = self._fold.resolved
        return None if resolved is None else resolved.at

    @property
    def resolution(self) -> Resolved | None:
        """The resolution event, if any."""
        return self._fold.resolved

    @property
    def returned_at(self) -> datetime | None:
        """When the result was handed over (``NgayTra``)."""
        returned = self._fold.returned
        return None if returned is None else returned.at

    @property
    def return_event(self) -> ResultReturned | None:
        """The result-returned event, if any."""
        return self._fold.returned

    @property
    def paused(self) -> bool:
        """True while the clock is stopped (waiting for the applicant)."""
        return self._fold.open_pause is not None and self._fold.open_pause_counts

    def pauses(self, *, as_of: datetime | date | None = None) -> tuple[Pause, ...]:
        """The intervals excluded from the count; an open one runs to *as_of* if given."""
        fold = self._fold
        closed = fold.pauses
        if fold.open_pause is None or not fold.open_pause_counts or as_of is None:
            return closed
        end = max(as_of_instant(as_of), fold.open_pause)
        return (*closed, Pause(fold.open_pause, end))

    # -- the clock ----------------------------------------------------------------------

    def due(
        self, *, as_of: datetime | date | None = None, schedule: WorkSchedule | None = None
    ) -> Due | None:
        """The statutory due instant, derived from the clock start, limit and pauses.

        None when the dossier has not been received, has no time limit, or is waiting for
        the applicant and no *as_of* says how long the wait has lasted.
        """
        fold = self._fold
        if fold.clock_start is None or isinstance(self.limit, NoTimeLimit):
            return None
        if self.paused and as_of is None:
            return None
        return (schedule or default_schedule()).due(
            fold.clock_start, self.limit, rule=self.rule, pauses=self.pauses(as_of=as_of)
        )

    def appointment(
        self, *, as_of: datetime | date | None = None, schedule: WorkSchedule | None = None
    ) -> datetime | None:
        """The return instant the applicant was last promised (``NgayHenTra``).

        The latest apology letter's new appointment if any, else the statutory due instant.
        """
        if self._fold.delays:
            return self._fold.delays[-1].new_appointment
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
