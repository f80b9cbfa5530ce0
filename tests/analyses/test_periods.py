"""Reporting periods: Decree 09/2019 windows and calendar windows."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from motcua import InvalidInputError
from motcua.analyses.periods import Period, PeriodKind, Window, parse_period

# Decree 09/2019 windows as repeated in Khánh Hòa QĐ 01/2023 Art. 4 (reporting digest §1).
GOLDEN = [
    ("2024", date(2023, 12, 15), date(2024, 12, 14)),
    ("2024-01", date(2023, 12, 15), date(2024, 1, 14)),
    ("2024-03", date(2024, 2, 15), date(2024, 3, 14)),
    ("2024-Q1", date(2023, 12, 15), date(2024, 3, 14)),
    ("2024-Q2", date(2024, 3, 15), date(2024, 6, 14)),
    ("2024-Q4", date(2024, 9, 15), date(2024, 12, 14)),
    ("2024-H1", date(2023, 12, 15), date(2024, 6, 14)),
    ("2024-H2", date(2024, 6, 15), date(2024, 12, 14)),
    ("2024-9M", date(2023, 12, 15), date(2024, 9, 14)),
]
CALENDAR = [
    ("2024", date(2024, 1, 1), date(2024, 12, 31)),
    ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
    ("2024-Q1", date(2024, 1, 1), date(2024, 3, 31)),
    ("2024-H2", date(2024, 7, 1), date(2024, 12, 31)),
    ("2024-9M", date(2024, 1, 1), date(2024, 9, 30)),
]


@pytest.mark.parametrize(("spec", "start", "end"), GOLDEN)
def test_decree_09_windows(spec: str, start: date, end: date) -> None:
    period = parse_period(spec)
    assert (period.start, period.end, period.spec) == (start, end, spec)
    assert period.window is Window.DECREE_09


@pytest.mark.parametrize(("spec", "start", "end"), CALENDAR)
def test_calendar_windows(spec: str, start: date, end: date) -> None:
    period = parse_period(spec, calendar=True)
    assert (period.start, period.end) == (start, end)


@pytest.mark.parametrize(
    ("spec", "straddles"),
    [
        ("2025-Q3", True),
        ("2025", True),
        ("2025-06", False),
        ("2025-07", True),
        ("2025-08", False),
        ("2025-H1", False),
    ],
)
def test_reform_straddle(spec: str, straddles: bool) -> None:
    assert parse_period(spec).straddles_reform is straddles


@pytest.mark.parametrize("spec", ["24", "2024-13", "2024-Q5", "2024-H3", "2024-6M", "Q1", ""])
def test_bad_specs(spec: str) -> None:
    with pytest.raises(InvalidInputError, match="period"):
        parse_period(spec)


@given(
    st.integers(2001, 2098),
    st.sampled_from([PeriodKind.MONTH, PeriodKind.QUARTER, PeriodKind.HALF, PeriodKind.YEAR]),
    st.integers(1, 12),
    st.sampled_from(list(Window)),
)
def test_consecutive_periods_tile_the_days(
    year: int, kind: PeriodKind, index: int, window: Window
) -> None:
    top = {PeriodKind.MONTH: 12, PeriodKind.QUARTER: 4, PeriodKind.HALF: 2}.get(kind, 0)
    period = Period(year, kind, (index - 1) % top + 1 if top else 0, window)
    before = period.previous()
    assert before.end + timedelta(days=1) == period.start
    assert before.kind is period.kind
    assert parse_period(period.spec, calendar=window is Window.CALENDAR) == period


def test_nine_months_do_not_chain() -> None:
    with pytest.raises(InvalidInputError, match="chain quarters"):
        parse_period("2024-9M").previous()
    with pytest.raises(InvalidInputError, match="Period.index"):
        Period(2024, PeriodKind.QUARTER, 5)
