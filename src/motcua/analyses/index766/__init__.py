"""Decision 766/QĐ-TTg indicators from dossiers, the catalogue and the caller's inputs.

Decision 766/QĐ-TTg (23/06/2022) sets the real-time index of service quality in handling
administrative procedures: five groups, 100 points [C]. The formulas follow the Government
Office's technical description "Mô tả công thức tính chỉ số 766" as embedded in public DVCQG
766 tooling [S]; the points per indicator are the DVCQG 766 portal's configuration for
2025-26 [S], which has changed at least once, so they are versioned configuration
(:class:`Index766Config`, :func:`index766_config`), not constants.

Every indicator of :data:`INDICATORS` comes out of :meth:`Index766.results`:

* computed from the dossiers: 2.1, 3.3, 3.6, 4.2;
* computed from the dossiers and the catalogue (``catalogue=``): 1.3, 3.1, 3.2, 3.4, 3.5,
  3.5b and 4.1, whose denominator is the dossiers of procedures whose result is on paper
  (:attr:`~motcua.domain.procedures.Procedure.paper_result`);
* computed from caller-supplied figures (``inputs=``, :class:`Index766Inputs`): 1.1, 1.2,
  1.4, 4.2b, 4.3, 4.4, 4.5a, 4.5b, 5.1, 5.2, 5.3, and 5.4 (with the dossiers' overdue rate).

An indicator whose catalogue or input is missing says so (``needs``, ``status``); it is
never scored 0 and never guessed. For 2.1 and 5.4, a dossier with more than one supplement
request counts as overdue, whatever its dates (the VPCP description's definition of "on
time" [S]); switch it off with ``Index766Config(resupplement_overdue=False)``.

"Proportional" scores rate x points; "full at t" scores min(1, rate / t) x points (the
formula document states thresholds for some indicators only; for the others proportional
scoring is our stated assumption). A dossier whose fact is unknown (None) is left out of
that indicator's numerator and denominator and counted in ``unknown``.

>>> from motcua.analyses.periods import parse_period
>>> row = Index766(parse_period("2024-Q1")).results()[0]
>>> row.code, row.status
('1.1', 'not computed: needs announcements')
"""

from __future__ import annotations

from motcua.analyses.index766.accumulator import Index766
from motcua.analyses.index766.config import (
    DVCQG_2025,
    INDEX766_CONFIGS,
    Index766Config,
    index766_config,
)
from motcua.analyses.index766.definitions import (
    INDICATOR_INPUTS,
    INDICATORS,
    Index766Inputs,
    Indicator,
    IndicatorResult,
    Tally,
)

__all__ = [
    "DVCQG_2025",
    "INDEX766_CONFIGS",
    "INDICATORS",
    "INDICATOR_INPUTS",
    "Index766",
    "Index766Config",
    "Index766Inputs",
    "Indicator",
    "IndicatorResult",
    "Tally",
    "index766_config",
]
