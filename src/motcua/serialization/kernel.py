r"""The report kernel: a plain JSON Lines record straight to its Biểu 06 columns (ADR 0025).

:func:`~motcua.serialization.reports.tally_file` hands every line to a :class:`Kernel`
first. The kernel takes only *plain* records, whose every key and value it can check from
the one schema (:mod:`motcua.serialization.schema`) without building a dossier, and
returns their code, row and columns. Everything else (a key it does not read, a ``policy``
object the strict converter refuses, an escape that may hide a lone surrogate, a number or
instant of an unusual form it has not seen accepted, a date outside the calendar, a
grouping that needs a fact the record lacks) returns None, and the line goes the existing way
(:func:`~motcua.serialization.scan.scan_record`, then the full reader, with their precise
errors). Nothing here can make a report differ; it can only leave a record to the others.

What makes it fast, each a cache or a compiled form of the one definition:

* **JSON.** ``json.loads`` plus three text guards stand for the strict decoder: no ``:``
  after a space or a tab, and the occurrences of ``":`` equal the keys the kernel walked
  (so no key was written twice, see :mod:`motcua.serialization.fast_json`); no
  ``\uD8..``-``\uDF..`` escape (nor, for text not read from UTF-8, a surrogate
  character); the kernel takes no float, and only integers it checks (channel, limit
  counts, the schema version).
* **Instants as integers**: ``ordinal * DAY + microseconds``, Vietnam time. A text is the
  sum of two cached parts, its date and its tail (time of day, fraction, offset), each
  seen in a text the schema's check (``parse_instant``) accepted; any other text goes to
  that check and fills the caches (bounded).
* **Validation once per distinct value**: the agency-and-date prefix of a code, the
  procedure, the limit object (with its rule), the channel, the level, each event shape.
* **The fold compiled once per key sequence** (and the record's own lifecycle policy and
  term start, if it has them): :func:`~motcua.domain.clock.template`, the compiled fold
  :func:`~motcua.domain.clock.replay` itself fills, says which event gives each instant
  of the clock (ADR 0018). A ``policy`` object is structured by
  the strict reader's own converter once per exact value (names, types and values); a
  ``starts`` text is checked by the schema's check.
* **Period bounds once per report; due instants on the schedule's tables as integers**
  (``WorkSchedule._int_*``), and for day-based rules without pauses once per receipt day
  (and, for the same-day rule, per side of its cut-off), from ``due_instant`` itself.
* **Placement** mirrors :func:`motcua.analyses.buckets.place` branch for branch on the
  integers; its columns come from :func:`~motcua.analyses.bieu06.columns_of` on a real
  :class:`~motcua.analyses.buckets.Placement`. Tests hold the kernel to the full path
  record by record and report by report.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any, Final

from motcua.analyses.bieu06 import Bieu06, DossierKeys, GroupKey, columns_of
from motcua.analyses.buckets import Placement, StoppedAs, period_bounds
from motcua.domain.clock import Template, template
from motcua.domain.lifecycle import LifecyclePolicy, Outcome, ReturnMethod
from motcua.domain.procedures import Channel, NoTimeLimit, TermStart
from motcua.domain.timeliness import Granularity, Timeliness
from motcua.foundation.errors import MotcuaError
from motcua.foundation.vntime import VN_TZ
from motcua.serialization.converter import structure
from motcua.serialization.files import check_schema_version
from motcua.serialization.schema import CHECKS, EVENTS, RECORD, Defer
from motcua.time.deadlines import Pause, WorkSchedule
from motcua.time.limits import (
    CountingRule,
    SameDay,
    TimeLimit,
    WorkingDays,
    WorkingHours,
    resolve_rule,
)

__all__ = ["READ", "UNUSED", "Kernel", "from_instant", "to_instant"]

US: Final = 1_000_000
DAY: Final = 86_400 * US

#: Record keys the kernel reads for a report (a key outside READ and UNUSED: it defers).
READ: Final = frozenset(
    {
        "code",
        "procedure",
        "channel",
        "limit",
        "events",
        "rule",
        "level",
        "receiving_unit",
        "deciding_unit",
        "locality",
        "policy",
        "starts",
    }
)
#: Record and event keys no report reads: checked with the schema's check, then ignored.
UNUSED: Final = frozenset(
    {
        "case",
        "applicant",
        "subject",
        "facts",
        # event keys
        "note",
        "appointment",
        "reason",
        "items",
        "description",
        "to_agency",
        "allotted",
        "from_agency",
        "explanation",
        "outcome",
        "method",
    }
)
#: Event keys the fold reads besides ``type`` and ``at``.
_STAGE: Final = "stage"
_NEW_APPOINTMENT: Final = "new_appointment"

_CHECKS: Final = {
    name: spec.check for name, spec in RECORD.fields.items() if name in READ | UNUSED
}
_REQUIRED: Final = RECORD.required
#: Every event has ``at``, checked alike (the schema says so; a test holds it).
_AT: Final = EVENTS["received"].fields["at"].check
#: Kinds whose only required keys are ``type`` and ``at``.
_BARE: Final = frozenset(kind for kind, shape in EVENTS.items() if shape.required <= {"at"})
_POLICY: Final = LifecyclePolicy()
#: A value no JSON record holds (the dict path skips no event key).
_NEVER: Final = object()
_SURROGATE_ESCAPE: Final = re.compile(r"\\u[dD][89abAB]|\\u[dD][c-fC-F]")
_SURROGATE: Final = re.compile("[\ud800-\udfff]")
_ORIGIN: Final = datetime(2000, 1, 1, tzinfo=VN_TZ)
_ORIGIN_US: Final = _ORIGIN.toordinal() * DAY
_loads: Final = json.loads

Taken = tuple[str, GroupKey | None, tuple[int, ...]]


def to_instant(at: datetime) -> int:
    """An aware instant as the kernel's integer (``ordinal * DAY + µs``, Vietnam time)."""
    vn = at.astimezone(VN_TZ)
    return (
        vn.toordinal() * DAY + ((vn.hour * 60 + vn.minute) * 60 + vn.second) * US + vn.microsecond
    )


