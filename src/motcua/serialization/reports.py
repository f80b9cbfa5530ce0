"""Reports from files: streaming, all cores, and the report's output formats.

:func:`tally_file` reads a dossier file and returns the filled :class:`Bieu06` accumulator.
JSON Lines files stream with flat memory. With ``jobs > 1`` the file is split at line
boundaries, each part is counted in its own process, and the parts are merged; the merge is
exact, so the result does not depend on the split. :func:`tally_lines` counts an iterable of
JSON Lines (one partition of a larger engine, e.g. a Dask bag; see ``examples/``).

:func:`render_report` (in :mod:`motcua.serialization.render`, re-exported here) prints a
report as a text table, CSV, JSON or Markdown, with the form's headers in Vietnamese or
English.
"""

from __future__ import annotations

import os
from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any, Final, TypeVar

from motcua.analyses.periods import Period
from motcua.analyses.report import (
    Bieu06,
    Dimension,
    DossierKeys,
    ReportPolicy,
    UnitRole,
)
from motcua.domain.procedures import Catalogue
from motcua.domain.unit_registry import UnitRegistry
from motcua.foundation.errors import InvalidInputError, MotcuaError, OutsideCalendarError
from motcua.serialization.decoding import decode_json
from motcua.serialization.dossiers import dossier_from_json, iter_dossiers
from motcua.serialization.files import Source, iter_lines, line_ranges
from motcua.serialization.kernel import Kernel
from motcua.serialization.render.reports import HEADERS, render_report, report_to_json
from motcua.serialization.scan import Scanned, scan_record

__all__ = [
    "HEADERS",
    "render_report",
    "report_to_json",
    "tally_file",
    "tally_lines",
]

Progress = Callable[[int], None]


def count_record(
    acc: Bieu06,
    data: object,
    where: str,
    catalogue: Catalogue | None = None,
    seen: Seen | None = None,
) -> str:
    """Count one parsed dossier record: the fast strict reader, else the full dossier.

    Both readers feed the same fold and the same bucket function; the full reader also
    produces the precise error for a bad record. With *seen*, a dossier code already
    counted is an error and is not counted again. Returns the dossier's code.

    Raises:
        InvalidInputError: The record is not a valid dossier (naming *where*, JSON path),
            or its code was seen before.
    """
    return _count(acc, data, scan_record(data), where, catalogue, seen)


def _count(  # noqa: PLR0917 - private helper of count_record and _tally
    acc: Bieu06,
    data: object,
    scanned: Scanned | None,
    where: str,
    catalogue: Catalogue | None,
    seen: Seen | None,
) -> str:
    add: Callable[[], None]
    if scanned is None:
        dossier = dossier_from_json(data, where, catalogue=catalogue)
        code, add = str(dossier.code), partial(acc.add, dossier)
    else:
        code, add = scanned.code, partial(_add_scanned, acc, scanned)
    if seen is not None:
        seen.check(code, where)
    try:
        add()
    except OutsideCalendarError as exc:
        raise exc.in_record(f"{where} $ (dossier {code})") from None
    except InvalidInputError as exc:  # grouping needs a fact the record lacks
        raise exc.within(f"{where} $") from None
    return code


def _add_scanned(acc: Bieu06, scanned: Scanned) -> None:
    log = scanned.log
    keys = DossierKeys(
        scanned.code,
        scanned.agency,
        scanned.procedure,
        scanned.channel,
        scanned.level,
        log.reference_day,
        scanned.units,
    )
    acc.add_clock(keys, log.fold.clock, log.clock_before, scanned.limit, scanned.rule)


def pack_code(code: str) -> int | None:
    """The code ``NNN.NN.NN.ANN-YYMMDD-NNNN`` as one integer (one to one), else None.

    Every digit and the letter of the code go into the integer, so two codes are the same
    exactly when their integers are.

    >>> pack_code("000.00.53.H48-220921-0099") == pack_code("000.00.53.H48-220921-0099")
    True
    >>> pack_code("000.00.53.H48-220921-0099") == pack_code("000.00.53.H48-220921-0098")
    False
    """
    if len(code) != 25 or not code.isascii():
        return None
    digits = code[0:3] + code[4:6] + code[7:9] + code[11:13] + code[14:20] + code[21:25]
    letter = ord(code[10]) - 65
    shape = code[3] + code[6] + code[9] + code[13] + code[20]
    if shape != "...--" or not digits.isdigit() or not 0 <= letter < 26:
        return None
    return letter * 10**19 + int(digits)


