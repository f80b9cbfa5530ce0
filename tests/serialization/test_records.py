"""JSON, JSON Lines and DVCQG interchange: round trips, error paths, national records."""

from __future__ import annotations

import copy
import json
from datetime import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from motcua import (
    Catalogue,
    Channel,
    Dossier,
    InvalidInputError,
    NoTimeLimit,
    OnlineLevel,
    Procedure,
    SameDay,
    Status,
    WorkingDays,
    dossier_from_dvcqg,
    dossier_from_json,
    dossier_to_dvcqg,
    dossier_to_json,
    procedure_from_dvcqg,
    procedure_from_json,
    procedure_to_json,
    read_dossiers,
    sample_catalogue,
)
from motcua.domain.lifecycle import EVENT_TYPES
from motcua.serialization.catalogues import catalogue_from_json, catalogue_to_json, load_catalogue
from motcua.serialization.converter import converter
from motcua.serialization.dossiers import event_from_json, event_to_json
from motcua.serialization.dvcqg import (
    format_dvcqg_instant,
    limit_from_dvcqg,
    parse_dvcqg_instant,
    read_dvcqg_procedures,
)
from motcua.serialization.limits import limit_from_json, limit_to_json
from motcua.testing.strategies import dossiers, limits_or_none, procedures
from motcua.time.limits import CalendarDays, Months, TimeLimit, WorkingHours

DATA = Path(__file__).resolve().parent.parent / "data"
SAMPLE = Path(__file__).resolve().parent.parent.parent / "examples" / "data" / "dossiers.jsonl"


# -- round trips ------------------------------------------------------------------------


@given(limits_or_none)
def test_limit_round_trip(limit: TimeLimit | NoTimeLimit) -> None:
    assert limit_from_json(json.loads(json.dumps(limit_to_json(limit)))) == limit


@given(procedures())
def test_procedure_round_trip(procedure: Procedure) -> None:
    text = json.dumps(procedure_to_json(procedure), ensure_ascii=False)
    assert procedure_from_json(json.loads(text)) == procedure


@given(dossiers(any_policy=True))
def test_dossier_round_trip(dossier: Dossier) -> None:
    text = json.dumps(dossier_to_json(dossier), ensure_ascii=False)
    back = dossier_from_json(json.loads(text))
    assert back == dossier
    assert back.statuses == dossier.statuses


@given(dossiers())
def test_every_event_round_trips_as_a_tagged_object(dossier: Dossier) -> None:
    for event in dossier.events:
        data = converter().unstructure(event)
        assert data["type"] == event.kind
        assert EVENT_TYPES[data["type"]] is type(event)
        assert event_to_json(event) == data
        assert event_from_json(json.loads(json.dumps(data))) == event


@given(st.lists(procedures(), max_size=4, unique_by=lambda p: str(p.code)))
def test_generated_catalogue_round_trip(items: list[Procedure]) -> None:
    catalogue = Catalogue(items)
    text = json.dumps(catalogue_to_json(catalogue), ensure_ascii=False)
    assert catalogue_from_json(json.loads(text)) == catalogue


def test_catalogue_round_trip() -> None:
    catalogue = sample_catalogue()
    assert catalogue_from_json(json.loads(json.dumps(catalogue_to_json(catalogue)))) == catalogue


@given(dossiers())
def test_dvcqg_export_then_import(dossier: Dossier) -> None:
    catalogue = Catalogue(
        [
            Procedure(
                code=dossier.procedure,
                name="Thủ tục thử",
                field="Thử",
                levels=("commune",),  # type: ignore[arg-type]
                terms=[_term(dossier)],
                legal_basis=[("0/0000/TEST",)],  # type: ignore[list-item]
                online_level=OnlineLevel.UNSTATED
                if dossier.channel is Channel.ONLINE
                else OnlineLevel.NONE,
            )
        ]
    )
    payload = json.loads(json.dumps(dossier_to_dvcqg(dossier, catalogue=catalogue)))
    for variant in (payload, _without_event_names(payload)):
        back = dossier_from_dvcqg(variant, catalogue=catalogue)
        assert back.code == dossier.code
        assert back.statuses == dossier.statuses
        assert [e.at for e in back.events] == [e.at for e in dossier.events]
        assert [e.kind for e in back.events] == [e.kind for e in dossier.events]
        assert back.due() == dossier.due()
        assert back.facts.digitized == dossier.facts.digitized
        assert back.facts.paid_online == dossier.facts.paid_online


