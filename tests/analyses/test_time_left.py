"""Time left on a dossier, in Vietnamese and English, and the early warning."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from fractions import Fraction

import pytest

from motcua import (
    DEFAULT_WARN_AT,
    Channel,
    Dossier,
    DossierCode,
    OfficeHours,
    Received,
    Resolved,
    TimeLeft,
    WorkingDays,
    format_time_left,
    time_left,
)
from motcua.foundation.errors import InvalidInputError
from motcua.foundation.vntime import VN_TZ
from motcua.time.calendar import vietnam_calendar
from motcua.time.deadlines import WorkSchedule

H = timedelta(hours=1)
DAY = 8 * H


@pytest.mark.parametrize(
    ("remaining", "vi", "en"),
    [
        (11 * H, "Còn 1 ngày 3 giờ làm việc", "1 day 3 hours of working time left"),
        (-17 * H, "Quá hạn 2 ngày 1 giờ", "Overdue by 2 days 1 hour"),
        (DAY, "Còn 1 ngày làm việc", "1 day of working time left"),
        (2 * DAY, "Còn 2 ngày làm việc", "2 days of working time left"),
        (
            timedelta(minutes=61),
            "Còn 1 giờ 1 phút làm việc",
            "1 hour 1 minute of working time left",
        ),
        (timedelta(0), "Còn 0 phút làm việc", "0 minutes of working time left"),
        # left rounds down, overdue rounds up: never promise time that is not there
        (timedelta(seconds=59), "Còn 0 phút làm việc", "0 minutes of working time left"),
        (-timedelta(seconds=1), "Quá hạn 1 phút", "Overdue by 1 minute"),
        (-3 * DAY, "Quá hạn 3 ngày", "Overdue by 3 days"),
    ],
)
def test_format(remaining: timedelta, vi: str, en: str) -> None:
    assert format_time_left(remaining, DAY) == vi
    assert format_time_left(remaining, DAY, lang="en") == en


def test_a_working_day_is_the_schedule_day_length() -> None:
    day = timedelta(hours=7, minutes=30)
    assert format_time_left(8 * H, day) == "Còn 1 ngày 30 phút làm việc"


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"lang": "fr"}, "lang"),
        ({"day_length": timedelta(0)}, "day_length"),
        ({"day_length": timedelta(seconds=90)}, "day_length"),
    ],
)
def test_format_refuses(kwargs: dict[str, object], field: str) -> None:
    args: dict[str, object] = {"remaining": H, "day_length": DAY, **kwargs}
    with pytest.raises(InvalidInputError) as info:
        format_time_left(**args)  # type: ignore[arg-type]
    assert info.value.field == field


def _dossier() -> Dossier:
    received = datetime(2024, 4, 22, 8, 0, tzinfo=VN_TZ)  # Monday
    return Dossier(
        code=DossierCode.parse("000.00.05.H48-240422-0001"),
        procedure="1.004194",
        channel=Channel.IN_PERSON,
        limit=WorkingDays(5),
        events=(Received(received),),
    )


def test_time_left_of_an_open_dossier() -> None:
    d = _dossier()
    # Mon 22/04 08:00 + 5 working days: due Mon 29/04 08:00 (no holiday in between)
    left = time_left(d, datetime(2024, 4, 25, 11, 0, tzinfo=VN_TZ))
    assert left is not None
    assert left.allotted == 5 * DAY
    assert left.remaining == 8 * H + 5 * H  # the rest of Thursday (5 h) and Friday (8 h)
    assert left.text() == "Còn 1 ngày 5 giờ làm việc"
    assert left.used == Fraction(27, 40)
    assert not left.warning
    assert left.warn_at == DEFAULT_WARN_AT == Fraction(4, 5)
    later = time_left(d, datetime(2024, 4, 26, 9, 0, tzinfo=VN_TZ))
    assert later is not None
    assert later.warning
    assert not later.overdue
    assert later.text("en") == "7 hours of working time left"
    strict = time_left(d, datetime(2024, 4, 25, 11, 0, tzinfo=VN_TZ), warn_at=Fraction(1, 2))
    assert strict is not None
    assert strict.warning


def test_overdue_dossier_warns() -> None:
    left = time_left(_dossier(), date(2024, 5, 8))  # after the 30/04-01/05 holidays
    assert left is not None
    assert left.overdue
    assert left.warning
    assert left.used > 1
    assert left.text().startswith("Quá hạn ")


def test_a_resolved_dossier_has_no_time_left() -> None:
    d = _dossier()
    done = Dossier(
        code=d.code,
        procedure=d.procedure,
        channel=d.channel,
        limit=d.limit,
        events=(*d.events, Resolved(datetime(2024, 4, 23, 9, 0, tzinfo=VN_TZ))),
    )
    assert time_left(done, date(2024, 4, 24)) is None
    assert time_left(d, date(2024, 4, 21)) is None  # not yet received


def test_schedule_day_length_is_used() -> None:
    hours = OfficeHours.parse({"mon-fri": "07:30-11:30,13:30-17:00"})
    schedule = WorkSchedule(vietnam_calendar(), hours)
    left = time_left(_dossier(), datetime(2024, 4, 22, 8, 0, tzinfo=VN_TZ), schedule=schedule)
    assert left is not None
    assert left.day_length == timedelta(hours=7, minutes=30)
    assert left.remaining == left.allotted


@pytest.mark.parametrize("share", [Fraction(0), Fraction(-1, 2), Fraction(3, 2)])
def test_warn_at_is_a_share(share: Fraction) -> None:
    with pytest.raises(InvalidInputError):
        TimeLeft(H, DAY, DAY, share)
