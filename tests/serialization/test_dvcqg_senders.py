"""DVCQG dossier payloads in the shapes real senders send, and the lossless round trip.

The payloads are built from the documented formats (docs/reference/dvcqg-fields.md): the
OpenCPS sync body (no KenhThucHien, no NgayNopHoSo, no QuaTrinhXuLy), an in-process status-4
update with dates only, an iGate-style payload (space-separated instants, milliseconds,
integer TrangThaiHoSo) and a payload whose MaHoSo departs from Circular 01/2018 Art. 19.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings

from motcua.domain.codes import ForeignDossierCode
from motcua.domain.lifecycle import Resolved, ResultReturned, ReturnMethod, Status
from motcua.domain.procedures import Channel
from motcua.foundation.errors import InvalidInputError
from motcua.foundation.vntime import VN_TZ
from motcua.serialization.catalogues import sample_catalogue
from motcua.serialization.dvcqg import dossier_from_dvcqg, dossier_to_dvcqg
from motcua.serialization.dvcqg.dossiers import (
    HISTORY_KEYS,
    SUPPLEMENT_KEYS,
    SYNC_KEYS,
    appointment_disagreement,
)
from motcua.testing.strategies import dossiers

CATALOGUE = sample_catalogue()


def vn(  # noqa: PLR0917 - a datetime's parts
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0, us: int = 0
) -> datetime:
    return datetime(year, month, day, hour, minute, second, us, tzinfo=VN_TZ)


def opencps() -> dict[str, Any]:
    """The keys OpenCPS's createSyncDossierBodyRequest writes, and no others."""
    return {
        "MaHoSo": "000.00.53.H48-240506-0001",
        "MaTTHC": "1.004222",
        "TenTTHC": "Đăng ký thường trú",
        "MaLinhVuc": "",
        "TenLinhVuc": "",
        "ChuHoSo": "Nguyễn Văn An",
        "LoaiDoiTuong": "1",
        "MaDoiTuong": "",
        "ThongTinKhac": "",
        "Email": "an@example.vn",
        "Fax": "",
        "SoDienThoai": "0900000000",
        "TrichYeuHoSo": "Đăng ký thường trú",
        "NgayTiepNhan": "20240506090000",
        "NgayHenTra": "20240515090000",
        "TrangThaiHoSo": "9",
        "NgayTra": "",
        "ThongTinTra": "",
        "HinhThuc": "0",
        "NgayKetThucXuLy": "20240514160000",
        "DonViXuLy": "Công an xã",
        "GhiChu": "",
        "TaiLieuNop": [],
        "DanhSachLePhi": [],
        "DanhSachTepDinhKemKhac": [],
        "DanhSachHoSoBoSung": [],
        "DanhSachGiayToKetQua": [],
    }


def test_every_opencps_key_is_documented() -> None:
    assert set(opencps()) <= set(SYNC_KEYS)
    status_body = {"MaHoSo", "NguoiXuLy", "ChucDanh", "ThoiDiemXuLy", "PhongBanXuLy"}
    status_body |= {"NoiDungXuLy", "TrangThai", "NgayBatDau", "NgayKetThucTheoQuyDinh"}
    assert status_body <= set(HISTORY_KEYS)
    assert {"NgayHenTraTruoc", "NgayHenTraMoi", "NgayBoSung"} <= set(SUPPLEMENT_KEYS)
    for source, use in (*SYNC_KEYS.values(), *HISTORY_KEYS.values(), *SUPPLEMENT_KEYS.values()):
        assert source
        assert use


def test_opencps_payload_imports_as_reported() -> None:
    d = dossier_from_dvcqg(opencps(), catalogue=CATALOGUE)
    r = d.reported
    assert r is not None
    assert (r.history, r.as_reported, r.channel_known) == (False, True, False)
    assert r.status is Status.RESOLVED
    assert d.status is Status.RESOLVED
    assert d.received_at == vn(2024, 5, 6, 9, 0)
    assert d.resolved_at == vn(2024, 5, 14, 16, 0)
    assert any(n.startswith("KenhThucHien") for n in r.unknown)
    # 1.004222 has 7 working days on both channels: the due does not depend on the channel.
    assert any("does not depend on it" in n for n in r.inferred)
    assert any("outcome" in n for n in r.unknown)
    assert r.foreign_keys == ()
    assert d.appointment() == vn(2024, 5, 15, 9, 0)
    assert appointment_disagreement(d) is None
    out = dossier_to_dvcqg(d, catalogue=CATALOGUE)
    assert out["KenhThucHien"] == ""  # still unknown, never guessed on the way out


