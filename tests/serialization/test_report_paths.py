"""The report's fast paths give what the definitions give (issue 14, ADR 0018).

Each cache or compiled form has a test against the plain definition it stands for: cached
instant parts against ``parse_instant``, cached code parts against ``DossierCode.parse``,
the compiled fold against the event-by-event fold, the packed duplicate check against a
set, and the msgspec decoder against the strict one. The report itself is compared
byte for byte with and without the ``fast`` extra, on records of every unusual form the
benchmark generator writes.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from motcua.analyses.buckets import period_bounds
from motcua.analyses.periods import parse_period
from motcua.domain import clock
from motcua.domain.codes import DossierCode
from motcua.domain.lifecycle import LifecyclePolicy
from motcua.foundation.errors import InvalidInputError, MotcuaError, TransitionError
from motcua.foundation.vntime import VN_TZ
from motcua.serialization import reports, schema
from motcua.serialization.decoding import decode_json
from motcua.serialization.instants import parse_instant
from motcua.serialization.reports import Seen, pack_code, report_to_json, tally_file
from motcua.testing.strategies import dossiers

ROOT = Path(__file__).resolve().parent.parent.parent
SAMPLE = ROOT / "examples" / "data" / "dossiers.jsonl"
GENERATOR = ROOT / "benchmarks" / "generate_dossiers.py"


# -- instants ------------------------------------------------------------------------------


_INSTANT_TEXTS = st.one_of(
    st.datetimes(
        min_value=datetime(2000, 1, 1), max_value=datetime(2099, 12, 31), timezones=st.none()
    ).map(lambda at: at.replace(microsecond=0).isoformat() + "+07:00"),
    st.builds(
        "{:04d}-{:02d}-{:02d}T{:02d}:{:02d}:{:02d}+07:00".format,
        st.integers(1999, 2100),
        st.integers(0, 13),
        st.integers(0, 32),
        st.integers(0, 25),
        st.integers(0, 61),
        st.integers(0, 61),
    ),
    st.text(alphabet="0123456789-T:+Z.٣ ", min_size=20, max_size=26),
)


def _parsed(text: str) -> datetime | None:
    try:
        return parse_instant(text)
    except MotcuaError:
        return None


def _checked(text: str) -> datetime | None:
    try:
        result: datetime = schema._instant(text)
    except schema.Defer:
        return None
    return result


@settings(max_examples=300, deadline=None)
@given(texts=st.lists(_INSTANT_TEXTS, min_size=1, max_size=12))
def test_cached_instant_parts_give_what_parse_instant_gives(texts: list[str]) -> None:
    for text in texts * 2:  # the second time, from the caches
        expected = _parsed(text)
        got = _checked(text)
        assert got == expected
        if got is not None and expected is not None:
            assert got.tzinfo is VN_TZ
            assert got.isoformat() == expected.isoformat()


def test_cached_parts_are_not_mixed_up() -> None:
    schema._instant("2024-02-29T23:59:59+07:00")
    schema._instant("2023-03-01T00:00:00+07:00")
    assert _checked("2023-02-29T23:59:59+07:00") is None  # not a real date
    assert _checked("2024-02-29T23:59:59+08:00") == parse_instant("2024-02-29T23:59:59+08:00")
    assert _checked("2024-02-29t23:59:59+07:00") is None
    assert _checked("2024-02-29T23:59:59+07:00 ") is None


# -- dossier codes --------------------------------------------------------------------------

_CODE_TEXTS = st.builds(
    "{}.{}.{}.{}{}-{}{}{}-{}".format,
    st.sampled_from(["000", "001", "0a0"]),
    st.sampled_from(["00", "53", "٥٣"]),
    st.sampled_from(["00", "40"]),
    st.sampled_from(["H", "h", "Z"]),
    st.sampled_from(["48", "4"]),
    st.sampled_from(["24", "23"]),
    st.sampled_from(["02", "13", "12"]),
    st.sampled_from(["29", "30", "01"]),
    st.sampled_from(["0001", "0000", "9999", "12a4", "١٢٣٤", "00001"]),
)


@settings(max_examples=400, deadline=None)
@given(texts=st.lists(_CODE_TEXTS, min_size=1, max_size=10))
def test_cached_code_parts_give_the_parsers_verdict(texts: list[str]) -> None:
    for text in texts * 2:
        try:
            DossierCode.parse(text)
            expected = True
        except MotcuaError:
            expected = False
        try:
            schema._dossier_code(text)
            got = True
        except schema.Defer:
            got = False
        assert got is expected, text


# -- the compiled fold ---------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(dossier=dossiers(any_policy=True), shift=st.integers(0, 8), back=st.integers(1, 600))
def test_compiled_fold_is_the_event_by_event_fold(dossier: Any, shift: int, back: int) -> None:
    log = dossier.clock_log
    assert clock.replay(log.steps, log.policy, log.code) == clock._fold(
        log.steps, log.policy, log.code
    )
    steps = list(log.steps)
    if shift < len(steps):  # an event moved before the previous one: the same error
        key, at = steps[shift]
        steps[shift] = (key, at - timedelta(minutes=back))
    assert _outcome(clock.replay, steps, log) == _outcome(clock._fold, steps, log)


def _outcome(fold: Any, steps: list[Any], log: Any) -> object:
    try:
        result: object = fold(steps, log.policy, log.code)
    except (InvalidInputError, TransitionError) as exc:
        return str(exc)
    return result


def test_an_unlawful_sequence_is_folded_event_by_event() -> None:
    at = datetime(2024, 5, 6, 9, tzinfo=VN_TZ)
    with pytest.raises(TransitionError):
        clock.replay([("resolved", at)], LifecyclePolicy(), "X")
    with pytest.raises(InvalidInputError):
        clock.replay([], LifecyclePolicy(), "X")


# -- period bounds -------------------------------------------------------------------------


def test_period_bounds_once_per_period() -> None:
    q1, q2 = parse_period("2024-Q1"), parse_period("2024-Q2")
    assert period_bounds(q1) == (
        datetime(2023, 12, 15, tzinfo=VN_TZ),
        datetime(2024, 3, 15, tzinfo=VN_TZ),
    )
    assert period_bounds(q2)[0] == datetime(2024, 3, 15, tzinfo=VN_TZ)
    assert period_bounds(q1) is period_bounds(parse_period("2024-Q1"))


# -- the duplicate check -------------------------------------------------------------------


_CODES = st.builds(
    "{:03d}.{:02d}.{:02d}.{}{:02d}-{:02d}{:02d}{:02d}-{:04d}".format,
    st.integers(0, 999),
    st.integers(0, 99),
    st.integers(0, 99),
    st.sampled_from("ABHZ"),
    st.integers(0, 99),
    st.integers(0, 99),
    st.integers(0, 14),
    st.integers(0, 33),
    st.integers(0, 9999),
) | st.text(max_size=30)


@settings(max_examples=300, deadline=None)
@given(codes=st.lists(_CODES, max_size=60), split=st.integers(0, 60))
def test_seen_is_a_set_of_codes(codes: list[str], split: int) -> None:
    seen, plain = Seen(), set()
    for code in codes:
        assert seen.add(code) is (code not in plain)
        plain.add(code)
    assert seen.count == len(plain)
    left, right = Seen(), Seen()
    for code in set(codes[:split]):
        left.add(code)
    for code in set(codes[split:]):
        right.add(code)
    assert left.update(right) is set(codes[:split]).isdisjoint(codes[split:])
    for code in codes:
        assert not left.add(code)


@given(a=_CODES, b=_CODES)
def test_packed_codes_are_one_to_one(a: str, b: str) -> None:
    pa, pb = pack_code(a), pack_code(b)
    if pa is not None and pb is not None:
        assert (pa == pb) is (a == b)


def test_seen_names_the_second_place() -> None:
    seen = Seen()
    seen.check("000.00.53.H48-220921-0099", "f line 1")
    with pytest.raises(InvalidInputError, match="f line 2 \\$.code"):
        seen.check("000.00.53.H48-220921-0099", "f line 2")


# -- the fast extra ------------------------------------------------------------------------


def _fast_json() -> Any:
    """The fast extra's module; the test is skipped without msgspec (the rest still runs)."""
    return pytest.importorskip("motcua.serialization.fast_json", exc_type=ImportError)


