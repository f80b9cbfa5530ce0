"""Schedules built for a place from the unit registry: one commune's closure, not another's."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

import motcua
from motcua.domain.places import place_codes, schedule_for_place
from motcua.foundation.errors import NotFoundError
from motcua.foundation.vntime import VN_TZ
from motcua.time.announcements import Announcement, DayChange, DayKind, Scope
from motcua.time.hours import Session
from motcua.time.hours_examples import HUE_CODE, hue_4010_2025
from motcua.time.hours_series import Closure
from motcua.time.limits import WorkingDays, WorkingHours

REG = motcua.unit_registry()
ON = date(2026, 1, 1)
PHU_XUAN, KIM_LONG = "19753", "19774"  # two wards of Huế (46) after the 2025 reform
YEARS = range(2026, 2027)


def _closed(day: date, *units: str) -> Announcement:
    return Announcement(
        "1/TB-UBND",
        None,
        "UBND phường",
        "Nghỉ",
        [DayChange(day, DayKind.DAY_OFF, "Nghỉ", "Closed")],
        "Thông báo 1/TB-UBND",
        scope=Scope.LOCAL,
        units=units,
    )


def test_place_codes_include_the_province() -> None:
    assert place_codes(REG, PHU_XUAN, ON) == {PHU_XUAN, HUE_CODE}
    assert place_codes(REG, HUE_CODE, ON) == {HUE_CODE}
    with pytest.raises(NotFoundError):
        place_codes(REG, "99999", ON)


def _due(code: str, *, announcements: list[Announcement]) -> datetime:
    s = schedule_for_place(REG, code, ON, years=YEARS, announcements=announcements)
    return s.due_instant(datetime(2026, 3, 6, 9, 0), WorkingDays(1))  # Friday


def _vn(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=VN_TZ)


def test_a_ward_closure_does_not_move_another_wards_deadlines() -> None:
    monday = [_closed(date(2026, 3, 9), PHU_XUAN)]
    assert _due(PHU_XUAN, announcements=monday) == _vn("2026-03-10T09:00")
    assert _due(KIM_LONG, announcements=monday) == _vn("2026-03-09T09:00")


def test_a_province_closure_moves_every_ward() -> None:
    monday = [_closed(date(2026, 3, 9), HUE_CODE)]
    assert _due(PHU_XUAN, announcements=monday) == _vn("2026-03-10T09:00")
    assert _due(KIM_LONG, announcements=monday) == _vn("2026-03-10T09:00")
    assert _due("00004", announcements=monday) == _vn("2026-03-09T09:00")  # Hà Nội


def test_a_half_day_closure_by_place() -> None:
    afternoon = [Closure(date(2026, 3, 9), Session(time(13), time(17)), units=(KIM_LONG,))]
    monday = datetime(2026, 3, 9, 9, 0)
    for code, expected in ((KIM_LONG, "2026-03-10T14:00"), (PHU_XUAN, "2026-03-10T09:00")):
        s = schedule_for_place(REG, code, ON, years=YEARS, closures=afternoon)
        assert s.due_instant(monday, WorkingDays(1)) == _vn(expected)


def test_a_place_with_its_seasonal_hours() -> None:
    s = schedule_for_place(REG, PHU_XUAN, ON, years=YEARS, series=hue_4010_2025())
    # 4010/QĐ-UBND: summer from April closes at 17:30.
    assert s.due_instant(datetime(2026, 4, 1, 17, 0), WorkingHours(1)) == _vn("2026-04-02T08:00")
