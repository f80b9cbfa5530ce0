"""The public strategies: tied to a catalogue, compliant by construction, functions."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

import motcua
from motcua import Channel, Dossier, LifecyclePolicy, sample_catalogue
from motcua.testing import assert_compliant
from motcua.testing.strategies import compliant_dossiers, dates, dossiers, time_limits
from motcua.time.deadlines import WorkSchedule
from motcua.time.hours import OfficeHours

CATALOGUE = sample_catalogue()
EARLY = WorkSchedule(
    motcua.vietnam_calendar(range(2019, 2031)),
    OfficeHours.parse({"mon-fri": "07:30-11:30, 13:30-17:30"}),
)


@given(dossiers(catalogue=CATALOGUE))
def test_dossiers_tied_to_a_catalogue_round_trip_through_dvcqg(d: Dossier) -> None:
    payload = motcua.dossier_to_dvcqg(d, catalogue=CATALOGUE)
    assert payload["MaHoSo"] == str(d.code)
    term = CATALOGUE.get(d.procedure).term(d.channel, d.case or None)
    assert term.limit == d.limit


@given(dossiers(catalogue=CATALOGUE, procedure="1.001193", channel=2))
def test_dossiers_for_one_procedure_and_channel(d: Dossier) -> None:
    assert str(d.procedure) == "1.001193"
    assert d.channel is Channel.ONLINE


@given(dossiers(policy=LifecyclePolicy(max_reschedules=None)))
def test_dossiers_with_a_policy(d: Dossier) -> None:
    assert d.policy.max_reschedules is None


@settings(max_examples=300)
@given(compliant_dossiers(CATALOGUE))
def test_compliant_dossiers_pass_assert_compliant(d: Dossier) -> None:
    assert_compliant(d, catalogue=CATALOGUE)
    assert d.status is motcua.Status.RETURNED


@given(compliant_dossiers(CATALOGUE, schedule=EARLY))
def test_compliant_dossiers_follow_the_office_hours_given(d: Dossier) -> None:
    assert_compliant(d, catalogue=CATALOGUE, schedule=EARLY)
    assert d.received_at is not None
    assert EARLY.is_office_time(d.received_at)


@given(dates(date(2024, 1, 1), date(2024, 12, 31)), time_limits(fractional=False))
def test_dates_and_time_limits_are_functions(day: date, limit: motcua.TimeLimit) -> None:
    assert day.year == 2024
    assert not isinstance(limit, motcua.WorkingDays) or limit.count.denominator == 1


def test_strategies_are_strategies() -> None:
    for strategy in (dates(), time_limits(), dossiers(), compliant_dossiers()):
        assert isinstance(strategy, st.SearchStrategy)
