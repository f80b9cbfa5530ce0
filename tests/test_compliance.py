"""Compliance rules: a passing and a failing golden case per rule; the CLI; configuration."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest

from motcua import Dossier, InvalidInputError, LifecyclePolicy, read_dossiers, sample_catalogue
from motcua.analyses.compliance import (
    RULES,
    ComplianceConfig,
    Regime,
    check,
    check_catalogue,
    check_figures,
    regime_on,
)
from motcua.cli import main

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "examples" / "data"
AS_RECORDED = LifecyclePolicy(max_reschedules=None)


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
    found = check(dossiers, catalogue=sample_catalogue())
    hit = {v.dossier for v in found if v.rule == rule}
    mine = {str(d.code) for d in dossiers if d.subject.startswith(f"{rule}:")}
    assert len(mine) == 1
    assert hit == mine
    assert all(v.rule == rule for v in found if v.dossier in mine)


def test_every_rule_cites_its_basis() -> None:
    for rule in RULES:
        assert rule.basis
        assert rule.confidence in ("C", "S", "R")
        assert rule.regimes


def test_regime_selection() -> None:
    assert regime_on(date(2025, 6, 30)) is Regime.DECREE_61_2018
    assert regime_on(date(2025, 7, 1)) is Regime.DECREE_118_2025
    district = [d for d in _read("violations.jsonl") if d.subject.startswith("no-district")]
    assert check(district, regime=Regime.DECREE_61_2018) == ()
    assert [v.regime for v in check(district)] == ["118-2025"]


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
    assert "no violations in 6 dossier(s)" in capsys.readouterr().out
    assert main(["check", str(DATA / "violations.jsonl"), "--format", "json"]) == 1
    rows = json.loads(capsys.readouterr().out)
    assert {"rule", "dossier", "basis", "message"} <= set(rows[0])
    assert sorted({r["rule"] for r in rows}) == sorted(r.id for r in RULES)
    assert len({r["dossier"] for r in rows}) == len(RULES)
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{}\n", encoding="utf-8")
    assert main(["check", str(bad)]) == 2
    assert "bad.jsonl line 1" in capsys.readouterr().err
    assert main(["check", str(DATA / "compliant.jsonl"), "--regime", "1999"]) == 2
