"""Fuzz every reader with hostile input (issue 9, point 11).

For each reader, on valid records mutated at every path and on damaged bytes:

(a) the only exceptions are :class:`MotcuaError` subclasses;
(b) every error message is one line (and encodes as UTF-8);
(c) what is accepted round-trips, and nothing accepted was changed silently: every value
    of the input is in the re-serialized output unchanged (instants as the same instant),
    or was the field's default (deleting it gives the same value);
(d) the fast report reader accepts nothing the strict reader rejects, and places what it
    accepts exactly as the strict reader does;

and every input is answered within :data:`guards.READER_CAP` seconds.
"""

from __future__ import annotations

import copy
import functools
import io
import itertools
import json
import math
import re
import sys
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Final
from unittest import mock

import attrs
from hypothesis import given
from hypothesis import strategies as st

from motcua.analyses.periods import parse_period
from motcua.analyses.report import Bieu06, Dimension
from motcua.analyses.verify import KEYS, verify_figures, verify_series
from motcua.domain.dossiers import Dossier
from motcua.domain.procedures import Catalogue, Procedure
from motcua.foundation.errors import InvalidInputError, MotcuaError
from motcua.foundation.values import as_dict
from motcua.serialization import files
from motcua.serialization.announcements import load_announcements, parse_announcements
from motcua.serialization.catalogues import (
    catalogue_from_json,
    catalogue_to_json,
    load_catalogue,
    procedure_from_json,
    procedure_to_json,
    sample_catalogue,
)
from motcua.serialization.decoding import MAX_DEPTH, decode_json
from motcua.serialization.dossiers import (
    dossier_from_json,
    dossier_to_json,
    event_from_json,
    event_to_json,
    iter_dossiers,
    read_dossiers,
)
from motcua.serialization.dvcqg import (
    dossier_from_dvcqg,
    dossier_to_dvcqg,
    format_dvcqg_instant,
    parse_dvcqg_instant,
    procedure_from_dvcqg,
    read_dvcqg_dossiers,
    read_dvcqg_procedures,
)
from motcua.serialization.files import iter_lines, line_ranges, read_document
from motcua.serialization.instants import parse_date, parse_instant
from motcua.serialization.limits import limit_from_json, limit_to_json
from motcua.serialization.reports import count_record, tally_file, tally_lines
from motcua.serialization.scan import scan_record
from motcua.testing.strategies import dossiers
from tests.fuzz import hostile
from tests.fuzz.guards import attempt, encodes, fuzz, one_line, time_cap

VN: Final = timezone(timedelta(hours=7))
PERIOD: Final = parse_period("2024-Q2")
RECORDS: Final = hostile.dossier_records()
CATALOGUE: Final = sample_catalogue()
CATALOGUE_DOC: Final = hostile.catalogue_document()
PROCEDURES: Final = CATALOGUE_DOC["procedures"]
EVENTS: Final = [e for r in RECORDS for e in r["events"]]
NATIONAL: Final = hostile.dvcqg_procedure_records()
PAYLOADS: Final = [
    dossier_to_dvcqg(dossier_from_json(r), catalogue=CATALOGUE)
    for r in RECORDS
    if str(dossier_from_json(r).procedure) in CATALOGUE
]

#: Records that always parse with the sample catalogue: generated ones join the samples.
generated_records = dossiers(max_events=6).map(dossier_to_json)
records = st.one_of(
    hostile.mutated(RECORDS), generated_records.flatmap(lambda r: hostile.mutated([r]))
)


def _write(directory: Path, name: str, data: bytes) -> Path:
    path = directory / name
    path.write_bytes(data)
    return path


# --- "No silent change": the output holds the input's values, or the field's default -----


def _reference_instant(text: str) -> datetime | None:
    """The instant an ISO text names, by the standard library alone (None: not one)."""
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.+\-Z]+", text):
        return None
    try:
        value = datetime.fromisoformat(text[:-1] + "+00:00" if text.endswith("Z") else text)
    except ValueError:
        return None
    return value.replace(tzinfo=VN) if value.tzinfo is None else value


def _same_leaf(given_value: Any, written: Any, path: tuple[Any, ...]) -> bool:
    if type(given_value) is type(written) and given_value == written:
        return True
    if isinstance(given_value, str) and isinstance(written, str):
        a, b = _reference_instant(given_value), _reference_instant(written)
        return a is not None and a == b and written.endswith("+07:00")
    # A whole-number count may be written "5" and is written back 5 (documented).
    return (
        path[-1:] == ("count",)
        and isinstance(given_value, str)
        and type(written) is int
        and given_value == str(written)
    )