#: Buckets of one agency's codes (a power of two: ``key & 63``).
_BUCKETS: Final = 64
#: ``YYMMDD`` texts already read: their day number (``(YY * 12 + MM - 1) * 31 + DD - 1``).
_DAY_NUMBERS: dict[str, int] = {}


def _day_number(text: str) -> int:
    """A ``YYMMDD`` text with a month 01-12 and a day 01-31 as a number (one to one), else -1."""
    number = _DAY_NUMBERS.get(text)
    if number is None:
        number = -1
        if len(text) == 6 and text.isascii() and text.isdigit():
            year, month, day = int(text[:2]), int(text[2:4]), int(text[4:])
            if 1 <= month <= 12 and 1 <= day <= 31:
                number = (year * 12 + month - 1) * 31 + day - 1
        if len(_DAY_NUMBERS) < 65536:
            _DAY_NUMBERS[text] = number
    return number


class Seen:
    """The dossier codes of one input, so that the same dossier is never counted twice.

    Exact, in about 4.5 bytes a dossier. A code ``AGENCY-YYMMDD-NNNN`` (``AGENCY`` any 13
    characters, a month 01-12 and a day 01-31, four ASCII digits) is kept under its agency
    text as one 32-bit integer, ``day number * 10000 + serial`` (less than 372 million:
    one to one), in a sorted array, one of 64 for that agency (``key & 63``). Any other
    text is kept as it is, in a set. The agency texts are the table: parts of a file
    counted in other processes merge by agency (:meth:`update`), with no renumbering.
    Only the codes are kept, not where each was.
    """

    __slots__ = ("agencies", "count", "others")

    def __init__(self) -> None:
        """Start with no code seen."""
        self.agencies: dict[str, list[array[int] | None]] = {}
        self.others: set[str] = set()
        self.count = 0

    def add(self, code: str) -> bool:
        """Remember *code*; False if it was already there."""
        serial = code[21:]
        if (
            len(code) == 25
            and code[13] == "-"
            and code[20] == "-"
            and serial.isdigit()
            and serial.isascii()
        ):
            day = _DAY_NUMBERS.get(code[14:20])
            if day is None:
                day = _day_number(code[14:20])
            if day >= 0:
                key = day * 10000 + int(serial)
                buckets = self.agencies.get(code[:13])
                if buckets is None:
                    buckets = self.agencies[code[:13]] = [None] * _BUCKETS
                bucket = buckets[key & 63]
                if bucket is None:
                    bucket = buckets[key & 63] = array("I")
                at = bisect_left(bucket, key)
                if at < len(bucket) and bucket[at] == key:
                    return False
                bucket.insert(at, key)
                self.count += 1
                return True
        if code in self.others:
            return False
        self.others.add(code)
        self.count += 1
        return True

    def check(self, code: str, where: str) -> None:
        """Remember *code*, or raise if it was counted before in this input."""
        if not self.add(code):
            raise InvalidInputError(
                f"{where} $.code",
                "each dossier once in an input",
                code,
                "a record with the same code was counted earlier in this input; keep one "
                "version of the dossier",
            )

    def update(self, other: Seen) -> bool:
        """Add the codes of *other*; False if the two shared a code."""
        disjoint = self.others.isdisjoint(other.others)
        self.others |= other.others
        for agency, theirs in other.agencies.items():
            mine = self.agencies.get(agency)
            if mine is None:
                self.agencies[agency] = [None if b is None else array("I", b) for b in theirs]
                continue
            for low, bucket in enumerate(theirs):
                if bucket is None:
                    continue
                have = mine[low]
                if have is None:
                    mine[low] = array("I", bucket)
                    continue
                merged = sorted({*have, *bucket})
                disjoint = disjoint and len(merged) == len(have) + len(bucket)
                mine[low] = array("I", merged)
        self.count += other.count
        return disjoint


def tally_lines(
    lines: Iterable[str],
    period: Period,
    *,
    by: Iterable[Dimension] = (),
    catalogue: Catalogue | None = None,
    policy: ReportPolicy | None = None,
    where: str = "<lines>",
    first_line: int = 1,
    skip_invalid: bool = False,
    errors: list[InvalidInputError] | None = None,
) -> Bieu06:
    """Count JSON Lines records (blank lines skipped) into a new accumulator.

    The same dossier code twice is an error (the second is not counted).

    Raises:
        InvalidInputError: The first bad record (naming *where* and its line), unless
            *skip_invalid*; then each error is appended to *errors*.
    """
    numbered = ((number, line) for number, line in enumerate(lines, start=first_line))
    spec = partial(Bieu06, period, by=tuple(by), catalogue=catalogue, policy=policy)
    return _tally(numbered, where, spec, catalogue, skip_invalid, errors, from_utf8=False)