_JSON_TEXTS = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**22), 10**22)
    | st.floats(allow_nan=False)
    | st.text(alphabet=st.characters(codec="utf-8") | st.sampled_from(['"', "\\", ":"])),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.sampled_from(["a", "b", 'c":', "d\\"]), inner, max_size=4)
    ),
    max_leaves=12,
).map(lambda value: json.dumps(value, ensure_ascii=False))


def _with_duplicate(text: str, duplicate: bool) -> str:
    at = text.find('{"')
    if at < 0 or not duplicate:
        return text
    return text[: at + 1] + '"a": 1, ' + text[at + 1 :]


def _strict(text: str) -> object:
    try:
        return decode_json(text, "t")
    except InvalidInputError as exc:
        return exc


@settings(max_examples=400, deadline=None)
@given(text=_JSON_TEXTS, duplicate=st.booleans(), spaced=st.booleans())
def test_fast_decoder_returns_only_what_the_strict_decoder_returns(
    text: str, duplicate: bool, spaced: bool
) -> None:
    text = _with_duplicate(text, duplicate)
    if spaced:
        text = text.replace('":', '" :', 1)
    got = _fast_json().decode_plain(text)
    if got is not None:
        assert got == _strict(text)
        assert json.dumps(got) == json.dumps(_strict(text))


