"""Decision 766 indicators and posting coverage."""

from __future__ import annotations

import json
from datetime import date, datetime
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from motcua import (
    Catalogue,
    ChannelTerm,
    Dossier,
    LegalBasis,
    Level,
    Posting,
    Procedure,
    Received,
    Resolved,
    ResultReturned,
    ReturnMethod,
    WorkingDays,
    read_dossiers,
)
from motcua.analyses.index766 import (
    DVCQG_2025,
    INDICATORS,
    Index766,
    Index766Config,
    IndicatorResult,
)
from motcua.analyses.periods import parse_period
from motcua.analyses.posting import Coverage, posting_coverage
from motcua.analyses.report import Bieu06
from motcua.cli import main
from motcua.domain.dossiers import DigitalFacts
from motcua.testing.strategies import dossiers

SAMPLE = Path(__file__).resolve().parent.parent.parent / "examples" / "data" / "dossiers.jsonl"


def _by_code(results: tuple[IndicatorResult, ...]) -> dict[str, IndicatorResult]:
    return {r.code: r for r in results}


def test_sample_indicators_golden() -> None:
    ds = read_dossiers(SAMPLE).records
    period = parse_period("2024-H1")
    results = _by_code(Index766(period).add_all(ds).results())
    total = Bieu06(period).add_all(ds).result().total
    r21 = results["2.1"]
    # 2.1 = (resolved in time + pending within) / (resolved + pending), from the same buckets.
    assert (r21.numerator, r21.denominator) == (
        total.resolved_in_time + total.pending_within,
        total.received_total,
    )
    assert r21.points == Fraction(20) * Fraction(18, 22)
    r33 = results["3.3"]
    assert (r33.numerator, r33.denominator) == (7, 22)
    assert r33.max_points == 0


def test_thresholds_and_unknown_facts() -> None:
    def d(serial: int, online: bool, facts: DigitalFacts) -> Dossier:
        return Dossier(
            code=f"000.00.53.H48-240301-{serial:04d}",
            procedure="1.004222",
            channel=2 if online else 1,
            limit=WorkingDays(7),
            events=(
                Received(datetime(2024, 3, 1, 9)),
                Resolved(datetime(2024, 3, 5, 9)),
                ResultReturned(datetime(2024, 3, 5, 10), ReturnMethod.ONLINE),
            ),
            facts=facts,
        )

    full = DigitalFacts(True, True, True, True)
    ds = [
        d(1, True, full),
        d(2, False, DigitalFacts()),
        d(3, False, DigitalFacts(fee_bearing=False, digitized=False)),
    ]
    config = Index766Config("test", {"3.3": 10, "4.2": 10}, {"3.3": Fraction(1, 2)}, "test")
    results = _by_code(Index766(parse_period("2024-Q1")).add_all(ds).results(config))
    r33 = results["3.3"]
    assert r33.rate == Fraction(1, 3)
    assert r33.points == Fraction(20, 3)  # (1/3) / (1/2) x 10 points
    r36 = results["3.6"]
    assert (r36.numerator, r36.denominator, r36.unknown) == (1, 1, 1)
    r42 = results["4.2"]
    assert (r42.numerator, r42.denominator, r42.unknown) == (1, 2, 1)
    assert r42.points == 5  # proportional without a threshold
    assert DVCQG_2025.points["2.1"] == 20


@given(
    st.lists(dossiers(first_day=date(2024, 1, 1), last_day=date(2024, 6, 30)), max_size=8),
    st.integers(0, 8),
)
def test_indicator_partials_merge(ds: list[Dossier], cut: int) -> None:
    period = parse_period("2024-Q2")
    whole = Index766(period).add_all(ds).results()
    parts = Index766(period).add_all(ds[:cut]) + Index766(period).add_all(ds[cut:])
    assert parts.results() == whole


