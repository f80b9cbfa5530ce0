"""One progress line on stderr for every command that reads a large file, on a terminal only.

The line reads ``motcua check: 120,000 dossiers``; it is rewritten in place every
:data:`EVERY` records and erased when the command is done, before anything else is
printed on stderr (errors, the ``read N, skipped M`` summary). It is shown only when stderr
is a terminal: never in a pipe, a file, a test's captured output or CI logs, so that what a
script reads is the same with or without it.

A command wraps the records it reads::

    for record in track(records, "motcua dossier show"):
        ...

or, when something else counts (a callback called with the number done so far)::

    with Progress("motcua report", "lines") as progress:
        tally_file(..., progress=progress)
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from types import TracebackType
from typing import Final, TextIO, TypeVar, final

__all__ = ["EVERY", "Progress", "track"]

T = TypeVar("T")

#: Records between two updates of the line (about ten updates a second at report speed).
EVERY: Final = 10_000


@final
class Progress:
    """A count of work done, shown on *stream* (default stderr) only when it is a terminal.

    Calling it with the number done so far rewrites the line; :meth:`close` erases it.
    """

    __slots__ = ("active", "label", "shown", "stream", "unit")

    def __init__(
        self, label: str, unit: str = "dossiers", *, stream: TextIO | None = None
    ) -> None:
        """Show ``LABEL: N UNIT`` on *stream* if it is a terminal."""
        self.stream = sys.stderr if stream is None else stream
        self.label = label
        self.unit = unit
        isatty = getattr(self.stream, "isatty", None)
        self.active = bool(isatty is not None and isatty())
        self.shown = 0  # the length of the line on screen, to erase it

    def __call__(self, done: int) -> None:
        """Show that *done* records (or parts) are done."""
        if self.active:
            line = f"{self.label}: {done:,} {self.unit}"
            self.stream.write("\r" + line.ljust(self.shown))
            self.stream.flush()
            self.shown = len(line)

    def close(self) -> None:
        """Erase the line, so that what is printed next starts a clean line."""
        if self.shown:
            self.stream.write("\r" + " " * self.shown + "\r")
            self.stream.flush()
            self.shown = 0

    def __enter__(self) -> Progress:
        """Use as a context manager: the line is erased on the way out, error or not."""
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        """Erase the line."""
        self.close()


def track(
    items: Iterable[T],
    label: str,
    unit: str = "dossiers",
    *,
    every: int = EVERY,
    stream: TextIO | None = None,
) -> Iterator[T]:
    """Yield *items* unchanged, showing every *every* how many have been read so far."""
    with Progress(label, unit, stream=stream) as progress:
        if not progress.active:
            yield from items
            return
        for count, item in enumerate(items, start=1):
            if count % every == 0:
                progress(count)
            yield item
