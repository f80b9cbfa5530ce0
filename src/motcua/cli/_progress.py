"""One progress line on stderr for every command that reads a large file, on a terminal only.

The line reads ``motcua check: 120.000 hồ sơ`` (``--lang en``: ``120,000 dossiers``; one
is ``1 part``, more are ``2 parts``); it is rewritten in place every
:data:`EVERY` records and erased when the command is done, before anything else is
printed on stderr (errors, the ``read N, skipped M`` summary). It is shown only when stderr
is a terminal: never in a pipe, a file, a test's captured output or CI logs, so that what a
script reads is the same with or without it.

A command wraps the records it reads::

    for record in track(records, "motcua dossier show"):
        ...

or, when something else counts (a callback called with the number done so far)::

    with Progress("motcua report", "lines", lang=args.lang) as progress:
        tally_file(..., progress=progress)

The unit is one of :data:`UNITS`, named in the language of the command's ``--lang``.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from types import TracebackType
from typing import Final, Literal, TextIO, TypeVar, final

__all__ = ["EVERY", "UNITS", "Progress", "Unit", "count_text", "track"]

T = TypeVar("T")

#: What a progress line counts (a key of :data:`UNITS`).
Unit = Literal["dossiers", "procedures", "lines", "parts", "blocks"]

#: Records between two updates of the line (about ten updates a second at report speed).
EVERY: Final = 10_000

#: What is counted: ``(one, several)`` in English, and the Vietnamese noun (no plural).
UNITS: Final[dict[Unit, tuple[str, str, str]]] = {
    "dossiers": ("dossier", "dossiers", "hồ sơ"),
    "procedures": ("procedure", "procedures", "thủ tục"),
    "lines": ("line", "lines", "dòng"),
    "parts": ("part", "parts", "phần"),
    "blocks": ("block", "blocks", "khối"),
}


def count_text(done: int, unit: Unit, lang: str = "vi") -> str:
    """``done`` *unit* as people read it: ``1 part``, ``2 parts``, ``1.234 dòng``.

    >>> count_text(1, "parts", "en"), count_text(2, "parts", "en"), count_text(1, "parts")
    ('1 part', '2 parts', '1 phần')
    >>> count_text(1_234_567, "dossiers"), count_text(1_234_567, "dossiers", "en")
    ('1.234.567 hồ sơ', '1,234,567 dossiers')
    """
    one, several, vi = UNITS[unit]
    if lang == "en":
        return f"{done:,} {one if done == 1 else several}"
    return f"{done:,} {vi}".replace(",", ".")


@final
class Progress:
    """A count of work done, shown on *stream* (default stderr) only when it is a terminal.

    Calling it with the number done so far rewrites the line; :meth:`close` erases it.
    """

    __slots__ = ("active", "label", "lang", "shown", "stream", "unit")

    def __init__(
        self,
        label: str,
        unit: Unit = "dossiers",
        *,
        lang: str = "vi",
        stream: TextIO | None = None,
    ) -> None:
        """Show ``LABEL: N UNIT`` (*unit* in *lang*) if *stream* is a terminal."""
        self.stream = sys.stderr if stream is None else stream
        self.label = label
        self.unit = unit
        self.lang = lang
        isatty = getattr(self.stream, "isatty", None)
        self.active = bool(isatty is not None and isatty())
        self.shown = 0  # the length of the line on screen, to erase it

    def __call__(self, done: int) -> None:
        """Show that *done* records (or parts) are done."""
        if self.active:
            line = f"{self.label}: {count_text(done, self.unit, self.lang)}"
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
    unit: Unit = "dossiers",
    *,
    every: int = EVERY,
    lang: str = "vi",
    stream: TextIO | None = None,
) -> Iterator[T]:
    """Yield *items* unchanged, showing every *every* how many have been read so far."""
    with Progress(label, unit, lang=lang, stream=stream) as progress:
        if not progress.active:
            yield from items
            return
        for count, item in enumerate(items, start=1):
            if count % every == 0:
                progress(count)
            yield item
