"""Layering: imports point down, and each third-party package has one importer.

The table below is the allowed-edges table of DESIGN.md §1; it doubles as documentation.
"""

from __future__ import annotations

import ast
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
    "dateutil": {"motcua.time.deadlines"},
    "hypothesis": {"motcua.testing.strategies"},
    "pytest": {"motcua.testing.plugin"},
}


def _modules() -> dict[str, Path]:
    out = {}
    for path in SRC.rglob("*.py"):
        rel = path.relative_to(SRC.parent).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def _layer(module: str) -> str:
    parts = module.split(".")
    if len(parts) == 1:
        return "root"
    if parts[1] == "__main__":
        return "cli"
    return parts[1]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_imports_point_down() -> None:
    bad = []
    for module, path in _modules().items():
        for name in _imports(path):
            if name == "motcua" or name.startswith("motcua."):
                target = _layer(name)
                if target not in ALLOWED[_layer(module)]:
                    bad.append(f"{module} imports {name}")
    assert bad == []


def test_third_party_confined() -> None:
    bad = []
    for module, path in _modules().items():
        for name in _imports(path):
            top = name.split(".")[0]
            if top in THIRD_PARTY and module not in THIRD_PARTY[top]:
                bad.append(f"{module} imports {name}")
    assert bad == []


def test_root_package_only_reexports() -> None:
    tree = ast.parse((SRC / "__init__.py").read_text(encoding="utf-8"))
    defs = [n.name for n in tree.body if isinstance(n, ast.FunctionDef | ast.ClassDef)]
    assert defs == ["__getattr__", "__dir__"]
