"""The JSON and text of every result except the report (:mod:`.reports`)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from fractions import Fraction
from typing import Any, Final

from motcua.analyses.periods import Period
from motcua.analyses.rates import percent
from motcua.analyses.time_left import DEFAULT_STAGES, DEFAULT_WARN_AT, TimeLeft, time_left
from motcua.domain.codes import DossierCode, ForeignDossierCode
from motcua.domain.dossiers import Dossier, as_of_instant
from motcua.domain.lifecycle import Status
from motcua.domain.terms import TermStart
from motcua.domain.timeliness import Timeliness
from motcua.foundation.errors import InvalidInputError
from motcua.serialization.limits import limit_to_json
from motcua.serialization.render.marks import research_note_vi, without_marks
from motcua.serialization.render.vi import date_vi, short_instant

__all__ = [
    "code_text",
    "code_to_json",
    "dossier_summary",
    "dossiers_text",
    "dumps",
    "foreign_code_text",
    "period_basis",
    "period_note",
    "period_text",
    "period_to_json",
    "time_left_to_json",
    "warning_stage_to_json",
    "with_counts",
]

#: The note for a reporting window that contains the 2025 reform (two-tier government).
_REFORM_NOTE: Final = {
    "vi": "lưu ý: kỳ báo cáo có ngày 01/07/2025 (chính quyền địa phương hai cấp); "
    "các dòng cấp huyện chỉ tính phần trước ngày đó",
    "en": "note: the period straddles 2025-07-01 (two-tier local government); "
    "district-level rows cover only the part before it",
}

#: The bases of the reporting windows (:attr:`Period.basis`, marks removed), in Vietnamese.
_BASIS_VI: Final = {
    "calendar window": "theo tháng, quý, năm dương lịch",
    "Decree 09/2019/NĐ-CP windows, nine months as in local regimes": (
        "kỳ của Nghị định 09/2019/NĐ-CP, chín tháng như chế độ báo cáo của địa phương"
    ),
    "Decree 09/2019/NĐ-CP Art. 12 (15th-14th)": (
        "Điều 12 Nghị định 09/2019/NĐ-CP (từ ngày 15 tháng trước đến ngày 14)"
    ),
}


def dumps(data: object, *, indent: int | None = 2) -> str:
    """Return *data* as JSON text, UTF-8 kept readable (no trailing newline)."""
    return json.dumps(data, ensure_ascii=False, indent=indent)


def with_counts(data: Mapping[str, Any], *, read: int, skipped: int) -> dict[str, Any]:
    """Return *data* with the input's counts: ``read`` (good records) and ``skipped`` (bad)."""
    return {**data, "read": read, "skipped": skipped}


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat(timespec="minutes")


# -- periods ------------------------------------------------------------------------------


def period_to_json(period: Period) -> dict[str, Any]:
    """Return a period: ``spec``, ``start``, ``end``, ``window``, ``basis``, ``straddles_reform``.

    ``report --format json`` nests the same object under ``period``.
    """
    return {
        "spec": period.spec,
        "start": period.start.isoformat(),
        "end": period.end.isoformat(),
        "window": period.window.value,
        "basis": period.basis,
        "straddles_reform": period.straddles_reform,
    }


def period_text(period: Period) -> str:
    """Return the period's inclusive start and end dates, ISO 8601, on one line."""
    return f"{period.start.isoformat()} {period.end.isoformat()}\n"


def period_basis(period: Period, *, verbose: bool = False, lang: str = "vi") -> str:
    """Return the period's dates dd/mm/yyyy and the basis of its window, on one line.

    The basis is in Vietnamese unless *lang* is ``en``; its research marks
    (``[R, corroborated]``) are shown only when *verbose*, as recorded in English: in
    Vietnamese after the Vietnamese basis, introduced as English (``period_to_json``
    always keeps them).

    >>> from motcua.analyses.periods import parse_period
    >>> print(period_basis(parse_period("2024-Q1", calendar=True)), end="")
    01/01/2024-31/03/2024 (theo tháng, quý, năm dương lịch)
    >>> print(period_basis(parse_period("2024-Q1", calendar=True), verbose=True), end="")
    01/01/2024-31/03/2024 (theo tháng, quý, năm dương lịch; ghi chú nghiên cứu, tiếng Anh: calendar window)
    """  # noqa: E501
    plain = without_marks(period.basis)
    if lang != "vi":
        basis = period.basis if verbose else plain
    else:
        basis = _BASIS_VI.get(plain, plain)
        if verbose:
            basis += f"; {research_note_vi(period.basis)}"
    return f"{period.start:%d/%m/%Y}-{period.end:%d/%m/%Y} ({basis})\n"


