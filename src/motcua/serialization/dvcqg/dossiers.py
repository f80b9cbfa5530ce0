"""The DVCQG dossier-sync payload, written from a dossier and read back into its events.

``MaHoSo``, ``MaTTHC``, ``KenhThucHien``, ``TrangThaiHoSo``, ``NgayTiepNhan``, ``NgayHenTra``,
``NgayKetThucXuLy``, ``NgayTra``, ``DanhSachHoSoBoSung``... The payload's ``QuaTrinhXuLy``
array is the processing history in the shape of the DVCQG status sync (``ThoiDiemXuLy``,
``TrangThai``, ``NoiDungXuLy``, ``PhongBanXuLy``), plus a ``HanhDong`` key naming the motcua
event (a motcua extension, ignored by other readers). Without ``HanhDong``, events are
inferred from the status pairs; without any history, from the date fields, and anything the
dates cannot say is an error that names the missing field.
"""

from __future__ import annotations

from datetime import datetime
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
)
from motcua.foundation.errors import InvalidInputError, MotcuaError
from motcua.serialization.dvcqg.fields import (
    LABELS,
    field_list,
    field_object,
    field_text,
    flag_in,
    flag_out,
    format_dvcqg_instant,
    parse_dvcqg_instant,
)
from motcua.serialization.files import ReadResult, Source, read_records
from motcua.time.deadlines import WorkSchedule

__all__ = ["dossier_from_dvcqg", "dossier_to_dvcqg", "read_dvcqg_dossiers"]


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
    procedure (without a catalogue they are empty: the library never guesses them).
    """
    name = field = ""
    if catalogue is not None and str(dossier.procedure) in catalogue:
        procedure = catalogue.get(dossier.procedure)
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
            "NoiDungXuLy": LABELS[key] + (f": {_reason(event)}" if _reason(event) else ""),
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
        "HoSoCoThanhPhanSoHoa": flag_out(dossier.facts.digitized),
        "DuocThanhToanTrucTuyen": flag_out(dossier.facts.paid_online),
        "DanhSachHoSoBoSung": supplements,
        "QuaTrinhXuLy": history,
    }


def _event_from_row(
    key: str, at: datetime, row: dict[str, Any], where: str, prev: Status | None
) -> Event:
    reason = field_text(row.get("LyDo"), f"{where}.LyDo")
    if not reason:
        text = field_text(row.get("NoiDungXuLy"), f"{where}.NoiDungXuLy")
        reason = text.split(": ", 1)[1] if ": " in text else ""
    agency = field_text(row.get("PhongBanXuLy"), f"{where}.PhongBanXuLy")
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
        row = field_object(raw, rpath)
        at = parse_dvcqg_instant(row.get("ThoiDiemXuLy"), f"{rpath}.ThoiDiemXuLy")
        if at is None:
            raise InvalidInputError(f"{rpath}.ThoiDiemXuLy", "an instant", row.get("ThoiDiemXuLy"))
        status = Status.from_code(row.get("TrangThai"), f"{rpath}.TrangThai")
        key = field_text(row.get("HanhDong"), f"{rpath}.HanhDong") or _infer(prev, status, row)
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
    agency = field_text(payload.get("DonViXuLy"), f"{where}.DonViXuLy")
    for i, raw in enumerate(field_list(payload, "DanhSachHoSoBoSung", where)):
        spath = f"{where}.DanhSachHoSoBoSung[{i}]"
        row = field_object(raw, spath)
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
        reason = field_text(row.get("NoiDungBoSung"), f"{spath}.NoiDungBoSung")
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
    data = field_object(payload, at)
    if catalogue is None:
        raise InvalidInputError(
            f"{at}.MaTTHC",
            "a procedure of the catalogue passed (the payload carries no time limit)",
            data.get("MaTTHC"),
            "pass catalogue=... (the portal's procedures, or sample_catalogue())",
        )
    cat = catalogue
    try:
        channel = Channel.from_code(data.get("KenhThucHien"), f"{at}.KenhThucHien")
        status = Status.from_code(data.get("TrangThaiHoSo"), f"{at}.TrangThaiHoSo")
        code = field_text(data.get("MaHoSo"), f"{at}.MaHoSo")
        procedure = cat.get(field_text(data.get("MaTTHC"), f"{at}.MaTTHC"))
        case = field_text(data.get("TenTruongHop"), f"{at}.TenTruongHop")
        term = procedure.term(channel, case or None)
        rows = field_list(data, "QuaTrinhXuLy", at)
        events = _events_from_history(rows, at) if rows else _events_from_dates(data, at, status)
        dossier = Dossier(
            code=code,
            procedure=procedure.code,
            channel=channel,
            limit=term.limit,
            rule=term.rule,
            case=term.case,
            events=tuple(events),
            applicant=field_text(data.get("ChuHoSo"), f"{at}.ChuHoSo"),
            subject=field_text(data.get("TrichYeuHoSo"), f"{at}.TrichYeuHoSo"),
            facts=DigitalFacts(
                digitized=flag_in(data.get("HoSoCoThanhPhanSoHoa"), f"{at}.HoSoCoThanhPhanSoHoa"),
                paid_online=flag_in(
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
    path: str | Path | Source,
    *,
    catalogue: Catalogue | None = None,
    skip_invalid: bool = False,
    input_format: str | None = None,
) -> ReadResult[Dossier]:
    """Read DVCQG sync payloads (an array, one payload, JSON Lines, or ``{"result": [...]}``).

    *path* may be ``-`` (standard input, JSON unless *input_format* is ``jsonl``).
    """
    return read_records(
        path,
        "result",
        lambda d, w, p: dossier_from_dvcqg(d, w, p, catalogue=catalogue),
        skip_invalid=skip_invalid,
        input_format=input_format,
    )
