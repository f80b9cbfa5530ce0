"""The dossier record's schema, declared once: from the value classes and one type table.

A dossier record is the JSON form of :class:`~motcua.domain.dossiers.Dossier` and its events
(a tagged union on ``"type"``). The classes' ``attrs`` fields are the declaration: names,
types, which are required (no default). This module derives from them, once, the facts
both readers use:

* the strict reader (:mod:`motcua.serialization.converter`, cattrs) structures the classes
  themselves, with forbidden extra keys;
* the fast report reader (:mod:`motcua.serialization.scan`) checks a raw record against
  :data:`RECORD` and :data:`EVENTS`: the same keys, the same required keys, and for each
  type the same parsing functions the strict reader's hooks call.

A field whose type has no entry in :data:`CHECKS` makes the fast reader defer to the strict
one (``policy``); a field whose type is unknown to the table fails at import, so a new field
cannot be forgotten.

>>> sorted(EVENTS["transferred"].required)
['at', 'to_agency']
>>> RECORD.fields["channel"].required, RECORD.fields["rule"].required
(True, False)
"""

from __future__ import annotations

import enum
import types
import typing
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any, Final

import attrs

from motcua.domain.codes import DossierCode, ProcedureCode
from motcua.domain.dossiers import DigitalFacts, Dossier
from motcua.domain.lifecycle import (
    EVENT_TYPES,
    Event,
    LifecyclePolicy,
    Outcome,
    ReturnMethod,
    Stage,
)
from motcua.domain.procedures import Channel, NoTimeLimit, TermStart
from motcua.domain.units import Level
from motcua.foundation.errors import MotcuaError
from motcua.foundation.vntime import VN_TZ
from motcua.serialization.instants import parse_instant
from motcua.serialization.limits import allotted_from_json, limit_from_json
from motcua.time.limits import CountingRule, TimeLimit, WorkingDays, WorkingHours

__all__ = ["CHECKS", "EVENTS", "RECORD", "Shape", "Spec", "channel_of", "enum_member"]

#: A fast check: the parsed value, or raise :class:`Defer` (let the strict reader decide).
Check = Callable[[Any], Any]


class Defer(Exception):  # noqa: N818 - control flow: "the strict reader decides"
    """The fast reader cannot accept this value; the strict reader decides (and explains)."""


_MEMBERS: dict[type[enum.Enum], dict[tuple[type, object], enum.Enum]] = {}


def enum_member(cls: type[enum.Enum], value: object) -> enum.Enum:
    """The member of *cls* whose value is *value*, of the same type (``"1"`` is not ``1``).

    The one enum rule of motcua's own formats, used by both readers.

    Raises:
        KeyError: No such member (TypeError: *value* is unhashable).
    """
    table = _MEMBERS.get(cls)
    if table is None:
        table = _MEMBERS[cls] = {(type(m.value), m.value): m for m in cls}
    return table[type(value), value]


def channel_of(value: object) -> Channel:
    """The channel whose ``KenhThucHien`` integer is *value* (an integer, never a string)."""
    if type(value) is not int:
        raise KeyError(value)
    return Channel(value)


def _defer_on(errors: tuple[type[BaseException], ...], fn: Check) -> Check:
    def check(value: Any) -> Any:
        try:
            return fn(value)
        except errors:
            raise Defer from None

    return check


def _text(value: Any) -> str:
    if type(value) is not str:
        raise Defer
    return value


def _texts(value: Any) -> tuple[str, ...]:
    if type(value) is not list or not all(type(v) is str for v in value):
        raise Defer
    return tuple(value)


#: Date and time-of-day parts of instants already read whole by :func:`parse_instant`.
_DAYS: dict[str, tuple[int, int, int]] = {}
_TIMES: dict[str, tuple[int, int, int]] = {}
_VN_SUFFIX: Final = "+07:00"


def _instant(value: Any) -> datetime:
    """An instant; the common ``YYYY-MM-DDTHH:MM:SS+07:00`` from cached parts.

    A text of that exact shape whose date part and time part were each seen in a text
    :func:`parse_instant` accepted is the same instant, rebuilt from the parts (a real date
    and a real time of day make a real instant, and ``+07:00`` is Vietnam time already).
    Anything else (another offset, ``Z``, no offset, fractions, a part not seen yet) goes
    to :func:`parse_instant`, which then fills the caches (bounded).
    """
    if type(value) is str and len(value) == 25 and value[10] == "T" and value[19:] == _VN_SUFFIX:
        day = _DAYS.get(value[:10])
        clock = _TIMES.get(value[11:19])
        if day is not None and clock is not None:
            return datetime(*day, *clock, tzinfo=VN_TZ)
    try:
        parsed = parse_instant(value)
    except MotcuaError:
        raise Defer from None
    if len(value) == 25 and value[19:] == _VN_SUFFIX:  # the shape above: remember its parts
        if len(_DAYS) < 65536:
            _DAYS[value[:10]] = (parsed.year, parsed.month, parsed.day)
        if len(_TIMES) < 86400:
            _TIMES[value[11:19]] = (parsed.hour, parsed.minute, parsed.second)
    return parsed


def _optional(check: Check) -> Check:
    def optional(value: Any) -> Any:
        return None if value is None else check(value)

    return optional


def _enum(cls: type[enum.Enum]) -> Check:
    return _defer_on((KeyError, TypeError), lambda v: enum_member(cls, v))


_LIMITS: dict[tuple[tuple[Any, ...], ...], TimeLimit | NoTimeLimit] = {}


