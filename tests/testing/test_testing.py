"""motcua.testing: assert_compliant, the public strategies, and the pytest plugin."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import given

from motcua import Dossier, LifecyclePolicy, WorkingCalendar, read_dossiers
from motcua.analyses.compliance import check
from motcua.testing import NotCompliantError, assert_compliant
from motcua.testing.strategies import calendars, dossiers

DATA = Path(__file__).resolve().parent.parent.parent / "examples" / "data"


def test_assert_compliant_lists_every_violation() -> None:
    bad = read_dossiers(DATA / "violations.jsonl", policy=LifecyclePolicy(max_reschedules=None))
    with pytest.raises(NotCompliantError) as info:
        assert_compliant(bad.records)
    message = str(info.value)
    # One sample dossier per rule; the rules that need a registry or a catalogue's
    # intake-check term (receipt-scope, intake-check) find nothing without them.
    found = check(bad.records)
    assert len(found) >= 10
    checked = len(bad.records)
    first = f"{len(found)} violations in {len(found)} dossiers (of {checked} checked):"
    assert message.splitlines()[0] == first
    assert message.count("\n  [") == len(found)
    assert "[no-district] 000.00.48.H48-250804-0001" in message
    assert isinstance(info.value, AssertionError)
    assert info.value.violations == found
    good = read_dossiers(DATA / "compliant.jsonl").records
    assert_compliant(good)


@given(dossiers())
def test_strategies_give_lawful_histories(d: Dossier) -> None:
    assert d.statuses[-1] is d.status


@given(calendars())
def test_calendar_strategy(cal: WorkingCalendar) -> None:
    assert cal.first_year == 2024


def test_plugin_works_from_another_project(tmp_path: Path) -> None:
    (tmp_path / "test_portal.py").write_text(
        textwrap.dedent(
            """
            from datetime import date

            def test_fixtures(vn_calendar, sample_catalogue):
                assert not vn_calendar.is_working_day(date(2024, 4, 29))
                assert sample_catalogue.get("1.001193").name == "Đăng ký khai sinh"
            """
        ),
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 passed" in result.stdout


def test_assert_compliant_judges_as_of_a_day() -> None:
    from datetime import date

    good = read_dossiers(DATA / "compliant.jsonl").records
    assert_compliant(good, as_of=date(2024, 3, 1))  # a date means the end of that day
    late = read_dossiers(
        DATA / "violations.jsonl", policy=LifecyclePolicy(max_reschedules=None)
    ).records
    with pytest.raises(NotCompliantError):
        assert_compliant(late, as_of=date(2026, 1, 1))
