"""Biểu 06 on Dask: JSON Lines read in blocks on many workers, counted, merged exactly.

:func:`tally_on_dask` is :func:`motcua.serialization.reports.tally_file` for inputs that one
machine should not read alone: many files, or files split into blocks
(``dask.bytes.read_bytes``, the reader under ``dask.bag.read_text``). Each block ends at a line
end, so no record is ever cut; a worker reads its block's lines one at a time and keeps only
the accumulator's state (a few rows), never the block's records. The states come back to the
client and are merged exactly, so the report is the one a single process computes, whatever
the block size or the number of workers.

A worker cannot know on which line its block starts without reading every block before it.
Blocks are therefore counted first with their own line numbers; a block that held a bad
record, or a dossier code already counted in an earlier block, is counted again once the
line numbers are known (the sum of the earlier blocks' lines), so every error names the true
file and line, and the same dossier is counted once, at its first occurrence, exactly as in
one process. Clean input is read once.

The module is the only importer of ``dask`` and ``distributed`` (the ``dask`` extra:
``pip install 'motcua[dask]'``); the rest of motcua never imports it.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any, Final

from dask.base import compute
from dask.bytes.core import read_bytes
from dask.delayed import delayed

from motcua.analyses.periods import Period
from motcua.analyses.report import Bieu06, Dimension, ReportPolicy, UnitRole
from motcua.domain.procedures import Catalogue
from motcua.domain.unit_registry import UnitRegistry
from motcua.foundation.errors import InvalidInputError
from motcua.serialization.files import Source, iter_lines
from motcua.serialization.reports import Seen, Spec, _tally

__all__ = ["DEFAULT_BLOCKSIZE", "LOCAL_SCHEDULERS", "tally_on_dask"]

#: Bytes per block (each task holds one block's bytes while it counts them).
DEFAULT_BLOCKSIZE: Final = 32 * 1024 * 1024
#: Scheduler names Dask runs in this process; any other string is a scheduler's address.
LOCAL_SCHEDULERS: Final = frozenset(
    {
        "threads",
        "threading",
        "processes",
        "multiprocessing",
        "synchronous",
        "sync",
        "single-threaded",
    }
)

#: What one block's count returns: state, codes seen, lines, whether a record was bad.
_Counted = tuple[tuple[int, dict[Any, tuple[int, ...]]], Seen, int, bool]
#: What a block counted again returns: its state, its errors with their true lines, and
#: the error that stopped it (the first bad record without skip_invalid, a line too long).
_Recounted = tuple[
    tuple[int, dict[Any, tuple[int, ...]]], list[InvalidInputError], InvalidInputError | None
]


class _Numbered:
    """The lines of a block, remembering how many there were."""

    __slots__ = ("count", "lines")

    def __init__(self, lines: Iterator[tuple[int, str | InvalidInputError]]) -> None:
        self.lines = lines
        self.count = 0

    def __iter__(self) -> Iterator[tuple[int, str | InvalidInputError]]:
        for number, line in self.lines:
            self.count = number
            yield number, line


def _lines(block: bytes, first_line: int, *, at_start: bool, name: str) -> _Numbered:
    stream = io.BytesIO(block)
    return _Numbered(iter_lines(stream, name, first_line=first_line, at_start=at_start))


def _count_block(
    block: bytes, name: str, at_start: bool, spec: Spec, catalogue: Catalogue | None
) -> _Counted:
    """First pass: count a block on its own, lines numbered from 1."""
    errors: list[InvalidInputError] = []
    seen = Seen()
    lines = _lines(block, 1, at_start=at_start, name=name)
    try:
        acc = _tally(lines, name, spec, catalogue, True, errors, seen)  # noqa: FBT003
    except InvalidInputError:  # reading stopped (a line too long): counted again, raises
        return spec().state(), seen, lines.count, True
    return acc.state(), seen, lines.count, bool(errors)


def _recount_block(  # noqa: PLR0917 - a task takes positional arguments
    block: bytes,
    name: str,
    first_line: int,
    at_start: bool,
    spec: Spec,
    catalogue: Catalogue | None,
    skip_invalid: bool,
    earlier: Seen,
) -> _Recounted:
    """Second pass: count a block again with its true first line and the codes seen before."""
    errors: list[InvalidInputError] = []
    seen = Seen()
    seen.update(earlier)
    lines = _lines(block, first_line, at_start=at_start, name=name)
    try:
        acc = _tally(lines, name, spec, catalogue, skip_invalid, errors, seen)
    except InvalidInputError as exc:  # returned, not raised: no worker traceback to ship
        return spec().state(), errors, exc
    return acc.state(), errors, None


def _names(paths: str | Path | Sequence[str | Path]) -> list[str]:
    given = [paths] if isinstance(paths, str | Path) else list(paths)
    if not given:
        raise InvalidInputError("paths", "one JSON Lines file or more", "no path")
    return [os.fspath(p) for p in given]


def _blocks(
    given: list[str], blocksize: int | str, input_format: str | None
) -> list[tuple[str, list[Any]]]:
    """``(name, delayed blocks)`` for each file, in order; names as given when possible."""
    try:
        _, blocks, found = read_bytes(  # type: ignore[no-untyped-call]
            given, delimiter=b"\n", blocksize=blocksize, sample=False, include_path=True
        )
    except (OSError, ValueError) as exc:
        raise InvalidInputError(
            ", ".join(given), "JSON Lines files that exist", str(exc), "check the paths"
        ) from None
    plain = len(found) == len(given) and not any(set("*?[") & set(p) for p in given)
    names = given if plain else [str(p) for p in found]
    for name in names:
        if Source.of(name, input_format).format != "jsonl":
            raise InvalidInputError(
                name,
                "a JSON Lines file (.jsonl or .ndjson; Dask reads JSON Lines only)",
                "another name",
                "pass input_format='jsonl' if it holds one record per line",
            )
    return list(zip(names, blocks, strict=True))


@contextmanager
def _connected(scheduler: object) -> Iterator[object]:
    """What to pass Dask as its scheduler: an address is connected for the call, then closed."""
    if not isinstance(scheduler, str) or scheduler in LOCAL_SCHEDULERS:
        yield scheduler
        return
    expected = "the address of a running Dask scheduler (tcp://HOST:8786) or one of " + ", ".join(
        sorted(LOCAL_SCHEDULERS)
    )
    if "://" not in scheduler:
        raise InvalidInputError("scheduler", expected, scheduler)
    from distributed import Client  # noqa: PLC0415 - only for a remote scheduler

    try:
        client = Client(scheduler, set_as_default=False, timeout="10s")  # type: ignore[no-untyped-call]
    except (OSError, ValueError) as exc:
        raise InvalidInputError(
            "scheduler",
            expected,
            scheduler,
            f"start one with 'dask scheduler', or check the address ({type(exc).__name__})",
        ) from None
    with client:
        yield client


def _compute(
    tasks: list[Any], scheduler: object, progress: Callable[[int], None] | None = None
) -> list[Any]:
    """Run *tasks*; on a ``distributed.Client``, call *progress* as each one ends."""
    if not tasks:
        return []
    # Only a distributed client says when each task ends (its name is checked first, so
    # that local schedulers never import distributed).
    if progress is not None and type(scheduler).__name__ == "Client":
        from distributed import Client, as_completed  # noqa: PLC0415 - only with a cluster

        if isinstance(scheduler, Client):
            futures = scheduler.compute(tasks)  # type: ignore[no-untyped-call]
            finished = as_completed(futures, loop=scheduler.loop)  # type: ignore[no-untyped-call]
            for done, _ in enumerate(finished, start=1):
                progress(done)
            return list(scheduler.gather(futures))  # type: ignore[no-untyped-call]
    return list(compute(*tasks, scheduler=scheduler))  # type: ignore[no-untyped-call]


def tally_on_dask(
    paths: str | Path | Sequence[str | Path],
    period: Period,
    *,
    by: Iterable[Dimension] = (),
    catalogue: Catalogue | None = None,
    policy: ReportPolicy | None = None,
    units: UnitRegistry | None = None,
    unit_role: UnitRole = UnitRole.DECIDING,
    rehome_to: date | None = None,
    blocksize: int | str = DEFAULT_BLOCKSIZE,
    scheduler: object = None,
    input_format: str | None = None,
    skip_invalid: bool = False,
    errors: list[InvalidInputError] | None = None,
    progress: Callable[[int], None] | None = None,
) -> Bieu06:
    """Count every dossier of JSON Lines files on Dask into a Biểu 06 accumulator.

    The result equals :func:`~motcua.serialization.reports.tally_file` over the files read
    one after the other, for any *blocksize* and scheduler: the same counts, the same errors
    (file and line), the same dossier code twice an error at its second occurrence.

    Args:
        paths: One file, many, or a glob (``data/2024-*.jsonl``); any path Dask reads
            (``s3://...`` with ``s3fs``). Workers open the files themselves.
        period: The reporting window.
        by: Grouping dimensions.
        catalogue: Procedures (for level and field, and records without a ``limit``).
        policy: The report's stated choices.
        units: The unit registry, to group by province or commune.
        unit_role: Which of a dossier's units those groups follow.
        rehome_to: Group every dossier under the units of this day instead of its own.
        blocksize: Bytes per block, an int or ``"64 MiB"``; each file is split at line
            ends near these offsets (a file without LF line ends is one block).
        scheduler: ``None`` (Dask's default: a ``distributed.Client`` if one is set, else
            threads), a ``distributed.Client``, a local scheduler's name (``threads``,
            ``processes``, ``synchronous``), or a scheduler's address
            (``tcp://10.0.0.5:8786``: connected for this call, then closed).
        input_format: ``jsonl`` to read files whose names do not end in ``.jsonl``.
        skip_invalid: Count the good records and collect every bad one in *errors*.
        errors: Where bad records go with *skip_invalid*, in input order.
        progress: Called with the number of blocks counted so far, as each one ends (on a
            ``distributed`` scheduler; local schedulers report nothing until the end).

    Raises:
        InvalidInputError: A path that cannot be read, a scheduler that cannot be reached,
            or the first bad record (unless *skip_invalid*).
    """
    spec: Spec = partial(
        Bieu06,
        period,
        by=tuple(by),
        catalogue=catalogue,
        policy=policy,
        units=units,
        unit_role=unit_role,
        rehome_to=rehome_to,
    )
    spec()  # a grouping the options cannot serve fails here, before any work is sent
    files = _blocks(_names(paths), blocksize, input_format)
    plan = [(name, k, block) for name, blocks in files for k, block in enumerate(blocks)]
    with _connected(scheduler) as target:
        states, found = _run(
            plan, spec, catalogue, target, skip_invalid=skip_invalid, progress=progress
        )
    acc = spec()
    for state in states:
        acc.load_state(state)
    if errors is not None:
        errors.extend(found)
    return acc


def _earlier(counted: list[_Counted], index: int) -> Seen:
    """The codes the blocks before *index* counted (only for a block that shares one)."""
    union = Seen()
    for _, seen, _, _ in counted[:index]:
        union.update(seen)
    return union


def _run(
    plan: list[tuple[str, int, Any]],
    spec: Spec,
    catalogue: Catalogue | None,
    scheduler: object,
    *,
    skip_invalid: bool,
    progress: Callable[[int], None] | None,
) -> tuple[list[Any], list[InvalidInputError]]:
    """Count every block, then again the blocks that need their true lines; states, errors."""
    shared = delayed(spec, pure=False), delayed(catalogue, pure=False)
    counted: list[_Counted] = _compute(
        [delayed(_count_block)(block, name, k == 0, *shared) for name, k, block in plan],
        scheduler,
        progress,
    )
    # Where each block starts; which blocks hold a code that an earlier block counted.
    first_lines: list[int] = []
    union = Seen()
    shared_codes: set[int] = set()
    line = 1
    for index, ((_, k, _), (_, seen, lines, _)) in enumerate(zip(plan, counted, strict=True)):
        line = 1 if k == 0 else line
        first_lines.append(line)
        line += lines
        if not union.update(seen):
            shared_codes.add(index)
    again = [i for i, c in enumerate(counted) if c[3] or i in shared_codes]
    states = [c[0] for c in counted]
    found: list[InvalidInputError] = []
    # Without skip_invalid, the first block that needs it is counted again, and raises.
    for chunk in [again] if skip_invalid else [[i] for i in again]:
        tasks = [
            delayed(_recount_block)(
                plan[i][2],
                plan[i][0],
                first_lines[i],
                plan[i][1] == 0,
                *shared,
                skip_invalid,
                _earlier(counted, i) if i in shared_codes else Seen(),
            )
            for i in chunk
        ]
        for i, (state, block_errors, stop) in zip(chunk, _compute(tasks, scheduler), strict=True):
            if stop is not None:
                raise stop
            states[i] = state
            found.extend(block_errors)
    return states, found
