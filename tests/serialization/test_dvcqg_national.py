"""National procedure records read exactly: fees, percentages, units, cut-offs, levels, shapes.

Every record here is built by hand from the documented formats (docs/reference/formats.md):
the ``LayThuTuc`` record (keys in upper case) and the newer API's ``executionMethods`` shape.
"""

from __future__ import annotations

import copy
import json
from datetime import time
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from motcua.domain.procedures import Channel, Fee, OnlineLevel
from motcua.domain.units import Level
from motcua.foundation.errors import InvalidInputError
from motcua.serialization.catalogues import procedure_from_json, procedure_to_json
from motcua.serialization.dvcqg.national_api import (
    procedure_from_national_api,
    read_national_api_procedures,
)
from motcua.serialization.dvcqg.procedures import amount_from_dvcqg, procedure_from_dvcqg
from motcua.time.limits import CalendarDays, Months, SameDay, WorkingDays, WorkingHours


def _record(**changes: Any) -> dict[str, Any]:
    """A LayThuTuc record: one in-person channel with one time slot and one fee."""
    slot: dict[str, Any] = {
        "THOIGIANGIAIQUYET": "5",
        "DONVITINH": "Ngày làm việc",
        "MOTA": "05 ngày làm việc",
        "PHILEPHI": [{"MOTA": "Lệ phí", "SOTIEN": 8000.0, "DONVI": "Đồng"}],
    }
    slot.update(changes.pop("slot", {}))
    record: dict[str, Any] = {
        "MATTHC": "1.004222",
        "TENTTHC": "Đăng ký thường trú",
        "CAPTHUCHIEN": [{"TENCAP": "Cấp Xã"}],
        "LINHVUCTHUCHIEN": [{"MALINHVUC": "G09-CA01", "TENLINHVUC": "Đăng ký, quản lý cư trú"}],
        "CACHTHUCTHUCHIEN": [{"KENH": "1", "THOIGIAN": [slot]}],
        "THANHPHANHOSO": [
            {"TRUONGHOP": "", "GIAYTO": [{"TENGIAYTO": "Tờ khai CT01", "SOBANCHINH": "1"}]}
        ],
        "CANCUPHAPLY": [{"SOVANBAN": "68/2020/QH14", "TENVANBAN": "Luật Cư trú"}],
    }
    record.update(changes)
    return record


def _fee(sotien: object, donvi: object = "Đồng") -> Fee:
    slot = {"PHILEPHI": [{"MOTA": "Lệ phí", "SOTIEN": sotien, "DONVI": donvi}]}
    return procedure_from_dvcqg(_record(slot=slot)).terms[0].fees[0]


# -- fees ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sotien", "amount"),
    [
        (8000.0, 8000),
        (8000, 8000),
        ("8000", 8000),
        ("8000.0", 8000),
        ("8000,00", 8000),
        ("8.000", 8000),
        ("8.000,00", 8000),
        ("20.000", 20000),
        ("1.234.567", 1234567),
        ("1,234,567", 1234567),
        ("8,000.00", 8000),
        ("0", 0),
        ("", None),
        (None, None),
    ],
)
def test_amounts_are_exact(sotien: object, amount: int | None) -> None:
    fee = _fee(sotien)
    assert fee.amount == amount
    assert fee.percent == ""


def test_sotien_8000_point_0_is_exactly_8000_dong() -> None:
    assert amount_from_dvcqg(8000.0) == Decimal(8000)
    assert _fee(8000.0).amount == 8000


