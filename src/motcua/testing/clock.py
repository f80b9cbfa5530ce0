"""A fixed clock for tests: the instant "now" is whatever the test says it is.

motcua itself never reads a clock (functions take ``at=`` / ``as_of=``); a portal's code
under test may. Give it this clock, set it, and pass ``clock.now`` as ``as_of``:

>>> from datetime import datetime, timedelta
>>> clock = FixedClock(datetime(2024, 6, 14, 17, 0))
>>> clock.now.isoformat()
'2024-06-14T17:00:00+07:00'
>>> clock.advance(timedelta(days=1)).isoformat()
'2024-06-15T17:00:00+07:00'
>>> clock.set(datetime(2024, 7, 1, 8, 0))().isoformat()
'2024-07-01T08:00:00+07:00'
"""

from __future__ import annotations

from datetime import datetime, timedelta

from motcua.foundation.errors import InvalidInputError
from motcua.foundation.vntime import vn_instant

__all__ = ["FixedClock"]


class FixedClock:
    """A clock that stands still until the test moves it (naive instants are Vietnam time).

    Calling it returns the current instant, so it can stand in for ``datetime.now``-like
    callables a portal injects.
    """

    def __init__(self, at: datetime) -> None:
        """Stand at *at*."""
        self._now = vn_instant(at, "FixedClock.at")

    @property
    def now(self) -> datetime:
        """The instant the clock shows, aware, in Vietnam time."""
        return self._now

    def __call__(self) -> datetime:
        """Return :attr:`now`."""
        return self._now

    def set(self, at: datetime) -> FixedClock:
        """Move to *at* (earlier or later); return the clock."""
        self._now = vn_instant(at, "FixedClock.at")
        return self

    def advance(self, by: timedelta) -> datetime:
        """Move forward by *by* (not backward); return the new instant."""
        if not isinstance(by, timedelta) or by < timedelta():
            raise InvalidInputError("FixedClock.advance", "a timedelta of zero or more", by)
        self._now = vn_instant(self._now + by, "FixedClock.at")
        return self._now

    def __repr__(self) -> str:
        """Return ``FixedClock('2024-06-14T17:00:00+07:00')``."""
        return f"FixedClock({self._now.isoformat()!r})"
