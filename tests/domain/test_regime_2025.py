"""The 2025 regime: dates read in the texts, reception anywhere in the province, layouts."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path

import attrs
import pytest

from motcua.analyses.compliance import RULES, ComplianceConfig, Violation, check
from motcua.analyses.forms import FormSet, forms_on
from motcua.analyses.report_layouts import LAYOUTS, ReportLayout, layout_on
from motcua.cli import main
from motcua.domain.dossiers import Dossier
from motcua.domain.instruments import INSTRUMENTS, in_force_on, instrument
from motcua.domain.lifecycle import Received, Resolved
from motcua.foundation.confidence import Confidence
from motcua.foundation.errors import InvalidInputError
from motcua.serialization.dossiers import dumps_jsonl
from motcua.serialization.units import unit_registry
from motcua.time.limits import WorkingDays

ONE_DAY = timedelta(days=1)


def test_circular_03_2025_in_force_date_is_read_not_assumed() -> None:
    c03 = instrument("C03-2025")
    assert c03.in_force == date(2025, 9, 15)
    assert not c03.start_assumed
    assert "not read" not in c03.window()
    assert forms_on(date(2025, 9, 14)) is FormSet.TRANSITION_2025
    assert forms_on(date(2025, 9, 15)) is FormSet.CIRCULAR_03_2025


@pytest.mark.parametrize("key", ["D107-2021", "D367-2025"])
def test_unread_dates_stay_marked_and_a_corrected_table_moves_them(key: str) -> None:
    found = instrument(key)
    assert found.in_force is None
    assert found.start_assumed
    assert "in-force date not read" in found.window()
    assert found.signed is not None
    later = found.signed + timedelta(days=45)
    table = [attrs.evolve(i, in_force=later) if i is found else i for i in INSTRUMENTS]
    assert key not in in_force_on(later - ONE_DAY, table)
    assert key in in_force_on(later, table)


def test_every_instrument_boundary_the_day_before_and_the_day_of() -> None:
    for i in INSTRUMENTS:
        if i.start is not None:
            assert i.key not in in_force_on(i.start - ONE_DAY), i.key
            assert i.key in in_force_on(i.start), i.key
        if i.end is not None:
            assert i.key in in_force_on(i.end), i.key
            assert i.key not in in_force_on(i.end + ONE_DAY), i.key


def _received(day: date, receiving: str, deciding: str, n: int = 1) -> Dossier:
    at = datetime(day.year, day.month, day.day, 9)
    return Dossier(
        code=f"000.00.05.H48-{day:%y%m%d}-{n:04d}",
        procedure="2.001610",
        channel=1,
        limit=WorkingDays(3),
        events=(Received(at), Resolved(at + timedelta(hours=3))),
        receiving_unit=receiving,
        deciding_unit=deciding,
    )


def _scope(found: tuple[Violation, ...]) -> list[str]:
    return [v.message for v in found if v.rule == "receipt-scope"]


def test_receipt_scope_only_from_decree_118_2025() -> None:
    before, first = date(2025, 6, 30), date(2025, 7, 1)
    assert _scope(check(_received(before, "46", "48"))) == []  # Decree 61/2018: unsourced, off
    (message,) = _scope(check(_received(first, "46", "48")))
    assert "province 46" in message
    assert "province 48" in message
    assert _scope(check(_received(first, "48", "48"))) == []
    rule = next(r for r in RULES if r.id == "receipt-scope")
    assert rule.in_force == (first, None)
    assert rule.confidence is Confidence.SECONDARY
    assert {b.instrument for b in rule.bases} == {"D61-2018", "D118-2025"}
    # the unsourced Decree 61/2018 basis can be switched on, but is off by default
    on = ComplianceConfig(enabled={"receipt-scope"})
    assert len(_scope(check(_received(before, "46", "48"), config=on))) == 1


def test_receipt_scope_uses_the_registry_for_communes() -> None:
    day = date(2025, 10, 6)
    registry = unit_registry()
    # Phú Xuân and Kim Long, two wards of Huế (46): anywhere in the province is lawful
    assert _scope(check(_received(day, "19753", "19774"), registry=registry)) == []
    # Phú Xuân (Huế) receiving for a ward of Hà Nội (00004, province 01): outside its province
    (message,) = _scope(check(_received(day, "19753", "00004"), registry=registry))
    assert "province 46" in message
    assert "province 01" in message
    # without a registry a commune code's province is unknown: not judged
    assert _scope(check(_received(day, "19753", "00004"))) == []
    (unknown,) = _scope(check(_received(day, "99999", "19774"), registry=registry))
    assert "99999 is not a unit on 06/10/2025" in unknown


def test_cli_check_places_communes_with_the_shipped_registry(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    day = date(2025, 10, 6)
    path = tmp_path / "scope.jsonl"
    lawful, outside = _received(day, "19753", "19774", 1), _received(day, "19753", "00004", 2)
    path.write_text(dumps_jsonl([lawful, outside]), encoding="utf-8")
    assert main(["check", str(path), "--lang", "en"]) == 1
    out = capsys.readouterr().out
    assert out.count("[receipt-scope]") == 1
    assert f"[receipt-scope] {outside.code}:" in out


@pytest.mark.parametrize(
    ("day", "assumed", "unread"),
    [
        (date(2020, 12, 14), True, ()),
        (date(2020, 12, 15), False, ()),
        (date(2026, 2, 14), False, ()),
        (date(2026, 2, 15), False, ("Circular 5/2025/TT-VPCP",)),
    ],
)
def test_report_layout_by_date(day: date, assumed: bool, unread: tuple[str, ...]) -> None:
    choice = layout_on(day)
    assert choice.layout.key == "bieu-06-2020"
    assert choice.layout.instrument == "C01-2020"
    assert (choice.assumed, choice.unread) == (assumed, unread)
    assert len(choice.notes) == assumed + len(unread)


def test_a_later_layout_wins_from_its_instrument_day() -> None:
    successor = ReportLayout(
        "bieu-05-2025",
        "Biểu mẫu (giả định)",
        "Tình hình giải quyết",
        "C05-2025",
        "an annex once read",
        Confidence.RECALLED,
    )
    rows = (*LAYOUTS, successor)
    assert layout_on(date(2026, 2, 14), rows).layout.key == "bieu-06-2020"
    chosen = layout_on(date(2026, 2, 15), rows)
    assert (chosen.layout.key, chosen.unread) == ("bieu-05-2025", ())
    with pytest.raises(InvalidInputError, match="at least one layout"):
        layout_on(date(2026, 2, 15), ())
    with pytest.raises(Exception, match="instrument"):
        ReportLayout("x", "x", "x", "NOPE", "", Confidence.RECALLED)


def test_the_report_names_its_layout_and_keeps_research_notes_in_json(
    capsys: pytest.CaptureFixture[str],
) -> None:
    sample = Path(__file__).resolve().parents[2] / "examples" / "data" / "dossiers.jsonl"
    assert main(["report", str(sample), "--period", "2024-Q2"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("Biểu số 06/VPCP/KSTT (Thông tư 01/2020/TT-VPCP): 2024-Q2")
    assert main(["report", str(sample), "--period", "2026-Q1", "--lang", "en"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("Form 06/VPCP/KSTT (Circular 01/2020/TT-VPCP): 2026-Q1")
    assert "5/2025" not in text  # a research note: JSON only
    assert main(["report", str(sample), "--period", "2026-Q1", "--format", "json"]) == 0
    layout = json.loads(capsys.readouterr().out)["layout"]
    assert layout["instrument"] == "C01-2020"
    assert layout["unread"] == ["Circular 5/2025/TT-VPCP"]
    assert not layout["assumed"]
    assert main(["report", str(sample), "--period", "2020-Q3", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["layout"]["assumed"]
