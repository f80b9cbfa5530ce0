"""The report kernel gives what the full reader gives, or leaves the record to it (ADR 0025).

Differential tests: every record the kernel takes is counted exactly as the full reader
(``dossier_from_json`` then ``Bieu06.add``) counts it, for generated lawful histories in
every event kind, odd instants, open pauses, carried-over dossiers, years, quarters and
months, both policies; for mutated records and mutated texts the kernel takes nothing the
strict reader refuses. Whole reports are byte-identical with and without the kernel.
"""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from datetime import datetime, time, timedelta, timezone
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from motcua.analyses.bieu06 import Bieu06, Dimension
from motcua.analyses.buckets import ReportPolicy, StoppedAs
from motcua.analyses.periods import parse_period
from motcua.domain.timeliness import Granularity
from motcua.foundation.errors import InvalidInputError, MotcuaError
from motcua.foundation.vntime import VN_TZ
from motcua.serialization import kernel, reports, schema
from motcua.serialization.decoding import decode_json
from motcua.serialization.dossiers import dossier_from_json, dossier_to_json
from motcua.serialization.instants import parse_instant
from motcua.serialization.kernel import Kernel, from_instant, to_instant
from motcua.serialization.reports import report_to_json, tally_file, tally_lines
from motcua.serialization.schema import EVENTS, RECORD
from motcua.testing.strategies import dossiers
from motcua.time.deadlines import Pause, default_schedule
from motcua.time.limits import (
    CalendarDays,
    CountingRule,
    Months,
    SameDay,
    WorkingDays,
    WorkingHours,
)

from .test_scan_agreement import mutated_records

ROOT = Path(__file__).resolve().parent.parent.parent
SAMPLE = ROOT / "examples" / "data" / "dossiers.jsonl"

Record = dict[str, Any]

#: With the ``fast`` extra installed, the typed decoder too.
TYPED = (False, True) if kernel.typed_decoder() is not None else (False,)

_PERIODS = st.sampled_from(
    [
        "2019",
        "2020-Q1",
        "2021-H2",
        "2022-03",
        "2023-9M",
        "2024",
        "2024-Q2",
        "2024-Q4",
        "2025-H1",
        "2026-07",
        "2027-Q3",
        "2030",
    ]
)
_POLICIES = st.builds(
    ReportPolicy, st.sampled_from(list(Granularity)), st.sampled_from(list(StoppedAs))
)


def _rewrite(at: str, form: str) -> str:
    instant = datetime.fromisoformat(at)
    if form == "utc":
        return instant.astimezone(timezone.utc).isoformat().replace("+00:00", "Z")
    if form == "offset":
        return instant.astimezone(timezone(timedelta(hours=-5))).isoformat()
    if form == "naive":
        return instant.replace(tzinfo=None).isoformat()
    if form == "fraction":
        return instant.replace(microsecond=250_000).isoformat()
    return at


@st.composite
def record_texts(draw: st.DrawFn) -> tuple[Record, str]:
    """A generated lawful record, its instants in one of the accepted forms, as JSON text.

    Its lifecycle policy and term start vary; dropping the policy may make its log
    unlawful (a second apology letter), which the kernel must leave to the full reader.
    """
    record: Record = dossier_to_json(draw(dossiers(any_policy=True, any_start=True)))
    form = draw(st.sampled_from(["vn", "vn", "vn", "utc", "offset", "naive", "fraction"]))
    for event in record["events"]:
        for key in ("at", "new_appointment"):
            if key in event:
                event[key] = _rewrite(event[key], form)
    record.pop("policy", None) if draw(st.booleans()) else None
    text = json.dumps(record, ensure_ascii=draw(st.booleans()))
    return record, text


def _full(text: str, acc: Bieu06) -> object:
    """The full reader's count of one text: the state, or the error."""
    try:
        acc.add(dossier_from_json(decode_json(text, "<t>"), "<t>"))
    except InvalidInputError as exc:
        return ("error", type(exc).__name__)
    return acc.state()


def _kernel(
    text: str, acc: Bieu06, k: Kernel | None = None, *, typed: bool = False
) -> object | None:
    k = k or Kernel(acc, typed=typed)
    taken = k.take_typed(text) if typed else k.take(text)
    if taken is None:
        return None
    _code, key, columns = taken
    acc.add_columns(key, columns)
    return acc.state()


