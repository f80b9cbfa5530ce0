"""Interchange with the National Public Service Portal (Cổng Dịch vụ công quốc gia, DVCQG).

Two formats:

* the **national procedure record** (the ``LayThuTuc`` answer: ``MATTHC``, ``TENTTHC``,
  ``CAPTHUCHIEN``, ``LINHVUCTHUCHIEN``, ``CACHTHUCTHUCHIEN[{KENH, THOIGIAN[{THOIGIANGIAIQUYET,
  DONVITINH, MOTA, PHILEPHI}]}]``, ``THANHPHANHOSO``, ``CANCUPHAPLY``...), imported into
  :class:`~motcua.domain.procedures.Procedure` by :func:`procedure_from_dvcqg`;
* the **dossier sync payload** (``MaHoSo``, ``MaTTHC``, ``KenhThucHien``, ``TrangThaiHoSo``,
  ``NgayTiepNhan``, ``NgayHenTra``, ``NgayKetThucXuLy``, ``NgayTra``,
  ``DanhSachHoSoBoSung``...), written by :func:`dossier_to_dvcqg` and read back into events by
  :func:`dossier_from_dvcqg`.

Instants in the sync payload are ``yyyyMMddHHmmss`` in Vietnam time, an empty string when
absent: the format the open-source OpenCPS platform sends to DVCQG (``VietOpenCPS/opencps-v2``,
``DVCQGIntegrationActionImpl.convertDate2String``: ``SimpleDateFormat("yyyyMMddHHmmss")`` in
``Asia/Ho_Chi_Minh``). Codes are sent as strings, as there. Reading also accepts ISO 8601.

The payload's ``QuaTrinhXuLy`` array is the processing history in the shape of the DVCQG
status sync (``ThoiDiemXuLy``, ``TrangThai``, ``NoiDungXuLy``, ``PhongBanXuLy``), plus a
``HanhDong`` key naming the motcua event (a motcua extension, ignored by other readers).
Without ``HanhDong``, events are inferred from the status pairs; without any history, from the
date fields, and anything the dates cannot say is an error that names the missing field.

>>> parse_dvcqg_instant("20220921083000").isoformat()
'2022-09-21T08:30:00+07:00'
"""

from __future__ import annotations

import re
from datetime import datetime
from fractions import Fraction
from pathlib import Path
from typing import Any, Final

from motcua.domain.dossiers import DigitalFacts, Dossier
from motcua.domain.lifecycle import (
    DelayNotified,
    Event,
    ObligationFulfilled,
    ObligationRequested,
    Received,
    Refused,
    Resolved,
    ResultReturned,
    ReturnMethod,
    Stage,
    Status,
    Stopped,
    Submitted,
    SupplementReceived,
    SupplementRequested,
    Transferred,
    WithdrawalRequested,
    event_key,
)
from motcua.domain.procedures import (
    Catalogue,
    Channel,
    ChannelTerm,
    Document,
    Fee,
    LegalBasis,
    NoTimeLimit,
    OnlineLevel,
    Procedure,
)
from motcua.domain.units import Level
from motcua.foundation.errors import InvalidInputError, MotcuaError
from motcua.foundation.vntime import VN_TZ, to_vn
from motcua.serialization.catalogues import sample_catalogue
from motcua.serialization.converter import parse_instant
from motcua.serialization.files import ReadResult, read_records
from motcua.time.deadlines import WorkSchedule
from motcua.time.limits import CalendarDays, Months, SameDay, TimeLimit, WorkingDays, WorkingHours

__all__ = [
    "DVCQG_INSTANT_FORMAT",
    "dossier_from_dvcqg",
    "dossier_to_dvcqg",
    "format_dvcqg_instant",
    "limit_from_dvcqg",
    "parse_dvcqg_instant",
    "procedure_from_dvcqg",
    "read_dvcqg_dossiers",
    "read_dvcqg_procedures",
]

