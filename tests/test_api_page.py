"""The API reference and the public API agree both ways (tests/test_public_api.py: one way).

Every name ``motcua`` exports is documented on docs/reference/api.md, every testing-toolkit
name too, and every name the page lists exists in its module's ``__all__``: a name added to
the API without its reference entry, or a page entry left behind by a rename, fails here.
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

import motcua

API_PAGE = Path(__file__).resolve().parent.parent / "docs" / "reference" / "api.md"
TOOLKIT = ("motcua.testing", "motcua.testing.plugin", "motcua.testing.strategies")


def _page() -> dict[str, list[str]]:
    """Module -> the members the page lists (its whole ``__all__`` when it lists none)."""
    out: dict[str, list[str]] = {}
    text = API_PAGE.read_text(encoding="utf-8")
    for module, members in re.findall(
        r"^::: (\S+)(?:\n    options:\n      members: \[(.*?)\])?$", text, flags=re.MULTILINE
    ):
        names = [m.strip() for m in members.split(",")] if members else []
        out.setdefault(module, []).extend(names or importlib.import_module(module).__all__)
    return out


def test_every_exported_name_is_on_the_page() -> None:
    documented = {name for names in _page().values() for name in names}
    missing = sorted(set(motcua.__all__) - documented - {"__version__"})
    assert missing == [], "document them in docs/reference/api.md"


@pytest.mark.parametrize("module", TOOLKIT)
def test_every_toolkit_name_is_on_the_page(module: str) -> None:
    listed = _page().get(module, [])
    missing = sorted(set(importlib.import_module(module).__all__) - set(listed))
    assert missing == [], f"document them under ::: {module}"


def test_every_name_on_the_page_exists() -> None:
    stale = [
        f"{module}.{name}"
        for module, names in _page().items()
        for name in names
        if name not in getattr(importlib.import_module(module), "__all__", ())
        and not hasattr(importlib.import_module(module), name)
    ]
    assert stale == []


def test_the_checker_reads_the_page_format() -> None:
    page = _page()
    assert "vietnam_calendar" in page["motcua.time.calendar"]
    assert "violating_dossiers" in page["motcua.testing.strategies"]
    assert len({n for names in page.values() for n in names}) > 200
