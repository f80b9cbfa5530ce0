"""Compliance rules: a passing and a failing golden case per rule; the CLI; configuration."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings

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


# -- the messages and bases in Vietnamese ----------------------------------------------------

#: Each rule's violation in examples/data/violations.jsonl, as the rule words it in Vietnamese.
MESSAGES_VI = {
    "appointment": "giấy tiếp nhận ghi ngày hẹn trả kết quả 11:00 20/03/2024, muộn hơn thời "
    "điểm tính theo thời hạn quy định 10:00 20/03/2024",
    "apology": "quá hạn (hạn 10:00 14/03/2024) mà không có văn bản xin lỗi",
    "reschedule": "2 lần hẹn lại ngày trả kết quả; chỉ được hẹn lại tối đa 1 lần",
    "supplement-once": "2 lần yêu cầu bổ sung hồ sơ ở bước thẩm định; chỉ được yêu cầu một lần",
    "online-8h": "nộp trực tuyến lúc 08:00 06/05/2024; đến 17:00 06/05/2024 chưa được tiếp "
    "nhận hoặc yêu cầu bổ sung (thời hạn 8 giờ làm việc)",
    "return-by-appointment": "trả kết quả lúc 09:00 11/06/2024, sau ngày hẹn 17:00 10/06/2024",
    "code": "ngày ghi trong mã hồ sơ (10/06/2024) khác ngày tiếp nhận (11/06/2024)",
    "no-district": "giải quyết ở cấp huyện ngày 04/08/2025, sau khi cấp huyện đã kết thúc hoạt "
    "động",
    "office-hours": "tiếp nhận lúc 18:00 01/07/2024, ngoài giờ làm việc, nhưng ngày hẹn 17:00 "
    "03/07/2024 đã tính cả thời gian đó; ngày hẹn đúng là 17:00 04/07/2024",
    "intake-check": "nộp lúc 09:00 10/05/2024; trả lời lúc 09:00 14/05/2024, sau 09:00 "
    "13/05/2024 (thời gian kiểm tra 1 ngày làm việc)",
    "receipt-scope": "hồ sơ do trung tâm thuộc tỉnh 46 (đơn vị 46) tiếp nhận cho cơ quan thuộc "
    "tỉnh 48 (đơn vị 48); trung tâm chỉ tiếp nhận không phụ thuộc địa giới hành chính trong "
    "phạm vi tỉnh của mình",
    "step-allotments": "thời gian phân bổ cho các bước cộng lại là 32 giờ làm việc; thời hạn "
    "theo quy định là 24",
}

#: Each rule's bases in force on its violation's day, the Vietnamese way (notes cut).
BASES_VI = {
    "appointment": "Nghị định 61/2018/NĐ-CP (...); mẫu số 01 Thông tư 01/2018/TT-VPCP (...)",
    "apology": "Nghị định 61/2018/NĐ-CP (...); điểm đ khoản 1 Chỉ thị 27/CT-TTg (...)",
    "reschedule": "Nghị định 61/2018/NĐ-CP (...)",
    "supplement-once": "khoản 1 Điều 19 Nghị định 61/2018/NĐ-CP (...)",
    "online-8h": "Điều 11 Nghị định 45/2020/NĐ-CP (...)",
    "return-by-appointment": "Nghị định 61/2018/NĐ-CP (...); mẫu số 01 và mẫu số 04 Thông tư "
    "01/2018/TT-VPCP (...)",
    "code": "Điều 19 Thông tư 01/2018/TT-VPCP (...)",
    "no-district": "khoản 1 Điều 1 Nghị định 118/2025/NĐ-CP (...)",
    "office-hours": "Nghị định 61/2018/NĐ-CP (...)",
    "intake-check": "Nghị định 61/2018/NĐ-CP (...)",
    "receipt-scope": "khoản 2 Điều 14 Nghị định 118/2025/NĐ-CP (...)",
    "step-allotments": "Nghị định 61/2018/NĐ-CP (...)",
}


def _notes_cut(text: str) -> str:
    """*text* with each outermost parenthesised note replaced by ``(...)``."""
    out, depth = [], 0
    for ch in text:
        if ch == "(":
            if depth == 0:
                out.append("(...)")
            depth += 1
        elif ch == ")":
            depth -= 1
        elif depth == 0:
            out.append(ch)
    return "".join(out)


def test_every_rule_words_its_violation_in_vietnamese() -> None:
    from motcua.serialization.render.analyses import violation_basis_vi

    found = check(_read("violations.jsonl"), catalogue=CHECKED)
    assert sorted(MESSAGES_VI) == sorted(BASES_VI) == sorted(r.id for r in RULES)
    assert {v.rule: v.message_vi for v in found} == MESSAGES_VI
    assert {v.rule: _notes_cut(violation_basis_vi(v)) for v in found} == BASES_VI
    for v in found:
        # The English stays as it was: the message, and the bases with their reading notes.
        assert v.message
        assert v.message != v.message_vi
        assert v.basis == "; ".join(b.text for b in v.bases)


ENGLISH_IN_A_CITATION = ("Art.", "Decree", "Circular", "Directive", "Decision", "form", "read")


def test_every_sourced_basis_has_a_vietnamese_citation() -> None:
    from motcua.serialization.render.analyses import basis_vi

    rules: tuple[Rule[Any], ...] = (*RULES, *CATALOGUE_RULES, REPORT_IDENTITIES)
    for rule in rules:
        for b in rule.bases:
            text = basis_vi(b)
            for english in ENGLISH_IN_A_CITATION:
                assert english not in text, (rule.id, text)
            if b.sourced:
                assert b.note_vi or b.article, (rule.id, b.instrument)
            else:  # off by default: the instrument alone, no reading note
                assert text in {"Quyết định 09/2015/QĐ-TTg", "Nghị định 61/2018/NĐ-CP"}


def test_vietnamese_wording_of_the_other_branches() -> None:
    from motcua.analyses.compliance.rules import Context

    # The apology's notice period follows its day_kind parameter.
    apology = next(r for r in RULES if r.id == "apology")
    late_letter = _read("compliant.jsonl")[4]  # late, the letter one working day before
    params = {"day_kind": "working", "notice_days": 5, "require_explanation": True}
    (v,) = apology.violations(late_letter, Context(params=params), name="x")
    assert v.message_vi == (
        "văn bản xin lỗi lúc 09:00 04/06/2024 gửi muộn hơn 5 ngày làm việc trước hạn giải "
        "quyết 06/06/2024"
    )
    (v,) = apology.violations(
        late_letter, Context(params={**params, "day_kind": "calendar"}), name="x"
    )
    assert "gửi muộn hơn 5 ngày trước hạn" in v.message_vi
    # Catalogue and figures rules.
    posted = check_catalogue(sample_catalogue(), on=date(2024, 6, 1))
    assert posted[0].message_vi == "chưa niêm yết (tại trụ sở và điện tử) ngày 01/06/2024"
    assert posted[0].message == "not posted (physical and electronic) on 01/06/2024"
    bad = check_figures([{"pending_total": 3}, {"carried_over": 4}])
    assert bad[0].message_vi.startswith("kỳ 1 từ kỳ trước chuyển sang 4")
    # A dossier whose limit is not the procedure's (the appointment rule).
    wrong = attrs.evolve(_read("compliant.jsonl")[0], limit=WorkingDays(30))
    (terms,) = (v for v in check(wrong, catalogue=sample_catalogue()) if "limit" in v.facts)
    assert terms.message_vi.startswith("thời hạn của hồ sơ (30 ngày làm việc) khác thời hạn")


def test_a_rule_worded_in_english_only_is_printed_as_worded() -> None:
    from motcua.analyses.compliance.rules import Basis, Context, Message
    from motcua.serialization.render import violations_text, violations_to_json

    def english(_d: Dossier, _ctx: Context) -> list[tuple[Message | str, dict[str, str]]]:
        return [("always wrong", {})]

    rule: Rule[Dossier] = Rule(
        "local", "A local rule", (Basis("D61-2018", "Art. 9", Confidence.RECALLED),), {}, english
    )
    (v,) = rule.violations(_read("compliant.jsonl")[0], Context(), name="X")
    assert (v.message, v.message_vi) == ("always wrong", "")
    assert violations_text([v], 1).splitlines()[0] == (
        "[local] X: always wrong — căn cứ: Nghị định 61/2018/NĐ-CP"
    )
    assert violations_to_json([v])[0]["message_vi"] is None
    # Worded in both languages, the rule's Vietnamese is printed.
    both: Rule[Dossier] = attrs.evolve(
        rule, check=lambda _d, _c: [(Message("always wrong", "luôn sai"), {})]
    )
    (v,) = both.violations(_read("compliant.jsonl")[0], Context(), name="X")
    assert violations_text([v], 1).splitlines()[0].startswith("[local] X: luôn sai — căn cứ: ")
    assert violations_text([v], 1, lang="en").splitlines()[0] == (
        "[local] X: always wrong (Decree 61/2018/NĐ-CP Art. 9)"
    )


#: English words a rule's message would use; none may appear in its Vietnamese wording.
ENGLISH_WORDS = frozenset(
    [
        "the",
        "of",
        "at",
        "by",
        "on",
        "and",
        "or",
        "is",
        "not",
        "no",
        "late",
        "due",
        "day",
        "days",
        "hours",
        "working",
        "received",
        "submitted",
        "online",
        "appointment",
        "appointments",
        "letter",
        "stage",
        "level",
        "district",
        "province",
        "unit",
        "centre",
        "allowed",
        "after",
        "before",
        "than",
        "request",
        "requests",
        "answered",
        "missing",
        "posted",
        "limit",
    ]
)


@pytest.mark.parametrize("rule", [r.id for r in RULES])
def test_random_violations_are_worded_in_vietnamese(rule: str) -> None:
    import re

    from motcua import unit_registry
    from motcua.testing.strategies import violating_dossiers

    registry = unit_registry()
    catalogue = CHECKED if rule == "intake-check" else sample_catalogue()

    @settings(max_examples=15, deadline=None)
    @given(violating_dossiers(rule, catalogue, registry=registry))
    def run(d: Dossier) -> None:
        found = check(d, catalogue=catalogue, registry=registry)
        assert found
        for v in found:
            assert v.message_vi, v.message
            words = {w.lower() for w in re.findall(r"[^\W\d_]+", v.message_vi) if w.isascii()}
            assert words & ENGLISH_WORDS == set(), v.message_vi
            assert v.bases

    run()
