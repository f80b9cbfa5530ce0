"""The DVCQG dossier-sync payload, written from a dossier and read back into its events.

Every key of the sync payload and of the status-update body is listed in :data:`SYNC_KEYS`,
:data:`HISTORY_KEYS` and :data:`SUPPLEMENT_KEYS` with where it was confirmed (the reference
page "DVCQG dossier fields" prints them). Reading is tolerant of what real senders leave
out, and says so: the returned dossier's :attr:`~motcua.domain.dossiers.Dossier.reported`
holds the status and appointment of record, what was inferred, what is unknown, where the
payload contradicts itself and which keys motcua does not know.

* No ``QuaTrinhXuLy`` (OpenCPS sends none; an in-process status update carries dates only):
  the events are rebuilt from the date fields and the dossier's state is "as reported"
  (``reported.history`` False): a status the dates cannot date (status 4 without the day
  processing began) is kept as ``reported.status`` and named in ``reported.unknown``.
* No ``KenhThucHien`` (OpenCPS does not send it): the channel is unknown
  (``reported.channel_known`` False); the term used for the statutory due instant is named.
* ``NgayHenTra`` is the appointment of record (``Dossier.appointment()`` returns it);
  :func:`appointment_disagreement` compares it with motcua's computation.
* Top-level dates that contradict the history are listed in ``reported.contradictions``.
* Unknown keys are listed in ``reported.foreign_keys``, never an error.
* A ``MaHoSo`` that does not follow Circular 01/2018 Art. 19 is kept verbatim
  (:class:`~motcua.domain.codes.ForeignDossierCode`).

Writing adds two motcua extensions that other readers ignore: ``HanhDong`` and ``motcua``
(the event's own JSON) on each history row, and a top-level ``motcua`` object with what the
DVCQG keys cannot carry (limit, rule, level, units, facts, policy, what was reported).
Reading them back gives the same dossier: export then import keeps every field.
"""

from __future__ import annotations

import typing
from datetime import datetime
from pathlib import Path
from typing import Any, Final

import attrs

from motcua.domain.codes import DossierCode, ForeignDossierCode, read_dossier_code
from motcua.domain.dossiers import AsReported, DigitalFacts, Dossier
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
from motcua.domain.procedures import Catalogue, Channel, Procedure
from motcua.foundation.errors import InvalidInputError, MotcuaError
from motcua.serialization.converter import structure
from motcua.serialization.dossiers import dossier_to_json, event_from_json, event_to_json
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

__all__ = [
    "HISTORY_KEYS",
    "SUPPLEMENT_KEYS",
    "SYNC_KEYS",
    "appointment_disagreement",
    "dossier_from_dvcqg",
    "dossier_to_dvcqg",
    "read_dvcqg_dossiers",
]

_OPENCPS: Final = "OpenCPS sync body (opencps-v2 DVCQGIntegrationActionImpl)"
_OPENCPS_STATUS: Final = "OpenCPS status body (opencps-v2 DVCQGIntegrationActionImpl)"
_THANH_HOA: Final = "Thanh Hóa HoSoDongBoDVC (reporting digest S9)"
_BOTH: Final = f"{_OPENCPS}; {_THANH_HOA}"
_766: Final = "DVCQG 766 formula document (reporting digest S10)"
_MOTCUA: Final = "motcua extension (ignored by other readers)"

