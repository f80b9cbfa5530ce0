"""Biểu 06: the report on handling administrative procedures, computed from dossiers.

Circular 01/2020/TT-VPCP (in force 15/12/2020), Biểu số 06/VPCP/KSTT "Tình hình, kết quả
giải quyết TTHC tại cơ quan, đơn vị trực tiếp giải quyết TTHC". Column layout read from a
provincial implementation citing the circular [C-impl]; the annex itself was not read.

+-----+---------------------------------+-----------------------------------+
| col | JSON key                        | meaning                           |
+=====+=================================+===================================+
| 3   | ``received_total``              | received: total (4 + 5 + 6)       |
| 4   | ``received_online``             | received in the period online     |
| 5   | ``received_in_person_or_postal``| received in the period otherwise  |
| 6   | ``carried_over``                | from the previous period          |
| 7   | ``resolved_total``              | resolved: total (8 + 9 + 10)      |
| 8   | ``resolved_early``              | trước hạn                         |
| 9   | ``resolved_on_time``            | đúng hạn                          |
| 10  | ``resolved_late``               | quá hạn                           |
| 11  | ``pending_total``               | in progress: total (12 + 13)      |
| 12  | ``pending_within``              | trong hạn                         |
| 13  | ``pending_overdue``             | quá hạn                           |
+-----+---------------------------------+-----------------------------------+

The buckets are defined once, in :func:`classify_for_period`, on top of the one timeliness
function (ADR 0008). The choices (see ``docs/explanation/report-buckets.md``):

* only dossiers the one-stop unit **received** count (TrangThaiHoSo 1 and 3 are "not
  received" in every implementation studied [C-impl]);
* **carried over**: received before the period and not finished when it starts;
* **resolved**: finished in the period; *finished* means resolved (granted or refused on the
  merits), or stopped / withdrawn;
* a **stopped or withdrawn** dossier is classified by its stop instant against its due
  instant, as the DVCQG Decision 766 formula does [C-impl] (policy
  ``StoppedAs.CLASSIFY``); ``StoppedAs.ON_TIME`` counts it on time, as the Thanh Hóa Biểu 06
  export does [C-impl];
* a dossier with **no statutory time limit** is on time when resolved and within time while
  pending (Thanh Hóa SQL: "or no due date at all" [C-impl]);
* **pending**: received by the end of the period and not finished by then; within time or
  overdue as of the end of the period (24:00 of its last day).

With these definitions the identities hold by construction: 3 = 4 + 5 + 6 = 7 + 11,
7 = 8 + 9 + 10, 11 = 12 + 13, and the carry-over of a period equals the pending of the period
before it.

Accumulators are mergeable: partial results over any split of the dossiers add up exactly
to the result over all of them (associative and commutative).

This module gathers the report's names; they live in :mod:`motcua.analyses.buckets` (the
columns and where one dossier falls), :mod:`motcua.analyses.bieu06` (the accumulator and
the report) and :mod:`motcua.analyses.rates` (exact rates and rounding).
"""

from __future__ import annotations

from motcua.analyses.bieu06 import Bieu06, Dimension, DossierKeys, GroupKey, Report
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
    "classify_for_period",
    "percent",
    "place",
    "rate",
    "round_half_up",
]
