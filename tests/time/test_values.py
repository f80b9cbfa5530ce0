"""The time layer's values without attrs (ADR 0026): frozen, compared, hashed, pickled as before.

Every value class of the time layer derives from :class:`motcua.foundation.values.Frozen`.
These tests hold each class to what ``attrs.frozen`` gave it: no assignment or deletion,
equality and hashing by the fields and only within one class, the ``Class(field=...)``
repr, ordering where it existed, pickling and copying, ``replace`` (``attrs.evolve``)
re-running the constructor's checks. A fresh interpreter that imports motcua and computes
a first due instant imports neither attrs nor cattrs.
"""

from __future__ import annotations

import copy
import pickle
import subprocess
import sys
from datetime import date, datetime, time, timedelta
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import motcua
from motcua.foundation.errors import (
    ConfigurationError,
    FrozenValueError,
    InvalidInputError,
    OutsideCalendarError,
)
from motcua.foundation.values import Frozen, as_dict, fields, replace
from motcua.time.announcements import Announcement, DayChange, DayKind, Scope
from motcua.time.calendar import DayCategory, NamedDay, WorkingCalendar, vietnam_calendar
from motcua.time.deadlines import Due, Pause, WorkSchedule, compute_due
from motcua.time.hours import OfficeHours, Session
from motcua.time.hours_examples import hue_4010_2025, vinh_phuc_873_2020
from motcua.time.hours_series import Closure, HoursPeriod, HoursSeries, Season, SeasonalHours
from motcua.time.limits import (
    CalendarDays,
    CountingRule,
    Months,
    SameDay,
    WorkingDays,
    WorkingHours,
)


def _samples() -> list[Frozen]:
    standard = OfficeHours.standard()
    return [
        WorkingDays(5),
        WorkingDays(Fraction(1, 2)),
        WorkingHours(8),
        CalendarDays(30),
        Months(2),
        SameDay(),
        SameDay(time(15, 0)),
        DayChange("2024-04-29", DayKind.DAY_OFF, "Nghỉ", "Off", "2024-05-04"),
        Announcement(
            "1/X",
            "2024-01-02",
            "VPCP",
            "s",
            [DayChange("2024-05-04", DayKind.WORKING_DAY, "a", "b")],
            "src",
        ),
        Announcement("", None, "UBND", "s", (), "src", scope=Scope.LOCAL, units=["01"]),
        Session(time(8, 0), time(12, 0)),
        standard,
        OfficeHours.parse(
            {"mon-fri": "07:00-11:30, 13:30-17:00"}, reception={"sat": "08:00-11:00"}
        ),
        Season((4, 16), standard),
        vinh_phuc_873_2020(),
        hue_4010_2025(),
        HoursPeriod("2024-01-01", standard, "x"),
        Closure("2024-05-06", Session(time(13, 0), time(17, 0)), "x", ["01"]),
        NamedDay(date(2024, 5, 1), DayCategory.PUBLIC_HOLIDAY, "a", "b", ("s",), True),
        vietnam_calendar(range(2024, 2025)),
        vietnam_calendar(range(2024, 2025)).year_schedule(2024),
        Pause(datetime(2024, 5, 2, 9, 0), datetime(2024, 5, 3, 9, 0)),
        compute_due(datetime(2024, 4, 26, 9, 0), WorkingDays(5)),
        compute_due(datetime(2024, 4, 26, 19, 0), WorkingHours(8)),
        compute_due(date(2024, 4, 26), CalendarDays(5)),
    ]


@pytest.mark.parametrize("value", _samples(), ids=lambda v: type(v).__name__)
def test_a_value_is_frozen_compared_hashed_and_pickled_by_its_fields(value: Frozen) -> None:
    name = fields(type(value))[0]
    with pytest.raises(FrozenValueError, match=rf"{type(value).__name__}\.{name}: cannot"):
        setattr(value, name, None)
    with pytest.raises(FrozenValueError):
        delattr(value, name)
    for twin in (
        pickle.loads(pickle.dumps(value)),  # noqa: S301 - our own bytes
        copy.copy(value),
        copy.deepcopy(value),
        replace(value),
    ):
        assert twin == value
        assert not twin != value  # noqa: SIM202 - __ne__ is tested here
        assert hash(twin) == hash(value)
        assert twin is not value
    assert repr(value).startswith(f"{type(value).__name__}({name}=")
    assert getattr(type(value), "__match_args__", None) == fields(type(value))
    assert value != object()
    assert value is not None


