"""Rules on late dossiers and appointments: apology letters, reschedules, the return.

* ``apology``: a dossier that became late has an apology letter, issued no later than one
  working day before the original due date, with an explanation (Decree 61/2018/NĐ-CP;
  Directive 27/CT-TTg);
* ``reschedule``: at most one new appointment (Decree 61/2018/NĐ-CP);
* ``return-by-appointment``: the result is returned no later than the appointment, the new
  one after an apology (Circular 01/2018/TT-VPCP forms 01 and 04) [R].
"""

from __future__ import annotations

from typing import Final

from motcua.analyses.compliance.rules import BOTH, Context, Finding, Rule, format_instant
from motcua.domain.dossiers import Dossier
from motcua.domain.timeliness import Timeliness
from motcua.foundation.confidence import Confidence

__all__ = ["APOLOGY", "RESCHEDULE", "RETURN_BY_APPOINTMENT"]


def _became_late(d: Dossier, ctx: Context) -> bool:
    state = d.timeliness(as_of=ctx.as_of, schedule=ctx.schedule)
    return state in (Timeliness.LATE, Timeliness.OVERDUE)


def _check_apology(d: Dossier, ctx: Context) -> list[Finding]:
    if not _became_late(d, ctx):
        return []
    delays = d.delays
    due = d.due(as_of=ctx.as_of, schedule=ctx.schedule)
    if not delays:
        when = format_instant(None if due is None else due.at)
        return [
            (
                f"late (due {when}) without an apology letter",
                {"due": "" if due is None else due.at.isoformat()},
            )
        ]
    out: list[Finding] = []
    letter = delays[0]
    if due is not None:
        days = int(ctx.params["notice_working_days"])
        latest_day = ctx.schedule.calendar.add_working_days(due.at.date(), -days)
        if letter.at.date() > latest_day:
            out.append(
                (
                    (
                        f"the apology letter of {format_instant(letter.at)} came later than "
                        f"{days} working day(s) before the due date {due.at:%d/%m/%Y}"
                    ),
                    {"letter": letter.at.isoformat(), "due": due.at.isoformat()},
                )
            )
    if ctx.params["require_explanation"] and not letter.explanation.strip():
        out.append(("the apology letter gives no explanation (giải trình)", {}))
    return out


def _check_reschedules(d: Dossier, ctx: Context) -> list[Finding]:
    limit = int(ctx.params["max"])
    if len(d.delays) > limit:
        return [
            (
                f"{len(d.delays)} new appointments; at most {limit} allowed",
                {"reschedules": str(len(d.delays))},
            )
        ]
    return []


def _check_return(d: Dossier, ctx: Context) -> list[Finding]:
    returned = d.returned_at
    appointment = d.appointment(schedule=ctx.schedule)
    if returned is not None and appointment is not None and returned > appointment:
        return [
            (
                (
                    f"result returned {format_instant(returned)}, after the appointment "
                    f"{format_instant(appointment)}"
                ),
                {"returned": returned.isoformat(), "appointment": appointment.isoformat()},
            )
        ]
    return []


APOLOGY: Final[Rule[Dossier]] = Rule(
    "apology",
    "A dossier that became late has an apology letter, issued no later than one working "
    "day before the original due date, with an explanation",
    "Decree 61/2018/NĐ-CP, overdue dossiers: apology no later than 1 day before the "
    "deadline (article not read; press summary of the decree [C]); Directive "
    "27/CT-TTg (2023) cl. 1(dd): explain delays",
    BOTH,
    Confidence.CONFIRMED,
    {"notice_working_days": 1, "require_explanation": True},
    _check_apology,
)

RESCHEDULE: Final[Rule[Dossier]] = Rule(
    "reschedule",
    "At most one new appointment",
    "Decree 61/2018/NĐ-CP, overdue dossiers: the return date is rescheduled no more "
    "than once (article not read; press summary of the decree [C])",
    BOTH,
    Confidence.CONFIRMED,
    {"max": 1},
    _check_reschedules,
)

RETURN_BY_APPOINTMENT: Final[Rule[Dossier]] = Rule(
    "return-by-appointment",
    "The result is returned no later than the appointment (the new one after an apology)",
    "Circular 01/2018/TT-VPCP forms 01 and 04 (the appointment and the new appointment) [R]",
    BOTH,
    Confidence.RECALLED,
    {},
    _check_return,
)
