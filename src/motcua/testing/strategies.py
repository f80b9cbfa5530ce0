"""Hypothesis strategies for motcua values, for your own property tests.

Requires Hypothesis (``pip install 'motcua[testing]'``). Strategies for instants, time
limits, codes, procedures, calendars and **lawful dossier histories** (a random walk over
the transition table), as motcua's own test suite uses them:

    from hypothesis import given
    from motcua.testing.strategies import dossiers

    @given(dossiers(catalogue=my_catalogue))
    def test_my_portal_accepts_every_lawful_history(dossier):
        payload = motcua.dossier_to_dvcqg(dossier, catalogue=my_catalogue)
        ...

Every strategy that takes parameters is a function (``dates()``, ``time_limits()``,
``dossiers()``, ``compliant_dossiers()``, ``violating_dossiers(rule)``, ``calendars()``);
the constants ``instants``, ``working_days``, ``working_hours``, ``limits_or_none``,
``fees`` and the code strategies take none.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from fractions import Fraction
from typing import Final

try:
    from hypothesis import strategies as st
except ModuleNotFoundError as exc:  # pragma: no cover - depends on the environment
    msg = f"motcua.testing.strategies needs Hypothesis: pip install 'motcua[testing]' ({exc})"
    raise ModuleNotFoundError(msg, name="hypothesis") from None

import attrs

from motcua import (
    TRANSITIONS,
    AgencyCode,
    CalendarDays,
    Channel,
    ChannelTerm,
    DelayNotified,
    Document,
    Dossier,
    DossierCode,
    Fee,
    LegalBasis,
    Level,
    LifecyclePolicy,
    Months,
    NoTimeLimit,
    ObligationFulfilled,
    ObligationRequested,
    OnlineLevel,
    Posting,
    Procedure,
    ProcedureCode,
    Received,
    Refused,
    Resolved,
    ResultReturned,
    ReturnMethod,
    SameDay,
    Stage,
    Stopped,
    Submitted,
    SupplementReceived,
    SupplementRequested,
    Transferred,
    WithdrawalRequested,
    WorkingDays,
    WorkingHours,
)
from motcua.analyses.compliance import RULES, Rule, check
from motcua.domain.dossiers import DigitalFacts
from motcua.domain.lifecycle import Event, Outcome
from motcua.domain.procedures import Catalogue, TermStart
from motcua.domain.unit_registry import UnitRegistry
from motcua.domain.units import TWO_TIER_REFORM
from motcua.foundation.errors import InvalidInputError
from motcua.serialization.catalogues import sample_catalogue
from motcua.testing.violations import VIOLATIONS, violate
from motcua.time.announcements import Announcement, DayChange, DayKind, Scope
from motcua.time.calendar import WorkingCalendar, vietnam_calendar
from motcua.time.deadlines import WorkSchedule, default_schedule
from motcua.time.limits import TimeLimit

__all__ = [
    "agency_codes",
    "calendars",
    "compliant_dossiers",
    "dates",
    "dossier_codes",
    "dossiers",
    "fees",
    "instants",
    "limits_or_none",
    "procedure_codes",
    "procedures",
    "time_limits",
    "violating_dossiers",
    "working_days",
    "working_hours",
]


def dates(
    min_value: date = date(2018, 1, 1), max_value: date = date(2090, 12, 31)
) -> st.SearchStrategy[date]:
    """Dates, by default well inside the national calendar (room left for long limits)."""
    return st.dates(min_value=min_value, max_value=max_value)


#: Instants at minute precision, naive (Vietnam time).
instants = st.builds(
    lambda d, m: datetime.combine(d, time()) + timedelta(minutes=m),
    dates(),
    st.integers(min_value=0, max_value=24 * 60 - 1),
)

working_days = st.integers(min_value=0, max_value=400).map(WorkingDays)
working_hours = st.integers(min_value=0, max_value=2000).map(WorkingHours)

# -- the domain layer ------------------------------------------------------------------------

_letters = st.sampled_from("GHKX")
agency_codes = st.builds(
    lambda a, b, c, letter, d: AgencyCode(f"{a:03d}.{b:02d}.{c:02d}.{letter}{d:02d}"),
    st.integers(0, 999),
    st.integers(0, 99),
    st.integers(0, 99),
    _letters,
    st.integers(0, 99),
)
dossier_codes = st.builds(
    DossierCode,
    agency_codes,
    st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)),
    st.integers(1, 9999),
)
procedure_codes = st.one_of(
    st.builds(
        lambda g, n: ProcedureCode(f"{g}.{n:06d}"), st.integers(1, 3), st.integers(0, 999999)
    ),
    st.builds(
        lambda g, n, a: ProcedureCode(f"{g}.{n:06d}", str(a)),
        st.integers(1, 3),
        st.integers(0, 999999),
        agency_codes,
    ),
)
_fractions = st.builds(Fraction, st.integers(1, 40), st.sampled_from([1, 2, 4, 8]))


def time_limits(*, fractional: bool = True) -> st.SearchStrategy[TimeLimit]:
    """Time limits of every kind; with *fractional*, half and quarter working days too."""
    kinds: list[st.SearchStrategy[TimeLimit]] = [st.integers(0, 60).map(WorkingDays)]
    if fractional:
        kinds.append(_fractions.map(WorkingDays))
    kinds += [
        st.integers(0, 200).map(WorkingHours),
        st.integers(0, 90).map(CalendarDays),
        st.integers(0, 12).map(Months),
        st.sampled_from([None, time(15, 0), time(11, 30)]).map(SameDay),
    ]
    return st.one_of(kinds)


limits_or_none = st.one_of(time_limits(), st.just(NoTimeLimit()))
_text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=20
)
fees = st.builds(Fee, _text, st.one_of(st.none(), st.integers(0, 10**7)), _text)


@st.composite
def procedures(draw: st.DrawFn) -> Procedure:
    """Valid procedures: 1-3 channels, each with a general case and maybe a special one."""
    channels = draw(st.sets(st.sampled_from(list(Channel)), min_size=1, max_size=3))
    terms = []
    for channel in sorted(channels):
        terms.append(
            ChannelTerm(channel, draw(limits_or_none), fees=draw(st.lists(fees, max_size=2)))
        )
        if draw(st.booleans()):
            terms.append(ChannelTerm(channel, draw(limits_or_none), case="Cần xác minh"))
    online = Channel.ONLINE in channels
    level = (
        draw(st.sampled_from([OnlineLevel.FULL, OnlineLevel.PARTIAL, OnlineLevel.UNSTATED]))
        if online
        else OnlineLevel.NONE
    )
    return Procedure(
        code=draw(procedure_codes),
        name="Thủ tục " + draw(_text),
        field=draw(_text),
        levels=draw(st.lists(st.sampled_from(list(Level)), min_size=1, max_size=3, unique=True)),
        terms=terms,
        legal_basis=[LegalBasis(draw(_text), draw(_text), draw(_text))],
        implementing_agencies=draw(st.lists(_text, max_size=2)),
        documents=draw(
            st.lists(st.builds(Document, _text, st.integers(0, 3), st.integers(0, 3)), max_size=2)
        ),
        results=draw(st.lists(_text, max_size=2)),
        online_level=level,
        posting=draw(st.builds(Posting, st.none() | dates(), st.none() | dates())),
        source=draw(_text),
    )


def _event(draw: st.DrawFn, key: str, at: datetime) -> Event:
    reason = draw(_text)
    if key == "submitted":
        return Submitted(at)
    if key == "received":
        appointment = draw(st.none() | st.just(at + timedelta(days=1)))
        return Received(at, appointment)
    if key == "refused":
        return Refused(at, reason)
    if key.startswith("supplement_requested"):
        stage = Stage.INTAKE if key.endswith("intake") else Stage.APPRAISAL
        return SupplementRequested(at, stage, reason, tuple(draw(st.lists(_text, max_size=2))))
    if key == "supplement_received":
        return SupplementReceived(at)
    if key == "obligation_requested":
        return ObligationRequested(at, reason)
    if key == "obligation_fulfilled":
        return ObligationFulfilled(at)
    if key == "transferred":
        allotted = draw(st.none() | st.integers(1, 40).map(WorkingHours))
        return Transferred(at, draw(st.sampled_from(["Công an xã", "Sở Tư pháp"])), allotted)
    if key == "delay_notified":
        later = at + timedelta(minutes=draw(st.integers(60, 20 * 24 * 60)))
        return DelayNotified(at, later, reason)
    if key == "withdrawal_requested":
        return WithdrawalRequested(at, reason)
    if key == "stopped":
        return Stopped(at, reason)
    if key == "resolved":
        return Resolved(at, draw(st.sampled_from(list(Outcome))))
    return ResultReturned(at, draw(st.sampled_from(list(ReturnMethod))))


ProcedureChoice = Procedure | ProcedureCode | str
"""A procedure given to a strategy: the value itself, or its code (looked up in a catalogue)."""


def _terms_from(
    draw: st.DrawFn,
    catalogue: Catalogue | None,
    procedure: ProcedureChoice | None,
    channel: Channel | int | None,
) -> tuple[ProcedureCode, Channel, TimeLimit | NoTimeLimit, ChannelTerm | None, Procedure | None]:
    """Draw a procedure, a channel and its term; random ones when nothing ties them."""
    wanted = None if channel is None else Channel.from_code(channel, "channel")
    chosen: Procedure | None = None
    if isinstance(procedure, Procedure):
        chosen = procedure
    elif catalogue is not None:
        chosen = (
            draw(st.sampled_from(catalogue.procedures))
            if procedure is None
            else catalogue.get(procedure)
        )
    if chosen is None:
        if isinstance(procedure, ProcedureCode):
            code = procedure
        elif isinstance(procedure, str):
            code = ProcedureCode.parse(procedure)
        else:
            code = draw(procedure_codes)
        used = wanted if wanted is not None else draw(st.sampled_from(list(Channel)))
        return code, used, draw(limits_or_none), None, None
    used = draw(st.sampled_from(chosen.channels)) if wanted is None else wanted
    terms = [t for t in chosen.terms if t.channel is used]
    term = draw(st.sampled_from(terms)) if terms else chosen.term(used)  # raises NotFoundError
    return chosen.code, used, term.limit, term, chosen


def _level(draw: st.DrawFn, procedure: Procedure | None, day: date) -> Level | None:
    if procedure is None or len(procedure.levels) < 2:
        return None
    existing = procedure.levels_on(day) or procedure.levels
    return draw(st.sampled_from(existing))


@st.composite
def dossiers(
    draw: st.DrawFn,
    max_events: int = 9,
    *,
    any_policy: bool = False,
    first_day: date = date(2019, 1, 1),
    last_day: date = date(2030, 12, 31),
    catalogue: Catalogue | None = None,
    procedure: ProcedureChoice | None = None,
    channel: Channel | int | None = None,
    policy: LifecyclePolicy | None = None,
    any_start: bool = False,
) -> Dossier:
    """Lawful histories: a random walk over the transition table, minute-precision instants.

    With *catalogue*, the procedure is one of its procedures (or *procedure*, looked up
    there), the channel one of the procedure's (or *channel*), and the time limit, counting
    rule and case those of the procedure's term for that channel, so that
    ``dossier_to_dvcqg(d, catalogue=catalogue)`` accepts every dossier. *policy* fixes the
    lifecycle policy; with *any_policy*, it varies (otherwise it is the default). The term
    starts where the catalogue's term says; without one, with *any_start*, anywhere a term
    can start (:class:`~motcua.domain.terms.TermStart`), else on the complete dossier.
    """
    if policy is None:
        policy = (
            draw(
                st.builds(
                    LifecyclePolicy,
                    st.none() | st.integers(0, 3),
                    st.booleans(),
                    st.booleans(),
                    st.booleans(),
                )
            )
            if any_policy
            else LifecyclePolicy()
        )
    code, used, limit, term, chosen = _terms_from(draw, catalogue, procedure, channel)
    day = draw(st.dates(min_value=first_day, max_value=last_day))
    at = datetime.combine(day, time(draw(st.integers(0, 23)), draw(st.integers(0, 59))))
    first_key = draw(st.sampled_from(["submitted", "received"]))
    dossier = Dossier(
        code=DossierCode(draw(agency_codes), day, draw(st.integers(1, 9999))),
        procedure=code,
        channel=used,
        limit=limit,
        events=(_event(draw, first_key, at),),
        rule=None if term is None else term.rule,
        case="" if term is None else term.case,
        applicant=draw(_text),
        level=_level(draw, chosen, day),
        policy=policy,
        facts=draw(st.builds(DigitalFacts, *([st.none() | st.booleans()] * 4))),
        starts=(
            term.starts
            if term is not None
            else draw(st.sampled_from(TermStart))
            if any_start
            else TermStart.COMPLETE_DOSSIER
        ),
    )
    for _ in range(draw(st.integers(0, max_events - 1))):
        status = dossier.status
        keys = [t.event for t in TRANSITIONS if t.source is status]
        most = policy.max_reschedules
        if most is not None and len(dossier.delays) >= most:
            keys = [k for k in keys if k != "delay_notified"]
        if not keys:
            break
        at = at + timedelta(minutes=draw(st.integers(0, 4 * 24 * 60)))
        dossier = dossier.apply(_event(draw, draw(st.sampled_from(keys)), at))
    return dossier


def _office_instant(
    draw: st.DrawFn, schedule: WorkSchedule, after: datetime, before: datetime
) -> datetime:
    """An office instant in [*after*, *before*] (*after* itself when none is drawn)."""
    span = int((before - after) // timedelta(minutes=1))
    if span <= 0:
        return after
    candidate = schedule.next_office_instant(after + timedelta(minutes=draw(st.integers(0, span))))
    return candidate if candidate <= before else after


def _compliant(catalogue: Catalogue, schedule: WorkSchedule) -> Callable[[Dossier], bool]:
    return lambda d: not check(d, catalogue=catalogue, schedule=schedule)


def _pairs(
    catalogue: Catalogue,
    procedure: ProcedureChoice | None,
    channel: Channel | int | None,
    keep: Callable[[Procedure, ChannelTerm], bool],
    where: str,
) -> list[tuple[Procedure, ChannelTerm]]:
    """The (procedure, term) pairs a strategy may draw from, those *keep* accepts."""
    wanted = None if channel is None else Channel.from_code(channel, "channel")
    if isinstance(procedure, Procedure):
        chosen: tuple[Procedure, ...] = (procedure,)
    elif procedure is not None:
        chosen = (catalogue.get(procedure),)  # raises NotFoundError
    else:
        chosen = catalogue.procedures
    pairs = [
        (p, t)
        for p in chosen
        for t in p.terms
        if (wanted is None or t.channel is wanted) and keep(p, t)
    ]
    if not pairs:
        raise InvalidInputError(
            where,
            "a procedure term that fits (procedure, channel and what the rule needs)",
            "none in the catalogue",
            "pass another catalogue, procedure or channel",
        )
    return pairs


def _closed(
    pairs: list[tuple[Procedure, ChannelTerm]],
    sched: WorkSchedule,
    first_day: date,
    last_day: date,
    *,
    district: bool = False,
) -> st.SearchStrategy[Dossier]:
    """Closed dossiers built to comply (the caller filters, to guard the promise).

    A procedure handled at district level only is received before the district level
    ended (unless *district* says otherwise: the no-district rule's violations).
    """
    ended = TWO_TIER_REFORM - timedelta(days=1)
    usable = [
        (p, t) for p, t in pairs if district or p.levels != (Level.DISTRICT,) or first_day <= ended
    ]
    if not usable:
        raise InvalidInputError(
            "dossier strategies",
            f"days before {TWO_TIER_REFORM.isoformat()} for district-level procedures",
            f"{first_day.isoformat()} to {last_day.isoformat()}",
        )

    @st.composite
    def build(draw: st.DrawFn) -> Dossier:
        chosen, term = draw(st.sampled_from(usable))
        top = last_day
        if not district and chosen.levels == (Level.DISTRICT,):
            top = min(last_day, ended)
        day = draw(st.dates(min_value=first_day, max_value=top))
        opening = sched.next_office_instant(
            datetime.combine(day, time(draw(st.integers(0, 23)), draw(st.integers(0, 59))))
        )
        received = opening.replace(tzinfo=None)
        base = Dossier(
            code=DossierCode(draw(agency_codes), received.date(), draw(st.integers(1, 9999))),
            procedure=chosen.code,
            channel=term.channel,
            limit=term.limit,
            events=(Received(received),),
            rule=term.rule,
            case=term.case,
            applicant=draw(_text),
            level=_level(draw, chosen, received.date()),
            starts=term.starts,
        )
        due = base.due(schedule=sched)
        deadline = due.at if due is not None else opening + timedelta(days=30)
        events: list[Event] = [Received(received, None if due is None else due.at)]
        at = opening
        if draw(st.booleans()):
            at = _office_instant(draw, sched, at, deadline)
            events.append(Transferred(at, draw(st.sampled_from(["Công an xã", "Sở Tư pháp"]))))
        at = _office_instant(draw, sched, at, deadline)
        events.append(Resolved(at, draw(st.sampled_from(list(Outcome)))))
        at = _office_instant(draw, sched, at, deadline)
        events.append(ResultReturned(at, draw(st.sampled_from(list(ReturnMethod)))))
        return attrs.evolve(base, events=tuple(events))

    return build()


def compliant_dossiers(
    catalogue: Catalogue | None = None,
    *,
    procedure: ProcedureChoice | None = None,
    channel: Channel | int | None = None,
    schedule: WorkSchedule | None = None,
    first_day: date = date(2019, 1, 1),
    last_day: date = date(2030, 12, 31),
) -> st.SearchStrategy[Dossier]:
    """Closed dossiers that obey every rule in force: ``assert_compliant`` passes on each.

    Received in office hours on a working day of *schedule* (default: the national calendar,
    08:00-17:00), coded with the receipt date, with the procedure's term for the channel
    (from *catalogue*, default the sample catalogue), the statutory due instant printed as
    the appointment, an optional handover, and resolved and returned in office hours by
    the due instant. Pass the same *catalogue* and *schedule* to ``assert_compliant``.
    """
    cat = catalogue if catalogue is not None else sample_catalogue()
    sched = schedule if schedule is not None else default_schedule()
    pairs = _pairs(cat, procedure, channel, lambda _p, _t: True, "compliant_dossiers")
    # Built to comply; the filter only guards the promise if a rule changes under it.
    return _closed(pairs, sched, first_day, last_day).filter(_compliant(cat, sched))


_NEEDS: Final[dict[str, Callable[[Procedure, ChannelTerm], bool]]] = {
    "": lambda _p, _t: True,
    "two-tier": lambda _p, _t: True,
    "limit": lambda _p, t: not isinstance(t.limit, NoTimeLimit),
    "online": lambda _p, t: t.channel is Channel.ONLINE,
    "working": lambda _p, t: isinstance(t.limit, WorkingDays | WorkingHours),
    # online dossiers answered that late break online-8h too: over the counter only
    "intake": lambda _p, t: t.intake_check is not None and t.channel is not Channel.ONLINE,
    "units": lambda _p, _t: True,
}


#: How long before the receipt a late submission may lie (online-8h, intake-check).
_LEAD: Final = timedelta(days=30)


def violating_dossiers(
    rule: str | Rule[Dossier],
    catalogue: Catalogue | None = None,
    *,
    procedure: ProcedureChoice | None = None,
    channel: Channel | int | None = None,
    schedule: WorkSchedule | None = None,
    first_day: date = date(2019, 1, 1),
    last_day: date = date(2030, 12, 31),
    registry: UnitRegistry | None = None,
) -> st.SearchStrategy[Dossier]:
    """Dossiers that break the compliance rule *rule* (an id or a rule of ``RULES``) only.

    Each is a :func:`compliant_dossiers` dossier changed by
    :func:`motcua.testing.violations.violate`: received on a day the rule is in force (from
    *first_day* to *last_day*, narrowed to the rule's instruments: ``no-district`` from
    01/07/2025, ``online-8h`` from Decree 45/2020; for the rules on a late answer to a
    submission, 30 days after *first_day*, so that the submission lies in range), on a
    term the rule can fail on (a time limit; an online channel for ``online-8h``; working
    days or hours for ``step-allotments``; an intake-check time, over the counter, for
    ``intake-check``).
    ``receipt-scope`` needs the *registry*: the receiving centre and the deciding agency
    are two provinces of the day. ``check(d, catalogue=..., schedule=..., registry=...)``
    with the same values returns a violation of *rule* and of no other rule.

    Raises:
        InvalidInputError: An unknown rule, or a catalogue (procedure, channel) with no term
            the rule can fail on, or a range of days in which the rule is never in force.
    """
    rule_id = rule if isinstance(rule, str) else rule.id
    if rule_id not in VIOLATIONS:
        raise InvalidInputError(
            "violating_dossiers(rule)", "a rule id: " + ", ".join(VIOLATIONS), rule_id
        )
    found = next(r for r in RULES if r.id == rule_id)
    if rule_id == "receipt-scope" and registry is None:
        raise InvalidInputError(
            "violating_dossiers('receipt-scope', registry)",
            "the unit registry (motcua.unit_registry())",
            "None",
        )
    cat = catalogue if catalogue is not None else sample_catalogue()
    sched = schedule if schedule is not None else default_schedule()
    case = VIOLATIONS[rule_id]
    pairs = _pairs(cat, procedure, channel, _NEEDS[case.needs], f"violating_dossiers({rule_id!r})")
    start, end = found.in_force
    if case.needs in ("online", "intake"):
        # the submission lies up to a few days before the receipt: keep it in range too
        start = None if start is None else start + _LEAD
        first_day += _LEAD
    if case.needs == "two-tier":
        start = max(start or TWO_TIER_REFORM, TWO_TIER_REFORM)
    lo = first_day if start is None else max(first_day, start)
    hi = last_day if end is None else min(last_day, end)
    if lo > hi:
        raise InvalidInputError(
            f"violating_dossiers({rule_id!r})",
            f"days on which the rule is in force ({start} to {end})",
            f"{first_day.isoformat()} to {last_day.isoformat()}",
        )

    @st.composite
    def build(draw: st.DrawFn) -> Dossier:
        lawful = draw(_closed(pairs, sched, lo, hi, district=rule_id == "no-district"))
        minutes = draw(st.integers(1, 3 * 24 * 60))
        stage = draw(st.sampled_from(list(Stage)))
        units = None
        if registry is not None and rule_id == "receipt-scope":
            provinces = [
                u.code for u in registry.existing_on(lawful.reference_day, Level.PROVINCE)
            ]
            pair = draw(st.lists(st.sampled_from(provinces), min_size=2, max_size=2, unique=True))
            units = (pair[0], pair[1])
        return violate(
            lawful,
            rule_id,
            schedule=sched,
            minutes=minutes,
            stage=stage,
            catalogue=cat,
            units=units,
        )

    def breaks(d: Dossier) -> bool:
        found_rules = check(d, catalogue=cat, schedule=sched, registry=registry)
        return found.applies_on(d.reference_day) and any(v.rule == rule_id for v in found_rules)

    # Built to break the rule; the filter guards the promise (and the rule's dated windows).
    return build().filter(breaks)


@st.composite
def calendars(draw: st.DrawFn, years: range = range(2024, 2027)) -> WorkingCalendar:
    """National calendars over *years* with up to three random local closures added."""
    days = draw(
        st.lists(
            st.dates(min_value=date(years.start, 1, 1), max_value=date(years.stop - 1, 12, 31)),
            max_size=3,
            unique=True,
        )
    )
    extra = tuple(
        Announcement(
            instrument="",
            issued=None,
            issuer="UBND (test)",
            subject="Nghỉ đột xuất",
            changes=(DayChange(day, DayKind.DAY_OFF, "Nghỉ đột xuất", "Local closure"),),
            source="generated by motcua.testing.strategies",
            scope=Scope.LOCAL,
        )
        for day in days
    )
    return vietnam_calendar(years, extra=extra)
