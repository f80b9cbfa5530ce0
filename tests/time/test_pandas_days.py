"""pandas export: business_day(cal) is motcua's add_working_days on every day."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

pd = pytest.importorskip("pandas", reason="pandas not installed: pip install 'motcua[pandas]'")

from motcua.foundation.errors import InvalidInputError  # noqa: E402
from motcua.time.calendar import vietnam_calendar  # noqa: E402
from motcua.time.pandas_days import business_day  # noqa: E402

CAL = vietnam_calendar()
FIRST, LAST = (
    date(CAL.first_year, 1, 1) + timedelta(40),
    date(CAL.last_year, 12, 31) - timedelta(40),
)
EVERY_DAY = [FIRST + timedelta(days=i) for i in range((LAST - FIRST).days + 1)]


@pytest.mark.parametrize("n", [1, -1, 0, 6])
def test_every_day_agrees(n: int) -> None:
    offset = business_day(CAL, n)
    wrong = [
        d for d in EVERY_DAY if (pd.Timestamp(d) + offset).date() != CAL.add_working_days(d, n)
    ]
    assert wrong == []


def test_make_up_saturday_and_swap_golden() -> None:
    bday = business_day(CAL)
    assert (pd.Timestamp("2024-05-03") + bday).date() == date(2024, 5, 4)  # Saturday worked
    assert (pd.Timestamp("2024-05-10") + bday).date() == date(2024, 5, 13)  # ordinary Saturday
    assert (pd.Timestamp("2024-04-26") + bday).date() == date(2024, 5, 2)
    assert business_day(CAL) is bday  # one offset per calendar


def test_bad_arguments() -> None:
    with pytest.raises(InvalidInputError, match="an int"):
        business_day(CAL, 1.5)  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="a WorkingCalendar"):
        business_day(None)  # type: ignore[arg-type]
