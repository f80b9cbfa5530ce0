"""The unit registry on the real data: counts, reused codes, splits, later changes, search."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from motcua import (
    AdministrativeUnit,
    InvalidInputError,
    Level,
    NotFoundError,
    Share,
    Succession,
    UnitKind,
    UnitRegistry,
    fold_name,
    unit_registry,
)

BEFORE, REFORM = date(2025, 6, 30), date(2025, 7, 1)
REGISTRY = unit_registry()
OLD_COMMUNES = REGISTRY.existing_on(BEFORE, Level.COMMUNE)
NEW_COMMUNES = REGISTRY.existing_on(REFORM, Level.COMMUNE)


@pytest.mark.parametrize(
    ("day", "provinces", "communes", "districts"),
    [(BEFORE, 63, 10_047, 696), (REFORM, 34, 3_321, 0), (date(2026, 5, 1), 34, 3_321, 0)],
)
def test_counts_around_the_reform(
    day: date, provinces: int, communes: int, districts: int
) -> None:
    assert len(REGISTRY.existing_on(day, Level.PROVINCE)) == provinces
    assert len(REGISTRY.existing_on(day, Level.COMMUNE)) == communes
    assert len(REGISTRY.existing_on(day, Level.DISTRICT)) == districts


def test_a_reused_code_needs_its_date() -> None:
    assert REGISTRY.at("00004", BEFORE).name == "Phường Trúc Bạch"
    assert REGISTRY.at("00004", REFORM).name == "Phường Ba Đình"
    assert REGISTRY.at("00004", BEFORE).district == "001"
    assert REGISTRY.at("00004", REFORM).basis == "1656/NQ-UBTVQH15"
    with pytest.raises(NotFoundError, match=r"denotes Phường Cống Vị \(… to 2025-06-30\)"):
        REGISTRY.at("00007", REFORM)


def test_a_split_has_partial_links_citing_their_clause() -> None:
    links = REGISTRY.links_from("00007", BEFORE)
    assert [(x.new, x.share, x.instrument) for x in links] == [
        ("00008", Share.PARTIAL, "1656/NQ-UBTVQH15"),
        ("00025", Share.PARTIAL, "1656/NQ-UBTVQH15"),
    ]
    assert [x.clause for x in links] == ["khoản 4 Điều 1", "khoản 5 Điều 1"]
    assert all(x.confidence == "high" and "Cống Vị" in x.text for x in links)
    moved = REGISTRY.rehome("00007", date(2024, 3, 1), date(2026, 1, 1))
    assert moved.split
    assert moved.code == "00008+00025"
    with pytest.raises(NotFoundError, match="split into 00008 Phường Ngọc Hà, 00025"):
        REGISTRY.on("00007", REFORM)
    whole = REGISTRY.rehome("00004", date(2024, 3, 1), date(2026, 1, 1))
    assert not whole.split
    assert whole.name == "Phường Ba Đình"


def test_provinces_merge_and_resolve_forward() -> None:
    assert REGISTRY.on("02", BEFORE).name == "Tỉnh Hà Giang"
    assert REGISTRY.on("02", REFORM).code == "08"
    assert REGISTRY.on("02", REFORM).name == "Tỉnh Tuyên Quang"
    assert {u.code for u in REGISTRY.predecessors("08", REFORM)} == {"02", "08"}
    assert REGISTRY.links_into("08", REFORM)[0].instrument == "202/2025/QH15"
    assert REGISTRY.province_of("00007", BEFORE).name == "Thành phố Hà Nội"
    assert REGISTRY.agency_unit("000.00.53.H02", date(2026, 1, 1)).code == "08"


def test_dong_nai_became_a_centrally_run_city_on_30_april_2026() -> None:
    before, after = REGISTRY.at("75", date(2026, 4, 29)), REGISTRY.at("75", date(2026, 4, 30))
    assert (before.name, before.kind) == ("Tỉnh Đồng Nai", UnitKind.PROVINCE)
    assert (after.name, after.kind) == ("Thành phố Đồng Nai", UnitKind.CITY)
    assert [x.instrument for x in REGISTRY.links_into("75", date(2026, 4, 30))] == ["30/2026/QH16"]
    assert REGISTRY.at("26248", date(2026, 5, 1)).name == "Phường Trảng Bom"
    assert REGISTRY.rehome("26248", REFORM, date(2026, 5, 1)).name == "Phường Trảng Bom"


def test_accent_insensitive_search() -> None:
    assert [u.name for u in REGISTRY.find("cong vi")] == ["Phường Cống Vị"]
    found = REGISTRY.find("BA ĐÌNH", on=REFORM, level=Level.COMMUNE)
    assert found[0].code == "00004"
    assert all("ba dinh" in fold_name(u.name) for u in found)
    assert fold_name("Thanh Hoá") == fold_name("Thanh Hóa")
    with pytest.raises(InvalidInputError, match="name"):
        REGISTRY.find("  ")


def test_days_before_the_data_are_refused() -> None:
    with pytest.raises(InvalidInputError, match="2013-01-01"):
        REGISTRY.at("00004", date(2012, 12, 31))


def test_every_link_names_its_instrument() -> None:
    links = REGISTRY.links
    assert all(x.instrument for x in links)
    marks = [x.confidence for x in links if x.text]
    assert sum(1 for m in marks if m != "high") == 82


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(OLD_COMMUNES))
def test_every_pre_reform_commune_has_a_successor(unit: AdministrativeUnit) -> None:
    moved = REGISTRY.rehome(unit.code, BEFORE, date(2026, 7, 25))
    assert moved.units
    assert all(u.level is Level.COMMUNE for u in moved.units)
    assert moved.split == (len(REGISTRY.links_from(unit.code, BEFORE)) > 1)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(NEW_COMMUNES))
def test_every_current_commune_has_a_predecessor(unit: AdministrativeUnit) -> None:
    assert REGISTRY.predecessors(unit.code, REFORM)
    assert REGISTRY.province_of(unit.code, REFORM).level is Level.PROVINCE


def test_registry_validation() -> None:
    a = AdministrativeUnit("1", "X", Level.COMMUNE, valid_until=REFORM)
    b = AdministrativeUnit("1", "Y", Level.COMMUNE, valid_from=REFORM)
    assert UnitRegistry([a, b]).at("1", REFORM).name == "Y"
    with pytest.raises(InvalidInputError, match="disjoint dates"):
        UnitRegistry([a, AdministrativeUnit("1", "Y", Level.COMMUNE, valid_from=BEFORE)])
    with pytest.raises(InvalidInputError, match="succession 1 -> 2"):
        UnitRegistry([a], [Succession("1", "2", REFORM, Share.FULL, "x")])
    with pytest.raises(InvalidInputError, match="on or after 2025-07-01"):
        UnitRegistry([a, b], [Succession("1", "1", REFORM)]).rehome("1", REFORM, BEFORE)
