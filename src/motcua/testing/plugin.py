"""The pytest plugin: fixtures for portals' test suites (registered by entry point).

With motcua installed, every pytest run gets:

* ``vn_calendar``: the national working calendar (``motcua.vietnam_calendar()``);
* ``sample_catalogue``: the sample catalogue of real procedures.

Disable it with ``-p no:motcua``.
"""

from __future__ import annotations

import pytest

from motcua.domain.procedures import Catalogue
from motcua.serialization.catalogues import sample_catalogue as _sample_catalogue
from motcua.time.calendar import WorkingCalendar, vietnam_calendar

__all__ = ["sample_catalogue", "vn_calendar"]


@pytest.fixture(scope="session")
def vn_calendar() -> WorkingCalendar:
    """The national civil-service working calendar (2018-2099, announcements to 2026)."""
    return vietnam_calendar()


@pytest.fixture(scope="session")
def sample_catalogue() -> Catalogue:
    """Motcua's sample catalogue of real procedures, each cited."""
    return _sample_catalogue()