def _diff(
    given_value: Any, written: Any, path: tuple[Any, ...] = ()
) -> Iterator[tuple[str, tuple[Any, ...]]]:
    """``("omitted", path)`` for input keys the output leaves out; ``("changed", path)``."""
    if isinstance(given_value, dict):
        if not isinstance(written, dict):
            yield "changed", path
            return
        for key, value in given_value.items():
            if key in written:
                yield from _diff(value, written[key], (*path, key))
            else:
                yield "omitted", (*path, key)
    elif isinstance(given_value, list):
        if not isinstance(written, list) or len(written) != len(given_value):
            yield "changed", path
            return
        for index, (a, b) in enumerate(zip(given_value, written, strict=True)):
            yield from _diff(a, b, (*path, index))
    elif not _same_leaf(given_value, written, path):
        yield "changed", path


def _without(data: Any, path: tuple[Any, ...]) -> Any:
    out = copy.deepcopy(data)
    parent = hostile.get(out, path[:-1])
    del parent[path[-1]]
    return out


def _rebuilt(rebuild: Any, data: Any, path: tuple[Any, ...]) -> Any:
    return rebuild(_without(data, path))


def assert_kept(data: Any, written: Any, rebuild: Any, value: object) -> None:
    """Every value of *data* is in *written*, or was a default: deleting it changes nothing."""
    for kind, path in _diff(data, written):
        assert kind == "omitted", (
            f"{path} changed: {hostile.get(data, path)!r} -> written differently"
        )
        if path == ("schema_version",):
            continue
        again = attempt(functools.partial(_rebuilt, rebuild, data, path), path)
        assert again == value, f"{path} = {hostile.get(data, path)!r} was dropped, not a default"


# --- decode_json, read_document, iter_lines, line_ranges ---------------------------------

trees = st.one_of(
    hostile.mutated(RECORDS),
    hostile.document("dossiers", hostile.mutated(RECORDS)),
    hostile.mutated([CATALOGUE_DOC]),
    hostile.mutated([hostile.ANNOUNCEMENTS]),
    hostile.mutated(hostile.FIGURES),
)


def _pairs_once(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = [k for k, _ in pairs]
    assert len(set(keys)) == len(keys), f"duplicate keys accepted: {keys}"
    return dict(pairs)


def _depth(value: Any) -> int:
    deepest, stack = 0, [(value, 0)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, level + 1)
            stack.extend(
                (sub, level + 1) for sub in (item.values() if isinstance(item, dict) else item)
            )
    return deepest


def _finite(value: Any) -> bool:
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, float) and not math.isfinite(item):
            return False
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return True


@st.composite
def json_texts(draw: st.DrawFn) -> str:
    """Mutated JSON text, maybe cut short or with a raw control character or surrogate."""
    text = hostile.dump(draw(trees), ascii_only=draw(st.booleans()))
    at = draw(st.integers(0, len(text)))
    # (A raw lone surrogate cannot come from UTF-8 text: test_fuzz_regressions has that case.)
    how = draw(st.sampled_from(["keep", "keep", "cut", "control", "space"]))
    if how == "cut":
        return text[:at]
    if how == "control":
        return (
            text[:at] + draw(st.sampled_from(["\x00", "\x1b", "\n", "\r", "\u2028"])) + text[at:]
        )
    if how == "space":
        return draw(st.sampled_from(["", " ", "\n", "\ufeff"])) + text
    return text


@given(json_texts())
@fuzz(210)
def test_decode_json_refuses_or_agrees_with_the_standard_library(text: str) -> None:
    result = attempt(lambda: decode_json(text, "f.json"), text)
    if isinstance(result, MotcuaError):
        assert isinstance(result, InvalidInputError)
        assert str(result).startswith("f.json")
        return
    # Accepted: exactly what json.loads reads, no duplicate key, finite, shallow, writable.
    assert result == json.loads(text, object_pairs_hook=_pairs_once)
    assert _finite(result)
    assert _depth(result) <= MAX_DEPTH
    assert decode_json(encodes(result), "again") == result


