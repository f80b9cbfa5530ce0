"""The public API: sorted, documented, typed, frozen values."""

from __future__ import annotations

import inspect
import subprocess
import sys
from datetime import date

import attrs
import pytest

import motcua


def _isort_key(name: str) -> tuple[int, str]:
    # The order ruff (RUF022) enforces: CONSTANTS, then Classes, then the rest.
    if name.isupper():
        return (0, name)
    return (1, name) if name[0].isupper() else (2, name)


def test_all_is_sorted_and_importable() -> None:
    assert list(motcua.__all__) == sorted(motcua.__all__, key=_isort_key)
    for name in motcua.__all__:
        assert getattr(motcua, name) is not None
    assert "load_announcements" in dir(motcua)
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        _ = motcua.nope


def test_every_public_name_is_documented() -> None:
    missing = []
    for name in motcua.__all__:
        obj = getattr(motcua, name)
        if inspect.isclass(obj) or inspect.isfunction(obj):
            if not inspect.getdoc(obj):
                missing.append(name)
            for member_name, member in vars(obj).items() if inspect.isclass(obj) else ():
                if member_name.startswith("_"):
                    continue
                if (
                    inspect.isfunction(member) or isinstance(member, property | classmethod)
                ) and not inspect.getdoc(member):
                    missing.append(f"{name}.{member_name}")
    assert missing == []


def test_values_are_frozen() -> None:
    for value in (
        motcua.WorkingDays(1),
        motcua.OfficeHours.standard(),
        motcua.vietnam_calendar(range(2024, 2025)),
    ):
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            value.count = 2  # type: ignore[misc, union-attr]


def test_errors_are_also_builtins() -> None:
    assert issubclass(motcua.InvalidInputError, ValueError)
    assert issubclass(motcua.OutsideCalendarError, ValueError)
    assert issubclass(motcua.ConfigurationError, ValueError)
    for cls in (motcua.InvalidInputError, motcua.OutsideCalendarError, motcua.ConfigurationError):
        assert issubclass(cls, motcua.MotcuaError)
    err = motcua.InvalidInputError("field", "a thing", 3, "do this")
    assert (err.field, err.expected, err.got, err.hint) == ("field", "a thing", 3, "do this")
    assert str(err) == "field: expected a thing, got 3; do this"


def test_import_is_light() -> None:
    code = "import sys, motcua; print('holidays' in sys.modules, 'cattrs' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_py_typed_shipped() -> None:
    from importlib.resources import files

    assert files("motcua").joinpath("py.typed").is_file()
    assert motcua.vietnam_calendar().is_working_day(date(2024, 5, 4))
