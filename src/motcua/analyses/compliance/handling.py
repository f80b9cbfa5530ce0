"""Rules on handling a dossier: supplements, the level that handles it, inter-agency steps.

* ``supplement-once``: a supplement is requested at most once per stage (Decree
  61/2018/NĐ-CP Art. 19(1)) [R];
* ``no-district``: no district-level handling after 2025-07-01 (two-tier local government);
* ``step-allotments``: the allotted times of the inter-agency steps add up to the statutory
  limit (provincial internal workflows) [S].
"""

from __future__ import annotations

from datetime import timedelta
from typing import Final

from motcua.analyses.compliance.rules import Basis, Context, Finding, Rule
from motcua.domain.dossiers import Dossier
from motcua.domain.lifecycle import Stage
from motcua.domain.units import TWO_TIER_REFORM, Level
from motcua.foundation.confidence import Confidence
from motcua.time.limits import WorkingDays, WorkingHours

__all__ = ["NO_DISTRICT", "STEP_ALLOTMENTS", "SUPPLEMENT_ONCE"]

_HOUR: Final = timedelta(hours=1)


def _check_supplements(d: Dossier, _ctx: Context) -> list[Finding]:
    out: list[Finding] = []
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


def _check_district(d: Dossier, ctx: Context) -> list[Finding]:
    day = d.reference_day
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


def _check_steps(d: Dossier, ctx: Context) -> list[Finding]:
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


_R = Confidence.RECALLED
_S = Confidence.SECONDARY

SUPPLEMENT_ONCE: Final[Rule[Dossier]] = Rule(
    "supplement-once",
    "A supplement is requested at most once per stage (intake, appraisal)",
    (
        Basis.unsourced("Q09-2015"),
        Basis(
            "D61-2018",
            "Art. 19(1) (article not read); one-stop practice: guidance once, in writing "
            "(Cà Mau one-stop Q&A)",
            _R,
        ),
        Basis("D118-2025", "supplements (article not read)", _R),
    ),
    {},
    _check_supplements,
)

NO_DISTRICT: Final[Rule[Dossier]] = Rule(
    "no-district",
    "No district-level handling after 2025-07-01",
    (
        Basis(
            "D118-2025",
            "Art. 1(1): one-stop units at ministry, province and commune (read, "
            "hethongphapluat.vn); Resolution 203/2025/QH15 (two-tier local government)",
            Confidence.CONFIRMED,
            read=True,
        ),
    ),
    {},
    _check_district,
)

STEP_ALLOTMENTS: Final[Rule[Dossier]] = Rule(
    "step-allotments",
    "The allotted times of the inter-agency steps add up to the statutory limit",
    (
        Basis(
            "D61-2018",
            "provincial internal workflows (quy trình nội bộ), e.g. Hà Nội 1837/QĐ-UBND "
            "(2022), split the statutory time into steps",
            _S,
        ),
        Basis("D118-2025", "as under Decree 61/2018: provincial internal workflows", _S),
    ),
    {"mode": "equal"},
    _check_steps,
)