def test_a_calendar_compares_by_its_days_not_its_source() -> None:
    cal = vietnam_calendar(range(2024, 2025))
    other = WorkingCalendar(
        cal.first_year,
        cal.last_year,
        cal.provisional_from,
        cal.days_off,
        cal.make_up_days,
        "another source",
    )
    assert cal == other
    assert not cal != other  # noqa: SIM202 - __ne__ is the inverse of __eq__
    assert hash(cal) == hash(other)


def test_equality_is_within_one_class() -> None:
    assert WorkingDays(5) != WorkingHours(5)
    assert WorkingDays(5) == WorkingDays(Fraction(10, 2))
    assert hash(WorkingDays(5)) == hash(WorkingDays(Fraction(10, 2)))
    assert len({WorkingDays(5), WorkingDays(5), WorkingHours(5)}) == 2


def test_sessions_and_pauses_order_by_their_fields() -> None:
    a, b = Session(time(8, 0), time(12, 0)), Session(time(13, 0), time(17, 0))
    assert sorted([b, a]) == [a, b]
    assert a < b
    assert a <= b
    assert b > a
    assert b >= a
    assert a <= Session(time(8, 0), time(12, 0))
    assert Session(time(8, 0), time(11, 0)) < a
    with pytest.raises(TypeError):
        assert a < WorkingDays(1)
    early = Pause(datetime(2024, 5, 2, 9, 0), datetime(2024, 5, 3, 9, 0))
    assert early < Pause(datetime(2024, 5, 2, 9, 0), datetime(2024, 5, 3, 10, 0))


def test_reprs_keep_the_attrs_shape() -> None:
    assert repr(WorkingDays(5)) == "WorkingDays(count=5)"
    assert repr(SameDay(time(15, 0))) == "SameDay(cutoff=datetime.time(15, 0))"
    assert repr(Session(time(8, 0), time(12, 0))) == (
        "Session(start=datetime.time(8, 0), end=datetime.time(12, 0))"
    )
    cal = vietnam_calendar(range(2024, 2025))
    assert repr(cal).startswith("WorkingCalendar(first_year=2024, last_year=2024, provisional")
    assert "_flags" not in repr(cal)
    schedule = WorkSchedule(cal)
    assert repr(schedule).startswith("WorkSchedule(calendar=WorkingCalendar(")
    assert repr(schedule).endswith("series=None, closures=(), place=None)")


def test_replace_checks_the_new_fields_as_the_constructor_does() -> None:
    assert replace(WorkingDays(5), count=3) == WorkingDays(3)
    with pytest.raises(InvalidInputError, match="WorkingDays.count"):
        replace(WorkingDays(5), count=-1)
    with pytest.raises(TypeError, match="no field 'days'"):
        replace(WorkingDays(5), days=3)
    change = DayChange("2024-05-04", DayKind.WORKING_DAY, "a", "b")
    with pytest.raises(InvalidInputError, match="WORKING_DAY only on a Saturday or Sunday"):
        replace(change, day="2024-05-06")
    ann = Announcement("", None, "UBND", "s", (), "src", scope=Scope.LOCAL, units=["01"])
    with pytest.raises(InvalidInputError, match="no units on a national announcement"):
        replace(ann, scope=Scope.NATIONAL)


def test_constructors_check_and_convert_as_before() -> None:
    assert DayChange("2024-04-29", DayKind.DAY_OFF, "a", "b", "2024-05-04").swapped_with == date(
        2024, 5, 4
    )
    assert Announcement("", "2024-01-02", "U", "s", [], "x").issued == date(2024, 1, 2)
    assert Closure("2024-05-06", Session(time(13, 0), time(17, 0))).closed == (
        Session(time(13, 0), time(17, 0)),
    )
    assert OfficeHours.standard().make_up_day == OfficeHours.standard().weekdays[0]
    assert OfficeHours.standard().day_length == timedelta(hours=8)
    with pytest.raises(InvalidInputError, match="Session.start: expected a datetime.time"):
        Session("08:00", time(12, 0))  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="an end after the start"):
        Session(time(12, 0), time(8, 0))
    with pytest.raises(InvalidInputError, match="Season.hours: expected OfficeHours"):
        Season((4, 16), 5)  # type: ignore[arg-type]
    with pytest.raises(ConfigurationError, match="working days have different lengths"):
        OfficeHours.parse({"mon": "08:00-12:00", "tue-fri": "08:00-11:00"})
    with pytest.raises(InvalidInputError, match="HoursSeries.day_length"):
        HoursSeries((HoursPeriod("2024-01-01", OfficeHours.standard()),), timedelta(0))
    with pytest.raises(InvalidInputError, match="SeasonalHours.seasons"):
        SeasonalHours(())
    with pytest.raises(InvalidInputError, match="Pause.end"):
        Pause(datetime(2024, 5, 3), datetime(2024, 5, 2))


