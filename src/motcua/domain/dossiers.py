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
motcua.foundation.errors.TransitionError: dossier 000.00.53.H48-240506-0001 events[1]:
event 'result_returned' is not allowed in status 'received';
allowed there: supplement_requested:intake, transferred, ...
>>> d = d.apply(Transferred(datetime(2024, 5, 6, 10, 0), "Công an xã"))
>>> d = d.apply(Resolved(datetime(2024, 5, 14, 16, 0)))
>>> d.status.code, d.timeliness().value
(9, 'early')
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import Final, TypeVar

import attrs

from motcua.domain.clock import (
    Clock,
    ClockLog,
    Fold,
    as_of_instant,
    clock_due,
    clock_due_at,
    replay,
)
from motcua.domain.codes import DossierCode, ProcedureCode
from motcua.domain.dossier_parts import (
    AsReported,
    DigitalFacts,
    Step,
    SupplementRecord,
    as_channel,
    as_dossier_code,
    as_procedure_code,
)
from motcua.domain.lifecycle import (
    EVENT_TYPES,
    DelayNotified,
    Event,
    LifecyclePolicy,
    Received,
    Resolved,
    ResultReturned,
    Status,
    Submitted,
    SupplementReceived,
    SupplementRequested,
    Transferred,
    event_key,
)
from motcua.domain.procedures import Channel, NoTimeLimit, Procedure
from motcua.domain.terms import TermStart, as_term_start
from motcua.domain.timeliness import Granularity, Timeliness, classify
from motcua.domain.units import Level
from motcua.foundation.errors import InvalidInputError
from motcua.time.deadlines import Due, Pause, WorkSchedule, default_schedule
from motcua.time.limits import CountingRule, TimeLimit, resolve_rule

__all__ = [
    "AsReported",
    "Clock",
    "ClockLog",
    "DigitalFacts",
    "Dossier",
    "Fold",
    "Step",
    "SupplementRecord",
    "as_of_instant",
    "clock_due",
    "clock_due_at",
    "replay",
]


_E = TypeVar("_E")
_EVENT_CLASSES: Final = frozenset(EVENT_TYPES.values())


def _events(value: Iterable[Event]) -> tuple[Event, ...]:
    return tuple(value)