def period_note(period: Period, *, lang: str = "vi") -> str | None:
    """Return the note a window containing 2025-07-01 needs, or None."""
    if lang not in _REFORM_NOTE:
        raise InvalidInputError("lang", "vi or en", lang)
    return _REFORM_NOTE[lang] + "\n" if period.straddles_reform else None


# -- dossiers -----------------------------------------------------------------------------


def time_left_to_json(left: TimeLeft) -> dict[str, Any]:
    """Return an open dossier's time left: ``vi`` and ``en`` (readable), ``remaining_minutes``
    (negative when overdue, rounded toward zero), ``overdue``, ``used_percent`` (of the time
    allotted, two decimals), ``warn_at_percent`` and ``warning``.

    >>> from datetime import timedelta
    >>> from motcua.analyses.time_left import TimeLeft
    >>> h = timedelta(hours=1)
    >>> data = time_left_to_json(TimeLeft(11 * h, 40 * h, 8 * h))
    >>> data["vi"], data["used_percent"], data["warning"]
    ('Còn 1 ngày 3 giờ làm việc', '72.50', False)
    """  # noqa: D205
    minutes = left.remaining.total_seconds() / 60
    return {
        "vi": left.text("vi"),
        "en": left.text("en"),
        "remaining_minutes": int(minutes),
        "overdue": left.overdue,
        "used_percent": str(percent(left.used)),
        "warn_at_percent": str(percent(left.warn_at)),
        "warning": left.warning,
    }


def warning_stage_to_json(left: TimeLeft) -> dict[str, Any]:
    """Return the warning stage: ``stage`` (0: none reached), ``of`` (how many stages),
    ``stages_percent`` (each stage's share of the time used), ``vi`` and ``en`` (readable,
    ``""`` at stage 0).

    >>> from datetime import timedelta
    >>> from motcua.analyses.time_left import TimeLeft
    >>> h = timedelta(hours=1)
    >>> data = warning_stage_to_json(TimeLeft(2 * h, 8 * h, 8 * h))
    >>> data["stage"], data["stages_percent"], data["vi"]
    (2, ['50.00', '75.00', '100.00'], 'cảnh báo mức 2/3 (đã dùng từ 75 % thời gian)')
    """  # noqa: D205
    return {
        "stage": left.stage,
        "of": len(left.stages),
        "stages_percent": [str(percent(s)) for s in left.stages],
        "vi": left.stage_text("vi"),
        "en": left.stage_text("en"),
    }


