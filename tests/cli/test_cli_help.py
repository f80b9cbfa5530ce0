"""Help that teaches: every option has help, the kinds are listed, errors name what the user typed."""

from __future__ import annotations

import argparse
from collections.abc import Iterator

import pytest

from motcua.analyses.notices import NoticeKind
from motcua.cli import _parser, main
from motcua.cli.reporting import verify_parser


def _walk(parser: argparse.ArgumentParser, path: str) -> Iterator[tuple[str, argparse.Action]]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _walk(sub, f"{path} {name}")
        else:
            yield path, action


def _actions() -> list[tuple[str, argparse.Action]]:
    return [*_walk(_parser(), "motcua"), *_walk(verify_parser(), "motcua report verify")]


def test_the_tree_is_walked() -> None:
    paths = {path for path, _ in _actions()}
    assert {
        "motcua due",
        "motcua report",
        "motcua report verify",
        "motcua unit successors",
    } <= paths
    assert len(paths) >= 18


def test_every_option_has_help() -> None:
    missing = [
        f"{path} {'/'.join(a.option_strings) or a.metavar or a.dest}"
        for path, a in _actions()
        if not isinstance(a, argparse._HelpAction) and not (a.help and a.help.strip())
    ]
    assert missing == []


def test_subcommands_have_help() -> None:
    def walk(parser: argparse.ArgumentParser, path: str) -> Iterator[str]:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                helped = {c.dest for c in action._choices_actions if c.help}
                for name, sub in action.choices.items():
                    if name not in helped:
                        yield f"{path} {name}"
                    yield from walk(sub, f"{path} {name}")

    assert list(walk(_parser(), "motcua")) == []


def _help(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main([*argv, "--help"]) == 0
    return " ".join(capsys.readouterr().out.split())


def test_notice_help_lists_the_kinds(capsys: pytest.CaptureFixture[str]) -> None:
    text = _help(capsys, "notice")
    for kind in NoticeKind:
        assert kind.value in text
    assert "receipt receipt and appointment slip (form 01)" in text


def test_report_help_mentions_verify(capsys: pytest.CaptureFixture[str]) -> None:
    assert "motcua report verify FIGURES.json" in _help(capsys, "report")
    assert "--json" in _help(capsys, "report", "verify")


@pytest.mark.parametrize(
    "argv",
    [
        ("dossier",),
        ("dossier", "foo"),
        ("unit",),
        ("procedure", "nope"),
        ("nope",),
        ("code",),
        ("due", "2024-01-01", "--working-hours", "1/7"),
        ("due", "2024-01-01", "--working-days", "1/7"),
        ("due", "2024-01-01", "--working-hours", "1", "--office-hours", "08:00-07:00"),
        ("due", "2024-01-01", "--working-hours", "1", "--office-hours", "25:00-26:00"),
    ],
)
def test_errors_name_no_internals(
    capsys: pytest.CaptureFixture[str], argv: tuple[str, ...]
) -> None:
    assert main(list(argv)) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("motcua: error: ")
    assert err.count("\n") == 1
    for internal in (
        "argument action",
        "required: action",
        "unit_command",
        "WorkingHours",
        "WorkingDays",
        "Session",
        "office hours[",
        "Error",
    ):
        assert internal not in err, err


def test_office_hours_error_names_the_option(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["due", "2024-01-01", "--working-hours", "1", "--office-hours", "08:00-07:00"]
    assert main(argv) == 2
    assert capsys.readouterr().err.startswith("motcua: error: --office-hours: expected ")
    assert main(["due", "2024-01-01", "--working-hours", "1/7"]) == 2
    assert capsys.readouterr().err.startswith("motcua: error: --working-hours: expected ")