@given(
    st.one_of(st.builds(hostile.dump, trees).map(str.encode), hostile.json_bytes(trees)),
    st.booleans(),
)
@fuzz(70)
def test_read_document_reads_files_and_stdin_alike(
    scratch: Path, data: bytes, stdin: bool
) -> None:
    path = _write(scratch, "doc.json", data)
    from_file = attempt(lambda: read_document(path), data)
    if stdin:
        with mock.patch.object(sys, "stdin", io.TextIOWrapper(io.BytesIO(data))):
            from_stdin = attempt(lambda: read_document("-"), data)
        assert type(from_stdin) is type(from_file)
        if isinstance(from_file, MotcuaError):
            assert str(from_stdin) == str(from_file).replace(str(path), "<stdin>", 1)
        else:
            assert from_stdin == from_file
    if isinstance(from_file, MotcuaError):
        return
    text = data.removeprefix(hostile.BOM).decode("utf-8")
    assert from_file == json.loads(text.replace("\r\n", "\n").replace("\r", "\n"))
    # CR, LF and CRLF read the same.
    for end in ("\n", "\r", "\r\n"):
        other = text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", end)
        assert read_document(_write(scratch, "doc2.json", other.encode())) == from_file
    encodes(from_file)


def _block(size: int, data: bytes) -> int:
    """A tiny read size for small inputs (reading 200 kB 3 bytes at a time takes minutes)."""
    return size if len(data) <= 4096 else files._BLOCK


def _lines(handle: Any, **kwargs: Any) -> list[tuple[int, str | None]]:
    return [
        (n, None if isinstance(t, InvalidInputError) else t)
        for n, t in iter_lines(handle, "f", **kwargs)
    ]


line_bytes = st.one_of(
    st.binary(max_size=64),
    st.lists(
        st.sampled_from(
            [b"a", b"{}", b"\r", b"\n", b"\r\n", b"\xff", b"\xc3", b"\xa9", hostile.BOM, b" "]
        ),
        max_size=30,
    ).map(b"".join),
    hostile.jsonl_bytes(RECORDS, max_records=3),
)


@given(line_bytes, st.integers(3, 9))
@fuzz(140)
def test_iter_lines_splits_at_cr_lf_and_crlf_whatever_the_block_size(
    data: bytes, block: int
) -> None:
    expected = hostile.reference_lines(data)
    with time_cap(what=data):
        assert _lines(io.BytesIO(data)) == expected
        # Small blocks put CR and LF of one CRLF, and the BOM, in different reads.
        with mock.patch.object(files, "_BLOCK", _block(block, data)):
            assert _lines(io.BytesIO(data)) == expected


@given(line_bytes, st.integers(1, 5), st.integers(3, 9))
@fuzz(140)
def test_line_ranges_split_a_file_into_its_lines(
    scratch: Path, data: bytes, parts: int, block: int
) -> None:
    path = _write(scratch, "lines.jsonl", data)
    expected = hostile.reference_lines(data)
    with time_cap(what=data), mock.patch.object(files, "_BLOCK", _block(block, data)):
        ranges = line_ranges(path, parts)
        assert ranges[0][0] == 0
        assert ranges[-1][1] == len(data)
        assert all(a[1] == b[0] for a, b in itertools.pairwise(ranges))
        got: list[tuple[int, str | None]] = []
        with path.open("rb") as handle:
            for start, end, first in ranges:
                handle.seek(start)
                got += _lines(handle, first_line=first, size=end - start, at_start=start == 0)
    assert got == expected


# --- Dossiers: dossier_from_json, event_from_json, read_dossiers, iter_dossiers -----------


def _record_catalogue(draw_catalogue: bool) -> Catalogue | None:
    return CATALOGUE if draw_catalogue else None


@given(records, st.booleans())
@fuzz(280)
def test_dossier_from_json(tree: Any, with_catalogue: bool) -> None:
    data = hostile.to_python(tree)
    catalogue = _record_catalogue(with_catalogue)
    result = attempt(
        lambda: dossier_from_json(data, "f", catalogue=catalogue), tree, untouched=data
    )
    if isinstance(result, MotcuaError):
        assert isinstance(result, InvalidInputError)
        assert str(result).startswith("f $")
        return
    written = dossier_to_json(result)
    encodes(written)
    assert dossier_from_json(written) == result
    if "limit" in data:
        assert_kept(data, written, lambda d: dossier_from_json(d, catalogue=catalogue), result)


