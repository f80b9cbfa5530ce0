"""The docs stay in step with the code."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path

import pytest

from motcua import ANNOUNCEMENTS, TRANSITIONS, Status

ROOT = Path(__file__).resolve().parent.parent


def _pages() -> dict[str, Callable[[str], str]]:
    spec = importlib.util.spec_from_file_location("render_docs", ROOT / "tools" / "render_docs.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    pages: dict[str, Callable[[str], str]] = module.PAGES
    return pages


@pytest.mark.parametrize("name", sorted(_pages()))
def test_generated_pages_are_current(name: str) -> None:
    page = (ROOT / "docs" / name).read_text(encoding="utf-8")
    assert page == _pages()[name](page), "run: python tools/render_docs.py"


def test_announcements_page_is_current() -> None:
    page = (ROOT / "docs" / "reference" / "announcements.md").read_text(encoding="utf-8")
    for ann in ANNOUNCEMENTS:
        for change in ann.changes:
            assert f"{change.day:%d/%m/%Y}" in page


def test_readme_opens_with_the_two_commands() -> None:
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    block = lines[lines.index("```sh") + 1 : lines.index("```sh") + 3]
    assert block == [
        "pip install . && motcua due 2024-04-26T09:00 --working-days 5",
        "pip install -e '.[test]' && pytest",
    ]


def test_changelog_has_unreleased_section() -> None:
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "## Unreleased" in text
    assert "### Added" in text


def test_every_doc_page_is_in_the_nav() -> None:
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    pages = [p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md")]
    missing = [p for p in pages if p not in nav]
    assert missing == []


def test_lifecycle_tables_are_generated_from_the_transition_table() -> None:
    page = (ROOT / "docs" / "explanation" / "lifecycle.md").read_text(encoding="utf-8")
    for status in Status:
        assert f"| `{status.value}` | {status.code} | {status.vi} |" in page
    for row in TRANSITIONS:
        assert f"`{row.event}`" in page