def _spec(period: str, policy: ReportPolicy, by: tuple[Dimension, ...] = ()) -> Bieu06:
    return Bieu06(parse_period(period), policy=policy, by=by)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    record_texts(),
    _PERIODS,
    _POLICIES,
    st.sampled_from([(), (Dimension.AGENCY,)]),
    st.sampled_from(TYPED),
)
def test_the_kernel_counts_a_record_as_the_full_reader_does(
    generated: tuple[Record, str],
    period: str,
    policy: ReportPolicy,
    by: tuple[Dimension, ...],
    typed: bool,
) -> None:
    _record, text = generated
    k = Kernel(_spec(period, policy, by), typed=typed)
    for _ in range(2):  # the second time from the caches
        acc = _spec(period, policy, by)
        k.acc = acc
        fast = _kernel(text, acc, k, typed=typed)
        full = _full(text, _spec(period, policy, by))
        if fast is not None:
            assert fast == full


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_records(), _PERIODS, st.sampled_from(TYPED))
def test_the_kernel_takes_only_what_the_strict_reader_accepts(
    record: Record, period: str, typed: bool
) -> None:
    text = json.dumps(copy.deepcopy(record))
    fast = _kernel(text, _spec(period, ReportPolicy()), typed=typed)
    if fast is not None:
        assert fast == _full(text, _spec(period, ReportPolicy()))


_SAMPLE_LINES = SAMPLE.read_text(encoding="utf-8").splitlines()


@st.composite
def mutated_texts(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(_SAMPLE_LINES))
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(text)))
        insert = draw(
            st.sampled_from(
                [
                    " ",
                    "\t",
                    ":",
                    '"',
                    ",",
                    '"code": "000.00.05.H48-240415-0002", ',
                    '"channel": 2, ',
                    '"channel" : 2, ',
                    '"x": 1, ',
                    "\\ud800",
                    "\\u0041",
                    "1.0",
                    "1e400",
                    "true",
                    "NaN",
                    "99999999999999999999999",
                    "{",
                    "[",
                    '":',
                ]
            )
        )
        text = text[:at] + insert + text[at:]
    return text


@settings(max_examples=500, deadline=None)
@given(mutated_texts(), st.booleans(), st.sampled_from(TYPED))
def test_the_kernel_takes_no_text_the_strict_decoder_refuses(
    text: str, from_utf8: bool, typed: bool
) -> None:
    acc = _spec("2024", ReportPolicy())
    k = Kernel(acc, from_utf8=from_utf8, typed=typed)
    assert k.take_typed(_SAMPLE_LINES[1]) if typed else k.take(_SAMPLE_LINES[1])
    taken = k.take_typed(text) if typed else k.take(text)
    if taken is None:
        return
    acc.add_columns(taken[1], taken[2])
    assert acc.state() == _full(text, _spec("2024", ReportPolicy()))


@pytest.mark.parametrize(
    "text",
    [
        # Each guard alone: a duplicate key after a space, a key written twice, a lone
        # surrogate by escape, a float channel, a bool count, a `starts` and a `policy`.
        _SAMPLE_LINES[0].replace('"channel":', '"channel": 2, "channel" :', 1),
        _SAMPLE_LINES[0].replace('"channel":', '"channel": 2, "channel":', 1),
        _SAMPLE_LINES[0].replace('"procedure":', '"case": "\\udc00", "procedure":', 1),
        _SAMPLE_LINES[0].replace('"channel": 1', '"channel": 1.0', 1),
        _SAMPLE_LINES[0].replace('"procedure":', '"starts": "complete", "procedure":', 1),
        _SAMPLE_LINES[0].replace('"procedure":', '"policy": {"max": 1}, "procedure":', 1),
        _SAMPLE_LINES[0].replace('"procedure":', '"policy": [], "procedure":', 1),
        _SAMPLE_LINES[0].replace('"schema_version": 1', '"schema_version": 2', 1),
        _SAMPLE_LINES[0].replace('"schema_version": 1', '"schema_version": 1.0', 1),
        _SAMPLE_LINES[0].replace('"type": "resolved"', '"type": "resolved", "extra": 1', 1),
    ],
)
@pytest.mark.parametrize("typed", TYPED)
def test_each_guard_leaves_the_record_to_the_full_reader(text: str, typed: bool) -> None:
    assert text != _SAMPLE_LINES[0]
    k = Kernel(_spec("2024", ReportPolicy()), typed=typed)
    take = k.take_typed if typed else k.take
    assert take(_SAMPLE_LINES[0]) is not None  # the same record, plain, is taken
    assert take(text) is None


