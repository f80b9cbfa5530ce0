"""One-stop regimes: which decree and circular govern the one-stop mechanism on a date.

===================== ========================================= ===================
regime                instruments                               in force
===================== ========================================= ===================
``61-2018``           Decree 61/2018/NĐ-CP (from 21/06/2018),   until 30/06/2025
                      Circular 01/2018/TT-VPCP (from 06/01/2019)
``118-2025``          Decree 118/2025/NĐ-CP,                    from 01/07/2025
                      Circular 03/2025/TT-VPCP
===================== ========================================= ===================

Dates from ``domain/lifecycle-and-deadlines.md`` §1 [C]; the in-force date of Circular
03/2025/TT-VPCP is not confirmed (``None``). Decree 118/2025 repeals Decree 61/2018 (and
its amending Decree 107/2021) from 01/07/2025, the day two-tier local government begins.

>>> regime_on(date(2025, 6, 30)).value, regime_on(date(2025, 7, 1)).value
('61-2018', '118-2025')
"""

from __future__ import annotations

import enum
from datetime import date, timedelta
from typing import Final

import attrs

from motcua.domain.units import TWO_TIER_REFORM

__all__ = [
    "CIRCULAR_01_2018",
    "CIRCULAR_03_2025",
    "DECREE_61_2018",
    "DECREE_118_2025",
    "Instrument",
    "Regime",
    "regime_on",
]


@attrs.frozen
class Instrument:
    """A legal instrument with its in-force dates.

    Attributes:
        number: Its number and kind, e.g. ``"Decree 61/2018/NĐ-CP"``.
        subject: What it governs.
        in_force: The first day it is in force (None: not confirmed).
        repealed: The first day it is no longer in force (None: still in force).
    """

    number: str
    subject: str
    in_force: date | None
    repealed: date | None = None


#: Decree 61/2018/NĐ-CP: the one-stop mechanism, signed 23/04/2018, in force 21/06/2018.
DECREE_61_2018: Final = Instrument(
    "Decree 61/2018/NĐ-CP", "one-stop mechanism", date(2018, 6, 21), TWO_TIER_REFORM
)
#: Circular 01/2018/TT-VPCP: guidance and forms for Decree 61/2018, in force 06/01/2019.
CIRCULAR_01_2018: Final = Instrument(
    "Circular 01/2018/TT-VPCP", "guidance and forms", date(2019, 1, 6), TWO_TIER_REFORM
)
#: Decree 118/2025/NĐ-CP: the one-stop mechanism, in force 01/07/2025 (amended by 367/2025).
DECREE_118_2025: Final = Instrument("Decree 118/2025/NĐ-CP", "one-stop mechanism", TWO_TIER_REFORM)
#: Circular 03/2025/TT-VPCP: guidance for Decree 118/2025, signed 15/09/2025 (in force: not
#: confirmed).
CIRCULAR_03_2025: Final = Instrument("Circular 03/2025/TT-VPCP", "guidance and forms", None)


class Regime(enum.Enum):
    """The one-stop regime a dossier is judged under."""

    AUTO = "auto"
    #: Decree 61/2018/NĐ-CP and Circular 01/2018/TT-VPCP (until 2025-06-30).
    DECREE_61_2018 = "61-2018"
    #: Decree 118/2025/NĐ-CP and Circular 03/2025/TT-VPCP (from 2025-07-01).
    DECREE_118_2025 = "118-2025"

    @property
    def instruments(self) -> str:
        """The decree and circular of the regime."""
        if self is Regime.AUTO:
            return "chosen by the receipt date"
        return "; ".join(i.number for i in self.governed_by)

    @property
    def governed_by(self) -> tuple[Instrument, ...]:
        """The decree and circular of the regime, as instruments (none for ``AUTO``)."""
        return _INSTRUMENTS[self]

    @property
    def start(self) -> date | None:
        """The first day of the regime: its decree's in-force date (None for ``AUTO``)."""
        return None if self is Regime.AUTO else self.governed_by[0].in_force

    @property
    def end(self) -> date | None:
        """The last day of the regime (None: still in force, or ``AUTO``)."""
        repealed = None if self is Regime.AUTO else self.governed_by[0].repealed
        return None if repealed is None else repealed - timedelta(days=1)


_INSTRUMENTS: Final = {
    Regime.AUTO: (),
    Regime.DECREE_61_2018: (DECREE_61_2018, CIRCULAR_01_2018),
    Regime.DECREE_118_2025: (DECREE_118_2025, CIRCULAR_03_2025),
}


def regime_on(day: date) -> Regime:
    """Return the regime in force on *day* (Decree 118/2025 is in force from 2025-07-01).

    Days before 21/06/2018 (Decision 09/2015/QĐ-TTg) are judged under Decree 61/2018, the
    earliest regime motcua encodes.
    """
    return Regime.DECREE_61_2018 if day < TWO_TIER_REFORM else Regime.DECREE_118_2025
