"""Vietnamese first: the default text output of every command carries no English label.

Each command is run as a user would, without ``--lang``; its output (stdout and stderr) is
scanned for English words. Codes, identifiers and file names are not words of either
language and are cut out first. English is allowed only where the output says it is
English (a catalogue's source notes, ``--verbose`` research notes, a calendar event's
English name: :data:`SAID_ENGLISH`). Every subcommand of the parser, every notice kind
and every text format of ``report`` and ``calendar`` is scanned
(:func:`test_every_subcommand_and_format_is_scanned`): the pages and workbooks by their
text, the iCalendar files by their summaries and descriptions.
"""

from __future__ import annotations

import argparse
import html
import importlib.util
import io
import json
import re
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import attrs
import pytest

from motcua.analyses.notices import NoticeKind
from motcua.cli import main, parser
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
    # every other subcommand and option that changes the text
    "due-unit": ["due", "2026-03-06T09:00", "--working-days", "1", "--unit", "19753"],
    "due-same-day": ["due", "26/04/2024 15:30", "--same-day", "--cutoff", "15:00"],
    "due-months": ["due", "2024-04-26", "--months", "1"],
    "calendar-unit": ["calendar", "2026", "--unit", "19753"],
    "dossier-show-history": [*["dossier", "show", SAMPLE], "--history", "--as-of", "2024-06-17"],
    "dossier-show-no-as-of": ["dossier", "show", SAMPLE, "--history"],
    "code-parse-portal": ["code", "parse", "G09.20-20240506-0092637"],
    "code-parse-opaque": ["code", "parse", "H48.1.2-240506-12345"],
    "code-parse-bad-day": ["code", "parse", "000.00.53.H48-221321-0099"],
    "code-parse-14-digits": ["code", "parse", "20240506123456"],
    "code-parse-letters": ["code", "parse", "000.0A.53.H48-220921-0099"],
    "code-parse-level-1-first": ["code", "parse", "H15.50.05.13-261008-0975"],
    "code-parse-long-serial": ["code", "parse", "000.00.53.H48-220921-12345"],
    "procedure-show-verbose": ["procedure", "show", "1.004222", "--verbose"],
    "period-verbose": ["period", "2024-9M", "--verbose"],
    "period-calendar": ["period", "2024-Q1", "--calendar", "--verbose"],
    "report-markdown": [
        "report",
        SAMPLE,
        "--period",
        "2024",
        "--by",
        "agency",
        "--format",
        "markdown",
    ],
    "report-csv": ["report", SAMPLE, "--period", "2024", "--by", "field", "--format", "csv"],
    "report-html": ["report", SAMPLE, "--period", "2024-H1", "--by", "agency", "--format", "html"],
    "report-2019": ["report", SAMPLE, "--period", "2019"],
    "report-2026": ["report", SAMPLE, "--period", "2026-Q1", "--by", "level"],
    "indicators-2025": ["indicators", SAMPLE, "--period", "2025", "--calendar"],
    "check-verbose": [
        "check",
        str(DATA / "violations.jsonl"),
        "--verbose",
        "--as-of",
        "2025-12-31",
    ],
    "notice-supplement": ["notice", "supplement", SAMPLE, "--code", "000.31.48.H48-240610-0001"],
    "notice-refusal": ["notice", "refusal", SAMPLE, "--code", "000.21.48.H48-240520-0001"],
    "notice-apology": ["notice", "apology", SAMPLE, "--code", "000.00.05.H48-240415-0001"],
    "notice-receipt-html": [
        *["notice", "receipt", SAMPLE, "--code", "000.21.48.H48-240103-0001"],
        *["--format", "html"],
    ],
    "notice-control-html": [
        *["notice", "control", SAMPLE, "--code", "000.00.05.H48-240415-0001"],
        *["--format", "html"],
    ],
    "notice-book-html": ["notice", "book", SAMPLE, "--format", "html"],
    "notice-receipt-ics": [
        *["notice", "receipt", SAMPLE, "--code", "000.21.48.H48-240103-0001"],
        *["--format", "ics"],
    ],
    "notice-apology-ics": [
        *["notice", "apology", SAMPLE, "--code", "000.00.05.H48-240415-0001"],
        *["--format", "ics"],
    ],
    "calendar-ics": ["calendar", "2026", "--format", "ics"],
    "unit-find-level": ["unit", "find", "ba dinh", "--level", "commune"],
    "unit-successors-province": ["unit", "successors", "02", "--on", "2025-06-30"],
}