@given(hostile.mutated(EVENTS))
@fuzz(210)
def test_event_from_json(tree: Any) -> None:
    data = hostile.to_python(tree)
    result = attempt(lambda: event_from_json(data, "f"), tree, untouched=data)
    if isinstance(result, MotcuaError):
        return
    written = event_to_json(result)
    encodes(written)
    assert event_from_json(written) == result
    assert_kept(data, written, event_from_json, result)


def _record_count(data: bytes, jsonl: bool) -> int | None:
    """How many records a file holds by the documented rules (None: not readable at all)."""
    if jsonl:
        return sum(1 for _, text in hostile.reference_lines(data) if text is None or text.strip())
    try:
        doc = json.loads(data.removeprefix(hostile.BOM).decode("utf-8"))
    except (ValueError, RecursionError):
        return None
    if isinstance(doc, dict) and "dossiers" in doc:
        rows = doc["dossiers"]
        return len(rows) if isinstance(rows, list) else None
    return len(doc) if isinstance(doc, list) else 1


dossier_files = st.one_of(
    st.tuples(st.just(True), hostile.jsonl_bytes(RECORDS)),
    st.tuples(
        st.just(False), hostile.json_bytes(hostile.document("dossiers", hostile.mutated(RECORDS)))
    ),
)


@given(dossier_files, st.booleans())
@fuzz(100)
def test_read_dossiers_loses_nothing(
    scratch: Path, file: tuple[bool, bytes], with_catalogue: bool
) -> None:
    jsonl, data = file
    path = _write(scratch, "dossiers.jsonl" if jsonl else "dossiers.json", data)
    catalogue = _record_catalogue(with_catalogue)
    result = attempt(lambda: read_dossiers(path, catalogue=catalogue, skip_invalid=True), data)
    streamed = attempt(lambda: list(iter_dossiers(path, catalogue=catalogue)), data)
    strict = attempt(lambda: read_dossiers(path, catalogue=catalogue), data)
    if isinstance(result, MotcuaError):
        assert isinstance(streamed, MotcuaError)
        assert isinstance(strict, MotcuaError)
        return
    assert not isinstance(streamed, MotcuaError)
    assert [x for x in streamed if isinstance(x, Dossier)] == list(result.records)
    assert [str(x) for x in streamed if isinstance(x, MotcuaError)] == [
        str(e) for e in result.errors
    ]
    for error in result.errors:
        one_line(str(error))
        assert str(error).startswith(str(path))
    # Every record is either read or named as bad.
    count = _record_count(data, jsonl)
    if count is not None:
        assert len(result.records) + len(result.errors) == count
    if result.errors:
        assert isinstance(strict, MotcuaError)
        assert str(strict) == str(result.errors[0])
    else:
        assert not isinstance(strict, MotcuaError)
        assert strict.records == result.records
    for dossier in result.records:
        assert dossier_from_json(dossier_to_json(dossier)) == dossier
        encodes(dossier_to_json(dossier))


# --- The fast report reader and the tally -------------------------------------------------


def _placed(add: Any) -> Any:
    acc = Bieu06(PERIOD, by=(Dimension.CHANNEL, Dimension.AGENCY), catalogue=CATALOGUE)
    add(acc)
    return acc.state()


@given(records)
@fuzz(280)
def test_scan_record_accepts_nothing_the_strict_reader_rejects(tree: Any) -> None:
    data = hostile.to_python(tree)
    scanned = attempt(lambda: scan_record(data), tree, untouched=data)
    assert not isinstance(scanned, MotcuaError), f"scan_record raised {scanned}"
    if scanned is None:
        return
    dossier = attempt(lambda: dossier_from_json(data, "f"), tree, untouched=data)
    assert isinstance(dossier, Dossier), (
        f"the fast path took what the strict one refuses: {dossier}"
    )
    assert (scanned.code, scanned.procedure, scanned.channel) == (
        str(dossier.code),
        str(dossier.procedure),
        dossier.channel,
    )
    assert (scanned.limit, scanned.rule, scanned.level) == (
        dossier.limit,
        dossier.rule,
        dossier.level,
    )
    # ... and it places the record in the same cells.
    fast = attempt(lambda: _placed(lambda acc: count_record(acc, data, "f", CATALOGUE)), tree)
    slow = attempt(lambda: _placed(lambda acc: acc.add(dossier)), tree)
    assert type(fast) is type(slow)
    if not isinstance(fast, MotcuaError):
        assert fast == slow


