"""The pytest plugin: fixtures for portals' test suites (registered by entry point).

With motcua installed, every pytest run gets these fixtures:

* ``motcua_catalogue``: the portal's catalogue (``motcua_catalogue`` option), else the
  sample catalogue;
* ``motcua_calendar``: the national calendar with the portal's announcement files
  (``motcua_announcements``) applied;
* ``motcua_schedule``: that calendar with the unit's office hours (``motcua_office_hours``);
* ``motcua_policy``: the lifecycle policy (``motcua_policy``);
* ``motcua_counter``: a fresh in-memory dossier-code counter per test;
* ``motcua_clock``: a :class:`~motcua.testing.clock.FixedClock` per test, standing at
  ``motcua_clock`` (default 2024-06-14T17:00 Vietnam time); motcua never reads it;
* ``vn_calendar`` and ``sample_catalogue``: the national calendar and the sample catalogue,
  whatever the options say.

Each option is an ini option (``[pytest]`` / ``[tool.pytest.ini_options]``; paths relative
to the ini file) and a command-line option (``--motcua-catalogue`` ...; paths relative to
the current directory), the command line winning. Values are read with motcua's own strict
readers; a bad value stops the run with the reader's one-line message. Disable the plugin
with ``-p no:motcua``.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Final

import attrs
import pytest

from motcua.domain.codes import InMemoryCounter
from motcua.domain.lifecycle import LifecyclePolicy
from motcua.domain.procedures import Catalogue
from motcua.foundation.errors import InvalidInputError, MotcuaError
from motcua.serialization.announcements import load_announcements
from motcua.serialization.catalogues import load_catalogue
from motcua.serialization.catalogues import sample_catalogue as _sample_catalogue
from motcua.serialization.instants import parse_instant
from motcua.testing.clock import FixedClock
from motcua.time.calendar import WorkingCalendar, vietnam_calendar
from motcua.time.deadlines import WorkSchedule
from motcua.time.hours import OfficeHours

__all__ = [
    "PortalConfig",
    "motcua_calendar",
    "motcua_catalogue",
    "motcua_clock",
    "motcua_counter",
    "motcua_policy",
    "motcua_schedule",
    "parse_policy",
    "read_config",
    "sample_catalogue",
    "vn_calendar",
]

_OPTIONS: Final = {
    "catalogue": "catalogue file (JSON or JSON Lines of procedures) for motcua_catalogue",
    "announcements": "announcement files (JSON or TOML) applied to motcua_calendar",
    "office_hours": "Monday-Friday counting sessions, e.g. '07:30-11:30,13:30-17:00'",
    "policy": "lifecycle policy, e.g. 'max_reschedules=none, exclude_obligation=false'",
    "clock": "the instant motcua_clock starts at (ISO 8601; no offset: Vietnam time)",
}
_DEFAULT_CLOCK: Final = "2024-06-14T17:00:00"
_POLICY_FIELDS: Final = tuple(a.name for a in attrs.fields(LifecyclePolicy))
_CONFIG_KEY: Final = pytest.StashKey["PortalConfig"]()


@attrs.frozen
class PortalConfig:
    """The plugin's options, read and checked (files are read when a fixture asks).

    Attributes:
        catalogue: The catalogue file, or None for the sample catalogue.
        announcements: Announcement files, applied in order.
        hours: The office hours (standard 08:00-12:00, 13:00-17:00 unless set).
        policy: The lifecycle policy.
        clock: The instant ``motcua_clock`` starts at.
    """

    catalogue: Path | None
    announcements: tuple[Path, ...]
    hours: OfficeHours
    policy: LifecyclePolicy
    clock: datetime


def parse_policy(text: str, where: str = "motcua_policy") -> LifecyclePolicy:
    """Read a lifecycle policy written ``name=value, ...`` (the fields of LifecyclePolicy).

    ``max_reschedules`` takes a whole number or ``none``; the others ``true`` or ``false``.
    Every field left out keeps its default.

    >>> parse_policy("max_reschedules=none, exclude_obligation=false")
    LifecyclePolicy(max_reschedules=None, intake_supplement_restarts=True, ...)
    >>> parse_policy("max_reschedule=2")
    Traceback (most recent call last):
    ...
    motcua.foundation.errors.InvalidInputError: motcua_policy: expected one of ...
    """
    values: dict[str, int | bool | None] = {}
    for item in (part.strip() for part in text.split(",")):
        if not item:
            continue
        name, sep, raw = (s.strip() for s in item.partition("="))
        if not sep or name not in _POLICY_FIELDS:
            raise InvalidInputError(
                where, "one of " + ", ".join(f"{f}=..." for f in _POLICY_FIELDS), item
            )
        if name in values:
            raise InvalidInputError(where, f"{name} once", item)
        if name == "max_reschedules":
            if raw == "none":
                values[name] = None
            elif raw.isascii() and raw.isdigit() and (raw == "0" or not raw.startswith("0")):
                values[name] = int(raw)
            else:
                raise InvalidInputError(f"{where} {name}", "a whole number or none", raw)
        elif raw in ("true", "false"):
            values[name] = raw == "true"
        else:
            raise InvalidInputError(f"{where} {name}", "true or false", raw)
    return LifecyclePolicy(**values)  # type: ignore[arg-type]


def pytest_addoption(parser: pytest.Parser) -> None:
    """Declare the ini and command-line options."""
    group = parser.getgroup("motcua", "motcua: check a one-stop portal's dossiers")
    for name, help_text in _OPTIONS.items():
        flag = "--motcua-" + name.replace("_", "-")
        if name == "announcements":
            parser.addini(f"motcua_{name}", help_text, type="linelist", default=[])
            group.addoption(flag, action="append", dest=f"motcua_{name}", help=help_text)
        else:
            parser.addini(f"motcua_{name}", help_text, default="")
            group.addoption(flag, dest=f"motcua_{name}", help=help_text)


def _base(config: pytest.Config, given: object) -> Path:
    """The directory the option's paths are relative to."""
    if given is not None:
        return config.invocation_params.dir
    return config.inipath.parent if config.inipath is not None else config.rootpath


