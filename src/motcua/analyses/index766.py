"""Decision 766/QĐ-TTg indicators computable from dossier data.

Decision 766/QĐ-TTg (23/06/2022) sets the real-time index of service quality in handling
administrative procedures: five groups, 100 points [C]. The formulas below follow the
Government Office's technical description "Mô tả công thức tính chỉ số 766" as embedded in
public DVCQG 766 tooling [C-impl]; the points per indicator are the DVCQG 766 portal's
configuration for 2025-26 [C-impl], which has changed at least once, so they are versioned
configuration (:class:`Index766Config`), not constants.

===== ============================================================== ==================
code  formula                                                        full score
===== ============================================================== ==================
2.1   (resolved early or on time + pending within time) / (received  proportional
      or processed in the period, carried over included)
3.3   received online / received in the period (new receipts), times ≥ 50 %
      the sync rate (1 unless given)
3.6   paid online / fee-bearing dossiers received in the period      proportional
4.1   electronic result issued / dossiers resolved in the period     proportional
4.2   digitised and (electronic result where one is issued) /        ≥ 80 %
      dossiers received in the period
===== ============================================================== ==================

For 2.1, a dossier with more than one supplement request counts as overdue, whatever its
dates (the VPCP formula description's definition of "on time" [C-impl]); switch it off
with ``Index766Config(resupplement_overdue=False)``.

"Proportional" scores rate x points; "full at t" scores min(1, rate / t) x points (the
formula document states thresholds for some indicators only; for the others proportional
scoring is our stated assumption [?]). A dossier whose fact is unknown (None) is left out of
that indicator's numerator and denominator and counted in ``unknown``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from fractions import Fraction
from typing import Final

import attrs

from motcua.analyses.buckets import Placement, ReportPolicy, classify_for_period
from motcua.analyses.periods import Period
from motcua.analyses.rates import rate
from motcua.domain.dossiers import Dossier
from motcua.domain.procedures import Channel
from motcua.domain.timeliness import Timeliness
from motcua.time.deadlines import WorkSchedule, default_schedule

__all__ = [
    "DVCQG_2025",
    "INDICATORS",
    "Index766",
    "Index766Config",
    "IndicatorResult",
]

#: The indicators motcua computes: code -> (name, formula).
INDICATORS: Final = {
    "2.1": (
        "Hồ sơ xử lý trước hạn, đúng hạn",
        "(resolved early or on time + pending within time) / dossiers received or processed",
    ),
    "3.3": ("Tỷ lệ hồ sơ trực tuyến", "received online x sync rate / received in the period"),
    "3.6": ("Hồ sơ thanh toán trực tuyến", "paid online / fee-bearing dossiers received"),
    "4.1": ("Cấp kết quả điện tử", "electronic results / dossiers resolved in the period"),
    "4.2": (
        "Số hóa hồ sơ",
        "digitised (and electronic result where issued) / dossiers received",
    ),
}


@attrs.frozen
class Index766Config:
    """Points and thresholds per indicator, as one versioned configuration.

    Attributes:
        version: A name for this configuration.
        points: Maximum points per indicator code (0: monitored, not scored).
        full_at: For indicators with a threshold, the rate that earns full points.
        source: Where the numbers come from.
        resupplement_overdue: For 2.1, a dossier with more than one supplement request
            counts as overdue (the VPCP formula description).
    """

    version: str
    points: Mapping[str, int]
    full_at: Mapping[str, Fraction]
    source: str
    resupplement_overdue: bool = True


#: The DVCQG 766 portal's configuration for 2025-26 (reporting digest §3) [C-impl]: 2.1 is
#: 20 points, 3.6 six, 4.1 six, 4.2 four; 3.3 is monitored (points 0). Thresholds from the
#: VPCP formula description: 3.3 full at 50 %, 4.2 full at 80 %.
DVCQG_2025: Final = Index766Config(
    version="dvcqg-766-portal-2025",
    points={"2.1": 20, "3.3": 0, "3.6": 6, "4.1": 6, "4.2": 4},
    full_at={"3.3": Fraction(1, 2), "4.2": Fraction(4, 5)},
    source="DVCQG 766 portal configuration 2025-26; VPCP 'Mô tả công thức tính chỉ số 766'",
)


@attrs.frozen
class IndicatorResult:
    """One indicator's value and score.

    Attributes:
        code: The indicator (``2.1``...).
        name: Its Vietnamese name.
        numerator: The counted dossiers.
        denominator: Out of.
        rate: ``numerator / denominator`` exactly; None when the denominator is 0.
        points: Points earned (exact); None when the rate is None.
        max_points: Points available under the configuration.
        unknown: Dossiers left out because the fact was not stated.
        formula: How it is computed.
    """

    code: str
    name: str
    numerator: int
    denominator: int
    rate: Fraction | None
    points: Fraction | None
    max_points: int
    unknown: int
    formula: str


_FIELDS: Final = (
    "processed",
    "in_time",
    "in_time_resupplemented",
    "new",
    "new_online",
    "fee_bearing",
    "paid_online",
    "fee_unknown",
    "resolved",
    "electronic",
    "electronic_unknown",
    "digitized",
    "digitized_unknown",
)


class Index766:
    """A mergeable accumulator of the dossier-based 766 indicators for one period."""

    __slots__ = ("_counts", "_schedule", "period", "policy")

    def __init__(
        self,
        period: Period,
        *,
        policy: ReportPolicy | None = None,
        schedule: WorkSchedule | None = None,
    ) -> None:
        """Start empty."""
        self.period = period
        self.policy = policy or ReportPolicy()
        self._schedule = schedule or default_schedule()
        self._counts = dict.fromkeys(_FIELDS, 0)

    def add(self, dossier: Dossier) -> None:
        """Count one dossier (one placement per period, as in Biểu 06)."""
        place = classify_for_period(
            dossier, self.period, policy=self.policy, schedule=self._schedule
        )
        if place is not None:
            self._count(dossier, place)

    def _count(self, dossier: Dossier, place: Placement) -> None:
        c = self._counts
        facts = dossier.facts
        c["processed"] += 1
        if place.resolved in (Timeliness.EARLY, Timeliness.ON_TIME) or (
            place.pending is Timeliness.WITHIN
        ):
            c["in_time"] += 1
            if len(dossier.supplements) > 1:
                c["in_time_resupplemented"] += 1
        if place.new_channel is not None:
            c["new"] += 1
            c["new_online"] += place.new_channel is Channel.ONLINE
            if facts.fee_bearing is None or (facts.fee_bearing and facts.paid_online is None):
                c["fee_unknown"] += 1
            elif facts.fee_bearing:
                c["fee_bearing"] += 1
                c["paid_online"] += bool(facts.paid_online)
            if facts.digitized is None:
                c["digitized_unknown"] += 1
            else:
                c["digitized"] += facts.digitized and facts.electronic_result is not False
        if place.resolved is not None and dossier.resolved_at is not None:
            if facts.electronic_result is None:
                c["electronic_unknown"] += 1
            else:
                c["resolved"] += 1
                c["electronic"] += facts.electronic_result

    def add_all(self, dossiers: Iterable[Dossier]) -> Index766:
        """Count every dossier; return self."""
        for d in dossiers:
            self.add(d)
        return self

    def merge(self, other: Index766) -> Index766:
        """Return a new accumulator holding both (exact, order-free)."""
        out = Index766(self.period, policy=self.policy, schedule=self._schedule)
        for key in _FIELDS:
            out._counts[key] = self._counts[key] + other._counts[key]
        return out

    def __add__(self, other: Index766) -> Index766:
        """``a + b`` is ``a.merge(b)``."""
        return self.merge(other)

    def results(
        self, config: Index766Config = DVCQG_2025, *, sync_rate: Fraction = Fraction(1)
    ) -> tuple[IndicatorResult, ...]:
        """Compute every indicator under *config*."""
        c = self._counts
        unknown_digitized = c["digitized_unknown"]
        in_time = c["in_time"]
        if config.resupplement_overdue:
            in_time -= c["in_time_resupplemented"]
        rows = {
            "2.1": (in_time, c["processed"], 0),
            "3.3": (c["new_online"], c["new"], 0),
            "3.6": (c["paid_online"], c["fee_bearing"], c["fee_unknown"]),
            "4.1": (c["electronic"], c["resolved"], c["electronic_unknown"]),
            "4.2": (c["digitized"], c["new"] - unknown_digitized, unknown_digitized),
        }
        out = []
        for code, (num, den, unknown) in rows.items():
            value = rate(num, den)
            if value is not None and code == "3.3":
                value *= sync_rate
            max_points = config.points.get(code, 0)
            threshold = config.full_at.get(code)
            points: Fraction | None = None
            if value is not None:
                share = min(Fraction(1), value / threshold) if threshold else value
                points = share * max_points
            name, formula = INDICATORS[code]
            out.append(
                IndicatorResult(code, name, num, den, value, points, max_points, unknown, formula)
            )
        return tuple(out)
