"""The JSON and text of every result except the report (:mod:`.reports`)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from fractions import Fraction
from typing import Any, Final

from motcua.analyses.periods import Period
from motcua.analyses.rates import percent
from motcua.analyses.time_left import DEFAULT_STAGES, DEFAULT_WARN_AT, TimeLeft, time_left
from motcua.domain.codes import DossierCode
from motcua.domain.dossiers import Dossier, as_of_instant
from motcua.domain.lifecycle import Status
from motcua.domain.timeliness import Timeliness
from motcua.foundation.errors import InvalidInputError
from motcua.serialization.limits import limit_to_json
from motcua.serialization.render.marks import without_marks
from motcua.serialization.render.vi import date_vi, short_instant

__all__ = [
    "code_text",
    "code_to_json",
    "dossier_summary",
    "dossiers_text",
    "dumps",
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
    (``[R, corroborated]``) are shown only when *verbose*, in English as recorded
    (``period_to_json`` always keeps them).

    >>> from motcua.analyses.periods import parse_period
    >>> print(period_basis(parse_period("2024-Q1", calendar=True)), end="")
    01/01/2024-31/03/2024 (theo tháng, quý, năm dương lịch)
    """
    if verbose:
        basis = period.basis
    else:
        basis = without_marks(period.basis)
        if lang == "vi":
            basis = _BASIS_VI.get(basis, basis)
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
    ``due``, ``appointment``, ``resolved_at``, ``timeliness``, ``limit``; with *as_of*,
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
            f"[{_status_text(s['status'], lang)}]  {label['due']} {_instant_text(s['due'])}  "
            f"{_timeliness_text(s['timeliness'], lang)}"
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

    >>> from motcua.domain.codes import DossierCode
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


# -- procedures ---------------------------------------------------------------------------


#: Decree 42/2022/NĐ-CP Art. 11 levels of online service, as people read them.
