"""Timeliness: early, on time, late; within time or overdue. One definition, used everywhere.

Resolved dossiers are compared with their statutory due instant (Circular 01/2018/TT-VPCP
form 05 prints *trước hạn / đúng hạn / quá hạn* per step; Circular 01/2020/TT-VPCP Biểu 06
counts resolved dossiers in the same three columns and pending ones as *trong hạn / quá hạn*):

* **early** (trước hạn): finished on a calendar day before the due day;
* **on time** (đúng hạn): finished on the due day, at or before the due instant;
* **late** (quá hạn): finished after the due instant;
* **within time** (trong hạn) / **overdue** (quá hạn) for a dossier still open as of an instant.

"Late" is judged to the instant by default; ``Granularity.DATE`` judges it by calendar day
instead, as the Thanh Hóa Biểu 06 export and some OpenCPS reports do (ADR 0008). An apology
letter's new appointment never changes timeliness: statistics judge against the original due
time (DESIGN §3).

>>> from datetime import datetime
>>> due = datetime(2024, 5, 7, 9, 0)
>>> classify(due, finished=datetime(2024, 5, 6, 16, 0)).value
'early'
>>> classify(due, finished=datetime(2024, 5, 7, 8, 59)).value
'on_time'
>>> classify(due, finished=datetime(2024, 5, 7, 9, 1)).value
'late'
>>> classify(due, finished=datetime(2024, 5, 7, 9, 1), granularity=Granularity.DATE).value
'on_time'
>>> classify(due, as_of=datetime(2024, 5, 8)).value
'overdue'
"""

from __future__ import annotations

import enum
from datetime import datetime, time, timedelta
from typing import Final

from motcua.foundation.errors import InvalidInputError
from motcua.foundation.vntime import vn_instant

__all__ = ["Granularity", "Timeliness", "classify"]


class Timeliness(enum.Enum):
    """Where a dossier stands against its due instant."""

    #: Trước hạn: resolved on a day before the due day.
    EARLY = "early"
    #: Đúng hạn: resolved on the due day, by the due instant.
    ON_TIME = "on_time"
    #: Quá hạn: resolved after the due instant.
    LATE = "late"
    #: Trong hạn: still open, and the due instant has not passed.
    WITHIN = "within"
    #: Quá hạn: still open after the due instant.
    OVERDUE = "overdue"

    @property
    def vi(self) -> str:
        """The Vietnamese column name (``Trước hạn``, ``Đúng hạn``...)."""
        return {
            "early": "Trước hạn",
            "on_time": "Đúng hạn",
            "late": "Quá hạn",
            "within": "Trong hạn",
            "overdue": "Quá hạn",
        }[self.value]

    @property
    def resolved(self) -> bool:
        """True for the three outcomes of a resolved dossier."""
        return self in (Timeliness.EARLY, Timeliness.ON_TIME, Timeliness.LATE)


class Granularity(enum.Enum):
    """How "late" is judged: to the instant (default) or by calendar day."""

    INSTANT = "instant"
    DATE = "date"


_INSTANT: Final = timedelta(microseconds=1)


def classify(
    due: datetime,
    *,
    finished: datetime | None = None,
    as_of: datetime | None = None,
    granularity: Granularity = Granularity.INSTANT,
) -> Timeliness:
    """Classify a dossier due at *due* that *finished* (resolved), or is open as of *as_of*.

    Give exactly one of *finished* and *as_of*. All instants are compared in Vietnam time.

    Raises:
        InvalidInputError: Neither or both of *finished* and *as_of* were given.
    """
    due_vn = vn_instant(due, "due")
    if (finished is None) == (as_of is None):
        raise InvalidInputError(
            "classify()",
            "exactly one of finished= (resolved dossier) and as_of= (open dossier)",
            {"finished": finished, "as_of": as_of},
        )
    # A period that ends at 24:00 (Civil Code 2015 Art. 148(6)) is due at 00:00 of the next
    # day; its due date is the day that ends there.
    due_day = (due_vn - _INSTANT).date() if due_vn.time() == time.min else due_vn.date()
    if finished is not None:
        end = vn_instant(finished, "finished")
        if end.date() < due_day:
            return Timeliness.EARLY
        late = end.date() > due_day if granularity is Granularity.DATE else end > due_vn
        return Timeliness.LATE if late else Timeliness.ON_TIME
    now = vn_instant(as_of, "as_of")
    over = now.date() > due_day if granularity is Granularity.DATE else now > due_vn
    return Timeliness.OVERDUE if over else Timeliness.WITHIN