def test_in_process_status_4_without_history() -> None:
    payload = opencps() | {
        "KenhThucHien": "2",
        "TrangThaiHoSo": 4,
        "NgayKetThucXuLy": "",
        "NgayHenTra": "20240516090000",
    }
    d = dossier_from_dvcqg(payload, catalogue=CATALOGUE)
    r = d.reported
    assert r is not None
    assert r.status is Status.PROCESSING
    assert d.status is Status.RECEIVED  # the dates say no more than the receipt
    assert any(n.startswith("TrangThaiHoSo 4") for n in r.unknown)
    assert r.contradictions == ()
    # The sender's appointment stays the appointment of record, the disagreement is reported.
    assert d.appointment() == vn(2024, 5, 16, 9, 0)
    assert appointment_disagreement(d) == (vn(2024, 5, 16, 9, 0), vn(2024, 5, 15, 9, 0))
    assert dossier_to_dvcqg(d)["TrangThaiHoSo"] == "4"


def test_status_behind_the_dates_is_a_contradiction() -> None:
    payload = opencps() | {"KenhThucHien": "1", "TrangThaiHoSo": "4"}
    r = dossier_from_dvcqg(payload, catalogue=CATALOGUE).reported
    assert r is not None
    assert r.contradictions == (
        "TrangThaiHoSo 4 (Đang xử lý), but the date fields lead to status 9 (Đã xử lý xong)",
    )


def test_igate_shaped_payload() -> None:
    payload = {
        "MaHoSo": "000.00.53.H48-240506-0002",
        "MaTTHC": "1.001193",
        "KenhThucHien": 2,
        "TrangThaiHoSo": 10,
        "NgayNopHoSo": "2024-05-06 08:45:12.250",
        "NgayTiepNhan": "2024-05-06 09:00:00",
        "NgayHenTra": "2024-05-06 17:00:00",
        "NgayKetThucXuLy": 1714985400000,  # 2024-05-06 15:50 in Vietnam
        "NgayTra": "2024-05-06 16:10:00.000",
        "HinhThuc": "1",
        "MaDonViIgate": "G22",
    }
    d = dossier_from_dvcqg(payload, catalogue=CATALOGUE)
    assert d.channel is Channel.ONLINE
    assert d.submitted_at == vn(2024, 5, 6, 8, 45, 12, 250000)
    assert d.resolved_at == vn(2024, 5, 6, 15, 50)
    ret = d.return_event
    assert isinstance(ret, ResultReturned)
    assert ret.method is ReturnMethod.POST
    r = d.reported
    assert r is not None
    assert r.foreign_keys == ("MaDonViIgate",)  # listed, not an error
    assert r.channel_known


def test_non_conforming_code_is_carried() -> None:
    payload = opencps() | {"MaHoSo": "G09.20-20240506-0092637", "KenhThucHien": "1"}
    d = dossier_from_dvcqg(payload, catalogue=CATALOGUE)
    assert isinstance(d.code, ForeignDossierCode)
    assert str(d.code) == "G09.20-20240506-0092637"
    assert not d.code.conforms
    assert d.code.known_day == vn(2024, 5, 6).date()
    r = d.reported
    assert r is not None
    assert any(n.startswith("MaHoSo: kept verbatim") for n in r.inferred)
    assert dossier_to_dvcqg(d)["MaHoSo"] == "G09.20-20240506-0092637"