@given(st.lists(records, max_size=5), st.booleans())
@fuzz(70)
def test_tally_lines_counts_what_the_strict_reader_reads(
    trees_: list[Any], with_catalogue: bool
) -> None:
    lines = [hostile.dump(t) for t in trees_]
    catalogue = _record_catalogue(with_catalogue)
    errors: list[InvalidInputError] = []
    fast = attempt(
        lambda: tally_lines(
            lines, PERIOD, catalogue=catalogue, skip_invalid=True, errors=errors
        ).state(),
        lines,
    )
    assert not isinstance(fast, MotcuaError), f"skip_invalid raised {fast}"
    for error in errors:
        one_line(str(error))
    # The strict reader, record by record: the first of each code counts.
    acc = Bieu06(PERIOD, catalogue=catalogue)
    seen: set[str] = set()
    bad = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        dossier = attempt(functools.partial(_strict, line, f"l{number}", catalogue), line)
        if isinstance(dossier, MotcuaError) or str(dossier.code) in seen:
            bad += 1
            continue
        added = attempt(functools.partial(acc.add, dossier), dossier)
        if isinstance(added, MotcuaError):
            bad += 1
            continue
        seen.add(str(dossier.code))
    assert fast == acc.state()
    assert len(errors) == bad


def _strict(line: str, where: str, catalogue: Catalogue | None) -> Dossier:
    return dossier_from_json(decode_json(line, where), catalogue=catalogue)


@given(hostile.jsonl_bytes(RECORDS, max_records=4))
@fuzz(8)
def test_tally_file_one_job_two_jobs_and_a_document_agree(scratch: Path, data: bytes) -> None:
    path = _write(scratch, "tally.jsonl", data)

    def tally(source: Path, jobs: int) -> tuple[Any, list[str]]:
        errors: list[InvalidInputError] = []
        acc = tally_file(
            source, PERIOD, catalogue=CATALOGUE, jobs=jobs, skip_invalid=True, errors=errors
        )
        return acc.state(), sorted(str(e) for e in errors)

    one = attempt(lambda: tally(path, 1), data)
    two = attempt(lambda: tally(path, 2), data, cap=20.0)
    assert type(one) is type(two)
    if isinstance(one, MotcuaError):
        assert str(one) == str(two)
        return
    assert one == two
    # The same records as one JSON document count the same (when every line is JSON).
    texts = [t for _, t in hostile.reference_lines(data) if t is None or t.strip()]
    lines = [t for t in texts if t is not None]
    decoded = [attempt(functools.partial(decode_json, t, "l"), t) for t in lines]
    # (In an array, a record is one level deeper: keep to records that still fit.)
    if len(lines) < len(texts) or any(
        isinstance(d, MotcuaError) or _depth(d) >= MAX_DEPTH for d in decoded
    ):
        return
    document = _write(scratch, "tally.json", ("[" + ",\n".join(lines) + "]").encode())
    whole = attempt(lambda: tally(document, 1), data)
    assert not isinstance(whole, MotcuaError)
    assert whole[0] == one[0]
    assert len(whole[1]) == len(one[1])


# --- Procedures and catalogues -----------------------------------------------------------


@given(hostile.mutated(PROCEDURES))
@fuzz(280)
def test_procedure_from_json(tree: Any) -> None:
    data = hostile.to_python(tree)
    result = attempt(lambda: procedure_from_json(data, "f"), tree, untouched=data)
    if isinstance(result, MotcuaError):
        return
    written = procedure_to_json(result)
    encodes(written)
    assert procedure_from_json(written) == result
    assert_kept(data, written, procedure_from_json, result)


@given(hostile.mutated([CATALOGUE_DOC], max_mutations=2))
@fuzz(70)
def test_catalogue_from_json(tree: Any) -> None:
    data = hostile.to_python(tree)
    result = attempt(lambda: catalogue_from_json(data, "f"), tree, untouched=data)
    if isinstance(result, MotcuaError):
        return
    written = catalogue_to_json(result)
    encodes(written)
    assert list(catalogue_from_json(written)) == list(result)


