"""What every reader owes its caller, checked on each fuzzed input.

* :func:`time_cap`: the input is handled within a few seconds (``SIGALRM``, no sleeping), so
  a hang fails the test instead of hanging CI;
* :func:`attempt`: the call returns, or raises a :class:`MotcuaError` whose message is one
  line and encodes as UTF-8; any other exception (``KeyError``, ``TypeError``, a
  ``ValueError`` that is not motcua's, ``RecursionError``, ``OverflowError``,
  ``MemoryError``, ``UnicodeError``...) fails the test with the input that caused it;
* :func:`encodes`: what a reader accepted can be written back as UTF-8 JSON;
* :func:`run_cli` and :func:`check_run`: one in-process run of the command line, and what
  every run owes its user (no traceback, status 0, 1 or 2, motcua's own stderr lines).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any, Final, NamedTuple, TypeVar
from unittest import mock

from hypothesis import HealthCheck, currently_in_test_context, event, settings

from motcua.cli import main
from motcua.foundation.errors import MotcuaError

T = TypeVar("T")

#: Seconds one input may take in a library reader (a valid record takes milliseconds).
READER_CAP: Final = 3.0
#: Seconds one CLI run may take (it may build a calendar or start worker processes).
CLI_CAP: Final = 15.0


class InputTimeout(BaseException):
    """Raised by the alarm: a BaseException, so no ``except Exception`` in motcua hides it."""


def _alarm(_signum: int, _frame: object) -> None:
    raise InputTimeout


@contextlib.contextmanager
def time_cap(seconds: float = READER_CAP, what: object = None) -> Iterator[None]:
    """Fail (AssertionError, which Hypothesis shrinks) when the block runs over *seconds*."""
    if not hasattr(signal, "setitimer"):  # pragma: no cover - CI is POSIX
        yield
        return
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except InputTimeout:
        shown = repr(what)
        shown = shown if len(shown) <= 300 else shown[:300] + "…"
        msg = f"no answer within {seconds} s (a hang?) for {shown}"
        raise AssertionError(msg) from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def one_line(message: str) -> None:
    """Assert that *message* is one line that encodes as UTF-8 (no lone surrogate)."""
    assert message, "an empty error message"
    assert message.splitlines() == [message], f"a message of several lines: {message!r}"
    message.encode("utf-8")


def attempt(
    call: Callable[[], T],
    what: object = None,
    cap: float = READER_CAP,
    *,
    untouched: object = None,
) -> T | MotcuaError:
    """Run *call* under the time cap; return its result or the MotcuaError it raised.

    Any other exception fails the test, naming the input. With *untouched*, that value
    (the reader's input) must be the same afterwards: a reader does not change its input.
    """
    before = None if untouched is None else repr(untouched)
    try:
        return _attempt(call, what, cap)
    finally:
        if before is not None:
            assert repr(untouched) == before, f"the reader changed its input {what!r:.300}"


def _attempt(call: Callable[[], T], what: object, cap: float) -> T | MotcuaError:
    with time_cap(cap, what):
        try:
            result = call()
        except MotcuaError as exc:
            one_line(str(exc))
            _event(f"refused ({type(exc).__name__})")
            return exc
        except Exception as exc:
            shown = repr(what)
            shown = shown if len(shown) <= 300 else shown[:300] + "…"
            msg = f"{type(exc).__name__} escaped (not a MotcuaError): {exc!r:.300} for {shown}"
            raise AssertionError(msg) from exc
    _event("accepted")
    return result


def _event(what: str) -> None:
    """Count outcomes (``pytest --hypothesis-show-statistics``) inside a Hypothesis test."""
    if currently_in_test_context():
        event(what)


def encodes(data: Any) -> str:
    """Write *data* as JSON text and encode it as UTF-8 (fails on a lone surrogate)."""
    text = json.dumps(data, ensure_ascii=False)
    text.encode("utf-8")
    return text


def fuzz(examples: int) -> settings:
    """Bounded, deterministic settings for one fuzz test (``MOTCUA_FUZZ_SCALE`` multiplies).

    No example database and derandomized: CI runs the same inputs every time, so a failure
    reproduces; ``MOTCUA_FUZZ_SCALE=20 pytest tests/fuzz`` searches longer on a workstation,
    and ``MOTCUA_FUZZ_RANDOM=1`` draws other inputs on every run.
    """
    scale = max(1, int(os.environ.get("MOTCUA_FUZZ_SCALE", "1")))
    return settings(
        max_examples=examples * scale,
        deadline=None,
        derandomize=not os.environ.get("MOTCUA_FUZZ_RANDOM"),
        database=None,
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.filter_too_much,
            HealthCheck.large_base_example,
        ],
    )


# --- The command line, run in-process -------------------------------------------------

#: The lines motcua itself writes on stderr.
STDERR_LINE: Final = re.compile(
    r"motcua: error: .+"
    r"|motcua: read [0-9]+, skipped [0-9]+"
    r"|note: .+"
    r"|lưu ý: .+"
    r"|[0-9]{2}/[0-9]{2}/[0-9]{4}-[0-9]{2}/[0-9]{2}/[0-9]{4} \(.+\)"
)


class Run(NamedTuple):
    """What one CLI run returned and printed."""

    status: int
    out: str
    err: str
    raw: bytes = b""


def run_cli(argv: Sequence[str], stdin: bytes = b"", *, binary: bool = False) -> Run:
    """Run ``main(argv)`` in-process with *stdin*; fail on any exception or a hang.

    stdout is strict UTF-8, as on a UTF-8 terminal, so printing a lone surrogate raises;
    stderr is ``backslashreplace``, as Python sets it up. With *binary* (a workbook on
    stdout) the bytes are kept in ``raw`` and ``out`` is empty.
    """
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="strict")
    err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="backslashreplace")
    given_in = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    with (
        time_cap(CLI_CAP, list(argv)),
        mock.patch.object(sys, "stdout", out),
        mock.patch.object(sys, "stderr", err),
        mock.patch.object(sys, "stdin", given_in),
    ):
        try:
            status = main(list(argv))
        except Exception as exc:
            msg = f"a traceback: {type(exc).__name__}: {exc!r:.300} from motcua {list(argv)}"
            raise AssertionError(msg) from exc
    out.flush()
    err.flush()
    raw_out = out.buffer.getvalue()
    raw_err = err.buffer.getvalue()
    if binary:
        return Run(status, "", raw_err.decode("utf-8"), raw_out)
    return Run(status, raw_out.decode("utf-8"), raw_err.decode("utf-8"), raw_out)


def check_run(run: Run, argv: Sequence[str], *, json_out: bool = False) -> None:
    """The promises every run keeps (module docstring)."""
    if currently_in_test_context():  # pytest --hypothesis-show-statistics shows the spread
        event(f"exit {run.status}")
    assert run.status in (0, 1, 2), f"exit status {run.status} from motcua {list(argv)}"
    lines = run.err.splitlines()
    for line in lines:
        assert STDERR_LINE.fullmatch(line), f"a stray stderr line {line!r} from {list(argv)}"
    errors = [line for line in lines if line.startswith("motcua: error: ")]
    if run.status == 2:
        assert errors, f"status 2 without an error line from {list(argv)}"
    if run.status == 0:
        assert not errors, f"status 0 with errors {errors} from {list(argv)}"
    if json_out and run.out.strip():
        json.loads(run.out)
