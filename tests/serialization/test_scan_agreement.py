"""The fast report reader and the strict reader agree: one schema, no second opinion.

Every check of ``serialization/scan.py`` (and of the schema it derives from) has a record
here that only that check stops; deleting the check makes its row fail. A property test
mutates generated records at random and holds the fast reader to the strict one.
"""

from __future__ import annotations

import copy
import enum
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from motcua.analyses.periods import parse_period
from motcua.analyses.report import Bieu06, Dimension
from motcua.domain.lifecycle import EVENT_TYPES
from motcua.foundation.errors import InvalidInputError
from motcua.serialization.dossiers import dossier_from_json, dossier_to_json
from motcua.serialization.reports import count_record
from motcua.serialization.scan import scan_record
from motcua.serialization.schema import EVENTS, RECORD, enum_member
from motcua.testing.strategies import dossiers

SAMPLE = Path(__file__).resolve().parent.parent.parent / "examples" / "data" / "dossiers.jsonl"
PERIOD = parse_period("2024-Q2")
BY = (Dimension.CHANNEL, Dimension.AGENCY)

Record = dict[str, Any]


def _sample(line: int) -> Record:
    data: Record = json.loads(SAMPLE.read_text(encoding="utf-8").splitlines()[line])
    return data


def _with_supplement() -> Record:
    record = _sample(13)
    record["events"].insert(
        2,
        {
            "type": "supplement_requested",
            "at": "2024-04-15T09:00:00+07:00",
            "stage": "appraisal",
            "items": ["CCCD"],
            "reason": "Thiếu bản sao",
        },
    )
    record["events"].insert(3, {"type": "supplement_received", "at": "2024-04-15T10:00:00+07:00"})
    return record


def _set(path: tuple[Any, ...], value: object) -> Callable[[Record], None]:
    def mutate(record: Record) -> None:
        target: Any = record
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value

    return mutate


def _drop(path: tuple[Any, ...]) -> Callable[[Record], None]:
    def mutate(record: Record) -> None:
        target: Any = record
        for step in path[:-1]:
            target = target[step]
        del target[path[-1]]

    return mutate


def _whole(value: object) -> Callable[[Record], object]:
    return lambda _record: value