def dossier_summary(
    dossier: Dossier,
    as_of: datetime | date | None,
    *,
    history: bool = False,
    warn_at: Fraction = DEFAULT_WARN_AT,
    stages: tuple[Fraction, ...] = DEFAULT_STAGES,
) -> dict[str, Any]:
    """Return the JSON summary ``motcua dossier show --json`` prints for one dossier.

    Keys: ``code``, ``procedure``, ``channel``, ``status``, ``status_name``, ``received_at``,
    ``due``, ``appointment``, ``resolved_at``, ``timeliness``, ``limit``, ``starts`` (where
    the term's time starts, :class:`~motcua.domain.terms.TermStart`) and ``started_at``
    (when it started; None: not yet); with *as_of*,
    ``as_of``, ``remaining_working_hours`` and ``time_left`` (:func:`time_left_to_json`, or
    None when the dossier is not open then; flagged from *warn_at* of the time used) and
    ``warning_stage`` (:func:`warning_stage_to_json` under *stages*, or None likewise); with
    *history*, ``history``.
    """
    view = dossier if as_of is None else dossier.as_of(as_of)
    out: dict[str, Any] = {
        "code": str(dossier.code),
        "procedure": str(dossier.procedure),
        "channel": dossier.channel.value,
        "status": None,
        "status_name": None,
        "received_at": None,
        "due": None,
        "appointment": None,
        "resolved_at": None,
        "timeliness": None,
        "limit": limit_to_json(dossier.limit),
        "starts": dossier.starts.value,
        "started_at": None,
    }
    if as_of is not None:
        out["as_of"] = _iso(as_of_instant(as_of))
        out["remaining_working_hours"] = None
        out["time_left"] = None
        out["warning_stage"] = None
    if view is not None:
        due = view.due(as_of=as_of)
        timeliness = dossier.timeliness(as_of=as_of)
        out.update(
            status=view.status.code,
            status_name=view.status.vi,
            received_at=_iso(view.received_at),
            due=None if due is None else _iso(due.at),
            appointment=_iso(view.appointment(as_of=as_of)),
            resolved_at=_iso(view.resolved_at),
            timeliness=None if timeliness is None else timeliness.value,
            started_at=_iso(view.clock_started_at),
        )
        if as_of is not None:
            left = time_left(dossier, as_of, warn_at=warn_at, stages=stages)
            if left is not None:
                out["remaining_working_hours"] = round(left.remaining.total_seconds() / 3600, 2)
                out["time_left"] = time_left_to_json(left)
                out["warning_stage"] = warning_stage_to_json(left)
    if history:
        events = dossier.events if view is None else view.events
        statuses = () if view is None else view.statuses
        out["history"] = [
            {"type": e.kind, "at": _iso(e.at), "status": s.code}
            for e, s in zip(events, statuses, strict=False)
        ]
    return out


_STATUS_BY_CODE: Final = {s.code: s for s in Status}
_TIMELINESS_EN: Final = {
    "early": "early",
    "on_time": "on time",
    "late": "late",
    "within": "within the limit",
    "overdue": "overdue",
}
_LABELS: Final = {
    "vi": {"channel": "kênh", "due": "hạn", "warning": "cảnh báo: đã dùng {} % thời gian"},
    "en": {"channel": "channel", "due": "due", "warning": "warning: {} % of the time used"},
}


def _status_text(code: int | None, lang: str) -> str:
    if code is None:
        return "-"
    status = _STATUS_BY_CODE[code]
    name = status.vi if lang == "vi" else status.value.replace("_", " ")
    return f"{code} {name}"


def _timeliness_text(value: str | None, lang: str) -> str:
    if value is None:
        return "-"
    return Timeliness(value).vi if lang == "vi" else _TIMELINESS_EN[value]


def _time_left_text(
    left: Mapping[str, Any] | None, stage: Mapping[str, Any] | None, lang: str
) -> str:
    if not left:
        return ""
    text = f"  {left[lang]}"
    if stage and stage[lang] and not left["overdue"]:  # overdue says the last stage already
        text += f"  {stage[lang]}"
    elif left["warning"] and not left["overdue"]:
        used = str(left["used_percent"]).replace(".", "," if lang == "vi" else ".")
        text += "  " + _LABELS[lang]["warning"].format(used)
    return text


#: The events of a dossier's history (:attr:`DossierEvent.kind`) as the one-stop forms name
#: them (the DVCQG labels, the supplement request at any stage).
_EVENTS_VI: Final = {
    "submitted": "Nộp hồ sơ",
    "received": "Tiếp nhận hồ sơ",
    "refused": "Từ chối tiếp nhận hồ sơ",
    "supplement_requested": "Yêu cầu bổ sung, hoàn thiện hồ sơ",
    "supplement_received": "Nhận hồ sơ bổ sung",
    "obligation_requested": "Yêu cầu thực hiện nghĩa vụ tài chính",
    "obligation_fulfilled": "Đã thực hiện nghĩa vụ tài chính",
    "transferred": "Chuyển xử lý",
    "delay_notified": "Xin lỗi và hẹn lại ngày trả kết quả",
    "withdrawal_requested": "Công dân yêu cầu rút hồ sơ",
    "stopped": "Dừng xử lý",
    "resolved": "Đã xử lý xong",
    "result_returned": "Trả kết quả",
}
#: The width of the event column of the history rows, in each language.
_EVENT_WIDTH: Final = {
    "vi": max(len(name) for name in _EVENTS_VI.values()),
    "en": max(len(kind) for kind in _EVENTS_VI),
}


