"""Vietnamese first: the default text output of every command carries no English label.

Each command is run as a user would, without ``--lang``; its output (stdout and stderr) is
scanned for English words. Codes, identifiers and file names are not words of either
language and are cut out first; data recorded in English (a procedure's source notes, the
input names an indicator needs) is named below and left to its own line.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from motcua.cli import main

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

#: Data recorded in English that a command prints as recorded, with where it comes from.
AS_RECORDED = {
    # the catalogue's source notes (the sample catalogue's citations, in English)
    "procedure-show": re.compile(r"^\s*nguồn: .*$", re.MULTILINE),
    # compliance messages and bases are worded by the rules (analyses/compliance)
    "check": re.compile(r"^\[[a-z-]+\] .*$", re.MULTILINE),
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
