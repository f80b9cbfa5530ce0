"""Versioned points and thresholds of the Decision 766 indicators.

Decision 766/QĐ-TTg sets five groups and a 100-point scale [C]; the points per indicator
were not read in its text. :data:`DVCQG_2025` is the DVCQG 766 portal's configuration
[S]; :func:`index766_config` picks the configuration in force on a day.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from fractions import Fraction
from typing import Final

import attrs

from motcua.foundation.errors import NotFoundError

__all__ = [
    "DECISION_766_SIGNED",
    "DVCQG_2025",
    "INDEX766_CONFIGS",
    "Index766Config",
    "index766_config",
]

#: Decision 766/QĐ-TTg was signed on 23/06/2022 and took effect on signing [C].
DECISION_766_SIGNED: Final = date(2022, 6, 23)


@attrs.frozen
class Index766Config:
    """Points and thresholds per indicator, as one versioned configuration.

    Attributes:
        version: A name for this configuration.
        points: Maximum points per indicator code (0: monitored, not scored).
        full_at: For indicators with a threshold, the rate that earns full points.
        source: Where the numbers come from.
        resupplement_overdue: For 2.1 and 5.4, a dossier with more than one supplement
            request counts as overdue (the VPCP formula description).
        since: The first day it applies (None: from Decision 766's own day, 23/06/2022).
        instrument: The instrument it scores.
    """

    version: str
    points: Mapping[str, int]
    full_at: Mapping[str, Fraction]
    source: str
    resupplement_overdue: bool = True
    since: date | None = None
    instrument: str = "Decision 766/QĐ-TTg"

    def score(self, code: str, value: Fraction) -> Fraction:
        """Points for *value* (a rate in [0, 1]): proportional, or full at the threshold."""
        max_points = self.points.get(code, 0)
        threshold = self.full_at.get(code)
        share = min(Fraction(1), value / threshold) if threshold else value
        return share * max_points


#: The DVCQG 766 portal's configuration for 2025-26 (reporting digest §3) [S]: groups of
#: 18, 20, 12 + 10 (online payment, shown apart on the portal), 22 and 18 points, 100 in all.
#: Thresholds from the VPCP formula description [S]: 3.1, 3.5, 4.2, 4.3 full at 80 %, 3.3 at
#: 50 %, 5.4 at 90 %. It is the only split known, so it applies from the Decision's day.
DVCQG_2025: Final = Index766Config(
    version="dvcqg-766-portal-2025",
    points={
        "1.1": 6,
        "1.2": 4,
        "1.3": 2,
        "1.4": 6,
        "2.1": 20,
        "3.1": 0,
        "3.2": 0,
        "3.3": 0,
        "3.4": 12,
        "3.5": 2,
        "3.5b": 2,
        "3.6": 6,
        "4.1": 6,
        "4.2": 4,
        "4.2b": 2,
        "4.3": 2,
        "4.4": 4,
        "4.5a": 2,
        "4.5b": 2,
        "5.1": 0,
        "5.2": 6,
        "5.3": 6,
        "5.4": 6,
    },
    full_at={
        "3.1": Fraction(4, 5),
        "3.3": Fraction(1, 2),
        "3.5": Fraction(4, 5),
        "4.2": Fraction(4, 5),
        "4.3": Fraction(4, 5),
        "5.4": Fraction(9, 10),
    },
    source="DVCQG 766 portal configuration 2025-26; VPCP 'Mô tả công thức tính chỉ số 766'",
)

#: Every configuration motcua ships, oldest first.
INDEX766_CONFIGS: Final[tuple[Index766Config, ...]] = (DVCQG_2025,)


def index766_config(
    day: date, configs: tuple[Index766Config, ...] = INDEX766_CONFIGS
) -> Index766Config:
    """Return the configuration in force on *day*: the latest whose start is not after it.

    Raises:
        NotFoundError: *day* is before Decision 766 (23/06/2022) or any configuration.
    """
    chosen: Index766Config | None = None
    for config in configs:
        start = config.since or DECISION_766_SIGNED
        if start <= day and (chosen is None or start >= (chosen.since or DECISION_766_SIGNED)):
            chosen = config
    if chosen is None:
        raise NotFoundError(
            "Decision 766 configuration for", day, "Decision 766/QĐ-TTg took effect on 2022-06-23"
        )
    return chosen