def _event_text(kind: str, lang: str) -> str:
    """``result_returned`` as ``Trả kết quả``, in English ``result returned``."""
    if lang == "vi":
        return _EVENTS_VI.get(kind, kind)
    return kind.replace("_", " ")


#: Where a term's time starts, as the text line says it (the default is not printed).
_STARTS_EN: Final = {
    "submission": "counted from the submission",
    "payment": "counted from the payment",
}


def _starts_text(value: str | None, lang: str) -> str:
    if value is None or value == TermStart.COMPLETE_DOSSIER.value:
        return ""
    return "  (" + (TermStart(value).vi if lang == "vi" else _STARTS_EN[value]) + ")"


def _instant_text(value: str | None) -> str:
    """An ISO instant of a summary as people read it, Vietnam time: ``17:00 03/01/2024``."""
    return "-" if value is None else short_instant(datetime.fromisoformat(value))


def dossiers_text(summaries: Iterable[Mapping[str, Any]], *, lang: str = "vi") -> str:
    """Return one line per dossier summary (and its history rows, when it has them).

    Statuses, timeliness, events and the time left are in Vietnamese, or English with
    *lang* ``en``; instants are Vietnam time as the other outputs print them, ``hh:mm
    dd/mm/yyyy`` in both languages (the JSON summary keeps ISO 8601).

    >>> row = {"code": "C", "procedure": "1.001193", "channel": 1, "status": 10,
    ...        "due": "2024-05-07T09:00+07:00", "timeliness": "on_time",
    ...        "history": [{"at": "2024-04-26T02:00+00:00", "type": "received", "status": 2}]}
    >>> print(dossiers_text([row]), end="")
    C  1.001193  kênh 1  [10 Đã trả kết quả]  hạn 09:00 07/05/2024  Đúng hạn
        09:00 26/04/2024  Tiếp nhận hồ sơ                      -> 2
    """
    if lang not in _LABELS:
        raise InvalidInputError("lang", "vi or en", lang)
    label = _LABELS[lang]
    width = _EVENT_WIDTH[lang]
    lines = []
    for s in summaries:
        lines.append(
            f"{s['code']}  {s['procedure']}  {label['channel']} {s['channel']}  "
            f"[{_status_text(s['status'], lang)}]  {label['due']} {_instant_text(s['due'])}"
            f"{_starts_text(s.get('starts'), lang)}  {_timeliness_text(s['timeliness'], lang)}"
            f"{_time_left_text(s.get('time_left'), s.get('warning_stage'), lang)}"
        )
        lines += [
            f"    {_instant_text(row['at'])}  {_event_text(row['type'], lang):<{width}} "
            f"-> {row['status']}"
            for row in s.get("history", [])
        ]
    return "".join(line + "\n" for line in lines)


def code_to_json(code: DossierCode) -> dict[str, Any]:
    """Return a dossier code's parts: ``code``, ``agency``, ``date``, ``serial``."""
    return {
        "code": str(code),
        "agency": str(code.agency),
        "date": code.day.isoformat(),
        "serial": code.serial,
    }


_CODE_LABELS: Final = {
    "vi": ("Mã cơ quan", "Ngày tiếp nhận", "Số thứ tự"),
    "en": ("agency", "date", "serial"),
}


def code_text(code: DossierCode, *, lang: str = "vi") -> str:
    """Return a dossier code's parts, one per line (Circular 01/2018/TT-VPCP Art. 19).

    >>> from motcua.domain.codes import DossierCode, ForeignDossierCode
    >>> print(code_text(DossierCode.parse("000.00.53.H48-220921-0099")), end="")
    Mã cơ quan      000.00.53.H48
    Ngày tiếp nhận  21/09/2022 (Thứ Tư, ngày 21 tháng 9 năm 2022)
    Số thứ tự       0099
    """
    if lang not in _CODE_LABELS:
        raise InvalidInputError("lang", "vi or en", lang)
    agency, day, serial = _CODE_LABELS[lang]
    width = max(len(agency), len(day), len(serial))
    when = (
        f"{code.day:%d/%m/%Y} ({date_vi(code.day)})"
        if lang == "vi"
        else f"{code.day.isoformat()} ({code.day:%d/%m/%Y})"
    )
    return (
        f"{agency:<{width}}  {code.agency}\n"
        f"{day:<{width}}  {when}\n"
        f"{serial:<{width}}  {code.serial:04d}\n"
    )