#: Each top-level key of the sync payload: (where it was confirmed, what motcua does with it).
SYNC_KEYS: Final[dict[str, tuple[str, str]]] = {
    "MaHoSo": (_BOTH, "the dossier code; kept verbatim when it departs from Art. 19"),
    "MaTTHC": (_BOTH, "the procedure code, looked up in the catalogue"),
    "TenTTHC": (_BOTH, "written from the catalogue; not read"),
    "MaLinhVuc": (_BOTH, "written from the procedure's field code; not read"),
    "TenLinhVuc": (_BOTH, "written from the catalogue; not read"),
    "KenhThucHien": (
        f"{_THANH_HOA}; {_766}",
        "the channel 1-3; missing (OpenCPS): unknown, the term used is stated",
    ),
    "TenTruongHop": (_MOTCUA, "the procedure case whose terms apply"),
    "ChuHoSo": (_BOTH, "the applicant"),
    "SoGiayToChuHoSo": (_THANH_HOA, "not held by motcua; not read"),
    "LoaiDoiTuong": (_BOTH, "not held by motcua; not read"),
    "MaDoiTuong": (_BOTH, "not held by motcua; not read"),
    "DinhDanhCHS": (_THANH_HOA, "not held by motcua; not read"),
    "ThongTinKhac": (_BOTH, "not held by motcua; not read"),
    "Email": (_BOTH, "not held by motcua; not read"),
    "Fax": (_BOTH, "not held by motcua; not read"),
    "SoDienThoai": (_BOTH, "not held by motcua; not read"),
    "TrichYeuHoSo": (_BOTH, "the subject"),
    "NgayNopHoSo": (_THANH_HOA, "submission; missing: the dossier starts at its receipt"),
    "NgayTiepNhan": (_BOTH, "receipt"),
    "NgayHenTra": (_BOTH, "the appointment of record, compared with motcua's"),
    "TrangThaiHoSo": (_BOTH, "the status 1-10 (a string or an integer)"),
    "NgayKetThucXuLy": (_BOTH, "the end of processing (resolution, or the stop)"),
    "NgayTra": (_BOTH, "the result returned"),
    "NgayTuChoi": (_THANH_HOA, "refusal at intake"),
    "ThongTinTra": (_BOTH, "not held by motcua; not read"),
    "HinhThuc": (_OPENCPS, "the return method: 1 by post, 0 not by post"),
    "DonViXuLy": (_BOTH, "the agency handling it (the last transfer)"),
    "GhiChu": (_BOTH, "not held by motcua; not read"),
    "NoiNopHoSo": (_THANH_HOA, "not held by motcua; not read"),
    "HoSoCoThanhPhanSoHoa": (f"{_THANH_HOA}; {_766}", "facts.digitized"),
    "TaiKhoanDuocXacThucVoiVNeID": (_THANH_HOA, "not held by motcua; not read"),
    "DuocThanhToanTrucTuyen": (f"{_THANH_HOA}; {_766}", "facts.paid_online (1 or 2)"),
    "TaiLieuNop": (_BOTH, "not held by motcua; not read"),
    "DanhSachLePhi": (_BOTH, "not held by motcua; not read"),
    "DanhSachTepDinhKemKhac": (_BOTH, "not held by motcua; not read"),
    "DanhSachHoSoBoSung": (_BOTH, "supplements, when there is no history"),
    "DanhSachGiayToKetQua": (_BOTH, "not held by motcua; not read"),
    "DSKetNoiCSDL": (_THANH_HOA, "not held by motcua; not read"),
    "QuaTrinhXuLy": (
        f"{_THANH_HOA} (tienTrinhDongBo); rows as {_OPENCPS_STATUS}",
        "the processing history, replayed as events",
    ),
    "motcua": (_MOTCUA, "what the DVCQG keys cannot carry, for a lossless round trip"),
}
#: Each key of a history row (the status-update body).
HISTORY_KEYS: Final[dict[str, tuple[str, str]]] = {
    "MaHoSo": (_OPENCPS_STATUS, "the dossier code (in a status update sent alone); not read"),
    "NguoiXuLy": (f"{_OPENCPS_STATUS}; {_THANH_HOA}", "not held by motcua; not read"),
    "ChucDanh": (f"{_OPENCPS_STATUS}; {_THANH_HOA}", "not held by motcua; not read"),
    "ThoiDiemXuLy": (f"{_OPENCPS_STATUS}; {_THANH_HOA}", "the event's instant"),
    "PhongBanXuLy": (f"{_OPENCPS_STATUS}; {_THANH_HOA}", "the agency of a transfer"),
    "NoiDungXuLy": (f"{_OPENCPS_STATUS}; {_THANH_HOA}", "label, then ': ' and the reason"),
    "TrangThai": (f"{_OPENCPS_STATUS}; {_THANH_HOA}", "the status after the event"),
    "NgayBatDau": (f"{_OPENCPS_STATUS}; {_THANH_HOA}", "not held by motcua; not read"),
    "NgayKetThucTheoQuyDinh": (
        f"{_OPENCPS_STATUS}; {_THANH_HOA}",
        "the sender's statutory end of the step; not read (motcua computes its own)",
    ),
    "HanhDong": (_MOTCUA, "the motcua event type"),
    "LyDo": (_MOTCUA, "the reason, when NoiDungXuLy does not carry it"),
    "NgayHenTra": (_MOTCUA, "the appointment printed on the receipt (a received row)"),
    "NgayHenTraMoi": (_MOTCUA, "the new appointment of an apology letter"),
    "motcua": (_MOTCUA, "the event's own JSON, read back exactly"),
}
#: Each key of a ``DanhSachHoSoBoSung`` row.
SUPPLEMENT_KEYS: Final[dict[str, tuple[str, str]]] = {
    "HoSoBoSungId": (_BOTH, "the row's number; not read"),
    "NguoiYeuCauBoSung": (_OPENCPS, "not held by motcua; not read"),
    "NoiDungBoSung": (_BOTH, "the reason of the request"),
    "NgayBoSung": (_BOTH, "the request"),
    "NguoiTiepNhanBoSung": (_OPENCPS, "not held by motcua; not read"),
    "ThongTinTiepNhan": (_OPENCPS, "not held by motcua; not read"),
    "NgayTiepNhanBoSung": (_BOTH, "the supplement received"),
    "TrangThaiBoSung": (_OPENCPS, "not held by motcua; not read"),
    "DanhSachGiayToBoSung": (_OPENCPS, "not held by motcua; not read"),
    "DanhSachLePhiBoSung": (_OPENCPS, "not held by motcua; not read"),
    "NgayHenTraTruoc": (_BOTH, "the appointment before the supplement; not read"),
    "NgayHenTraMoi": (_BOTH, "the appointment after it; not read"),
}
#: The dossier fields the top-level ``motcua`` extension carries.
_EXTENSION_FIELDS: Final = (
    "limit",
    "rule",
    "case",
    "level",
    "facts",
    "policy",
    "receiving_unit",
    "deciding_unit",
    "locality",
    "starts",
)