def _term(dossier: Dossier) -> Any:
    from motcua import ChannelTerm, Level

    del Level
    return ChannelTerm(dossier.channel, dossier.limit, dossier.rule)


def _without_event_names(payload: dict[str, Any]) -> dict[str, Any]:
    stripped = copy.deepcopy(payload)
    for row in stripped["QuaTrinhXuLy"]:
        del row["HanhDong"]
    return stripped


# -- error paths -------------------------------------------------------------------------


def _record() -> dict[str, Any]:
    record: dict[str, Any] = json.loads(SAMPLE.read_text(encoding="utf-8").splitlines()[13])
    return record


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (
            lambda r: r["events"][2].update(at="2024-04-15T25:00:00+07:00"),
            "f.jsonl line 7 $.events[2].at (instant): expected an ISO 8601 date-time",
        ),
        (
            lambda r: r["events"][1].update(type="moved"),
            "f.jsonl line 7 $.events[1] (event.type): expected one of submitted, received",
        ),
        (
            lambda r: r.update(channel=4),
            "f.jsonl line 7 $.channel (channel): expected the KenhThucHien integer",
        ),
        (lambda r: r.update(colour="red"), "f.jsonl line 7 $: expected only known keys"),
        (lambda r: r.pop("code"), "f.jsonl line 7 $.code: expected a value (required field)"),
        (
            lambda r: r.update(limit={"unit": "weeks", "count": 2}),
            "f.jsonl line 7 $.limit (limit.unit): expected one of working_days",
        ),
        (
            lambda r: r["events"].append({"type": "resolved", "at": "2024-05-01T00:00:00+07:00"}),
            (
                "f.jsonl line 7 $.events[6] (dossier 000.00.05.H48-240415-0001): "
                "expected an event allowed in status 'returned'"
            ),
        ),
        (
            lambda r: r.update(schema_version=2),
            "f.jsonl line 7 $.schema_version: expected the integer 1",
        ),
        (
            lambda r: r["events"][3].update(new_appointment="2024-04-01T00:00:00+07:00"),
            "f.jsonl line 7 $.events[3] (DelayNotified.new_appointment)",
        ),
        (
            lambda r: r.update(code="000.00.05.H48-240415-1"),
            "f.jsonl line 7 $.code (dossier code)",
        ),
    ],
)
def test_errors_name_the_json_path(mutate: Any, message: str) -> None:
    record = _record()
    mutate(record)
    with pytest.raises(InvalidInputError) as info:
        dossier_from_json(record, "f.jsonl line 7")
    assert str(info.value).startswith(message), str(info.value)


def test_every_bad_field_is_named() -> None:
    record = _record()
    record["channel"] = 9
    record["events"][0]["at"] = "bad"
    record["events"][2]["to_agency"] = 5
    with pytest.raises(InvalidInputError) as info:
        dossier_from_json(record, "f.jsonl line 7")
    message = str(info.value)
    assert message.startswith("f.jsonl line 7 $.channel (channel)")
    assert "2 more bad field(s)" in message
    assert "f.jsonl line 7 $.events[0].at (instant)" in message
    assert "f.jsonl line 7 $.events[2].to_agency (value): expected a string, got 5" in message


def test_limit_comes_from_the_catalogue_when_absent() -> None:
    record = _record()
    del record["limit"]
    catalogue = sample_catalogue()
    assert dossier_from_json(record, catalogue=catalogue).limit == WorkingDays(3)
    # Never the sample catalogue behind the caller's back: no catalogue, no limit.
    with pytest.raises(InvalidInputError, match=r"\$.limit: expected a time limit \(required"):
        dossier_from_json(record, "f.json")
    record["procedure"] = "9.999999"
    with pytest.raises(
        InvalidInputError, match=r"\$.limit: expected a time limit, or a procedure"
    ):
        dossier_from_json(record, "f.json", catalogue=catalogue)


