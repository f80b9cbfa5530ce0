"""motcua's JSON data model: the one cattrs converter (the only module that imports cattrs).

Conventions (ADR 0006):

* instants are ISO 8601 strings with an offset (``2024-03-04T08:15:00+07:00``); an instant
  without an offset is Vietnam time (ADR 0002); dates are ``YYYY-MM-DD``;
* codes (procedure, dossier, agency) are their written strings; channels are their
  ``KenhThucHien`` integers; enums are their string values;
* a time limit is ``{"unit": "working_days", "count": 5}`` (units ``working_days``,
  ``working_hours``, ``calendar_days``, ``months``, ``same_day`` with an optional
  ``"cutoff": "15:00"``, and ``none`` for no statutory time limit); a fractional count is a
  string such as ``"1/2"``;
* lifecycle events are a tagged union: ``{"type": "received", "at": ...}``;
* fields equal to their default are left out; unknown keys are errors.

Every structuring error is turned into one :class:`InvalidInputError` naming the JSON path
of the bad field (``$.events[2].at``).
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable
from datetime import date, datetime
from typing import Any, Final, TypeVar

import cattrs
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)

from motcua.domain.codes import AgencyCode, DossierCode, ProcedureCode
from motcua.domain.lifecycle import EVENT_TYPES, Event
from motcua.domain.procedures import Channel, NoTimeLimit
from motcua.foundation.errors import InvalidInputError, TransitionError
from motcua.foundation.vntime import to_vn
from motcua.serialization.decoding import check_text
from motcua.serialization.instants import parse_date, parse_instant
from motcua.serialization.limits import allotted_from_json, limit_from_json, limit_to_json
from motcua.serialization.schema import channel_of, enum_member
from motcua.time.limits import (
    CalendarDays,
    Months,
    SameDay,
    TimeLimit,
    WorkingDays,
    WorkingHours,
)

__all__ = [
    "SCHEMA_VERSION",
    "STRUCTURING_ERRORS",
    "base_converter",
    "converter",
    "limit_from_json",
    "limit_to_json",
    "parse_date",
    "parse_instant",
    "structure",
    "structure_event",
    "structuring_error",
]

T = TypeVar("T")

#: The exceptions cattrs raises while structuring (turn them into errors with
#: :func:`structuring_error`).
STRUCTURING_ERRORS: Final = (
    ClassValidationError,
    IterableValidationError,
    ForbiddenExtraKeysError,
)

#: Version of the JSON schema written by this release.
SCHEMA_VERSION: Final = 1


def _str(value: object, field: str) -> str:
    if not isinstance(value, str):
        raise InvalidInputError(field, "a string", value)
    return check_text(value, field)  # a lone surrogate cannot be written back


def _int(value: object, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInputError(field, "an integer", value)
    return value


def _bool(value: object, field: str) -> bool:
    if not isinstance(value, bool):
        raise InvalidInputError(field, "true or false", value)
    return value


def _event_from_json(conv: cattrs.Converter, data: object) -> Event:
    if not isinstance(data, dict):
        raise InvalidInputError("event", "an object with a 'type' key", data)
    kind = data.get("type")
    cls = EVENT_TYPES.get(kind) if isinstance(kind, str) else None
    if cls is None:
        raise InvalidInputError("event.type", "one of " + ", ".join(EVENT_TYPES), kind)
    rest = {k: v for k, v in data.items() if k != "type"}
    result: Event = conv.structure(rest, cls)
    return result


def _enum_from_json(value: object, cls: type[enum.Enum]) -> enum.Enum:
    try:
        return enum_member(cls, value)
    except KeyError:
        expected = "one of " + ", ".join(repr(m.value) for m in cls)
        raise InvalidInputError(cls.__name__, expected, value) from None


def _channel_from_json(value: object) -> Channel:
    try:
        return channel_of(value)
    except (KeyError, ValueError):
        raise InvalidInputError(
            "channel", "the KenhThucHien integer 1 (in person), 2 (online) or 3 (postal)", value
        ) from None


def _is_sequence(tp: object) -> bool:
    origin = getattr(tp, "__origin__", None)
    args: tuple[object, ...] = getattr(tp, "__args__", ())
    if origin is tuple:
        return len(args) == 2 and args[1] is Ellipsis
    return origin in (list, frozenset)


def _sequence_hook(conv: cattrs.Converter, tp: Any) -> Callable[[Any, Any], Any]:
    """A JSON array only: a string is not a list of characters, an object not its keys."""
    element = tp.__args__[0]
    build = tp.__origin__

    def structure(value: Any, _tp: Any) -> Any:
        if not isinstance(value, list):
            raise InvalidInputError("value", "a JSON array", value, "write the items as [...]")
        out: list[Any] = []
        errors: list[Exception] = []
        for index, item in enumerate(value):
            try:
                out.append(conv.structure(item, element))
            except Exception as exc:  # noqa: BLE001, PERF203 - re-raised with its index
                note = IterableValidationNote(f"Structuring @ index {index}", index, element)
                setattr(exc, "__notes__", [*getattr(exc, "__notes__", []), note])  # noqa: B010
                errors.append(exc)
        if errors:
            raise IterableValidationError(f"While structuring {tp!r}", errors, tp)
        return build(out)

    return structure


def base_converter() -> cattrs.Converter:
    """Return a strict converter: no extra keys, no coercion of str/int/bool, ISO dates."""
    conv = cattrs.Converter(forbid_extra_keys=True, omit_if_default=True)
    conv.register_structure_hook(str, lambda v, _t: _str(v, "value"))
    conv.register_structure_hook(int, lambda v, _t: _int(v, "value"))
    conv.register_structure_hook(bool, lambda v, _t: _bool(v, "value"))
    conv.register_structure_hook(date, lambda v, _t: parse_date(v))
    conv.register_unstructure_hook(date, date.isoformat)
    conv.register_structure_hook_func(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), _enum_from_json
    )
    conv.register_structure_hook(datetime, lambda v, _t: parse_instant(v))
    conv.register_structure_hook_factory(_is_sequence, lambda tp: _sequence_hook(conv, tp))
    conv.register_unstructure_hook(datetime, lambda d: to_vn(d).isoformat())
    return conv


def _build() -> cattrs.Converter:
    conv = base_converter()
    for code_type, parse in (
        (ProcedureCode, ProcedureCode.parse),
        (DossierCode, DossierCode.parse),
        (AgencyCode, AgencyCode.parse),
    ):
        conv.register_structure_hook(code_type, lambda v, _t, p=parse: p(_str(v, "code")))
        conv.register_unstructure_hook(code_type, str)
    conv.register_structure_hook(Channel, lambda v, _t: _channel_from_json(v))
    conv.register_unstructure_hook(Channel, int)
    limit_types = (WorkingDays, WorkingHours, CalendarDays, Months, SameDay, NoTimeLimit)
    for limit_type in limit_types:
        conv.register_unstructure_hook(limit_type, limit_to_json)
    conv.register_structure_hook(TimeLimit, lambda v, _t: limit_from_json(v))
    conv.register_structure_hook(TimeLimit | NoTimeLimit, lambda v, _t: limit_from_json(v))
    conv.register_structure_hook(
        WorkingDays | WorkingHours | None, lambda v, _t: allotted_from_json(v)
    )
    conv.register_structure_hook(Event, lambda v, _t: _event_from_json(conv, v))
    for cls in EVENT_TYPES.values():
        plain = conv.get_unstructure_hook(cls)

        def _tagged(event: Event, _plain: Callable[[Any], Any] = plain) -> dict[str, Any]:
            return {"type": event.kind, **_plain(event)}

        conv.register_unstructure_hook(cls, _tagged)
    return conv


_CONVERTER: cattrs.Converter | None = None


def converter() -> cattrs.Converter:
    """Return the shared converter for motcua values (built on first use)."""
    global _CONVERTER  # noqa: PLW0603 - a lazily built module-level singleton
    if _CONVERTER is None:
        _CONVERTER = _build()
    return _CONVERTER


def _leaves(exc: BaseException, path: str) -> list[tuple[str, BaseException]]:
    """Walk a cattrs validation error down to every leaf, with the JSON path to each."""
    if isinstance(exc, ClassValidationError):
        with_notes, without = exc.group_exceptions()
        found = [leaf for sub, note in with_notes for leaf in _leaves(sub, f"{path}.{note.name}")]
        return found + [leaf for sub in without for leaf in _leaves(sub, path)]
    if isinstance(exc, IterableValidationError):
        with_i, without_i = exc.group_exceptions()
        found = [leaf for sub, note in with_i for leaf in _leaves(sub, f"{path}[{note.index}]")]
        return found + [leaf for sub in without_i for leaf in _leaves(sub, path)]
    return [(path, exc)]


def structuring_error(exc: BaseException, where: str, path: str = "$") -> InvalidInputError:
    """Turn a structuring failure into one error naming *where* and every bad JSON path.

    The error's fields describe the first bad field; the others are listed in its hint.
    """
    leaves = _leaves(exc, path)
    first = _one(leaves[0], where, path)
    if len(leaves) == 1:
        return first
    others = "; ".join(str(_one(leaf, where, path)) for leaf in leaves[1:])
    hint = f"{first.hint}; " if first.hint else ""
    return InvalidInputError(
        first.field,
        first.expected,
        first.got,
        f"{hint}{len(leaves) - 1} more bad field(s): {others}",
    )


def _one(item: tuple[str, BaseException], where: str, path: str) -> InvalidInputError:
    at, leaf = item
    field = f"{where} {at}"
    if isinstance(leaf, InvalidInputError):
        return _in_dossier(leaf, where, path) or leaf.within(field)
    if isinstance(leaf, TransitionError):
        at = "" if leaf.index is None else f"[{leaf.index}]"
        why = f"{leaf.reason}; " if leaf.reason else ""
        return InvalidInputError(
            f"{where} {path}.events{at} (dossier {leaf.dossier})",
            f"an event allowed in status {leaf.status!r} "
            f"({', '.join(leaf.allowed) if leaf.allowed else 'none: final status'})",
            leaf.event,
            f"{why}the lifecycle table is in docs/explanation/lifecycle.md",
        )
    if isinstance(leaf, ForbiddenExtraKeysError):
        return InvalidInputError(
            field, "only known keys", sorted(leaf.extra_fields), "remove or rename them"
        )
    if isinstance(leaf, KeyError):
        return InvalidInputError(field, "a value (required field)", None, "add the field")
    return InvalidInputError(field, "a valid value", str(leaf))


# How a dossier names its own fields in errors: "dossier CODE events[3].at", "dossier CODE.rule".
_DOSSIER_FIELD: Final = re.compile(
    r"dossier (?P<code>\S+?)[. ](?P<rest>events\[[0-9]+\](?:\.\w+)?|events|rule|level|limit)"
)


def _in_dossier(exc: InvalidInputError, where: str, path: str) -> InvalidInputError | None:
    """A dossier's own error, located at its JSON path (``$.events[3].at``) with its code."""
    match = _DOSSIER_FIELD.fullmatch(exc.field)
    if match is None:
        return None
    field = f"{where} {path}.{match['rest']} (dossier {match['code']})"
    return InvalidInputError(field, exc.expected, exc.got, exc.hint)


def structure(data: object, cls: type[T], where: str, path: str = "$") -> T:
    """Structure *data* into *cls*; any failure becomes one :class:`InvalidInputError`."""
    try:
        return converter().structure(data, cls)
    except STRUCTURING_ERRORS as exc:
        raise structuring_error(exc, where, path) from None
    except InvalidInputError as exc:
        raise (_in_dossier(exc, where, path) or exc.within(f"{where} {path}")) from None
    except TransitionError as exc:
        raise structuring_error(exc, where, path) from None
    except (KeyError, TypeError, ValueError) as exc:
        raise structuring_error(exc, where, path) from None


def structure_event(data: object, where: str, path: str = "$") -> Event:
    """Structure one tagged event object; any failure becomes one :class:`InvalidInputError`."""
    try:
        return _event_from_json(converter(), data)
    except STRUCTURING_ERRORS as exc:
        raise structuring_error(exc, where, path) from None
    except InvalidInputError as exc:
        raise exc.within(f"{where} {path}") from None
