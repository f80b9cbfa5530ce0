"""Lifecycle events: the frozen values a dossier's append-only log is made of.

Each event has the instant it happened (naive means Vietnam time; a date means its 00:00)
and a ``kind`` tag, the ``type`` key in JSON (DESIGN §5, ADR 0006). Corrections are new
events; nothing overwrites a date. Which event may follow which status is said by the
transition table in :mod:`motcua.domain.lifecycle`, which re-exports every name here.

Legal anchors (confidence marks as in the project's domain digests):

* receipt and the appointment slip: Circular 01/2018/TT-VPCP form 01 (hh:mm dd/mm/yyyy);
* refusal at intake: form 03 (Circular 01/2018; Circular 03/2025);
* supplement requests: form 02; guidance given once, in writing (one-stop practice [C]);
  during appraisal the request goes back through the one-stop unit (Decree 61/2018 Art. 19(1)
  [R]);
* delay: apology and new appointment, form 04, at most one reschedule (Decree 61/2018, as
  summarised in the press [C]; Decree 118/2025 form 04 becomes a letter of apology and
  request to extend [S]);
* stopping at the applicant's request: Circular 03/2025 form 05 [S];
* inter-agency transfer: each handover logged on the control slip, form 05 (2018) / 06
  (2025).
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from datetime import date, datetime, time
from typing import Any, ClassVar, Final, TypeAlias

import attrs

from motcua.foundation.errors import InvalidInputError
from motcua.foundation.vntime import VN_TZ, vn_instant
from motcua.time.limits import WorkingDays, WorkingHours

__all__ = [
    "EVENT_TYPES",
    "DelayNotified",
    "Event",
    "ObligationFulfilled",
    "ObligationRequested",
    "Outcome",
    "Received",
    "Refused",
    "Resolved",
    "ResultReturned",
    "ReturnMethod",
    "Stage",
    "Stopped",
    "Submitted",
    "SupplementReceived",
    "SupplementRequested",
    "Transferred",
    "WithdrawalRequested",
    "event_key",
]


class Stage(enum.Enum):
    """When a supplement is requested: at intake (before or at receipt) or during appraisal."""

    INTAKE = "intake"
    APPRAISAL = "appraisal"


class Outcome(enum.Enum):
    """How a dossier was resolved on the merits."""

    GRANTED = "granted"
    #: Từ chối giải quyết: refused on the merits (not a refusal to receive).
    REFUSED = "refused"


class ReturnMethod(enum.Enum):
    """How the result was returned (Circular 01/2018 form 01, "Đăng ký nhận kết quả tại")."""

    DESK = "desk"
    POST = "post"
    ONLINE = "online"


def _instant(value: datetime | date) -> datetime:
    """An event instant: a datetime (naive means Vietnam time) or a date (its 00:00)."""
    return _checked_instant(value)


def _checked_instant(value: object) -> datetime:
    if isinstance(value, date) and not isinstance(value, datetime):
        return datetime.combine(value, time.min, tzinfo=VN_TZ)
    return vn_instant(
        value, "event.at", expected="a datetime (naive means Vietnam time) or a date"
    )


def _optional_instant(value: datetime | date | None) -> datetime | None:
    return None if value is None else _checked_instant(value)


def _text(value: str) -> str:
    return _checked_text(value)


def _checked_text(value: object) -> str:
    if not isinstance(value, str):
        raise InvalidInputError("event text field", "a string", value)
    return value


def _allotted(value: WorkingDays | WorkingHours | None) -> WorkingDays | WorkingHours | None:
    return _checked_allotted(value)


def _checked_allotted(value: object) -> WorkingDays | WorkingHours | None:
    if value is None or isinstance(value, WorkingDays | WorkingHours):
        return value
    raise InvalidInputError("Transferred.allotted", "WorkingDays, WorkingHours or None", value)


def _items(value: Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        raise InvalidInputError("SupplementRequested.items", "a list of document names", value)
    return tuple(value)


def _member_of(
    cls: type[enum.Enum], field: str, *, optional: bool = False
) -> Callable[[Any, Any, Any], None]:
    """A validator: *value* is a member of *cls* (or None if *optional*), else a typed error."""

    def check(_instance: Any, _attribute: Any, value: Any) -> None:
        if isinstance(value, cls) or (optional and value is None):
            return
        members = ", ".join(f"{cls.__name__}.{m.name}" for m in cls)
        raise InvalidInputError(
            field, f"one of {members}" + (" or None" if optional else ""), value
        )

    return check


@attrs.frozen
class Submitted:
    """The applicant submitted the dossier (online or by post), not yet received (status 1)."""

    kind: ClassVar[str] = "submitted"
    at: datetime = attrs.field(converter=_instant)
    note: str = attrs.field(default="", converter=_text)


@attrs.frozen
class Received:
    """The one-stop unit received the complete dossier; the clock starts (status 2).

    Attributes:
        appointment: The return instant printed on the receipt (form 01), if recorded; the
            statutory due instant is always derived, and compliance checks compare the two.
    """

    kind: ClassVar[str] = "received"
    at: datetime = attrs.field(converter=_instant)
    appointment: datetime | None = attrs.field(default=None, converter=_optional_instant)
    note: str = attrs.field(default="", converter=_text)


@attrs.frozen
class Refused:
    """Refused at intake (Phiếu từ chối tiếp nhận, form 03) (status 3)."""

    kind: ClassVar[str] = "refused"
    at: datetime = attrs.field(converter=_instant)
    reason: str = attrs.field(default="", converter=_text)
    note: str = attrs.field(default="", converter=_text)


@attrs.frozen
class SupplementRequested:
    """A request to supplement or complete the dossier (form 02) (status 5)."""

    kind: ClassVar[str] = "supplement_requested"
    at: datetime = attrs.field(converter=_instant)
    stage: Stage = attrs.field(validator=_member_of(Stage, "SupplementRequested.stage"))
    reason: str = attrs.field(default="", converter=_text)
    items: tuple[str, ...] = attrs.field(default=(), converter=_items)
    note: str = attrs.field(default="", converter=_text)


@attrs.frozen
class SupplementReceived:
    """The applicant supplied what was requested; the status before the request resumes."""

    kind: ClassVar[str] = "supplement_received"
    at: datetime = attrs.field(converter=_instant)
    note: str = attrs.field(default="", converter=_text)


@attrs.frozen
class ObligationRequested:
    """The applicant is asked to fulfil a financial obligation (status 6)."""

    kind: ClassVar[str] = "obligation_requested"
    at: datetime = attrs.field(converter=_instant)
    description: str = attrs.field(default="", converter=_text)
    note: str = attrs.field(default="", converter=_text)


@attrs.frozen
class ObligationFulfilled:
    """The financial obligation was fulfilled; processing resumes."""

    kind: ClassVar[str] = "obligation_fulfilled"
    at: datetime = attrs.field(converter=_instant)
    note: str = attrs.field(default="", converter=_text)


@attrs.frozen
class Transferred:
    """The dossier was handed to an agency (liên thông step; control slip row) (status 4).

    Attributes:
        to_agency: The agency (or unit) that now holds it.
        allotted: The working time allotted to this step by the internal workflow, if any.
        from_agency: The agency that handed it over.
    """

    kind: ClassVar[str] = "transferred"
    at: datetime = attrs.field(converter=_instant)
    to_agency: str = attrs.field(converter=_text)
    allotted: WorkingDays | WorkingHours | None = attrs.field(default=None, converter=_allotted)
    from_agency: str = attrs.field(default="", converter=_text)
    note: str = attrs.field(default="", converter=_text)


@attrs.frozen
class DelayNotified:
    """An apology letter with the reason and a new appointment (form 04).

    The new appointment is what the applicant is told; timeliness is still judged against
    the original due instant (DESIGN §3).
    """

    kind: ClassVar[str] = "delay_notified"
    at: datetime = attrs.field(converter=_instant)
    new_appointment: datetime = attrs.field(converter=_instant)
    reason: str = attrs.field(default="", converter=_text)
    explanation: str = attrs.field(default="", converter=_text)
    note: str = attrs.field(default="", converter=_text)

    def __attrs_post_init__(self) -> None:
        """Check that the new appointment lies after the letter."""
        if self.new_appointment <= self.at:
            raise InvalidInputError(
                "DelayNotified.new_appointment",
                f"an instant after the letter ({self.at.isoformat()})",
                self.new_appointment.isoformat(),
            )


@attrs.frozen
class WithdrawalRequested:
    """The applicant asked to withdraw the dossier (status 7)."""

    kind: ClassVar[str] = "withdrawal_requested"
    at: datetime = attrs.field(converter=_instant)
    reason: str = attrs.field(default="", converter=_text)
    note: str = attrs.field(default="", converter=_text)


@attrs.frozen
class Stopped:
    """Processing stopped (on withdrawal, or by the agency) (status 8)."""

    kind: ClassVar[str] = "stopped"
    at: datetime = attrs.field(converter=_instant)
    reason: str = attrs.field(default="", converter=_text)
    note: str = attrs.field(default="", converter=_text)


@attrs.frozen
class Resolved:
    """Processing finished: granted, or refused on the merits (status 9).

    ``outcome`` is None when the source did not say (e.g. a DVCQG sync payload).
    """

    kind: ClassVar[str] = "resolved"
    at: datetime = attrs.field(converter=_instant)
    outcome: Outcome | None = attrs.field(
        default=Outcome.GRANTED, validator=_member_of(Outcome, "Resolved.outcome", optional=True)
    )
    note: str = attrs.field(default="", converter=_text)


@attrs.frozen
class ResultReturned:
    """The result was handed to the applicant (status 10); None method when unknown."""

    kind: ClassVar[str] = "result_returned"
    at: datetime = attrs.field(converter=_instant)
    method: ReturnMethod | None = attrs.field(
        default=ReturnMethod.DESK,
        validator=_member_of(ReturnMethod, "ResultReturned.method", optional=True),
    )
    note: str = attrs.field(default="", converter=_text)


#: Any lifecycle event.
Event: TypeAlias = (
    Submitted
    | Received
    | Refused
    | SupplementRequested
    | SupplementReceived
    | ObligationRequested
    | ObligationFulfilled
    | Transferred
    | DelayNotified
    | WithdrawalRequested
    | Stopped
    | Resolved
    | ResultReturned
)

#: Event classes by their ``kind`` tag (the ``type`` key in JSON).
EVENT_TYPES: Final[dict[str, type[Event]]] = {
    cls.kind: cls
    for cls in (
        Submitted,
        Received,
        Refused,
        SupplementRequested,
        SupplementReceived,
        ObligationRequested,
        ObligationFulfilled,
        Transferred,
        DelayNotified,
        WithdrawalRequested,
        Stopped,
        Resolved,
        ResultReturned,
    )
}


def event_key(event: Event) -> str:
    """Return the transition-table key of *event* (its kind, plus the supplement stage)."""
    if isinstance(event, SupplementRequested):
        return f"{event.kind}:{event.stage.value}"
    return event.kind
