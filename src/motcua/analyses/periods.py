"""Reporting periods: the Decree 09/2019 windows and plain calendar windows, both explicit.

Decree 09/2019/NĐ-CP (in force 12/03/2019) sets the data cut-off of periodic reports
(Art. 12; the article text was not readable in our sources, so the windows are recalled
[R] and corroborated word for word by local regimes and later instruments [C]: Khánh Hòa
QĐ 01/2023/QĐ-UBND Art. 4; Decree 70/2023/NĐ-CP; Circular 26/2025/TT-BNNMT):

* monthly: the 15th of the previous month to the 14th of the month;
* quarterly: the 15th of the month before the quarter to the 14th of its last month;
* first half: 15/12 of the previous year to 14/06; second half: 15/06 to 14/12 [R];
* nine months: 15/12 of the previous year to 14/09 (local regimes, e.g. Khánh Hòa [C]);
* annual: 15/12 of the previous year to 14/12.

Many systems report over calendar windows instead (01/01-31/12; the DVCQG 766 dashboard uses
chosen ranges), so :func:`parse_period` needs you to say which: ``calendar=True`` for
calendar windows. Every period is inclusive of both dates.

>>> p = parse_period("2024-Q1")
>>> p.start, p.end
(datetime.date(2023, 12, 15), datetime.date(2024, 3, 14))
>>> parse_period("2024-Q1", calendar=True).end
datetime.date(2024, 3, 31)
>>> parse_period("2025-Q3").straddles_reform
True
"""

from __future__ import annotations

import enum
import re
from datetime import date, timedelta
from typing import Final

import attrs

from motcua.domain.units import TWO_TIER_REFORM
from motcua.foundation.errors import InvalidInputError

__all__ = ["Period", "PeriodKind", "Window", "parse_period"]

_SPEC: Final = re.compile(r"([0-9]{4})(?:-(?:([0-9]{2})|Q([1-4])|H([12])|(9M)))?")


class PeriodKind(enum.Enum):
    """How long a period is."""

    MONTH = "month"
    QUARTER = "quarter"
    HALF = "half"
    NINE_MONTHS = "nine_months"
    YEAR = "year"


class Window(enum.Enum):
    """Which cut-off a period follows."""

    #: Decree 09/2019/NĐ-CP Art. 12: the 15th to the 14th.
    DECREE_09 = "decree-09"
    #: Plain calendar months, quarters and years.
    CALENDAR = "calendar"


def _month_start(year: int, month: int, window: Window) -> date:
    """First day of reporting month (year, month) under *window*."""
    if window is Window.CALENDAR:
        return date(year, month, 1)
    return date(year - 1, 12, 15) if month == 1 else date(year, month - 1, 15)


def _month_end(year: int, month: int, window: Window) -> date:
    """Last day of reporting month (year, month) under *window*."""
    if window is Window.DECREE_09:
        return date(year, month, 14)
    nxt = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return nxt - timedelta(days=1)


