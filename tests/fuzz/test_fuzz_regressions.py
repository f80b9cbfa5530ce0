"""The inputs the fuzz suite found, kept as plain examples (each ran into a traceback once).

Each test names what broke and where; the fuzz tests find them again, but these fail fast,
with a readable input, and do not depend on the search.
"""

from __future__ import annotations

import copy
import io
import json
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Final
from unittest import mock

import pytest

from motcua.analyses.verify import verify_figures
from motcua.foundation.errors import InvalidInputError, MotcuaError
from motcua.foundation.values import as_dict
from motcua.serialization import files
from motcua.serialization.announcements import parse_announcements
from motcua.serialization.catalogues import (
    procedure_from_json,
    procedure_to_json,
    sample_catalogue,
)
from motcua.serialization.decoding import decode_json
from motcua.serialization.dossiers import (
    dossier_from_json,
    dossier_to_json,
    event_from_json,
    event_to_json,
)
from motcua.serialization.dvcqg import (
    dossier_from_dvcqg,
    dossier_to_dvcqg,
    format_dvcqg_instant,
    parse_dvcqg_instant,
    procedure_from_dvcqg,
)
from motcua.serialization.files import iter_lines, line_ranges
from motcua.serialization.limits import limit_from_json, limit_to_json
from motcua.serialization.scan import scan_record
from tests.fuzz.guards import check_run, one_line, run_cli
from tests.fuzz.hostile import (
    ANNOUNCEMENTS,
    BOM,
    EXAMPLES,
    catalogue_document,
    dossier_records,
    dvcqg_procedure_records,
)

VN: Final = timezone(timedelta(hours=7))
ANNOUNCEMENT: Final = ANNOUNCEMENTS["announcements"][1]


