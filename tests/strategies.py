"""Hypothesis strategies for motcua's time layer."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from hypothesis import strategies as st

from motcua import WorkingDays, WorkingHours

#: Dates well inside the default calendar, leaving room for long time limits.
dates = st.dates(min_value=date(2018, 1, 1), max_value=date(2090, 12, 31))

#: Instants at minute precision, naive (Vietnam time).
instants = st.builds(
    lambda d, m: datetime.combine(d, time()) + timedelta(minutes=m),
    dates,
    st.integers(min_value=0, max_value=24 * 60 - 1),
)

working_days = st.integers(min_value=0, max_value=400).map(WorkingDays)
working_hours = st.integers(min_value=0, max_value=2000).map(WorkingHours)
