"""Rules on where a dossier may be received and how fast a submission is checked.

* ``receipt-scope``: under Decree 118/2025/NĐ-CP Art. 14(2), the provincial and commune
  Public Administration Service Centres receive dossiers regardless of administrative
  boundaries within the province, so the receiving centre lies in the province of the
  deciding agency; the applicant's locality does not matter. Active only while Decree
  118/2025 is in force (from 01/07/2025); before it the one-stop unit received the dossiers
  of its own agency (no source read: off by default).

* ``intake-check``: when a procedure's term sets an intake-check time (a sector rule
  giving the unit some working days or hours to check a submission), the unit receives
  the submission, refuses it or asks for a supplement within it, counted from the
  submission (:attr:`ChannelTerm.intake_check
  <motcua.domain.terms.ChannelTerm.intake_check>`). It needs the catalogue; a dossier
  with no submission event (received over the counter) is checked on the spot and not
  judged. Online dossiers also fall under ``online-8h`` (Decree 45/2020).

``receipt-scope`` compares the provinces of the dossier's ``receiving_unit`` and ``deciding_unit``
(unit codes of the receipt day). A province code (two digits in the national code list)
is its own province; a commune's province is looked up in the unit registry
(``Context.registry``, ``check(..., registry=motcua.unit_registry())``). A dossier that
does not record both units, or a commune code without a registry, is not judged.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Final

from motcua.analyses.compliance.rules import Basis, Context, Finding, Message, Rule, format_instant
from motcua.analyses.notices import limit_vi
from motcua.domain.dossiers import Dossier
from motcua.domain.lifecycle import Submitted
from motcua.domain.unit_registry import UnitRegistry
from motcua.foundation.confidence import Confidence
from motcua.foundation.errors import InvalidInputError, NotFoundError

__all__ = ["INTAKE_CHECK", "RECEIPT_SCOPE"]

#: A province code of the national list of administrative units: two ASCII digits.
_PROVINCE: Final = re.compile(r"[0-9]{2}")

#: The two units a dossier records, in Vietnamese.
_ROLE_VI: Final = {"receiving_unit": "đơn vị tiếp nhận", "deciding_unit": "cơ quan giải quyết"}


def _province(registry: UnitRegistry | None, code: str, day: date) -> str | None:
    """The province code of unit *code* on *day* (None: not a unit then, or no registry)."""
    if registry is None:
        return code if _PROVINCE.fullmatch(code) else None
    try:
        return registry.province_of(code, day).code
    except (NotFoundError, InvalidInputError):
        return None


def _check_scope(d: Dossier, ctx: Context) -> list[Finding]:
    registry = ctx.registry
    if not d.receiving_unit or not d.deciding_unit:
        return []
    if registry is None and not all(
        _PROVINCE.fullmatch(c) for c in (d.receiving_unit, d.deciding_unit)
    ):
        return []
    day = d.reference_day
    out: list[Finding] = []
    provinces = {}
    for role, code in (("receiving_unit", d.receiving_unit), ("deciding_unit", d.deciding_unit)):
        province = _province(registry, code, day)
        if province is None:
            out.append(
                (
                    Message(
                        f"the {role.replace('_', ' ')} {code} is not a unit on {day:%d/%m/%Y}; "
                        "check the code (codes were reused on 01/07/2025)",
                        f"{_ROLE_VI[role]} {code} không phải là đơn vị hành chính ngày "
                        f"{day:%d/%m/%Y}; kiểm tra lại mã (mã được dùng lại từ 01/07/2025)",
                    ),
                    {role: code, "day": day.isoformat()},
                )
            )
        provinces[role] = province
    receiving, deciding = provinces["receiving_unit"], provinces["deciding_unit"]
    if receiving is not None and deciding is not None and receiving != deciding:
        out.append(
            (
                Message(
                    f"received by a centre of province {receiving} (unit {d.receiving_unit}) "
                    f"for an agency of province {deciding} (unit {d.deciding_unit}); a "
                    "centre receives regardless of boundaries within its own province only",
                    f"hồ sơ do trung tâm thuộc tỉnh {receiving} (đơn vị {d.receiving_unit}) "
                    f"tiếp nhận cho cơ quan thuộc tỉnh {deciding} (đơn vị {d.deciding_unit}); "
                    "trung tâm chỉ tiếp nhận không phụ thuộc địa giới hành chính trong phạm vi "
                    "tỉnh của mình",
                ),
                {
                    "receiving_unit": d.receiving_unit,
                    "receiving_province": receiving,
                    "deciding_unit": d.deciding_unit,
                    "deciding_province": deciding,
                },
            )
        )
    return out


#: The events that answer a submission: receipt, refusal, a supplement request.
_ANSWERS: Final = ("received", "supplement_requested", "refused")


def _check_intake(d: Dossier, ctx: Context) -> list[Finding]:
    if ctx.catalogue is None or str(d.procedure) not in ctx.catalogue:
        return []
    try:
        term = ctx.catalogue.get(d.procedure).term(d.channel, d.case or None)
    except (NotFoundError, InvalidInputError):
        return []  # the appointment rule names a missing term
    if term.intake_check is None:
        return []
    submitted = next((e.at for e in d.events if isinstance(e, Submitted)), None)
    if submitted is None:
        return []  # received over the counter: checked on the spot
    answered = next((e.at for e in d.events[1:] if e.kind in _ANSWERS), None)
    deadline = ctx.schedule.due_instant(submitted, term.intake_check)
    moment = answered or ctx.as_of
    if moment is None or moment <= deadline:
        return []
    late = (
        f"no receipt, refusal or supplement request by {format_instant(deadline)}"
        if answered is None
        else f"answered {format_instant(answered)}, after {format_instant(deadline)}"
    )
    late_vi = (
        f"đến {format_instant(deadline)} chưa tiếp nhận, từ chối hoặc yêu cầu bổ sung"
        if answered is None
        else f"trả lời lúc {format_instant(answered)}, sau {format_instant(deadline)}"
    )
    check_vi = limit_vi(term.intake_check, padded=False)
    return [
        (
            Message(
                f"submitted {format_instant(submitted)}; {late} ({term.intake_check} to check it)",
                f"nộp lúc {format_instant(submitted)}; {late_vi} (thời gian kiểm tra {check_vi})",
            ),
            {"submitted": submitted.isoformat(), "deadline": deadline.isoformat()},
        )
    ]


RECEIPT_SCOPE: Final[Rule[Dossier]] = Rule(
    "receipt-scope",
    "The receiving centre lies in the province of the deciding agency (reception "
    "regardless of administrative boundaries within the province)",
    (
        Basis.unsourced("D61-2018"),
        Basis(
            "D118-2025",
            "Art. 14(2) (provincial and commune centres receive regardless of administrative "
            "boundaries within the province; read in a news report quoting it)",
            Confidence.SECONDARY,
            article="Art. 14(2)",
            note_vi="Trung tâm Phục vụ hành chính công cấp tỉnh và cấp xã tiếp nhận hồ sơ "
            "không phụ thuộc địa giới hành chính trong phạm vi tỉnh",
        ),
    ),
    {},
    _check_scope,
)

_INTAKE_VI: Final = (
    "tiếp nhận hồ sơ; thời gian kiểm tra do quy định chuyên ngành của thủ tục đặt ra, lấy "
    "từ thời hạn trong danh mục thủ tục"
)

INTAKE_CHECK: Final[Rule[Dossier]] = Rule(
    "intake-check",
    "A submission is received, refused or sent back for a supplement within the "
    "intake-check time its procedure's term sets",
    (
        Basis(
            "D61-2018",
            "receipt of dossiers (articles not read); the time is the procedure's own "
            "sector rule, taken from the catalogue term",
            Confidence.SECONDARY,
            note_vi=_INTAKE_VI,
        ),
        Basis(
            "D118-2025",
            "receipt of dossiers (articles not read); the time is the procedure's own "
            "sector rule, taken from the catalogue term",
            Confidence.SECONDARY,
            note_vi=_INTAKE_VI,
        ),
    ),
    {},
    _check_intake,
)