def test_dates_that_contradict_the_history_are_listed() -> None:
    payload = opencps() | {
        "KenhThucHien": "1",
        "NgayTiepNhan": "20240506100000",
        "QuaTrinhXuLy": [
            {"ThoiDiemXuLy": "20240506090000", "TrangThai": "2", "NoiDungXuLy": "Tiếp nhận"},
            {"ThoiDiemXuLy": "20240507090000", "TrangThai": "4", "PhongBanXuLy": "Công an"},
            {"ThoiDiemXuLy": "20240514160000", "TrangThai": "9", "NguoiXuLy": "cán bộ"},
        ],
    }
    d = dossier_from_dvcqg(payload, catalogue=CATALOGUE)
    r = d.reported
    assert r is not None
    assert r.history
    assert r.contradictions == (
        "NgayTiepNhan 2024-05-06T10:00+07:00, but QuaTrinhXuLy says 2024-05-06T09:00+07:00",
    )


def test_a_history_that_contradicts_the_status_is_an_error() -> None:
    payload = opencps() | {
        "KenhThucHien": "1",
        "QuaTrinhXuLy": [{"ThoiDiemXuLy": "20240506090000", "TrangThai": "2"}],
    }
    with pytest.raises(InvalidInputError, match="TrangThaiHoSo"):
        dossier_from_dvcqg(payload, catalogue=CATALOGUE)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("20240506090000", vn(2024, 5, 6, 9, 0)),
        ("2024-05-06 09:00", vn(2024, 5, 6, 9, 0)),
        ("2024-05-06 09:00:05.5", vn(2024, 5, 6, 9, 0, 5, 500000)),
        ("2024-05-06T09:00:00+07:00", vn(2024, 5, 6, 9, 0)),
        (1714960800000, vn(2024, 5, 6, 9, 0)),
    ],
)
def test_instant_forms(value: object, expected: datetime) -> None:
    payload = opencps() | {"NgayTiepNhan": value, "NgayKetThucXuLy": "", "TrangThaiHoSo": 2}
    assert dossier_from_dvcqg(payload, catalogue=CATALOGUE).received_at == expected


@pytest.mark.parametrize("value", [12, "2024-05-06  09:00", "2024-02-30 09:00", True])
def test_bad_instants_are_errors(value: object) -> None:
    payload = opencps() | {"NgayTiepNhan": value}
    with pytest.raises(InvalidInputError, match="NgayTiepNhan"):
        dossier_from_dvcqg(payload, catalogue=CATALOGUE)


def test_outcome_method_and_notes_survive_the_round_trip() -> None:
    payload = opencps() | {"KenhThucHien": "1", "TrangThaiHoSo": "10", "NgayTra": ""}
    d = dossier_from_dvcqg(payload | {"TrangThaiHoSo": "9"}, catalogue=CATALOGUE)
    d = d.apply(ResultReturned(vn(2024, 5, 15, 9, 0), method=ReturnMethod.ONLINE, note="qua app"))
    back = dossier_from_dvcqg(dossier_to_dvcqg(d, catalogue=CATALOGUE), catalogue=CATALOGUE)
    assert back == d
    assert back.reported == d.reported
    resolved = back.resolution
    assert isinstance(resolved, Resolved)
    assert resolved.outcome is None  # unknown stays unknown
    assert back.events[-1] == ResultReturned(
        vn(2024, 5, 15, 9, 0), method=ReturnMethod.ONLINE, note="qua app"
    )


@settings(max_examples=60, deadline=None)
@given(dossiers(catalogue=CATALOGUE))
def test_export_then_import_keeps_every_field(dossier: Any) -> None:
    payload = dossier_to_dvcqg(dossier, catalogue=CATALOGUE)
    back = dossier_from_dvcqg(payload, catalogue=CATALOGUE)
    assert back == dossier
    assert back.events == dossier.events
    assert (back.level, back.facts, back.policy) == (dossier.level, dossier.facts, dossier.policy)
    # and once more: the imported dossier exports to the same payload, plus what was reported
    again = dossier_to_dvcqg(back, catalogue=CATALOGUE)
    assert again["motcua"].pop("reported")["history"] is True
    assert again == payload


@settings(max_examples=40, deadline=None)
@given(dossiers(catalogue=CATALOGUE))
def test_foreign_payload_without_extensions_imports(dossier: Any) -> None:
    """Stripped of motcua's extensions, a payload still imports to the same dates."""
    payload = dossier_to_dvcqg(dossier, catalogue=CATALOGUE)
    del payload["motcua"]
    for row in payload["QuaTrinhXuLy"]:
        del row["motcua"]
        del row["HanhDong"]
    try:
        back = dossier_from_dvcqg(payload, catalogue=CATALOGUE)
    except InvalidInputError as exc:  # a history that cannot be replayed without HanhDong
        message = str(exc)
    else:
        message = ""
    if message:
        assert "QuaTrinhXuLy" in message or "TrangThaiHoSo" in message
        return
    assert back.received_at == dossier.received_at
    assert back.resolved_at == dossier.resolved_at
    assert back.returned_at == dossier.returned_at


