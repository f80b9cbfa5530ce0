"""A fast, strict reader of dossier records for the report engine.

Building a full :class:`~motcua.domain.dossiers.Dossier` (cattrs structuring, one frozen
value per event) costs several times what a report needs. :func:`scan_record` reads a
parsed JSON record straight into the few facts a report uses: the code's agency, the
procedure, channel, level, time limit and rule, and the dossier's
:class:`~motcua.domain.clock.ClockLog`, folded by the very same
:func:`~motcua.domain.clock.replay` as a dossier.

Nothing here is a second schema: the keys, the required keys and the check of every value
come from :mod:`motcua.serialization.schema`, which derives them from the value classes the
strict reader structures. The reader is conservative: when anything is not plainly valid
(an unknown or missing key, a ``policy`` object, a missing ``limit``, an unlawful log) it
returns None, and the caller builds the full dossier, which accepts the record or raises
the precise error with its JSON path. Tests check on generated and mutated records that
whatever this reader accepts, the strict reader accepts too and places the same way.
"""

from __future__ import annotations

from typing import Any, Final, NamedTuple

from motcua.domain.clock import ClockLog
from motcua.domain.lifecycle import LifecyclePolicy
from motcua.domain.procedures import Channel, NoTimeLimit, TermStart
from motcua.domain.units import Level
from motcua.foundation.errors import MotcuaError
from motcua.serialization.files import check_schema_version
from motcua.serialization.schema import EVENTS, RECORD, Defer
from motcua.time.limits import CountingRule, TimeLimit, resolve_rule

__all__ = ["Scanned", "scan_record"]

_DEFAULT_POLICY: Final = LifecyclePolicy()
_TOP: Final = frozenset({"schema_version", *RECORD.fields})
_CHECK: Final = {name: spec.check for name, spec in RECORD.fields.items()}
_EVENT_CHECKS: Final = {
    kind: {name: spec.check for name, spec in shape.fields.items()}
    for kind, shape in EVENTS.items()
}
_EVENT_REQUIRED: Final = {kind: shape.required for kind, shape in EVENTS.items()}
#: Every event has ``at``, checked alike (the schema says so; a test holds it).
_AT: Final = EVENTS["received"].fields["at"].check


class Scanned(NamedTuple):
    """The facts of one record a report needs."""

    code: str
    agency: str
    procedure: str
    channel: Channel
    level: Level | None
    limit: TimeLimit | NoTimeLimit
    rule: CountingRule | None
    log: ClockLog
    #: The receiving, deciding and locality unit codes (``""``: not recorded).
    units: tuple[str, str, str] = ("", "", "")


def scan_record(data: object) -> Scanned | None:
    """Read a parsed dossier record strictly; None when the full reader must decide."""
    try:
        return _scan(data)
    except (Defer, MotcuaError):
        return None


def _event(data: Any) -> tuple[str, Any]:
    if type(data) is not dict:
        raise Defer
    kind = data.get("type")
    if type(kind) is not str:
        raise Defer
    checks = _EVENT_CHECKS.get(kind)
    if checks is None or not _EVENT_REQUIRED[kind].issubset(data):
        raise Defer
    at = _AT(data["at"])
    if len(data) == 2:  # {"type", "at"}: most events
        return kind, at
    stage = None
    for key, value in data.items():
        if key != "type" and key != "at":  # noqa: PLR1714 - two string compares, no set
            check = checks.get(key)
            if check is None:
                raise Defer
            checked = check(value)
            if key == "stage":
                stage = checked
            elif key == "new_appointment" and checked <= at:
                raise Defer
    if stage is not None:
        return f"{kind}:{stage.value}", at
    return kind, at


def _scan(data: object) -> Scanned:
    if type(data) is not dict or not _TOP.issuperset(data) or not RECORD.required.issubset(data):
        raise Defer
    check_schema_version(data, "")
    values = {key: _CHECK[key](value) for key, value in data.items() if key not in _SKIP}
    events = data["events"]
    if type(events) is not list:  # a string's characters, an object's keys: not events
        raise Defer
    steps = tuple(_event(e) for e in events)  # an empty log is refused by the fold
    limit = values["limit"]
    rule = values.get("rule")
    if isinstance(limit, NoTimeLimit):
        if rule is not None:
            raise Defer
    else:
        resolve_rule(limit, rule)
    # The code's text as written (it parsed, and parsing rewrites nothing): no formatting.
    code: str = data["code"]
    log = ClockLog(steps, _DEFAULT_POLICY, code, values.get("starts", TermStart.COMPLETE_DOSSIER))
    return Scanned(
        code,
        code.partition("-")[0],
        values["procedure"],
        values["channel"],
        values.get("level"),
        limit,
        rule,
        log,
        (
            values.get("receiving_unit", ""),
            values.get("deciding_unit", ""),
            values.get("locality", ""),
        ),
    )


_SKIP: Final = frozenset({"schema_version", "events"})
