"""The portal's fixtures, built on motcua's plugin fixtures (configured in pyproject.toml)."""

from __future__ import annotations

import pytest
from portal import Desk

import motcua
from motcua.testing import FixedClock

pytest_plugins = ["pytester"]


@pytest.fixture
def desk(
    motcua_catalogue: motcua.Catalogue,
    motcua_schedule: motcua.WorkSchedule,
    motcua_counter: motcua.DossierCounter,
    motcua_clock: FixedClock,
) -> Desk:
    """Our desk with our catalogue, calendar, office hours, a fresh counter and a fixed clock."""
    return Desk("000.00.53.H48", motcua_catalogue, motcua_schedule, motcua_counter, motcua_clock)