@pytest.mark.parametrize("count", ["true", "1.0", '"1"', "1e0"])
@pytest.mark.parametrize("typed", TYPED)
def test_a_limit_equal_to_a_cached_one_but_of_another_type_is_left(
    count: str, typed: bool
) -> None:
    same_day = '{"unit": "same_day", "cutoff": "15:00"}'
    one = _SAMPLE_LINES[0].replace(same_day, '{"unit": "working_days", "count": 1}', 1)
    k = Kernel(_spec("2024", ReportPolicy()), typed=typed)
    take = k.take_typed if typed else k.take
    assert take(one) is not None
    other = one.replace('"count": 1}', f'"count": {count}}}', 1)
    taken = take(other)
    if count == '"1"':  # a whole number as text is a count too, read as the integer 1
        assert taken == take(one)
    else:
        assert taken is None


def test_a_surrogate_character_is_left_when_the_text_was_not_read_from_utf8() -> None:
    text = _SAMPLE_LINES[0].replace('"procedure":', '"case": "\ud800", "procedure":', 1)
    k = Kernel(_spec("2024", ReportPolicy()), from_utf8=False, typed=True)
    assert k.take(text) is None
    assert k.take_typed(text) is None


def test_the_kernel_reads_only_keys_of_the_schema() -> None:
    event_keys = {name for shape in EVENTS.values() for name in shape.fields}
    assert set(RECORD.fields) >= kernel.READ
    assert set(RECORD.fields) | event_keys >= kernel.UNUSED
    # Every key of the record is one the kernel reads or knows unused (a new one: defer).
    assert set(RECORD.fields) - kernel.READ - kernel.UNUSED <= {"schema_version"}
    assert {"policy", "starts"} <= kernel.READ


_POLICY_VALUES = [
    "{}",
    '{"max_reschedules": 2}',
    '{"max_reschedules": null, "exclude_obligation": false}',
    '{"intake_supplement_restarts": false, "exclude_appraisal_supplement": false}',
    '{"max_reschedules": 0}',
    # Refused by the strict converter: the kernel must leave each one.
    '{"max_reschedules": -1}',
    '{"max_reschedules": true}',
    '{"max_reschedules": 1.0}',
    '{"max_reschedules": "1"}',
    '{"exclude_obligation": 1}',
    '{"exclude_obligation": [true]}',
    '{"max_reschedules": {"a": 1}}',
    '{"other": 1}',
    '{"max_reschedules": 2, "max_reschedules": 1}',
    "[]",
    "null",
]


@pytest.mark.parametrize("value", _POLICY_VALUES)
@pytest.mark.parametrize(
    "starts", [None, '"submission"', '"payment"', '"complete_dossier"', '"x"']
)
@pytest.mark.parametrize("typed", TYPED)
def test_a_policy_and_start_are_read_as_the_strict_reader_reads_them(
    value: str, starts: str | None, typed: bool
) -> None:
    """Valid policies and starts are taken and counted exactly; the others are left."""
    k = Kernel(_spec("2024", ReportPolicy()), typed=typed)
    take = k.take_typed if typed else k.take
    for line in _SAMPLE_LINES:
        extra = f'"policy": {value}, '
        if starts is not None:
            extra += f'"starts": {starts}, '
        text = line.replace('"procedure":', extra + '"procedure":', 1)
        for _ in range(2):  # the second time from the caches
            acc = _spec("2024", ReportPolicy())
            k.acc = acc
            fast = _kernel(text, acc, k, typed=typed)
            full = _full(text, _spec("2024", ReportPolicy()))
            if isinstance(full, tuple) and full[0] == "error":
                assert fast is None
            elif fast is not None:
                assert fast == full
        refused = value in _POLICY_VALUES[5:] or starts == '"x"'
        if not refused and take(text) is None:
            # Taken unless the log itself is unlawful under that policy.
            assert isinstance(_full(text, _spec("2024", ReportPolicy())), tuple)


# -- integer instants and due instants ------------------------------------------------------

_RECEIPTS = st.datetimes(
    min_value=datetime(2013, 1, 1), max_value=datetime(2097, 12, 31), timezones=st.just(VN_TZ)
)
_LIMITS = st.one_of(
    st.builds(WorkingDays, st.integers(0, 40)),
    st.builds(WorkingHours, st.integers(0, 100)),
    st.builds(WorkingDays, st.sampled_from([Fraction(1, 2), Fraction(3, 2), Fraction(1, 3)])),
)