#: How to make an empty accumulator (picklable, so every process makes the same one).
Spec = Callable[[], Bieu06]


def _tally(  # noqa: PLR0917 - private helper of the public tally functions
    lines: Iterable[tuple[int, str | InvalidInputError]],
    name: str,
    spec: Spec,
    catalogue: Catalogue | None,
    skip_invalid: bool,
    errors: list[InvalidInputError] | None,
    seen: Seen | None = None,
    *,
    from_utf8: bool = True,
) -> Bieu06:
    acc = spec()
    seen = Seen() if seen is None else seen
    plain = fast_decoder()
    take = None
    if USE_KERNEL:
        kernel = Kernel(acc, from_utf8=from_utf8, typed=plain is not None)
        take = kernel.take_typed if kernel.typed is not None else kernel.take
    seen_add = seen.add
    add_columns = acc.add_columns
    for number, line in lines:
        try:
            if take is not None and type(line) is str:  # plain records (ADR 0025)
                taken = take(line)
                if taken is not None:
                    if not seen_add(taken[0]):
                        seen.check(taken[0], f"{name} line {number}")  # raises, naming it
                    add_columns(taken[1], taken[2])
                    continue
            at = f"{name} line {number}"
            if isinstance(line, InvalidInputError):
                raise line
            if plain is not None:  # the fast extra: plain records only, else as below
                data = plain(line)
                scanned = None if data is None else scan_record(data)
                if scanned is not None:
                    _count(acc, data, scanned, at, catalogue, seen)
                    continue
            if not line.strip():
                continue
            count_record(acc, decode_json(line, at, from_utf8=from_utf8), at, catalogue, seen)
        except InvalidInputError as exc:
            if not skip_invalid:
                raise
            if errors is not None:
                errors.append(exc)
    return acc


def fast_decoder() -> Callable[[str], object | None] | None:
    """The ``fast`` extra's decoder of plain records (ADR 0018), or None without msgspec.

    Imported on first use, never when this module loads. Results are the same either way.
    """
    if not _FAST:
        try:
            from motcua.serialization.fast_json import decode_plain  # noqa: PLC0415
        except ImportError:
            _FAST.append(None)
        else:
            _FAST.append(decode_plain)
    return _FAST[0]


_FAST: list[Callable[[str], object | None] | None] = []
#: Whether plain records go through the report kernel (tests compare with and without).
USE_KERNEL = True


def _tally_part(  # noqa: PLR0917 - a process-pool entry point takes positional arguments
    path: str,
    start: int,
    end: int,
    first_line: int,
    spec: Spec,
    catalogue: Catalogue | None,
    skip_invalid: bool,
) -> tuple[tuple[int, dict[Any, tuple[int, ...]]], list[InvalidInputError], Seen]:
    errors: list[InvalidInputError] = []
    seen = Seen()
    try:
        with Path(path).open("rb") as handle:
            handle.seek(start)
            lines = iter_lines(
                handle, path, first_line=first_line, size=end - start, at_start=start == 0
            )
            acc = _tally(lines, path, spec, catalogue, skip_invalid, errors, seen)
    except MotcuaError as exc:
        raise _detached(exc) from None
    return acc.state(), [_detached(e) for e in errors], seen


E = TypeVar("E", bound=BaseException)


def _detached(error: E) -> E:
    """*error* without its cause, context and traceback, to cross a process boundary.

    The message already says everything. The chain may hold a cattrs validation group,
    which does not survive pickling once ``tblib.pickling_support`` is installed (Dask's
    ``distributed`` installs it on import): the pool would break instead of naming the record.
    """
    error.__cause__ = error.__context__ = None
    error.__suppress_context__ = True
    return error.with_traceback(None)


