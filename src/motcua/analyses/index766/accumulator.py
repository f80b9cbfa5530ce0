"""The mergeable accumulator of the Decision 766 indicators of one period."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from fractions import Fraction
from typing import Final

from motcua.analyses.buckets import Placement, ReportPolicy, classify_for_period
from motcua.analyses.index766.config import DVCQG_2025, Index766Config
from motcua.analyses.index766.definitions import (
    INDICATOR_INPUTS,
    INDICATORS,
    Index766Inputs,
    IndicatorResult,
    Tally,
)
from motcua.analyses.periods import Period
from motcua.analyses.rates import rate
from motcua.domain.dossiers import Dossier
from motcua.domain.procedures import Catalogue, OnlineLevel, Procedure
from motcua.domain.terms import Channel
from motcua.domain.timeliness import Timeliness
from motcua.foundation.errors import InvalidInputError, NotFoundError
from motcua.time.deadlines import WorkSchedule, default_schedule

__all__ = ["Index766"]

_FIELDS: Final = (
    "processed",
    "in_time",
    "in_time_resupplemented",
    "new",
    "new_online",
    "fee_bearing",
    "paid_online",
    "fee_unknown",
    "digitized",
    "digitized_unknown",
)

#: Per procedure: new receipts, of them online, fee-bearing, paid online; resolved dossiers
#: with a stated electronic-result fact, of them electronic, and those with it unstated.
_PER_PROCEDURE: Final = (
    "new",
    "new_online",
    "fee_bearing",
    "paid_online",
    "resolved",
    "electronic",
    "electronic_unknown",
)
_P: Final = {name: i for i, name in enumerate(_PER_PROCEDURE)}

Row = tuple[int, int, int, tuple[str, ...]]


class Index766:
    """A mergeable accumulator of the Decision 766 indicators for one period.

    Dossiers are counted with :meth:`add`; :meth:`results` applies a configuration, the
    catalogue (for the indicators that need it) and the caller's inputs.
    """

    __slots__ = ("_counts", "_procedures", "_schedule", "period", "policy")

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
        self._procedures: dict[str, list[int]] = {}

    def add(self, dossier: Dossier) -> None:
        """Count one dossier (one placement per period, as in Biểu 06)."""
        place = classify_for_period(
            dossier, self.period, policy=self.policy, schedule=self._schedule
        )
        if place is not None:
            self._count(dossier, place)

    def _count(self, dossier: Dossier, place: Placement) -> None:
        c = self._counts
        p = self._procedures.setdefault(str(dossier.procedure), [0] * len(_PER_PROCEDURE))
        facts = dossier.facts
        c["processed"] += 1
        if place.resolved in (Timeliness.EARLY, Timeliness.ON_TIME) or (
            place.pending is Timeliness.WITHIN
        ):
            c["in_time"] += 1
            if len(dossier.supplements) > 1:
                c["in_time_resupplemented"] += 1
        if place.new_channel is not None:
            online = place.new_channel is Channel.ONLINE
            c["new"] += 1
            c["new_online"] += online
            p[_P["new"]] += 1
            p[_P["new_online"]] += online
            if facts.fee_bearing is None or (facts.fee_bearing and facts.paid_online is None):
                c["fee_unknown"] += 1
            elif facts.fee_bearing:
                c["fee_bearing"] += 1
                c["paid_online"] += bool(facts.paid_online)
            p[_P["fee_bearing"]] += bool(facts.fee_bearing)
            p[_P["paid_online"]] += bool(facts.fee_bearing and facts.paid_online)
            if facts.digitized is None:
                c["digitized_unknown"] += 1
            else:
                c["digitized"] += facts.digitized and facts.electronic_result is not False
        if place.resolved is not None and dossier.resolved_at is not None:
            if facts.electronic_result is None:
                p[_P["electronic_unknown"]] += 1
            else:
                p[_P["resolved"]] += 1
                p[_P["electronic"]] += facts.electronic_result

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
        for tallies in (self._procedures, other._procedures):
            for code, row in tallies.items():
                mine = out._procedures.setdefault(code, [0] * len(_PER_PROCEDURE))
                out._procedures[code] = [a + b for a, b in zip(mine, row, strict=True)]
        return out

    def __add__(self, other: Index766) -> Index766:
        """``a + b`` is ``a.merge(b)``."""
        return self.merge(other)

    def results(
        self,
        config: Index766Config = DVCQG_2025,
        *,
        sync_rate: Fraction | None = None,
        catalogue: Catalogue | None = None,
        inputs: Index766Inputs | None = None,
    ) -> tuple[IndicatorResult, ...]:
        """Compute every indicator of :data:`INDICATORS` under *config*.

        Args:
            config: Points and thresholds.
            sync_rate: The sync rate that 3.3 is multiplied by; default: 1.4's rate when
                ``synced`` is given, else 1.
            catalogue: The procedures, for 1.3, 3.1, 3.2, 3.4, 3.5, 3.5b and 4.1; without it
                they are "not computed: needs catalogue".
            inputs: Caller-supplied figures (:class:`Index766Inputs`); an indicator whose
                input is missing is "not computed: needs ...", never scored 0.

        Raises:
            InvalidInputError: An unknown input, a count of the wrong type, or a dossier
                count above the dossiers counted here.
        """
        given = dict(inputs or {})
        rows = self._dossier_rows(config)
        rows.update(self._input_rows(given, in_time=rows["2.1"][0]))
        rows.update(_catalogue_rows(catalogue, self._procedures))
        if sync_rate is None:
            num, den, _, needs = rows["1.4"]
            sync_rate = Fraction(1) if needs or not den else Fraction(num, den)
        out = []
        for code, ind in INDICATORS.items():
            num, den, unknown, needs = rows[code]
            value = None if needs else rate(num, den)
            if value is not None and code == "3.3":
                value *= sync_rate
            points = None if value is None else config.score(code, value)
            out.append(
                IndicatorResult(
                    code,
                    ind.name,
                    num,
                    den,
                    value,
                    points,
                    config.points.get(code, 0),
                    unknown,
                    ind.formula,
                    group=ind.group,
                    name_en=ind.name_en,
                    source=ind.source,
                    needs=needs,
                )
            )
        return tuple(out)

    def _dossier_rows(self, config: Index766Config) -> dict[str, Row]:
        c = self._counts
        in_time = c["in_time"]
        if config.resupplement_overdue:
            in_time -= c["in_time_resupplemented"]
        unknown_digitized = c["digitized_unknown"]
        return {
            "2.1": (in_time, c["processed"], 0, ()),
            "3.3": (c["new_online"], c["new"], 0, ()),
            "3.6": (c["paid_online"], c["fee_bearing"], c["fee_unknown"], ()),
            "4.2": (c["digitized"], c["new"] - unknown_digitized, unknown_digitized, ()),
        }

    def _input_rows(self, given: Mapping[str, object], *, in_time: int) -> dict[str, Row]:
        for key in given:
            if key not in INDICATOR_INPUTS:
                raise InvalidInputError(
                    "Decision 766 input", "one of " + ", ".join(INDICATOR_INPUTS), key
                )
        new, processed = self._counts["new"], self._counts["processed"]
        rows: dict[str, Row] = {}
        for code, ind in INDICATORS.items():
            if not ind.needs:
                continue
            (key,) = ind.needs
            if key not in given:
                rows[code] = (0, 0, 0, ind.needs)
            elif INDICATOR_INPUTS[key][0] == "Tally":
                tally = given[key]
                if not isinstance(tally, Tally):
                    raise InvalidInputError(f"Decision 766 input {key}", "a Tally", tally)
                rows[code] = (tally.numerator, tally.denominator, 0, ())
            else:
                out_of = processed if key == "complained" else new
                count = _dossier_count(key, given[key], out_of)
                if key == "complained":
                    rows[code] = (max(0, in_time - count), processed, 0, ())
                else:
                    rows[code] = (count, new, 0, ())
        return rows


def _dossier_count(key: str, value: object, out_of: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidInputError(f"Decision 766 input {key}", "a whole number, 0 or more", value)
    if value > out_of:
        raise InvalidInputError(
            f"Decision 766 input {key}", f"at most the {out_of} dossiers counted", value
        )
    return value


def _fee_bearing(procedure: Procedure) -> bool | None:
    """True if a fee is non-zero; None if an amount is not stated; False if all are 0."""
    fees = [f for t in procedure.terms for f in t.fees]
    if any(f.percent or (f.amount is not None and f.amount > 0) for f in fees):
        return True
    return None if any(f.amount is None and not f.percent for f in fees) else False


def _catalogue_rows(
    catalogue: Catalogue | None, tallies: Mapping[str, list[int]]
) -> dict[str, Row]:
    codes = ("1.3", "3.1", "3.2", "3.4", "3.5", "3.5b", "4.1")
    if catalogue is None:
        return dict.fromkeys(codes, (0, 0, 0, ("catalogue",)))
    per: dict[str, list[int]] = {}
    orphans = [0] * len(_PER_PROCEDURE)
    for code, row in tallies.items():
        try:
            key = str(catalogue.get(code).code)
        except NotFoundError:
            orphans = [a + b for a, b in zip(orphans, row, strict=True)]
            continue
        mine = per.setdefault(key, [0] * len(_PER_PROCEDURE))
        per[key] = [a + b for a, b in zip(mine, row, strict=True)]
    zero = [0] * len(_PER_PROCEDURE)
    procs = catalogue.procedures
    complete = sum(
        bool(p.steps and p.documents and p.applicants and p.implementing_agencies) for p in procs
    )
    online = [p for p in procs if p.online_level is not OnlineLevel.NONE]
    used = sum(per.get(str(p.code), zero)[_P["new_online"]] > 0 for p in online)
    full = [per.get(str(p.code), zero) for p in procs if p.online_level is OnlineLevel.FULL]
    unstated = sum(
        per.get(str(p.code), zero)[_P["new"]]
        for p in procs
        if p.online_level is OnlineLevel.UNSTATED
    )
    fee_state = [(p, _fee_bearing(p)) for p in procs]
    fee_procs = [per.get(str(p.code), zero) for p, fee in fee_state if fee]
    fee_unknown = sum(fee is None for _, fee in fee_state)
    paper = [per.get(str(p.code), zero) for p in procs if p.paper_result]
    paper_unknown = sum(
        per.get(str(p.code), zero)[_P["resolved"]]
        + per.get(str(p.code), zero)[_P["electronic_unknown"]]
        for p in procs
        if p.paper_result is None
    )
    resolved_orphans = orphans[_P["resolved"]] + orphans[_P["electronic_unknown"]]
    return {
        "1.3": (complete, len(procs), 0, ()),
        "3.1": (len(online), len(procs), 0, ()),
        "3.2": (used, len(online), 0, ()),
        "3.4": (
            sum(r[_P["new_online"]] for r in full),
            sum(r[_P["new"]] for r in full),
            unstated + orphans[_P["new"]],
            (),
        ),
        "3.5": (sum(r[_P["fee_bearing"]] > 0 for r in fee_procs), len(fee_procs), fee_unknown, ()),
        "3.5b": (
            sum(r[_P["paid_online"]] > 0 for r in fee_procs),
            len(fee_procs),
            fee_unknown,
            (),
        ),
        "4.1": (
            sum(r[_P["electronic"]] for r in paper),
            sum(r[_P["resolved"]] for r in paper),
            paper_unknown + resolved_orphans + sum(r[_P["electronic_unknown"]] for r in paper),
            (),
        ),
    }
