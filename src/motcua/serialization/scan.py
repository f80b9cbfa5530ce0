"""A fast, strict reader of dossier records for the report engine.

Building a full :class:`~motcua.domain.dossiers.Dossier` (cattrs structuring, one frozen
value per event) costs several times what a report needs. :func:`scan_record` reads a
parsed JSON record straight into the few facts a report uses: the code's agency, the
procedure, channel, level, time limit and rule, and the (event key, instant) pairs, which
go through the very same fold as a dossier (:func:`motcua.domain.dossiers.replay`).

It is strict and conservative: it accepts a record only when every key is known and every
value has the expected form; anything else (an unknown key, a ``policy`` or ``facts``
object, a missing ``limit``, an odd instant) returns None, and the caller then builds the
full dossier, which either accepts the record or raises the precise error with its JSON
path. A property test checks that both readers place every record in the same bucket.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Final, NamedTuple

import attrs

from motcua.domain.codes import _DOSSIER, _PROCEDURE
from motcua.domain.dossiers import DigitalFacts
from motcua.domain.lifecycle import EVENT_TYPES, Outcome, ReturnMethod
from motcua.domain.procedures import Channel, NoTimeLimit
from motcua.domain.units import Level
from motcua.foundation.errors import MotcuaError
from motcua.foundation.vntime import VN_TZ, to_vn
from motcua.serialization.converter import SCHEMA_VERSION
from motcua.serialization.limits import limit_from_json
from motcua.time.limits import CountingRule, TimeLimit, WorkingDays, WorkingHours, resolve_rule

__all__ = ["Scanned", "scan_record"]

_TOP: Final = frozenset(
    {
        "schema_version",
        "code",
        "procedure",
        "channel",
        "limit",
        "events",
        "rule",
        "case",
        "applicant",
        "subject",
        "level",
        "facts",
    }
)
_FACTS: Final = frozenset(f.name for f in attrs.fields(DigitalFacts))
#: Allowed keys per event type, from the event classes themselves.
_EVENT_KEYS: Final = {
    kind: frozenset({"type", *(f.name for f in attrs.fields(cls))})
    for kind, cls in EVENT_TYPES.items()
}
_INSTANT_KEYS: Final = frozenset({"at", "appointment", "new_appointment"})
_TEXT_KEYS: Final = frozenset(
    {"note", "reason", "description", "explanation", "to_agency", "from_agency"}
)
_REQUIRED: Final = {
    "supplement_requested": ("stage",),
    "transferred": ("to_agency",),
    "delay_notified": ("new_appointment",),
}
_STAGES: Final = {"intake", "appraisal"}
_OUTCOMES: Final = frozenset(o.value for o in Outcome)
_METHODS: Final = frozenset(m.value for m in ReturnMethod)
_LEVELS: Final = {level.value: level for level in Level}
_RULES: Final = {rule.value: rule for rule in CountingRule}
_CHANNELS: Final = {c.value: c for c in Channel}
_LIMITS: dict[tuple[tuple[str, Any], ...], TimeLimit | NoTimeLimit] = {}


class Scanned(NamedTuple):
    """The facts of one record a report needs."""

    code: str
    agency: str
    procedure: str
    channel: Channel
    level: Level | None
    limit: TimeLimit | NoTimeLimit
    rule: CountingRule | None
    steps: list[tuple[str, datetime]]


class _Reject(Exception):  # noqa: N818 - internal control flow, never escapes
    """The record needs the full reader."""


def _instant(value: object) -> datetime:
    if not isinstance(value, str) or value.endswith(("Z", "z")):
        raise _Reject
    try:
        at = datetime.fromisoformat(value)
    except ValueError:
        raise _Reject from None
    if at.tzinfo is None:
        return at.replace(tzinfo=VN_TZ)
    return at.replace(tzinfo=VN_TZ) if value.endswith("+07:00") else to_vn(at)


def _limit(value: object) -> TimeLimit | NoTimeLimit:
    if not isinstance(value, dict):
        raise _Reject
    try:
        key = tuple(sorted(value.items()))
        cached = _LIMITS.get(key)
    except TypeError:
        raise _Reject from None
    if cached is None:
        try:
            cached = limit_from_json(value)
        except MotcuaError:
            raise _Reject from None
        if len(_LIMITS) < 1024:
            _LIMITS[key] = cached
    return cached


def _event(data: object) -> tuple[str, datetime]:
    if not isinstance(data, dict):
        raise _Reject
    kind = data.get("type")
    allowed = _EVENT_KEYS.get(kind) if isinstance(kind, str) else None
    if allowed is None or not allowed.issuperset(data) or "at" not in data:
        raise _Reject
    for required in _REQUIRED.get(kind, ()):  # type: ignore[arg-type]
        if required not in data:
            raise _Reject
    at = _instant(data["at"])
    if len(data) == 2:
        return kind, at  # type: ignore[return-value]
    for key, value in data.items():
        if key in _TEXT_KEYS:
            if not isinstance(value, str):
                raise _Reject
        elif key in _INSTANT_KEYS and key != "at":
            if value is None and key == "appointment":
                continue
            if _instant(value) <= at and key == "new_appointment":
                raise _Reject
        elif key == "items":
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise _Reject
        elif key == "allotted":
            if value is not None and not isinstance(_limit(value), WorkingDays | WorkingHours):
                raise _Reject
        elif (
            (key == "stage" and value not in _STAGES)
            or (key == "outcome" and value is not None and value not in _OUTCOMES)
            or (key == "method" and value is not None and value not in _METHODS)
        ):
            raise _Reject
    name = str(kind)
    return (f"{name}:{data['stage']}" if name == "supplement_requested" else name), at


def _real_code(code: str) -> bool:
    match = _DOSSIER.match(code)
    if match is None:
        return False
    _, yy, mm, dd, serial = match.groups()
    try:
        date(2000 + int(yy), int(mm), int(dd))
    except ValueError:
        return False
    return serial != "0000"


def scan_record(data: object) -> Scanned | None:
    """Read a parsed dossier record strictly; None when the full reader must decide."""
    try:
        return _scan(data)
    except _Reject:
        return None


def _scan(data: object) -> Scanned:
    if not isinstance(data, dict) or not _TOP.issuperset(data):
        raise _Reject
    if data.get("schema_version", SCHEMA_VERSION) != SCHEMA_VERSION:
        raise _Reject
    code, procedure, channel = data.get("code"), data.get("procedure"), data.get("channel")
    if not isinstance(code, str) or not _real_code(code):
        raise _Reject
    if not isinstance(procedure, str) or not _PROCEDURE.match(procedure):
        raise _Reject
    if type(channel) is not int or channel not in _CHANNELS:
        raise _Reject
    for key in ("case", "applicant", "subject"):
        if key in data and not isinstance(data[key], str):
            raise _Reject
    facts = data.get("facts", {})
    if (
        not isinstance(facts, dict)
        or not _FACTS.issuperset(facts)
        or not all(v is None or isinstance(v, bool) for v in facts.values())
    ):
        raise _Reject
    level = data.get("level")
    if level is not None and level not in _LEVELS:
        raise _Reject
    if "limit" not in data:
        raise _Reject
    limit = _limit(data["limit"])
    rule_text = data.get("rule")
    rule = None
    if rule_text is not None:
        rule = _RULES.get(rule_text) if isinstance(rule_text, str) else None
        if rule is None or isinstance(limit, NoTimeLimit):
            raise _Reject
        try:
            resolve_rule(limit, rule)
        except MotcuaError:
            raise _Reject from None
    events = data.get("events")
    if not isinstance(events, list) or not events:
        raise _Reject
    steps = [_event(e) for e in events]
    return Scanned(
        code,
        code[:13],
        procedure,
        _CHANNELS[channel],
        None if level is None else _LEVELS[level],
        limit,
        rule,
        steps,
    )