@pytest.mark.parametrize(
    "text",
    [
        '{"a": 1, "a": 2}',
        '{"a": 1, "b": {"c": 1, "c": 2}}',
        '{"a": [{"c": 1, "c": 2}]}',
        '{"a" : 1, "a": 2}',
        '{"a":\t1, "a"\t: 2}',
        '{"a": 123456789012345678901}',
        '{"a": 1.00000000000000000000001}',
        '{"a": NaN}',
        '{"a": 1e400}',
        '{"a": "\\ud800"}',
        '{"a": "\ud800"}',
        '[{"a": 1}]',
        '{"a": 1} {"b": 2}',
    ],
)
def test_fast_decoder_defers_on_each_unusual_form(text: str) -> None:
    assert _fast_json().decode_plain(text) is None


def _report(path: Path, fast: bool, monkeypatch: pytest.MonkeyPatch, jobs: int = 1) -> str:
    with monkeypatch.context() as patch:
        patch.setattr(reports, "_FAST", [] if fast else [None])
        errors: list[InvalidInputError] = []
        acc = tally_file(path, parse_period("2024"), jobs=jobs, skip_invalid=True, errors=errors)
        report = report_to_json(acc.result())
    return json.dumps([report, [str(e) for e in errors]], ensure_ascii=False, sort_keys=True)


@pytest.fixture(scope="module")
def odd_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("odd") / "odd.jsonl"
    subprocess.run(
        [sys.executable, str(GENERATOR), "--count", "1500", "--odd", "0.5", "--out", str(path)],
        check=True,
        capture_output=True,
    )
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3].replace('"channel": ', '"channel": 1, "channel": ', 1)  # strict: error
    lines.append(lines[10])  # the same dossier twice: an error naming the second
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_report_is_the_same_with_and_without_the_fast_extra(
    odd_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fast_json()
    with_fast = _report(odd_file, True, monkeypatch)
    assert with_fast == _report(odd_file, False, monkeypatch)
    assert "each key once" in with_fast
    assert "each dossier once" in with_fast
    assert _report(SAMPLE, True, monkeypatch) == _report(SAMPLE, False, monkeypatch)


def test_two_jobs_give_the_same_report(odd_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    one = _report(odd_file, True, monkeypatch)
    lines = odd_file.read_text(encoding="utf-8").splitlines()[:-1]  # no duplicate
    single = odd_file.with_name("single.jsonl")
    single.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert _report(single, True, monkeypatch, jobs=2) == _report(single, True, monkeypatch)
    assert _report(odd_file, True, monkeypatch, jobs=2) == one  # a duplicate across parts


def test_the_fast_extra_is_not_imported_when_reports_load() -> None:
    code = (
        "import sys; import motcua.serialization.reports, motcua.analyses.report; "
        "print('msgspec' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_an_instant_is_the_same_in_every_form() -> None:
    at = datetime(2024, 3, 4, 8, 15, tzinfo=VN_TZ)
    texts = [
        "2024-03-04T08:15:00+07:00",
        "2024-03-04T01:15:00Z",
        "2024-03-04T10:15:00+09:00",
        "2024-03-04T08:15",
        at.astimezone(timezone(timedelta(hours=-5))).isoformat(),
    ]
    assert {schema._instant(t) for t in texts} == {at}
    assert date(2024, 3, 4) == schema._instant(texts[0]).date()


def test_two_jobs_report_progress_as_each_part_finishes(odd_file: Path) -> None:
    """One call per part, counting the parts done (not a single call at the end)."""
    lines = odd_file.read_text(encoding="utf-8").splitlines()[:-1]  # no duplicate
    single = odd_file.with_name("progress.jsonl")
    single.write_text("\n".join(lines) + "\n", encoding="utf-8")
    calls: list[int] = []
    parallel = tally_file(
        single, parse_period("2024"), jobs=3, skip_invalid=True, progress=calls.append
    )
    assert calls == [1, 2, 3]
    alone = tally_file(single, parse_period("2024"), skip_invalid=True)
    assert parallel.state() == alone.state()


def test_the_recount_after_a_code_in_two_parts_reports_no_line_counts(odd_file: Path) -> None:
    """A duplicate across parts is counted again in one process; progress stays in parts."""
    lines = odd_file.read_text(encoding="utf-8").splitlines()
    twice = odd_file.with_name("twice.jsonl")
    padding = [""] * 10_000  # blank lines: numbered, skipped; the recount passes line 10,000
    twice.write_text("\n".join([*lines, *padding, lines[0]]) + "\n", encoding="utf-8")
    calls: list[int] = []
    errors: list[InvalidInputError] = []
    parallel = tally_file(
        twice,
        parse_period("2024"),
        jobs=2,
        skip_invalid=True,
        errors=errors,
        progress=calls.append,
    )
    assert calls == [1, 2]  # the parts, then nothing from the recount's lines
    assert any("each dossier once" in str(e) for e in errors)
    alone = tally_file(twice, parse_period("2024"), skip_invalid=True)
    assert parallel.state() == alone.state()
