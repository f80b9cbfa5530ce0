"""Help that teaches: examples in the epilogs, and they run; -V; errors name options as typed."""

from __future__ import annotations

import argparse
import re
import shlex
from collections.abc import Iterator
from pathlib import Path

import pytest

from motcua import __version__
from motcua.cli import main, parser

SAMPLE = Path(__file__).resolve().parent.parent.parent / "examples" / "data" / "dossiers.jsonl"

#: Commands whose help ends with examples (the others are listed in the issue's follow-up).
WITH_EXAMPLES = (
    "motcua",
    "motcua due",
    "motcua calendar",
    "motcua period",
    "motcua indicators",
    "motcua report",
    "motcua notice",
    "motcua unit",
    "motcua unit show",
    "motcua unit find",
    "motcua unit successors",
)


def _walk(p: argparse.ArgumentParser, name: str) -> Iterator[tuple[str, argparse.ArgumentParser]]:
    yield name, p
    for action in p._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub, child in action.choices.items():
                yield from _walk(child, f"{name} {sub}")


PARSERS = dict(_walk(parser(), "motcua"))


def _examples(name: str) -> list[str]:
    """The example command lines of a command's epilog ("example:", "examples:", "Example:")."""
    epilog = PARSERS[name].epilog or ""
    match = re.search(r"(?i)\bexamples?:", epilog)
    if match is None:
        return []
    return [m.strip() for m in re.findall(r"motcua [^\n]*", epilog[match.end() :])]


@pytest.mark.parametrize("name", WITH_EXAMPLES)
def test_help_ends_with_examples(capsys: pytest.CaptureFixture[str], name: str) -> None:
    assert _examples(name), f"{name} --help has no examples"
    assert main([*name.split()[1:], "--help"]) == 0
    out = " ".join(capsys.readouterr().out.split())  # the help may rewrap a long epilog
    assert all(" ".join(line.split()) in out for line in _examples(name))


def _runnable() -> list[str]:
    lines = []
    for name in WITH_EXAMPLES:
        for line in _examples(name):
            if "CODE" in line or "COMMAND" in line or "closures" in line:
                continue  # placeholders for the user's own values
            if "motcua notice" in line and "--code" not in line:
                continue
            lines.append(line)
    return lines


@pytest.mark.parametrize("line", _runnable())
def test_examples_run(capsysbinary: pytest.CaptureFixture[bytes], line: str) -> None:
    argv = shlex.split(line.split(" > ", 1)[0])[1:]
    argv = [str(SAMPLE) if a == "dossiers.jsonl" else a for a in argv]
    assert main(argv) in (0, 1)  # 1: a finding (a violation), not an error
    out, err = capsysbinary.readouterr()
    assert out
    assert b"error" not in err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    for flag in ("-V", "--version"):
        assert main([flag]) == 0
        assert capsys.readouterr().out.strip() == f"motcua {__version__}"


@pytest.mark.parametrize(
    ("argv", "named"),
    [
        (["due", "2024-04-26", "--working-days", "abc"], "--working-days"),
        (["due", "2024-04-26", "--same-day", "--cutoff", "25:00"], "--cutoff"),
        (["calendar", "20x6"], "YEAR"),
        (["unit", "show", "02", "--on", "hôm nay"], "--on"),
        (["unit", "find", "x", "--level", "village"], "--level"),
        (["calendar", "2026", "--lang", "fr"], "--lang"),
        (["report", str(SAMPLE), "--period", "2024-Q5"], "--period"),
        (
            [
                "notice",
                "control",
                str(SAMPLE),
                "--code",
                "000.21.48.H48-240103-0001",
                "--format",
                "ics",
            ],
            "--format",
        ),
    ],
)
def test_errors_name_the_option(
    capsys: pytest.CaptureFixture[str], argv: list[str], named: str
) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1  # one line
    assert named in err
    assert "Namespace" not in err
    assert "WorkingDays" not in err
