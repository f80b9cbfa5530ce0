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
    NotFoundError,
    OutsideCalendarError,
    TransitionError,
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
    from motcua.domain.codes import (
        AgencyCode,
        DossierCode,
        DossierCounter,
        InMemoryCounter,
        ProcedureCode,
        issue_dossier_code,
    )
    from motcua.domain.dossiers import Dossier, Step, SupplementRecord
    from motcua.domain.lifecycle import (
        TRANSITIONS,
        DelayNotified,
        Event,
        LifecyclePolicy,
        ObligationFulfilled,
        ObligationRequested,
        Outcome,
        Received,
        Refused,
        Resolved,
        ResultReturned,
        ReturnMethod,
        Stage,
        Status,
        Stopped,
        Submitted,
        SupplementReceived,
        SupplementRequested,
        Transferred,
        Transition,
        WithdrawalRequested,
    )
    from motcua.domain.procedures import (
        Catalogue,
        Channel,
        ChannelTerm,
        Document,
        Fee,
        LegalBasis,
        Medium,
        NoTimeLimit,
        OnlineLevel,
        Posting,
        Procedure,
    )
    from motcua.domain.timeliness import Granularity, Timeliness, classify
    from motcua.domain.units import TWO_TIER_REFORM, AdministrativeUnit, Level, UnitRegistry
    from motcua.serialization.announcements import load_announcements
    from motcua.serialization.catalogues import (
        load_catalogue,
        procedure_from_json,
        procedure_to_json,
        sample_catalogue,
    )
    from motcua.serialization.dossiers import (
        dossier_from_json,
        dossier_to_json,
        dumps_jsonl,
        read_dossiers,
    )
    from motcua.serialization.dvcqg import (
        dossier_from_dvcqg,
        dossier_to_dvcqg,
        procedure_from_dvcqg,
    )

__version__ = "0.1.0.dev0"

#: Names served lazily: the domain layer and the serialization edge (cattrs) load only when
#: asked for, so that ``import motcua`` and ``motcua due`` stay fast.
_LAZY = {
    "AgencyCode": "motcua.domain.codes",
    "DossierCode": "motcua.domain.codes",
    "DossierCounter": "motcua.domain.codes",
    "InMemoryCounter": "motcua.domain.codes",
    "ProcedureCode": "motcua.domain.codes",
    "issue_dossier_code": "motcua.domain.codes",
    "Dossier": "motcua.domain.dossiers",
    "Step": "motcua.domain.dossiers",
    "SupplementRecord": "motcua.domain.dossiers",
    "TRANSITIONS": "motcua.domain.lifecycle",
    "DelayNotified": "motcua.domain.lifecycle",
    "Event": "motcua.domain.lifecycle",
    "LifecyclePolicy": "motcua.domain.lifecycle",
    "ObligationFulfilled": "motcua.domain.lifecycle",
    "ObligationRequested": "motcua.domain.lifecycle",
    "Outcome": "motcua.domain.lifecycle",
    "Received": "motcua.domain.lifecycle",
    "Refused": "motcua.domain.lifecycle",
    "Resolved": "motcua.domain.lifecycle",
    "ResultReturned": "motcua.domain.lifecycle",
    "ReturnMethod": "motcua.domain.lifecycle",
    "Stage": "motcua.domain.lifecycle",
    "Status": "motcua.domain.lifecycle",
    "Stopped": "motcua.domain.lifecycle",
    "Submitted": "motcua.domain.lifecycle",
    "SupplementReceived": "motcua.domain.lifecycle",
    "SupplementRequested": "motcua.domain.lifecycle",
    "Transferred": "motcua.domain.lifecycle",
    "Transition": "motcua.domain.lifecycle",
    "WithdrawalRequested": "motcua.domain.lifecycle",
    "Catalogue": "motcua.domain.procedures",
    "Channel": "motcua.domain.procedures",
    "ChannelTerm": "motcua.domain.procedures",
    "Document": "motcua.domain.procedures",
    "Fee": "motcua.domain.procedures",
    "LegalBasis": "motcua.domain.procedures",
    "Medium": "motcua.domain.procedures",
    "NoTimeLimit": "motcua.domain.procedures",
    "OnlineLevel": "motcua.domain.procedures",
    "Posting": "motcua.domain.procedures",
    "Procedure": "motcua.domain.procedures",
    "Granularity": "motcua.domain.timeliness",
    "Timeliness": "motcua.domain.timeliness",
    "classify": "motcua.domain.timeliness",
    "TWO_TIER_REFORM": "motcua.domain.units",
    "AdministrativeUnit": "motcua.domain.units",
    "Level": "motcua.domain.units",
    "UnitRegistry": "motcua.domain.units",
    "load_announcements": "motcua.serialization.announcements",
    "load_catalogue": "motcua.serialization.catalogues",
    "procedure_from_json": "motcua.serialization.catalogues",
    "procedure_to_json": "motcua.serialization.catalogues",
    "sample_catalogue": "motcua.serialization.catalogues",
    "dossier_from_json": "motcua.serialization.dossiers",
    "dossier_to_json": "motcua.serialization.dossiers",
    "dumps_jsonl": "motcua.serialization.dossiers",
    "read_dossiers": "motcua.serialization.dossiers",
    "dossier_from_dvcqg": "motcua.serialization.dvcqg",
    "dossier_to_dvcqg": "motcua.serialization.dvcqg",
    "procedure_from_dvcqg": "motcua.serialization.dvcqg",
}

