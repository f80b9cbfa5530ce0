"""Decision 766: every indicator, the catalogue-based ones, caller inputs, versioned points."""

from __future__ import annotations

from datetime import date, datetime
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from motcua import (
    Catalogue,
    ChannelTerm,
    Dossier,
    Fee,
    LegalBasis,
    Level,
    OnlineLevel,
    Procedure,
    Received,
    Resolved,
    WorkingDays,
)
from motcua.analyses.index766 import (
    DVCQG_2025,
    INDEX766_CONFIGS,
    INDICATOR_INPUTS,
    INDICATORS,
    Index766,
    Index766Inputs,
    IndicatorResult,
    Tally,
    index766_config,
)
from motcua.analyses.periods import parse_period
from motcua.domain.dossiers import DigitalFacts
from motcua.foundation.errors import InvalidInputError, NotFoundError
from motcua.testing.strategies import dossiers

Q1 = parse_period("2024-Q1")


def _by_code(results: tuple[IndicatorResult, ...]) -> dict[str, IndicatorResult]:
    return {r.code: r for r in results}


def _proc(
    code: str, *, online: OnlineLevel, fee: int | None, paper: bool | None, full: bool
) -> Procedure:
    terms = [ChannelTerm(1, WorkingDays(5), fees=(Fee("Lệ phí", fee),))]
    if online is not OnlineLevel.NONE:
        terms.append(ChannelTerm(2, WorkingDays(5), fees=(Fee("Lệ phí", fee),)))
    return Procedure(
        code=code,
        name="Thủ tục",
        field="Thử",
        levels=(Level.COMMUNE,),
        terms=tuple(terms),
        legal_basis=(LegalBasis("1/2024/TEST"),),
        online_level=online,
        steps=("Nộp",) if full else (),
        documents=(),
        applicants=("Công dân",),
        implementing_agencies=("UBND xã",),
        paper_result=paper,
    )


CATALOGUE = Catalogue(
    [
        _proc("1.000001", online=OnlineLevel.FULL, fee=10_000, paper=True, full=True),
        _proc("1.000002", online=OnlineLevel.PARTIAL, fee=0, paper=False, full=True),
        _proc("1.000003", online=OnlineLevel.NONE, fee=None, paper=None, full=False),
        _proc("1.000004", online=OnlineLevel.FULL, fee=5_000, paper=True, full=True),
    ]
)


def _d(serial: int, procedure: str, *, online: bool, facts: DigitalFacts) -> Dossier:
    return Dossier(
        code=f"000.00.53.H48-240301-{serial:04d}",
        procedure=procedure,
        channel=2 if online else 1,
        limit=WorkingDays(5),
        events=(Received(datetime(2024, 3, 1, 9)), Resolved(datetime(2024, 3, 4, 9))),
        facts=facts,
    )


DOSSIERS = [
    _d(1, "1.000001", online=True, facts=DigitalFacts(True, True, True, True)),
    _d(2, "1.000001", online=False, facts=DigitalFacts(True, False, True, False)),
    _d(3, "1.000002", online=True, facts=DigitalFacts(False, False, True, True)),
    _d(4, "1.000003", online=False, facts=DigitalFacts(False, False, False, False)),
    _d(5, "9.999999", online=True, facts=DigitalFacts(False, False, False, None)),
]


def test_every_indicator_is_listed_with_group_names_and_points() -> None:
    results = Index766(Q1).results()
    assert [r.code for r in results] == list(INDICATORS)
    assert {r.group for r in results} == {1, 2, 3, 4, 5}
    assert all(r.name and r.name_en for r in results)
    # The portal's split: 18, 20, 12 + 10, 22, 18 = 100 points.
    by_group: dict[int, int] = {}
    for ind in INDICATORS.values():
        by_group[ind.group] = by_group.get(ind.group, 0) + DVCQG_2025.points[ind.code]
    assert by_group == {1: 18, 2: 20, 3: 22, 4: 22, 5: 18}
    assert sum(by_group.values()) == 100
    assert set(DVCQG_2025.points) == set(INDICATORS)


def test_missing_catalogue_and_inputs_are_named_never_zero() -> None:
    rows = _by_code(Index766(Q1).add_all(DOSSIERS).results())
    assert rows["4.1"].status == "not computed: needs catalogue"
    assert rows["1.1"].status == "not computed: needs announcements"
    assert rows["5.4"].needs == ("complained",)
    for row in rows.values():
        if row.needs:
            assert (row.rate, row.points) == (None, None)
            assert not row.computed
    assert rows["2.1"].computed
    assert rows["2.1"].status == "computed"
    needed = {n for r in rows.values() for n in r.needs} - {"catalogue"}
    assert needed == set(INDICATOR_INPUTS)