def _limit(value: Any) -> TimeLimit | NoTimeLimit:
    if type(value) is not dict:
        raise Defer
    try:
        # The type is part of the key: 1, 1.0 and True are equal but not the same count.
        values = tuple(value.values())
        key = (tuple(value), tuple(map(type, values)), values)
        cached = _LIMITS.get(key)
    except TypeError:
        raise Defer from None
    if cached is None:
        try:
            cached = limit_from_json(value)
        except MotcuaError:
            raise Defer from None
        if len(_LIMITS) < 1024:
            _LIMITS[key] = cached
    return cached


def _facts(value: Any) -> Mapping[str, bool | None]:
    if type(value) is not dict or not _FACT_NAMES.issuperset(value):
        raise Defer
    if not all(v is None or type(v) is bool for v in value.values()):
        raise Defer
    return value


def _unsupported(_value: Any) -> Any:
    raise Defer


_FACT_NAMES: Final = frozenset(f.name for f in attrs.fields(DigitalFacts))
_CODES: dict[str, bool] = {}


def _cached_code(parse: Callable[[str], object]) -> Check:
    """A code check; codes of procedures repeat, so their verdicts are remembered."""

    def check(value: Any) -> str:
        if type(value) is not str:
            raise Defer
        known = _CODES.get(value)
        if known is None:
            try:
                parse(value)
                known = True
            except MotcuaError:
                known = False
            if len(_CODES) < 4096:
                _CODES[value] = known
        if not known:
            raise Defer
        return value

    return check


#: Agency identifiers and ``YYMMDD`` dates seen in dossier codes the parser accepted.
_AGENCIES: set[str] = set()
_CODE_DAYS: set[str] = set()


def _dossier_code(value: Any) -> str:
    """The code's text when :meth:`DossierCode.parse` accepts it.

    A code is ``NNN.NN.NN.ANN-YYMMDD-NNNN`` (Circular 01/2018 Art. 19): 25 characters, an
    agency, a real date and a serial from 0001. An agency and a date part each seen in a
    code the parser accepted are valid in any code, so only the serial is checked then;
    any other text goes to the parser (whose verdict fills the caches, bounded).
    """
    if type(value) is not str:
        raise Defer
    if (
        len(value) == 25
        and value[13] == "-"
        and value[20] == "-"
        and value[:13] in _AGENCIES
        and value[14:20] in _CODE_DAYS
    ):
        serial = value[21:]
        if serial.isascii() and serial.isdigit() and serial != "0000":
            return value
        raise Defer
    try:
        DossierCode.parse(value)
    except MotcuaError:
        raise Defer from None
    if len(value) == 25 and len(_AGENCIES) < 65536:
        _AGENCIES.add(value[:13])
        _CODE_DAYS.add(value[14:20])
    return value


#: The fast check for each declared type (the strict reader's hooks cover the same types).
CHECKS: Final[Mapping[object, Check]] = {
    str: _text,
    tuple[str, ...]: _texts,
    datetime: _instant,
    datetime | None: _optional(_instant),
    Stage: _enum(Stage),
    Outcome | None: _optional(_enum(Outcome)),
    ReturnMethod | None: _optional(_enum(ReturnMethod)),
    WorkingDays | WorkingHours | None: _defer_on((MotcuaError,), allotted_from_json),
    DossierCode: _dossier_code,
    ProcedureCode: _cached_code(ProcedureCode.parse),
    Channel: _defer_on((KeyError, ValueError), channel_of),
    Level | None: _optional(_enum(Level)),
    CountingRule | None: _optional(_enum(CountingRule)),
    TermStart: _enum(TermStart),
    TimeLimit | NoTimeLimit: _limit,
    DigitalFacts: _facts,
    LifecyclePolicy: _unsupported,
    # Events are a tagged union: the fast reader checks each against EVENTS.
    tuple[Event, ...]: _unsupported,
}


@attrs.frozen
class Spec:
    """One field of a record: whether it is required, and its fast check."""

    required: bool
    check: Check


@attrs.frozen
class Shape:
    """The fields of one object of the schema."""

    fields: Mapping[str, Spec]
    required: frozenset[str]


def _normalise(tp: object) -> object:
    """``X | None`` and ``Optional[X]`` compare equal; unions keep their member order."""
    if isinstance(tp, types.UnionType):
        return typing.Union[tp.__args__]  # noqa: UP007 - a runtime union object
    return tp


_TABLE: Final = {_normalise(k): v for k, v in CHECKS.items()}


def _shape(cls: type, skip: frozenset[str] = frozenset()) -> Shape:
    hints = typing.get_type_hints(cls)
    fields: dict[str, Spec] = {}
    for field in attrs.fields(cls):
        if not field.init or field.name in skip:
            continue
        tp = _normalise(hints[field.name])
        if tp not in _TABLE:  # pragma: no cover - caught at import by every test run
            msg = f"{cls.__name__}.{field.name}: no fast check for {tp!r} in schema.CHECKS"
            raise TypeError(msg)
        fields[field.alias or field.name] = Spec(field.default is attrs.NOTHING, _TABLE[tp])
    return Shape(fields, frozenset(k for k, v in fields.items() if v.required))


#: The top-level keys of a dossier record (``events`` is checked as :data:`EVENTS`).
RECORD: Final = _shape(Dossier)
#: The keys of each event type (``type`` is the tag).
EVENTS: Final = {kind: _shape(cls) for kind, cls in EVENT_TYPES.items()}