@given(
    st.one_of(
        st.tuples(
            st.just(False), hostile.json_bytes(hostile.mutated([CATALOGUE_DOC], max_mutations=2))
        ),
        st.tuples(st.just(True), hostile.jsonl_bytes(PROCEDURES, max_records=3)),
    )
)
@fuzz(60)
def test_load_catalogue(scratch: Path, file: tuple[bool, bytes]) -> None:
    jsonl, data = file
    path = _write(scratch, "catalogue.jsonl" if jsonl else "catalogue.json", data)
    result = attempt(lambda: load_catalogue(path), data)
    if isinstance(result, Catalogue):
        encodes(catalogue_to_json(result))


# --- Time limits, instants, dates --------------------------------------------------------


def _limit_written(data: dict[str, Any]) -> dict[str, Any]:
    """The documented normal form: a whole count "N" is written N; the default note omitted."""
    out = dict(data)
    count = out.get("count")
    if isinstance(count, str) and count.isascii() and count.isdigit():
        out["count"] = int(count)
    if out.get("unit") == "none" and out.get("note") == limit_to_json_default_note():
        del out["note"]
    return out


def limit_to_json_default_note() -> str:
    from motcua.domain.procedures import NoTimeLimit

    return NoTimeLimit().note


@given(hostile.mutated(hostile.LIMITS))
@fuzz(280)
def test_limit_round_trips_exactly(tree: Any) -> None:
    data = hostile.to_python(tree)
    result = attempt(lambda: limit_from_json(data), tree, untouched=data)
    if isinstance(result, MotcuaError):
        return
    written = limit_to_json(result)
    encodes(written)
    assert written == _limit_written(data)
    assert limit_from_json(written) == result


instant_texts = st.one_of(
    st.sampled_from(hostile.INSTANTS),
    hostile.mutated([e["at"] for e in EVENTS[:20]]),
    st.text(alphabet="0123456789-T:+Z.٣３² ", max_size=32),
    st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30)).map(
        lambda d: d.isoformat()
    ),
)


@given(instant_texts)
@fuzz(350)
def test_parse_instant_means_the_instant_written(value: Any) -> None:
    result = attempt(lambda: parse_instant(value, "at"), value)
    if isinstance(result, MotcuaError):
        return
    assert isinstance(value, str)
    assert result.utcoffset() == timedelta(hours=7)
    assert result == _reference_instant(value)
    assert parse_instant(result.isoformat()) == result
    dvcqg = attempt(lambda: parse_dvcqg_instant(value, "at"), value)
    assert dvcqg == result


@given(
    st.one_of(
        st.dates().map(date.isoformat),
        hostile.mutated(["2024-02-29", "0001-01-01", "9999-12-31"]),
        st.text(max_size=12),
    )
)
@fuzz(100)
def test_parse_date_means_the_date_written(value: Any) -> None:
    result = attempt(lambda: parse_date(value, "day"), value)
    if isinstance(result, date):
        assert result.isoformat() == value


@given(
    st.one_of(
        st.text(alphabet="0123456789٣３²", min_size=14, max_size=14),
        st.sampled_from(["00010101000000", "99991231235959", "20240230080000", " 20240401080000"]),
    )
)
@fuzz(140)
def test_parse_dvcqg_instant(value: str) -> None:
    result = attempt(lambda: parse_dvcqg_instant(value, "at"), value)
    if isinstance(result, datetime):
        # What is read is written back as it was (DVCQG trims spaces around the digits).
        assert format_dvcqg_instant(result) == value.strip()
        assert parse_dvcqg_instant(format_dvcqg_instant(result)) == result


# --- DVCQG: national procedure records and dossier payloads ------------------------------


@given(hostile.mutated(NATIONAL))
@fuzz(180)
def test_procedure_from_dvcqg(tree: Any) -> None:
    data = hostile.to_python(tree)
    result = attempt(lambda: procedure_from_dvcqg(data, "f"), tree, untouched=data)
    if isinstance(result, MotcuaError):
        assert isinstance(result, InvalidInputError)
        return
    written = procedure_to_json(result)
    encodes(written)
    assert procedure_from_json(written) == result


def _without_notes(dossier: Dossier) -> Dossier:
    return attrs.evolve(dossier, events=tuple(attrs.evolve(e, note="") for e in dossier.events))


