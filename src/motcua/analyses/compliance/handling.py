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

from motcua.analyses.compliance.rules import Basis, Context, Finding, Message, Rule
from motcua.domain.dossiers import Dossier
from motcua.domain.lifecycle import Stage
from motcua.domain.units import TWO_TIER_REFORM, Level
from motcua.foundation.confidence import Confidence
from motcua.time.limits import WorkingDays, WorkingHours

__all__ = ["NO_DISTRICT", "STEP_ALLOTMENTS", "SUPPLEMENT_ONCE"]

_HOUR: Final = timedelta(hours=1)

#: The stages of a supplement request in Vietnamese.
_STAGE_VI: Final = {Stage.INTAKE: "tiếp nhận", Stage.APPRAISAL: "thẩm định"}


def _hours_vi(hours: float) -> str:
    """A number of hours with the Vietnamese decimal comma (``1,5``)."""
    return f"{hours:g}".replace(".", ",")


def _check_supplements(d: Dossier, _ctx: Context) -> list[Finding]:
    out: list[Finding] = []
    for stage in Stage:
        count = sum(1 for s in d.supplements if s.stage is stage)
        if count > 1:
            out.append(
                (
                    Message(
                        f"{count} supplement requests at the {stage.value} stage; one is allowed",
                        f"{count} lần yêu cầu bổ sung hồ sơ ở bước {_STAGE_VI[stage]}; chỉ được "
                        "yêu cầu một lần",
                    ),
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
                Message(
                    f"handled at district level on {day:%d/%m/%Y}, after the district level ended",
                    f"giải quyết ở cấp huyện ngày {day:%d/%m/%Y}, sau khi cấp huyện đã kết thúc "
                    "hoạt động",
                ),
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
                Message(
                    f"the steps' allotted times add up to {total / _HOUR:g} working hours; "
                    f"the statutory limit is {statutory / _HOUR:g}",
                    f"thời gian phân bổ cho các bước cộng lại là {_hours_vi(total / _HOUR)} giờ "
                    f"làm việc; thời hạn theo quy định là {_hours_vi(statutory / _HOUR)}",
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
            article="Art. 19(1)",
            note_vi="thực tiễn một cửa, hướng dẫn một lần, bằng văn bản, theo hỏi đáp về một "
            "cửa của Cà Mau",
        ),
        Basis("D118-2025", "supplements (article not read)", _R, note_vi="bổ sung hồ sơ"),
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
            article="Art. 1(1)",
            note_vi="bộ phận một cửa ở cấp bộ, cấp tỉnh và cấp xã; chính quyền địa phương hai "
            "cấp theo Nghị quyết 203/2025/QH15",
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
            note_vi="quy trình nội bộ của tỉnh, ví dụ Quyết định 1837/QĐ-UBND năm 2022 của Hà "
            "Nội, chia thời hạn theo quy định thành các bước",
        ),
        Basis(
            "D118-2025",
            "as under Decree 61/2018: provincial internal workflows",
            _S,
            note_vi="như theo Nghị định 61/2018/NĐ-CP, quy trình nội bộ của tỉnh",
        ),
    ),
    {"mode": "equal"},
    _check_steps,
)