def test_due_keeps_its_fields_and_default_last_day() -> None:
    at = datetime(2024, 5, 7, 9, 0, tzinfo=motcua.VN_TZ)
    due = Due(at, at, at, WorkingDays(0), CountingRule.WORKING_TIME, False)
    assert due.last_day == date(2024, 5, 7)
    assert fields(Due) == (
        "at",
        "received_at",
        "counted_from",
        "limit",
        "rule",
        "provisional",
        "last_day",
    )


def test_as_dict_reads_frozen_and_attrs_values() -> None:
    file = motcua.parse_announcements(
        {
            "announcements": [
                {
                    "issuer": "U",
                    "subject": "s",
                    "source": "x",
                    "scope": "local",
                    "changes": [{"day": "2027-03-05", "kind": "day_off", "name_vi": "Đóng"}],
                }
            ]
        }
    )
    plain = as_dict(file, leaf=lambda v: v.isoformat() if isinstance(v, date) else v)
    assert plain["announced_through"] is None
    assert plain["announcements"][0]["changes"] == [
        {
            "day": "2027-03-05",
            "kind": DayKind.DAY_OFF,
            "name_vi": "Đóng",
            "name_en": "Đóng",
            "swapped_with": None,
        }
    ]


@given(st.integers(0, 25_000), st.integers(0, 200_000))
def test_limits_round_trip_through_pickle(days: int, hours: int) -> None:
    for limit in (WorkingDays(days), WorkingHours(hours)):
        assert pickle.loads(pickle.dumps(limit)) == limit  # noqa: S301 - our own bytes


def test_a_pickled_schedule_does_not_grow_with_use() -> None:
    schedule = WorkSchedule(vietnam_calendar(range(2024, 2026)))
    fresh = len(pickle.dumps(schedule))
    receipts = [datetime(2024, 1, 2, 9, 0) + timedelta(hours=7 * k) for k in range(2_000)]
    expected = schedule.due_instants(receipts, WorkingDays(5))
    assert schedule._midnights.count(None) < len(schedule._midnights)  # the memo is filled
    assert len(pickle.dumps(schedule)) == fresh
    twin = pickle.loads(pickle.dumps(schedule))  # noqa: S301 - our own bytes
    assert twin.due_instants(receipts, WorkingDays(5)) == expected
    assert twin.calendar == schedule.calendar
    assert twin.hours == schedule.hours
    assert copy.deepcopy(schedule).due_instants(receipts[:10], WorkingDays(5)) == expected[:10]


def test_a_schedule_compares_by_identity_as_before() -> None:
    cal = vietnam_calendar(range(2024, 2025))
    a, b = WorkSchedule(cal), WorkSchedule(cal)
    assert a == a  # noqa: PLR0124 - identity
    assert a != b
    assert len({a, b}) == 2


def test_import_and_first_due_load_neither_attrs_nor_cattrs() -> None:
    code = (
        "import sys, datetime, motcua\n"
        "due = motcua.compute_due(datetime.datetime(2024, 4, 26, 9), motcua.WorkingDays(5))\n"
        "assert str(due) == '2024-05-07T09:00+07:00', due\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('attr', 'attrs', 'cattrs', 'holidays', 'inspect', 'dataclasses', 'dateutil')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == "[]"


@pytest.mark.parametrize(
    "query",
    [
        lambda c: c.is_working_day(date(2024, 5, 4)),
        lambda c: c.add_working_days(date(2024, 4, 26), 5),
        lambda c: c.add_working_days(date(2024, 5, 7), -5),
        lambda c: c.working_days_between(date(2024, 4, 26), date(2024, 5, 7)),
        lambda c: list(c.working_days(date(2024, 4, 26), date(2024, 5, 6))),
        lambda c: c.next_working_day(date(2025, 12, 30)),
    ],
)
def test_a_calendar_builds_its_tables_on_its_first_query(query: Any) -> None:
    built = vietnam_calendar(range(2024, 2026))
    built.is_working_day(date(2024, 1, 2))
    fresh = WorkingCalendar(
        built.first_year,
        built.last_year,
        built.provisional_from,
        built.days_off,
        built.make_up_days,
        built.source,
    )
    assert fresh._flags == ()  # nothing built yet
    assert query(fresh) == query(built)
    assert fresh._flags == built._flags
    with pytest.raises(OutsideCalendarError):
        fresh.add_working_days(date(2025, 12, 31), 1)
