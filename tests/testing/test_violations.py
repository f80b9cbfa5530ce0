"""violating_dossiers(rule): every rule, broken alone; violate() on its own."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import motcua
from motcua import Dossier, WorkingDays, sample_catalogue, unit_registry
from motcua.analyses.compliance import RULES, Rule, check
from motcua.domain.codes import AgencyCode, DossierCode
from motcua.domain.procedures import Catalogue
from motcua.foundation.errors import InvalidInputError
from motcua.testing import NotCompliantError, assert_compliant
from motcua.testing.strategies import violating_dossiers
from motcua.testing.violations import VIOLATIONS, violate
from motcua.time.deadlines import WorkSchedule
from motcua.time.hours import OfficeHours

CATALOGUE = sample_catalogue()
# The sample catalogue sets no intake-check time: the same terms, one working day to check.
CHECKED = Catalogue(
    tuple(
        attrs.evolve(p, terms=tuple(attrs.evolve(t, intake_check=WorkingDays(1)) for t in p.terms))
        for p in CATALOGUE.procedures
    )
)
REGISTRY = unit_registry()
EARLY = WorkSchedule(
    motcua.vietnam_calendar(range(2019, 2031)),
    OfficeHours.parse({"mon-fri": "07:30-11:30, 13:30-17:30"}),
)


def test_every_rule_has_a_violation() -> None:
    assert sorted(VIOLATIONS) == sorted(r.id for r in RULES)


def _catalogue(rule: str) -> Catalogue:
    return CHECKED if rule == "intake-check" else CATALOGUE


@pytest.mark.parametrize("rule", [r.id for r in RULES])
def test_each_rule_fails_alone(rule: str) -> None:
    catalogue = _catalogue(rule)

    @settings(max_examples=40, deadline=None)
    @given(violating_dossiers(rule, catalogue, registry=REGISTRY))
    def run(d: Dossier) -> None:
        found = check(d, catalogue=catalogue, registry=REGISTRY)
        assert {v.rule for v in found} == {rule}
        with pytest.raises(NotCompliantError, match=rf"\[{rule}\]"):
            assert_compliant(d, catalogue=catalogue, registry=REGISTRY)

    run()


@pytest.mark.parametrize("rule", [r.id for r in RULES])
def test_each_rule_fails_alone_on_other_office_hours(rule: str) -> None:
    catalogue = _catalogue(rule)

    @settings(max_examples=15, deadline=None)
    @given(violating_dossiers(rule, catalogue, schedule=EARLY, registry=REGISTRY))
    def run(d: Dossier) -> None:
        found = check(d, catalogue=catalogue, schedule=EARLY, registry=REGISTRY)
        assert {v.rule for v in found} == {rule}

    run()


@given(st.sampled_from([r for r in RULES if r.id not in ("intake-check", "receipt-scope")]))
def test_a_rule_value_is_accepted(rule: Rule[Dossier]) -> None:
    assert violating_dossiers(rule) is not None


def test_unknown_rule_and_impossible_requests_are_errors() -> None:
    with pytest.raises(InvalidInputError, match="a rule id"):
        violating_dossiers("apologies")
    # 2.000815 has no online channel: online-8h cannot fail on it.
    with pytest.raises(InvalidInputError, match="none in the catalogue"):
        violating_dossiers("online-8h", CATALOGUE, procedure="2.000815")
    # same-day limits only: step allotments need working days or hours.
    with pytest.raises(InvalidInputError, match="none in the catalogue"):
        violating_dossiers("step-allotments", CATALOGUE, procedure="1.001193")
    with pytest.raises(InvalidInputError, match="in force"):
        violating_dossiers("no-district", last_day=date(2025, 6, 30))
    # the sample catalogue sets no intake-check time; receipt-scope needs the units
    with pytest.raises(InvalidInputError, match="none in the catalogue"):
        violating_dossiers("intake-check", CATALOGUE)
    with pytest.raises(InvalidInputError, match="unit registry"):
        violating_dossiers("receipt-scope", CATALOGUE)


def _lawful(received: datetime = datetime(2024, 3, 1, 9), channel: int = 2) -> Dossier:
    """Received, resolved a week later, returned: 7 working days, the appointment printed."""
    base = Dossier(
        code=DossierCode(AgencyCode("000.00.53.H48"), received.date(), 1),
        procedure="1.004222",
        channel=channel,
        limit=WorkingDays(7),
        events=(motcua.Received(received),),
    )
    due = base.due()
    assert due is not None
    done = received + timedelta(days=7, hours=1)
    return attrs.evolve(
        base,
        events=(
            motcua.Received(received, due.at),
            motcua.Resolved(done),
            motcua.ResultReturned(done + timedelta(hours=1)),
        ),
    )


# Golden table: the one lawful dossier, broken each way.
GOLDEN = [
    ("appointment", lambda d: str(d.printed_appointment), "2024-03-12 09:30:00+07:00"),
    ("apology", lambda d: [e.kind for e in d.events], ["received", "resolved"]),
    ("reschedule", lambda d: len(d.delays), 2),
    ("supplement-once", lambda d: len(d.supplements), 2),
    ("online-8h", lambda d: str(d.events[0].at), "2024-02-29 08:30:00+07:00"),
    ("return-by-appointment", lambda d: str(d.returned_at), "2024-03-12 09:30:00+07:00"),
    ("code", lambda d: str(d.code), "000.00.53.H48-240302-0001"),
    ("office-hours", lambda d: str(d.received_at), "2024-03-01 00:30:00+07:00"),
    ("step-allotments", lambda d: str(d.transfers[0].allotted), "30 working hours"),
    ("intake-check", lambda d: str(d.events[0].at), "2024-02-29 08:30:00+07:00"),
    ("receipt-scope", lambda d: (d.receiving_unit, d.deciding_unit), ("01", "79")),
]


@pytest.mark.parametrize(("rule", "probe", "expected"), GOLDEN)
def test_violate_golden(rule: str, probe: object, expected: object) -> None:
    minutes = 1 if rule == "code" else 30
    lawful = _lawful()
    if rule == "intake-check":  # over the counter: online, online-8h would fail too
        lawful = _lawful(channel=1)
    if rule == "receipt-scope":  # Decree 118/2025 only
        lawful = _lawful(datetime(2025, 9, 10, 9))
    catalogue = _catalogue(rule)
    assert check(lawful, catalogue=catalogue, registry=REGISTRY) == ()
    broken = violate(lawful, rule, minutes=minutes, catalogue=catalogue, units=("01", "79"))
    assert callable(probe)
    assert probe(broken) == expected
    found = check(broken, catalogue=catalogue, registry=REGISTRY)
    assert {v.rule for v in found} == {rule}


def test_violate_refuses_what_it_cannot_break() -> None:
    with pytest.raises(InvalidInputError, match="on or after 2025-07-01"):
        violate(_lawful(), "no-district")
    with pytest.raises(InvalidInputError, match="1 or more"):
        violate(_lawful(), "code", minutes=0)
    with pytest.raises(InvalidInputError, match="closed dossier"):
        violate(
            Dossier(
                code="000.00.53.H48-240301-0001",
                procedure="1.004222",
                channel=1,
                limit=motcua.WorkingDays(7),
                events=(motcua.Received(datetime(2024, 3, 1, 9)),),
            ),
            "apology",
        )
    with pytest.raises(InvalidInputError, match="channel 2"):
        violate(attrs_evolve_channel(_lawful()), "online-8h")


def attrs_evolve_channel(d: Dossier) -> Dossier:
    import attrs

    return attrs.evolve(d, channel=motcua.Channel.IN_PERSON)
