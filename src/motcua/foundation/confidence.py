"""Confidence marks: how well a piece of encoded law or data was checked against its sources.

One scale for every table motcua ships: official announcements (``time.announcements``),
compliance rules (``analyses.compliance``). The marks are those of the project's research
digests: **[C]** confirmed, **[S]** secondary only, **[R]** recalled and not re-read. The
values are the strings written in motcua's JSON files (an announcement's ``"confidence"``).
A mark lives in the data and the documentation, never inside a message.

>>> Confidence("days_confirmed").mark
'C'
>>> ", ".join(c.value for c in Confidence if c.mark == "C")
'confirmed, days_confirmed'
"""

from __future__ import annotations

import enum

__all__ = ["Confidence"]


class Confidence(enum.Enum):
    """How well a row or a rule was checked against its sources."""

    #: [C] Read in a source quoting the text (for an announcement: its number, date and days).
    CONFIRMED = "confirmed"
    #: [C] for the days only: an announcement's days were read in an official or news source,
    #: its instrument number was not.
    DAYS_CONFIRMED = "days_confirmed"
    #: [S] Seen only in secondary material (public code, provincial records, another
    #: library's data, one-stop practice): verify it.
    SECONDARY = "secondary"
    #: [R] Recalled from the legal text, not re-read in any source: a hypothesis to verify.
    RECALLED = "recalled"

    @property
    def mark(self) -> str:
        """The research digests' mark: ``C``, ``S`` or ``R``."""
        return _MARKS[self]


_MARKS = {
    Confidence.CONFIRMED: "C",
    Confidence.DAYS_CONFIRMED: "C",
    Confidence.SECONDARY: "S",
    Confidence.RECALLED: "R",
}
