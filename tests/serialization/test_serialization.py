"""Reading announcements from JSON and TOML, with errors that name the JSON path."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import pytest

from motcua import DayKind, InvalidInputError, Scope, load_announcements, vietnam_calendar
from motcua.serialization.announcements import parse_announcements

GOOD = {
    "announced_through": 2027,
    "announcements": [
        {
            "instrument": "999/VPCP-KGVX",
            "issued": "2026-12-20",
            "issuer": "Văn phòng Chính phủ",
            "subject": "Nghỉ Tết Dương lịch 2027",
            "source": "test",
            "changes": [
                {
                    "day": "2027-01-02",
                    "kind": "working_day",
                    "name_vi": "Làm bù",
                    "name_en": "Make-up",
                    "swapped_with": "2026-12-31",
                },
                {"day": "2026-12-31", "kind": "day_off", "name_vi": "Nghỉ", "name_en": "Off"},
            ],
        }
    ],
}


def test_json_round(tmp_path: Path) -> None:
    file = tmp_path / "a.json"
    file.write_text(json.dumps(GOOD), encoding="utf-8")
    data = load_announcements(file)
    assert data.announced_through == 2027
    ann = data.announcements[0]
    assert ann.scope is Scope.NATIONAL
    assert ann.changes[0].kind is DayKind.WORKING_DAY
    assert ann.changes[0].swapped_with == date(2026, 12, 31)
    cal = vietnam_calendar(extra=data.announcements, announced_through=data.announced_through)
    assert cal.is_working_day(date(2027, 1, 2))
    assert not cal.is_working_day(date(2026, 12, 31))


@pytest.mark.skipif(sys.version_info < (3, 11), reason="tomllib is Python 3.11+")
def test_toml(tmp_path: Path) -> None:
    file = tmp_path / "a.toml"
    file.write_text(
        """
[[announcements]]
instrument = "15/QĐ-UBND"
issuer = "UBND xã"
subject = "Đóng cửa"
source = "local"
scope = "local"
changes = [{ day = "2027-03-05", kind = "day_off", name_vi = "Đóng cửa" }]
""",
        encoding="utf-8",
    )
    data = load_announcements(file)
    assert data.announcements[0].changes[0].name_en == "Đóng cửa"


@pytest.mark.parametrize(
    ("data", "needle"),
    [
        ([], "an object with an 'announcements' array"),
        (
            {"announcements": [], "extra": 1},
            "expected one of the keys announced_through, announcements",
        ),
        ({"announcements": {}}, "$.announcements: expected an array"),
        ({"announcements": [1]}, "$.announcements[0]: expected an object"),
        (
            {"announcements": [{"issuer": "x", "subject": "x", "changes": []}]},
            "$.announcements[0].source",
        ),
        (
            {
                "announcements": [
                    {
                        "issuer": "x",
                        "subject": "x",
                        "source": "x",
                        "changes": [{"day": "2027-02-30", "kind": "day_off", "name_vi": "x"}],
                    }
                ]
            },
            "$.announcements[0]",
        ),
        (
            {
                "announcements": [
                    {
                        "issuer": "x",
                        "subject": "x",
                        "source": "x",
                        "changes": [{"day": "2027-03-01", "kind": "holiday", "name_vi": "x"}],
                    }
                ]
            },
            "$.announcements[0]",
        ),
        (
            {
                "announcements": [
                    {
                        "issuer": "x",
                        "subject": "x",
                        "source": "x",
                        "changes": [{"day": "2027-03-01", "kind": "working_day", "name_vi": "x"}],
                    }
                ]
            },
            "WORKING_DAY only on a Saturday or Sunday",
        ),
        ({"announcements": [], "announced_through": "2027"}, "announced_through"),
    ],
)
def test_errors_name_the_path(data: object, needle: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        parse_announcements(data, origin="x.json")
    assert needle in str(info.value)
    assert str(info.value).startswith("x.json")


def test_bad_files(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(InvalidInputError, match="line 1"):
        load_announcements(bad)
    with pytest.raises(InvalidInputError, match="readable file"):
        load_announcements(tmp_path / "missing.json")
    if sys.version_info >= (3, 11):
        toml = tmp_path / "bad.toml"
        toml.write_text("= nope", encoding="utf-8")
        with pytest.raises(InvalidInputError, match="valid TOML"):
            load_announcements(toml)


def test_json_lines_read_as_a_document_says_so() -> None:
    from motcua.serialization.decoding import decode_json

    with pytest.raises(
        InvalidInputError, match=r"line 2 column 1: .*read the input as JSON Lines"
    ):
        decode_json('{"a": 1}\n{"a": 2}\n', "<stdin>")
    with pytest.raises(InvalidInputError) as info:
        decode_json('{"a": 1} x', "<stdin>")
    assert "JSON Lines" not in str(info.value)


def test_a_local_closure_names_its_units_in_the_file() -> None:
    from motcua.serialization.announcements import parse_announcements

    row = {
        "instrument": "12/QĐ-UBND",
        "issuer": "UBND phường Phú Xuân",
        "subject": "Nghỉ đột xuất",
        "source": "Quyết định 12/QĐ-UBND",
        "scope": "local",
        "units": ["19753"],
        "changes": [{"day": "2027-03-05", "kind": "day_off", "name_vi": "Đóng cửa"}],
    }
    parsed = parse_announcements({"announcements": [row]}, origin="a.json")
    assert parsed.announcements[0].units == ("19753",)
    with pytest.raises(InvalidInputError, match=r"\$.announcements\[0\].units"):
        parse_announcements({"announcements": [dict(row, units="19753")]}, origin="a.json")
    with pytest.raises(InvalidInputError):
        parse_announcements({"announcements": [dict(row, scope="national")]}, origin="a.json")
