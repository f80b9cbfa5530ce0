"""Fixtures of the fuzz suite: a scratch directory, and the caches built before the time cap.

No Hypothesis profile is loaded here (that would change every test of the run): each fuzz
test takes its bounded, derandomized settings from :func:`tests.fuzz.guards.fuzz`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from motcua.serialization.catalogues import sample_catalogue
from motcua.serialization.converter import converter
from motcua.time.calendar import vietnam_calendar


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory for the fuzzed files (module-scoped: Hypothesis reuses it per example)."""
    return tmp_path_factory.mktemp("fuzz")


@pytest.fixture(scope="session", autouse=True)
def _built_once() -> None:
    """Build the shared caches first, so the per-input time cap measures the input alone."""
    sample_catalogue()
    converter()
    vietnam_calendar()