def from_instant(at: int) -> datetime:
    """The aware Vietnam-time instant of the kernel's integer *at*."""
    return _ORIGIN + timedelta(microseconds=at - _ORIGIN_US)


_WORKING, _SAME_DAY, _BY_DAY, _NONE = range(4)
_EARLY, _ON_TIME, _LATE, _WITHIN, _OVERDUE = range(5)
_OUTCOMES: Final = (
    (Timeliness.EARLY, None),
    (Timeliness.ON_TIME, None),
    (Timeliness.LATE, None),
    (None, Timeliness.WITHIN),
    (None, Timeliness.OVERDUE),
)
#: An event key besides ``type`` and ``at``: its name, role, check, and texts accepted.
_Extra = tuple[str, int, Callable[[Any], Any], set[str]]


class _Term:
    """A limit and rule the kernel counts with: how to get a due instant from integers."""

    __slots__ = ("before", "cutoff", "duration", "ints", "kind", "limit", "memo", "rule")

    def __init__(
        self, limit: TimeLimit | NoTimeLimit, rule: CountingRule | None, schedule: WorkSchedule
    ) -> None:
        self.limit = limit
        self.rule = rule
        self.memo: dict[object, int] = {}
        self.before: dict[int, int] = {}
        self.duration = 0
        self.cutoff = None
        #: The limit's keys whose values are integers (a bool or float equal to one: defer).
        self.ints: tuple[str, ...] = ()
        if isinstance(limit, NoTimeLimit):
            self.kind = _NONE
            return
        chosen = resolve_rule(limit, rule)  # raises on a rule that does not fit
        if chosen is CountingRule.WORKING_TIME and isinstance(limit, WorkingDays | WorkingHours):
            self.kind = _WORKING
            self.duration = schedule._int_duration(limit)  # noqa: SLF001 - its integer block
        elif chosen is CountingRule.SAME_DAY and isinstance(limit, SameDay):
            self.kind = _SAME_DAY
            self.cutoff = limit.cutoff
        else:
            self.kind = _BY_DAY


