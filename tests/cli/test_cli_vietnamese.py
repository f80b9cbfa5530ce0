"""Vietnamese first: the default text output of every command carries no English label.

Each command is run as a user would, without ``--lang``; its output (stdout and stderr) is
scanned for English words. Codes, identifiers and file names are not words of either
language and are cut out first; data recorded in English (a procedure's source notes, the
input names an indicator needs) is named below and left to its own line.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import attrs
import pytest

from motcua.cli import main
from motcua.serialization.catalogues import sample_catalogue
from motcua.serialization.render.procedures import procedure_text

DATA = Path(__file__).resolve().parent.parent.parent / "examples" / "data"
SAMPLE = str(DATA / "dossiers.jsonl")
OPEN = "000.31.48.H48-240613-0001"

#: Every command with text output, as a user runs it (no --lang).
COMMANDS = {
    "due": ["due", "2024-04-26T09:00", "--working-days", "5"],
    "due-provisional": ["due", "2031-03-03T09:00", "--working-days", "5"],
    "calendar": ["calendar", "2026"],
    "calendar-provisional": ["calendar", "2031"],
    "calendar-2013": ["calendar", "2013"],
    "dossier-show": ["dossier", "show", SAMPLE, "--as-of", "2024-06-17T10:00"],
    "dossier-show-stage-2": ["dossier", "show", SAMPLE, "--as-of", "2024-06-18T09:00"],
    "code-parse": ["code", "parse", "000.00.53.H48-220921-0099"],
    "procedure-show": ["procedure", "show", "1.001193"],
    "procedure-coverage": ["procedure", "coverage", "--on", "2024-06-01"],
    "period": ["period", "2025"],
    "report": [
        "report",
        SAMPLE,
        "--period",
        "2025",
        "--by",
        "level",
        "--by",
        "channel",
    ],
    "indicators": ["indicators", SAMPLE, "--period", "2024-Q1"],
    "check": ["check", SAMPLE],
    "check-violations": ["check", str(DATA / "violations.jsonl")],
    "check-violations-as-of": ["check", str(DATA / "violations.jsonl"), "--as-of", "2025-12-31"],
    "check-clean": ["check", str(DATA / "compliant.jsonl")],
    "notice-receipt": ["notice", "receipt", SAMPLE, "--code", "000.21.48.H48-240103-0001"],
    "notice-control": ["notice", "control", SAMPLE, "--code", "000.00.05.H48-240415-0001"],
    "notice-book": ["notice", "book", SAMPLE],
    "unit-show": ["unit", "show", "02", "--on", "2025-07-01"],
    "unit-find": ["unit", "find", "cong vi"],
    "unit-successors": ["unit", "successors", "00007", "--on", "2025-06-01"],
}

#: English words a label, a status or a note would use.
ENGLISH = frozenset(
    [
        "and",
        "are",
        "as",
        "at",
        "by",
        "day",
        "days",
        "due",
        "early",
        "for",
        "from",
        "hour",
        "hours",
        "in",
        "is",
        "late",
        "level",
        "minute",
        "minutes",
        "none",
        "not",
        "note",
        "of",
        "on",
        "or",
        "overdue",
        "pending",
        "points",
        "provisional",
        "received",
        "resolved",
        "the",
        "to",
        "total",
        "unknown",
        "violation",
        "violations",
        "warning",
        "with",
        "within",
        "working",
        "yet",
        "agency",
        "date",
        "serial",
        "channel",
        "status",
        "stage",
        "share",
        "full",
        "partial",
        "max",
        "needs",
        "computed",
        "province",
        "commune",
        "district",
        "announced",
        "consistent",
        "checked",
        "time",
        "left",
        "used",
        "calendar",
        "weekdays",
        "off",
        "make",
        "up",
    ]
)

#: A code, identifier, number, date or file name: cut out before the words are read.
TOKEN = re.compile(
    r"\S*[\d/_@.\\-]\S*"  # anything with a digit, slash, dot, underscore or dash
    r"|\[[a-z-]+\]"  # a compliance rule's id: [return-by-appointment]
    r"|dvcqg|decree-09|holidays|TTHC|DVCQG|UBND|NĐ-CP|QĐ-TTg",
)

#: The label of a note recorded in English: English is allowed only where it is said.
IN_ENGLISH = "nguồn (ghi chú bằng tiếng Anh, như trong danh mục): "

#: Data recorded in English that a command prints as recorded, with where it comes from.
AS_RECORDED = {
    # the catalogue's source notes: free text, printed as recorded under a label that says
    # it is English, except that each citation of an instrument is written the Vietnamese
    # way (tested below)
    "procedure-show": re.compile(rf"^\s*{re.escape(IN_ENGLISH)}.*$", re.MULTILINE),
}


def _words(text: str) -> set[str]:
    """The words of *text* written in ASCII letters only (Vietnamese words mostly are not)."""
    words = re.findall(r"[^\W\d_]+", TOKEN.sub(" ", text))
    return {w.lower() for w in words if w.isascii()}


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_default_output_is_vietnamese(capsys: pytest.CaptureFixture[str], name: str) -> None:
    status = main(COMMANDS[name])
    out, err = capsys.readouterr()
    assert status in (0, 1), err
    assert out.strip()
    text = out + err
    if name in AS_RECORDED:
        text = AS_RECORDED[name].sub("", text)
    assert _words(text) & ENGLISH == set(), text


@pytest.mark.parametrize(
    ("argv", "english"),
    [
        (COMMANDS["calendar"], "Weekdays off"),
        (COMMANDS["unit-show"], "province"),
        (COMMANDS["unit-successors"], "partial"),
        (COMMANDS["check-clean"], "no violations"),
        (COMMANDS["check-violations"], "without an apology letter"),
        (COMMANDS["procedure-show"], "Luật Hộ tịch 2014 Art. 16"),
        (COMMANDS["indicators"], "Decision 766/QĐ-TTg indicators"),
        (COMMANDS["period"], "note: the period straddles"),
        (COMMANDS["dossier-show-stage-2"], "warning stage 2/3"),
        (COMMANDS["due-provisional"], "note: provisional"),
    ],
)
def test_lang_en_gives_english(
    capsys: pytest.CaptureFixture[str], argv: list[str], english: str
) -> None:
    main([*argv, "--lang", "en"])
    out, err = capsys.readouterr()
    assert english in out + err


def test_the_scan_can_fail() -> None:
    assert _words("Ngày nghỉ trong tuần / Weekdays off:") & ENGLISH == {"weekdays", "off"}
    assert _words("000.00.53.H48-220921-0099 dvcqg-766-portal-2025 [apology]") == set()


#: Published figures as ``report verify`` reads them: consistent, contradictory, nothing to
#: check, and two periods that do not chain.
FIGURES = {
    "consistent": {
        "received_total": 1373,
        "resolved_total": 1360,
        "resolved_in_time": 1350,
        "resolved_late": 10,
        "pending_total": 13,
        "pending_within": 12,
    },
    "failed": {"received_total": 20, "resolved_total": 12, "resolved_in_time": 15},
    "nothing": {},
    "series": [
        {"received_total": 20, "resolved_total": 12, "pending_total": 8},
        {"carried_over": 3, "received_total": 5},
    ],
}


@pytest.mark.parametrize("name", sorted(FIGURES))
def test_report_verify_is_vietnamese(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str
) -> None:
    path = tmp_path / "figures.json"
    path.write_text(json.dumps(FIGURES[name]), encoding="utf-8")
    status = main(["report", "verify", str(path)])
    out, err = capsys.readouterr()
    assert status == (0 if name == "consistent" else 1), err
    assert out.strip()
    assert _words(out + err) & ENGLISH == set(), out
    assert main(["report", "verify", str(path), "--lang", "en"]) == status
    english = capsys.readouterr().out
    verdict = {"consistent": "consistent", "nothing": "nothing checked"}.get(name, "fail")
    assert verdict in english.splitlines()[-1]


def test_check_prints_rules_and_bases_the_vietnamese_way(
    capsys: pytest.CaptureFixture[str],
) -> None:
    main(COMMANDS["check-violations"])
    lines = capsys.readouterr().out.splitlines()
    by_rule = {line.split("]", 1)[0][1:]: line for line in lines[:-1]}
    assert len(by_rule) == len(lines) - 1 == 11  # one violation of each of 11 rules
    assert "— căn cứ: khoản 1 Điều 19 Nghị định 61/2018/NĐ-CP (" in by_rule["supplement-once"]
    assert "— căn cứ: Điều 11 Nghị định 45/2020/NĐ-CP (" in by_rule["online-8h"]
    assert "— căn cứ: Điều 19 Thông tư 01/2018/TT-VPCP (" in by_rule["code"]
    assert "điểm đ khoản 1 Chỉ thị 27/CT-TTg (" in by_rule["apology"]
    assert by_rule["reschedule"].startswith(
        "[reschedule] 000.00.05.H48-240401-0001: 2 lần hẹn lại ngày trả kết quả; chỉ được "
        "hẹn lại tối đa 1 lần — căn cứ: Nghị định 61/2018/NĐ-CP ("
    )
    for line in lines:
        for english in ("Decree", "Circular", "Directive", "Art.", "form 0"):
            assert english not in line, line


def test_check_lang_en_and_json_keep_the_english(capsys: pytest.CaptureFixture[str]) -> None:
    main([*COMMANDS["check-violations"], "--lang", "en"])
    lines = capsys.readouterr().out.splitlines()
    assert lines[2] == (
        "[reschedule] 000.00.05.H48-240401-0001: 2 new appointments; at most 1 allowed "
        "(Decree 61/2018/NĐ-CP overdue dossiers: the return date is rescheduled no more "
        "than once)"
    )
    assert lines[-1] == "11 violation(s) in 11 of 12 dossier(s)"
    main([*COMMANDS["check-violations"], "--format", "json"])
    items = json.loads(capsys.readouterr().out)["violations"]
    reschedule = next(v for v in items if v["rule"] == "reschedule")
    assert reschedule["message"] == "2 new appointments; at most 1 allowed"
    assert reschedule["message_vi"] == (
        "2 lần hẹn lại ngày trả kết quả; chỉ được hẹn lại tối đa 1 lần"
    )
    assert reschedule["basis"].startswith("Decree 61/2018/NĐ-CP overdue dossiers")
    assert reschedule["basis_vi"] == (
        "Nghị định 61/2018/NĐ-CP (hồ sơ quá hạn, hẹn lại ngày trả kết quả không quá một lần)"
    )
    assert all(v["message_vi"] and v["basis_vi"] for v in items)


def _catalogue_codes() -> list[str]:
    path = DATA.parent.parent / "src" / "motcua" / "data" / "catalogue.json"
    return [p["code"] for p in json.loads(path.read_text(encoding="utf-8"))["procedures"]]


@pytest.mark.parametrize("code", _catalogue_codes())
def test_procedure_sources_cite_the_vietnamese_way(
    capsys: pytest.CaptureFixture[str], code: str
) -> None:
    assert main(["procedure", "show", code]) == 0
    out = capsys.readouterr().out
    assert _words(AS_RECORDED["procedure-show"].sub("", out)) & ENGLISH == set(), out
    (source,) = (line for line in out.splitlines() if line.startswith(f"  {IN_ENGLISH}"))
    for english in ("Art.", "Decree", "Circular"):
        assert english not in source, source
    main(["procedure", "show", code, "--lang", "en"])
    (english_source,) = (
        line for line in capsys.readouterr().out.splitlines() if line.startswith("  source: ")
    )
    assert "Art." in english_source or "Circular" in english_source


def test_procedure_show_source_line(capsys: pytest.CaptureFixture[str]) -> None:
    main(COMMANDS["procedure-show"])
    (source,) = (line for line in capsys.readouterr().out.splitlines() if "nguồn" in line)
    assert source == (
        f"  {IN_ENGLISH}Code: DVCQG national procedure database. Time limit: Điều 16 Luật Hộ tịch "
        "2014 (immediately on receipt); the 15:00 cut-off as published in provincial "
        "procedure records. Fee exemption: điểm b khoản 1 Điều 11 Luật Hộ tịch. Channels: "
        "khoản 1 Điều 9 (in person, by post, online)."
    )


def test_a_source_recorded_in_vietnamese_is_not_labelled_english() -> None:
    procedure = sample_catalogue().get("1.001193")
    note = "Quyết định 1234/QĐ-UBND ngày 01/02/2024 của Ủy ban nhân dân tỉnh, theo Art. 9(1)"
    text = procedure_text(attrs.evolve(procedure, source=note))
    assert text.splitlines()[-1] == (
        "  nguồn: Quyết định 1234/QĐ-UBND ngày 01/02/2024 của Ủy ban nhân dân tỉnh, theo "
        "khoản 1 Điều 9"
    )
    english = procedure_text(attrs.evolve(procedure, source=note), lang="en")
    assert english.splitlines()[-1].startswith("  source: Quyết định 1234/QĐ-UBND")
