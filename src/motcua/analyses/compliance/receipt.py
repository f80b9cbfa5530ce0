"""Rules on intake and the receipt: the appointment, office hours, online receipt, the code.

* ``appointment``: the appointment printed on the receipt is no later than the statutory
  computation for the procedure's time limit on the channel used (an earlier appointment is
  lawful: provinces reduce time limits) (Circular 01/2018/TT-VPCP form 01);
* ``office-hours``: a receipt outside office hours counts from the next session [S];
* ``online-8h``: an online dossier is received, or a supplement requested, within 8 working
  hours (Decree 45/2020/NĐ-CP Art. 11, from 22/05/2020 only);
* ``code``: the dossier code's date is the receipt date (Circular 01/2018/TT-VPCP Art. 19).
"""

from __future__ import annotations

from datetime import datetime
from typing import Final

from motcua.analyses.compliance.rules import Basis, Context, Finding, Message, Rule, format_instant
from motcua.analyses.notices import limit_vi
from motcua.domain.dossiers import Dossier
from motcua.domain.instruments import in_force_on
from motcua.domain.lifecycle import Submitted
from motcua.domain.procedures import Channel, NoTimeLimit, TermStart
from motcua.foundation.confidence import Confidence
from motcua.foundation.errors import InvalidInputError, NotFoundError
from motcua.time.limits import WorkingHours

__all__ = ["APPOINTMENT", "CODE", "OFFICE_HOURS", "ONLINE_8H"]


def _statutory_due(d: Dossier, ctx: Context) -> datetime | None:
    """The due instant computed at receipt, from the term's start (None: undetermined).

    The start is the dossier's own (:attr:`Dossier.starts`, from its procedure's term): the
    complete dossier or the submission. A term that starts on payment has no due instant at
    receipt: the appointment printed then cannot be judged against it.
    """
    received = d.received_at
    if received is None or isinstance(d.limit, NoTimeLimit) or d.starts is TermStart.PAYMENT:
        return None
    return ctx.schedule.due_instant(d.clock_started_at or received, d.limit, rule=d.rule)


def _check_terms(d: Dossier, ctx: Context) -> list[Finding]:
    if ctx.catalogue is None or str(d.procedure) not in ctx.catalogue:
        return []
    try:
        term = ctx.catalogue.get(d.procedure).term(d.channel, d.case or None)
    except (NotFoundError, InvalidInputError) as exc:
        case = f", trường hợp {d.case}" if d.case else ""
        return [
            (
                Message(
                    f"the procedure has no term for this channel: {exc}",
                    f"thủ tục không quy định thời hạn cho kênh {d.channel.value} "
                    f"({d.channel.vi}){case}",
                ),
                {},
            )
        ]
    if term.limit != d.limit:
        return [
            (
                Message(
                    f"the dossier's time limit ({d.limit}) is not the procedure's for channel "
                    f"{d.channel.value} ({term.limit})",
                    f"thời hạn của hồ sơ ({limit_vi(d.limit, padded=False)}) khác thời hạn "
                    f"của thủ tục cho kênh {d.channel.value} ({d.channel.vi}): "
                    f"{limit_vi(term.limit, padded=False)}",
                ),
                {"limit": str(d.limit), "statutory": str(term.limit)},
            )
        ]
    if term.starts is not d.starts:
        return [
            (
                Message(
                    f"the dossier's time counts from {d.starts.value}, the procedure's term for "
                    f"channel {d.channel.value} from {term.starts.value}",
                    f"thời hạn của hồ sơ được tính {d.starts.vi}, còn thời hạn của thủ tục cho "
                    f"kênh {d.channel.value} ({d.channel.vi}) được tính {term.starts.vi}",
                ),
                {"starts": d.starts.value, "statutory": term.starts.value},
            )
        ]
    return []


def _check_appointment(d: Dossier, ctx: Context) -> list[Finding]:
    out = _check_terms(d, ctx)
    printed, received = d.printed_appointment, d.received_at
    if printed is None or received is None or not ctx.schedule.is_office_time(received):
        return out  # outside office hours: see the office-hours rule
    due = _statutory_due(d, ctx)
    if due is not None and printed > due:
        out.append(
            (
                Message(
                    f"the receipt prints the appointment {format_instant(printed)}, later than "
                    f"the statutory computation {format_instant(due)}",
                    f"giấy tiếp nhận ghi ngày hẹn trả kết quả {format_instant(printed)}, muộn hơn "
                    f"thời điểm tính theo thời hạn quy định {format_instant(due)}",
                ),
                {"printed": printed.isoformat(), "statutory": due.isoformat()},
            )
        )
    return out


def _check_office_hours(d: Dossier, ctx: Context) -> list[Finding]:
    printed, received = d.printed_appointment, d.received_at
    if printed is None or received is None or ctx.schedule.is_office_time(received):
        return []
    due = _statutory_due(d, ctx)
    if due is not None and printed < due:
        return [
            (
                Message(
                    f"received at {format_instant(received)}, outside office hours, but the "
                    f"appointment {format_instant(printed)} counts that time; it should be "
                    f"{format_instant(due)}",
                    f"tiếp nhận lúc {format_instant(received)}, ngoài giờ làm việc, nhưng ngày "
                    f"hẹn {format_instant(printed)} đã tính cả thời gian đó; ngày hẹn đúng là "
                    f"{format_instant(due)}",
                ),
                {"received": received.isoformat(), "printed": printed.isoformat()},
            )
        ]
    return []