def _reason(event: Event) -> str:
    for attr in ("reason", "description"):
        value = getattr(event, attr, "")
        if value:
            return str(value)
    return ""


def _return_method(returned: ResultReturned | None) -> str:
    if returned is None or returned.method is None:
        return ""
    return "1" if returned.method is ReturnMethod.POST else "0"


def _reported_to_json(reported: AsReported) -> dict[str, Any]:
    out: dict[str, Any] = {"history": reported.history, "channel_known": reported.channel_known}
    for key in ("inferred", "unknown", "contradictions", "foreign_keys"):
        if getattr(reported, key):
            out[key] = list(getattr(reported, key))
    return out


def _extension(dossier: Dossier) -> dict[str, Any]:
    record = dossier_to_json(dossier)
    out: dict[str, Any] = {k: record[k] for k in _EXTENSION_FIELDS if k in record}
    if dossier.reported is not None:
        out["reported"] = _reported_to_json(dossier.reported)
    return out


def dossier_to_dvcqg(
    dossier: Dossier,
    *,
    catalogue: Catalogue | None = None,
    schedule: WorkSchedule | None = None,
) -> dict[str, Any]:
    """Return the DVCQG dossier-sync payload of *dossier*.

    ``NgayHenTra`` is the appointment of record (an apology letter's new appointment, the
    sender's appointment of an imported dossier, or the statutory due instant);
    ``NgayKetThucXuLy`` is the end of processing (resolution, or the stop); each
    ``DanhSachHoSoBoSung`` row carries the appointment before and after the supplement.
    ``TenTTHC``, ``TenLinhVuc`` and ``MaLinhVuc`` are filled when the catalogue lists the
    procedure (without a catalogue they are empty: the library never guesses them).
    ``HinhThuc`` is ``1`` for a result returned by post, ``0`` otherwise, empty while not
    returned or when the method is unknown. An imported dossier keeps what was reported:
    its status of record, and an empty ``KenhThucHien`` when the channel was unknown.
    """
    name = field = field_code = ""
    if catalogue is not None and str(dossier.procedure) in catalogue:
        procedure = catalogue.get(dossier.procedure)
        name, field, field_code = procedure.name, procedure.field, procedure.field_code
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
        row["motcua"] = event_to_json(event)
        history.append(row)
    end = dossier.resolved_at or dossier.stopped_at
    reported = dossier.reported
    status_code = dossier.dvcqg_status if reported is None else reported.status.code
    channel = "" if reported is not None and not reported.channel_known else dossier.channel
    return {
        "MaHoSo": str(dossier.code),
        "MaTTHC": str(dossier.procedure),
        "TenTTHC": name,
        "MaLinhVuc": field_code,
        "TenLinhVuc": field,
        "KenhThucHien": str(int(channel)) if channel != "" else "",
        "TenTruongHop": dossier.case,
        "ChuHoSo": dossier.applicant,
        "TrichYeuHoSo": dossier.subject,
        "NgayNopHoSo": format_dvcqg_instant(dossier.submitted_at),
        "NgayTiepNhan": format_dvcqg_instant(dossier.received_at),
        "NgayHenTra": format_dvcqg_instant(dossier.appointment(schedule=schedule)),
        "TrangThaiHoSo": str(status_code),
        "NgayKetThucXuLy": format_dvcqg_instant(end),
        "NgayTra": format_dvcqg_instant(dossier.returned_at),
        "NgayTuChoi": format_dvcqg_instant(dossier.refused_at),
        "HinhThuc": _return_method(dossier.return_event),
        "DonViXuLy": dossier.transfers[-1].to_agency if dossier.transfers else "",
        "HoSoCoThanhPhanSoHoa": flag_out(dossier.facts.digitized),
        "DuocThanhToanTrucTuyen": flag_out(dossier.facts.paid_online),
        "DanhSachHoSoBoSung": supplements,
        "QuaTrinhXuLy": history,
        "motcua": _extension(dossier),
    }


