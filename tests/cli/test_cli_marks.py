"""Research marks never reach a message people read: only JSON and ``--verbose`` carry them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from motcua.cli import main
from motcua.serialization.render.marks import has_marks, without_marks

DATA = Path(__file__).resolve().parent.parent.parent / "examples" / "data"
CATALOGUE = Path(__file__).resolve().parent.parent.parent / "src" / "motcua" / "data"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _codes() -> list[str]:
    data = json.loads((CATALOGUE / "catalogue.json").read_text(encoding="utf-8"))
    return [p["code"] for p in data["procedures"]]


TEXT_COMMANDS = [
    ("period", "2024-Q1"),
    ("period", "2024-9M"),
    ("period", "2025-Q3", "--calendar"),
    ("check", str(DATA / "violations.jsonl")),
    ("check", str(DATA / "dossiers.jsonl")),
    ("calendar", "2024"),
    ("calendar", "2027"),
    ("due", "2024-04-26T09:00", "--working-days", "5"),
    ("indicators", str(DATA / "dossiers.jsonl"), "--period", "2024"),
    ("report", str(DATA / "dossiers.jsonl"), "--period", "2024"),
    ("dossier", "show", str(DATA / "dossiers.jsonl"), "--as-of", "2024-06-30"),
    ("notice", "book", str(DATA / "violations.jsonl")),
    *(("procedure", "show", code) for code in _codes()),
]


@pytest.mark.parametrize("argv", TEXT_COMMANDS, ids=lambda a: " ".join(a[:3]))
def test_no_marks_in_text_output(
    capsys: pytest.CaptureFixture[str], argv: tuple[str, ...]
) -> None:
    status, out, err = run(capsys, *argv)
    assert status in (0, 1), err
    for line in (out + err).splitlines():
        assert not has_marks(line), line
        assert "not read" not in line
        for mark in ("[C]", "[S]", "[R]", "[R,", "corroborated"):
            assert mark not in line, line


def test_verbose_shows_the_marks(capsys: pytest.CaptureFixture[str]) -> None:
    _, _, err = run(capsys, "period", "2024-Q1", "--verbose")
    assert "[R, corroborated]" in err
    _, out, _ = run(capsys, "check", str(DATA / "violations.jsonl"), "--verbose")
    assert "article not read" in out
    codes = _codes()
    outs = [run(capsys, "procedure", "show", c, "--verbose")[1] for c in codes]
    assert any("[S]" in o for o in outs)


def test_json_keeps_the_marks(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "period", "2024-Q1", "--json")
    assert "[R, corroborated]" in json.loads(out)["basis"]
    _, out, _ = run(capsys, "check", str(DATA / "violations.jsonl"), "--format", "json")
    assert any("not read" in v["basis"] for v in json.loads(out)["violations"])


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        (
            "Decree 09/2019/NĐ-CP Art. 12 (15th-14th) [R, corroborated]",
            "Decree 09/2019/NĐ-CP Art. 12 (15th-14th)",
        ),
        ("a [C]; b (Art. 17-19 not read); c", "a; b; c"),
        (
            "Luật Hộ tịch 2014 Art. 16 (immediately on receipt) [R].",
            "Luật Hộ tịch 2014 Art. 16 (immediately on receipt).",
        ),
        (
            "Labour Code 2019 Art. 112 (Art. 111(3) for compensatory days)",
            "Labour Code 2019 Art. 112 (Art. 111(3) for compensatory days)",
        ),
        ("x (article not read; press summary of the decree [C])", "x"),
        ("Điều 9 Nghị định 61/2018/NĐ-CP", "Điều 9 Nghị định 61/2018/NĐ-CP"),
    ],
)
def test_without_marks(text: str, plain: str) -> None:
    assert without_marks(text) == plain
    assert not has_marks(plain)