_INSTANT_TEXTS = st.one_of(
    _RECEIPTS.map(lambda at: at.isoformat()),
    _RECEIPTS.map(lambda at: at.astimezone(timezone.utc).isoformat().replace("+00:00", "Z")),
    _RECEIPTS.map(lambda at: at.replace(tzinfo=None).isoformat(timespec="minutes")),
    _RECEIPTS.map(lambda at: at.astimezone(timezone(timedelta(hours=-9))).isoformat()),
    st.builds(
        "{:04d}-{:02d}-{:02d}T{:02d}:{:02d}:{:02d}{}".format,
        st.sampled_from([1, 2, 2024, 9998, 9999]),
        st.integers(0, 13),
        st.integers(0, 32),
        st.integers(0, 25),
        st.integers(0, 61),
        st.integers(0, 61),
        st.sampled_from(["", "Z", "+07:00", "+14:00", "-23:59", ".5+07:00", ".250", "+24:00"]),
    ),
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_INSTANT_TEXTS, min_size=1, max_size=20))
def test_kernel_instants_are_parse_instant(texts: list[str]) -> None:
    k = Kernel(_spec("2024", ReportPolicy()))
    for text in texts * 2:  # the second time from the caches
        try:
            expected: object = to_instant(parse_instant(text))
        except MotcuaError:
            expected = None
        try:
            got: object = k._instant(text)
        except (schema.Defer, MotcuaError):
            got = None
        assert got == expected, text


@settings(max_examples=300, deadline=None)
@given(_RECEIPTS)
def test_integer_instants_round_trip(at: datetime) -> None:
    assert from_instant(to_instant(at)) == at
    assert to_instant(at.astimezone(timezone.utc)) == to_instant(at)


@settings(max_examples=500, deadline=None)
@given(
    _RECEIPTS,
    _LIMITS,
    st.lists(st.tuples(st.integers(-3000, 30000), st.integers(0, 20000)), max_size=3),
)
def test_integer_working_due_is_due_instant(
    start: datetime, limit: WorkingDays | WorkingHours, raw: list[tuple[int, int]]
) -> None:
    schedule = default_schedule()
    pauses = [(start + timedelta(minutes=a), start + timedelta(minutes=a + b)) for a, b in raw]
    try:
        expected: object = schedule.due_instant(
            start, limit, pauses=tuple(Pause(a, b) for a, b in pauses)
        )
    except MotcuaError as exc:
        expected = type(exc)
    try:
        duration = schedule._int_duration(limit)
        ints = [(to_instant(a), to_instant(b)) for a, b in pauses]
        got: object = from_instant(schedule._int_working_due(to_instant(start), duration, ints))
        if not pauses:
            assert schedule._int_working_fast(to_instant(start), duration) == to_instant(got)  # type: ignore[arg-type]
    except MotcuaError as exc:
        got = type(exc)
    assert got == expected


@settings(max_examples=300, deadline=None)
@given(
    _RECEIPTS,
    st.sampled_from([None, time(15, 0), time(11, 30), time(17, 0), time(23, 59)]),
)
def test_same_day_threshold_is_the_rule(start: datetime, cutoff: time | None) -> None:
    """A receipt before the threshold gets the due instant of a receipt at midnight."""
    schedule = default_schedule()
    limit = SameDay(cutoff)
    midnight = start.replace(hour=0, minute=0, second=0, microsecond=0)
    before = schedule._int_same_day_before(start.toordinal(), cutoff)
    mine = schedule.due_instant(start, limit)
    t = to_instant(start) - start.toordinal() * kernel.DAY
    if t < before:
        assert mine == schedule.due_instant(midnight, limit)
    else:
        late = midnight + timedelta(microseconds=kernel.DAY - 1)
        assert mine == schedule.due_instant(late, limit)


@settings(max_examples=200, deadline=None)
@given(
    _RECEIPTS,
    st.sampled_from(
        [
            (CalendarDays(10), None),
            (WorkingDays(3), CountingRule.WHOLE_DAYS),
            (Months(2), None),
        ]
    ),
)
def test_day_rules_depend_on_the_receipt_day_only(start: datetime, term: tuple[Any, Any]) -> None:
    schedule = default_schedule()
    limit, rule = term
    midnight = start.replace(hour=0, minute=0, second=0, microsecond=0)
    assert schedule.due_instant(start, limit, rule=rule) == schedule.due_instant(
        midnight, limit, rule=rule
    )


# -- whole reports ----------------------------------------------------------------------------