# One row per check of the fast reader: (name, mutation). Every row's record must be
# refused by both readers with the same message.
REFUSED: list[tuple[str, Callable[[Record], object]]] = [
    ("record is an object", _whole([1, 2])),
    ("no unknown top-level key", _set(("channle",), 2)),
    *[(f"required {key}", _drop((key,))) for key in sorted(RECORD.required - {"limit"})],
    ("schema_version is the integer 1", _set(("schema_version",), True)),
    ("schema_version is this release's", _set(("schema_version",), 2)),
    ("code is text", _set(("code",), 5)),
    ("code is a real dossier code", _set(("code",), "000.00.05.H48-240231-0001")),
    ("code takes ASCII digits", _set(("code",), "000.00.05.H48-240415-000١")),
    ("procedure is a code", _set(("procedure",), "2.00161")),
    ("procedure is text", _set(("procedure",), ["2.001610"])),
    ("channel is an integer", _set(("channel",), "2")),
    ("channel is not a bool", _set(("channel",), True)),
    ("channel is 1-3", _set(("channel",), 4)),
    ("level is a level", _set(("level",), "county")),
    ("level is a scalar", _set(("level",), [])),
    ("rule is a rule", _set(("rule",), "fast")),
    ("rule is a scalar", _set(("rule",), {"x": 1})),
    ("rule fits the limit", _set(("rule",), "months")),
    ("no rule without a limit", lambda r: r.update(limit={"unit": "none"}, rule="whole-days")),
    ("limit is an object", _set(("limit",), 3)),
    ("limit count is not a bool", _set(("limit", "count"), True)),
    ("limit count is not a float", _set(("limit", "count"), 3.0)),
    ("limit count is in range", _set(("limit", "count"), -1)),
    ("limit has known keys", _set(("limit", "per"), "day")),
    ("limit values are hashable", _set(("limit", "count"), [3])),
    ("facts is an object", _set(("facts",), None)),
    ("facts values are flags", _set(("facts", "paid_online"), "yes")),
    ("facts keys are known", _set(("facts", "paid"), True)),
    ("case is text", _set(("case",), 1)),
    ("applicant is text", _set(("applicant",), None)),
    ("subject is text", _set(("subject",), ["a"])),
    ("events is an array", _set(("events",), {"type": "received"})),
    ("events is not empty", _set(("events",), [])),
    ("events is not a number", _set(("events",), 5)),
    ("events is not text", _set(("events",), "received")),
    ("event is an object", _set(("events", 0), "received")),
    ("event type is text", _set(("events", 0, "type"), 1)),
    ("event type is a scalar", _set(("events", 0, "type"), ["received"])),
    ("event type is known", _set(("events", 0, "type"), "recieved")),
    ("event at is required", _drop(("events", 0, "at"))),
    ("event at is an instant", _set(("events", 0, "at"), "2024-04-15 08:00")),
    ("event at is a real instant", _set(("events", 0, "at"), "2024-02-30T08:00:00+07:00")),
    ("event at has no surrounding space", _set(("events", 0, "at"), " 2024-04-15T08:00")),
    ("event keys are known", _set(("events", 0, "atx"), "x")),
    ("transfer needs to_agency", _drop(("events", 1, "to_agency"))),
    ("to_agency is text", _set(("events", 1, "to_agency"), 5)),
    ("allotted is working time", _set(("events", 1, "allotted"), {"unit": "months", "count": 1})),
    ("allotted is an object", _set(("events", 1, "allotted"), 16)),
    ("delay needs new_appointment", _drop(("events", 3, "new_appointment"))),
    (
        "new_appointment after the letter",
        _set(("events", 3, "new_appointment"), "2024-04-16T08:00"),
    ),
    ("new_appointment is an instant", _set(("events", 3, "new_appointment"), 20240423)),
    ("note is text", _set(("events", 3, "note"), 1)),
    ("method is a method", _set(("events", 5, "method"), "email")),
    ("method is a scalar", _set(("events", 5, "method"), ["online"])),
    ("outcome is an outcome", _set(("events", 4, "outcome"), "ok")),
    ("appointment is an instant", _set(("events", 0, "appointment"), "soon")),
    ("events in time order", lambda r: r["events"].reverse()),
    ("events lawful", _drop(("events", 0))),
]

REFUSED_WITH_SUPPLEMENT: list[tuple[str, Callable[[Record], object]]] = [
    ("supplement needs a stage", _drop(("events", 2, "stage"))),
    ("stage is a stage", _set(("events", 2, "stage"), "review")),
    ("stage is a scalar", _set(("events", 2, "stage"), ["intake"])),
    ("items is an array", _set(("events", 2, "items"), "CCCD")),
    ("items is an array, not an object", _set(("events", 2, "items"), {"CCCD": 1})),
    ("items are text", _set(("events", 2, "items"), [1])),
]


def _refused_by_both(record: object) -> None:
    assert scan_record(record) is None
    with pytest.raises(InvalidInputError) as full:
        dossier_from_json(record, "f.jsonl line 14")
    with pytest.raises(InvalidInputError) as fast:
        count_record(Bieu06(PERIOD), record, "f.jsonl line 14")
    assert str(fast.value) == str(full.value)


@pytest.mark.parametrize(("name", "mutate"), REFUSED, ids=[n for n, _ in REFUSED])
def test_each_fast_check_refuses_what_the_strict_reader_refuses(
    name: str, mutate: Callable[[Record], object]
) -> None:
    del name  # the row's id
    record = _sample(13)
    assert scan_record(copy.deepcopy(record)) is not None  # the unmutated record is fast
    result = mutate(record)
    _refused_by_both(record if result is None else result)


@pytest.mark.parametrize(
    ("name", "mutate"), REFUSED_WITH_SUPPLEMENT, ids=[n for n, _ in REFUSED_WITH_SUPPLEMENT]
)
def test_each_fast_event_check_refuses_what_the_strict_reader_refuses(
    name: str, mutate: Callable[[Record], object]
) -> None:
    del name  # the row's id
    record = _with_supplement()
    assert scan_record(copy.deepcopy(record)) is not None
    mutate(record)
    _refused_by_both(record)


def _placed(record: Record) -> tuple[object, object]:
    fast = Bieu06(PERIOD, by=BY)
    count_record(fast, record, "<test>")
    full = Bieu06(PERIOD, by=BY)
    full.add(dossier_from_json(record, "<test>"))
    return fast.result(), full.result()