def tally_file(
    path: str | Path | Source,
    period: Period,
    *,
    by: Iterable[Dimension] = (),
    catalogue: Catalogue | None = None,
    policy: ReportPolicy | None = None,
    jobs: int = 1,
    skip_invalid: bool = False,
    errors: list[InvalidInputError] | None = None,
    progress: Progress | None = None,
    input_format: str | None = None,
    units: UnitRegistry | None = None,
    unit_role: UnitRole = UnitRole.DECIDING,
    rehome_to: date | None = None,
) -> Bieu06:
    """Count every dossier of a JSON or JSON Lines input into a Biểu 06 accumulator.

    The same dossier code twice in the input is an error (with *skip_invalid*, the later
    record is skipped and named). The result does not depend on *jobs*.

    Args:
        path: The file, or ``-`` for standard input.
        period: The reporting window.
        by: Grouping dimensions.
        catalogue: Procedures (needed for level and field, and for records without a
            ``limit``).
        policy: The report's stated choices.
        jobs: Processes to use for a JSON Lines file (0: one per core).
        skip_invalid: Count the good records and collect every bad one in *errors*.
        errors: Where bad records go with *skip_invalid*.
        progress: Called with the number of lines (or file parts) done so far.
        input_format: ``json`` or ``jsonl`` when the name does not say (standard input).
        units: The unit registry, to group by province or commune.
        unit_role: Which of a dossier's units those groups follow.
        rehome_to: Group every dossier under the units of this day instead of its own.

    Raises:
        InvalidInputError: The first bad record, unless *skip_invalid*.
    """
    src = Source.of(path, input_format)
    spec = partial(
        Bieu06,
        period,
        by=tuple(by),
        catalogue=catalogue,
        policy=policy,
        units=units,
        unit_role=unit_role,
        rehome_to=rehome_to,
    )
    spec()  # a grouping the options cannot serve fails here, before any record
    workers = (os.cpu_count() or 1) if jobs == 0 else jobs
    if type(workers) is not int or workers < 1:
        raise InvalidInputError("jobs", "a number of processes, 1 or more (0: all cores)", jobs)
    if src.format == "jsonl" and workers > 1 and not src.stdin:
        src.open().close()  # a missing or special file is refused here, before any split
        # None when a code is in two parts.
        parallel = _tally_parallel(src, spec, catalogue, workers, skip_invalid, progress=progress)
        if parallel is not None:
            acc, found = parallel
            if errors is not None:
                errors.extend(found)
            return acc
        # The same code in two parts: count again in one process, which keeps the first.
        # Its progress would count lines on a display set up for parts: it runs unshown.
        progress = None
    if src.format == "jsonl":
        found = []
        handle = src.open()
        try:
            lines = _with_progress(iter_lines(handle, src.name), progress)
            acc = _tally(lines, src.name, spec, catalogue, skip_invalid, found)
        finally:
            if not src.stdin:
                handle.close()
        if errors is not None:
            errors.extend(found)
        return acc
    acc = spec()
    seen = Seen()
    for count, item in enumerate(iter_dossiers(src, catalogue=catalogue), start=1):
        try:
            if isinstance(item, InvalidInputError):
                raise item
            at = f"{src.name} record {count}"
            seen.check(str(item.code), at)
            try:
                acc.add(item)
            except OutsideCalendarError as exc:
                raise exc.in_record(f"{at} $ (dossier {item.code})") from None
        except InvalidInputError as error:
            if not skip_invalid:
                raise error from None
            if errors is not None:
                errors.append(error)
        if progress is not None and count % 10_000 == 0:
            progress(count)
    return acc


def _with_progress(
    lines: Iterator[tuple[int, str | InvalidInputError]], progress: Progress | None
) -> Iterator[tuple[int, str | InvalidInputError]]:
    if progress is None:
        yield from lines
        return
    for number, line in lines:
        if number % 10_000 == 0:
            progress(number)
        yield number, line


def _tally_parallel(
    src: Source,
    spec: Spec,
    catalogue: Catalogue | None,
    workers: int,
    skip_invalid: bool,
    *,
    progress: Progress | None = None,
) -> tuple[Bieu06, list[InvalidInputError]] | None:
    """Count the parts of a file in processes; None if a code appears in two parts.

    *progress* is called with the number of parts done as each one finishes; the parts
    are then merged in file order (so the result and the first error do not depend on
    which part finished first).
    """
    parts = line_ranges(src.path, workers)
    acc = spec()
    found: list[InvalidInputError] = []
    codes = Seen()
    disjoint = True
    with ProcessPoolExecutor(max_workers=min(workers, len(parts))) as pool:
        futures = [
            pool.submit(_tally_part, src.path, s, e, first, spec, catalogue, skip_invalid)
            for s, e, first in parts
        ]
        if progress is not None:
            for done, _finished in enumerate(as_completed(futures), start=1):
                progress(done)
        for future in futures:
            state, errors, part_codes = future.result()
            acc.load_state(state)
            found.extend(errors)
            disjoint = codes.update(part_codes) and disjoint
    return (acc, found) if disjoint else None