def _check_online_intake(d: Dossier, ctx: Context) -> list[Finding]:
    if d.channel is not Channel.ONLINE:
        return []
    submitted = next((e.at for e in d.events if isinstance(e, Submitted)), None)
    if submitted is None or "D45-2020" not in in_force_on(submitted.date()):
        return []  # submitted before Decree 45/2020 took effect
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
                Message(
                    f"submitted online {format_instant(submitted)}; no receipt or supplement "
                    f"request by {format_instant(deadline)} ({limit.count} working hours)",
                    f"nộp trực tuyến lúc {format_instant(submitted)}; đến "
                    f"{format_instant(deadline)} chưa được tiếp nhận hoặc yêu cầu bổ sung "
                    f"(thời hạn {limit.count} giờ làm việc)",
                ),
                {"submitted": submitted.isoformat(), "deadline": deadline.isoformat()},
            )
        ]
    return []


def _check_code(d: Dossier, _ctx: Context) -> list[Finding]:
    received = d.received_at
    if received is not None and d.code.conforms and d.code.day != received.date():
        return [
            (
                Message(
                    f"the code's date {d.code.day:%d/%m/%Y} is not the receipt date "
                    f"{received:%d/%m/%Y}",
                    f"ngày ghi trong mã hồ sơ ({d.code.day:%d/%m/%Y}) khác ngày tiếp nhận "
                    f"({received:%d/%m/%Y})",
                ),
                {"code_date": d.code.day.isoformat(), "received": received.date().isoformat()},
            )
        ]
    return []


_R = Confidence.RECALLED
_S = Confidence.SECONDARY

APPOINTMENT: Final[Rule[Dossier]] = Rule(
    "appointment",
    "The appointment on the receipt is no later than the statutory computation for the "
    "procedure and the channel used (an earlier one is lawful)",
    (
        Basis.unsourced("Q09-2015"),
        Basis(
            "D61-2018",
            "receipt and appointment (Art. 17-19 not read); the procedure's published time "
            "limit bounds the appointment [inference]",
            _S,
            note_vi="tiếp nhận hồ sơ và hẹn trả kết quả; thời hạn đã công bố của thủ tục "
            "là giới hạn của ngày hẹn",
        ),
        Basis(
            "C01-2018",
            "form 01 (receipt and appointment, hh:mm dd/mm/yyyy) [form name read]",
            _S,
            article="mẫu số 01",
            note_vi="giấy tiếp nhận hồ sơ và hẹn trả kết quả, ghi giờ, phút, ngày, tháng, năm",
        ),
        Basis(
            "D118-2025",
            "receipt and appointment (article not read)",
            _R,
            note_vi="tiếp nhận hồ sơ và hẹn trả kết quả",
        ),
    ),
    {},
    _check_appointment,
)

ONLINE_8H: Final[Rule[Dossier]] = Rule(
    "online-8h",
    "An online dossier is received, or a supplement requested, within 8 working hours",
    (
        Basis(
            "D45-2020",
            "Art. 11 (online receipt): official receipt or a supplement request within 8 "
            "working hours (clause not read; news report of the decree, Circular 87/2021 "
            "Art. 10 repeats it)",
            _S,
            article="Art. 11",
            note_vi="tiếp nhận trực tuyến, tiếp nhận chính thức hoặc yêu cầu bổ sung trong "
            "8 giờ làm việc",
        ),
    ),
    {"working_hours": 8},
    _check_online_intake,
)

CODE: Final[Rule[Dossier]] = Rule(
    "code",
    "The dossier code's date is the receipt date",
    (
        Basis(
            "C01-2018",
            "Art. 19 (YYMMDD is the date of receipt; quoted on seongay.com, digest §4.1)",
            Confidence.CONFIRMED,
            read=True,
            article="Art. 19",
            note_vi="mã hồ sơ ghi ngày tiếp nhận dạng YYMMDD",
        ),
        Basis(
            "C03-2025",
            "dossier code (article not read; structure unchanged?)",
            _R,
            note_vi="mã hồ sơ",
        ),
    ),
    {},
    _check_code,
)

OFFICE_HOURS: Final[Rule[Dossier]] = Rule(
    "office-hours",
    "Time outside office hours is not counted: a receipt after hours counts from the next session",
    (
        Basis.unsourced("Q09-2015"),
        Basis(
            "D61-2018",
            "office hours set per unit; counting from the next session is one-stop practice "
            "(Decision 188/1999/QĐ-TTg Art. 1 sets the working week)",
            _S,
            note_vi="giờ làm việc do từng đơn vị quy định; tính từ buổi làm việc tiếp theo là "
            "thực tiễn một cửa; Điều 1 Quyết định 188/1999/QĐ-TTg quy định tuần làm việc",
        ),
        Basis(
            "D118-2025",
            "as under Decree 61/2018: one-stop practice",
            _S,
            note_vi="như theo Nghị định 61/2018/NĐ-CP, thực tiễn một cửa",
        ),
    ),
    {},
    _check_office_hours,
)
