"""Layering: imports point down, no cycles, each third-party package has one importer.

The table below is the allowed-edges table of DESIGN.md §1; it doubles as documentation.
Every import counts, wherever it is written: at module level, inside a function (a lazy
import), under ``if TYPE_CHECKING:`` or in a ``try`` block.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "motcua"

#: layer -> layers it may import (itself included).
ALLOWED = {
    "foundation": {"foundation"},
    "time": {"foundation", "time"},
    "domain": {"foundation", "time", "domain"},
    "analyses": {"foundation", "time", "domain", "analyses"},
    "serialization": {"foundation", "time", "domain", "analyses", "serialization"},
    "cli": {"foundation", "time", "domain", "analyses", "serialization", "cli", "root"},
    "testing": {"foundation", "time", "domain", "analyses", "serialization", "testing", "root"},
    "root": {"foundation", "time", "domain", "analyses", "serialization", "root"},
}

#: third-party package -> the only module allowed to import it.
THIRD_PARTY = {
    "holidays": {"motcua.time.calendar"},
    "cattrs": {"motcua.serialization.converter"},
    "dateutil": {"motcua.time.civil_days"},
    "hypothesis": {"motcua.testing.strategies"},
    "pytest": {"motcua.testing.plugin"},
    # The runtime dependency attrs is used everywhere; the optional extras each have one home.
    "attrs": set(),
    "attr": set(),
    "msgspec": {"motcua.serialization.fast_json"},
    "dask": {"motcua.serialization.dask"},
    "distributed": {"motcua.serialization.dask"},
    "numpy": {"motcua.time.numpy_days"},
    "pandas": {"motcua.time.pandas_days"},
    "openpyxl": {"motcua.serialization.render.xlsx"},
    # For type checkers only (dataclass_transform on Python 3.10), never imported at run time.
    "typing_extensions": {"motcua.foundation.values"},
}
EVERYWHERE = {"attrs", "attr"}


def _modules() -> dict[str, Path]:
    out = {}
    for path in SRC.rglob("*.py"):
        rel = path.relative_to(SRC.parent).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def _sources() -> dict[str, tuple[str, bool]]:
    """Module -> (source, is a package)."""
    return {
        module: (path.read_text(encoding="utf-8"), path.name == "__init__.py")
        for module, path in _modules().items()
    }


def _layer(module: str) -> str:
    parts = module.split(".")
    if len(parts) == 1:
        return "root"
    if parts[1] == "__main__":
        return "cli"
    return parts[1]


def _imports(source: str, module: str, *, package: bool, known: Iterable[str] = ()) -> set[str]:
    """Every module *source* imports, anywhere in it (functions and TYPE_CHECKING included).

    ``from pkg import name`` counts as an import of ``pkg.name`` when that is a module of
    *known*, else of ``pkg``; relative imports are resolved against *module*.
    """
    modules = set(known)
    base = module.split(".") if package else module.split(".")[:-1]
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                anchor = base[: len(base) - node.level + 1]
                target = ".".join([*anchor, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                names.add(sub if sub in modules else target)
    return names


def _graph(sources: Mapping[str, tuple[str, bool]]) -> dict[str, set[str]]:
    """Module -> the motcua modules it imports."""
    return {
        module: {
            name
            for name in _imports(source, module, package=package, known=sources)
            if name in sources and name != module
        }
        for module, (source, package) in sources.items()
    }


def _cycles(graph: Mapping[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan), sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for succ in sorted(graph.get(node, ())):
            if succ not in index:
                visit(succ)
                low[node] = min(low[node], low[succ])
            elif succ in on_stack:
                low[node] = min(low[node], index[succ])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)


def _bad_edges(sources: Mapping[str, tuple[str, bool]]) -> list[str]:
    bad = []
    for module, (source, package) in sorted(sources.items()):
        for name in sorted(_imports(source, module, package=package, known=sources)):
            if name == "motcua" or name.startswith("motcua."):
                target = _layer(name)
                if target not in ALLOWED[_layer(module)]:
                    bad.append(f"{module} imports {name}")
    return bad


def test_imports_point_down() -> None:
    assert _bad_edges(_sources()) == []


def test_no_import_cycles() -> None:
    assert _cycles(_graph(_sources())) == []


def test_function_level_imports_are_read() -> None:
    # The cycle that once hid in a function: cli/_common.py imported parse_start from the
    # package that imports it.
    lazy = "def parse_as_of(text):\n    from motcua.cli import parse_start\n"
    sources = {**_sources(), "motcua.cli._common": (lazy, False)}
    cycles = _cycles(_graph(sources))
    assert any({"motcua.cli", "motcua.cli._common"} <= set(c) for c in cycles)
    upward = "def f():\n    from motcua.cli import main\n"
    sources = {**_sources(), "motcua.domain.units": (upward, False)}
    assert "motcua.domain.units imports motcua.cli" in _bad_edges(sources)
    typed = "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from motcua import cli\n"
    assert _imports(typed, "motcua.time.x", package=False, known=["motcua.cli"]) == {
        "typing",
        "motcua.cli",
    }


def test_relative_imports_are_resolved() -> None:
    known = ["motcua.analyses.report", "motcua.analyses.compliance.rules"]
    source = "from . import report\nfrom .compliance import rules\nfrom ..domain import units\n"
    assert _imports(source, "motcua.analyses.verify", package=False, known=known) == {
        "motcua.analyses.report",
        "motcua.analyses.compliance.rules",
        "motcua.domain",
    }
    inside = "from .rules import Rule\n"
    assert _imports(inside, "motcua.analyses.compliance", package=True) == {
        "motcua.analyses.compliance.rules"
    }


def test_third_party_confined() -> None:
    bad = []
    for module, (source, package) in _sources().items():
        for name in _imports(source, module, package=package):
            top = name.split(".")[0]
            if top in EVERYWHERE or top == "motcua":
                continue
            if top in THIRD_PARTY and module not in THIRD_PARTY[top]:
                bad.append(f"{module} imports {name}")
            elif top not in THIRD_PARTY and top not in sys.stdlib_module_names:
                bad.append(f"{module} imports {name}, a package with no declared home")
    assert bad == []


def test_root_package_only_reexports() -> None:
    tree = ast.parse((SRC / "__init__.py").read_text(encoding="utf-8"))
    defs = [n.name for n in tree.body if isinstance(n, ast.FunctionDef | ast.ClassDef)]
    assert defs == ["__getattr__", "__dir__"]