#: What Circular 01/2018 Art. 19 expects (:attr:`ForeignDossierCode.reason`), in Vietnamese.
_EXPECTS_VI: Final = {
    "NNN.NN.NN.ANN-YYMMDD-NNNN in ASCII (agency identifier, receipt date, daily serial), "
    "e.g. '000.00.53.H48-220921-0099'": (
        "dạng NNN.NN.NN.ANN-YYMMDD-NNNN bằng ký tự ASCII (mã định danh cơ quan, ngày tiếp "
        "nhận, số thứ tự trong ngày), ví dụ 000.00.53.H48-220921-0099"
    ),
    "a real receipt date YYMMDD": "ngày tiếp nhận YYMMDD là một ngày có thật",
    "a daily serial from 0001": "số thứ tự trong ngày từ 0001",
    "the QCVN 102:2016 form NNN.NN.NN.ANN in ASCII (e.g. '000.00.53.H48')": (
        "mã định danh cơ quan dạng NNN.NN.NN.ANN của QCVN 102:2016 bằng ký tự ASCII "
        "(ví dụ 000.00.53.H48)"
    ),
    "a date in 2000-2099 (YYMMDD has two year digits)": (
        "một ngày trong các năm 2000-2099 (YYMMDD ghi hai chữ số của năm)"
    ),
}
_EXPECTS: Final = "Circular 01/2018 Art. 19 expects "
#: The conventions of foreign codes (:attr:`ForeignDossierCode.convention`): name, what it is.
_CONVENTIONS_VI: Final = {
    "ministry portal (agency-yyyymmdd-serial)": (
        "cổng của bộ, ngành (cơ quan-yyyymmdd-số thứ tự)",
        (
            "mã của cổng bộ, ngành hoặc iGate: phần cơ quan ngắn, ngày tiếp nhận dạng yyyymmdd "
            "và số thứ tự 5-7 chữ số (ví dụ G09.20-20260609-0092637)"
        ),
    ),
    "Art. 19 layout, serial beyond four digits": (
        "dạng Điều 19, số thứ tự quá bốn chữ số",
        (
            "mã dạng Điều 19 có số thứ tự trong ngày 5-7 chữ số (mã chuyển từ cổng của bộ, "
            "ngành); Điều 19 ghi 4 chữ số"
        ),
    ),
    "Art. 19 layout, level-1 code first": (
        "dạng Điều 19, mã cấp 1 đứng đầu",
        (
            "phần cơ quan ghi mã cấp 1 trước (ví dụ H15.50.05.13-261008-0975), sau đó là ngày "
            "tiếp nhận yymmdd và số thứ tự trong ngày"
        ),
    ),
    "Art. 19 layout, letters in an agency segment": (
        "dạng Điều 19, có chữ cái trong một phần mã cơ quan",
        (
            "dạng Điều 19 có chữ cái trong một phần của mã cơ quan: QCVN 102:2016/BTTTT ghi "
            "V1V2V3, Z1Z2 và Y1Y2 bằng chữ số, chỉ phần cấp 1 MX1X2 là một chữ cái và hai chữ số"
        ),
    ),
    "14-digit number": (
        "số 14 chữ số",
        (
            "một số 14 chữ số (cách đánh số cũ của địa phương): không quy ước nào định nghĩa các "
            "chữ số, nên không đọc ra cơ quan, ngày hay số thứ tự"
        ),
    ),
}
#: What a foreign code does not tell (:meth:`ForeignDossierCode.does_not_tell`).
_UNTOLD_VI: Final = {
    "the receiving agency's QCVN 102:2016 identifier": (
        "mã định danh của cơ quan tiếp nhận theo QCVN 102:2016"
    ),
    "that it is unique beyond the sender's system (no Art. 19 counter)": (
        "mã có là duy nhất ngoài hệ thống của bên gửi hay không (không có bộ đếm theo Điều 19)"
    ),
    "the receipt date": "ngày tiếp nhận",
    "the daily serial": "số thứ tự trong ngày",
}
#: What a foreign code tells (:meth:`ForeignDossierCode.tells`).
_TOLD: Final = re.compile(
    r"agency part (?P<agency>\S+) \(as written by the sender\)"
    r"|receipt date (?P<day>\d{4}-\d{2}-\d{2})"
    r"|serial (?P<serial>\d+)"
)