def test_files_report_every_bad_record(tmp_path: Path) -> None:
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    broken = [*lines[:3], "{not json", lines[3].replace('"channel": 1', '"channel": 9'), ""]
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(broken) + "\n", encoding="utf-8")
    with pytest.raises(
        InvalidInputError, match="mixed.jsonl line 4 column 2: expected valid JSON"
    ):
        read_dossiers(path)
    result = read_dossiers(path, skip_invalid=True)
    assert len(result.records) == 3
    assert len(result.errors) == 2
    assert str(result.errors[0]).startswith(
        "{}: expected valid JSON".format(f"{path} line 4 column 2")
    )
    assert str(result.errors[1]).startswith(f"{path} line 5 $.channel (channel)")


def test_json_documents(tmp_path: Path) -> None:
    records = [json.loads(x) for x in SAMPLE.read_text(encoding="utf-8").splitlines()[:2]]
    doc = tmp_path / "d.json"
    doc.write_text(json.dumps({"schema_version": 1, "dossiers": records}), encoding="utf-8")
    assert len(read_dossiers(doc).records) == 2
    doc.write_text(json.dumps(records), encoding="utf-8")
    assert len(read_dossiers(doc).records) == 2
    doc.write_text(json.dumps(records[0]), encoding="utf-8")
    assert len(read_dossiers(doc).records) == 1
    doc.write_text(json.dumps({"dossiers": records, "x": 1}), encoding="utf-8")
    with pytest.raises(InvalidInputError, match="only 'dossiers' and 'schema_version'"):
        read_dossiers(doc)
    doc.write_text("[1,", encoding="utf-8")
    with pytest.raises(InvalidInputError, match="d.json line 1 column 4: expected valid JSON"):
        read_dossiers(doc)
    with pytest.raises(InvalidInputError, match="readable"):
        read_dossiers(tmp_path / "missing.json")


def test_catalogue_file(tmp_path: Path) -> None:
    path = tmp_path / "c.json"
    path.write_text(json.dumps(catalogue_to_json(sample_catalogue())), encoding="utf-8")
    assert load_catalogue(path) == sample_catalogue()


# -- the DVCQG formats -------------------------------------------------------------------


def test_dvcqg_instant_format() -> None:
    # OpenCPS's DVCQG integration: SimpleDateFormat("yyyyMMddHHmmss"), Asia/Ho_Chi_Minh.
    at = parse_dvcqg_instant("20220921083000")
    assert at is not None
    assert format_dvcqg_instant(at) == "20220921083000"
    assert parse_dvcqg_instant("") is None
    assert parse_dvcqg_instant("2022-09-21T01:30:00Z") == at
    with pytest.raises(InvalidInputError, match="yyyyMMddHHmmss"):
        parse_dvcqg_instant("21/09/2022")
    with pytest.raises(InvalidInputError, match="real instant"):
        parse_dvcqg_instant("20220931083000")


def test_sample_payload_fields() -> None:
    d = read_dossiers(SAMPLE).records[13]
    assert dossier_to_dvcqg(d)["TenTTHC"] == ""  # no catalogue: no name guessed
    payload = dossier_to_dvcqg(d, catalogue=sample_catalogue())
    assert payload["MaHoSo"] == str(d.code)
    assert payload["KenhThucHien"] == "2"
    assert payload["TrangThaiHoSo"] == "10"
    assert payload["NgayTiepNhan"] == "20240415080000"
    assert payload["NgayHenTra"] == "20240423170000"  # the apology letter's new appointment
    assert payload["NgayKetThucXuLy"] == "20240423100000"
    assert payload["TenTTHC"] == "Đăng ký thành lập doanh nghiệp tư nhân"


def test_payload_without_history_uses_the_date_fields() -> None:
    d = read_dossiers(SAMPLE).records[7]  # online, supplement during appraisal
    payload = dossier_to_dvcqg(d)
    del payload["QuaTrinhXuLy"], payload["motcua"]
    with pytest.raises(InvalidInputError, match=r"MaTTHC: expected a procedure of the catalogue"):
        dossier_from_dvcqg(payload)  # the payload has no time limit: never the sample's
    catalogue = sample_catalogue()
    back = dossier_from_dvcqg(payload, catalogue=catalogue)
    assert back.status is d.status
    assert back.due() == d.due()
    assert back.transfers[0].note.startswith("implied by DanhSachHoSoBoSung")
    payload["TrangThaiHoSo"] = "7"
    reported = dossier_from_dvcqg(payload, "p.json", catalogue=catalogue).reported
    assert reported is not None
    assert reported.status is Status.WITHDRAWAL_REQUESTED
    assert reported.contradictions[0].startswith("TrangThaiHoSo 7")
    payload["MaTTHC"] = "9.999999"
    with pytest.raises(InvalidInputError, match="procedure '9.999999' not found"):
        dossier_from_dvcqg(payload, "p.json", catalogue=catalogue)