class Kernel:
    """Counts plain records of one accumulator straight from their text (module docstring)."""

    def __init__(self, acc: Bieu06, *, from_utf8: bool = True, typed: bool = False) -> None:
        """A kernel for *acc* (its period, policy, schedule and grouping).

        With *typed*, :meth:`take_typed` decodes with the ``fast`` extra's structs
        (:func:`typed_decoder`; None without msgspec, then it takes nothing).
        """
        self.acc = acc
        self.schedule = acc.schedule
        start, end = period_bounds(acc.period)
        self.start = to_instant(start)
        self.end = to_instant(end)
        self.by_date = acc.policy.granularity is Granularity.DATE
        self.stopped_on_time = acc.policy.stopped is StoppedAs.ON_TIME
        self.grouped = acc.grouped
        self.from_utf8 = from_utf8
        self.working = acc.schedule._int_working_fast  # noqa: SLF001 - its integer block
        self.days: dict[str, int] = {}
        self.times: dict[str, int] = {}
        self.agencies: dict[str, str] = {}
        self.code_days: set[str] = set()
        self.procedures: set[str] = set()
        self.channels: dict[int, Channel] = {}
        self.levels: dict[object, Any] = {}
        self.terms: dict[tuple[object, object], _Term] = {}
        self.records: dict[tuple[str, ...], tuple[tuple[str, Callable[[Any], Any]], ...]] = {}
        self.events: dict[tuple[object, tuple[str, ...]], tuple[_Extra, ...]] = {}
        self.folds: dict[tuple[object, ...], Template | None] = {}
        self.columns: dict[tuple[int, int], tuple[int, ...]] = {}
        self.stages: dict[tuple[str, str], str] = {}
        self.policies: dict[tuple[tuple[str, type, Any], ...], int] = {}
        #: The policies by number (0: the default), for the fold contexts.
        self.policy_list: list[LifecyclePolicy] = [_POLICY]
        self.starts: dict[str, TermStart] = {}
        self.typed = typed_decoder() if typed else None
        self.unset = None if self.typed is None else self.typed.unset
        self.raw_decode: Callable[[str], Any] = (
            _no_decoder if self.typed is None else self.typed.raw_decode
        )
        self.decode_errors: tuple[type[BaseException], ...] = (
            () if self.typed is None else self.typed.errors
        )
        self.astuple: Callable[[Any], tuple[Any, ...]] = (
            tuple if self.typed is None else self.typed.astuple
        )
        self.fields: tuple[str, ...] = () if self.typed is None else self.typed.fields
        self.required = _TYPED_REQUIRED
        self.kinds: dict[type, tuple[str, tuple[_Extra, ...]]] = {}
        if self.typed is not None:
            for cls, (kind, names) in self.typed.kinds.items():
                fields = EVENTS[kind].fields
                if names[0] != "at":  # pragma: no cover - the schema declares "at" first
                    raise AssertionError(names)
                self.kinds[cls] = (
                    kind,
                    tuple(
                        (key, _role(key, fields[key].check), fields[key].check, set())
                        for key in names
                        if key != "at"
                    ),
                )

    # -- the text -------------------------------------------------------------------

    def take_typed(self, text: str) -> Taken | None:
        """:meth:`take` with the ``fast`` extra's typed decoder (msgspec structs)."""
        if self.typed is None or " :" in text or "\t:" in text:
            return None
        try:
            record = self.raw_decode(text)
        except self.decode_errors:
            return None
        try:
            return self._typed_record(record, text)
        except _OTHERS:
            return None

    def take(self, text: str) -> Taken | None:
        """The code, row (None: not in the report) and columns of a plain record; else None."""
        if " :" in text or "\t:" in text:
            return None
        if "\\u" in text and _SURROGATE_ESCAPE.search(text):
            return None
        if not self.from_utf8 and not text.isascii() and _SURROGATE.search(text):
            return None
        try:
            data = _loads(text)
        except (ValueError, RecursionError):
            return None
        try:
            return self._record(data, text)
        except _OTHERS:
            return None  # a value of another type or form: the others decide

    # -- values -----------------------------------------------------------------------

    def _instant(self, at: Any) -> int:
        """An instant text as an integer: from its cached date part and tail, else parsed.

        A text ``parse_instant`` accepts is a date ``YYYY-MM-DD``, then a tail: ``T``, the
        time of day, maybe a fraction, maybe an offset. The instant is the date's midnight
        plus what the tail says (the time of day, less the offset, plus seven hours), the
        same for every date: offsets are fixed, with no daylight saving. So a date part
        and a tail each seen in an accepted text make a valid instant together, except
        near the ends of the calendar (years 1 and 9999), whose dates are not kept.
        """
        day = self.days.get(at[:10])
        tail = self.times.get(at[10:])
        if day is not None and tail is not None:
            return day + tail
        value = to_instant(_AT(at))  # raises Defer: the schema's check and its caches
        local = date.fromisoformat(at[:10]).toordinal() * DAY  # accepted: a real date
        if 1 < int(at[:4]) < 9999 and len(self.days) < 65536:
            self.days[at[:10]] = local
        if len(self.times) < 65536:
            self.times[at[10:]] = value - local
        return value

    def _code(self, code: Any) -> str:
        """The agency of a dossier code the parser accepts (its verdict fills the caches).

        An agency and a ``YYMMDD`` date each seen in a code that ``DossierCode.parse``
        accepted are valid in any code (the schema's own shortcut, ADR 0018), so then only
        the serial is checked, in :meth:`_record`.
        """
        _CHECKS["code"](code)  # raises Defer
        if len(code) == 25 and code[13] == "-" and code[20] == "-" and len(self.agencies) < 65536:
            self.agencies[code[:14]] = code[:13]
            self.code_days.add(code[14:21])
        return str(code.partition("-")[0])

    def _term(self, limit: Any, rule_value: Any) -> _Term:
        """The term of a limit object and rule value (checked once per distinct pair)."""
        if type(limit) is not dict:
            raise Defer
        items = tuple(limit.items())
        if not all(type(v) is str or type(v) is int for _, v in items):
            raise Defer  # a bool or a float equals an int: never cached
        parsed = _CHECKS["limit"](limit)
        rule = None
        if rule_value is not None:
            if type(rule_value) is not str:
                raise Defer
            rule = _CHECKS["rule"](rule_value)
        if isinstance(parsed, NoTimeLimit) and rule is not None:
            raise Defer
        term = _Term(parsed, rule, self.schedule)
        term.ints = tuple(k for k, v in items if type(v) is int)
        if len(self.terms) < 1024:
            self.terms[items, rule_value] = term
        return term

    # -- the record -------------------------------------------------------------------

    def _plan(self, keys: tuple[str, ...]) -> tuple[tuple[str, Callable[[Any], Any]], ...]:
        if not _REQUIRED.issubset(keys):
            raise Defer
        out = []
        for key in keys:
            if key == "schema_version":
                continue
            check = _CHECKS.get(key)
            if check is None:
                raise Defer  # a key the kernel does not read (one added to the schema later)
            if key not in _FIXED:
                out.append((key, check))
        plan = tuple(out)
        if len(self.records) < 1024:
            self.records[keys] = plan
        return plan

    def _record(self, data: Any, text: str) -> Taken | None:  # noqa: PLR0915
        if type(data) is not dict:
            return None
        keys = tuple(data)
        plan = self.records.get(keys)
        if plan is None:
            plan = self._plan(keys)
        nkeys = len(keys)
        if nkeys > 5 and "schema_version" in data:
            check_schema_version(data, "")
        # The code: its agency-and-date prefix seen in an accepted code, then the serial.
        code = data["code"]
        agency = self._agency(code)
        procedure = data["procedure"]
        self._procedure(procedure)
        channel = self._channel(data["channel"])
        limit = data["limit"]
        term = self._limit_term(limit, data.get("rule"))
        if channel is None or term is None:
            return None
        nkeys += len(limit)
        level = None
        units: tuple[str, str, str] | list[str] = _NO_UNITS
        context: _Context = None
        if plan:
            level, units, extra, context = self._other([(k, c, data[k]) for k, c in plan])
            nkeys += extra
        # Events: each one's shape and instant; the transition keys in order.
        events = data["events"]
        if type(events) is not list:
            return None
        steps: list[str] = []
        ats: list[int] = []
        add_step = steps.append
        add_at = ats.append
        previous = -1
        days = self.days
        times = self.times
        shapes = self.events
        bare = _BARE
        for event in events:  # a list or a text for an event: TypeError below, defer
            kind = event["type"]
            text_at = event["at"]
            try:
                at = days[text_at[:10]] + times[text_at[10:]]
            except KeyError:
                at = self._instant(text_at)
            if at < previous:
                return None  # the full reader names the event out of order
            previous = at
            size = len(event)
            nkeys += size
            if size == 2:
                if kind not in bare:
                    return None
                add_step(kind)
            else:
                shape = shapes.get((kind, tuple(event)))
                if shape is None:
                    shape = self._shape(kind, event)
                found = self._extras(kind, shape, [event[x[0]] for x in shape], at, _NEVER)
                if found is None:
                    return None
                add_step(found[0])
                nkeys += found[1]
            add_at(at)
        if text.count('":') != nkeys:
            return None  # a key written twice (or '":' inside a text): the strict decoder
        return self._finish(
            code, agency, procedure, channel, level, units, term, steps, ats, context
        )

    def _finish(  # noqa: PLR0917 - the record's checked values
        self,
        code: str,
        agency: str,
        procedure: str,
        channel: Channel,
        level: Any,
        units: tuple[str, str, str] | list[str],
        term: _Term,
        steps: list[str],
        ats: list[int],
        context: _Context,
    ) -> Taken | None:
        """Fold, place and group a checked record."""
        sequence = tuple(steps)
        fold = self.folds.get(sequence if context is None else (sequence, *context), _NO_FOLD)
        if fold is _NO_FOLD:
            fold = self._compile(sequence, context)
        if fold is None:
            return None  # an unlawful or empty log: the full reader names it
        columns = self._place(fold, sequence, ats, term, channel, context)
        if columns is None:
            return code, None, ()
        row: GroupKey = ()
        if self.grouped:
            received = ats[fold.received] if fold.received >= 0 else ats[0]
            facts = DossierKeys(
                code,
                agency,
                procedure,
                channel,
                level,
                date.fromordinal(received // DAY),
                (units[0], units[1], units[2]),
            )
            row = self.acc.group_key(facts)
        return code, row, columns

    def _typed_record(self, rec: Any, text: str) -> Taken | None:
        """:meth:`_record` on a record struct (every key it has is one the kernel reads)."""
        unset = self.unset
        astuple = self.astuple
        values = astuple(rec)
        # Every field written is one key: the required ones, and the optional ones set.
        nkeys = len(values) - values.count(unset)
        level = None
        units: tuple[str, str, str] | list[str] = _NO_UNITS
        context: _Context = None
        if nkeys > self.required:
            level, units, extra, context = self._other(
                [
                    (key, _CHECKS.get(key, _as_is), value)  # schema_version: its own
                    for key, value in zip(self.fields, values, strict=True)
                    if value is not unset and key not in _FIXED
                ]
            )
            nkeys += extra
        code = rec.code
        agency = self._agency(code)
        procedure = rec.procedure
        self._procedure(procedure)
        channel = self._channel(rec.channel)
        limit = rec.limit
        rule_value = rec.rule
        term = self._limit_term(limit, None if rule_value is unset else rule_value)
        if channel is None or term is None:
            return None
        nkeys += len(limit)
        steps: list[str] = []
        ats: list[int] = []
        add_step = steps.append
        add_at = ats.append
        previous = -1
        days = self.days
        times = self.times
        kinds = self.kinds
        for event in rec.events:
            kind, extras = kinds[type(event)]
            values = astuple(event)  # "at" first, then the extras in order
            text_at = values[0]
            try:
                at = days[text_at[:10]] + times[text_at[10:]]
            except KeyError:
                at = self._instant(text_at)
            if at < previous:
                return None  # the full reader names the event out of order
            previous = at
            written = len(values) - values.count(unset)  # "at" and the extras set
            nkeys += 1 + written
            if written == 1:
                add_step(kind)
            else:
                found = self._extras(kind, extras, values[1:], at, unset)
                if found is None:
                    return None
                add_step(found[0])
                nkeys += found[1]
            add_at(at)
        if text.count('":') != nkeys:
            return None  # a key written twice (or '":' inside a text): the strict decoder
        return self._finish(
            code, agency, procedure, channel, level, units, term, steps, ats, context
        )

    def _agency(self, code: Any) -> str:
        """The code's agency part, from the caches or :meth:`_code`.

        From the caches when its agency-and-date prefix was seen in an accepted code and its
        serial is 0001-9999; else :meth:`_code` decides (and fills the caches).
        """
        agency = self.agencies.get(code[:14])
        serial = code[21:]
        if (
            agency is None
            or code[14:21] not in self.code_days
            or len(serial) != 4
            or not serial.isdigit()
            or not serial.isascii()
            or serial == "0000"
        ):
            return self._code(code)
        return agency

    def _procedure(self, procedure: Any) -> None:
        """Check a procedure code once per distinct value (bounded)."""
        if procedure not in self.procedures:
            _CHECKS["procedure"](procedure)
            if len(self.procedures) < 4096:
                self.procedures.add(procedure)

    def _channel(self, value: Any) -> Channel | None:
        """The channel of a ``KenhThucHien`` integer (None: not an int, the others decide)."""
        if type(value) is not int:
            return None  # True and 1.0 hash as 1: never looked up
        channel = self.channels.get(value)
        if channel is None:
            channel = self.channels[value] = _CHECKS["channel"](value)
        return channel

    def _limit_term(self, limit: Any, rule_value: Any) -> _Term | None:
        """The term of a ``limit`` object and ``rule`` (None: the others decide)."""
        if type(limit) is not dict:
            return None
        term = self.terms.get((tuple(limit.items()), rule_value))
        if term is None:
            return self._term(limit, rule_value)
        for key in term.ints:
            if type(limit[key]) is not int:
                return None
        return term

    def _other(
        self, items: list[tuple[str, Callable[[Any], Any], Any]]
    ) -> tuple[Any, list[str], int, _Context]:
        """The level, units, keys inside objects and fold context of the optional keys.

        *items* are (key, its check, its value), in the record's order.
        """
        level = None
        units = ["", "", ""]
        extra = 0
        policy = None
        starts = None
        for key, check, value in items:
            if key == "policy":
                policy = self._policy(value)
                extra += len(value)
            elif key == "starts":
                starts = self._starts(value)
            elif key == "schema_version":
                check_schema_version({key: value}, "")
            elif key == "level":
                level = self.levels.get(value, _MISSING)
                if level is _MISSING:
                    level = check(value)
                    if type(value) is str:
                        self.levels[value] = level
            elif key in _UNIT_INDEX:
                units[_UNIT_INDEX[key]] = check(value)
            else:
                check(value)
                if type(value) is dict:
                    extra += len(value)
        return level, units, extra, _context(policy, starts)

    def _extras(
        self, kind: str, shape: tuple[_Extra, ...], values: Any, at: int, unset: object
    ) -> tuple[str, int] | None:
        """An event's keys besides ``type`` and ``at``: its transition key, keys inside.

        *values* are in *shape*'s order; a value that is *unset* (a typed struct's field not
        written) is skipped. None: the others decide.
        """
        step = kind
        extra = 0
        for (_key, role, check, accepted), value in zip(shape, values, strict=True):
            if value is unset:
                continue
            if role == _TEXT:
                if type(value) is not str:
                    return None
            elif role == _VALUE:
                if value not in accepted:
                    check(value)
                    if type(value) is str and len(accepted) < 256:
                        accepted.add(value)
            else:
                step, inside = self._extra(kind, step, role, check, value, at)
                extra += inside
        return step, extra

    def _policy(self, value: Any) -> int:
        """A ``policy`` object, structured once per exact value by the strict converter.

        The key holds each item's name, type and value, so ``1`` and ``true`` or ``1.0``
        never share an entry; an unhashable value (a list, an object) raises TypeError and
        the record is left to the full reader, as is any value the converter refuses.
        """
        if type(value) is not dict:
            raise Defer
        key = tuple([(k, type(v), v) for k, v in value.items()])
        found = self.policies.get(key)
        if found is None:
            if len(self.policies) >= 256:
                raise Defer  # bounded: past it, the full reader
            try:
                policy = structure(value, LifecyclePolicy, "")
            except MotcuaError:
                raise Defer from None
            found = 0 if policy == _POLICY else len(self.policy_list)
            if found:
                self.policy_list.append(policy)
            self.policies[key] = found
        return found

    def _starts(self, value: Any) -> TermStart:
        """A ``starts`` text, checked by the schema's own check (once per value)."""
        found = self.starts.get(value) if type(value) is str else None
        if found is None:
            found = _CHECKS["starts"](value)
            if type(value) is str and len(self.starts) < 64:
                self.starts[value] = found
        return found

    def _extra(  # noqa: PLR0917 - one event key, on the hot path
        self,
        kind: str,
        step: str,
        role: int,
        check: Callable[[Any], Any],
        value: Any,
        at: int,
    ) -> tuple[str, int]:
        """Check an event key of another role: the event's transition key, and keys inside."""
        if role == _STAGE_ROLE:
            stage = check(value)
            found = self.stages.get((kind, stage.value))
            if found is None:
                found = self.stages[kind, stage.value] = f"{kind}:{stage.value}"
            return found, 0
        if role == _APPOINTMENT:
            if self._instant(value) <= at:
                raise Defer  # the strict reader refuses an appointment not after the event
            return step, 0
        check(value)
        return step, len(value) if type(value) is dict else 0

    def _shape(self, kind: Any, event: dict[str, Any]) -> tuple[_Extra, ...]:
        spec = EVENTS.get(kind) if type(kind) is str else None
        if spec is None or not spec.required.issubset(event):
            raise Defer
        out: list[_Extra] = []
        for key in event:
            if key in {"type", "at"}:
                continue
            field = spec.fields.get(key)
            if field is None or key not in _EVENT_KEYS:
                raise Defer
            out.append((key, _role(key, field.check), field.check, set()))
        shape = tuple(out)
        if len(self.events) < 4096:
            self.events[kind, tuple(event)] = shape
        return shape

    def _compile(self, sequence: tuple[str, ...], context: _Context) -> Template | None:
        """The fold of *sequence*: ``replay``'s own compiled template (the one fold).

        *context* is the record's own lifecycle policy and term start (None: the defaults);
        the template says which event gives each instant, so the kernel compiles nothing of
        its own.
        """
        if context is None:
            policy, starts = _POLICY, TermStart.COMPLETE_DOSSIER
        else:
            policy, starts = self._context_values(context)
        compiled = template(sequence, policy, starts)
        if len(self.folds) < 4096:
            self.folds[sequence if context is None else (sequence, *context)] = compiled
        return compiled

    def _context_values(self, context: tuple[int, TermStart]) -> tuple[LifecyclePolicy, TermStart]:
        """The policy and term start of a fold context."""
        return self.policy_list[context[0]], context[1]

    # -- placement --------------------------------------------------------------------

    def _place(  # noqa: PLR0915, PLR0917 - the folded record, on the hot path
        self,
        fold: Template,
        sequence: tuple[str, ...],
        ats: list[int],
        term: _Term,
        channel: Channel,
        context: _Context,
    ) -> tuple[int, ...] | None:
        """:func:`~motcua.analyses.buckets.place` on integers; its columns, or None."""
        if fold.received < 0:
            return None
        received = ats[fold.received]
        start, end = self.start, self.end
        if received >= end:
            return None
        resolved = ats[fold.resolved] if fold.resolved >= 0 else None
        stopped = ats[fold.stopped] if fold.stopped >= 0 and resolved is None else None
        ended = resolved if resolved is not None else stopped
        if ended is not None and ended < start:
            return None
        carried = received < start
        # The outcome as an index into _OUTCOMES: (resolved, pending) timeliness.
        if ended is not None and ended < end:
            if (
                term.kind == _NONE
                or fold.start < 0
                or (stopped is not None and self.stopped_on_time)
            ):
                outcome = _ON_TIME
            else:
                if term.kind == _WORKING and not fold.pauses and fold.open_pause < 0:
                    due = self.working(ats[fold.start], term.duration)  # _due's first case
                else:
                    due = self._due(term, fold, ats, ended)
                due_day = (due - 1) // DAY
                end_day = ended // DAY
                if end_day < due_day:
                    outcome = _EARLY
                elif end_day > due_day if self.by_date else ended > due:
                    outcome = _LATE
                else:
                    outcome = _ON_TIME
        elif term.kind == _NONE:
            outcome = _WITHIN
        else:
            kept = bisect_left(ats, end)  # the events dated before the end (in order)
            if kept < len(ats):
                prefix = sequence[:kept]
                before = self.folds.get(
                    prefix if context is None else (prefix, *context), _NO_FOLD
                )
                if before is _NO_FOLD:
                    before = self._compile(prefix, context)
                if before is None:  # pragma: no cover - a prefix of a lawful log is lawful
                    raise Defer
                fold = before
            if fold.start < 0:  # a term that starts on payment, not paid by the end
                outcome = _WITHIN
            else:
                due = self._due(term, fold, ats, end)
                due_day = (due - 1) // DAY
                over = end // DAY > due_day if self.by_date else end > due
                outcome = _OVERDUE if over else _WITHIN
        # Small integers for the key: enum members hash in Python, slowly.
        key = (outcome * 2 + carried, id(channel))
        found = self.columns.get(key)
        if found is None:
            finished, pending = _OUTCOMES[outcome]
            found = columns_of(Placement(carried, None if carried else channel, finished, pending))
            self.columns[key] = found
        return found

    def _due(self, term: _Term, fold: Template, ats: list[int], as_of: int) -> int:
        """The due instant of the clock (``clock_due_at``), as of *as_of*, as an integer."""
        start = ats[fold.start]
        if not fold.pauses and fold.open_pause < 0 and term.kind == _WORKING:
            return self.working(start, term.duration)
        pauses = [(ats[a], ats[b]) for a, b in fold.pauses] if fold.pauses else []
        if fold.open_pause >= 0:
            opened = ats[fold.open_pause]
            pauses.append((opened, max(as_of, opened)))
        schedule = self.schedule
        if term.kind == _WORKING:
            if not pauses:
                return self.working(start, term.duration)
            return schedule._int_working_due(start, term.duration, pauses)  # noqa: SLF001
        # Day-based rules: the due instant depends on the receipt's day (and for the same-
        # day rule, on which side of its cut-off the receipt is) and the days of the
        # merged pauses only (``_day_rule``, ``shift_working``, ``civil_last_day``).
        ordinal, t = divmod(start, DAY)
        key: object = ordinal
        if term.kind == _SAME_DAY:
            before = term.before.get(ordinal)
            if before is None:
                before = schedule._int_same_day_before(ordinal, term.cutoff)  # noqa: SLF001
                term.before[ordinal] = before
            key = (ordinal, t < before)
        if pauses:
            key = (key, tuple((a // DAY, b // DAY) for a, b in _merged(pauses)))
            if len(term.memo) >= 4096:
                return self._due_instant(term, start, pauses)
        due = term.memo.get(key)
        if due is None:
            due = term.memo[key] = self._due_instant(term, start, pauses)
        return due

    def _due_instant(self, term: _Term, start: int, pauses: list[tuple[int, int]]) -> int:
        """``WorkSchedule.due_instant`` itself, on the instants as datetimes."""
        limit = term.limit
        if isinstance(limit, NoTimeLimit):  # pragma: no cover - placed without a due instant
            raise Defer
        return to_instant(
            self.schedule.due_instant(
                from_instant(start),
                limit,
                rule=term.rule,
                pauses=tuple(Pause(from_instant(a), from_instant(b)) for a, b in pauses),
            )
        )


#: A record's own fold context: its policy's number and its term start (None: defaults).
_Context = tuple[int, TermStart] | None


def _as_is(value: Any) -> Any:
    """No check (a key :meth:`Kernel._other` checks in its own way)."""
    return value


def _context(policy: int | None, starts: TermStart | None) -> _Context:
    """The fold context of a record's ``policy`` number and ``starts`` (None: defaults)."""
    if not policy and (starts is None or starts is TermStart.COMPLETE_DOSSIER):
        return None
    return (policy or 0, starts or TermStart.COMPLETE_DOSSIER)


def _merged(pauses: list[tuple[int, int]]) -> list[list[int]]:
    """The pauses in order, touching and overlapping ones merged (``merge_pauses``)."""
    merged: list[list[int]] = []
    for a, b in sorted(pauses):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    return merged


def _role(key: str, check: Callable[[Any], Any]) -> int:
    """How the kernel checks an event key besides ``type`` and ``at``."""
    if key == _STAGE:
        return _STAGE_ROLE
    if key == _NEW_APPOINTMENT:
        return _APPOINTMENT
    if check is _TEXT_CHECK:
        return _TEXT
    return _VALUE if check in _BY_VALUE else _GENERAL


def typed_decoder() -> Any:
    """The ``fast`` extra's typed decoder for the kernel's records, or None without msgspec.

    Built once, from the schema: the record's fields the kernel reads or knows unused,
    and each event type's fields the kernel knows (a text with any other key does not
    decode, and goes the other ways). Imported on first use, never when this module loads.
    """
    if not _TYPED_DECODER:
        try:
            from motcua.serialization.fast_json import Typed  # noqa: PLC0415
        except ImportError:
            _TYPED_DECODER.append(None)
        else:
            record = {
                name: spec.required for name, spec in RECORD.fields.items() if name in _CHECKS
            }
            record["schema_version"] = False
            events = {
                kind: {
                    name: spec.required
                    for name, spec in shape.fields.items()
                    if name == "at" or name in _EVENT_KEYS
                }
                for kind, shape in EVENTS.items()
            }
            _TYPED_DECODER.append(Typed(record, events))
    return _TYPED_DECODER[0]


_TYPED_DECODER: list[Any] = []


def _no_decoder(_text: str) -> Any:  # pragma: no cover - take_typed returns None first
    raise Defer


_MISSING: Final[Any] = object()
#: What a value of another type or form raises on the kernel's path.
_OTHERS: Final = (
    Defer,
    MotcuaError,
    LookupError,
    TypeError,
    ValueError,
    AttributeError,
    ArithmeticError,
)
_NO_UNITS: Final = ("", "", "")
_TEXT_CHECK: Final = CHECKS[str]
#: Checks whose verdict on a text depends on the text alone (kept once per value).
_BY_VALUE: Final = frozenset({CHECKS[Outcome | None], CHECKS[ReturnMethod | None]})
_GENERAL, _TEXT, _VALUE, _STAGE_ROLE, _APPOINTMENT = range(5)
_NO_FOLD: Final[Any] = object()
#: Record keys read by name in :meth:`Kernel._record` (not in its per-shape plan).
_FIXED: Final = frozenset({"code", "procedure", "channel", "limit", "rule", "events"})
_UNIT_INDEX: Final = {"receiving_unit": 0, "deciding_unit": 1, "locality": 2}
_EVENT_KEYS: Final = UNUSED | {_STAGE, _NEW_APPOINTMENT}
#: The typed decoder's record fields that are required.
_TYPED_REQUIRED: Final = len(_REQUIRED)
