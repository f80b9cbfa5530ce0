"""Reports from files: streaming, all cores, and the report's output formats.

:func:`tally_file` reads a dossier file and returns the filled :class:`Bieu06` accumulator.
JSON Lines files stream with flat memory. With ``jobs > 1`` the file is split at line
boundaries, each part is counted in its own process, and the parts are merged; the merge is
exact, so the result does not depend on the split. :func:`tally_lines` counts an iterable of
JSON Lines (one partition of a larger engine, e.g. a Dask bag; see ``examples/``).

:func:`render_report` prints a report as a text table, CSV, JSON or Markdown, with the form's
Vietnamese headers or English ones.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from datetime import datetime
from pathlib import Path
from typing import Any, Final

from motcua.analyses.periods import Period
from motcua.analyses.report import (
    COLUMNS,
    Bieu06,
    Counts,
    Dimension,
    DossierKeys,
    Report,
    ReportPolicy,
    percent,
)
from motcua.domain.dossiers import Clock, replay
from motcua.domain.lifecycle import LifecyclePolicy
from motcua.domain.procedures import Catalogue, Channel
from motcua.domain.units import Level
from motcua.foundation.errors import InvalidInputError, MotcuaError
from motcua.serialization.dossiers import dossier_from_json, iter_dossiers
from motcua.serialization.scan import scan_record

__all__ = [
    "HEADERS",
    "render_report",
    "report_to_json",
    "tally_file",
    "tally_lines",
]

#: Column headers: the form's Vietnamese wording, and English.
HEADERS: Final = {
    "vi": {
        "group": "Lĩnh vực, công việc giải quyết theo cấp",
        "received_total": "Số hồ sơ nhận giải quyết: Tổng số",
        "received_online": "Trực tuyến",
        "received_in_person_or_postal": "Trực tiếp, dịch vụ bưu chính",
        "carried_over": "Từ kỳ trước",
        "resolved_total": "Đã giải quyết: Tổng số",
        "resolved_early": "Trước hạn",
        "resolved_on_time": "Đúng hạn",
        "resolved_late": "Quá hạn",
        "pending_total": "Đang giải quyết: Tổng số",
        "pending_within": "Trong hạn",
        "pending_overdue": "Quá hạn",
        "total": "Tổng cộng",
        "on_time_percent": "Tỷ lệ trước và đúng hạn (%)",
    },
    "en": {
        "group": "Group",
        "received_total": "Received: total",
        "received_online": "Online",
        "received_in_person_or_postal": "In person or postal",
        "carried_over": "Carried over",
        "resolved_total": "Resolved: total",
        "resolved_early": "Early",
        "resolved_on_time": "On time",
        "resolved_late": "Late",
        "pending_total": "Pending: total",
        "pending_within": "Within time",
        "pending_overdue": "Overdue",
        "total": "Total",
        "on_time_percent": "Early or on time (%)",
    },
}

Progress = Callable[[int], None]


_DEFAULT_POLICY: Final = LifecyclePolicy()


def count_record(
    acc: Bieu06, data: object, where: str, catalogue: Catalogue | None = None
) -> None:
    """Count one parsed dossier record: the fast strict reader, else the full dossier.

    Both readers feed the same fold and the same bucket function; the full reader also
    produces the precise error for a bad record.

    Raises:
        InvalidInputError: The record is not a valid dossier (naming *where*, JSON path).
    """
    scanned = scan_record(data)
    core = None
    if scanned is not None:
        try:
            core = replay(scanned.steps, _DEFAULT_POLICY, scanned.code)
        except MotcuaError:
            scanned = None
    if scanned is None or core is None:
        acc.add(dossier_from_json(data, where, catalogue=catalogue))
        return
    clock = core.clock()
    steps = scanned.steps

    def before(instant: datetime) -> Clock:
        if steps[-1][1] < instant:
            return clock
        kept = [s for s in steps if s[1] < instant]
        return replay(kept, _DEFAULT_POLICY, scanned.code).clock()

    day = (clock.received_at or steps[0][1]).date()
    keys = DossierKeys(
        scanned.code, scanned.agency, scanned.procedure, scanned.channel, scanned.level, day
    )
    acc.add_clock(keys, clock, before, scanned.limit, scanned.rule)


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

    Raises:
        InvalidInputError: The first bad record (naming *where* and its line), unless
            *skip_invalid*; then each error is appended to *errors*.
    """
    acc = Bieu06(period, by=by, catalogue=catalogue, policy=policy)
    for number, line in enumerate(lines, start=first_line):
        if not line.strip():
            continue
        at = f"{where} line {number}"
        try:
            try:
                data = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InvalidInputError(at, "a JSON object", exc.msg) from None
            count_record(acc, data, at, catalogue)
        except InvalidInputError as exc:
            if not skip_invalid:
                raise
            if errors is not None:
                errors.append(exc)
    return acc