#: Subcommands whose output is a data format, not text people read, and why.
DATA_ONLY = {
    "dossier export-dvcqg": "prints DVCQG payloads (JSON)",
    "procedure import": "prints a motcua catalogue (JSON)",
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
        # citations, codes and notes as the English wording writes them
        "decree",
        "circular",
        "directive",
        "decision",
        "art",
        "article",
        "read",
        "form",
        "code",
        "limit",
        "fee",
        "source",
        "reason",
        "convention",
        "tells",
        "part",
        "identifier",
        "unique",
        "sender",
        "portal",
        "ministry",
        "number",
        "needs",
        "inputs",
        "layout",
        "returned",
        "submitted",
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

#: English that the output says is English, to the end of its line (or its bracket).
SAID_ENGLISH = re.compile(
    # the catalogue's source notes: free text, printed as recorded under a label that says
    # it is English, except that each citation of an instrument is written the Vietnamese
    # way (tested below)
    rf"{re.escape(IN_ENGLISH)}.*$"
    # --verbose: how each source was read, as the digests record it
    r"|ghi chú nghiên cứu, tiếng Anh: .*$"
    # a calendar event's English name, for bilingual calendars
    r"|Tiếng Anh: .*$"
    # the API's names of an indicator's missing inputs (identifiers)
    r"|thiếu số liệu đầu vào [a-z_]+(?:, [a-z_]+)*",
    re.MULTILINE,
)
#: Kept for the tests below: the procedure's source line.
AS_RECORDED = {"procedure-show": re.compile(rf"^\s*{re.escape(IN_ENGLISH)}.*$", re.MULTILINE)}


def _words(text: str) -> set[str]:
    """The words of *text* written in ASCII letters only (Vietnamese words mostly are not)."""
    words = re.findall(r"[^\W\d_]+", TOKEN.sub(" ", text))
    return {w.lower() for w in words if w.isascii()}


def _ics_text(data: str) -> str:
    """The text people read in an iCalendar file: names, summaries and descriptions."""
    unfolded = re.sub(r"\r?\n[ \t]", "", data)
    values = re.findall(
        r"^(?:X-WR-CALNAME|SUMMARY|DESCRIPTION|LOCATION):(.*)$", unfolded, re.MULTILINE
    )
    return "\n".join(
        v.replace("\\n", "\n").replace("\\,", ",").replace("\\;", ";").replace("\\\\", "\\")
        for v in values
    )


def _page_text(page: str) -> str:
    """The text of an HTML page: no style sheet, no tags, entities read."""
    page = re.sub(r"<style>.*?</style>", " ", page, flags=re.DOTALL)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def _readable(argv: list[str], out: str) -> str:
    """What a person reads of a command's output."""
    fmt = argv[argv.index("--format") + 1] if "--format" in argv else "text"
    if fmt == "html":
        return _page_text(out)
    if fmt == "ics":
        return _ics_text(out)
    return out


def _assert_vietnamese(text: str) -> None:
    english = _words(SAID_ENGLISH.sub("", text)) & ENGLISH
    lines = [line for line in text.splitlines() if _words(SAID_ENGLISH.sub("", line)) & ENGLISH]
    assert english == set(), "\n".join(lines)


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_default_output_is_vietnamese(capsys: pytest.CaptureFixture[str], name: str) -> None:
    status = main(COMMANDS[name])
    out, err = capsys.readouterr()
    assert status in (0, 1), err
    assert out.strip()
    _assert_vietnamese(_readable(COMMANDS[name], out) + err)


def _shifted(record: dict[str, Any], weeks: int) -> dict[str, Any]:
    """*record* moved *weeks* later: its instants and the date in its code (same weekdays)."""
    moved: dict[str, Any] = json.loads(json.dumps(record))
    step = timedelta(weeks=weeks)
    for event in moved["events"]:
        for key in ("at", "new_appointment"):
            if key in event:
                event[key] = (datetime.fromisoformat(event[key]) + step).isoformat()
    head, day, serial = moved["code"].rsplit("-", 2)
    shifted = date(2000 + int(day[:2]), int(day[2:4]), int(day[4:])) + step
    moved["code"] = f"{head}-{shifted:%y%m%d}-{serial}"
    return moved


#: Sample dossiers with a supplement, a refusal, an apology and a stop, by the form each
#: gives; moved 78 weeks on, into October-December 2025, they fall under Circular 03/2025's
#: forms (same weekdays, no holiday in between).
LATE = {
    "supplement": "000.31.48.H48-240610-0001",
    "refusal": "000.21.48.H48-240520-0001",
    "extension": "000.00.05.H48-240415-0001",
    "stop": "000.00.05.H48-240513-0001",
}


@pytest.fixture
def files(tmp_path: Path) -> dict[str, str]:
    """Inputs made from the sample: its DVCQG payloads, and dossiers of late 2025."""
    payloads = tmp_path / "payloads.json"
    out = io.StringIO()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("sys.stdout", out)
        assert main(["dossier", "export-dvcqg", SAMPLE]) == 0
    payloads.write_text(out.getvalue(), encoding="utf-8")
    records = {
        r["code"]: r
        for r in map(json.loads, Path(SAMPLE).read_text(encoding="utf-8").splitlines())
    }
    late = {form: _shifted(records[code], 78) for form, code in LATE.items()}
    path = tmp_path / "late.jsonl"
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in late.values()), "utf-8"
    )
    return {"payloads": str(payloads), "late": str(path)} | {
        form: r["code"] for form, r in late.items()
    }


