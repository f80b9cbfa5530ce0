"""Rules on late dossiers and appointments: apology letters, reschedules, the return.

* ``apology``: a dossier that became late has an apology letter, issued no later than "01
  ngày" before the original due date (Decree 61/2018/NĐ-CP): one calendar day by default,
  since no source read says working day (``day_kind="working"`` for the other reading);
  with an explanation from Directive 27/CT-TTg (27/10/2023) on;
* ``reschedule``: at most one new appointment (Decree 61/2018/NĐ-CP);
* ``return-by-appointment``: the result is returned no later than the appointment, the new
  one after an apology (Circular 01/2018/TT-VPCP forms 01 and 04) [R].
"""

from __future__ import annotations

from datetime import timedelta
from typing import Final

from motcua.analyses.compliance.rules import Basis, Context, Finding, Message, Rule, format_instant
from motcua.domain.dossiers import Dossier
from motcua.domain.timeliness import Timeliness
from motcua.foundation.confidence import Confidence
from motcua.foundation.errors import InvalidInputError

__all__ = ["APOLOGY", "RESCHEDULE", "RETURN_BY_APPOINTMENT"]


#: The apology's notice period in Vietnamese, by its ``day_kind`` parameter.
_DAY_VI: Final = {"calendar": "ngày", "working": "ngày làm việc"}


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
                Message(
                    f"late (due {when}) without an apology letter",
                    f"quá hạn (hạn {when}) mà không có văn bản xin lỗi",
                ),
                {"due": "" if due is None else due.at.isoformat()},
            )
        ]
    out: list[Finding] = []
    letter = delays[0]
    if due is not None:
        days = int(ctx.params["notice_days"])
        kind = ctx.params["day_kind"]
        if kind == "working":
            latest_day = ctx.schedule.calendar.add_working_days(due.date, -days)
        elif kind == "calendar":
            latest_day = due.date - timedelta(days=days)
        else:
            raise InvalidInputError("apology day_kind", "calendar or working", kind)
        if letter.at.date() > latest_day:
            out.append(
                (
                    Message(
                        f"the apology letter of {format_instant(letter.at)} came later than "
                        f"{days} {kind} day(s) before the due date {due.at:%d/%m/%Y}",
                        f"văn bản xin lỗi lúc {format_instant(letter.at)} gửi muộn hơn "
                        f"{days} {_DAY_VI[kind]} trước hạn giải quyết {due.at:%d/%m/%Y}",
                    ),
                    {"letter": letter.at.isoformat(), "due": due.at.isoformat()},
                )
            )
    directive = ctx.instruments is None or "CT27-2023" in ctx.instruments
    explain = ctx.params["require_explanation"]
    if explain and directive and not letter.explanation.strip():
        out.append(
            (
                Message(
                    "the apology letter gives no explanation (giải trình)",
                    "văn bản xin lỗi không có nội dung giải trình",
                ),
                {},
            )
        )
    return out


def _check_reschedules(d: Dossier, ctx: Context) -> list[Finding]:
    limit = int(ctx.params["max"])
    if len(d.delays) > limit:
        return [
            (
                Message(
                    f"{len(d.delays)} new appointments; at most {limit} allowed",
                    f"{len(d.delays)} lần hẹn lại ngày trả kết quả; chỉ được hẹn lại tối đa "
                    f"{limit} lần",
                ),
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
                Message(
                    f"result returned {format_instant(returned)}, after the appointment "
                    f"{format_instant(appointment)}",
                    f"trả kết quả lúc {format_instant(returned)}, sau ngày hẹn "
                    f"{format_instant(appointment)}",
                ),
                {"returned": returned.isoformat(), "appointment": appointment.isoformat()},
            )
        ]
    return []


_R = Confidence.RECALLED
_S = Confidence.SECONDARY

APOLOGY: Final[Rule[Dossier]] = Rule(
    "apology",
    "A dossier that became late has an apology letter, issued no later than 01 day (calendar "
    "by default) before the original due date, with an explanation from Directive 27/CT-TTg on",
    (
        Basis.unsourced("Q09-2015"),
        Basis(
            "D61-2018",
            "overdue dossiers: apology no later than 01 day before the deadline (article not "
            "read; press summary of the decree, baovinhlong.com.vn 08/06/2018)",
            _S,
            note_vi="hồ sơ quá hạn, xin lỗi chậm nhất 01 ngày trước ngày hết hạn",
        ),
        Basis(
            "D118-2025",
            "apology and extension request (Circular 03/2025 form 04); article not read",
            _R,
            note_vi="văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết theo mẫu số 04 "
            "Thông tư 03/2025/TT-VPCP",
        ),
        Basis(
            "CT27-2023",
            "cl. 1(dd): heads report, explain and apologise for delays (read, lawnet.vn); the "
            "explanation on the letter is motcua's reading",
            _S,
            read=True,
            article="điểm đ khoản 1",
            note_vi="người đứng đầu báo cáo, giải trình và xin lỗi về việc chậm trễ; việc ghi "
            "giải trình trong văn bản xin lỗi là cách hiểu của motcua",
        ),
    ),
    {"notice_days": 1, "day_kind": "calendar", "require_explanation": True},
    _check_apology,
)

RESCHEDULE: Final[Rule[Dossier]] = Rule(
    "reschedule",
    "At most one new appointment",
    (
        Basis.unsourced("Q09-2015"),
        Basis(
            "D61-2018",
            "overdue dossiers: the return date is rescheduled no more than once (article not "
            "read; press summary of the decree)",
            _S,
            note_vi="hồ sơ quá hạn, hẹn lại ngày trả kết quả không quá một lần",
        ),
        Basis(
            "D118-2025",
            "extension at most once (article not read)",
            _R,
            note_vi="gia hạn không quá một lần",
        ),
    ),
    {"max": 1},
    _check_reschedules,
)

RETURN_BY_APPOINTMENT: Final[Rule[Dossier]] = Rule(
    "return-by-appointment",
    "The result is returned no later than the appointment (the new one after an apology)",
    (
        Basis.unsourced("Q09-2015"),
        Basis(
            "D61-2018",
            "return on the appointment (article not read)",
            _R,
            note_vi="trả kết quả đúng ngày hẹn",
        ),
        Basis(
            "C01-2018",
            "forms 01 and 04 (the appointment and the new appointment)",
            _R,
            article="mẫu số 01 và mẫu số 04",
            note_vi="ngày hẹn trả kết quả và ngày hẹn lại",
        ),
        Basis(
            "D118-2025",
            "return on the appointment (article not read)",
            _R,
            note_vi="trả kết quả đúng ngày hẹn",
        ),
    ),
    {},
    _check_return,
)