def test_national_procedure_records() -> None:
    result = read_dvcqg_procedures(DATA / "dvcqg_procedure.json")
    residence, copies = result.records
    assert residence.code.national_code == "1.004222"
    assert residence.term(Channel.IN_PERSON).fees[0].amount == 20_000
    assert residence.term(Channel.ONLINE).fees[0].amount == 10_000
    assert residence.term(1).limit == WorkingDays(7)
    assert residence.online_level is OnlineLevel.UNSTATED
    assert residence.documents[0].form == "CT01"
    assert [b.instrument for b in residence.legal_basis] == ["68/2020/QH14", "75/2022/TT-BTC"]
    assert copies.cases(Channel.IN_PERSON)[0].startswith("Trong ngày")
    assert copies.term(1, copies.cases(Channel.IN_PERSON)[0]).limit == SameDay(time(15, 0))
    assert copies.term(1, "Yêu cầu chứng thực số lượng lớn").limit == WorkingDays(2)
    assert copies.term(1, copies.cases(Channel.IN_PERSON)[0]).fees[0].amount is None


@pytest.mark.parametrize(
    ("amount", "unit", "desc", "limit"),
    [
        ("5", "Ngày làm việc", "", WorkingDays(5)),
        ("0,5", "Ngày làm việc", "", WorkingDays(__import__("fractions").Fraction(1, 2))),
        (8, "Giờ làm việc", "", WorkingHours(8)),
        ("15", "Ngày", "", CalendarDays(15)),
        ("2", "Tháng", "", Months(2)),
        (0, "Ngày", "Giải quyết trong ngày", SameDay()),
        ("", "", "", NoTimeLimit()),
        (0, "Ngày", "Không quy định thời hạn", NoTimeLimit("Không quy định thời hạn")),
        (4, "Giờ", "", WorkingHours(4)),
        (1, "Năm", "", Months(12)),
        (0, "Ngày", "Trong ngày; sau 15h30 trả ngày làm việc tiếp theo", SameDay(time(15, 30))),
        (0, "Ngày", "Trong ngày, nhận sau 15 giờ 30 phút trả hôm sau", SameDay(time(15, 30))),
        (0, "Ngày", "Trong ngày; sau 15 giờ trả hôm sau", SameDay(time(15, 0))),
    ],
)
def test_unit_strings(amount: object, unit: str, desc: str, limit: object) -> None:
    assert limit_from_dvcqg(amount, unit, desc) == limit


@pytest.mark.parametrize(
    ("amount", "unit", "fragment"),
    [
        ("3", "Tuần", "'Tuần'"),
        ("3", "Năm học", "'Năm học'"),
        ("1.5", "Năm", "a whole number"),
        ("ba", "Ngày làm việc", "'ba'"),
        (0, "Ngày làm việc", "a positive count"),
        ("1.5", "Ngày", "a whole number"),
    ],
)
def test_unknown_unit_values_are_quoted(amount: object, unit: str, fragment: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        limit_from_dvcqg(amount, unit)
    assert fragment in str(info.value)


def test_bad_national_record_names_the_path() -> None:
    record = json.loads((DATA / "dvcqg_procedure.json").read_text(encoding="utf-8"))["result"][0]
    record["CACHTHUCTHUCHIEN"][1]["THOIGIAN"][0]["DONVITINH"] = "Tuần"
    with pytest.raises(InvalidInputError) as info:
        procedure_from_dvcqg(record, "p.json", "$.result[0]")
    assert "p.json $.result[0].CACHTHUCTHUCHIEN[1].THOIGIAN[0].DONVITINH" in str(info.value)
    assert "'Tuần'" in str(info.value)
    record = json.loads((DATA / "dvcqg_procedure.json").read_text(encoding="utf-8"))["result"][0]
    record["CANCUPHAPLY"] = []
    with pytest.raises(InvalidInputError, match="CANCUPHAPLY"):
        procedure_from_dvcqg(record, "p.json")
