"""Closures by place: a local announcement names its units; calendars are built for a place."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from motcua.foundation.errors import InvalidInputError
from motcua.foundation.vntime import VN_TZ
from motcua.time.announcements import Announcement, DayChange, DayKind, Scope, applies_to
from motcua.time.calendar import vietnam_calendar
from motcua.time.deadlines import WorkSchedule
from motcua.time.limits import CountingRule, WorkingDays
from motcua.time.working_calendar import DayCategory


def _closure(*units: str, day: date = date(2024, 5, 13)) -> Announcement:
    return Announcement(
        "15/QĐ-UBND",
        date(2024, 5, 2),
        "UBND",
        "Tạm dừng tiếp nhận hồ sơ",
        [DayChange(day, DayKind.DAY_OFF, "Tạm dừng tiếp nhận", "Desk closed")],
        "Quyết định 15/QĐ-UBND",
        scope=Scope.LOCAL,
        units=units,
    )


A = frozenset({"00001", "001", "01"})  # a commune, its district, its province
B = frozenset({"00004", "001", "01"})  # its neighbour
OTHER = frozenset({"19753", "46"})
YEARS = range(2024, 2026)

# received, place, limit, rule, due
TABLE = [
    ("2024-05-10T09:00", None, 2, None, "2024-05-14T09:00"),  # national: unchanged
    ("2024-05-10T09:00", A, 2, None, "2024-05-15T09:00"),  # A closed on Monday 13/5
    ("2024-05-10T09:00", B, 2, None, "2024-05-14T09:00"),  # B is not moved
    ("2024-05-10T09:00", A, 2, CountingRule.WHOLE_DAYS, "2024-05-16T00:00"),
    ("2024-05-10T09:00", B, 2, CountingRule.WHOLE_DAYS, "2024-05-15T00:00"),
    ("2024-05-09T09:00", A, 1, None, "2024-05-10T09:00"),  # the day before: unchanged
    ("2024-05-13T09:00", A, 1, None, "2024-05-14T17:00"),  # received on the closed day
    ("2024-05-14T09:00", A, 1, None, "2024-05-15T09:00"),  # the day after: unchanged
]


@pytest.mark.parametrize(("received", "place", "days", "rule", "expected"), TABLE)
def test_a_commune_closure_moves_only_that_communes_deadlines(
    received: str,
    place: frozenset[str] | None,
    days: int,
    rule: CountingRule | None,
    expected: str,
) -> None:
    cal = vietnam_calendar(YEARS, extra=[_closure("00001")], place=place)
    got = WorkSchedule(cal, place=place).due_instant(
        datetime.fromisoformat(received), WorkingDays(days), rule=rule
    )
    assert got == datetime.fromisoformat(expected).replace(tzinfo=VN_TZ)


def test_a_province_closure_covers_its_communes_only() -> None:
    day = date(2024, 5, 13)
    province = _closure("01")
    for place in (A, B):
        cal = vietnam_calendar(YEARS, extra=[province], place=place)
        assert not cal.is_working_day(day)
        named = cal.named_day(day)
        assert named is not None
        assert named.category is DayCategory.LOCAL_CLOSURE
    assert vietnam_calendar(YEARS, extra=[province], place=OTHER).is_working_day(day)
    assert vietnam_calendar(YEARS, extra=[province]).is_working_day(day)


def test_national_rows_stay_national_in_a_place() -> None:
    national = vietnam_calendar(YEARS)
    local = vietnam_calendar(YEARS, extra=[_closure("00001")], place=B)
    assert local.days_off == national.days_off
    assert local.make_up_days == national.make_up_days
    assert not local.is_working_day(date(2024, 4, 29))  # the 2024 swap holds in every place
    assert local.is_working_day(date(2024, 5, 4))


def test_an_unscoped_local_closure_applies_where_it_is_added() -> None:
    cal = vietnam_calendar(YEARS, extra=[_closure()])
    assert not cal.is_working_day(date(2024, 5, 13))


def test_applies_to() -> None:
    assert applies_to(_closure("00001"), A)
    assert not applies_to(_closure("00001"), B)
    assert not applies_to(_closure("00001"), None)
    assert applies_to(_closure(), None)


def test_units_are_checked() -> None:
    with pytest.raises(InvalidInputError, match="no units on a national announcement"):
        Announcement("1/TB", None, "VPCP", "x", [], "-", units=("01",))
    with pytest.raises(InvalidInputError, match="tuple of unit codes"):
        _closure("01").__class__("1", None, "U", "x", [], "-", scope=Scope.LOCAL, units="01")
    with pytest.raises(InvalidInputError, match="non-empty strings"):
        _closure(" 01")
    with pytest.raises(InvalidInputError, match="collection of unit codes"):
        vietnam_calendar(YEARS, place="01")
    with pytest.raises(InvalidInputError, match="one or more unit codes"):
        vietnam_calendar(YEARS, place=())
