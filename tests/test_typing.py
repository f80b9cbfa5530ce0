"""The public constructors' types catch mistakes: ``mypy --strict`` over tests/typing/.

``reject.py`` holds calls that must be refused, each line marked ``# E``; ``accept.py``
holds calls that must pass. The test fails if mypy misses a marked line, reports an error on
an unmarked one, or rejects anything in ``accept.py``. Both files are excluded from the
project's own mypy run and from pytest collection (pyproject.toml).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

api = pytest.importorskip("mypy.api", reason="the typing test needs mypy (the dev extra)")

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent / "typing"
_ERROR = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+): error: ")


@pytest.fixture(scope="module")
def report() -> dict[str, set[int]]:
    """Run mypy once over both files; return the error lines of each file by name."""
    stdout, stderr, _status = api.run(
        [
            "--config-file",
            str(ROOT / "pyproject.toml"),
            "--strict",
            "--cache-dir",
            str(ROOT / ".mypy_cache" / "typing-test"),
            "--no-error-summary",
            "--show-absolute-path",
            str(HERE / "reject.py"),
            str(HERE / "accept.py"),
        ]
    )
    assert not stderr, stderr
    lines: dict[str, set[int]] = {"reject.py": set(), "accept.py": set()}
    for row in stdout.splitlines():
        match = _ERROR.match(row)
        if match is not None:
            lines.setdefault(Path(match["file"]).name, set()).add(int(match["line"]))
    return lines


def _marked(path: Path) -> set[int]:
    text = path.read_text(encoding="utf-8").splitlines()
    return {n for n, line in enumerate(text, start=1) if line.rstrip().endswith("# E")}


def test_every_wrong_call_is_rejected(report: dict[str, set[int]]) -> None:
    marked = _marked(HERE / "reject.py")
    assert len(marked) >= 30
    assert report["reject.py"] == marked, (
        f"mypy missed lines {sorted(marked - report['reject.py'])}, "
        f"flagged unmarked lines {sorted(report['reject.py'] - marked)}"
    )


def test_every_right_call_is_accepted(report: dict[str, set[int]]) -> None:
    assert report["accept.py"] == set()
    assert set(report) == {"reject.py", "accept.py"}
