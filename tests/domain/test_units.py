"""Levels and administrative units with dates (two-tier reform of 2025-07-01)."""

from __future__ import annotations

from datetime import date

import pytest

from motcua import (
    TWO_TIER_REFORM,
    AdministrativeUnit,
    InvalidInputError,
    Level,
    NotFoundError,
    UnitRegistry,
)


def test_district_level_ends_with_the_reform() -> None:
    assert date(2025, 7, 1) == TWO_TIER_REFORM
    assert Level.DISTRICT.exists_on(date(2025, 6, 30))
    assert not Level.DISTRICT.exists_on(date(2025, 7, 1))
    assert Level.DISTRICT.last_day == date(2025, 6, 30)
    for level in (Level.MINISTRY, Level.PROVINCE, Level.COMMUNE):
        assert level.exists_on(date(2030, 1, 1))
        assert level.last_day is None
    Level.DISTRICT.check_on(date(2025, 6, 30))
    with pytest.raises(InvalidInputError, match="Resolution 203/2025/QH15"):
        Level.DISTRICT.check_on(TWO_TIER_REFORM)


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("Cấp Tỉnh", Level.PROVINCE),
        ("cấp  huyện", Level.DISTRICT),
        ("Cấp Xã", Level.COMMUNE),
        ("Cấp Bộ", Level.MINISTRY),
    ],
)
def test_level_from_dvcqg_name(text: str, level: Level) -> None:
    assert Level.from_vi(text) is level
    assert Level.from_vi(level.vi) is level


def test_unknown_level_name_is_quoted() -> None:
    with pytest.raises(InvalidInputError, match="'Cấp thôn'"):
        Level.from_vi("Cấp thôn")


def _registry() -> UnitRegistry:
    # Resolution 202/2025/QH15: Hà Giang + Tuyên Quang -> Tuyên Quang (code 08).
    return UnitRegistry(
        [
            AdministrativeUnit(
                "02", "Hà Giang", Level.PROVINCE, valid_until=TWO_TIER_REFORM, successor="08"
            ),
            AdministrativeUnit("08", "Tuyên Quang", Level.PROVINCE),
            AdministrativeUnit(
                "073", "Huyện Yên Sơn", Level.DISTRICT, valid_until=TWO_TIER_REFORM
            ),
        ]
    )


def test_merges_are_many_to_one_and_history_is_kept() -> None:
    registry = _registry()
    assert registry.on("02", date(2025, 6, 30)).name == "Hà Giang"
    assert registry.on("02", date(2025, 7, 1)).name == "Tuyên Quang"
    assert [u.code for u in registry.predecessors("08")] == ["02"]
    assert [u.code for u in registry.existing_on(date(2025, 7, 1))] == ["08"]
    assert len(registry.existing_on(date(2025, 1, 1), Level.DISTRICT)) == 1
    assert len(registry) == 3
    with pytest.raises(NotFoundError, match="no unit in its successor chain"):
        registry.on("073", date(2025, 7, 1))
    with pytest.raises(NotFoundError, match="'99' not found"):
        registry.get("99")


def test_unit_validation() -> None:
    with pytest.raises(InvalidInputError, match="2025-07-01 or earlier"):
        AdministrativeUnit("073", "Huyện Yên Sơn", Level.DISTRICT)
    with pytest.raises(InvalidInputError, match="valid_until"):
        AdministrativeUnit(
            "1", "X", Level.COMMUNE, valid_from=date(2024, 1, 2), valid_until=date(2024, 1, 1)
        )
    with pytest.raises(InvalidInputError, match="another unit"):
        AdministrativeUnit("1", "X", Level.COMMUNE, successor="1")
    with pytest.raises(InvalidInputError, match="unique unit codes"):
        UnitRegistry([AdministrativeUnit("1", "X", Level.COMMUNE)] * 2)
    with pytest.raises(InvalidInputError, match="a unit in the registry"):
        UnitRegistry([AdministrativeUnit("1", "X", Level.COMMUNE, successor="2")])
    with pytest.raises(InvalidInputError, match="without cycles"):
        UnitRegistry(
            [
                AdministrativeUnit("1", "X", Level.COMMUNE, successor="2"),
                AdministrativeUnit("2", "Y", Level.COMMUNE, successor="1"),
            ]
        )