def appointment_disagreement(
    dossier: Dossier, *, schedule: WorkSchedule | None = None
) -> tuple[datetime, datetime] | None:
    """``(sender's appointment, motcua's)`` when an imported dossier's ``NgayHenTra`` differs.

    motcua's appointment is the latest apology letter's, else the statutory due instant
    computed from the events and the term. None when the dossier was not imported, the
    sender sent no appointment, motcua cannot compute one (e.g. waiting for a supplement),
    or they agree to the minute.
    """
    reported = dossier.reported
    if reported is None or reported.appointment is None:
        return None
    delays = dossier.delays
    if delays:
        ours: datetime | None = delays[-1].new_appointment
    else:
        due = dossier.due(schedule=schedule)
        ours = None if due is None else due.at
    if ours is None:
        return None
    theirs = reported.appointment
    if theirs.replace(second=0, microsecond=0) == ours.replace(second=0, microsecond=0):
        return None
    return theirs, ours


class _Notes:
    """What an import inferred, could not know, found contradictory, or did not recognise."""

    def __init__(self) -> None:
        self.inferred: list[str] = []
        self.unknown: list[str] = []
        self.contradictions: list[str] = []
        self.foreign: list[str] = []

    def keys(self, record: dict[str, Any], known: dict[str, Any], prefix: str) -> None:
        for key in record:
            name = f"{prefix}{key}"
            if key not in known and name not in self.foreign:
                self.foreign.append(name)


