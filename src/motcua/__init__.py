"""motcua: Vietnam's one-stop administration (một cửa, một cửa liên thông) as a typed library.

The public API is re-exported here; everything else is private by convention.

>>> from datetime import datetime
>>> import motcua
>>> str(motcua.compute_due(datetime(2024, 4, 26, 9, 0), motcua.WorkingDays(5)))
'2024-05-07T09:00+07:00'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from motcua.foundation.errors import (
    ConfigurationError,
    InvalidInputError,
    MotcuaError,
    OutsideCalendarError,
)
from motcua.foundation.vntime import VN_TZ, to_vn
from motcua.time.announcements import (
    ANNOUNCEMENTS,
    Announcement,
    Confidence,
    DayChange,
    DayKind,
    Scope,
)
from motcua.time.calendar import (
    LAST_ANNOUNCED_YEAR,
    DayCategory,
    NamedDay,
    WorkingCalendar,
    YearSchedule,
    vietnam_calendar,
)
from motcua.time.deadlines import Due, Pause, WorkSchedule, compute_due, default_schedule
from motcua.time.hours import OfficeHours, Session
from motcua.time.limits import (
    CalendarDays,
    CountingRule,
    Months,
    SameDay,
    TimeLimit,
    WorkingDays,
    WorkingHours,
)

if TYPE_CHECKING:
    from motcua.serialization.announcements import load_announcements

__version__ = "0.1.0.dev0"

__all__ = [
    "ANNOUNCEMENTS",
    "LAST_ANNOUNCED_YEAR",
    "VN_TZ",
    "Announcement",
    "CalendarDays",
    "Confidence",
    "ConfigurationError",
    "CountingRule",
    "DayCategory",
    "DayChange",
    "DayKind",
    "Due",
    "InvalidInputError",
    "Months",
    "MotcuaError",
    "NamedDay",
    "OfficeHours",
    "OutsideCalendarError",
    "Pause",
    "SameDay",
    "Scope",
    "Session",
    "TimeLimit",
    "WorkSchedule",
    "WorkingCalendar",
    "WorkingDays",
    "WorkingHours",
    "YearSchedule",
    "__version__",
    "compute_due",
    "default_schedule",
    "load_announcements",
    "to_vn",
    "vietnam_calendar",
]


def __getattr__(name: str) -> object:
    """Load the serialization edge (cattrs) only when it is asked for."""
    if name == "load_announcements":
        from motcua.serialization.announcements import load_announcements  # noqa: PLC0415

        return load_announcements
    msg = f"module 'motcua' has no attribute {name!r}"
    raise AttributeError(msg)


def __dir__() -> list[str]:
    """List the public API, including lazily loaded names."""
    return sorted(set(globals()) | set(__all__))