@pytest.mark.parametrize(
    ("sotien", "fragment"),
    [
        ("8,000", "may group thousands or mark decimals"),
        ("8000.5", "a whole number of đồng"),
        ("2,5", "a whole number of đồng"),
        ("8 000", "an amount such as"),
        ("20.000 đồng", "an amount such as"),
        ("-5", "an amount such as"),
        ("٨٠٠٠", "an amount such as"),
        (True, "an amount such as"),
        (1e20, "an amount such as"),
        ("1.2345.678", "an amount such as"),
    ],
)
def test_an_ambiguous_or_bad_amount_is_an_error_quoting_it(sotien: object, fragment: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        _fee(sotien)
    message = str(info.value)
    assert fragment in message
    assert repr(sotien) in message
    assert "PHILEPHI[0].SOTIEN" in message


@pytest.mark.parametrize(
    ("sotien", "percent"), [("0,5", "0.5"), (0.5, "0.5"), ("2", "2"), (10, "10")]
)
def test_percentage_fees(sotien: object, percent: str) -> None:
    fee = _fee(sotien, "%")
    assert fee.amount is None
    assert fee.percent == percent
    assert fee.percentage == Decimal(percent)


def test_a_percentage_above_100_is_an_error() -> None:
    with pytest.raises(InvalidInputError, match="at most 100"):
        _fee("150", "%")


def test_an_unknown_fee_unit_is_an_error() -> None:
    with pytest.raises(InvalidInputError, match="'USD'"):
        _fee("5", "USD")


def test_a_percentage_fee_round_trips_through_the_catalogue_json() -> None:
    procedure = procedure_from_dvcqg(
        _record(slot={"PHILEPHI": [{"MOTA": "Lệ phí trước bạ", "SOTIEN": "0,5", "DONVI": "%"}]})
    )
    data = procedure_to_json(procedure)
    assert data["terms"][0]["fees"] == [{"description": "Lệ phí trước bạ", "percent": "0.5"}]
    assert procedure_from_json(json.loads(json.dumps(data))) == procedure


def test_integer_amounts_in_catalogue_json_still_read() -> None:
    data = procedure_to_json(procedure_from_dvcqg(_record()))
    assert data["terms"][0]["fees"] == [{"description": "Lệ phí", "amount": 8000}]
    assert procedure_from_json(data).terms[0].fees[0].amount == 8000


@pytest.mark.parametrize("percent", ["0.50", "1e1", " 1", "05", "0", "abc"])
def test_catalogue_percentages_are_strict(percent: str) -> None:
    data = procedure_to_json(procedure_from_dvcqg(_record()))
    data["terms"][0]["fees"] = [{"description": "x", "percent": percent}]
    with pytest.raises(InvalidInputError, match="percent"):
        procedure_from_json(data)


@given(st.integers(0, 10**12))
def test_every_written_amount_reads_back(n: int) -> None:
    grouped = f"{n:,}".replace(",", ".")
    for text in (n, str(n), f"{n}.0", f"{n},00", grouped, f"{grouped},00", float(n)):
        assert amount_from_dvcqg(text) == n, text


# -- units, cut-offs, documents, levels, field code --------------------------------------


@pytest.mark.parametrize(
    ("amount", "unit", "desc", "limit"),
    [
        ("4", "Giờ", "", WorkingHours(4)),
        ("2", "Năm", "", Months(24)),
        ("8", "Giờ làm việc", "", WorkingHours(8)),
        ("10", "Ngày", "", CalendarDays(10)),
        (
            "0",
            "Ngày",
            "Trong ngày; sau 15h30 trả trong ngày làm việc tiếp theo",
            SameDay(time(15, 30)),
        ),
        ("0", "Ngày", "Trong ngày, tiếp nhận sau 15:30 thì trả hôm sau", SameDay(time(15, 30))),
    ],
)
def test_time_units(amount: str, unit: str, desc: str, limit: object) -> None:
    procedure = procedure_from_dvcqg(
        _record(slot={"THOIGIANGIAIQUYET": amount, "DONVITINH": unit, "MOTA": desc})
    )
    assert procedure.terms[0].limit == limit


def test_an_inferred_unit_is_stated_in_the_note() -> None:
    procedure = procedure_from_dvcqg(_record(slot={"THOIGIANGIAIQUYET": "4", "DONVITINH": "Giờ"}))
    assert "'Giờ' read as working hours" in procedure.note
    assert procedure.field_code == "G09-CA01"


def test_an_impossible_cutoff_is_an_error() -> None:
    slot = {
        "THOIGIANGIAIQUYET": "0",
        "DONVITINH": "Ngày",
        "MOTA": "Trong ngày; sau 25h thì hôm sau",
    }
    with pytest.raises(InvalidInputError, match="cut-off"):
        procedure_from_dvcqg(_record(slot=slot))


@pytest.mark.parametrize(("originals", "count"), [("2", 2), (2, 2), ("", 0), (None, 0), (2.0, 2)])
def test_paper_counts(originals: object, count: int) -> None:
    record = _record()
    record["THANHPHANHOSO"][0]["GIAYTO"][0]["SOBANCHINH"] = originals
    assert procedure_from_dvcqg(record).documents[0].originals == count


@pytest.mark.parametrize("originals", [2.7, "2,7", False, True, "-1"])
def test_paper_counts_are_whole(originals: object) -> None:
    record = _record()
    record["THANHPHANHOSO"][0]["GIAYTO"][0]["SOBANCHINH"] = originals
    with pytest.raises(InvalidInputError, match="SOBANCHINH"):
        procedure_from_dvcqg(record)


def test_other_agency_alone_is_an_explicit_error() -> None:
    with pytest.raises(InvalidInputError) as info:
        procedure_from_dvcqg(_record(CAPTHUCHIEN=[{"TENCAP": "Cơ quan khác"}]))
    message = str(info.value)
    assert "CAPTHUCHIEN[0].TENCAP" in message
    assert "no level for another agency" in message


def test_other_agency_beside_a_level_is_stated() -> None:
    procedure = procedure_from_dvcqg(
        _record(CAPTHUCHIEN=[{"TENCAP": "Cấp Tỉnh"}, {"TENCAP": "Cơ quan khác"}])
    )
    assert procedure.levels == (Level.PROVINCE,)
    assert "Cơ quan khác" in procedure.note


# -- the newer shape ------------------------------------------------------------------------


def _api(**changes: Any) -> dict[str, Any]:
    """A newer-API procedure detail, as the ``data`` of its answer."""
    data: dict[str, Any] = {
        "id": "3f2c1a9e-0000-0000-0000-000000000001",
        "code": "1.004222",
        "name": "Đăng ký thường trú",
        "isWard": True,
        "isProvince": False,
        "categoriesDetails": [{"code": "G09-CA01", "name": "Đăng ký, quản lý cư trú"}],
        "executionMethods": [
            {
                "submissionMethod": "DIRECT",
                "processingTime": 7,
                "processingTimeUnit": "WORKING_DAY",
                "description": "07 ngày làm việc",
                "fees": [{"value": 20000.0, "currencyName": "VNĐ", "description": "Lệ phí"}],
            },
            {
                "submissionMethod": "ONLINE",
                "processingTime": "7",
                "processingTimeUnit": "WORKING_DAY",
                "description": "07 ngày làm việc",
                "fees": [{"amount": "10.000", "name": "Lệ phí (trực tuyến)"}],
            },
            {
                "submissionMethod": "POSTAL",
                "processingTime": 0.5,
                "processingTimeUnit": "WORKING_DAY",
                "description": "",
                "fees": [],
            },
        ],
        "executionCases": [
            {
                "name": "Giấy tờ phải nộp",
                "profileComponents": [
                    {
                        "name": "Tờ khai thay đổi thông tin cư trú",
                        "originalQty": 1,
                        "copyQty": 0,
                        "attachments": [{"id": "a1", "fileName": "CT01.docx"}],
                    }
                ],
            }
        ],
        "executionSteps": [{"name": "Bước 1", "description": "Nộp hồ sơ"}],
        "legalBasisesDetails": [{"code": "68/2020/QH14", "name": "Luật Cư trú"}],
        "departmentsExecuting": [{"name": "Công an xã"}],
        "departmentsAuthority": [{"name": "Công an xã"}],
        "resultsDetails": [{"code": "KQ1", "name": "Thông báo kết quả"}],
        "subjectTypesDetails": [{"name": "Công dân Việt Nam"}],
        "keywords": "thường trú",
    }
    data.update(changes)
    return data


def test_the_newer_shape_reads() -> None:
    procedure = procedure_from_national_api({"code": "OK", "data": _api()})
    assert str(procedure.code) == "1.004222"
    assert procedure.levels == (Level.COMMUNE,)
    assert procedure.field == "Đăng ký, quản lý cư trú"
    assert procedure.channels == (Channel.IN_PERSON, Channel.ONLINE, Channel.POSTAL)
    assert procedure.term(Channel.IN_PERSON).limit == WorkingDays(7)
    assert procedure.term(Channel.IN_PERSON).fees == (Fee("Lệ phí", 20000),)
    assert procedure.term(Channel.ONLINE).fees == (Fee("Lệ phí (trực tuyến)", 10000),)
    assert procedure.term(Channel.POSTAL).limit == WorkingDays(
        __import__("fractions").Fraction(1, 2)
    )
    assert procedure.documents[0].form == "CT01.docx"
    assert procedure.documents[0].case == "Giấy tờ phải nộp"
    assert procedure.legal_basis[0].instrument == "68/2020/QH14"
    assert procedure.online_level is OnlineLevel.UNSTATED
    assert procedure.field_code == "G09-CA01"
    assert procedure_from_json(procedure_to_json(procedure)) == procedure


@pytest.mark.parametrize(
    ("unit", "limit"),
    [
        ("WORKING_DAY", WorkingDays(3)),
        ("DAY", CalendarDays(3)),
        ("WORKING_HOUR", WorkingHours(3)),
        ("HOUR", WorkingHours(3)),
        ("MONTH", Months(3)),
        ("YEAR", Months(36)),
    ],
)
def test_newer_time_units(unit: str, limit: object) -> None:
    method = {"submissionMethod": "DIRECT", "processingTime": 3, "processingTimeUnit": unit}
    procedure = procedure_from_national_api(_api(executionMethods=[method]))
    assert procedure.terms[0].limit == limit


def test_direct_and_online_gives_both_terms() -> None:
    method = {
        "submissionMethod": "DIRECT_AND_ONLINE",
        "processingTime": 3,
        "processingTimeUnit": "DAY",
    }
    procedure = procedure_from_national_api(_api(executionMethods=[method]))
    assert procedure.channels == (Channel.IN_PERSON, Channel.ONLINE)


def test_several_methods_on_one_channel_are_cases() -> None:
    methods = [
        {
            "submissionMethod": "DIRECT",
            "processingTime": 3,
            "processingTimeUnit": "DAY",
            "description": "Thông thường",
        },
        {
            "submissionMethod": "DIRECT",
            "processingTime": 1,
            "processingTimeUnit": "DAY",
            "description": "Khẩn",
        },
    ]
    procedure = procedure_from_national_api(_api(executionMethods=methods))
    assert procedure.cases(Channel.IN_PERSON) == ("Thông thường", "Khẩn")


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        (
            {"executionMethods": [{"submissionMethod": "FAX"}]},
            "executionMethods[0].submissionMethod",
        ),
        (
            {
                "executionMethods": [
                    {
                        "submissionMethod": "DIRECT",
                        "processingTime": 2,
                        "processingTimeUnit": "WEEK",
                    }
                ]
            },
            "'WEEK'",
        ),
        ({"isWard": "yes"}, "$.isWard"),
        ({"isWard": False, "isOtherAgency": True}, "no level for another agency"),
        (
            {
                "executionMethods": [
                    {
                        "submissionMethod": "DIRECT",
                        "processingTime": 2,
                        "processingTimeUnit": "DAY",
                        "fees": [{"value": 1000, "amount": 2000}],
                    }
                ]
            },
            "the same amount as value",
        ),
    ],
)
def test_newer_shape_errors_name_the_path(change: dict[str, Any], fragment: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        procedure_from_national_api(_api(**change), "p.json", "$")
    assert fragment in str(info.value)
    assert str(info.value).startswith("p.json $")


def test_read_newer_shape_file(tmp_path: Path) -> None:
    path = tmp_path / "n.json"
    second = copy.deepcopy(_api(code="2.000815", name="Chứng thực bản sao"))
    path.write_text(json.dumps({"items": [_api(), second]}, ensure_ascii=False), encoding="utf-8")
    result = read_national_api_procedures(path)
    assert [str(p.code) for p in result.records] == ["1.004222", "2.000815"]