def test_the_field_reference_lists_every_key() -> None:
    page = Path(__file__).resolve().parents[2] / "docs" / "reference" / "dvcqg-fields.md"
    text = page.read_text(encoding="utf-8")
    for table in (SYNC_KEYS, HISTORY_KEYS, SUPPLEMENT_KEYS):
        for key, (source, use) in table.items():
            assert f"| `{key}` | {source} | {use} |" in text, key


def test_field_code_is_written_from_the_procedure() -> None:
    from motcua.domain.procedures import Catalogue
    from motcua.serialization.dvcqg.national_api import (
        procedure_from_national_api,
    )

    procedure = procedure_from_national_api(
        {
            "code": "1.004222",
            "name": "Đăng ký thường trú",
            "isWard": True,
            "categoriesDetails": [{"code": "G09-CA01", "name": "Cư trú"}],
            "legalBasisesDetails": [{"code": "68/2020/QH14", "name": "Luật Cư trú"}],
            "executionMethods": [
                {
                    "submissionMethod": "DIRECT",
                    "processingTime": 7,
                    "processingTimeUnit": "WORKING_DAY",
                    "fees": [],
                }
            ],
        }
    )
    catalogue = Catalogue((procedure,))
    payload = opencps() | {"KenhThucHien": "1"}
    d = dossier_from_dvcqg(payload, catalogue=catalogue)
    out = dossier_to_dvcqg(d, catalogue=catalogue)
    assert (out["MaLinhVuc"], out["TenLinhVuc"]) == ("G09-CA01", "Cư trú")


@pytest.mark.parametrize(
    ("status", "end", "kind"),
    [
        ("7", "", "unknown"),  # a withdrawal request: the dates cannot say when
        ("6", "", "unknown"),
        ("8", "", "unknown"),  # stopped, no NgayKetThucXuLy
        ("9", "", "unknown"),  # resolved, no NgayKetThucXuLy
        ("10", "20240514160000", "unknown"),  # returned, no NgayTra
        ("1", "", "contradiction"),  # received per NgayTiepNhan, "submitted" per status
        ("8", "20240514160000", "none"),  # the end date is the stop
        ("4", "20240514160000", "contradiction"),
    ],
)
def test_status_without_history(status: str, end: str, kind: str) -> None:
    payload = opencps() | {"KenhThucHien": "1", "TrangThaiHoSo": status, "NgayKetThucXuLy": end}
    r = dossier_from_dvcqg(payload, catalogue=CATALOGUE).reported
    assert r is not None
    assert r.status.code == int(status)
    about_status = [n for n in r.unknown if n.startswith(f"TrangThaiHoSo {status} ")]
    clashes = [n for n in r.contradictions if n.startswith(f"TrangThaiHoSo {status} ")]
    found = "unknown" if about_status else "contradiction" if clashes else "none"
    assert found == kind


def test_a_foreign_coded_dossier_is_counted_by_the_agency_it_names() -> None:
    """Biểu 06 groups a foreign code by its agency part as written, never asking for more."""
    from motcua.analyses.bieu06 import Bieu06, Dimension
    from motcua.analyses.periods import parse_period

    foreign = dossier_from_dvcqg(
        opencps() | {"MaHoSo": "G09.20-20240506-0092637", "KenhThucHien": "1"},
        catalogue=CATALOGUE,
    )
    conforming = dossier_from_dvcqg(opencps(), catalogue=CATALOGUE)
    table = Bieu06(parse_period("2024-Q2"), by=[Dimension.AGENCY])
    report = table.add_all([foreign, conforming]).result()
    groups = dict(report.groups)
    assert set(groups) == {("G09.20",), (str(conforming.code.agency),)}
    assert groups[("G09.20",)].received_total == 1
    assert groups[("G09.20",)].resolved_total == 1