def _text(config: pytest.Config, name: str) -> tuple[str, Path]:
    """The option's text (command line first, then ini) and its paths' directory."""
    given = config.getoption(f"motcua_{name}")
    value = given if given is not None else config.getini(f"motcua_{name}")
    return str(value), _base(config, given)


def read_config(config: pytest.Config) -> PortalConfig:
    """Read and check the plugin's options with motcua's strict readers."""
    catalogue, base = _text(config, "catalogue")
    given = config.getoption("motcua_announcements")
    files: list[str] = given if given is not None else config.getini("motcua_announcements")
    hours, _ = _text(config, "office_hours")
    policy, _ = _text(config, "policy")
    clock, _ = _text(config, "clock")
    return PortalConfig(
        catalogue=base / catalogue if catalogue else None,
        announcements=tuple(_base(config, given) / f for f in files),
        hours=OfficeHours.parse({"mon-fri": hours}) if hours else OfficeHours.standard(),
        policy=parse_policy(policy),
        clock=parse_instant(clock or _DEFAULT_CLOCK, "motcua_clock"),
    )


def pytest_configure(config: pytest.Config) -> None:
    """Check the options once, before any test runs; a bad one stops the run."""
    try:
        config.stash[_CONFIG_KEY] = read_config(config)
    except MotcuaError as exc:
        raise pytest.UsageError(f"motcua plugin: {exc}") from None


def _config(request: pytest.FixtureRequest) -> PortalConfig:
    return request.config.stash[_CONFIG_KEY]


@pytest.fixture(scope="session")
def motcua_catalogue(request: pytest.FixtureRequest) -> Catalogue:
    """The portal's catalogue (option ``motcua_catalogue``), else the sample catalogue."""
    path = _config(request).catalogue
    return _sample_catalogue() if path is None else load_catalogue(path)


@pytest.fixture(scope="session")
def motcua_calendar(request: pytest.FixtureRequest) -> WorkingCalendar:
    """The national calendar with the portal's announcement files applied, in order."""
    files = [load_announcements(path) for path in _config(request).announcements]
    if not files:
        return vietnam_calendar()
    through = [f.announced_through for f in files if f.announced_through is not None]
    return vietnam_calendar(
        extra=[a for f in files for a in f.announcements],
        announced_through=max(through) if through else None,
    )


@pytest.fixture(scope="session")
def motcua_schedule(
    request: pytest.FixtureRequest, motcua_calendar: WorkingCalendar
) -> WorkSchedule:
    """``motcua_calendar`` with the unit's office hours (option ``motcua_office_hours``)."""
    return WorkSchedule(motcua_calendar, _config(request).hours)


@pytest.fixture(scope="session")
def motcua_policy(request: pytest.FixtureRequest) -> LifecyclePolicy:
    """The lifecycle policy (option ``motcua_policy``; default ``LifecyclePolicy()``)."""
    return _config(request).policy


@pytest.fixture
def motcua_counter() -> InMemoryCounter:
    """A fresh in-memory dossier-code counter (``DossierCounter`` protocol) for each test."""
    return InMemoryCounter()


@pytest.fixture
def motcua_clock(request: pytest.FixtureRequest) -> FixedClock:
    """A fixed clock for each test, at option ``motcua_clock``; ``set()`` moves it."""
    return FixedClock(_config(request).clock)


@pytest.fixture(scope="session")
def vn_calendar() -> WorkingCalendar:
    """The national civil-service working calendar (2013-2099, announcements to 2026)."""
    return vietnam_calendar()


@pytest.fixture(scope="session")
def sample_catalogue() -> Catalogue:
    """Motcua's sample catalogue of real procedures, each cited."""
    return _sample_catalogue()
