"""Break one compliance rule in a lawful dossier, and nothing else.

:func:`violate` takes a closed dossier that obeys every rule (what
:func:`motcua.testing.strategies.compliant_dossiers` draws) and changes it so that the rule
named fails, the way a portal's bug would: a late appointment, a lost apology letter, a code
dated the wrong day. It needs no Hypothesis; the strategy
:func:`~motcua.testing.strategies.violating_dossiers` draws the inputs.

>>> from datetime import datetime
>>> import motcua
>>> from motcua.analyses.compliance import check
>>> d = motcua.Dossier(code="000.00.53.H48-240301-0001", procedure="1.004222", channel=1,
...     limit=motcua.WorkingDays(7), events=(
...         motcua.Received(datetime(2024, 3, 1, 9), datetime(2024, 3, 12, 9)),
...         motcua.Resolved(datetime(2024, 3, 8, 10)),
...         motcua.ResultReturned(datetime(2024, 3, 8, 11))))
>>> check(d)
()
>>> print(*(v.rule for v in check(violate(d, "return-by-appointment", minutes=30))))
return-by-appointment
>>> print(violate(d, "code", minutes=1).code)
000.00.53.H48-240302-0001
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Final

import attrs

from motcua.analyses.compliance import RULES
from motcua.domain.codes import DossierCode
from motcua.domain.dossiers import Dossier
from motcua.domain.lifecycle import (
    DelayNotified,
    Event,
    LifecyclePolicy,
    Received,
    Resolved,
    ResultReturned,
    Stage,
    Submitted,
    SupplementReceived,
    SupplementRequested,
    Transferred,
)
from motcua.domain.procedures import Catalogue, Channel, NoTimeLimit
from motcua.domain.units import TWO_TIER_REFORM, Level
from motcua.foundation.errors import InvalidInputError
from motcua.time.deadlines import WorkSchedule, default_schedule
from motcua.time.limits import WorkingDays, WorkingHours

__all__ = ["VIOLATIONS", "violate"]

_MINUTE: Final = timedelta(minutes=1)
_HOUR: Final = timedelta(hours=1)


@attrs.frozen
class _How:
    """How much and where: the knobs of one violation."""

    schedule: WorkSchedule
    minutes: int
    stage: Stage
    catalogue: Catalogue | None
    units: tuple[str, str] | None


@attrs.frozen
class _Case:
    """What a dossier needs for a rule to be broken, and how it is broken."""

    needs: str
    make: Callable[[Dossier, _How], Dossier]


def _part(d: Dossier) -> tuple[Received, list[Event], Resolved, ResultReturned]:
    """The receipt, the steps between, the resolution and the return of a closed dossier."""
    first, *middle, resolved, returned = (None, None, *d.events)[-max(len(d.events), 3) :]
    if not (
        isinstance(first, Received)
        and isinstance(resolved, Resolved)
        and isinstance(returned, ResultReturned)
    ):
        raise InvalidInputError(
            "violate(dossier)",
            "a closed dossier: received, then resolved and returned last",
            ", ".join(e.kind for e in d.events),
            "pass a dossier drawn from compliant_dossiers()",
        )
    return first, [e for e in middle if e is not None], resolved, returned


def _due(d: Dossier, schedule: WorkSchedule, rule: str) -> datetime:
    due = d.due(schedule=schedule)
    if due is None:
        raise InvalidInputError(
            f"violate(rule={rule!r})",
            "a dossier with a time limit",
            str(d.limit),
            "draw it from a procedure term that has one",
        )
    return due.at


def _with(d: Dossier, *events: Event, policy: LifecyclePolicy | None = None) -> Dossier:
    return attrs.evolve(d, events=tuple(events), policy=policy or d.policy)


def _appointment(d: Dossier, how: _How) -> Dossier:
    schedule, minutes = how.schedule, how.minutes
    received, middle, resolved, returned = _part(d)
    late = _due(d, schedule, "appointment") + minutes * _MINUTE
    return _with(d, attrs.evolve(received, appointment=late), *middle, resolved, returned)


def _apology(d: Dossier, how: _How) -> Dossier:
    schedule, minutes = how.schedule, how.minutes
    received, middle, resolved, _ = _part(d)
    late = _due(d, schedule, "apology") + minutes * _MINUTE
    return _with(d, received, *middle, attrs.evolve(resolved, at=late))


def _reschedule(d: Dossier, how: _How) -> Dossier:
    schedule, minutes = how.schedule, how.minutes
    received, middle, resolved, returned = _part(d)
    due = _due(d, schedule, "reschedule")
    letters = (
        DelayNotified(resolved.at, due + minutes * _MINUTE, "Cần thêm thời gian", "Giải trình"),
        DelayNotified(
            resolved.at, due + 2 * minutes * _MINUTE, "Cần thêm thời gian", "Giải trình"
        ),
    )
    unlimited = attrs.evolve(d.policy, max_reschedules=None)
    return _with(d, received, *middle, *letters, resolved, returned, policy=unlimited)


def _supplement(d: Dossier, how: _How) -> Dossier:
    stage = how.stage
    received, middle, resolved, returned = _part(d)
    handover: list[Event] = middle or [Transferred(received.at, "Phòng chuyên môn")]
    at = received.at if stage is Stage.INTAKE else handover[0].at
    twice: list[Event] = []
    for _ in range(2):
        twice += [SupplementRequested(at, stage, "Thiếu giấy tờ"), SupplementReceived(at)]
    if stage is Stage.INTAKE:
        return _with(d, received, *twice, *middle, resolved, returned)
    return _with(d, received, handover[0], *twice, *handover[1:], resolved, returned)


def _online(d: Dossier, how: _How) -> Dossier:
    schedule, minutes = how.schedule, how.minutes
    received, middle, resolved, returned = _part(d)
    limit = WorkingHours(int(RULES_BY_ID["online-8h"].params["working_hours"]))
    submitted = received.at - minutes * _MINUTE
    while schedule.due_instant(submitted, limit) >= received.at:
        submitted -= _HOUR
    return _with(d, Submitted(submitted), received, *middle, resolved, returned)


def _return(d: Dossier, how: _How) -> Dossier:
    schedule, minutes = how.schedule, how.minutes
    received, middle, resolved, returned = _part(d)
    late = _due(d, schedule, "return-by-appointment") + minutes * _MINUTE
    return _with(d, received, *middle, resolved, attrs.evolve(returned, at=late))


def _code(d: Dossier, how: _How) -> Dossier:
    minutes = how.minutes
    days = timedelta(days=1 + (minutes - 1) % 365)
    day = d.code.day + days if d.code.day.year < 2099 else d.code.day - days
    return attrs.evolve(d, code=DossierCode(d.code.agency, day, d.code.serial))


def _district(d: Dossier, _how: _How) -> Dossier:
    if d.reference_day < TWO_TIER_REFORM:
        raise InvalidInputError(
            "violate(rule='no-district')",
            f"a dossier received on or after {TWO_TIER_REFORM.isoformat()}",
            d.reference_day.isoformat(),
        )
    return attrs.evolve(d, level=Level.DISTRICT)


def _office_hours(d: Dossier, how: _How) -> Dossier:
    schedule, minutes = how.schedule, how.minutes
    received, _, resolved, returned = _part(d)
    day = received.at.replace(hour=0, minute=0, second=0, microsecond=0)
    at = day + (minutes % (24 * 60)) * _MINUTE
    for _ in range(7 * 24 * 60):
        if not schedule.is_office_time(at):
            break
        at += _MINUTE
    else:
        raise InvalidInputError(
            "violate(rule='office-hours')", "a schedule with time outside office hours", "none"
        )
    if isinstance(d.limit, NoTimeLimit):
        raise InvalidInputError(
            "violate(rule='office-hours')", "a dossier with a time limit", str(d.limit)
        )
    due = schedule.due_instant(at, d.limit, rule=d.rule)
    printed = due - _MINUTE
    if printed < at:
        raise InvalidInputError(
            "violate(rule='office-hours')",
            "a time limit that ends after the receipt",
            f"{d.limit} received {at.isoformat()}",
        )
    done = min(schedule.next_office_instant(at), printed)
    code = DossierCode(d.code.agency, at.date(), d.code.serial)
    return attrs.evolve(
        d,
        code=code,
        events=(
            Received(at, printed),
            attrs.evolve(resolved, at=done),
            attrs.evolve(returned, at=done),
        ),
    )


def _steps(d: Dossier, how: _How) -> Dossier:
    schedule, minutes = how.schedule, how.minutes
    received, middle, resolved, returned = _part(d)
    if not isinstance(d.limit, WorkingDays | WorkingHours) or schedule.hours.day_length is None:
        raise InvalidInputError(
            "violate(rule='step-allotments')",
            "a limit in working days or hours",
            str(d.limit),
        )
    wrong = WorkingHours(minutes)
    statutory = (
        d.limit.count
        if isinstance(d.limit, WorkingHours)
        else d.limit.count * (schedule.hours.day_length / _HOUR)
    )
    if wrong.count == statutory:
        wrong = WorkingHours(minutes + 1)
    at = middle[0].at if middle else received.at
    return _with(d, received, Transferred(at, "Phòng chuyên môn", wrong), resolved, returned)


def _intake(d: Dossier, how: _How) -> Dossier:
    received, middle, resolved, returned = _part(d)
    term = None
    if how.catalogue is not None and str(d.procedure) in how.catalogue:
        term = how.catalogue.get(d.procedure).term(d.channel, d.case or None)
    if term is None or term.intake_check is None:
        raise InvalidInputError(
            "violate(rule='intake-check')",
            "a catalogue whose term for the dossier sets an intake-check time",
            "none" if term is None else "a term without one",
        )
    submitted = received.at - how.minutes * _MINUTE
    while how.schedule.due_instant(submitted, term.intake_check) >= received.at:
        submitted -= _HOUR
    return _with(d, Submitted(submitted), received, *middle, resolved, returned)


def _scope(d: Dossier, how: _How) -> Dossier:
    if how.units is None:
        raise InvalidInputError(
            "violate(rule='receipt-scope', units)",
            "a receiving and a deciding unit in two provinces",
            "None",
        )
    receiving, deciding = how.units
    return attrs.evolve(d, receiving_unit=receiving, deciding_unit=deciding)


RULES_BY_ID: Final = {rule.id: rule for rule in RULES}

#: Rule id -> what the dossier needs ("limit", "online", "working", "two-tier", "intake",
#: "units" or "") and how it is broken.
VIOLATIONS: Final[dict[str, _Case]] = {
    "appointment": _Case("limit", _appointment),
    "apology": _Case("limit", _apology),
    "reschedule": _Case("limit", _reschedule),
    "supplement-once": _Case("", _supplement),
    "online-8h": _Case("online", _online),
    "return-by-appointment": _Case("limit", _return),
    "code": _Case("", _code),
    "no-district": _Case("two-tier", _district),
    "office-hours": _Case("limit", _office_hours),
    "step-allotments": _Case("working", _steps),
    "intake-check": _Case("intake", _intake),
    "receipt-scope": _Case("units", _scope),
}


def violate(
    dossier: Dossier,
    rule: str,
    *,
    schedule: WorkSchedule | None = None,
    minutes: int = 1,
    stage: Stage = Stage.APPRAISAL,
    catalogue: Catalogue | None = None,
    units: tuple[str, str] | None = None,
) -> Dossier:
    """Return *dossier* changed so that the compliance rule *rule* (its id) fails.

    *dossier* is a closed, compliant dossier (received, maybe handed over, resolved and
    returned); *minutes* (1 or more) says by how much it goes wrong (how late, how many days
    off...), *stage* where the second supplement request comes, and *schedule* the office
    hours the dossier was built on (default: the national calendar, 08:00-17:00).
    ``intake-check`` needs the *catalogue* (the term's intake-check time) and
    ``receipt-scope`` the *units*: a receiving and a deciding unit in two provinces.

    Raises:
        InvalidInputError: An unknown rule, *minutes* below 1, or a dossier that cannot
            break the rule (no time limit, received before the rule's instruments...).
    """
    if rule not in VIOLATIONS:
        raise InvalidInputError("violate(rule)", "a rule id: " + ", ".join(VIOLATIONS), rule)
    if isinstance(minutes, bool) or not isinstance(minutes, int) or minutes < 1:
        raise InvalidInputError("violate(minutes)", "a whole number, 1 or more", minutes)
    case = VIOLATIONS[rule]
    if case.needs == "online" and dossier.channel is not Channel.ONLINE:
        raise InvalidInputError(
            "violate(rule='online-8h')", "an online dossier (channel 2)", dossier.channel.value
        )
    how = _How(schedule or default_schedule(), minutes, stage, catalogue, units)
    return case.make(dossier, how)
