"""``report verify`` as a careful reader: fixed point, bounds, conflicts, nothing checked."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from motcua.analyses.verify import KEYS, LEVELS, MAX_FIGURE, verify_figures, verify_series
from motcua.cli import main
from motcua.domain.units import Level
from motcua.foundation.errors import InvalidInputError
from motcua.serialization.render import checks_text, checks_to_json

# Published-style figure sets (as press releases and provincial portals print them) and the
# verdict a careful reader reaches. Each is built by hand from the Biểu 06 columns.
TABLE: list[tuple[str, dict[str, Any], str]] = [
    (
        "a quarter as printed, pending overdue left out",
        {
            "received_total": 1373,
            "resolved_total": 1360,
            "resolved_in_time": 1350,
            "resolved_late": 10,
            "pending_total": 13,
            "pending_within": 12,
        },
        "consistent",
    ),
    (
        "in time larger than resolved, while some are pending (two steps)",
        {"received_total": 20, "resolved_total": 12, "resolved_in_time": 15, "pending_total": 8},
        "inconsistent",
    ),
    (
        "early and in time given, on time implied, late would be negative",
        {"resolved_total": 10, "resolved_early": 3, "resolved_in_time": 12},
        "inconsistent",
    ),
    (
        "pending implied by the balance, then contradicted by its parts",
        {"received_total": 10, "resolved_total": 7, "pending_within": 2, "pending_overdue": 2},
        "inconsistent",
    ),
    (
        "new receipts as one total, with the channel split",
        {"received_total": 500, "carried_over": 40, "received_new": 460, "received_online": 300},
        "consistent",
    ),
    (
        "new receipts split that does not add up through the implied new total",
        {
            "received_total": 500,
            "carried_over": 40,
            "received_online": 300,
            "received_in_person_or_postal": 170,
        },
        "inconsistent",
    ),
    (
        "late or overdue combined, larger than its parts allow",
        {"late_or_overdue": 5, "resolved_late": 3, "pending_total": 4, "pending_within": 3},
        "inconsistent",
    ),
    (
        "late or overdue combined, matching",
        {"late_or_overdue": 4, "resolved_late": 3, "pending_total": 4, "pending_within": 3},
        "consistent",
    ),
    (
        "withdrawn or returned larger than resolved",
        {"resolved_total": 5, "withdrawn_or_returned": 6},
        "inconsistent",
    ),
    (
        "two known parts exceed their total while a third is unknown",
        {"resolved_total": 10, "resolved_early": 6, "resolved_on_time": 5},
        "inconsistent",
    ),
    ("nothing given", {}, "nothing checked"),
    ("a total alone", {"received_total": 1373}, "nothing checked"),
    ("due in the period alone", {"due_in_period": 40}, "nothing checked"),
    (
        "totals per level that add up",
        {
            "received_total": 35,
            "resolved_total": 30,
            "by_level": {
                "province": {"received_total": 10, "resolved_total": 9},
                "commune": {"received_total": 25, "resolved_total": 21},
            },
        },
        "consistent",
    ),
    (
        "totals per level that do not add up",
        {
            "received_total": 30,
            "by_level": {"province": {"received_total": 10}, "commune": {"received_total": 25}},
        },
        "inconsistent",
    ),
    (
        "a level's pending implied from the total and contradicted by its own parts",
        {
            "pending_total": 10,
            "by_level": {
                "province": {"pending_total": 4},
                "commune": {"pending_within": 5, "pending_overdue": 2},
            },
        },
        "inconsistent",
    ),
]


@pytest.mark.parametrize(
    ("figures", "verdict"), [(f, v) for _, f, v in TABLE], ids=[n for n, *_ in TABLE]
)
def test_the_verdict_a_careful_reader_reaches(figures: dict[str, Any], verdict: str) -> None:
    result = verify_figures(figures)
    assert result.outcome == verdict
    assert result.ok is (verdict == "consistent")
    for check in result.checks:
        assert "\n" not in check.message
        assert "\n" not in check.message_vi


def test_a_two_step_contradiction_names_the_numbers() -> None:
    result = verify_figures({"resolved_total": 10, "resolved_early": 3, "resolved_in_time": 12})
    assert result.implied["resolved_on_time"] == 9
    messages = [c.message for c in result.failures]
    assert any("resolved_late = -2" in m and "resolved_on_time 9 (implied)" in m for m in messages)


def test_a_figure_implied_twice_is_flagged() -> None:
    result = verify_figures(
        {"received_total": 10, "resolved_total": 7, "pending_within": 2, "pending_overdue": 2}
    )
    (failure,) = result.failures
    assert failure.conflict == ("pending_total", 3, 4)
    assert "implied twice with different values: 3 by" in failure.message
    assert "hai giá trị khác nhau" in failure.message_vi


def test_a_conflict_across_periods() -> None:
    result = verify_series([{"received_total": 10, "resolved_total": 7}, {"carried_over": 4}])
    (failure,) = result.failures
    assert failure.conflict == ("period 0 pending_total", 3, 4)


def test_a_value_implied_through_a_chain_feeds_the_next_period() -> None:
    result = verify_series(
        [{"received_total": 10, "resolved_total": 7}, {"carried_over": 3, "received_new": 5}]
    )
    assert result.outcome == "consistent"
    implied = [c.implied for c in result.checks if c.period == 1 and c.status == "implied"]
    assert ("received_total", 8) in implied


def test_levels_are_the_level_values() -> None:
    assert {level.value for level in Level} >= set(LEVELS)


@pytest.mark.parametrize(
    ("figures", "fragment"),
    [
        ({"by_level": {"huyện": {}}}, "one of ministry"),
        ({"by_level": []}, "an object of figures per level"),
        ({"by_level": {"province": {"by_level": {}}}}, "one of received_total"),
        ({"received_total": MAX_FIGURE + 1}, "at most"),
        ({"received_total": 10**5000}, "an integer of more than 20 digits"),
        ({"x\ny": 1}, "'x\\ny'"),
    ],
)
def test_bad_input_is_one_line(figures: dict[str, Any], fragment: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        verify_figures(figures, where="f $")
    assert fragment in str(info.value)
    assert "\n" not in str(info.value)


# -- properties -----------------------------------------------------------------------------

_LEAVES = (
    "carried_over",
    "received_online",
    "received_in_person_or_postal",
    "resolved_early",
    "resolved_on_time",
    "resolved_late",
    "pending_within",
    "withdrawn_or_returned",
)


def _full(leaf: dict[str, int]) -> dict[str, int]:
    """Every key from leaf counts (pending_overdue chosen so that the balance holds)."""
    f = dict(leaf)
    f["received_new"] = f["received_online"] + f["received_in_person_or_postal"]
    f["received_total"] = f["carried_over"] + f["received_new"]
    f["resolved_total"] = f["resolved_early"] + f["resolved_on_time"] + f["resolved_late"]
    f["resolved_in_time"] = f["resolved_early"] + f["resolved_on_time"]
    f["pending_total"] = f["received_total"] - f["resolved_total"]
    f["pending_overdue"] = f["pending_total"] - f["pending_within"]
    f["late_or_overdue"] = f["resolved_late"] + f["pending_overdue"]
    f["withdrawn_or_returned"] = min(f["withdrawn_or_returned"], f["resolved_total"])
    return f


consistent_figures = (
    st.fixed_dictionaries({k: st.integers(0, 500) for k in _LEAVES})
    .map(_full)
    .filter(lambda f: f["pending_total"] >= 0 and f["pending_overdue"] >= 0)
)


@given(consistent_figures, st.sets(st.sampled_from(KEYS)))
def test_true_figures_are_never_inconsistent(full: dict[str, int], shown: set[str]) -> None:
    published = {k: v for k, v in full.items() if k in shown}
    result = verify_figures(published)
    assert result.outcome in ("consistent", "nothing checked")
    for key, value in result.implied.items():
        assert full[key] == value


@given(consistent_figures, st.sampled_from(KEYS[:12]), st.integers(1, 50))
def test_a_wrong_figure_in_a_full_set_is_found(full: dict[str, int], key: str, delta: int) -> None:
    published = {**full, key: full[key] + delta}
    assert verify_figures(published).outcome == "inconsistent"


@given(consistent_figures, consistent_figures, st.sets(st.sampled_from(KEYS)))
def test_levels_that_add_up_are_never_inconsistent(
    a: dict[str, int], b: dict[str, int], shown: set[str]
) -> None:
    total = {k: a[k] + b[k] for k in a if k != "withdrawn_or_returned"}
    figures: dict[str, Any] = {k: v for k, v in total.items() if k in shown}
    figures["by_level"] = {
        "province": {k: v for k, v in a.items() if k in shown and k != "withdrawn_or_returned"},
        "commune": {k: v for k, v in b.items() if k in shown and k != "withdrawn_or_returned"},
    }
    assert verify_figures(figures).outcome in ("consistent", "nothing checked")


# -- rendering and the command ----------------------------------------------------------------


def test_text_and_json_say_nothing_checked() -> None:
    result = verify_figures({})
    assert checks_text(result).startswith("không kiểm tra được gì")
    assert checks_text(result, lang="en").startswith("nothing checked")
    with pytest.raises(InvalidInputError, match="lang"):
        checks_text(result, lang="fr")
    assert checks_to_json(result) == {
        "outcome": "nothing checked",
        "ok": False,
        "checked": 0,
        "checks": [],
    }


def test_cli_vietnamese_by_default_and_exit_status(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "f.json"
    path.write_text(
        json.dumps({"resolved_total": 10, "resolved_early": 3, "resolved_in_time": 12}),
        encoding="utf-8",
    )
    assert main(["report", "verify", str(path)]) == 1
    out = capsys.readouterr().out
    assert "SAI      đã giải quyết" in out
    assert "suy ra giải quyết đúng hạn = 9" in out
    assert out.endswith("2 kiểm tra không đạt\n")
    assert main(["report", "verify", str(path), "--lang", "vi"]) == 1
    assert capsys.readouterr().out == out
    assert main(["report", "verify", str(path), "--lang", "en"]) == 1
    out = capsys.readouterr().out
    assert "FAILED   resolved_total" in out
    assert out.endswith("2 identity(ies) fail\n")
    path.write_text("{}", encoding="utf-8")
    assert main(["report", "verify", str(path)]) == 1
    assert capsys.readouterr().out.startswith("không kiểm tra được gì")
    assert main(["report", "verify", str(path), "--lang", "en"]) == 1
    assert capsys.readouterr().out.startswith("nothing checked")
    assert main(["report", "verify", str(path), "--json"]) == 1
    assert json.loads(capsys.readouterr().out)["outcome"] == "nothing checked"
    path.write_text(json.dumps({"received_total": 10, "resolved_total": 7}), encoding="utf-8")
    assert main(["report", "verify", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["outcome"] == "consistent"
    assert {"pending_total": 3} in [c.get("implied") for c in data["checks"]]