def _chunks(path: Path, parts: int) -> list[tuple[int, int, int]]:
    """Split a file at line boundaries: (start offset, end offset, first line number)."""
    size = path.stat().st_size
    target = max(1, size // parts)
    out: list[tuple[int, int, int]] = []
    start, line = 0, 1
    offset, lines_seen = 0, 1
    with path.open("rb") as handle:
        while True:
            block = handle.read(1 << 20)
            if not block:
                break
            base = offset
            pos = 0
            while True:
                nl = block.find(b"\n", pos)
                if nl < 0:
                    break
                lines_seen += 1
                pos = nl + 1
                if base + pos - start >= target and len(out) < parts - 1:
                    out.append((start, base + pos, line))
                    start, line = base + pos, lines_seen
            offset += len(block)
    if start < size or not out:
        out.append((start, size, line))
    return out


def _read_range(path: Path, start: int, end: int) -> Iterator[str]:
    with path.open("rb") as handle:
        handle.seek(start)
        remaining = end - start
        for raw in handle:
            if remaining <= 0:
                break
            remaining -= len(raw)
            yield raw.decode("utf-8")


def _tally_part(  # noqa: PLR0917 - a process-pool entry point takes positional arguments
    path: str,
    start: int,
    end: int,
    first_line: int,
    period: Period,
    by: tuple[Dimension, ...],
    catalogue: Catalogue | None,
    policy: ReportPolicy | None,
    skip_invalid: bool,
) -> tuple[tuple[int, dict[Any, tuple[int, ...]]], list[InvalidInputError]]:
    errors: list[InvalidInputError] = []
    acc = tally_lines(
        _read_range(Path(path), start, end),
        period,
        by=by,
        catalogue=catalogue,
        policy=policy,
        where=path,
        first_line=first_line,
        skip_invalid=skip_invalid,
        errors=errors,
    )
    return acc.state(), errors


def tally_file(
    path: str | Path,
    period: Period,
    *,
    by: Iterable[Dimension] = (),
    catalogue: Catalogue | None = None,
    policy: ReportPolicy | None = None,
    jobs: int = 1,
    skip_invalid: bool = False,
    errors: list[InvalidInputError] | None = None,
    progress: Progress | None = None,
) -> Bieu06:
    """Count every dossier of a JSON or JSON Lines file into a Biểu 06 accumulator.

    Args:
        path: The file.
        period: The reporting window.
        by: Grouping dimensions.
        catalogue: Procedures (needed for level and field; default: the sample catalogue).
        policy: The report's stated choices.
        jobs: Processes to use for a JSON Lines file (0: one per core).
        skip_invalid: Count the good records and collect every bad one in *errors*.
        errors: Where bad records go with *skip_invalid*.
        progress: Called with the number of records (or file parts) done so far.

    Raises:
        InvalidInputError: The first bad record, unless *skip_invalid*.
    """
    file = Path(path)
    dims = tuple(by)
    lines_file = file.suffix.lower() in (".jsonl", ".ndjson")
    workers = (os.cpu_count() or 1) if jobs == 0 else jobs
    if workers < 1:
        raise InvalidInputError(
            "jobs (--jobs)", "a number of processes, 1 or more (0: all cores)", jobs
        )
    if not file.is_file():
        raise InvalidInputError(str(file), "a readable file", "no such file")
    if lines_file and workers > 1:
        parts = _chunks(file, workers)
        acc = Bieu06(period, by=dims, catalogue=catalogue, policy=policy)
        with ProcessPoolExecutor(max_workers=min(workers, len(parts))) as pool:
            futures = [
                pool.submit(
                    _tally_part,
                    str(file),
                    s,
                    e,
                    first,
                    period,
                    dims,
                    catalogue,
                    policy,
                    skip_invalid,
                )
                for s, e, first in parts
            ]
            for done, future in enumerate(futures, start=1):
                state, found = future.result()
                acc.load_state(state)
                if errors is not None:
                    errors.extend(found)
                if progress is not None:
                    progress(done)
        return acc
    if lines_file:
        return _tally_stream(file, period, dims, catalogue, policy, skip_invalid, errors, progress)
    acc = Bieu06(period, by=dims, catalogue=catalogue, policy=policy)
    for count, item in enumerate(iter_dossiers(file, catalogue=catalogue), start=1):
        if isinstance(item, InvalidInputError):
            if not skip_invalid:
                raise item
            if errors is not None:
                errors.append(item)
        else:
            acc.add(item)
        if progress is not None and count % 10_000 == 0:
            progress(count)
    return acc


def _tally_stream(  # noqa: PLR0917 - private helper of tally_file
    file: Path,
    period: Period,
    dims: tuple[Dimension, ...],
    catalogue: Catalogue | None,
    policy: ReportPolicy | None,
    skip_invalid: bool,
    errors: list[InvalidInputError] | None,
    progress: Progress | None,
) -> Bieu06:
    """One process over a JSON Lines file, line by line (flat memory)."""
    try:
        handle = file.open(encoding="utf-8")
    except OSError as exc:
        raise InvalidInputError(str(file), "a readable file", exc.strerror) from None
    found: list[InvalidInputError] = []

    def lines() -> Iterator[str]:
        for count, line in enumerate(handle, start=1):
            if progress is not None and count % 10_000 == 0:
                progress(count)
            yield line

    with handle:
        acc = tally_lines(
            lines(),
            period,
            by=dims,
            catalogue=catalogue,
            policy=policy,
            where=str(file),
            skip_invalid=skip_invalid,
            errors=found,
        )
    if errors is not None:
        errors.extend(found)
    return acc


def _row(name: str, counts: Counts) -> dict[str, Any]:
    pct = percent(counts.on_time_rate)
    return {
        "group": name,
        **counts.as_dict(),
        "on_time_percent": None if pct is None else str(pct),
    }


def _label(dim: Dimension, value: Any, lang: str) -> str:
    if dim is Dimension.LEVEL:
        level = Level(value)
        return level.vi if lang == "vi" else level.value
    if dim is Dimension.CHANNEL:
        channel = Channel(value)
        return channel.vi if lang == "vi" else channel.name.lower().replace("_", " ")
    return str(value)


def _group_name(key: tuple[Any, ...], by: tuple[Dimension, ...], lang: str = "vi") -> str:
    return " / ".join(_label(dim, part, lang) for dim, part in zip(by, key, strict=True))


def report_to_json(report: Report) -> dict[str, Any]:
    """Return the report as a JSON object: ``period``, ``total``, ``groups``, ``notes``."""

    def counts(c: Counts) -> dict[str, Any]:
        rate = c.on_time_rate
        pct = percent(rate)
        return {
            **c.as_dict(),
            "resolved_in_time": c.resolved_in_time,
            "on_time_rate": None if rate is None else f"{rate.numerator}/{rate.denominator}",
            "on_time_percent": None if pct is None else str(pct),
        }

    return {
        "period": {
            "spec": report.period.spec,
            "start": report.period.start.isoformat(),
            "end": report.period.end.isoformat(),
            "window": report.period.window.value,
            "basis": report.period.basis,
            "straddles_reform": report.period.straddles_reform,
        },
        "by": [d.value for d in report.by],
        "policy": {
            "granularity": report.policy.granularity.value,
            "stopped": report.policy.stopped.value,
        },
        "total": counts(report.total),
        "groups": [
            {"key": list(key), "name": _group_name(key, report.by), **counts(c)}
            for key, c in report.groups
            if report.by
        ],
        "dossiers_read": report.dossiers_read,
        "notes": list(report.notes),
    }


def render_report(report: Report, fmt: str = "table", lang: str = "vi") -> str:
    """Render a report as ``table``, ``csv``, ``json`` or ``markdown`` (``vi`` or ``en``)."""
    if lang not in HEADERS:
        raise InvalidInputError("--lang", "vi or en", lang)
    if fmt == "json":
        return json.dumps(report_to_json(report), ensure_ascii=False, indent=2)
    head = HEADERS[lang]
    keys = ("group", *COLUMNS, "on_time_percent")
    rows = [_row(_group_name(k, report.by, lang), c) for k, c in report.groups if report.by]
    rows.append(_row(head["total"], report.total))
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow([head[k] for k in keys])
        for row in rows:
            writer.writerow(["" if row[k] is None else row[k] for k in keys])
        return buffer.getvalue()
    title = (
        f"Biểu số 06/VPCP/KSTT: {report.period}"
        if lang == "vi"
        else f"Form 06/VPCP/KSTT: {report.period}"
    )
    notes = [f"note: {n}" for n in report.notes]
    cells = [[str(head[k]) for k in keys]] + [
        ["-" if row[k] is None else str(row[k]) for k in keys] for row in rows
    ]
    if fmt == "markdown":
        lines = [f"**{title}**", ""]
        lines.append("| " + " | ".join(cells[0]) + " |")
        lines.append("| " + " | ".join("---" for _ in keys) + " |")
        lines += ["| " + " | ".join(r) + " |" for r in cells[1:]]
        return "\n".join([*lines, *(["", *notes] if notes else [])]) + "\n"
    if fmt != "table":
        raise InvalidInputError("--format", "table, csv, json or markdown", fmt)
    # A text table: one line per row, numbers right-aligned under short column numbers.
    numbers = [str(k) for k in range(3, 3 + len(COLUMNS))] + ["%"]
    width = max(len(r[0]) for r in cells)
    lines = [title, ""]
    legend = [f"({n}) {cells[0][i + 1]}" for i, n in enumerate(numbers)]
    lines.append(f"{'':<{width}}  " + " ".join(f"{'(' + n + ')':>7}" for n in numbers))
    for r in cells[1:]:
        lines.append(f"{r[0]:<{width}}  " + " ".join(f"{v:>7}" for v in r[1:]))
    lines += ["", *legend, *notes]
    return "\n".join(lines) + "\n"