def _report(
    lines: list[str], period: str, *, use: bool, fast: bool = False, **options: Any
) -> str:
    saved = reports.USE_KERNEL, list(reports._FAST)
    reports.USE_KERNEL = use
    reports._FAST[:] = [] if fast else [None]
    try:
        errors: list[InvalidInputError] = []
        acc = tally_lines(lines, parse_period(period), skip_invalid=True, errors=errors, **options)
    finally:
        reports.USE_KERNEL, reports._FAST[:] = saved
    return json.dumps(
        [report_to_json(acc.result()), [str(e) for e in errors]],
        ensure_ascii=False,
        sort_keys=True,
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(record_texts(), min_size=1, max_size=30),
    _PERIODS,
    _POLICIES,
    st.sampled_from([(), (Dimension.CHANNEL,), (Dimension.AGENCY, Dimension.CHANNEL)]),
)
def test_reports_are_the_same_with_and_without_the_kernel(
    records: list[tuple[Record, str]],
    period: str,
    policy: ReportPolicy,
    by: tuple[Dimension, ...],
) -> None:
    lines = [text for _, text in records]
    lines += lines[:1]  # a duplicate: an error naming its line
    with_kernel = _report(lines, period, use=True, policy=policy, by=by)
    assert with_kernel == _report(lines, period, use=False, policy=policy, by=by)
    if True in TYPED:
        assert with_kernel == _report(lines, period, use=True, fast=True, policy=policy, by=by)
    assert "each dossier once" in with_kernel


def test_the_sample_report_is_the_same_with_and_without_the_kernel() -> None:
    for period in ("2024", "2024-Q2", "2024-05"):
        assert _report(_SAMPLE_LINES, period, use=True) == _report(
            _SAMPLE_LINES, period, use=False
        )


def test_errors_name_the_file_line_and_path(tmp_path: Path) -> None:
    lines = list(_SAMPLE_LINES[:5])
    lines[2] = lines[2].replace('"channel": ', '"channel": 9, "x": ', 1)
    lines.append(lines[0])
    path = tmp_path / "bad.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    messages = []
    for use in (True, False):
        reports.USE_KERNEL = use
        try:
            errors: list[InvalidInputError] = []
            tally_file(path, parse_period("2024"), skip_invalid=True, errors=errors)
        finally:
            reports.USE_KERNEL = True
        messages.append([str(e) for e in errors])
    assert messages[0] == messages[1]
    assert f"{path} line 3 $" in messages[0][0]
    assert f"{path} line 6 $.code" in messages[0][1]


def test_plain_records_are_taken() -> None:
    """The fall-back share: every sample record is taken by the kernel."""
    k = Kernel(_spec("2024", ReportPolicy()))
    assert [line for line in _SAMPLE_LINES if k.take(line) is None] == []


GENERATOR = ROOT / "benchmarks" / "generate_dossiers.py"


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    path = tmp_path_factory.mktemp("kernel") / "odd.jsonl"
    subprocess.run(
        [sys.executable, str(GENERATOR), "--count", "3000", "--odd", "0.3", "--out", str(path)],
        check=True,
        capture_output=True,
    )
    return path.read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize("period", ["2024", "2024-Q1", "2024-Q4", "2024-12", "2025-Q1"])
def test_generated_reports_are_the_same_with_and_without_the_kernel(
    generated: list[str], period: str
) -> None:
    for by in ((), (Dimension.AGENCY, Dimension.CHANNEL)):
        full = _report(generated, period, use=False, by=by)
        assert _report(generated, period, use=True, by=by) == full
        if True in TYPED:
            assert _report(generated, period, use=True, fast=True, by=by) == full


@pytest.mark.parametrize("typed", TYPED)
def test_generated_records_never_fall_back(generated: list[str], typed: bool) -> None:
    """The generator's odd records, policies included, are all taken by the kernel."""
    assert any('"policy"' in line for line in generated)
    k = Kernel(_spec("2024-Q4", ReportPolicy()), typed=typed)
    take = k.take_typed if typed else k.take
    assert [line for line in generated if take(line) is None] == []


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        dossiers(any_start=True, first_day=datetime(2023, 10, 1).date()),
        min_size=1,
        max_size=12,
    ),
    _PERIODS,
)
def test_a_terms_start_is_counted_as_the_full_reader_counts_it(
    generated: list[Any], period: str
) -> None:
    """Records with ``starts`` (issue 11) are taken by the kernel and counted exactly."""
    seen: set[str] = set()
    lines = []
    for d in generated:
        if str(d.code) not in seen:
            seen.add(str(d.code))
            lines.append(json.dumps(dossier_to_json(d), ensure_ascii=False))
    with_kernel = _report(lines, period, use=True)
    assert with_kernel == _report(lines, period, use=False)
    k = Kernel(_spec(period, ReportPolicy()))
    assert [line for line in lines if k.take(line) is None] == []
