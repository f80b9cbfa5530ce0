"""The shipped unit data: regenerated exactly by its tool, loaded lazily, read strictly."""

from __future__ import annotations

import gzip
import importlib.util
import json
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from motcua import InvalidInputError, registry_from_json, unit_registry

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT.parent / "shared" / "data" / "units"


@pytest.mark.skipif(not SOURCE.is_dir(), reason="the source data sets are not checked out")
def test_the_tool_regenerates_what_ships() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "generate_units.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_check_compares_what_a_gzip_file_holds(tmp_path: Path) -> None:
    """The gzip header differs across Python versions (3.10 and 3.11 write other OS bytes)."""
    spec = importlib.util.spec_from_file_location(
        "generate_units", ROOT / "tools" / "generate_units.py"
    )
    assert spec is not None
    assert spec.loader is not None
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    held = tmp_path / "units.json.gz"
    held.write_bytes(gzip.compress(b'{"a": 1}', mtime=12345))
    assert tool._same(held, gzip.compress(b'{"a": 1}', compresslevel=1, mtime=0))
    assert not tool._same(held, gzip.compress(b'{"a": 2}', mtime=12345))
    plain = tmp_path / "LICENSES.txt"
    plain.write_bytes(b"MIT")
    assert tool._same(plain, b"MIT")
    assert not tool._same(plain, b"MIT ")


def test_licences_ship_with_the_data() -> None:
    text = resources.files("motcua").joinpath("data/units-LICENSES.txt").read_text("utf-8")
    assert text.count("MIT License") == 2
    assert "dvhcvn" in text
    assert "thanglequoc/vietnamese-provinces-database" in text
    assert "82 links" in text


def test_import_does_not_load_the_data() -> None:
    code = (
        "import sys, motcua; motcua.Level; "
        "assert 'motcua.serialization.units' not in sys.modules; "
        "assert 'motcua.domain.unit_registry' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_loaded_once() -> None:
    assert unit_registry() is unit_registry()


def _doc() -> dict[str, object]:
    raw = resources.files("motcua").joinpath("data/units.json.gz").read_bytes()
    data: dict[str, object] = json.loads(gzip.decompress(raw))
    return data


@pytest.mark.parametrize(
    ("change", "match"),
    [
        (lambda d: d.update(format="other/1"), r"\$\.format"),
        (
            lambda d: d["units"].__setitem__(0, ["province"]),
            r"\$\.units\[0\]: expected an array of 10",
        ),
        (lambda d: d["units"][0].__setitem__(0, "canton"), r"\$\.units\[0\]"),
        (lambda d: d["units"][0].__setitem__(3, "30/06/2025"), r"\$\.units\[0\].*ISO date"),
        (lambda d: d["links"][0].__setitem__(3, "half"), r"\$\.links\[0\].*'half'"),
        (lambda d: d["links"][0].__setitem__(4, 999), r"\$\.links\[0\].*instruments"),
    ],
)
def test_bad_data_names_the_row(change: object, match: str) -> None:
    data = _doc()
    change(data)  # type: ignore[operator]
    with pytest.raises(InvalidInputError, match=match):
        registry_from_json(data, "f.json")
