"""The pytest plugin for a real portal: a separate project runs the how-to's example."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from motcua import Catalogue, catalogue_to_json, sample_catalogue
from motcua.foundation.errors import InvalidInputError
from motcua.testing.plugin import parse_policy

ROOT = Path(__file__).resolve().parent.parent.parent
HOW_TO = ROOT / "docs" / "how-to" / "pytest.md"

#: A local closure on Tuesday 2024-05-07 (the how-to's example checks it).
CLOSURES = {
    "announcements": [
        {
            "instrument": "",
            "issuer": "UBND xã (test)",
            "subject": "Nghỉ đột xuất",
            "source": "tests/testing/test_plugin.py",
            "scope": "local",
            "changes": [
                {
                    "day": "2024-05-07",
                    "kind": "day_off",
                    "name_vi": "Nghỉ đột xuất",
                    "name_en": "Local closure",
                }
            ],
        }
    ]
}


def _doc_files() -> dict[str, str]:
    """The how-to's code blocks that open with a ``# <file name>`` line, by file name."""
    text = HOW_TO.read_text(encoding="utf-8")
    files = {}
    for block in re.findall(r"```(?:ini|python)\n(.*?)```", text, flags=re.DOTALL):
        first, _, rest = block.partition("\n")
        match = re.fullmatch(r"# ([\w./-]+\.(?:py|ini))", first)
        if match is not None:
            files[match[1]] = rest if match[1].endswith(".ini") else block
    return files


def _project(tmp_path: Path) -> Path:
    """A portal project of its own: two procedures, a closure, the how-to's files."""
    data = tmp_path / "data"
    data.mkdir()
    own = Catalogue([sample_catalogue().get(c) for c in ("1.004222", "1.001193")])
    (data / "catalogue.json").write_text(json.dumps(catalogue_to_json(own)), encoding="utf-8")
    (data / "closures.json").write_text(json.dumps(CLOSURES), encoding="utf-8")
    files = _doc_files()
    assert set(files) == {"pytest.ini", "test_portal.py"}
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def _pytest(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=cwd,
    )


def test_the_how_to_example_passes_in_a_separate_project(tmp_path: Path) -> None:
    result = _pytest(_project(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "4 passed" in result.stdout


def test_command_line_options_win_and_bad_values_stop_the_run(tmp_path: Path) -> None:
    project = _project(tmp_path)
    (project / "test_more.py").write_text(
        "def test_policy(motcua_policy, motcua_catalogue, motcua_clock):\n"
        "    assert motcua_policy.max_reschedules is None\n"
        "    assert len(motcua_catalogue) == 2\n"
        "    assert motcua_clock.now.isoformat() == '2025-01-02T08:00:00+07:00'\n",
        encoding="utf-8",
    )
    ok = _pytest(
        project,
        "test_more.py",
        "--motcua-policy=max_reschedules=none",
        "--motcua-clock=2025-01-02T08:00",
    )
    assert ok.returncode == 0, ok.stdout + ok.stderr
    bad = _pytest(project, "test_more.py", "--motcua-office-hours=7:30-11:30")
    assert bad.returncode == 4, bad.stdout + bad.stderr
    lines = [line for line in bad.stderr.splitlines() if "motcua plugin:" in line]
    assert len(lines) == 1
    assert "office hours" in lines[0]


def test_parse_policy_is_strict() -> None:
    policy = parse_policy("max_reschedules=2, intake_supplement_restarts=false")
    assert (policy.max_reschedules, policy.intake_supplement_restarts) == (2, False)
    assert parse_policy("") == parse_policy(" , ")
    for bad in ("max_reschedules=-1", "max_reschedules=01", "exclude_obligation=yes", "x=1"):
        with pytest.raises(InvalidInputError):
            parse_policy(bad)
    with pytest.raises(InvalidInputError, match="once"):
        parse_policy("max_reschedules=1, max_reschedules=2")