#: ``yyyyMMddHHmmss`` in Vietnam time (OpenCPS's DVCQG integration).
DVCQG_INSTANT_FORMAT: Final = "%Y%m%d%H%M%S"

_LABEL: Final = {
    "submitted": "Nộp hồ sơ",
    "received": "Tiếp nhận hồ sơ",
    "refused": "Từ chối tiếp nhận hồ sơ",
    "supplement_requested:intake": "Yêu cầu bổ sung, hoàn thiện hồ sơ khi tiếp nhận",
    "supplement_requested:appraisal": "Yêu cầu bổ sung, hoàn thiện hồ sơ khi thẩm định",
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


def format_dvcqg_instant(value: datetime | None) -> str:
    """Return ``yyyyMMddHHmmss`` in Vietnam time, or ``""`` for None.

    >>> format_dvcqg_instant(datetime(2022, 9, 21, 8, 30, tzinfo=VN_TZ))
    '20220921083000'
    """
    return "" if value is None else to_vn(value).strftime(DVCQG_INSTANT_FORMAT)


def parse_dvcqg_instant(value: object, field: str = "instant") -> datetime | None:
    """Parse a payload instant: ``yyyyMMddHHmmss`` (Vietnam time) or ISO 8601; ``""`` is None."""
    if value is None or value == "":
        return None
    if isinstance(value, str) and re.fullmatch(r"\d{14}", value.strip()):
        try:
            return datetime.strptime(value.strip(), DVCQG_INSTANT_FORMAT).replace(tzinfo=VN_TZ)
        except ValueError:
            raise InvalidInputError(field, "a real instant yyyyMMddHHmmss", value) from None
    try:
        return parse_instant(value, field)
    except InvalidInputError:
        raise InvalidInputError(
            field, "yyyyMMddHHmmss (e.g. '20220921083000') or ISO 8601", value
        ) from None


# -- the national procedure record ------------------------------------------------------

_UNIT_WORDS: Final = {
    "ngày làm việc": WorkingDays,
    "giờ làm việc": WorkingHours,
    "ngày": CalendarDays,
    "tháng": Months,
}


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def _number(value: object, field: str) -> Fraction:
    if isinstance(value, bool):
        raise InvalidInputError(field, "a number", value)
    if isinstance(value, int | float):
        return Fraction(str(value))
    if isinstance(value, str) and value.strip():
        try:
            return Fraction(value.strip().replace(",", "."))
        except (ValueError, ZeroDivisionError):
            pass
    raise InvalidInputError(field, "a number such as 3 or 0,5", value)


def limit_from_dvcqg(
    amount: object, unit: object, description: str = "", field: str = "THOIGIAN"
) -> TimeLimit | NoTimeLimit:
    """Map ``THOIGIANGIAIQUYET`` + ``DONVITINH`` (+ ``MOTA``) to a time limit.

    * ``Ngày làm việc`` -> working days; ``Giờ làm việc`` -> working hours; ``Ngày`` ->
      calendar days (Civil Code); ``Tháng`` -> months;
    * 0 days with a description saying *trong ngày* -> same day (with the cut-off hour the
      description names, e.g. *sau 15 giờ*);
    * an empty unit, or 0 with a description saying *không quy định* -> no time limit;
    * anything else is an error that quotes the value.

    >>> limit_from_dvcqg("3", "Ngày làm việc")
    WorkingDays(count=3)
    >>> limit_from_dvcqg(0, "Ngày", "Trong ngày; sau 15 giờ thì trả vào ngày làm việc tiếp theo")
    SameDay(cutoff=datetime.time(15, 0))
    """
    desc = _norm(description)
    unit_text = _norm(unit) if isinstance(unit, str) else ""
    unstated = not unit_text and (amount in (None, "", 0, "0") or "không quy định" in desc)
    if unit_text == "không quy định" or unstated:
        return NoTimeLimit(description or NoTimeLimit().note)
    count = _number(amount, f"{field}.THOIGIANGIAIQUYET")
    cls = _UNIT_WORDS.get(unit_text)
    if cls is None:
        raise InvalidInputError(
            f"{field}.DONVITINH",
            "one of 'Ngày làm việc', 'Giờ làm việc', 'Ngày', 'Tháng'",
            unit,
            "map it explicitly before importing",
        )
    if count == 0:
        if "trong ngày" in desc:
            cut = re.search(r"sau (\d{1,2})\s*(?:giờ|h)", desc)
            from datetime import time  # noqa: PLC0415 - only for this rare case

            return SameDay(time(int(cut.group(1)), 0) if cut else None)
        if "không quy định" in desc:
            return NoTimeLimit(description)
        raise InvalidInputError(
            f"{field}.THOIGIANGIAIQUYET",
            "a positive count (0 only with 'trong ngày' or 'không quy định' in MOTA)",
            amount,
        )
    if cls in (CalendarDays, Months) and count.denominator != 1:
        raise InvalidInputError(f"{field}.THOIGIANGIAIQUYET", "a whole number", amount)
    value = int(count) if count.denominator == 1 else count
    if cls is WorkingDays:
        return WorkingDays(value)
    if cls is WorkingHours:
        return WorkingHours(value)
    return CalendarDays(int(value)) if cls is CalendarDays else Months(int(value))


def _list(record: dict[str, Any], key: str, where: str) -> list[Any]:
    value = record.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise InvalidInputError(f"{where}.{key}", "an array", type(value).__name__)
    return value


def _obj(value: object, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise InvalidInputError(where, "an object", type(value).__name__)
    return value


def _s(value: object, where: str) -> str:
    if value is None:
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        raise InvalidInputError(where, "a string", value)
    return value.strip()


def _fee(item: dict[str, Any], where: str) -> Fee:
    unit = _norm(_s(item.get("DONVI"), f"{where}.DONVI"))
    if unit and unit not in ("đồng", "vnđ", "vnd", "đ"):
        raise InvalidInputError(f"{where}.DONVI", "an amount in đồng ('Đồng', 'VNĐ')", unit)
    raw = item.get("SOTIEN")
    amount: int | None = None
    if raw not in (None, ""):
        text = _s(raw, f"{where}.SOTIEN").replace(".", "").replace(",", "")
        if not text.isdigit():
            raise InvalidInputError(f"{where}.SOTIEN", "a whole amount in đồng", raw)
        amount = int(text)
    return Fee(_s(item.get("MOTA"), f"{where}.MOTA") or "Phí, lệ phí", amount)


def procedure_from_dvcqg(record: object, where: str = "<record>", path: str = "$") -> Procedure:
    """Build a procedure from a national procedure record (keys in upper case).

    Keys read: ``MATTHC``, ``TENTTHC``, ``LINHVUCTHUCHIEN[0].TENLINHVUC``,
    ``CAPTHUCHIEN[].TENCAP``, ``CACHTHUCTHUCHIEN``, ``CANCUPHAPLY``, ``THANHPHANHOSO``,
    ``COQUANTHUCHIEN``, ``COQUANCOTHAMQUYEN``, ``KETQUATHUCHIEN``, ``TRINHTUTHUCHIEN``,
    ``DOITUONGTHUCHIEN``; other keys (requirements, keywords...) have no place in the model
    and are not read. The record
    does not state the online level, so an online channel gives ``OnlineLevel.UNSTATED``.
    """
    at = f"{where} {path}"
    rec = _obj(record, at)
    try:
        code = _s(rec.get("MATTHC"), f"{at}.MATTHC")
        terms: list[ChannelTerm] = []
        for i, way in enumerate(_list(rec, "CACHTHUCTHUCHIEN", at)):
            wpath = f"{at}.CACHTHUCTHUCHIEN[{i}]"
            way_obj = _obj(way, wpath)
            channel = Channel.from_code(way_obj.get("KENH"), f"{wpath}.KENH")
            times = _list(way_obj, "THOIGIAN", wpath)
            for j, slot in enumerate(times):
                tpath = f"{wpath}.THOIGIAN[{j}]"
                slot_obj = _obj(slot, tpath)
                desc = _s(slot_obj.get("MOTA"), f"{tpath}.MOTA")
                limit = limit_from_dvcqg(
                    slot_obj.get("THOIGIANGIAIQUYET"), slot_obj.get("DONVITINH"), desc, tpath
                )
                fees = tuple(
                    _fee(_obj(f, f"{tpath}.PHILEPHI[{k}]"), f"{tpath}.PHILEPHI[{k}]")
                    for k, f in enumerate(_list(slot_obj, "PHILEPHI", tpath))
                )
                case = "" if len(times) == 1 else (desc or f"Trường hợp {j + 1}")
                terms.append(ChannelTerm(channel, limit, fees=fees, case=case, description=desc))
        levels = tuple(
            dict.fromkeys(
                Level.from_vi(_s(_obj(c, f"{at}.CAPTHUCHIEN[{i}]").get("TENCAP"), "TENCAP"))
                for i, c in enumerate(_list(rec, "CAPTHUCHIEN", at))
            )
        )
        fields = _list(rec, "LINHVUCTHUCHIEN", at)
        field = (
            _s(_obj(fields[0], f"{at}.LINHVUCTHUCHIEN[0]").get("TENLINHVUC"), "TENLINHVUC")
            if fields
            else ""
        )
        basis = tuple(
            LegalBasis(
                _s(_obj(b, f"{at}.CANCUPHAPLY[{i}]").get("SOVANBAN"), "SOVANBAN"),
                _s(b.get("TENVANBAN"), "TENVANBAN"),
            )
            for i, b in enumerate(_list(rec, "CANCUPHAPLY", at))
        )
        documents: list[Document] = []
        for i, group in enumerate(_list(rec, "THANHPHANHOSO", at)):
            gpath = f"{at}.THANHPHANHOSO[{i}]"
            group_obj = _obj(group, gpath)
            case = _s(group_obj.get("TRUONGHOP"), f"{gpath}.TRUONGHOP")
            for j, paper in enumerate(_list(group_obj, "GIAYTO", gpath)):
                ppath = f"{gpath}.GIAYTO[{j}]"
                paper_obj = _obj(paper, ppath)
                documents.append(
                    Document(
                        _s(paper_obj.get("TENGIAYTO"), f"{ppath}.TENGIAYTO"),
                        int(_number(paper_obj.get("SOBANCHINH") or 0, f"{ppath}.SOBANCHINH")),
                        int(_number(paper_obj.get("SOBANSAO") or 0, f"{ppath}.SOBANSAO")),
                        _s(paper_obj.get("TENMAUDON"), f"{ppath}.TENMAUDON"),
                        case,
                    )
                )

        def names(key: str, name_key: str) -> tuple[str, ...]:
            return tuple(
                _s(_obj(x, f"{at}.{key}[{i}]").get(name_key), f"{at}.{key}[{i}].{name_key}")
                for i, x in enumerate(_list(rec, key, at))
            )

        channels = {t.channel for t in terms}
        return Procedure(
            code=code,
            name=_s(rec.get("TENTTHC"), f"{at}.TENTTHC"),
            field=field,
            levels=levels,
            terms=tuple(terms),
            legal_basis=basis,
            implementing_agencies=names("COQUANTHUCHIEN", "TENDONVI"),
            competent_agencies=names("COQUANCOTHAMQUYEN", "TENDONVI"),
            documents=tuple(documents),
            results=names("KETQUATHUCHIEN", "TENKETQUA"),
            steps=tuple(
                _s(
                    _obj(step, f"{at}.TRINHTUTHUCHIEN[{i}].TRINHTU[{j}]").get("TENTRINHTU"),
                    "TENTRINHTU",
                )
                for i, case in enumerate(_list(rec, "TRINHTUTHUCHIEN", at))
                for j, step in enumerate(
                    _list(_obj(case, f"{at}.TRINHTUTHUCHIEN[{i}]"), "TRINHTU", at)
                )
            ),
            applicants=names("DOITUONGTHUCHIEN", "TENDOITUONG"),
            online_level=OnlineLevel.UNSTATED if Channel.ONLINE in channels else OnlineLevel.NONE,
            source=f"DVCQG national procedure record ({where})",
        )
    except InvalidInputError as exc:
        if exc.field.startswith(where):
            raise
        raise exc.within(at) from None


def read_dvcqg_procedures(
    path: str | Path, *, skip_invalid: bool = False
) -> ReadResult[Procedure]:
    """Read national procedure records: one record, an array, or ``{"result": [...]}``."""
    return read_records(path, "result", procedure_from_dvcqg, skip_invalid=skip_invalid)


# -- the dossier sync payload -------------------------------------------------------------


def _reason(event: Event) -> str:
    for attr in ("reason", "description"):
        value = getattr(event, attr, "")
        if value:
            return str(value)
    return ""


def dossier_to_dvcqg(
    dossier: Dossier,
    *,
    catalogue: Catalogue | None = None,
    schedule: WorkSchedule | None = None,
) -> dict[str, Any]:
    """Return the DVCQG dossier-sync payload of *dossier*.

    ``NgayHenTra`` is the appointment last promised (new appointment of an apology letter, or
    the statutory due instant); ``NgayKetThucXuLy`` is the end of processing (resolution, or
    the stop); each ``DanhSachHoSoBoSung`` row carries the appointment before and after the
    supplement. ``TenTTHC`` and ``TenLinhVuc`` are filled when the catalogue lists the
    procedure.
    """
    cat = catalogue if catalogue is not None else sample_catalogue()
    name = field = ""
    if str(dossier.procedure) in cat:
        procedure = cat.get(dossier.procedure)
        name, field = procedure.name, procedure.field
    supplements: list[dict[str, Any]] = []
    for k, s in enumerate(dossier.supplements, start=1):
        before_view = dossier.as_of(s.requested_at)
        after_view = None if s.received_at is None else dossier.as_of(s.received_at)
        before = (
            None
            if before_view is None
            else before_view.appointment(as_of=s.requested_at, schedule=schedule)
        )
        after = None if after_view is None else after_view.appointment(schedule=schedule)
        supplements.append(
            {
                "HoSoBoSungId": str(k),
                "NoiDungBoSung": s.reason,
                "NgayBoSung": format_dvcqg_instant(s.requested_at),
                "NgayTiepNhanBoSung": format_dvcqg_instant(s.received_at),
                "NgayHenTraTruoc": format_dvcqg_instant(before),
                "NgayHenTraMoi": format_dvcqg_instant(after),
            }
        )
    history: list[dict[str, Any]] = []
    for event, status in zip(dossier.events, dossier.statuses, strict=True):
        key = event_key(event)
        row: dict[str, Any] = {
            "ThoiDiemXuLy": format_dvcqg_instant(event.at),
            "TrangThai": str(status.code),
            "NoiDungXuLy": _LABEL[key] + (f": {_reason(event)}" if _reason(event) else ""),
            "HanhDong": key,
        }
        if isinstance(event, Transferred):
            row["PhongBanXuLy"] = event.to_agency
        if isinstance(event, DelayNotified):
            row["NgayHenTraMoi"] = format_dvcqg_instant(event.new_appointment)
        if isinstance(event, Received) and event.appointment is not None:
            row["NgayHenTra"] = format_dvcqg_instant(event.appointment)
        history.append(row)
    returned = dossier.return_event
    end = dossier.resolved_at or dossier.stopped_at
    return {
        "MaHoSo": str(dossier.code),
        "MaTTHC": str(dossier.procedure),
        "TenTTHC": name,
        "MaLinhVuc": "",
        "TenLinhVuc": field,
        "KenhThucHien": str(dossier.channel.value),
        "TenTruongHop": dossier.case,
        "ChuHoSo": dossier.applicant,
        "TrichYeuHoSo": dossier.subject,
        "NgayNopHoSo": format_dvcqg_instant(dossier.submitted_at),
        "NgayTiepNhan": format_dvcqg_instant(dossier.received_at),
        "NgayHenTra": format_dvcqg_instant(dossier.appointment(schedule=schedule)),
        "TrangThaiHoSo": str(dossier.dvcqg_status),
        "NgayKetThucXuLy": format_dvcqg_instant(end),
        "NgayTra": format_dvcqg_instant(dossier.returned_at),
        "NgayTuChoi": format_dvcqg_instant(dossier.refused_at),
        "HinhThuc": "1" if returned is not None and returned.method is ReturnMethod.POST else "0",
        "DonViXuLy": dossier.transfers[-1].to_agency if dossier.transfers else "",
        "HoSoCoThanhPhanSoHoa": _flag_out(dossier.facts.digitized),
        "DuocThanhToanTrucTuyen": _flag_out(dossier.facts.paid_online),
        "DanhSachHoSoBoSung": supplements,
        "QuaTrinhXuLy": history,
    }


def _flag_out(value: bool | None) -> str:
    """``"1"``/``"0"`` as DVCQG sends flags; ``""`` when unknown."""
    return "" if value is None else ("1" if value else "0")


def _flag_in(value: object, field: str) -> bool | None:
    if value in (None, ""):
        return None
    text = str(value).strip()
    if text in ("0", "1", "2"):
        return text != "0"
    raise InvalidInputError(field, "'0', '1' (or '2' for a provincial payment) or ''", value)


def _event_from_row(
    key: str, at: datetime, row: dict[str, Any], where: str, prev: Status | None
) -> Event:
    reason = _s(row.get("LyDo"), f"{where}.LyDo")
    if not reason:
        text = _s(row.get("NoiDungXuLy"), f"{where}.NoiDungXuLy")
        reason = text.split(": ", 1)[1] if ": " in text else ""
    agency = _s(row.get("PhongBanXuLy"), f"{where}.PhongBanXuLy")
    simple: dict[str, type[Event]] = {
        "submitted": Submitted,
        "supplement_received": SupplementReceived,
        "obligation_fulfilled": ObligationFulfilled,
    }
    if key in simple:
        return simple[key](at)  # type: ignore[call-arg]
    if key == "received":
        return Received(at, parse_dvcqg_instant(row.get("NgayHenTra"), f"{where}.NgayHenTra"))
    if key == "refused":
        return Refused(at, reason)
    if key.startswith("supplement_requested"):
        stage = Stage.INTAKE if key.endswith(":intake") else Stage.APPRAISAL
        if ":" not in key:
            stage = Stage.APPRAISAL if prev is Status.PROCESSING else Stage.INTAKE
        return SupplementRequested(at, stage, reason)
    if key == "obligation_requested":
        return ObligationRequested(at, reason)
    if key == "transferred":
        return Transferred(at, agency)
    if key == "delay_notified":
        new = parse_dvcqg_instant(row.get("NgayHenTraMoi"), f"{where}.NgayHenTraMoi")
        if new is None:
            raise InvalidInputError(f"{where}.NgayHenTraMoi", "the new appointment", None)
        return DelayNotified(at, new, reason)
    if key == "withdrawal_requested":
        return WithdrawalRequested(at, reason)
    if key == "stopped":
        return Stopped(at, reason)
    if key == "resolved":
        return Resolved(at, outcome=None)
    if key == "result_returned":
        return ResultReturned(at, method=None)
    raise InvalidInputError(f"{where}.HanhDong", "a motcua event type", key)


_BY_STATUS: Final = {
    1: "submitted",
    3: "refused",
    6: "obligation_requested",
    7: "withdrawal_requested",
    8: "stopped",
    9: "resolved",
    10: "result_returned",
}


def _infer(prev: Status | None, new: Status, row: dict[str, Any]) -> str:
    """Infer the event of a history row without ``HanhDong`` from its status pair."""
    code = new.code
    leaving = new not in (Status.WITHDRAWAL_REQUESTED, Status.STOPPED)
    if prev is Status.SUPPLEMENT_REQUESTED and leaving:
        return "supplement_received"
    if prev is Status.OBLIGATION_REQUESTED and leaving:
        return "obligation_fulfilled"
    if code in _BY_STATUS:
        return _BY_STATUS[code]
    if new is Status.SUPPLEMENT_REQUESTED:
        return "supplement_requested"
    if prev is new and row.get("NgayHenTraMoi"):
        return "delay_notified"
    if new is Status.RECEIVED:
        return "received"
    return "transferred"


def _events_from_history(rows: list[Any], where: str) -> list[Event]:
    events: list[Event] = []
    prev: Status | None = None
    for i, raw in enumerate(rows):
        rpath = f"{where}.QuaTrinhXuLy[{i}]"
        row = _obj(raw, rpath)
        at = parse_dvcqg_instant(row.get("ThoiDiemXuLy"), f"{rpath}.ThoiDiemXuLy")
        if at is None:
            raise InvalidInputError(f"{rpath}.ThoiDiemXuLy", "an instant", row.get("ThoiDiemXuLy"))
        status = Status.from_code(row.get("TrangThai"), f"{rpath}.TrangThai")
        key = _s(row.get("HanhDong"), f"{rpath}.HanhDong") or _infer(prev, status, row)
        events.append(_event_from_row(key, at, row, rpath, prev))
        prev = status
    return events


def _events_from_dates(payload: dict[str, Any], where: str, status: Status) -> list[Event]:
    def instant(key: str) -> datetime | None:
        return parse_dvcqg_instant(payload.get(key), f"{where}.{key}")

    submitted, received = instant("NgayNopHoSo"), instant("NgayTiepNhan")
    events: list[tuple[datetime, int, Event]] = []
    if submitted is not None and (received is None or submitted < received):
        events.append((submitted, 0, Submitted(submitted)))
    if received is not None:
        events.append((received, 1, Received(received)))
    agency = _s(payload.get("DonViXuLy"), f"{where}.DonViXuLy")
    for i, raw in enumerate(_list(payload, "DanhSachHoSoBoSung", where)):
        spath = f"{where}.DanhSachHoSoBoSung[{i}]"
        row = _obj(raw, spath)
        asked = parse_dvcqg_instant(row.get("NgayBoSung"), f"{spath}.NgayBoSung")
        answered = parse_dvcqg_instant(
            row.get("NgayTiepNhanBoSung"), f"{spath}.NgayTiepNhanBoSung"
        )
        if asked is None:
            raise InvalidInputError(f"{spath}.NgayBoSung", "the request instant", None)
        stage = Stage.INTAKE if received is None or asked < received else Stage.APPRAISAL
        if stage is Stage.APPRAISAL:
            note = "implied by DanhSachHoSoBoSung: the payload has no QuaTrinhXuLy"
            events.append((asked, 2, Transferred(asked, agency, note=note)))
        reason = _s(row.get("NoiDungBoSung"), f"{spath}.NoiDungBoSung")
        events.append((asked, 3, SupplementRequested(asked, stage, reason)))
        if answered is not None:
            events.append((answered, 4, SupplementReceived(answered)))
    refused, end, given = instant("NgayTuChoi"), instant("NgayKetThucXuLy"), instant("NgayTra")
    if refused is not None:
        events.append((refused, 5, Refused(refused)))
    if status is Status.STOPPED and end is not None:
        events.append((end, 5, Stopped(end)))
    elif end is not None:
        events.append((end, 5, Resolved(end, outcome=None)))
    if given is not None:
        events.append((given, 6, ResultReturned(given, method=None)))
    if status in (Status.WITHDRAWAL_REQUESTED, Status.OBLIGATION_REQUESTED) or (
        status is Status.STOPPED and end is None
    ):
        raise InvalidInputError(
            f"{where}.QuaTrinhXuLy",
            f"the processing history, to date status {status.code} ({status.vi})",
            None,
            "the date fields alone cannot say when it happened",
        )
    events.sort(key=lambda item: (item[0], item[1]))
    return [e for _, _, e in events]


def dossier_from_dvcqg(
    payload: object,
    where: str = "<payload>",
    path: str = "$",
    *,
    catalogue: Catalogue | None = None,
) -> Dossier:
    """Rebuild a dossier (its events) from a DVCQG sync payload.

    The time limit comes from the catalogue's term for ``MaTTHC``, ``KenhThucHien`` and the
    case ``TenTruongHop`` (a field of provincial sync payloads; empty for the general case).
    The rebuilt status must equal ``TrangThaiHoSo``.

    Raises:
        InvalidInputError: A field is malformed or missing (named with its JSON path), the
            procedure is not in the catalogue, or the events do not lead to the stated status.
    """
    at = f"{where} {path}"
    data = _obj(payload, at)
    cat = catalogue if catalogue is not None else sample_catalogue()
    try:
        channel = Channel.from_code(data.get("KenhThucHien"), f"{at}.KenhThucHien")
        status = Status.from_code(data.get("TrangThaiHoSo"), f"{at}.TrangThaiHoSo")
        code = _s(data.get("MaHoSo"), f"{at}.MaHoSo")
        procedure = cat.get(_s(data.get("MaTTHC"), f"{at}.MaTTHC"))
        case = _s(data.get("TenTruongHop"), f"{at}.TenTruongHop")
        term = procedure.term(channel, case or None)
        rows = _list(data, "QuaTrinhXuLy", at)
        events = _events_from_history(rows, at) if rows else _events_from_dates(data, at, status)
        dossier = Dossier(
            code=code,
            procedure=procedure.code,
            channel=channel,
            limit=term.limit,
            rule=term.rule,
            case=term.case,
            events=tuple(events),
            applicant=_s(data.get("ChuHoSo"), f"{at}.ChuHoSo"),
            subject=_s(data.get("TrichYeuHoSo"), f"{at}.TrichYeuHoSo"),
            facts=DigitalFacts(
                digitized=_flag_in(data.get("HoSoCoThanhPhanSoHoa"), f"{at}.HoSoCoThanhPhanSoHoa"),
                paid_online=_flag_in(
                    data.get("DuocThanhToanTrucTuyen"), f"{at}.DuocThanhToanTrucTuyen"
                ),
            ),
        )
    except InvalidInputError as exc:
        if exc.field.startswith(where):
            raise
        raise exc.within(at) from None
    except MotcuaError as exc:
        raise InvalidInputError(at, "a payload motcua can replay", str(exc)) from None
    if dossier.status is not status:
        raise InvalidInputError(
            f"{at}.TrangThaiHoSo",
            f"the status its events lead to ({dossier.status.code} {dossier.status.vi})",
            status.code,
            "check QuaTrinhXuLy and the date fields",
        )
    return dossier


def read_dvcqg_dossiers(
    path: str | Path, *, catalogue: Catalogue | None = None, skip_invalid: bool = False
) -> ReadResult[Dossier]:
    """Read DVCQG sync payloads (an array, one payload, JSON Lines, or ``{"result": [...]}``)."""
    return read_records(
        path,
        "result",
        lambda d, w, p: dossier_from_dvcqg(d, w, p, catalogue=catalogue),
        skip_invalid=skip_invalid,
    )