@pytest.mark.parametrize(
    "text",
    [
        # A value the strict decoder refuses, then the text ends: decoding again to find the
        # refused value's path raised the standard library's JSONDecodeError.
        '{"schema_version": {"a": 1, "a": 2}',
        "[NaN",
        "[1e400, ",
        '{"count": ' + "9" * 30 + ", ",
        # ... or the nesting goes deeper than the standard decoder can recurse.
        "[NaN, " + "[" * 100_000 + "]" * 100_000 + "]",
        '{"a": 1, "a": ' + "[" * 100_000 + "]" * 100_000 + "}",
    ],
)
def test_decode_json_refuses_a_refused_value_in_broken_or_deep_json(text: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        decode_json(text, "f.json")
    one_line(str(info.value))
    assert str(info.value).startswith("f.json")


@pytest.mark.parametrize("depth", [65, 66, 1000])
@pytest.mark.parametrize("shape", ["[{}]", "[]", "{{}}"])
def test_decode_json_refuses_nesting_deeper_than_max_depth_even_when_empty(
    depth: int, shape: str
) -> None:
    # 65 nested empty arrays were accepted, 65 arrays around a number were not.
    text = (
        (shape[0] * depth + shape[-1] * depth)
        if shape != "{{}}"
        else '{"a": ' * (depth - 1) + "{}" + "}" * (depth - 1)
    )
    with pytest.raises(InvalidInputError, match="nested at most 64 deep"):
        decode_json(text, "f.json")
    assert decode_json("[" * 64 + "]" * 64, "f.json") is not None


@pytest.mark.parametrize("key", ["a\nb", "a\rb", "a\u2028b", "a\x85b", "\ud800"])
def test_decode_json_names_a_duplicate_key_on_one_line(key: str) -> None:
    quoted = json.dumps(key)
    with pytest.raises(InvalidInputError) as info:
        decode_json(f"{{{quoted}: 1, {quoted}: 2}}", "f.json")
    one_line(str(info.value))


@pytest.mark.parametrize("key", ["a\nb", "\r", "a\u2029b", "\ud800"])
def test_announcements_name_an_unknown_key_on_one_line(key: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        parse_announcements({"announcements": [], key: 1}, origin="f")
    one_line(str(info.value))
    with pytest.raises(InvalidInputError) as info:
        parse_announcements({"announcements": [dict(ANNOUNCEMENT, **{key: 1})]}, origin="f")
    one_line(str(info.value))


@pytest.mark.parametrize("through", [0, -1, 10_000, 10**19, True])
def test_announced_through_is_a_year(through: int) -> None:
    # Any JSON integer was taken (99999999999999999999 included): the file then claimed a
    # schedule for every year there will ever be.
    with pytest.raises(InvalidInputError, match=r"announced_through: expected a year"):
        parse_announcements({"announcements": [], "announced_through": through}, origin="f")


@pytest.mark.parametrize("data", [[], [[]], "x", "", [{"code": "1.001193"}]])
def test_procedure_from_json_refuses_what_is_not_an_object(data: object) -> None:
    # A list or a string raised AttributeError from cattrs ('list' object has no attribute 'keys').
    with pytest.raises(InvalidInputError, match=r"^f \$"):
        procedure_from_json(data, "f")


@pytest.mark.parametrize("year", [1, 9, 99, 999, 1000, 9999])
def test_dvcqg_instants_of_early_years_keep_four_digits(year: int) -> None:
    # strftime("%Y") writes year 1 as "1" on glibc, so the payload held 11 digits.
    at = datetime(year, 1, 1, 8, 30, tzinfo=VN)
    text = format_dvcqg_instant(at)
    assert text == f"{year:04d}0101083000"
    assert parse_dvcqg_instant(text) == at


@pytest.mark.parametrize("block", [3, 4])
def test_iter_lines_skips_a_bom_that_fills_the_first_read(block: int) -> None:
    # The first read held only the byte-order mark; once skipped, the empty block ended the
    # stream, and the lines after it were lost.
    data = BOM + b'{"a": 1}\n{"b": 2}\n'
    with mock.patch.object(files, "_BLOCK", block):
        lines = [text for _, text in iter_lines(io.BytesIO(data), "f")]
    assert lines == ['{"a": 1}', '{"b": 2}']


def _lines_by_ranges(path: Path, parts: int) -> list[tuple[int, str | InvalidInputError]]:
    out: list[tuple[int, str | InvalidInputError]] = []
    with path.open("rb") as handle:
        for start, end, first in line_ranges(path, parts):
            handle.seek(start)
            out += iter_lines(handle, "f", first_line=first, size=end - start, at_start=start == 0)
    return out


def test_line_ranges_never_split_a_crlf_after_a_cr(tmp_path: Path) -> None:
    # A read ending in CR took one more byte; when that was a CR too (CR CR LF, which a
    # doubled conversion writes), the CR LF after it was split, and --jobs 2 numbered every
    # later line one too high.
    size = files._BLOCK
    data = b"a" * (size - 1) + b"\r\r\n" + b"b" * (size - 1) + b"\n"
    path = tmp_path / "crcrlf.jsonl"
    path.write_bytes(data)
    whole = list(iter_lines(io.BytesIO(data), "f"))
    assert [n for n, _ in whole] == [1, 2, 3]
    assert [n for n, _ in _lines_by_ranges(path, 2)] == [1, 2, 3]
    assert _lines_by_ranges(path, 2) == whole
    small = b"\x00\x00\r\r\n\x00"
    path.write_bytes(small)
    with mock.patch.object(files, "_BLOCK", 3):
        assert _lines_by_ranges(path, 3) == list(iter_lines(io.BytesIO(small), "f"))


# analyses/verify.py named an unknown key as written (f"{where}.{key}"), so a key with a
# line break or a lone surrogate broke the one-line message.
@pytest.mark.parametrize("key", ["x\ny", "\ud800"])
def test_verify_figures_names_an_unknown_key_on_one_line(key: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        verify_figures({key: 1}, where="f $")
    one_line(str(info.value))


# --- Values a JSON file cannot hold, handed over in Python --------------------------------
#
# A portal that builds its records in Python can pass what no file motcua reads can hold:
# a lone surrogate (files are UTF-8) or an integer of 5,000 digits (the decoder takes 20).
# The readers must refuse them with a MotcuaError, or accept them and write them back.

_CATALOGUE = sample_catalogue()
_RECORD = dossier_records()[0]
_PROCEDURE = catalogue_document()["procedures"][0]
_NATIONAL = dvcqg_procedure_records()[0]
_PAYLOAD = dossier_to_dvcqg(dossier_from_json(_RECORD), catalogue=_CATALOGUE)
_EVENT = {"type": "refused", "at": "2024-01-03T09:10:00+07:00", "reason": "x"}


def _scanned_code(data: object) -> str | None:
    scanned = scan_record(data)
    return None if scanned is None else scanned.code


_READERS: Final[dict[str, tuple[Callable[[Any], Any], Any]]] = {
    "dossier_from_json": (lambda d: dossier_to_json(dossier_from_json(d)), _RECORD),
    "event_from_json": (lambda d: event_to_json(event_from_json(d)), _EVENT),
    "procedure_from_json": (lambda d: procedure_to_json(procedure_from_json(d)), _PROCEDURE),
    "limit_from_json": (
        lambda d: limit_to_json(limit_from_json(d)),
        {"unit": "none", "note": "x"},
    ),
    "parse_announcements": (lambda d: as_dict(parse_announcements(d)), ANNOUNCEMENTS),
    "procedure_from_dvcqg": (lambda d: procedure_to_json(procedure_from_dvcqg(d)), _NATIONAL),
    "dossier_from_dvcqg": (
        lambda d: dossier_to_json(dossier_from_dvcqg(d, catalogue=_CATALOGUE)),
        _PAYLOAD,
    ),
    "verify_figures": (
        lambda d: [c.message for c in verify_figures(d).checks],
        {"received_total": 3, "resolved_total": 1, "pending_total": 2},
    ),
    "scan_record": (_scanned_code, _RECORD),
}


@pytest.mark.parametrize(
    ("reader", "path", "value"),
    [
        ("dossier_from_json", ("applicant",), "a\ud800"),
        ("dossier_from_json", ("code",), "\ud800"),
        ("dossier_from_json", ("events", 0, "at"), "\ud800"),
        ("event_from_json", ("reason",), "\ud800"),
        ("procedure_from_json", ("name",), "\ud800"),
        ("limit_from_json", ("note",), "\ud800"),
        ("parse_announcements", ("announcements", 0, "issuer"), "\udfff"),
        ("procedure_from_dvcqg", ("TENTTHC",), "\ud800"),
        ("dossier_from_dvcqg", ("ChuHoSo",), "\ud800"),
        ("scan_record", ("code",), "\ud800"),
    ],
)
def test_a_lone_surrogate_is_refused_or_written_back(
    reader: str, path: tuple[str | int, ...], value: str
) -> None:
    _refused_or_written(reader, path, value)


_HUGE = 10**5000


@pytest.mark.parametrize(
    ("reader", "path"),
    [
        ("dossier_from_json", ("channel",)),
        ("dossier_from_json", ("limit", "count")),
        ("event_from_json", ("at",)),
        ("procedure_from_json", ("terms", 0, "fees", 0, "amount")),
        ("limit_from_json", ("note",)),
        ("parse_announcements", ("announced_through",)),
        ("procedure_from_dvcqg", ("MATTHC",)),
        ("procedure_from_dvcqg", ("CACHTHUCTHUCHIEN", 0, "THOIGIAN", 0, "THOIGIANGIAIQUYET")),
        ("dossier_from_dvcqg", ("KenhThucHien",)),
        # analyses/verify.py took a count of any size, and its messages then raised
        # ValueError (an int over 4,300 digits has no str).
        ("verify_figures", ("received_total",)),
        ("scan_record", ("code",)),
    ],
)
def test_a_5000_digit_integer_is_refused_or_written_back(
    reader: str, path: tuple[str | int, ...]
) -> None:
    _refused_or_written(reader, path, _HUGE)


def _refused_or_written(reader: str, path: tuple[str | int, ...], value: object) -> None:
    read, base = _READERS[reader]
    data = copy.deepcopy(base)
    parent = data
    for step in path[:-1]:
        parent = parent[step]
    parent[path[-1]] = value
    try:
        out = read(data)
    except MotcuaError as exc:
        one_line(str(exc))
        return
    json.dumps(out, ensure_ascii=False, default=str).encode("utf-8")


def test_decode_json_refuses_a_raw_lone_surrogate_in_a_str() -> None:
    with pytest.raises(InvalidInputError):
        decode_json('{"applicant": "a\ud800"}', "f.json")


@pytest.mark.parametrize("answer", ["due", "appointment", "timeliness", "remaining", "as_of"])
def test_a_dossier_as_of_the_last_day_answers_or_refuses(answer: str) -> None:
    dossier = dossier_from_json(_RECORD)
    last = date(9999, 12, 31)
    calls: dict[str, Callable[[], object]] = {
        "due": lambda: dossier.due(as_of=last),
        "appointment": lambda: dossier.appointment(as_of=last),
        "timeliness": lambda: dossier.timeliness(as_of=last),
        "remaining": lambda: dossier.remaining(last),
        "as_of": lambda: dossier.as_of(last),
    }
    try:
        calls[answer]()
    except MotcuaError as exc:
        one_line(str(exc))


@pytest.mark.parametrize(
    "argv",
    [
        ["dossier", "show", str(EXAMPLES / "dossiers.jsonl"), "--as-of", "9999-12-31"],
        ["check", str(EXAMPLES / "dossiers.jsonl"), "--as-of", "31/12/9999"],
    ],
)
def test_the_cli_as_of_the_last_day_prints_no_traceback(argv: list[str]) -> None:
    run = run_cli(argv)
    check_run(run, argv)
