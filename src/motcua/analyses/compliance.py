"""Compliance rules: small named checks that return violations with their legal basis.

Each :class:`Rule` has an id, a title, the legal basis it encodes (instrument and article),
the regimes it belongs to, a confidence mark from the research digests, and parameters with
documented defaults. :func:`check` runs the rules in force for each dossier and returns
every :class:`Violation`: the rule, the dossier, the facts and a readable message.

The regime in force is chosen by the dossier's receipt date (``Regime.AUTO``):

* Decree 61/2018/NĐ-CP with Circular 01/2018/TT-VPCP, until 2025-06-30;
* Decree 118/2025/NĐ-CP with Circular 03/2025/TT-VPCP, from 2025-07-01.

Where the digests mark a rule [S] or [R] (seen in practice, or recalled and not re-read),
it is a configurable default: switch it off or change its parameters with
:class:`ComplianceConfig`. The rule reference (``docs/reference/rules.md``) is generated
from :data:`RULES`.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime, timedelta
from typing import Any, Final

import attrs

from motcua.domain.dossiers import Dossier
from motcua.domain.lifecycle import Stage, Submitted
from motcua.domain.procedures import Catalogue, Channel, Medium, NoTimeLimit, Procedure
from motcua.domain.timeliness import Timeliness
from motcua.domain.units import TWO_TIER_REFORM, Level
from motcua.foundation.errors import InvalidInputError, NotFoundError
from motcua.time.deadlines import WorkSchedule, default_schedule
from motcua.time.limits import WorkingDays, WorkingHours

__all__ = [
    "MANDATORY_PARTS",
    "RULES",
    "ComplianceConfig",
    "Regime",
    "Rule",
    "Violation",
    "check",
    "check_catalogue",
    "check_figures",
    "regime_on",
]


class Regime(enum.Enum):
    """The one-stop regime a dossier is judged under."""

    AUTO = "auto"
    #: Decree 61/2018/NĐ-CP and Circular 01/2018/TT-VPCP (until 2025-06-30).
    DECREE_61_2018 = "61-2018"
    #: Decree 118/2025/NĐ-CP and Circular 03/2025/TT-VPCP (from 2025-07-01).
    DECREE_118_2025 = "118-2025"

    @property
    def instruments(self) -> str:
        """The decree and circular of the regime."""
        return {
            Regime.DECREE_61_2018: "Decree 61/2018/NĐ-CP; Circular 01/2018/TT-VPCP",
            Regime.DECREE_118_2025: "Decree 118/2025/NĐ-CP; Circular 03/2025/TT-VPCP",
            Regime.AUTO: "chosen by the receipt date",
        }[self]


def regime_on(day: date) -> Regime:
    """Return the regime in force on *day* (Decree 118/2025 is in force from 2025-07-01)."""
    return Regime.DECREE_61_2018 if day < TWO_TIER_REFORM else Regime.DECREE_118_2025


@attrs.frozen
class Violation:
    """One broken rule for one dossier.

    Attributes:
        rule: The rule's id.
        dossier: The dossier code.
        basis: The legal basis of the rule.
        message: What is wrong, with the numbers.
        facts: The facts behind it (name -> value, as text).
        regime: The regime the dossier was judged under.
    """

    rule: str
    dossier: str
    basis: str
    message: str
    facts: Mapping[str, str] = attrs.field(factory=dict)
    regime: str = ""

    def __str__(self) -> str:
        """Return ``[rule] dossier: message (basis)``."""
        return f"[{self.rule}] {self.dossier}: {self.message} ({self.basis})"


@attrs.frozen
class _Context:
    catalogue: Catalogue | None
    schedule: WorkSchedule
    as_of: datetime | None
    regime: Regime
    params: Mapping[str, Any]


#: A rule's check: (dossier, context) -> (message, facts) pairs, one per violation.
CheckFunction = Callable[[Dossier, _Context], list[tuple[str, dict[str, str]]]]


@attrs.frozen
class Rule:
    """A named compliance check.

    Attributes:
        id: A stable identifier (``appointment``, ``apology``...).
        title: What the rule requires.
        basis: Instrument and article.
        regimes: The regimes it belongs to.
        confidence: ``C`` confirmed, ``S`` seen in practice, ``R`` recalled (digest marks).
        params: Parameters and their defaults.
        check: The check itself.
    """

    id: str
    title: str
    basis: str
    regimes: frozenset[Regime]
    confidence: str
    params: Mapping[str, Any]
    check: CheckFunction = attrs.field(repr=False)


def _fmt(at: datetime | None) -> str:
    return "-" if at is None else f"{at:%H:%M %d/%m/%Y}"


def _statutory_due(d: Dossier, ctx: _Context) -> datetime | None:
    """The due instant computed at receipt, with the term of the catalogue if known."""
    received = d.received_at
    if received is None:
        return None
    limit, rule = d.limit, d.rule
    if isinstance(limit, NoTimeLimit):
        return None
    start = d.clock_started_at or received
    return ctx.schedule.due_instant(start, limit, rule=rule)


def _check_terms(d: Dossier, ctx: _Context) -> list[tuple[str, dict[str, str]]]:
    if ctx.catalogue is None or str(d.procedure) not in ctx.catalogue:
        return []
    try:
        term = ctx.catalogue.get(d.procedure).term(d.channel, d.case or None)
    except (NotFoundError, InvalidInputError) as exc:
        return [(f"the procedure has no term for this channel: {exc}", {})]
    if term.limit != d.limit:
        return [
            (
                (
                    f"the dossier's time limit ({d.limit}) is not the procedure's for channel "
                    f"{d.channel.value} ({term.limit})"
                ),
                {"limit": str(d.limit), "statutory": str(term.limit)},
            )
        ]
    return []


def _check_appointment(d: Dossier, ctx: _Context) -> list[tuple[str, dict[str, str]]]:
    out = _check_terms(d, ctx)
    printed, received = d.printed_appointment, d.received_at
    if printed is None or received is None or not ctx.schedule.is_office_time(received):
        return out  # outside office hours: see the office-hours rule
    due = _statutory_due(d, ctx)
    if due is not None and printed != due:
        out.append(
            (
                (
                    f"the receipt prints the appointment {_fmt(printed)}, the statutory "
                    f"computation gives {_fmt(due)}"
                ),
                {"printed": printed.isoformat(), "statutory": due.isoformat()},
            )
        )
    return out


def _check_office_hours(d: Dossier, ctx: _Context) -> list[tuple[str, dict[str, str]]]:
    printed, received = d.printed_appointment, d.received_at
    if printed is None or received is None or ctx.schedule.is_office_time(received):
        return []
    due = _statutory_due(d, ctx)
    if due is not None and printed < due:
        return [
            (
                (
                    f"received at {_fmt(received)}, outside office hours, but the appointment "
                    f"{_fmt(printed)} counts that time; it should be {_fmt(due)}"
                ),
                {"received": received.isoformat(), "printed": printed.isoformat()},
            )
        ]
    return []


def _became_late(d: Dossier, ctx: _Context) -> bool:
    state = d.timeliness(as_of=ctx.as_of, schedule=ctx.schedule)
    return state in (Timeliness.LATE, Timeliness.OVERDUE)


def _check_apology(d: Dossier, ctx: _Context) -> list[tuple[str, dict[str, str]]]:
    if not _became_late(d, ctx):
        return []
    delays = d.delays
    due = d.due(as_of=ctx.as_of, schedule=ctx.schedule)
    if not delays:
        return [
            (
                f"late (due {_fmt(None if due is None else due.at)}) without an apology letter",
                {"due": "" if due is None else due.at.isoformat()},
            )
        ]
    out: list[tuple[str, dict[str, str]]] = []
    letter = delays[0]
    if due is not None:
        days = int(ctx.params["notice_working_days"])
        latest_day = ctx.schedule.calendar.add_working_days(due.at.date(), -days)
        if letter.at.date() > latest_day:
            out.append(
                (
                    (
                        f"the apology letter of {_fmt(letter.at)} came later than {days} working "
                        f"day(s) before the due date {due.at:%d/%m/%Y}"
                    ),
                    {"letter": letter.at.isoformat(), "due": due.at.isoformat()},
                )
            )
    if ctx.params["require_explanation"] and not letter.explanation.strip():
        out.append(("the apology letter gives no explanation (giải trình)", {}))
    return out


def _check_reschedules(d: Dossier, ctx: _Context) -> list[tuple[str, dict[str, str]]]:
    limit = int(ctx.params["max"])
    if len(d.delays) > limit:
        return [
            (
                f"{len(d.delays)} new appointments; at most {limit} allowed",
                {"reschedules": str(len(d.delays))},
            )
        ]
    return []


def _check_supplements(d: Dossier, _ctx: _Context) -> list[tuple[str, dict[str, str]]]:
    out = []
    for stage in Stage:
        count = sum(1 for s in d.supplements if s.stage is stage)
        if count > 1:
            out.append(
                (
                    f"{count} supplement requests at the {stage.value} stage; one is allowed",
                    {"stage": stage.value, "requests": str(count)},
                )
            )
    return out


def _check_online_intake(d: Dossier, ctx: _Context) -> list[tuple[str, dict[str, str]]]:
    if d.channel is not Channel.ONLINE:
        return []
    submitted = next((e.at for e in d.events if isinstance(e, Submitted)), None)
    if submitted is None:
        return []
    answered = next(
        (e.at for e in d.events[1:] if e.kind in ("received", "supplement_requested", "refused")),
        None,
    )
    limit = WorkingHours(int(ctx.params["working_hours"]))
    deadline = ctx.schedule.due_instant(submitted, limit)
    moment = answered or ctx.as_of
    if moment is not None and moment > deadline:
        return [
            (
                (
                    f"submitted online {_fmt(submitted)}; no receipt or supplement request by "
                    f"{_fmt(deadline)} ({limit.count} working hours)"
                ),
                {"submitted": submitted.isoformat(), "deadline": deadline.isoformat()},
            )
        ]
    return []


def _check_return(d: Dossier, ctx: _Context) -> list[tuple[str, dict[str, str]]]:
    returned = d.returned_at
    appointment = d.appointment(schedule=ctx.schedule)
    if returned is not None and appointment is not None and returned > appointment:
        return [
            (
                f"result returned {_fmt(returned)}, after the appointment {_fmt(appointment)}",
                {"returned": returned.isoformat(), "appointment": appointment.isoformat()},
            )
        ]
    return []


def _check_code(d: Dossier, _ctx: _Context) -> list[tuple[str, dict[str, str]]]:
    received = d.received_at
    if received is not None and d.code.day != received.date():
        return [
            (
                (
                    f"the code's date {d.code.day:%d/%m/%Y} is not the receipt date "
                    f"{received:%d/%m/%Y}"
                ),
                {"code_date": d.code.day.isoformat(), "received": received.date().isoformat()},
            )
        ]
    return []


def _check_district(d: Dossier, ctx: _Context) -> list[tuple[str, dict[str, str]]]:
    day = (d.received_at or d.events[0].at).date()
    if day < TWO_TIER_REFORM:
        return []
    level = d.level
    if level is None and ctx.catalogue is not None and str(d.procedure) in ctx.catalogue:
        levels = ctx.catalogue.get(d.procedure).levels
        level = Level.DISTRICT if levels == (Level.DISTRICT,) else None
    if level is Level.DISTRICT:
        return [
            (
                f"handled at district level on {day:%d/%m/%Y}, after the district level ended",
                {"level": "district", "day": day.isoformat()},
            )
        ]
    return []


def _check_steps(d: Dossier, ctx: _Context) -> list[tuple[str, dict[str, str]]]:
    transfers = d.transfers
    if not transfers or any(t.allotted is None for t in transfers):
        return []
    if not isinstance(d.limit, WorkingDays | WorkingHours):
        return []
    day = ctx.schedule.hours.day_length

    def hours(limit: WorkingDays | WorkingHours) -> timedelta:
        if isinstance(limit, WorkingHours):
            return timedelta(hours=float(limit.count))
        return day * float(limit.count) if day is not None else timedelta(0)

    total = sum((hours(t.allotted) for t in transfers if t.allotted is not None), timedelta())
    statutory = hours(d.limit)
    equal = ctx.params["mode"] == "equal"
    if (equal and total != statutory) or (not equal and total > statutory):
        return [
            (
                (
                    f"the steps' allotted times add up to {total / _HOUR:g} working hours; "
                    f"the statutory limit is {statutory / _HOUR:g}"
                ),
                {"allotted": str(total), "statutory": str(statutory)},
            )
        ]
    return []


_HOUR: Final = timedelta(hours=1)
_BOTH: Final = frozenset({Regime.DECREE_61_2018, Regime.DECREE_118_2025})

#: Every rule motcua knows, in reference order.
RULES: Final[tuple[Rule, ...]] = (
    Rule(
        "appointment",
        "The appointment on the receipt equals the statutory computation for the procedure "
        "and the channel used",
        "Circular 01/2018/TT-VPCP form 01 (receipt and appointment, hh:mm dd/mm/yyyy); "
        "the procedure's time limit per channel (Decree 63/2010 Art. 8)",
        _BOTH,
        "C",
        {},
        _check_appointment,
    ),
    Rule(
        "apology",
        "A dossier that became late has an apology letter, issued no later than one working "
        "day before the original due date, with an explanation",
        "Decree 61/2018/NĐ-CP, overdue dossiers: apology no later than 1 day before the "
        "deadline (article not read; press summary of the decree [C]); Directive "
        "27/CT-TTg (2023) cl. 1(dd): explain delays",
        _BOTH,
        "C",
        {"notice_working_days": 1, "require_explanation": True},
        _check_apology,
    ),
    Rule(
        "reschedule",
        "At most one new appointment",
        "Decree 61/2018/NĐ-CP, overdue dossiers: the return date is rescheduled no more "
        "than once (article not read; press summary of the decree [C])",
        _BOTH,
        "C",
        {"max": 1},
        _check_reschedules,
    ),
    Rule(
        "supplement-once",
        "A supplement is requested at most once per stage (intake, appraisal)",
        "Decree 61/2018/NĐ-CP Art. 19(1) [R]; one-stop practice: guidance once, in writing [C]",
        _BOTH,
        "R",
        {},
        _check_supplements,
    ),
    Rule(
        "online-8h",
        "An online dossier is received, or a supplement requested, within 8 working hours",
        "Decree 45/2020/NĐ-CP Art. 11 (online receipt) [C]: official receipt or a "
        "supplement request within 8 working hours (clause number not confirmed)",
        _BOTH,
        "C",
        {"working_hours": 8},
        _check_online_intake,
    ),
    Rule(
        "return-by-appointment",
        "The result is returned no later than the appointment (the new one after an apology)",
        "Circular 01/2018/TT-VPCP forms 01 and 04 (the appointment and the new appointment) [R]",
        _BOTH,
        "R",
        {},
        _check_return,
    ),
    Rule(
        "code",
        "The dossier code's date is the receipt date",
        "Circular 01/2018/TT-VPCP Art. 19 (YYMMDD is the date of receipt)",
        _BOTH,
        "C",
        {},
        _check_code,
    ),
    Rule(
        "no-district",
        "No district-level handling after 2025-07-01",
        "Resolution 203/2025/QH15 amending the Constitution, Art. 110 (two-tier local "
        "government from 2025-07-01); Decree 118/2025/NĐ-CP Art. 1(1)",
        frozenset({Regime.DECREE_118_2025}),
        "C",
        {},
        _check_district,
    ),
    Rule(
        "office-hours",
        "Time outside office hours is not counted: a receipt after hours counts from the "
        "next session",
        "Decision 188/1999/QĐ-TTg Art. 1 (the working week); office hours set per unit; "
        "counting from the next session is one-stop practice [S]",
        _BOTH,
        "S",
        {},
        _check_office_hours,
    ),
    Rule(
        "step-allotments",
        "The allotted times of the inter-agency steps add up to the statutory limit",
        "Provincial decisions approving internal workflows (quy trình nội bộ), e.g. Hà Nội "
        "1837/QĐ-UBND (2022), split the statutory time into steps [S]",
        _BOTH,
        "S",
        {"mode": "equal"},
        _check_steps,
    ),
)

_BY_ID: Final = {rule.id: rule for rule in RULES}


def _ids(value: Iterable[str]) -> frozenset[str]:
    if isinstance(value, str):
        raise InvalidInputError("ComplianceConfig.disabled", "a set of rule ids", value)
    return frozenset(value)


@attrs.frozen
class ComplianceConfig:
    """Which rules run, and with which parameters.

    Attributes:
        disabled: Rule ids switched off.
        params: Per rule id, parameter overrides.
    """

    disabled: frozenset[str] = attrs.field(default=frozenset(), converter=_ids)
    params: Mapping[str, Mapping[str, Any]] = attrs.field(factory=dict)

    def __attrs_post_init__(self) -> None:
        """Check that every rule id and parameter exists."""
        for rule_id in (*self.disabled, *self.params):
            if rule_id not in _BY_ID:
                raise InvalidInputError(
                    "ComplianceConfig", "a rule id: " + ", ".join(_BY_ID), rule_id
                )
        for rule_id, values in self.params.items():
            for name in values:
                if name not in _BY_ID[rule_id].params:
                    raise InvalidInputError(
                        f"ComplianceConfig.params[{rule_id!r}]",
                        "one of " + (", ".join(_BY_ID[rule_id].params) or "no parameters"),
                        name,
                    )


def check(
    dossiers: Dossier | Iterable[Dossier],
    *,
    regime: Regime = Regime.AUTO,
    as_of: datetime | None = None,
    catalogue: Catalogue | None = None,
    config: ComplianceConfig | None = None,
    schedule: WorkSchedule | None = None,
) -> tuple[Violation, ...]:
    """Run the rules in force on each dossier; return every violation, in order.

    Args:
        dossiers: One dossier or many.
        regime: ``AUTO`` picks it per dossier from the receipt date.
        as_of: The instant open dossiers are judged at (late, 8 working hours...); without
            it, open dossiers are judged on what has happened only.
        catalogue: The procedures (for the statutory terms and levels), if known.
        config: Rules switched off and parameters.
        schedule: Calendar and office hours (default: the national calendar, 08-17).
    """
    conf = config or ComplianceConfig()
    sched = schedule or default_schedule()
    items = [dossiers] if isinstance(dossiers, Dossier) else list(dossiers)
    out: list[Violation] = []
    for d in items:
        day = (d.received_at or d.events[0].at).date()
        in_force = regime_on(day) if regime is Regime.AUTO else regime
        for rule in RULES:
            if rule.id in conf.disabled or in_force not in rule.regimes:
                continue
            params = {**rule.params, **conf.params.get(rule.id, {})}
            ctx = _Context(catalogue, sched, as_of, in_force, params)
            for message, facts in rule.check(d, ctx):
                out.append(
                    Violation(rule.id, str(d.code), rule.basis, message, facts, in_force.value)
                )
    return tuple(out)


#: Decree 63/2010/NĐ-CP Art. 8(2): the parts every procedure must state (as used by the
#: DVCQG 766 indicator 1.3 [C-impl]): part -> how to tell it is there.
MANDATORY_PARTS: Final[tuple[tuple[str, Callable[[Procedure], bool]], ...]] = (
    ("name (tên)", lambda p: bool(p.name.strip())),
    ("sequence (trình tự)", lambda p: bool(p.steps)),
    ("method (cách thức)", lambda p: bool(p.terms)),
    ("dossier components (thành phần hồ sơ)", lambda p: bool(p.documents)),
    ("time limit (thời hạn)", lambda p: bool(p.terms)),
    ("applicants (đối tượng)", lambda p: bool(p.applicants)),
    ("implementing agency (cơ quan thực hiện)", lambda p: bool(p.implementing_agencies)),
    ("result (kết quả)", lambda p: bool(p.results)),
)


def check_catalogue(catalogue: Catalogue, *, on: date | None = None) -> tuple[Violation, ...]:
    """Check each procedure for the mandatory parts, and (with *on*) for posting.

    * ``procedure-parts``: Decree 63/2010/NĐ-CP Art. 8(2) lists the parts a procedure must
      state: name, sequence, method, dossier components, time limit, applicants,
      implementing agency and result [C via 766 indicator 1.3; R for the article text].
    * ``posting``: on *on*, the procedure is posted both physically and electronically
      (Decree 63/2010 Art. 16-17; the one-stop decrees) [R].
    """
    out: list[Violation] = []
    for p in catalogue:
        missing = [part for part, present in MANDATORY_PARTS if not present(p)]
        if missing:
            out.append(
                Violation(
                    "procedure-parts",
                    str(p.code),
                    "Decree 63/2010/NĐ-CP Art. 8(2)",
                    "missing: " + ", ".join(missing),
                    {"missing": ", ".join(missing)},
                )
            )
        if on is not None and p.levels_on(on):
            media = [m.value for m in Medium if not p.posting.is_posted(m, on)]
            if media:
                out.append(
                    Violation(
                        "posting",
                        str(p.code),
                        "Decree 63/2010/NĐ-CP Art. 16-17; Decree 61/2018 and 118/2025 "
                        "(posting at the one-stop unit) [R]",
                        f"not posted ({' and '.join(media)}) on {on:%d/%m/%Y}",
                        {"missing": ", ".join(media), "on": on.isoformat()},
                    )
                )
    return tuple(out)


def check_figures(
    figures: Mapping[str, object] | Iterable[Mapping[str, object]],
) -> tuple[Violation, ...]:
    """Check published Biểu 06 figures: each failed identity is a ``report-identities`` violation.

    One object is one period; a sequence is consecutive periods (carry-over chains too).
    """
    from motcua.analyses.verify import verify_figures, verify_series  # noqa: PLC0415

    result = (
        verify_figures(figures) if isinstance(figures, Mapping) else verify_series(list(figures))
    )
    return tuple(
        Violation(
            "report-identities",
            f"figures[{c.period}]",
            "Circular 01/2020/TT-VPCP Biểu 06 (column sums); Decree 09/2019 (periods chain)",
            c.message,
            {"identity": str(c.identity)},
        )
        for c in result.failures
    )
