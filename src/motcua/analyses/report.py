"""Biểu 06: the report on handling administrative procedures, computed from dossiers.

Circular 01/2020/TT-VPCP (in force 15/12/2020), Biểu số 06/VPCP/KSTT "Tình hình, kết quả
giải quyết TTHC tại cơ quan, đơn vị trực tiếp giải quyết TTHC". This module gathers the
report's names from where they live:

* :mod:`motcua.analyses.buckets`: the eleven columns and the one definition of where a
  dossier falls in a period's report (carried over, resolved early / on time / late,
  pending within time / overdue), with the identities that hold by construction;
* :mod:`motcua.analyses.bieu06`: the mergeable accumulator :class:`Bieu06` and the
  :class:`Report` it produces, grouped by level, field, agency, channel, province or
  commune;
* :mod:`motcua.analyses.rates`: exact rates and half-up rounding of percentages.
"""

from __future__ import annotations

from motcua.analyses.bieu06 import Bieu06, Dimension, DossierKeys, GroupKey, Report, UnitRole
from motcua.analyses.buckets import (
    COLUMNS,
    Counts,
    Placement,
    ReportPolicy,
    StoppedAs,
    classify_for_period,
    place,
)
from motcua.analyses.rates import percent, rate, round_half_up

__all__ = [
    "COLUMNS",
    "Bieu06",
    "Counts",
    "Dimension",
    "DossierKeys",
    "GroupKey",
    "Placement",
    "Report",
    "ReportPolicy",
    "StoppedAs",
    "UnitRole",
    "classify_for_period",
    "percent",
    "place",
    "rate",
    "round_half_up",
]
