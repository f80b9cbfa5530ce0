"""examples/data/dossiers.jsonl covers what the issue asks, and matches its generator."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from motcua import Channel, Dossier, Stage, Status, Timeliness, read_dossiers

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "data" / "dossiers.jsonl"


def _dossiers() -> tuple[Dossier, ...]:
    return read_dossiers(SAMPLE).records


@pytest.mark.parametrize("tool", ["generate_sample_dossiers.py", "generate_compliance_data.py"])
def test_data_files_match_their_generators(tool: str) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / tool), "--check"],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_coverage_of_the_sample() -> None:
    ds = _dossiers()
    assert len(ds) >= 20
    assert all(
        date(2024, 1, 1) <= (d.received_at or d.events[0].at).date() <= date(2024, 6, 30)
        for d in ds
    )
    assert {d.channel for d in ds} == set(Channel)
    assert {
        Status(s)
        for s in ("received", "processing", "supplement_requested", "resolved", "returned")
    } <= {d.status for d in ds}
    stages = {s.stage for d in ds for s in d.supplements}
    assert stages == {Stage.INTAKE, Stage.APPRAISAL}
    assert any(d.pauses() for d in ds if any(e.kind == "obligation_fulfilled" for e in d.events))
    assert any(len(d.transfers) >= 2 for d in ds)
    outcomes = {d.timeliness() for d in ds}
    assert {Timeliness.EARLY, Timeliness.ON_TIME, Timeliness.LATE} <= outcomes
    late = [d for d in ds if d.timeliness() is Timeliness.LATE]
    assert any(d.delays for d in late)
    assert any(not d.delays for d in late)
    assert any(d.withdrawal_requested_at for d in ds)
    for day in (date(2024, 3, 14), date(2024, 6, 14)):
        assert any(
            d.timeliness(as_of=day) in (Timeliness.WITHIN, Timeliness.OVERDUE) for d in ds
        ), day
    for d in ds:
        if d.received_at is not None:
            d.code.check_receipt(d.received_at)
