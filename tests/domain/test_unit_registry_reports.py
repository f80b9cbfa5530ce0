"""Biểu 06 by province or commune across the 2025 reform: dossiers carry unit references."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from motcua import (
    Channel,
    Dossier,
    InvalidInputError,
    Received,
    Resolved,
    SameDay,
    dossier_from_json,
    dossier_to_json,
    unit_registry,
)
from motcua.analyses.bieu06 import Bieu06, Dimension, UnitRole
from motcua.analyses.periods import parse_period
from motcua.foundation.vntime import VN_TZ

UNITS = unit_registry()


def dossier(day: date, serial: int, *, deciding: str = "", locality: str = "") -> Dossier:
    at = datetime(day.year, day.month, day.day, 9, 0, tzinfo=VN_TZ)
    return Dossier(
        f"000.21.48.H48-{day:%y%m%d}-{serial:04d}",
        "1.001193",
        Channel.IN_PERSON,
        SameDay(),
        [Received(at), Resolved(at.replace(hour=10))],
        receiving_unit="00004",
        deciding_unit=deciding,
        locality=locality,
    )


OLD = [
    dossier(date(2024, 5, 2), 1, deciding="00007"),  # Phường Cống Vị: split in 2025
    dossier(date(2024, 5, 3), 2, deciding="00004"),  # Phường Trúc Bạch: into Ba Đình
    dossier(date(2024, 5, 3), 3, deciding="00013"),  # Phường Quán Thánh: into Ba Đình
]
NEW = [
    dossier(date(2026, 5, 4), 1, deciding="00004"),  # Phường Ba Đình
    dossier(date(2026, 5, 5), 2, deciding="00008"),  # Phường Ngọc Hà
]


def _rows(period: str, dossiers: list[Dossier], **options: object) -> dict[str, int]:
    acc = Bieu06(parse_period(period), units=UNITS, **options)  # type: ignore[arg-type]
    report = acc.add_all(dossiers).result()
    return {str(key[-1]): counts.received_total for key, counts in report.groups}


def test_units_travel_with_the_dossier_record() -> None:
    d = dossier(date(2024, 5, 2), 1, deciding="00007", locality="00001")
    data = dossier_to_json(d)
    assert (data["receiving_unit"], data["deciding_unit"], data["locality"]) == (
        "00004",
        "00007",
        "00001",
    )
    assert dossier_from_json(data) == d
    assert "locality" not in dossier_to_json(dossier(date(2024, 5, 2), 1))


def test_grouped_as_of_each_dossiers_day() -> None:
    rows = _rows("2024-Q2", OLD, by=[Dimension.COMMUNE])
    assert rows == {
        "00004 Phường Trúc Bạch": 1,
        "00007 Phường Cống Vị": 1,
        "00013 Phường Quán Thánh": 1,
    }


def test_rehomed_to_2026_the_2024_rows_are_todays_communes_splits_flagged() -> None:
    to = date(2026, 1, 1)
    then = _rows("2024-Q2", OLD, by=[Dimension.COMMUNE], rehome_to=to)
    assert then == {
        "00004 Phường Ba Đình": 2,
        "00008+00025 Phường Ngọc Hà + Phường Giảng Võ": 1,
    }
    now = _rows("2026-Q2", NEW, by=[Dimension.COMMUNE], rehome_to=to)
    assert now == {"00004 Phường Ba Đình": 1, "00008 Phường Ngọc Hà": 1}
    acc = Bieu06(parse_period("2024-Q2"), by=[Dimension.COMMUNE], units=UNITS, rehome_to=to)
    assert any("split" in note for note in acc.add_all(OLD).result().notes)


def test_grouped_by_province_and_by_another_role() -> None:
    assert _rows("2024-Q2", OLD, by=[Dimension.PROVINCE]) == {"01 Thành phố Hà Nội": 3}
    rows = _rows("2024-Q2", OLD, by=[Dimension.COMMUNE], unit_role=UnitRole.RECEIVING)
    assert rows == {"00004 Phường Trúc Bạch": 3}


def test_a_missing_or_unknown_unit_names_the_dossier() -> None:
    acc = Bieu06(parse_period("2024-Q2"), by=[Dimension.COMMUNE], units=UNITS)
    with pytest.raises(InvalidInputError, match=r"240502-0001\.deciding_unit: expected a unit"):
        acc.add(dossier(date(2024, 5, 2), 1))
    with pytest.raises(InvalidInputError, match="'99999'"):
        acc.add(dossier(date(2024, 5, 2), 1, deciding="99999"))
    with pytest.raises(InvalidInputError, match="commune-level"):
        acc.add(dossier(date(2024, 5, 2), 1, deciding="01"))
    assert acc.result().dossiers_read == 0
    with pytest.raises(InvalidInputError, match="UnitRegistry"):
        Bieu06(parse_period("2024-Q2"), by=[Dimension.PROVINCE])
