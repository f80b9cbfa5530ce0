"""Procedures and catalogues as JSON; the sample catalogue shipped with motcua.

The catalogue file format is ``{"schema_version": 1, "procedures": [...]}``; each procedure
is the JSON form of :class:`~motcua.domain.procedures.Procedure` (see
``docs/reference/formats.md``).

>>> catalogue = sample_catalogue()
>>> catalogue.get("1.001193").name
'Đăng ký khai sinh'
>>> procedure_from_json(procedure_to_json(catalogue.get("1.004222"))) == catalogue.get("1.004222")
True
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from pathlib import Path
from typing import Any

from motcua.domain.procedures import Catalogue, Procedure
from motcua.foundation.errors import InvalidInputError
from motcua.serialization.converter import SCHEMA_VERSION, converter, structure
from motcua.serialization.files import ReadResult, Source, read_records

__all__ = [
    "catalogue_from_json",
    "catalogue_to_json",
    "load_catalogue",
    "procedure_from_json",
    "procedure_to_json",
    "read_procedures",
    "sample_catalogue",
]


def procedure_to_json(procedure: Procedure) -> dict[str, Any]:
    """Return the JSON object of a procedure (defaults left out)."""
    data: dict[str, Any] = converter().unstructure(procedure)
    return data


def procedure_from_json(data: object, where: str = "<data>", path: str = "$") -> Procedure:
    """Build a procedure from its JSON object; errors name *where* and the JSON path."""
    if not isinstance(data, dict):
        raise InvalidInputError(f"{where} {path}", "a procedure object", type(data).__name__)
    return structure(data, Procedure, where, path)


def catalogue_to_json(catalogue: Catalogue) -> dict[str, Any]:
    """Return the catalogue document ``{"schema_version": 1, "procedures": [...]}``."""
    return {
        "schema_version": SCHEMA_VERSION,
        "procedures": [procedure_to_json(p) for p in catalogue],
    }


def read_procedures(
    path: str | Path | Source, *, skip_invalid: bool = False, input_format: str | None = None
) -> ReadResult[Procedure]:
    """Read procedures from a catalogue JSON (or JSON Lines) file; ``-``: standard input."""
    return read_records(
        path,
        "procedures",
        procedure_from_json,
        skip_invalid=skip_invalid,
        input_format=input_format,
    )


def catalogue_from_json(data: object, where: str = "<data>") -> Catalogue:
    """Build a catalogue from a parsed catalogue document."""
    if not isinstance(data, dict) or "procedures" not in data:
        raise InvalidInputError(f"{where} $", "an object with a 'procedures' array", data)
    rows = data["procedures"]
    if not isinstance(rows, list):
        raise InvalidInputError(f"{where} $.procedures", "an array", type(rows).__name__)
    procedures = [
        procedure_from_json(row, where, f"$.procedures[{i}]") for i, row in enumerate(rows)
    ]
    try:
        return Catalogue(procedures)
    except InvalidInputError as exc:
        raise InvalidInputError(f"{where} $.procedures", exc.expected, exc.got, exc.hint) from None


def load_catalogue(path: str | Path | Source, input_format: str | None = None) -> Catalogue:
    """Read a catalogue file (JSON or JSON Lines of procedures); ``-``: standard input.

    Standard input is read as JSON unless *input_format* is ``jsonl``.
    """
    src = Source.of(path, input_format)
    result = read_procedures(src)
    try:
        return Catalogue(result.records)
    except InvalidInputError as exc:
        raise InvalidInputError(
            f"{src.name} $.procedures", exc.expected, exc.got, exc.hint
        ) from None


@functools.lru_cache(maxsize=1)
def sample_catalogue() -> Catalogue:
    """Return the sample catalogue shipped with motcua (real procedures, each cited).

    The entries, their sources and confidence are listed in ``docs/reference/catalogue.md``.
    """
    text = resources.files("motcua").joinpath("data/catalogue.json").read_text(encoding="utf-8")
    return catalogue_from_json(json.loads(text), "motcua/data/catalogue.json")
