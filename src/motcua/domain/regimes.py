"""One-stop regimes: the instrument governing the one-stop mechanism on a date, computed.

A regime is named after the one-stop instrument in force on a day, found in the table of
instruments (:data:`~motcua.domain.instruments.INSTRUMENTS`), never from a hard-coded
switch date. The instruments in force with it (the circular, Decree 45/2020, Directive
27/CT-TTg...) are :func:`instruments_on`; rules and forms are chosen from that set.

===================== ========================================= ===========================
regime                instruments                               in force
===================== ========================================= ===========================
``09-2015``           Decision 09/2015/QĐ-TTg                   15/05/2015 – 20/06/2018
``61-2018``           Decree 61/2018/NĐ-CP (from 21/06/2018),   21/06/2018 – 30/06/2025
                      Circular 01/2018/TT-VPCP (from 06/01/2019)
``118-2025``          Decree 118/2025/NĐ-CP (from 01/07/2025),  from 01/07/2025
                      Circular 03/2025/TT-VPCP (from 15/09/2025),
                      Decree 367/2025/NĐ-CP (signed 31/12/2025;
                      in-force date not read)
===================== ========================================= ===========================

From 01/07/2025 to 14/09/2025 Decree 118/2025 applied without its guiding circular
(Circular 01/2018 fell with its parent decree): :mod:`motcua.analyses.forms` prints the
2018 layouts for that window, marked as used in the transition.

Days before 15/05/2015 (Decision 93/2007/QĐ-TTg) are judged under Decision 09/2015, the
earliest regime motcua encodes.

>>> regime_on(date(2018, 6, 20)).value, regime_on(date(2018, 6, 21)).value
('09-2015', '61-2018')
>>> regime_on(date(2025, 6, 30)).value, regime_on(date(2025, 7, 1)).value
('61-2018', '118-2025')
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from datetime import date
from typing import Final

from motcua.domain.instruments import (
    CIRCULAR_01_2018,
    CIRCULAR_03_2025,
    DECISION_09_2015,
    DECREE_61_2018,
    DECREE_118_2025,
    INSTRUMENTS,
    Instrument,
    in_force_on,
)

__all__ = [
    "CIRCULAR_01_2018",
    "CIRCULAR_03_2025",
    "DECISION_09_2015",
    "DECREE_61_2018",
    "DECREE_118_2025",
    "Instrument",
    "Regime",
    "instruments_on",
    "regime_on",
]


class Regime(enum.Enum):
    """The one-stop regime a dossier is judged under."""

    AUTO = "auto"
    #: Decision 09/2015/QĐ-TTg (15/05/2015 – 20/06/2018).
    DECISION_09_2015 = "09-2015"
    #: Decree 61/2018/NĐ-CP and Circular 01/2018/TT-VPCP (21/06/2018 – 30/06/2025).
    DECREE_61_2018 = "61-2018"
    #: Decree 118/2025/NĐ-CP and Circular 03/2025/TT-VPCP (from 01/07/2025).
    DECREE_118_2025 = "118-2025"

    @property
    def instruments(self) -> str:
        """The decree and circular of the regime."""
        if self is Regime.AUTO:
            return "chosen by the receipt date"
        return "; ".join(i.number for i in self.governed_by)

    @property
    def governed_by(self) -> tuple[Instrument, ...]:
        """The one-stop instrument and its guidance, as instruments (none for ``AUTO``)."""
        return _INSTRUMENTS[self]

    @property
    def start(self) -> date | None:
        """The first day of the regime: its one-stop instrument's (None for ``AUTO``)."""
        return None if self is Regime.AUTO else self.governed_by[0].start

    @property
    def end(self) -> date | None:
        """The last day of the regime (None: still in force, or ``AUTO``)."""
        return None if self is Regime.AUTO else self.governed_by[0].end

    def clamp(self, day: date) -> date:
        """*day* moved into the regime's window (itself for ``AUTO``).

        A dossier judged under a forced regime is judged with the instruments in force on
        the nearest day of that regime.
        """
        start, end = self.start, self.end
        if start is not None and day < start:
            return start
        if end is not None and day > end:
            return end
        return day


_INSTRUMENTS: Final = {
    Regime.AUTO: (),
    Regime.DECISION_09_2015: (DECISION_09_2015,),
    Regime.DECREE_61_2018: (DECREE_61_2018, CIRCULAR_01_2018),
    Regime.DECREE_118_2025: (DECREE_118_2025, CIRCULAR_03_2025),
}
_BY_MECHANISM: Final = {
    regime.governed_by[0].key: regime for regime in Regime if regime is not Regime.AUTO
}


def instruments_on(
    day: date, regime: Regime = Regime.AUTO, table: Iterable[Instrument] = INSTRUMENTS
) -> frozenset[str]:
    """The keys of the instruments in force on *day* (moved into *regime*'s window if forced)."""
    return in_force_on(regime.clamp(day), table)


def regime_on(day: date, table: Iterable[Instrument] = INSTRUMENTS) -> Regime:
    """Return the regime whose one-stop instrument is in force on *day*.

    Days before the earliest one (Decision 09/2015, from 15/05/2015) get that regime.
    """
    keys = in_force_on(day, table)
    for key, regime in _BY_MECHANISM.items():
        if key in keys:
            return regime
    return Regime.DECISION_09_2015
