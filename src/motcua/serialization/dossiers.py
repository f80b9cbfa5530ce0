"""Dossiers as JSON and JSON Lines.

A dossier record is the JSON form of :class:`~motcua.domain.dossiers.Dossier`::

    {"schema_version": 1, "code": "000.00.53.H48-240102-0001", "procedure": "1.001193",
     "channel": 1, "limit": {"unit": "same_day", "cutoff": "15:00"},
     "events": [{"type": "received", "at": "2024-01-02T08:15:00+07:00"}, ...]}

``limit`` (and ``rule``) may be left out when a catalogue is given and lists the procedure:
they are then taken from the procedure's term for the record's channel and ``case``. The
library never falls back to the sample catalogue on its own: pass it if you mean it. Files
are read by :mod:`motcua.serialization.files` (JSON documents ``{"dossiers": [...]}``,
arrays, single records, or JSON Lines, from a file or standard input).

>>> from motcua.serialization.catalogues import sample_catalogue
>>> from motcua.serialization.dossiers import dossier_from_json, dossier_to_json
>>> d = dossier_from_json({"code": "000.00.53.H48-240102-0001", "procedure": "1.001193",
...     "channel": 1, "events": [{"type": "received", "at": "2024-01-02T15:30:00+07:00"}]},
...     catalogue=sample_catalogue())
>>> d.limit, str(d.due().at)
(SameDay(cutoff=datetime.time(15, 0)), '2024-01-03 17:00:00+07:00')
>>> dossier_from_json(dossier_to_json(d)) == d
True
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

from motcua.domain.dossiers import Dossier
from motcua.domain.lifecycle import Event, LifecyclePolicy
from motcua.domain.procedures import Catalogue, Channel, TermStart
from motcua.foundation.errors import InvalidInputError, NotFoundError
from motcua.serialization.converter import (
    SCHEMA_VERSION,
    converter,
    limit_to_json,
    structure,
    structure_event,
)
from motcua.serialization.files import (
    ReadResult,
    Source,
    check_schema_version,
    iter_records,
    read_records,
)

__all__ = [
    "dossier_from_json",
    "dossier_to_json",
    "dumps_jsonl",
    "event_from_json",
    "event_to_json",
    "iter_dossiers",
    "read_dossiers",
    "write_jsonl",
]


def dossier_to_json(dossier: Dossier) -> dict[str, Any]:
    """Return the JSON record of a dossier (with ``schema_version``; defaults left out)."""
    data: dict[str, Any] = converter().unstructure(dossier)
    return {"schema_version": SCHEMA_VERSION, **data}


def event_to_json(event: Event) -> dict[str, Any]:
    """Return the tagged JSON object of one event, e.g. ``{"type": "received", "at": ...}``."""
    data: dict[str, Any] = converter().unstructure(event)
    return data


def event_from_json(data: object, where: str = "<data>", path: str = "$") -> Event:
    """Build one event from its tagged JSON object (for portals appending events one by one).

    >>> event_from_json({"type": "resolved", "at": "2024-05-14T16:00:00+07:00"}).kind
    'resolved'
    """
    return structure_event(data, where, path)


def _fill_terms(
    data: dict[str, Any], where: str, path: str, catalogue: Catalogue | None
) -> dict[str, Any]:
    if "limit" in data:
        return data
    if catalogue is None:
        raise InvalidInputError(
            f"{where} {path}.limit",
            "a time limit (required when no catalogue is given)",
            None,
            "add 'limit' to the record, or pass the catalogue that lists its procedure",
        )
    code = data.get("procedure")
    if not isinstance(code, str):
        raise InvalidInputError(f"{where} {path}.procedure", "a procedure code string", code)
    case = data.get("case", "")
    if not isinstance(case, str):
        raise InvalidInputError(f"{where} {path}.case", "a string", case)
    try:
        procedure = catalogue.get(code)
        channel = structure(data.get("channel"), Channel, where, f"{path}.channel")
        term = procedure.term(channel, case or None)
    except NotFoundError as exc:
        raise InvalidInputError(
            f"{where} {path}.limit",
            "a time limit, or a procedure and channel the catalogue knows",
            str(exc),
            "add 'limit' to the record or pass a catalogue that lists the procedure",
        ) from None
    except InvalidInputError as exc:
        raise exc.within(f"{where} {path}") from None
    filled = dict(data, limit=limit_to_json(term.limit))
    if term.rule is not None and "rule" not in data:
        filled["rule"] = term.rule.value
    if term.starts is not TermStart.COMPLETE_DOSSIER and "starts" not in data:
        filled["starts"] = term.starts.value
    return filled


def dossier_from_json(
    data: object,
    where: str = "<data>",
    path: str = "$",
    *,
    catalogue: Catalogue | None = None,
    policy: LifecyclePolicy | None = None,
) -> Dossier:
    """Build a dossier from its JSON record; errors name *where* and the JSON path.

    Args:
        data: The parsed record.
        where: The file (and line) it came from, for error messages.
        path: The JSON path of the record within the document.
        catalogue: Where to find a procedure's terms when the record has no ``limit``
            (without one, ``limit`` is required).
        policy: The lifecycle policy to replay under, unless the record states its own.
    """
    if not isinstance(data, dict):
        raise InvalidInputError(f"{where} {path}", "a dossier object", type(data).__name__)
    check_schema_version(data, where)
    body = {k: v for k, v in data.items() if k != "schema_version"}
    body = _fill_terms(body, where, path, catalogue)
    if policy is not None and "policy" not in body:
        body["policy"] = converter().unstructure(policy)
    return structure(body, Dossier, where, path)


def iter_dossiers(
    path: str | Path | Source,
    *,
    catalogue: Catalogue | None = None,
    policy: LifecyclePolicy | None = None,
    input_format: str | None = None,
) -> Iterator[Dossier | InvalidInputError]:
    """Yield each dossier of an input, or the error its record raised (streams JSON Lines).

    *path* may be ``-`` (standard input, with *input_format* ``jsonl`` for JSON Lines).
    """
    return iter_records(
        path,
        "dossiers",
        lambda d, w, p: dossier_from_json(d, w, p, catalogue=catalogue, policy=policy),
        input_format=input_format,
    )


def read_dossiers(
    path: str | Path | Source,
    *,
    catalogue: Catalogue | None = None,
    policy: LifecyclePolicy | None = None,
    skip_invalid: bool = False,
    input_format: str | None = None,
) -> ReadResult[Dossier]:
    """Read every dossier of a JSON or JSON Lines file.

    Raises:
        InvalidInputError: The first bad record (file, line, JSON path), unless
            *skip_invalid*; then every bad record is in ``errors``.
    """
    return read_records(
        path,
        "dossiers",
        lambda d, w, p: dossier_from_json(d, w, p, catalogue=catalogue, policy=policy),
        skip_invalid=skip_invalid,
        input_format=input_format,
    )


def dumps_jsonl(dossiers: Iterable[Dossier]) -> str:
    """Return dossiers as JSON Lines text (one record per line, UTF-8 kept readable)."""
    return "".join(json.dumps(dossier_to_json(d), ensure_ascii=False) + "\n" for d in dossiers)


def write_jsonl(dossiers: Iterable[Dossier], out: TextIO) -> None:
    """Write dossiers as JSON Lines to an open text stream."""
    out.writelines(json.dumps(dossier_to_json(d), ensure_ascii=False) + "\n" for d in dossiers)