def _in_english(text: str) -> str:
    """Text motcua has no Vietnamese for, said to be English rather than passed off."""
    return f"{text} (tiếng Anh)"


def _reason_vi(reason: str) -> str:
    expected = reason.removeprefix(_EXPECTS)
    if expected != reason and expected in _EXPECTS_VI:
        return f"Điều 19 Thông tư 01/2018/TT-VPCP quy định {_EXPECTS_VI[expected]}"
    return _in_english(reason)


def _told_vi(part: str) -> str:
    match = _TOLD.fullmatch(part)
    if match is None:
        return _in_english(part)
    if match["agency"]:
        return f"phần cơ quan {match['agency']} (như bên gửi ghi)"
    if match["day"]:
        return f"ngày tiếp nhận {date.fromisoformat(match['day']):%d/%m/%Y}"
    return f"số thứ tự {match['serial']}"


def foreign_code_text(code: ForeignDossierCode, *, lang: str = "vi") -> str:
    """Return what a code that does not follow Art. 19 tells and does not tell, one per line.

    In Vietnamese every part is written in Vietnamese (a reason or convention motcua has no
    Vietnamese for is printed as recorded and marked "(tiếng Anh)"); in English, as the
    JSON has it.

    >>> from motcua.domain.codes import read_dossier_code
    >>> print(foreign_code_text(read_dossier_code("20240426000123")), end="")
    Mã hồ sơ        20240426000123 (không theo Điều 19 Thông tư 01/2018/TT-VPCP)
    Lý do           Điều 19 Thông tư 01/2018/TT-VPCP quy định dạng NNN.NN.NN.ANN-YYMMDD-NNNN bằng ký tự ASCII (mã định danh cơ quan, ngày tiếp nhận, số thứ tự trong ngày), ví dụ 000.00.53.H48-220921-0099
    Quy ước         số 14 chữ số: một số 14 chữ số (cách đánh số cũ của địa phương): không quy ước nào định nghĩa các chữ số, nên không đọc ra cơ quan, ngày hay số thứ tự
    Cho biết        không gì (một mã định danh mờ)
    Không cho biết  mã định danh của cơ quan tiếp nhận theo QCVN 102:2016
    Không cho biết  mã có là duy nhất ngoài hệ thống của bên gửi hay không (không có bộ đếm theo Điều 19)
    Không cho biết  ngày tiếp nhận
    Không cho biết  số thứ tự trong ngày
    """  # noqa: E501
    if lang == "en":
        lines = [
            f"Dossier code    {code} (not as Art. 19 of Circular 01/2018/TT-VPCP)",
            f"Reason          {code.reason}",
            f"Convention      {code.convention or 'not recognised'}: {code.described}",
        ]
        told = [f"Tells           {part}" for part in code.tells()]
        lines += told or ["Tells           nothing (an opaque identifier)"]
        lines += [f"Does not tell   {part}" for part in code.does_not_tell()]
        return "\n".join(lines) + "\n"
    if lang != "vi":
        raise InvalidInputError("lang", "vi or en", lang)
    if code.convention is None:
        convention = "không nhận ra: không khớp quy ước nào đã biết, mã chỉ là một khóa định danh"
    elif code.convention in _CONVENTIONS_VI:
        convention = ": ".join(_CONVENTIONS_VI[code.convention])
    else:
        convention = _in_english(f"{code.convention}: {code.described}")
    lines = [
        f"Mã hồ sơ        {code} (không theo Điều 19 Thông tư 01/2018/TT-VPCP)",
        f"Lý do           {_reason_vi(code.reason)}",
        f"Quy ước         {convention}",
    ]
    told = [f"Cho biết        {_told_vi(part)}" for part in code.tells()]
    lines += told or ["Cho biết        không gì (một mã định danh mờ)"]
    lines += [
        f"Không cho biết  {_UNTOLD_VI.get(part) or _in_english(part)}"
        for part in code.does_not_tell()
    ]
    return "\n".join(lines) + "\n"


# -- procedures ---------------------------------------------------------------------------


#: Decree 42/2022/NĐ-CP Art. 11 levels of online service, as people read them.
