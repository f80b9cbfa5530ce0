"""The public API: one table, sorted, documented, importable from ``motcua``, lazy, frozen."""

from __future__ import annotations

import ast
import importlib
import inspect
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

import motcua
from motcua.foundation.errors import FrozenValueError

ROOT = Path(__file__).resolve().parent.parent
API_PAGE = ROOT / "docs" / "reference" / "api.md"


def _isort_key(name: str) -> tuple[int, str]:
    # The order ruff (RUF022) enforces: CONSTANTS, then Classes, then the rest.
    if name.isupper():
        return (0, name)
    return (1, name) if name[0].isupper() else (2, name)


def _documented() -> list[tuple[str, str]]:
    """(module, name) for every name docs/reference/api.md documents, testing toolkit aside."""
    text = API_PAGE.read_text(encoding="utf-8")
    out = []
    for module, members in re.findall(
        r"^::: (\S+)(?:\n    options:\n      members: \[(.*?)\])?$", text, flags=re.MULTILINE
    ):
        if module == "motcua.testing" or module.startswith("motcua.testing."):
            continue  # needs pytest or Hypothesis: lives in motcua.testing, as the page says
        names = [m.strip() for m in members.split(",")] if members else None
        if names is None:
            names = list(importlib.import_module(module).__all__)
        out += [(module, name) for name in names]
    return out


def _type_checking_imports() -> dict[str, str]:
    """Name -> module of the ``if TYPE_CHECKING:`` block of motcua/__init__.py."""
    tree = ast.parse(Path(motcua.__file__).read_text(encoding="utf-8"))
    blocks = [
        node
        for node in tree.body
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING"
    ]
    assert len(blocks) == 1
    out: dict[str, str] = {}
    for node in blocks[0].body:
        assert isinstance(node, ast.ImportFrom)
        assert node.module is not None
        for alias in node.names:
            assert alias.asname == alias.name, f"{alias.name}: re-export as itself"
            assert alias.name not in out, f"{alias.name} imported twice"
            out[alias.name] = node.module
    return out


def test_all_is_sorted_and_importable() -> None:
    assert list(motcua.__all__) == sorted(motcua.__all__, key=_isort_key)
    assert len(set(motcua.__all__)) == len(motcua.__all__)
    for name in motcua.__all__:
        assert getattr(motcua, name) is not None
        assert name in dir(motcua)
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        _ = motcua.nope


def test_one_table_drives_all_and_the_type_checking_block() -> None:
    table = motcua._EXPORTS
    assert sorted(motcua.__all__) == sorted([*table, "__version__"])
    assert _type_checking_imports() == table
    for name, module in table.items():
        assert getattr(motcua, name) is getattr(importlib.import_module(module), name), name


def test_everything_documented_is_importable_from_motcua() -> None:
    documented = _documented()
    assert len(documented) > 100
    missing = [f"{module}.{name}" for module, name in documented if name not in motcua.__all__]
    assert missing == [], "add them to motcua._EXPORTS (and the TYPE_CHECKING block)"
    for module, name in documented:
        assert getattr(motcua, name) is getattr(importlib.import_module(module), name), name


def test_the_analyses_layer_is_exported() -> None:
    from motcua.analyses import compliance, report

    for name in ("check", "Violation", "Regime", "check_catalogue", "check_figures", "RULES"):
        assert getattr(motcua, name) is getattr(compliance, name)
    for name in ("Bieu06", "Report", "Counts", "Dimension", "ReportPolicy"):
        assert getattr(motcua, name) is getattr(report, name)
    assert isinstance(motcua.parse_period("2024-Q2"), motcua.Period)
    assert motcua.Bieu06(motcua.parse_period("2024-Q2")).result().total == motcua.Counts()
    assert "DigitalFacts" in motcua.__all__


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
        with pytest.raises(FrozenValueError, match=r"cannot change a field"):
            value.count = 2  # type: ignore[misc]
        with pytest.raises(FrozenValueError):
            del value.count  # type: ignore[union-attr]
    assert issubclass(FrozenValueError, AttributeError)  # as attrs' FrozenInstanceError


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
    # ``import motcua`` loads no layer, no holidays and no cattrs; a name loads its module.
    code = (
        "import sys, motcua\n"
        "print(sorted(m for m in sys.modules if m.startswith(('motcua.', 'holidays', 'cattrs'))))\n"
        "motcua.compute_due\n"
        "print('holidays' in sys.modules, 'cattrs' in sys.modules,"
        " any(m.startswith('motcua.analyses') for m in sys.modules))\n"
        "motcua.check\n"
        "print('motcua.analyses.compliance' in sys.modules, 'cattrs' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.splitlines() == ["[]", "False False False", "True False"]


def test_py_typed_shipped() -> None:
    from importlib.resources import files

    assert files("motcua").joinpath("py.typed").is_file()
    assert motcua.vietnam_calendar().is_working_day(date(2024, 5, 4))