def test_catalogue_indicators_golden() -> None:
    rows = _by_code(Index766(Q1).add_all(DOSSIERS).results(catalogue=CATALOGUE))
    # 1.3: three of four procedures have steps, applicants, agency (documents are empty in
    # all, so none is complete): 0/4.
    assert (rows["1.3"].numerator, rows["1.3"].denominator) == (0, 4)
    # 3.1: three procedures offered online of four; full at 80 %: (3/4)/(4/5) x 0 points.
    assert (rows["3.1"].numerator, rows["3.1"].denominator) == (3, 4)
    # 3.2: of the three online procedures, 1.000001 and 1.000002 got an online dossier.
    assert (rows["3.2"].numerator, rows["3.2"].denominator) == (2, 3)
    # 3.4: dossiers of fully-online procedures: 1.000001's two, one online; the dossier of
    # a procedure not in the catalogue is unknown.
    r34 = rows["3.4"]
    assert (r34.numerator, r34.denominator, r34.unknown) == (1, 2, 1)
    assert r34.points == Fraction(1, 2) * 12
    # 3.5: fee procedures 1.000001 and 1.000004 (1.000003's amount is not stated: unknown);
    # 1.000001 had a fee-bearing dossier; 3.5b: and one paid online.
    assert (rows["3.5"].numerator, rows["3.5"].denominator, rows["3.5"].unknown) == (1, 2, 1)
    assert rows["3.5"].points == Fraction(1, 2) / Fraction(4, 5) * 2
    assert (rows["3.5b"].numerator, rows["3.5b"].denominator) == (1, 2)
    # 4.1: only dossiers of procedures whose result is on paper: 1.000001's two, one
    # electronic; 1.000002 (no paper result) is out; 1.000003 (not stated) and the
    # uncatalogued dossier are unknown.
    r41 = rows["4.1"]
    assert (r41.numerator, r41.denominator, r41.unknown) == (1, 2, 2)
    assert r41.points == 3


def test_inputs_golden() -> None:
    inputs: Index766Inputs = {
        "announcements": Tally(9, 10),
        "synced": 4,
        "complained": 1,
        "feedback_on_time": Tally(3, 4),
        "reused": 5,
    }
    rows = _by_code(Index766(Q1).add_all(DOSSIERS).results(inputs=inputs))
    assert rows["1.1"].rate == Fraction(9, 10)
    assert rows["1.1"].points == Fraction(9, 10) * 6
    # 1.4: 4 of the 5 dossiers received were synced; 3.3 is multiplied by that rate.
    assert rows["1.4"].rate == Fraction(4, 5)
    assert rows["3.3"].rate == Fraction(3, 5) * Fraction(4, 5)
    # 5.4: all 5 in time, 1 with feedback: 1 - (0 + 1/5) = 4/5; full at 90 %.
    assert rows["5.4"].rate == Fraction(4, 5)
    assert rows["5.4"].points == Fraction(4, 5) / Fraction(9, 10) * 6
    assert rows["5.2"].points == Fraction(3, 4) * 6
    assert rows["4.3"].points == 2  # 5/5, full at 80 %
    assert rows["5.3"].needs == ("feedback_satisfied",)


def test_bad_inputs_are_refused() -> None:
    index = Index766(Q1).add_all(DOSSIERS)
    with pytest.raises(InvalidInputError, match="at most the 5 dossiers"):
        index.results(inputs={"synced": 6})
    with pytest.raises(InvalidInputError, match="one of announcements"):
        index.results(inputs={"surveys": 1})  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="a Tally"):
        index.results(inputs={"announcements": 3})  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="not above the denominator"):
        Tally(3, 2)


def test_config_on_versions() -> None:
    assert index766_config(date(2022, 6, 23)) is DVCQG_2025
    assert index766_config(date(2026, 1, 1)) is INDEX766_CONFIGS[-1]
    with pytest.raises(NotFoundError, match="2022-06-23"):
        index766_config(date(2022, 6, 22))


def test_paper_result_is_strict() -> None:
    with pytest.raises(InvalidInputError, match="paper_result"):
        _proc("1.000009", online=OnlineLevel.NONE, fee=0, paper="yes", full=True)  # type: ignore[arg-type]


_tallies = st.integers(0, 20).flatmap(lambda d: st.tuples(st.integers(0, d), st.just(d)))


@given(
    st.lists(dossiers(first_day=date(2024, 1, 1), last_day=date(2024, 3, 31)), max_size=8),
    _tallies,
    st.integers(0, 20),
)
def test_rates_in_unit_interval_points_within_max(
    ds: list[Dossier], tally: tuple[int, int], complained: int
) -> None:
    index = Index766(Q1).add_all(ds)
    processed = max((r.denominator for r in index.results() if r.code == "2.1"), default=0)
    inputs: Index766Inputs = {
        "announcements": Tally(*tally),
        "feedback_satisfied": Tally(*tally),
        "complained": min(complained, processed),
    }
    for row in index.results(index766_config(Q1.end), catalogue=CATALOGUE, inputs=inputs):
        if row.rate is not None:
            assert 0 <= row.rate <= 1
            assert row.points is not None
            assert 0 <= row.points <= row.max_points
        assert row.numerator <= row.denominator or row.code == "3.3"