@attrs.frozen(order=True)
class Period:
    """An inclusive reporting window ``[start, end]``.

    Attributes:
        year: The reporting year.
        kind: Month, quarter, half, nine months or year.
        index: The month (1-12), quarter (1-4) or half (1-2); 0 for a year or nine months.
        window: Decree 09 cut-offs or calendar windows.
    """

    year: int
    kind: PeriodKind
    index: int = 0
    window: Window = Window.DECREE_09

    def __attrs_post_init__(self) -> None:
        """Check the index against the kind, and the year against the calendar."""
        top = {PeriodKind.MONTH: 12, PeriodKind.QUARTER: 4, PeriodKind.HALF: 2}.get(self.kind, 0)
        if not (1 <= self.index <= top if top else self.index == 0):
            raise InvalidInputError(
                f"Period.index ({self.kind.value})",
                f"1-{top}" if top else "0",
                self.index,
            )
        if not 2000 <= self.year <= 2099:
            raise InvalidInputError("Period.year", "a year 2000-2099", self.year)

    @property
    def months(self) -> tuple[int, int]:
        """The first and last reporting months it covers."""
        k, i = self.kind, self.index
        if k is PeriodKind.MONTH:
            return i, i
        if k is PeriodKind.QUARTER:
            return 3 * i - 2, 3 * i
        if k is PeriodKind.HALF:
            return 6 * i - 5, 6 * i
        return (1, 9) if k is PeriodKind.NINE_MONTHS else (1, 12)

    @property
    def start(self) -> date:
        """The first day (inclusive)."""
        return _month_start(self.year, self.months[0], self.window)

    @property
    def end(self) -> date:
        """The last day (inclusive)."""
        return _month_end(self.year, self.months[1], self.window)

    @property
    def spec(self) -> str:
        """The SPEC that names it (``2024-Q1``...)."""
        k, i = self.kind, self.index
        suffix = {
            PeriodKind.MONTH: f"-{i:02d}",
            PeriodKind.QUARTER: f"-Q{i}",
            PeriodKind.HALF: f"-H{i}",
            PeriodKind.NINE_MONTHS: "-9M",
            PeriodKind.YEAR: "",
        }[k]
        return f"{self.year}{suffix}"

    @property
    def straddles_reform(self) -> bool:
        """True when the window contains both 2025-06-30 and 2025-07-01 (two-tier reform).

        Rows at district level exist for the first part only; a report over such a window
        says so.
        """
        return self.start < TWO_TIER_REFORM <= self.end

    @property
    def basis(self) -> str:
        """Where the window comes from."""
        if self.window is Window.CALENDAR:
            return "calendar window"
        if self.kind is PeriodKind.NINE_MONTHS:
            return "Decree 09/2019/NĐ-CP windows, nine months as in local regimes [C]"
        return "Decree 09/2019/NĐ-CP Art. 12 (15th-14th) [R, corroborated]"

    def previous(self) -> Period:
        """The period of the same kind just before, so that the two chain day to day.

        Raises:
            InvalidInputError: For a nine-month window (it does not tile the year).
        """
        k, i = self.kind, self.index
        if k is PeriodKind.NINE_MONTHS:
            raise InvalidInputError(
                "Period.previous()",
                "a month, quarter, half or year",
                self.spec,
                "nine-month windows overlap; chain quarters instead",
            )
        if k is PeriodKind.YEAR:
            return attrs.evolve(self, year=self.year - 1)
        if i > 1:
            return attrs.evolve(self, index=i - 1)
        last = {PeriodKind.MONTH: 12, PeriodKind.QUARTER: 4, PeriodKind.HALF: 2}[k]
        return attrs.evolve(self, year=self.year - 1, index=last)

    def contains(self, day: date) -> bool:
        """Return True if *day* lies in the period."""
        return self.start <= day <= self.end

    def __str__(self) -> str:
        """Return e.g. ``2024-Q1 (15/12/2023-14/03/2024, decree-09)``."""
        return f"{self.spec} ({self.start:%d/%m/%Y}-{self.end:%d/%m/%Y}, {self.window.value})"


def parse_period(spec: str, *, calendar: bool = False) -> Period:
    """Parse SPEC: ``2024`` (year), ``2024-03``, ``2024-Q1``, ``2024-H1``/``H2``, ``2024-9M``.

    Args:
        spec: The period.
        calendar: Use calendar windows instead of the Decree 09 cut-offs.

    Raises:
        InvalidInputError: SPEC is none of these forms.
    """
    match = _SPEC.fullmatch(spec) if isinstance(spec, str) else None
    if not match:
        raise InvalidInputError(
            "period",
            "YYYY, YYYY-MM, YYYY-Q1..Q4, YYYY-H1, YYYY-H2 or YYYY-9M",
            spec,
        )
    year = int(match[1])
    window = Window.CALENDAR if calendar else Window.DECREE_09
    if match[2]:
        month = int(match[2])
        if not 1 <= month <= 12:
            raise InvalidInputError("period", "a month 01-12", spec)
        return Period(year, PeriodKind.MONTH, month, window)
    if match[3]:
        return Period(year, PeriodKind.QUARTER, int(match[3]), window)
    if match[4]:
        return Period(year, PeriodKind.HALF, int(match[4]), window)
    if match[5]:
        return Period(year, PeriodKind.NINE_MONTHS, 0, window)
    return Period(year, PeriodKind.YEAR, 0, window)
