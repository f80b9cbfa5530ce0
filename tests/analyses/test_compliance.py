"""Compliance rules: a passing and a failing golden case per rule; the CLI; configuration."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import attrs
import pytest

from motcua import (
    Dossier,
    InvalidInputError,
    LifecyclePolicy,
    Received,
    Resolved,
    ResultReturned,
    WorkingDays,
    dumps_jsonl,
    read_dossiers,
    sample_catalogue,
)
from motcua.analyses.compliance import (
    CATALOGUE_RULES,
    REPORT_IDENTITIES,
    RULES,
    ComplianceConfig,
    Confidence,
    Regime,
    Rule,
    check,
    check_catalogue,
    check_figures,
    regime_on,
)
from motcua.cli import main
from motcua.domain.procedures import Catalogue
from motcua.serialization.catalogues import catalogue_to_json

ROOT = Path(__file__).resolve().parent.parent.parent
DATA = ROOT / "examples" / "data"
AS_RECORDED = LifecyclePolicy(max_reschedules=None)
# The sample sets no intake-check time: one working day on 1.004194 in person, as in
# tools/generate_compliance_data.py.
_RESIDENCE = sample_catalogue().get("1.004194")
CHECKED = Catalogue(
    tuple(
        attrs.evolve(
            p,
            terms=tuple(
                attrs.evolve(t, intake_check=WorkingDays(1)) if t.channel == 1 else t
                for t in p.terms
            ),
        )
        if p == _RESIDENCE
        else p
        for p in sample_catalogue()
    )
)


def _read(name: str) -> list[Dossier]:
    return list(read_dossiers(DATA / name, policy=AS_RECORDED).records)


def test_compliant_histories_pass_every_rule() -> None:
    dossiers = _read("compliant.jsonl")
    assert check(dossiers, catalogue=sample_catalogue()) == ()
    regimes = {regime_on(d.events[0].at.date()) for d in dossiers}
    assert regimes == {Regime.DECREE_61_2018, Regime.DECREE_118_2025}


@pytest.mark.parametrize("rule", [r.id for r in RULES])
def test_each_rule_fails_on_exactly_its_dossier(rule: str) -> None:
    dossiers = _read("violations.jsonl")
    found = check(dossiers, catalogue=CHECKED)
    hit = {v.dossier for v in found if v.rule == rule}
    mine = {str(d.code) for d in dossiers if d.subject.startswith(f"{rule}:")}
    assert len(mine) == 1
    assert hit == mine
    assert all(v.rule == rule for v in found if v.dossier in mine)


def test_every_rule_cites_its_basis() -> None:
    for rule in RULES:
        assert rule.basis
        assert rule.confidence.mark in ("C", "S", "R")
        assert rule.regimes


def test_regime_selection() -> None:
    assert regime_on(date(2025, 6, 30)) is Regime.DECREE_61_2018
    assert regime_on(date(2025, 7, 1)) is Regime.DECREE_118_2025
    district = [d for d in _read("violations.jsonl") if d.subject.startswith("no-district")]
    assert check(district, regime=Regime.DECREE_61_2018) == ()
    assert [v.regime for v in check(district)] == ["118-2025"]


def test_regimes_are_dated_domain_values() -> None:
    from motcua.domain import regimes
    from motcua.time import announcements

    assert Regime is regimes.Regime
    assert regime_on is regimes.regime_on
    r61, r118 = Regime.DECREE_61_2018, Regime.DECREE_118_2025
    assert (r61.start, r61.end) == (date(2018, 6, 21), date(2025, 6, 30))
    assert (r118.start, r118.end) == (date(2025, 7, 1), None)
    assert r61.instruments == "Decree 61/2018/NĐ-CP; Circular 01/2018/TT-VPCP"
    assert Regime.AUTO.governed_by == ()
    by_id = {rule.id: rule for rule in RULES}
    assert by_id["no-district"].in_force == (date(2025, 7, 1), None)
    assert by_id["code"].in_force == (date(2019, 1, 6), None)  # Circular 01/2018
    assert by_id["no-district"].applies_on(date(2025, 7, 1))
    assert not by_id["no-district"].applies_on(date(2025, 6, 30))
    # One confidence scale for rules and announcements; the JSON strings are unchanged.
    assert announcements.Confidence is Confidence
    assert {c.value for c in Confidence} >= {"confirmed", "days_confirmed", "secondary"}


def test_every_rule_follows_the_one_contract() -> None:
    rules: tuple[Rule[Any], ...] = (*RULES, *CATALOGUE_RULES, REPORT_IDENTITIES)
    assert len({r.id for r in rules}) == len(rules)
    for rule in rules:
        assert isinstance(rule, Rule)
        assert isinstance(rule.confidence, Confidence)
        assert rule.in_force[0] is not None


def test_configuration() -> None:
    dossiers = _read("violations.jsonl")
    off = ComplianceConfig(disabled={"apology", "code"})
    rules = {v.rule for v in check(dossiers, config=off, catalogue=sample_catalogue())}
    assert "apology" not in rules
    assert "code" not in rules
    lenient = ComplianceConfig(
        params={"reschedule": {"max": 2}, "step-allotments": {"mode": "not_exceed"}}
    )
    rules = {v.rule for v in check(dossiers, config=lenient, catalogue=sample_catalogue())}
    assert "reschedule" not in rules
    assert "step-allotments" in rules  # 32 h > 24 h still exceeds
    with pytest.raises(InvalidInputError, match="a rule id"):
        ComplianceConfig(disabled={"no-such-rule"})
    with pytest.raises(InvalidInputError, match="one of max"):
        ComplianceConfig(params={"reschedule": {"maximum": 2}})


def test_open_dossiers_are_judged_as_of() -> None:
    late = _read("compliant.jsonl")[:1]
    assert check(late, as_of=datetime(2024, 3, 4, 9, 30)) == ()


def _returned_five_months_later() -> Dossier:
    return Dossier(
        code="000.00.53.H48-240301-0001",
        procedure="1.004222",
        channel=1,
        limit=WorkingDays(7),
        events=(
            Received(datetime(2024, 3, 1, 9)),
            Resolved(datetime(2024, 3, 5, 9)),
            ResultReturned(datetime(2024, 8, 5, 9)),
        ),
    )


def test_as_of_cuts_every_log_as_dossier_as_of_does() -> None:
    d = _returned_five_months_later()
    assert [v.rule for v in check(d)] == ["return-by-appointment"]
    # In March the result had not been returned: nothing recorded later is judged.
    assert check(d, as_of=datetime(2024, 3, 10, 9)) == ()
    assert check(d, as_of=date(2024, 8, 4)) == ()
    # A date means the end of that day, as for Dossier.as_of and `dossier show --as-of`.
    assert [v.rule for v in check(d, as_of=date(2024, 8, 5))] == ["return-by-appointment"]
    for at in (datetime(2024, 3, 5, 9), date(2024, 3, 5), datetime(2024, 8, 5, 9)):
        view = d.as_of(at)
        assert view is not None
        assert check(d, as_of=at) == check(view, as_of=at)
    assert check(d, as_of=date(2024, 2, 29)) == ()  # nothing had happened yet
    midnight = attrs.evolve(d, events=(*d.events[:2], ResultReturned(datetime(2024, 8, 5))))
    assert check(midnight, as_of=date(2024, 8, 4)) == ()  # 00:00 belongs to the next day


def test_cli_check_as_of_cuts_the_logs(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "late-return.jsonl"
    path.write_text(dumps_jsonl([_returned_five_months_later()]), encoding="utf-8")
    assert main(["check", str(path), "--as-of", "2024-03-10T09:00"]) == 0
    assert "không có vi phạm trong 1 hồ sơ" in capsys.readouterr().out
    assert main(["check", str(path), "--as-of", "04/08/2024"]) == 0
    capsys.readouterr()
    assert main(["check", str(path), "--as-of", "2024-08-05"]) == 1
    assert "[return-by-appointment]" in capsys.readouterr().out


def test_catalogue_and_figure_checks() -> None:
    assert check_catalogue(sample_catalogue()) == ()
    posted = check_catalogue(sample_catalogue(), on=date(2024, 6, 1))
    assert {v.rule for v in posted} == {"posting"}
    assert len(posted) == len(sample_catalogue())
    assert check_figures({"received_total": 5, "resolved_total": 3, "pending_total": 2}) == ()
    bad = check_figures([{"pending_total": 3}, {"carried_over": 4}])
    assert [v.rule for v in bad] == ["report-identities"]
    assert "carried_over 4 != period 0 pending_total 3" in bad[0].message


def test_cli_check(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["check", str(DATA / "compliant.jsonl")]) == 0
    assert "không có vi phạm trong 6 hồ sơ" in capsys.readouterr().out
    checked = tmp_path / "checked.json"
    checked.write_text(json.dumps(catalogue_to_json(CHECKED)), encoding="utf-8")
    argv = ["check", str(DATA / "violations.jsonl"), "--format", "json"]
    assert main([*argv, "--catalogue", str(checked)]) == 1
    out = json.loads(capsys.readouterr().out)
    assert {"rule", "dossier", "basis", "message"} <= set(out["violations"][0])
    assert (out["read"], out["skipped"]) == (
        len(DATA.joinpath("violations.jsonl").read_text(encoding="utf-8").splitlines()),
        0,
    )
    assert sorted({r["rule"] for r in out["violations"]}) == sorted(r.id for r in RULES)
    assert len({r["dossier"] for r in out["violations"]}) == len(RULES)
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{}\n", encoding="utf-8")
    assert main(["check", str(bad)]) == 2
    assert "bad.jsonl line 1" in capsys.readouterr().err
    assert main(["check", str(DATA / "compliant.jsonl"), "--regime", "1999"]) == 2