@given(hostile.mutated(PAYLOADS))
@fuzz(180)
def test_dossier_from_dvcqg(tree: Any) -> None:
    data = hostile.to_python(tree)
    result = attempt(
        lambda: dossier_from_dvcqg(data, "f", catalogue=CATALOGUE), tree, untouched=data
    )
    if isinstance(result, MotcuaError):
        assert isinstance(result, InvalidInputError)
        return
    written = dossier_to_dvcqg(result, catalogue=CATALOGUE)
    encodes(written)
    # The payload has no place for an event's note: the note of a transfer inferred from
    # DanhSachHoSoBoSung ("implied by ...") does not come back (the format's choice).
    assert _without_notes(dossier_from_dvcqg(written, catalogue=CATALOGUE)) == _without_notes(
        result
    )
    assert dossier_from_json(dossier_to_json(result)) == result


@given(
    st.one_of(
        st.tuples(
            st.just("procedures"),
            hostile.json_bytes(hostile.document("result", hostile.mutated(NATIONAL))),
        ),
        st.tuples(st.just("dossiers"), hostile.jsonl_bytes(PAYLOADS, max_records=3)),
    )
)
@fuzz(60)
def test_read_dvcqg_files(scratch: Path, file: tuple[str, bytes]) -> None:
    kind, data = file
    if kind == "procedures":
        path = _write(scratch, "national.json", data)
        result: Any = attempt(lambda: read_dvcqg_procedures(path, skip_invalid=True), data)
    else:
        path = _write(scratch, "payloads.jsonl", data)
        result = attempt(
            lambda: read_dvcqg_dossiers(path, catalogue=CATALOGUE, skip_invalid=True), data
        )
    if isinstance(result, MotcuaError):
        return
    for error in result.errors:
        one_line(str(error))
    for record in result.records:
        encodes(
            procedure_to_json(record) if isinstance(record, Procedure) else dossier_to_json(record)
        )


# --- Announcements -----------------------------------------------------------------------


def _announcements_written(value: Any) -> Any:
    """The announcements file as its values say it, for comparison with the input."""

    def plain(item: Any) -> Any:
        if isinstance(item, date):
            return item.isoformat()
        if hasattr(item, "value") and not isinstance(item, str | int):
            return item.value
        return item

    return as_dict(value, leaf=plain)


_ANNOUNCEMENT_DEFAULTS: Final = {
    "instrument": "",
    "issued": None,
    "confidence": "confirmed",
    "scope": "national",
    "note": "",
}


@given(hostile.mutated([hostile.ANNOUNCEMENTS]))
@fuzz(280)
def test_parse_announcements(tree: Any) -> None:
    data = hostile.to_python(tree)
    result = attempt(lambda: parse_announcements(data, origin="f"), tree, untouched=data)
    if isinstance(result, MotcuaError):
        assert isinstance(result, InvalidInputError)
        assert str(result).startswith("f")
        return
    # Nothing changed silently: every given value is the value read.
    written = _announcements_written(result)
    assert written["announced_through"] == data.get("announced_through")
    for row, got in zip(data["announcements"], written["announcements"], strict=True):
        for key, default in _ANNOUNCEMENT_DEFAULTS.items():
            assert got[key] == row.get(key, default), key
        for key in ("issuer", "subject", "source"):
            assert got[key] == row[key]
        for change, got_change in zip(row["changes"], got["changes"], strict=True):
            expected = {"name_en": change["name_vi"], "swapped_with": None, **change}
            assert got_change == expected
    encodes(written)


@given(hostile.json_bytes(hostile.mutated([hostile.ANNOUNCEMENTS])), st.booleans())
@fuzz(60)
def test_load_announcements(scratch: Path, data: bytes, toml: bool) -> None:
    path = _write(scratch, "announcements.toml" if toml else "announcements.json", data)
    attempt(lambda: load_announcements(path), data)


# --- Published figures -------------------------------------------------------------------


@given(st.one_of(hostile.mutated(hostile.FIGURES), hostile.mutated([hostile.FIGURES])))
@fuzz(280)
def test_verify_figures_and_series(tree: Any) -> None:
    data = hostile.to_python(tree)
    if isinstance(data, list):
        result: Any = attempt(lambda: verify_series(data, where="f $"), tree, untouched=data)
        figures = data
    else:
        result = attempt(lambda: verify_figures(data, where="f $"), tree, untouched=data)
        figures = [data]
    if isinstance(result, MotcuaError):
        return
    # Accepted: every key known, every value a whole number of dossiers (no bool, no float).
    for item in figures:
        assert set(item) <= set(KEYS)
        assert all(type(v) is int and v >= 0 for v in item.values())
    for check in result.checks:
        one_line(check.message)