__all__ = [
    "ANNOUNCEMENTS",
    "LAST_ANNOUNCED_YEAR",
    "TRANSITIONS",
    "TWO_TIER_REFORM",
    "VN_TZ",
    "AdministrativeUnit",
    "AgencyCode",
    "Announcement",
    "CalendarDays",
    "Catalogue",
    "Channel",
    "ChannelTerm",
    "Confidence",
    "ConfigurationError",
    "CountingRule",
    "DayCategory",
    "DayChange",
    "DayKind",
    "DelayNotified",
    "Document",
    "Dossier",
    "DossierCode",
    "DossierCounter",
    "Due",
    "Event",
    "Fee",
    "Granularity",
    "InMemoryCounter",
    "InvalidInputError",
    "LegalBasis",
    "Level",
    "LifecyclePolicy",
    "Medium",
    "Months",
    "MotcuaError",
    "NamedDay",
    "NoTimeLimit",
    "NotFoundError",
    "ObligationFulfilled",
    "ObligationRequested",
    "OfficeHours",
    "OnlineLevel",
    "Outcome",
    "OutsideCalendarError",
    "Pause",
    "Posting",
    "Procedure",
    "ProcedureCode",
    "Received",
    "Refused",
    "Resolved",
    "ResultReturned",
    "ReturnMethod",
    "SameDay",
    "Scope",
    "Session",
    "Stage",
    "Status",
    "Step",
    "Stopped",
    "Submitted",
    "SupplementReceived",
    "SupplementRecord",
    "SupplementRequested",
    "TimeLimit",
    "Timeliness",
    "Transferred",
    "Transition",
    "TransitionError",
    "UnitRegistry",
    "WithdrawalRequested",
    "WorkSchedule",
    "WorkingCalendar",
    "WorkingDays",
    "WorkingHours",
    "YearSchedule",
    "__version__",
    "classify",
    "compute_due",
    "default_schedule",
    "dossier_from_dvcqg",
    "dossier_from_json",
    "dossier_to_dvcqg",
    "dossier_to_json",
    "dumps_jsonl",
    "issue_dossier_code",
    "load_announcements",
    "load_catalogue",
    "procedure_from_dvcqg",
    "procedure_from_json",
    "procedure_to_json",
    "read_dossiers",
    "sample_catalogue",
    "to_vn",
    "vietnam_calendar",
]


def __getattr__(name: str) -> object:
    """Load the domain layer and the serialization edge only when they are asked for."""
    module = _LAZY.get(name)
    if module is not None:
        import importlib  # noqa: PLC0415

        value: object = getattr(importlib.import_module(module), name)
        globals()[name] = value  # later lookups skip this function
        return value
    msg = f"module 'motcua' has no attribute {name!r}"
    raise AttributeError(msg)


def __dir__() -> list[str]:
    """List the public API, including lazily loaded names."""
    return sorted(set(globals()) | set(__all__))