def _starts(value: TermStart | str) -> TermStart:
    return as_term_start(value, "Dossier.starts")


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
        receiving_unit: The code of the unit whose one-stop centre received it (under Decree
            118/2025/NĐ-CP any centre of the province may receive), "" if not recorded.
        deciding_unit: The code of the unit whose agency decides it, "" if not recorded.
        locality: The code of the applicant's commune (or province), "" if not recorded.
            The three codes denote units on the dossier's receipt day (codes were reused on
            2025-07-01); :class:`motcua.UnitRegistry` resolves them.
        starts: Where the term's time starts to run, as its law writes after "kể từ"
            (:class:`~motcua.domain.terms.TermStart`; default the receipt of the complete
            dossier). :meth:`open` takes it from the procedure's term; :meth:`due`, the
            timeliness and the reports count from it.
        reported: What another system reported of a dossier imported from it
            (:class:`AsReported`: the status and appointment of record, what was inferred
            or unknown), None for a dossier recorded here. Set by :meth:`with_reported`;
            it is provenance, so it is left out of equality and of the JSON record.
    """

    code: DossierCode = attrs.field(converter=as_dossier_code)
    procedure: ProcedureCode = attrs.field(converter=as_procedure_code)
    channel: Channel = attrs.field(converter=as_channel)
    limit: TimeLimit | NoTimeLimit
    events: tuple[Event, ...] = attrs.field(converter=_events)
    rule: CountingRule | None = None
    case: str = ""
    applicant: str = ""
    subject: str = ""
    level: Level | None = None
    facts: DigitalFacts = attrs.field(factory=DigitalFacts)
    policy: LifecyclePolicy = attrs.field(factory=LifecyclePolicy)
    receiving_unit: str = ""
    deciding_unit: str = ""
    locality: str = ""
    starts: TermStart = attrs.field(default=TermStart.COMPLETE_DOSSIER, converter=_starts)
    reported: AsReported | None = attrs.field(default=None, init=False, eq=False)
    _log: ClockLog = attrs.field(init=False, repr=False, eq=False)

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
        steps = tuple((event_key(e), e.at) for e in self.events)
        object.__setattr__(self, "_log", ClockLog(steps, self.policy, str(self.code), self.starts))

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
            starts=term.starts,
        )

    def with_reported(self, reported: AsReported | None) -> Dossier:
        """Return this dossier marked with what another system reported of it.

        Raises:
            InvalidInputError: *reported* is not an :class:`AsReported` or None.
        """
        if reported is not None and not isinstance(reported, AsReported):
            raise InvalidInputError(
                f"dossier {self.code}.reported", "an AsReported or None", reported
            )
        out = attrs.evolve(self)
        object.__setattr__(out, "reported", reported)
        return out

    def apply(self, event: Event) -> Dossier:
        """Return this dossier with *event* appended (checked against the transition table).

        Raises:
            TransitionError: The event is not allowed in the current status.
            InvalidInputError: The event is dated before the previous one.
        """
        out = attrs.evolve(self, events=(*self.events, event))
        return out if self.reported is None else out.with_reported(self.reported)

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
        if not kept:
            return None
        view = attrs.evolve(self, events=kept)
        if self.reported is None:
            return view
        # The sender's status and appointment were reported for the whole log, not a prefix.
        return view.with_reported(
            attrs.evolve(self.reported, appointment=None, status=view.status)
        )

    # -- status and facts -----------------------------------------------------------------

    def _last(self, cls: type[_E]) -> _E | None:
        for event in reversed(self.events):
            if isinstance(event, cls):
                return event
        return None

    @property
    def status(self) -> Status:
        """The current status."""
        return self._log.fold.status

    @property
    def statuses(self) -> tuple[Status, ...]:
        """The status after each event (a replay of the log)."""
        return tuple(self._log.fold.statuses)

    @property
    def dvcqg_status(self) -> int:
        """The DVCQG ``TrangThaiHoSo`` code of the current status (1-10)."""
        return self.status.code

    @property
    def submitted_at(self) -> datetime | None:
        """When the applicant submitted (the first event's instant if it was a receipt)."""
        return self._log.fold.submitted_at or self.events[0].at

    @property
    def received_at(self) -> datetime | None:
        """When the one-stop unit received the dossier (None if not received)."""
        return self._log.fold.clock.received_at

    @property
    def printed_appointment(self) -> datetime | None:
        """The appointment printed on the receipt (form 01), if it was recorded."""
        received = self._last(Received)
        return None if received is None else received.appointment

    @property
    def clock_started_at(self) -> datetime | None:
        """When the term's time started to run (:attr:`starts`; None: not yet)."""
        return self._log.fold.clock.clock_start

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
        return self._log.fold.refused_at

    @property
    def stopped_at(self) -> datetime | None:
        """When processing stopped."""
        return self._log.fold.clock.stopped_at

    @property
    def withdrawal_requested_at(self) -> datetime | None:
        """When the applicant asked to withdraw."""
        return self._log.fold.withdrawal_at

    @property
    def resolved_at(self) -> datetime | None:
        """When processing finished (``NgayKetThucXuLy``)."""
        return self._log.fold.clock.resolved_at

    @property
    def resolution(self) -> Resolved | None:
        """The resolution event, if any."""
        return self._last(Resolved)

    @property
    def returned_at(self) -> datetime | None:
        """When the result was handed over (``NgayTra``)."""
        return self._log.fold.returned_at

    @property
    def return_event(self) -> ResultReturned | None:
        """The result-returned event, if any."""
        return self._last(ResultReturned)

    @property
    def paused(self) -> bool:
        """True while the clock is stopped (waiting for the applicant)."""
        return self._log.fold.clock.open_pause is not None

    def clock(self, *, before: datetime | None = None) -> Clock:
        """The statutory clock in one value (receipt, start, pauses, end).

        With *before*, the clock as it stood just before that instant (events dated
        earlier only), e.g. at the end of a reporting period.
        """
        return self._log.clock(before=before)

    @property
    def clock_log(self) -> ClockLog:
        """The log as the clock sees it (dated transition keys, policy, code, fold)."""
        return self._log

    @property
    def reference_day(self) -> date:
        """The day the dossier belongs to in reports and regimes: receipt, else first event."""
        return self._log.reference_day

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

        The latest apology letter's new appointment if any; else, for an imported dossier,
        the sender's appointment of record (``reported.appointment``, never replaced by a
        computation: compare it with :meth:`due`); else the statutory due instant.
        """
        delay = self._last(DelayNotified)
        if delay is not None:
            return delay.new_appointment
        if self.reported is not None and self.reported.appointment is not None:
            return self.reported.appointment
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
        limit, a term whose start has not come (it starts on payment, not made), or still
        open with no *as_of* (there is no hidden clock).
        """
        view: Dossier | None = self
        if as_of is not None:
            view = self.as_of(as_of)
        if view is None or view.received_at is None or isinstance(view.limit, NoTimeLimit):
            return None
        status = view.status
        if status in (Status.RESOLVED, Status.RETURNED):
            due = view.due(schedule=schedule)
            if due is None or view.resolved_at is None:  # a term starting on payment, unpaid
                return None
            return classify(due.at, finished=view.resolved_at, granularity=granularity)
        if not status.open or as_of is None:
            return None
        due = view.due(as_of=as_of, schedule=schedule)
        if due is None:  # a term starting on payment, unpaid: its time has not started
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