def test_cli_indicators(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["indicators", str(SAMPLE), "--period", "2024-H1", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [i["code"] for i in data["indicators"]] == list(INDICATORS)
    row = next(i for i in data["indicators"] if i["code"] == "2.1")
    assert row["percent"] == "81.82"
    assert main(["indicators", str(SAMPLE), "--period", "2024-H1"]) == 0
    assert "2.1 Hồ sơ xử lý trước hạn, đúng hạn: 18/22 = 81,82 %" in capsys.readouterr().out


def test_posting_coverage() -> None:
    def proc(code: str, levels: tuple[Level, ...], posting: Posting) -> Procedure:
        return Procedure(
            code=code,
            name="Thủ tục",
            field="Thử",
            levels=levels,
            terms=(ChannelTerm(1, WorkingDays(1)),),
            legal_basis=(LegalBasis("1/2024/TEST"),),
            posting=posting,
        )

    both = Posting(date(2024, 1, 1), date(2024, 1, 1))
    catalogue = Catalogue(
        [
            proc("1.000001", (Level.COMMUNE,), both),
            proc("1.000002", (Level.COMMUNE, Level.DISTRICT), Posting(date(2024, 1, 1))),
            proc("1.000003", (Level.PROVINCE,), Posting(electronic_since=date(2025, 1, 1))),
        ]
    )
    coverage = posting_coverage(catalogue, on=date(2024, 6, 1))
    assert coverage[Level.COMMUNE] == Coverage(2, 2, 1, 1)
    assert str(coverage[Level.COMMUNE]) == "1/2 (physical 2, electronic 1)"
    assert coverage[Level.PROVINCE] == Coverage(1, 0, 0, 0)
    after = posting_coverage(catalogue, on=date(2025, 7, 1))
    assert Level.DISTRICT not in after
    assert after[Level.PROVINCE] == Coverage(1, 0, 1, 0)


def test_cli_coverage(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["procedure", "coverage", "--on", "2024-06-01"]) == 0
    assert "Cấp Xã: 0/7 (niêm yết 0, điện tử 0)" in capsys.readouterr().out
    assert main(["procedure", "coverage", "--on", "2025-07-01", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert "district" not in data["levels"]
    assert data["levels"]["province"]["total"] == 1


def test_cli_coverage_bad_day(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["procedure", "coverage", "--on", "31/02/2024"]) == 2
    assert capsys.readouterr().err.startswith("motcua: error: --on: expected a real date")


def test_more_than_one_supplement_request_is_overdue_in_2_1() -> None:
    from datetime import datetime

    import attrs

    from motcua import (
        Dossier,
        Received,
        Resolved,
        Stage,
        SupplementReceived,
        SupplementRequested,
        Transferred,
        WorkingDays,
    )
    from motcua.analyses.index766 import DVCQG_2025, Index766
    from motcua.analyses.periods import parse_period

    def dossier(requests: int) -> Dossier:
        events: list[object] = [
            Received(datetime(2024, 5, 6, 8)),
            Transferred(datetime(2024, 5, 6, 8, 30), "Công an xã"),
        ]
        for k in range(requests):
            events += [
                SupplementRequested(datetime(2024, 5, 6, 9 + 2 * k), Stage.APPRAISAL, "Thiếu"),
                SupplementReceived(datetime(2024, 5, 6, 10 + 2 * k)),
            ]
        events.append(Resolved(datetime(2024, 5, 7, 9)))
        return Dossier(
            code=f"000.31.48.H48-240506-000{requests + 1}",
            procedure="1.004222",
            channel=1,
            limit=WorkingDays(5),
            events=tuple(events),  # type: ignore[arg-type]
        )

    period = parse_period("2024-05", calendar=True)
    index = Index766(period).add_all([dossier(1), dossier(2)])
    row = {r.code: r for r in index.results()}["2.1"]
    assert (row.numerator, row.denominator) == (1, 2)
    lenient = attrs.evolve(DVCQG_2025, resupplement_overdue=False)
    row = {r.code: r for r in index.results(lenient)}["2.1"]
    assert (row.numerator, row.denominator) == (2, 2)