def _event_from_row(
    key: str,
    at: datetime,
    row: dict[str, Any],
    where: str,
    prev: Status | None,
    *,
    method: ReturnMethod | None,
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
        return ResultReturned(at, method=method)
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


def _own_event(row: dict[str, Any], key: str, at: datetime, rpath: str) -> Event:
    """The event a motcua-written row carries in full (its ``motcua`` key), checked."""
    event = event_from_json(row["motcua"], rpath, "$.motcua")
    if event.at != at or (key and event_key(event) != key):
        raise InvalidInputError(
            f"{rpath}.motcua",
            f"the event of the row ({key or 'its TrangThai'!r} at {at.isoformat()})",
            f"{event_key(event)} at {event.at.isoformat()}",
            "the row's ThoiDiemXuLy and HanhDong must describe the same event",
        )
    return event


def _events_from_history(
    rows: list[Any], where: str, method: ReturnMethod | None, notes: _Notes
) -> list[Event]:
    events: list[Event] = []
    prev: Status | None = None
    for i, raw in enumerate(rows):
        rpath = f"{where}.QuaTrinhXuLy[{i}]"
        row = field_object(raw, rpath)
        notes.keys(row, HISTORY_KEYS, "QuaTrinhXuLy[].")
        at = parse_dvcqg_instant(row.get("ThoiDiemXuLy"), f"{rpath}.ThoiDiemXuLy")
        if at is None:
            raise InvalidInputError(f"{rpath}.ThoiDiemXuLy", "an instant", row.get("ThoiDiemXuLy"))
        status = Status.from_code(row.get("TrangThai"), f"{rpath}.TrangThai")
        given = field_text(row.get("HanhDong"), f"{rpath}.HanhDong")
        if "motcua" in row:
            events.append(_own_event(row, given, at, rpath))
        else:
            key = given or _infer(prev, status, row)
            events.append(_event_from_row(key, at, row, rpath, prev, method=method))
        prev = status
    return events


def _events_from_dates(
    payload: dict[str, Any], where: str, status: Status, method: ReturnMethod | None
) -> list[Event]:
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
        events.append((given, 6, ResultReturned(given, method=method)))
    events.sort(key=lambda item: (item[0], item[1]))
    return [e for _, _, e in events]


def _channel(
    data: dict[str, Any], at: str, procedure: Procedure, case: str, notes: _Notes
) -> tuple[Channel, bool]:
    """The channel, or (when ``KenhThucHien`` is missing) the term to use and False."""
    if data.get("KenhThucHien") not in (None, ""):
        return Channel.from_code(data.get("KenhThucHien"), f"{at}.KenhThucHien"), True
    notes.unknown.append("KenhThucHien: the sender did not say how the dossier was submitted")
    offered = procedure.channels
    terms = []
    for channel in offered:
        try:
            term = procedure.term(channel, case or None)
        except MotcuaError:
            continue
        terms.append((channel, term.limit, term.rule))
    if not terms:
        procedure.term(Channel.IN_PERSON, case or None)  # raises the procedure's own error
    if len(terms) == 1:
        chosen = terms[0][0]
        why = f"the procedure is offered on channel {chosen.value} ({chosen.vi}) only"
    elif len({(limit, rule) for _, limit, rule in terms}) == 1:
        chosen = terms[0][0]
        why = "every channel has the same time limit, so the due instant does not depend on it"
    else:
        chosen = Channel.IN_PERSON if Channel.IN_PERSON in offered else terms[0][0]
        why = (
            f"limits differ by channel; channel {chosen.value} ({chosen.vi}) is used, as the "
            "DVCQG Decision 766 formulas read a missing channel"
        )
    notes.inferred.append(f"KenhThucHien: the statutory due instant uses this term: {why}")
    return chosen, False


def _method(data: dict[str, Any], at: str) -> ReturnMethod | None:
    text = field_text(data.get("HinhThuc"), f"{at}.HinhThuc")
    if text in ("", "0"):
        return None
    if text == "1":
        return ReturnMethod.POST
    raise InvalidInputError(f"{at}.HinhThuc", "'1' (by post), '0' (not by post) or ''", text)


def _check_dates(data: dict[str, Any], at: str, dossier: Dossier, notes: _Notes) -> None:
    """Name every top-level date that contradicts the history's."""
    pairs = (
        (
            "NgayNopHoSo",
            dossier.submitted_at if dossier.received_at != dossier.submitted_at else None,
        ),
        ("NgayTiepNhan", dossier.received_at),
        ("NgayTuChoi", dossier.refused_at),
        ("NgayKetThucXuLy", dossier.resolved_at or dossier.stopped_at),
        ("NgayTra", dossier.returned_at),
    )
    for key, theirs in pairs:
        stated = parse_dvcqg_instant(data.get(key), f"{at}.{key}")
        if stated is None or (key == "NgayNopHoSo" and theirs is None):
            continue
        if theirs is None or stated != theirs:
            said = "nothing" if theirs is None else theirs.isoformat(timespec="minutes")
            notes.contradictions.append(
                f"{key} {stated.isoformat(timespec='minutes')}, but QuaTrinhXuLy says {said}"
            )


_OPEN: Final = 2
_CLOSED: Final = 3


def _rank(status: Status) -> int:
    """How far a status is along the way: submitted, received, in process, closed."""
    if status is Status.SUBMITTED:
        return 0
    if status is Status.RECEIVED:
        return 1
    return _OPEN if status.open else _CLOSED


def _state_notes(reported: Status, dossier: Dossier, notes: _Notes, has_history: bool) -> None:
    if not has_history:
        notes.inferred.append(
            "QuaTrinhXuLy missing: the events are rebuilt from the date fields (state as reported)"
        )
    if not has_history and dossier.submitted_at == dossier.received_at:
        notes.unknown.append("NgayNopHoSo: when it was submitted; it starts at its receipt")
    resolution = dossier.resolution
    if resolution is not None and resolution.outcome is None:
        notes.unknown.append("the resolution's outcome (granted, or refused on the merits)")
    returned = dossier.return_event
    if returned is not None and returned.method is None:
        notes.unknown.append("HinhThuc: how the result was returned (only 'not by post')")
    derived = dossier.status
    if derived is reported:
        return
    said = f"TrangThaiHoSo {reported.code} ({reported.vi})"
    ahead = _rank(reported) > _rank(derived) or _rank(reported) == _rank(derived) == _OPEN
    if ahead or (derived is Status.RESOLVED and reported is Status.RETURNED):
        notes.unknown.append(
            f"{said}: the day it was reached is not in the payload; the events end in "
            f"status {derived.code} ({derived.vi}); the status of record is the reported one"
        )
    else:
        notes.contradictions.append(
            f"{said}, but the date fields lead to status {derived.code} ({derived.vi})"
        )


def _apply_extension(
    ext: dict[str, Any], at: str, kwargs: dict[str, Any]
) -> dict[str, Any] | None:
    """Fill *kwargs* from the top-level ``motcua`` extension; return its ``reported`` part."""
    hints = typing.get_type_hints(Dossier)
    for key in ext:
        if key not in (*_EXTENSION_FIELDS, "reported"):
            raise InvalidInputError(
                f"{at}.motcua.{key}", "a key motcua writes: " + ", ".join(_EXTENSION_FIELDS), key
            )
    for key in _EXTENSION_FIELDS:
        if key in ext:
            if key in ("facts", "policy"):
                field_object(ext[key], f"{at}.motcua.{key}")
            kwargs[key] = structure(ext[key], hints[key], at, f"$.motcua.{key}")
    reported = ext.get("reported")
    return None if reported is None else field_object(reported, f"{at}.motcua.reported")


def _notes_list(data: dict[str, Any], key: str, at: str) -> list[str]:
    return [
        field_text(v, f"{at}.motcua.reported.{key}[{i}]")
        for i, v in enumerate(field_list(data, key, f"{at}.motcua.reported"))
    ]


def _code(data: dict[str, Any], at: str, notes: _Notes) -> DossierCode:
    text = field_text(data.get("MaHoSo"), f"{at}.MaHoSo")
    if not text:
        raise InvalidInputError(f"{at}.MaHoSo", "the dossier code", data.get("MaHoSo"))
    code = read_dossier_code(text)
    if isinstance(code, ForeignDossierCode):
        notes.inferred.append(f"MaHoSo: kept verbatim as a foreign code ({code.reason})")
    return code


@attrs.frozen
class _Read:
    dossier: Dossier
    status: Status
    channel_known: bool
    appointment: datetime | None
    has_history: bool
    reported: dict[str, Any] | None


def _read(
    data: dict[str, Any], at: str, catalogue: Catalogue | None, ext: dict[str, Any], notes: _Notes
) -> _Read:
    code = _code(data, at, notes)
    status = Status.from_code(data.get("TrangThaiHoSo"), f"{at}.TrangThaiHoSo")
    procedure_code = field_text(data.get("MaTTHC"), f"{at}.MaTTHC")
    case = field_text(data.get("TenTruongHop"), f"{at}.TenTruongHop")
    kwargs: dict[str, Any] = {}
    reported_ext = _apply_extension(ext, at, kwargs)
    raw_channel = data.get("KenhThucHien")
    if "limit" in kwargs or catalogue is None:
        known = raw_channel not in (None, "")
        channel = Channel.from_code(raw_channel if known else 1, f"{at}.KenhThucHien")
    else:
        procedure = catalogue.get(procedure_code)
        channel, known = _channel(data, at, procedure, case, notes)
        term = procedure.term(channel, case or None)
        kwargs.update(limit=term.limit, rule=term.rule, case=term.case)
        kwargs.setdefault("starts", term.starts)
    method = _method(data, at)
    rows = field_list(data, "QuaTrinhXuLy", at)
    for i, raw in enumerate(field_list(data, "DanhSachHoSoBoSung", at)):
        row = field_object(raw, f"{at}.DanhSachHoSoBoSung[{i}]")
        notes.keys(row, SUPPLEMENT_KEYS, "DanhSachHoSoBoSung[].")
    events = (
        _events_from_history(rows, at, method, notes)
        if rows
        else _events_from_dates(data, at, status, method)
    )
    kwargs.setdefault(
        "facts",
        DigitalFacts(
            digitized=flag_in(data.get("HoSoCoThanhPhanSoHoa"), f"{at}.HoSoCoThanhPhanSoHoa"),
            paid_online=flag_in(
                data.get("DuocThanhToanTrucTuyen"), f"{at}.DuocThanhToanTrucTuyen"
            ),
        ),
    )
    dossier = Dossier(
        code=code,
        procedure=procedure_code,
        channel=channel,
        events=tuple(events),
        applicant=field_text(data.get("ChuHoSo"), f"{at}.ChuHoSo"),
        subject=field_text(data.get("TrichYeuHoSo"), f"{at}.TrichYeuHoSo"),
        **kwargs,
    )
    appointment = parse_dvcqg_instant(data.get("NgayHenTra"), f"{at}.NgayHenTra")
    return _Read(dossier, status, known, appointment, bool(rows), reported_ext)


def dossier_from_dvcqg(
    payload: object,
    where: str = "<payload>",
    path: str = "$",
    *,
    catalogue: Catalogue | None = None,
) -> Dossier:
    """Rebuild a dossier from a DVCQG sync payload, with what was reported (``.reported``).

    The time limit comes from the catalogue's term for ``MaTTHC``, ``KenhThucHien`` and the
    case ``TenTruongHop`` (or, in a payload motcua wrote, from its ``motcua`` extension).
    With a history, the rebuilt status must equal ``TrangThaiHoSo``; without one, the
    reported status is kept as the status of record and the difference is stated.

    Raises:
        InvalidInputError: A field is malformed, ``MaHoSo`` or ``MaTTHC`` is missing, the
            procedure is not in the catalogue, or the history does not lead to the stated
            status (each named with its JSON path).
    """
    at = f"{where} {path}"
    data = field_object(payload, at)
    ext = field_object(data.get("motcua") or {}, f"{at}.motcua")
    if catalogue is None and "limit" not in ext:
        raise InvalidInputError(
            f"{at}.MaTTHC",
            "a procedure of the catalogue passed (the payload carries no time limit)",
            data.get("MaTTHC"),
            "pass catalogue=... (the portal's procedures, or sample_catalogue())",
        )
    notes = _Notes()
    notes.keys(data, SYNC_KEYS, "")
    try:
        read = _read(data, at, catalogue, ext, notes)
    except InvalidInputError as exc:
        if exc.field.startswith(where):
            raise
        raise exc.within(at) from None
    except MotcuaError as exc:
        raise InvalidInputError(at, "a payload motcua can replay", str(exc)) from None
    dossier, status = read.dossier, read.status
    if read.reported is not None:  # a payload motcua wrote: what was reported, as written
        ext_reported = read.reported
        history = ext_reported.get("history") is not False
        if history and dossier.status is not status:
            _status_error(at, dossier, status)
        lists = {
            key: _notes_list(ext_reported, key, at)
            for key in ("inferred", "unknown", "contradictions", "foreign_keys")
        }
        return dossier.with_reported(
            AsReported(
                status,
                read.appointment,
                channel_known=read.channel_known
                and ext_reported.get("channel_known") is not False,
                history=history,
                **lists,
            )
        )
    if read.has_history:
        if dossier.status is not status:
            _status_error(at, dossier, status)
        _check_dates(data, at, dossier, notes)
    _state_notes(status, dossier, notes, read.has_history)
    return dossier.with_reported(
        AsReported(
            status,
            read.appointment,
            channel_known=read.channel_known,
            history=read.has_history,
            inferred=notes.inferred,
            unknown=notes.unknown,
            contradictions=notes.contradictions,
            foreign_keys=notes.foreign,
        )
    )


def _status_error(at: str, dossier: Dossier, status: Status) -> None:
    raise InvalidInputError(
        f"{at}.TrangThaiHoSo",
        f"the status its history leads to ({dossier.status.code} {dossier.status.vi})",
        status.code,
        "check QuaTrinhXuLy",
    )


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