#: Commands on the files the fixture makes ({names} filled from it).
FILE_COMMANDS = {
    "dossier-import-dvcqg": ["dossier", "import-dvcqg", "{payloads}", "--history"],
    "dossier-import-dvcqg-as-of": [
        *["dossier", "import-dvcqg", "{payloads}"],
        *["--as-of", "2024-06-17T10:00"],
    ],
    "notice-supplement-2025": ["notice", "supplement", "{late}", "--code", "{supplement}"],
    "notice-refusal-2025": ["notice", "refusal", "{late}", "--code", "{refusal}"],
    "notice-extension-2025": ["notice", "extension", "{late}", "--code", "{extension}"],
    "notice-stop-2025": ["notice", "stop", "{late}", "--code", "{stop}"],
    "notice-control-2025": ["notice", "control", "{late}", "--code", "{extension}"],
    "notice-book-2025": ["notice", "book", "{late}"],
}


@pytest.mark.parametrize("name", sorted(FILE_COMMANDS))
def test_default_output_on_made_files_is_vietnamese(
    capsys: pytest.CaptureFixture[str], files: dict[str, str], name: str
) -> None:
    argv = [a.format_map(files) for a in FILE_COMMANDS[name]]
    status = main(argv)
    out, err = capsys.readouterr()
    assert status in (0, 1), err
    assert out.strip()
    _assert_vietnamese(_readable(argv, out) + err)


@pytest.mark.skipif(importlib.util.find_spec("openpyxl") is None, reason="the xlsx extra")
def test_the_workbook_is_vietnamese(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    import openpyxl  # type: ignore[import-untyped,unused-ignore]  # only with the extra

    argv = ["report", SAMPLE, "--period", "2024-H1", "--by", "level", "--by", "channel"]
    assert main([*argv, "--format", "xlsx"]) == 0
    sheet = openpyxl.load_workbook(io.BytesIO(capsysbinary.readouterr().out)).active
    cells = [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    assert len(cells) > 20
    _assert_vietnamese("\n".join(cells))


def _leaves(action_parser: argparse.ArgumentParser, prefix: str = "") -> list[str]:
    """The parser's commands that run something: ``due``, ``dossier show``..."""
    out = []
    for action in action_parser._actions:  # argparse keeps them there
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                out += _leaves(sub, f"{prefix}{name} ") or [f"{prefix}{name}"]
    return out


def test_every_subcommand_and_format_is_scanned() -> None:
    scanned = [*COMMANDS.values(), *FILE_COMMANDS.values()]
    heads = {" ".join(argv[:2]) for argv in scanned} | {argv[0] for argv in scanned}
    missing = [c for c in _leaves(parser()) if c not in heads and c not in DATA_ONLY]
    assert missing == []
    kinds = {argv[1] for argv in scanned if argv[0] == "notice"}
    assert kinds == {k.value for k in NoticeKind}
    formats = {
        (argv[0], argv[argv.index("--format") + 1] if "--format" in argv else "default")
        for argv in scanned
    }
    for command, fmts in {
        "report": ("default", "markdown", "csv", "html"),  # xlsx: its own test; json: data
        "calendar": ("default", "ics"),
        "notice": ("default", "html", "ics"),
        "check": ("default",),
    }.items():
        assert {(command, f) for f in fmts} <= formats, command


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
    with pytest.raises(AssertionError, match="Reason"):
        _assert_vietnamese("Mã hồ sơ  X\nReason  Circular 01/2018 Art. 19 expects ...")
    _assert_vietnamese("căn cứ: Điều 9 [ghi chú nghiên cứu, tiếng Anh: Decree 61/2018 (not read)]")
    with pytest.raises(AssertionError):
        _assert_vietnamese("nguồn: Code: DVCQG. Time limit: the same day")


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
