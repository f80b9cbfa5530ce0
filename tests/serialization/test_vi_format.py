"""render.vi: dates (Decree 30/2020 zeros), instants, durations, numbers and money."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from motcua.foundation.errors import InvalidInputError
from motcua.serialization.render.vi import (
    date_vi,
    duration_vi,
    instant_vi,
    money_vi,
    number_vi,
    percent_vi,
    short_date,
    short_instant,
)


@pytest.mark.parametrize(
    ("day", "text"),
    [
        (date(2024, 5, 6), "Thứ Hai, ngày 06 tháng 5 năm 2024"),
        (date(2024, 1, 1), "Thứ Hai, ngày 01 tháng 01 năm 2024"),
        (date(2024, 2, 29), "Thứ Năm, ngày 29 tháng 02 năm 2024"),
        (date(2024, 3, 10), "Chủ nhật, ngày 10 tháng 3 năm 2024"),
        (date(2025, 12, 27), "Thứ Bảy, ngày 27 tháng 12 năm 2025"),
    ],
)
def test_dates_in_prose(day: date, text: str) -> None:
    assert date_vi(day) == text
    assert date_vi(day, weekday=False) == text.split(", ", 1)[1]
    assert short_date(day) == f"{day.day:02d}/{day.month:02d}/{day.year}"


def test_instants_in_vietnam_time() -> None:
    utc = datetime(2024, 5, 6, 2, 5, tzinfo=timezone.utc)
    assert instant_vi(utc) == "09 giờ 05 phút, ngày 06/05/2024"
    assert short_instant(utc) == "09:05 06/05/2024"
    assert short_instant(datetime(2024, 5, 6, 23, 59)) == "23:59 06/05/2024"


@pytest.mark.parametrize(
    ("length", "vi", "en"),
    [
        (timedelta(0), "0 phút", "0 minutes"),
        (timedelta(minutes=1), "1 phút", "1 minute"),
        (timedelta(hours=8), "1 ngày", "1 day"),
        (timedelta(hours=17, seconds=59), "2 ngày 1 giờ", "2 days 1 hour"),
    ],
)
def test_durations(length: timedelta, vi: str, en: str) -> None:
    day = timedelta(hours=8)
    assert duration_vi(length, day_length=day) == vi
    assert duration_vi(length, day_length=day, lang="en") == en


@pytest.mark.parametrize(
    ("value", "places", "text"),
    [
        (0, 0, "0"),
        (999, 0, "999"),
        (1000, 0, "1.000"),
        (-1234567, 0, "-1.234.567"),
        (Decimal("0.125"), 2, "0,13"),
        (Fraction(2, 3), 2, "0,67"),
        (12345.5, 1, "12.345,5"),
    ],
)
def test_numbers(value: float | Decimal | Fraction, places: int, text: str) -> None:
    assert number_vi(value, places) == text


def test_money_and_percent() -> None:
    assert money_vi(0) == "0 đồng"
    assert money_vi(Decimal("8000.0")) == "8.000 đồng"
    assert percent_vi(Fraction(10, 11)) == "90,91 %"
    with pytest.raises(InvalidInputError, match="whole number of đồng"):
        money_vi(Decimal("1.5"))
    with pytest.raises(InvalidInputError, match="lang"):
        duration_vi(timedelta(0), lang="fr")
    with pytest.raises(InvalidInputError, match="length"):
        duration_vi(-timedelta(minutes=1))


@given(st.integers(-(10**15), 10**15), st.integers(0, 4))
def test_numbers_read_back(n: int, places: int) -> None:
    value = Decimal(n).scaleb(-places)
    text = number_vi(value, places)
    assert Decimal(text.replace(".", "").replace(",", ".")) == value
    whole = text.lstrip("-").split(",")[0]
    assert all(len(g) == 3 for g in whole.split(".")[1:])


@given(st.integers(0, 10**6), st.integers(1, 24 * 60))
def test_durations_add_back(minutes: int, day: int) -> None:
    text = duration_vi(timedelta(minutes=minutes), day_length=timedelta(minutes=day))
    words = text.split()
    total = 0
    for n, unit in zip(words[::2], words[1::2], strict=True):
        total += int(n) * {"ngày": day, "giờ": 60, "phút": 1}[unit]
    assert total == minutes
