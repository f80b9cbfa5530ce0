"""Property tests with motcua's strategies, tied to our catalogue and our office hours."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from portal import read_back, sync_payload

import motcua
from motcua.analyses.compliance import RULES, check
from motcua.testing import assert_compliant
from motcua.testing.strategies import compliant_dossiers, dossiers, violating_dossiers

# Our catalogue sets no intake-check time, and our desks do not record units: the rules that
# need those facts cannot fail here (violating_dossiers says so if asked).
OUR_RULES = [r.id for r in RULES if r.id not in ("intake-check", "receipt-scope")]


@settings(max_examples=40)
@given(data=st.data())
def test_every_lawful_history_round_trips_through_dvcqg(
    motcua_catalogue: motcua.Catalogue, data: st.DataObject
) -> None:
    # The documented pattern: dossiers tied to our catalogue, then dossier_to_dvcqg.
    dossier = data.draw(dossiers(catalogue=motcua_catalogue))
    payload = sync_payload(dossier, motcua_catalogue)
    assert payload["MaHoSo"] == str(dossier.code)
    assert payload["MaTTHC"] == str(dossier.procedure)
    back = read_back(payload, motcua_catalogue)
    assert (back.code, back.procedure, back.channel) == (
        dossier.code,
        dossier.procedure,
        dossier.channel,
    )
    assert back.status is dossier.status
    assert back.limit == dossier.limit


@settings(max_examples=30)
@given(data=st.data())
def test_compliant_dossiers_pass_our_checks(
    motcua_catalogue: motcua.Catalogue, motcua_schedule: motcua.WorkSchedule, data: st.DataObject
) -> None:
    dossier = data.draw(compliant_dossiers(motcua_catalogue, schedule=motcua_schedule))
    assert_compliant(dossier, catalogue=motcua_catalogue, schedule=motcua_schedule)


@pytest.mark.parametrize("rule", OUR_RULES)
def test_our_checks_catch_each_violation(
    rule: str, motcua_catalogue: motcua.Catalogue, motcua_schedule: motcua.WorkSchedule
) -> None:
    strategy = violating_dossiers(rule, motcua_catalogue, schedule=motcua_schedule)

    @settings(max_examples=10, deadline=None)
    @given(strategy)
    def run(dossier: motcua.Dossier) -> None:
        found = check(dossier, catalogue=motcua_catalogue, schedule=motcua_schedule)
        assert {v.rule for v in found} == {rule}

    run()
