"""Hypothesis strategies for motcua values, for your own property tests.

Requires Hypothesis (``pip install 'motcua[testing]'``). Strategies for instants, time
limits, codes, procedures, calendars and **lawful dossier histories** (a random walk over
the transition table), as motcua's own test suite uses them:

    from hypothesis import given
    from motcua.testing.strategies import dossiers

    @given(dossiers())
    def test_my_portal_accepts_every_lawful_history(dossier):
        ...
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from fractions import Fraction

try:
    from hypothesis import strategies as st
except ModuleNotFoundError as exc:  # pragma: no cover - depends on the environment
    msg = f"motcua.testing.strategies needs Hypothesis: pip install 'motcua[testing]' ({exc})"
    raise ModuleNotFoundError(msg, name="hypothesis") from None

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
from motcua.domain.dossiers import DigitalFacts
from motcua.domain.lifecycle import Outcome
from motcua.time.announcements import Announcement, DayChange, DayKind, Scope
from motcua.time.calendar import WorkingCalendar, vietnam_calendar

__all__ = [
    "agency_codes",
    "calendars",
    "dates",
    "dossier_codes",
    "dossiers",
    "fees",
    "instants",
    "limits_or_none",
    "procedure_codes",
    "procedures",
    "time_limits",
    "working_days",
    "working_hours",
]

#: Dates well inside the default calendar, leaving room for long time limits.
dates = st.dates(min_value=date(2018, 1, 1), max_value=date(2090, 12, 31))

#: Instants at minute precision, naive (Vietnam time).
instants = st.builds(
    lambda d, m: datetime.combine(d, time()) + timedelta(minutes=m),
    dates,
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
time_limits = st.one_of(
    st.integers(0, 60).map(WorkingDays),
    _fractions.map(WorkingDays),
    st.integers(0, 200).map(WorkingHours),
    st.integers(0, 90).map(CalendarDays),
    st.integers(0, 12).map(Months),
    st.sampled_from([None, time(15, 0), time(11, 30)]).map(SameDay),
)
limits_or_none = st.one_of(time_limits, st.just(NoTimeLimit()))
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
        posting=draw(st.builds(Posting, st.none() | dates, st.none() | dates)),
        source=draw(_text),
    )


def _event(draw: st.DrawFn, key: str, at: datetime) -> object:
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


@st.composite
def dossiers(
    draw: st.DrawFn,
    max_events: int = 9,
    *,
    any_policy: bool = False,
    first_day: date = date(2019, 1, 1),
    last_day: date = date(2030, 12, 31),
) -> Dossier:
    """Lawful histories: a random walk over the transition table, minute-precision instants.

    With *any_policy*, the lifecycle policy varies too (otherwise it is the default).
    """
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
    day = draw(st.dates(min_value=first_day, max_value=last_day))
    at = datetime.combine(day, time(draw(st.integers(0, 23)), draw(st.integers(0, 59))))
    first_key = draw(st.sampled_from(["submitted", "received"]))
    dossier = Dossier(
        code=DossierCode(draw(agency_codes), day, draw(st.integers(1, 9999))),
        procedure=draw(procedure_codes),
        channel=draw(st.sampled_from(list(Channel))),
        limit=draw(limits_or_none),
        events=(_event(draw, first_key, at),),  # type: ignore[arg-type]
        applicant=draw(_text),
        policy=policy,
        facts=draw(st.builds(DigitalFacts, *([st.none() | st.booleans()] * 4))),
    )
    for _ in range(draw(st.integers(0, max_events - 1))):
        status = dossier.status
        keys = [t.event for t in TRANSITIONS if t.source is status]
        limit = policy.max_reschedules
        if limit is not None and len(dossier.delays) >= limit:
            keys = [k for k in keys if k != "delay_notified"]
        if not keys:
            break
        at = at + timedelta(minutes=draw(st.integers(0, 4 * 24 * 60)))
        dossier = dossier.apply(_event(draw, draw(st.sampled_from(keys)), at))  # type: ignore[arg-type]
    return dossier


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