@pytest.mark.parametrize(
    "mutate",
    [
        # A policy changes the fold: the fast reader must leave it to the strict one.
        _set(("policy",), {"max_reschedules": None, "exclude_appraisal_supplement": False}),
        _set(("policy",), {"intake_supplement_restarts": False}),
        _set(("level",), "province"),
        _set(("limit",), {"unit": "none"}),
        _set(("limit",), {"unit": "calendar_days", "count": 30}),
    ],
)
def test_records_the_strict_reader_accepts_are_placed_alike(
    mutate: Callable[[Record], None],
) -> None:
    record = _with_supplement()
    mutate(record)
    if "policy" in record:
        assert scan_record(record) is None
    fast, full = _placed(record)
    assert fast == full


def test_enum_values_match_in_type_too() -> None:
    class Small(enum.Enum):
        ONE = 1

    assert enum_member(Small, 1) is Small.ONE
    with pytest.raises(KeyError):
        enum_member(Small, True)  # True == 1, but a flag is not a code
    with pytest.raises(KeyError):
        enum_member(Small, 1.0)


def test_the_schema_is_the_value_classes() -> None:
    for kind, cls in EVENT_TYPES.items():
        names = {f.name for f in attrs.fields(cls)}
        assert set(EVENTS[kind].fields) == names
        required = {f.name for f in attrs.fields(cls) if f.default is attrs.NOTHING}
        assert EVENTS[kind].required == required
    assert "events" in RECORD.fields
    assert "policy" in RECORD.fields
    # The fast reader checks a bare {"type", "at"} event with the one "at" check.
    assert len({shape.fields["at"].check for shape in EVENTS.values()}) == 1


# -- random mutations of generated records ---------------------------------------------

_HOSTILE: list[object] = [
    None,
    True,
    False,
    0,
    1,
    2,
    -1,
    1.5,
    2.0,
    10**30,
    "",
    " ",
    "2",
    "²",
    "٢",
    "２",
    "1_0",
    "1e100000000",
    "1/2",
    "0/1",
    [],
    [1],
    ["a"],
    {},
    {"a": 1},
    "2024-04-15T08:00:00+07:00",
    "2024-04-15T08:00:00+14:00",
    "0001-01-01T00:00:00+08:00",
    "9999-12-31T23:00:00-05:00",
    "2024-04-15T08:00:00.5+07:00",
    "2024-W16-1T08:00",
    "received",
    "intake",
    "online",
    "granted",
    "province",
    "working-time",
    "whole-days",
    {"unit": "working_days", "count": 2},
    {"unit": "working_hours", "count": "1/2"},
    {"unit": "same_day", "cutoff": "15:00"},
    {"unit": "none"},
    "000.00.05.H48-240415-0002",
    "1.001193",
    "\u2028",
    "a\nb",
]


def _paths(value: object, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [path] if path else []
    if isinstance(value, dict):
        for key, item in value.items():
            out += _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            out += _paths(item, (*path, index))
    return out


@st.composite
def mutated_records(draw: st.DrawFn) -> Record:
    dossier = draw(dossiers())
    record: Record = json.loads(json.dumps(dossier_to_json(dossier)))
    for _ in range(draw(st.integers(1, 3))):
        paths = _paths(record)
        path = draw(st.sampled_from(paths))
        action = draw(st.sampled_from(["set", "drop", "add"]))
        target: Any = record
        for step in path[:-1]:
            target = target[step]
        if action == "drop":
            del target[path[-1]]
        elif action == "add" and isinstance(target, dict):
            target[draw(st.sampled_from(["extra", "stage", "items", "level", "rule"]))] = draw(
                st.sampled_from(_HOSTILE)
            )
        else:
            target[path[-1]] = copy.deepcopy(draw(st.sampled_from(_HOSTILE)))
    return record


@settings(max_examples=300, deadline=None)
@given(mutated_records())
def test_the_fast_reader_accepts_only_what_the_strict_reader_accepts(record: Record) -> None:
    scanned = scan_record(copy.deepcopy(record))
    try:
        dossier_from_json(copy.deepcopy(record), "<test>")
    except InvalidInputError:
        assert scanned is None
        return
    if scanned is None:
        return
    fast, full = _placed(record)
    assert fast == full
