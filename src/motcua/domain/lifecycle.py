"""The dossier lifecycle: statuses, events, and the one transition table.

A dossier is a fold over an append-only log of events (DESIGN §5, ADR 0006). Each event is
a frozen value with the instant it happened; corrections are new events, nothing overwrites
a date. :data:`TRANSITIONS` is the single source of truth for which event may follow which
status; the status table in ``docs/explanation/lifecycle.md`` is generated from it.

Statuses map one-to-one to the national portal's ``TrangThaiHoSo`` codes 1-10 (ADR 0007).

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
from collections.abc import Iterable
from datetime import date, datetime, time
from typing import ClassVar, Final, TypeAlias

import attrs

from motcua.domain.codes import code_number
from motcua.foundation.errors import InvalidInputError
from motcua.foundation.vntime import VN_TZ, vn_instant
from motcua.time.limits import WorkingDays, WorkingHours

__all__ = [
    "EVENT_TYPES",
    "RESUME",
    "TRANSITIONS",
    "DelayNotified",
    "Event",
    "LifecyclePolicy",
    "ObligationFulfilled",
    "ObligationRequested",
    "Outcome",
    "Received",
    "Refused",
    "Resolved",
    "ResultReturned",
    "ReturnMethod",
    "Stage",
    "Status",
    "Stopped",
    "Submitted",
    "SupplementReceived",
    "SupplementRequested",
    "Transferred",
    "Transition",
    "WithdrawalRequested",
    "allowed_events",
    "next_status",
    "transition_target",
]


class Status(enum.Enum):
    """A dossier's status; :attr:`code` is its DVCQG ``TrangThaiHoSo`` code."""

    SUBMITTED = "submitted"
    RECEIVED = "received"
    REFUSED = "refused"
    PROCESSING = "processing"
    SUPPLEMENT_REQUESTED = "supplement_requested"
    OBLIGATION_REQUESTED = "obligation_requested"
    WITHDRAWAL_REQUESTED = "withdrawal_requested"
    STOPPED = "stopped"
    RESOLVED = "resolved"
    RETURNED = "returned"

    @property
    def code(self) -> int:
        """The DVCQG ``TrangThaiHoSo`` code (1-10)."""
        return _STATUS_CODE[self]

    @property
    def vi(self) -> str:
        """The DVCQG name (``Mới đăng ký``, ``Được tiếp nhận``...)."""
        return _STATUS_VI[self]

    @property
    def final(self) -> bool:
        """True when no event may follow (refused, stopped, returned)."""
        return self in (Status.REFUSED, Status.STOPPED, Status.RETURNED)

    @property
    def open(self) -> bool:
        """True for the statuses of a pending dossier (the agency owes a result once received).

        Supplement and withdrawal requests can also precede receipt; a dossier is pending
        only when it has also been received (see ``Dossier.received_at``).
        """
        return self in (
            Status.RECEIVED,
            Status.PROCESSING,
            Status.SUPPLEMENT_REQUESTED,
            Status.OBLIGATION_REQUESTED,
            Status.WITHDRAWAL_REQUESTED,
        )

    @classmethod
    def from_code(cls, value: object, field: str = "TrangThaiHoSo") -> Status:
        """Return the status for a ``TrangThaiHoSo`` code (1-10, an int or ASCII digits).

        >>> Status.from_code("10")
        <Status.RETURNED: 'returned'>
        """
        number = code_number(value, field, "a TrangThaiHoSo code 1-10")
        status = _STATUS_OF_CODE.get(number)
        if status is None:
            raise InvalidInputError(field, "a TrangThaiHoSo code 1-10", value)
        return status


_STATUS_CODE: Final = {s: i for i, s in enumerate(Status, start=1)}
_STATUS_OF_CODE: Final = {i: s for s, i in _STATUS_CODE.items()}
_STATUS_VI: Final = {
    Status.SUBMITTED: "Mới đăng ký",
    Status.RECEIVED: "Được tiếp nhận",
    Status.REFUSED: "Không được tiếp nhận",
    Status.PROCESSING: "Đang xử lý",
    Status.SUPPLEMENT_REQUESTED: "Yêu cầu bổ sung giấy tờ",
    Status.OBLIGATION_REQUESTED: "Yêu cầu thực hiện nghĩa vụ tài chính",
    Status.WITHDRAWAL_REQUESTED: "Công dân yêu cầu rút hồ sơ",
    Status.STOPPED: "Dừng xử lý",
    Status.RESOLVED: "Đã xử lý xong",
    Status.RETURNED: "Đã trả kết quả",
}


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


def _instant(value: object) -> datetime:
    if isinstance(value, date) and not isinstance(value, datetime):
        return datetime.combine(value, time.min, tzinfo=VN_TZ)
    return vn_instant(
        value, "event.at", expected="a datetime (naive means Vietnam time) or a date"
    )


def _optional_instant(value: object) -> datetime | None:
    return None if value is None else _instant(value)


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise InvalidInputError("event text field", "a string", value)
    return value


def _allotted(value: object) -> WorkingDays | WorkingHours | None:
    if value is None or isinstance(value, WorkingDays | WorkingHours):
        return value
    raise InvalidInputError("Transferred.allotted", "WorkingDays, WorkingHours or None", value)


def _items(value: Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        raise InvalidInputError("SupplementRequested.items", "a list of document names", value)
    return tuple(value)


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
    stage: Stage = attrs.field(validator=attrs.validators.instance_of(Stage))
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
    outcome: Outcome | None = Outcome.GRANTED
    note: str = attrs.field(default="", converter=_text)


@attrs.frozen
class ResultReturned:
    """The result was handed to the applicant (status 10); None method when unknown."""

    kind: ClassVar[str] = "result_returned"
    at: datetime = attrs.field(converter=_instant)
    method: ReturnMethod | None = ReturnMethod.DESK
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


class _Resume(enum.Enum):
    RESUME = "resume"


#: Target of a transition that returns to the status before the request.
RESUME: Final = _Resume.RESUME


@attrs.frozen
class Transition:
    """One row of the transition table: in *source*, *event* leads to *target*.

    Attributes:
        source: The status before (None: a new dossier with no event yet).
        event: The event key: its ``kind``, with ``:intake`` / ``:appraisal`` for supplement
            requests.
        target: The status after, or :data:`RESUME` (the status before the request).
        basis: The legal or practice anchor of the row.
    """

    source: Status | None
    event: str
    target: Status | _Resume
    basis: str = ""


_S = Status
#: The transition table: the only place that says which event may follow which status.
TRANSITIONS: Final[tuple[Transition, ...]] = (
    Transition(None, "submitted", _S.SUBMITTED, "online or postal submission (Decree 45/2020)"),
    Transition(None, "received", _S.RECEIVED, "receipt at the desk, form 01"),
    Transition(_S.SUBMITTED, "received", _S.RECEIVED, "form 01; clock starts"),
    Transition(_S.SUBMITTED, "refused", _S.REFUSED, "form 03"),
    Transition(_S.SUBMITTED, "supplement_requested:intake", _S.SUPPLEMENT_REQUESTED, "form 02"),
    Transition(_S.SUBMITTED, "withdrawal_requested", _S.WITHDRAWAL_REQUESTED),
    Transition(_S.RECEIVED, "supplement_requested:intake", _S.SUPPLEMENT_REQUESTED, "form 02"),
    Transition(_S.RECEIVED, "transferred", _S.PROCESSING, "control slip, form 05/06"),
    Transition(_S.RECEIVED, "obligation_requested", _S.OBLIGATION_REQUESTED),
    Transition(_S.RECEIVED, "delay_notified", _S.RECEIVED, "form 04"),
    Transition(_S.RECEIVED, "withdrawal_requested", _S.WITHDRAWAL_REQUESTED),
    Transition(_S.RECEIVED, "stopped", _S.STOPPED, "Circular 03/2025 form 05"),
    Transition(_S.RECEIVED, "resolved", _S.RESOLVED),
    Transition(_S.PROCESSING, "transferred", _S.PROCESSING, "control slip, form 05/06"),
    Transition(
        _S.PROCESSING, "supplement_requested:appraisal", _S.SUPPLEMENT_REQUESTED, "form 02"
    ),
    Transition(_S.PROCESSING, "obligation_requested", _S.OBLIGATION_REQUESTED),
    Transition(_S.PROCESSING, "delay_notified", _S.PROCESSING, "form 04"),
    Transition(_S.PROCESSING, "withdrawal_requested", _S.WITHDRAWAL_REQUESTED),
    Transition(_S.PROCESSING, "stopped", _S.STOPPED, "Circular 03/2025 form 05"),
    Transition(_S.PROCESSING, "resolved", _S.RESOLVED),
    Transition(_S.SUPPLEMENT_REQUESTED, "supplement_received", RESUME),
    Transition(_S.SUPPLEMENT_REQUESTED, "withdrawal_requested", _S.WITHDRAWAL_REQUESTED),
    Transition(_S.SUPPLEMENT_REQUESTED, "stopped", _S.STOPPED),
    Transition(_S.OBLIGATION_REQUESTED, "obligation_fulfilled", RESUME),
    Transition(_S.OBLIGATION_REQUESTED, "withdrawal_requested", _S.WITHDRAWAL_REQUESTED),
    Transition(_S.OBLIGATION_REQUESTED, "stopped", _S.STOPPED),
    Transition(_S.WITHDRAWAL_REQUESTED, "stopped", _S.STOPPED, "Circular 03/2025 form 05"),
    Transition(_S.RESOLVED, "result_returned", _S.RETURNED),
)

_TABLE: Final = {(t.source, t.event): t for t in TRANSITIONS}


def event_key(event: Event) -> str:
    """Return the transition-table key of *event* (its kind, plus the supplement stage)."""
    if isinstance(event, SupplementRequested):
        return f"{event.kind}:{event.stage.value}"
    return event.kind


def allowed_events(status: Status | None) -> tuple[str, ...]:
    """Return the event keys allowed in *status* (None: a new dossier), in table order.

    >>> allowed_events(Status.RESOLVED)
    ('result_returned',)
    """
    return tuple(t.event for t in TRANSITIONS if t.source is status)


def transition_target(status: Status | None, key: str) -> Status | _Resume | None:
    """Return the target of the event *key* in *status* per :data:`TRANSITIONS`, or None."""
    row = _TABLE.get((status, key))
    return None if row is None else row.target


def next_status(status: Status | None, event: Event) -> Status | _Resume | None:
    """Return the target of *event* in *status* per :data:`TRANSITIONS`, or None if illegal."""
    return transition_target(status, event_key(event))


@attrs.frozen
class LifecyclePolicy:
    """Configurable lifecycle choices, each with a documented default.

    Attributes:
        max_reschedules: Apology letters with a new appointment allowed per dossier; None for
            no limit. Default 1: "rescheduled no more than once" (Decree 61/2018, as
            summarised in the press [C]; kept by Decree 118/2025 [R]).
        intake_supplement_restarts: A supplement requested at intake restarts the clock
            when the complete dossier arrives (default True: sector rules count the time
            from the complete dossier [C]). When False, the wait is a pause instead.
        exclude_appraisal_supplement: Time the applicant spends supplementing during
            appraisal is not counted (default True: the DVCQG Decision 766 formula subtracts
            it [C-impl]; Decree 61/2018 Art. 19 [R]).
        exclude_obligation: Time spent fulfilling a financial obligation is not counted
            (default True: sector laws such as land list it as not counted [R]).
    """

    max_reschedules: int | None = 1
    intake_supplement_restarts: bool = True
    exclude_appraisal_supplement: bool = True
    exclude_obligation: bool = True

    def __attrs_post_init__(self) -> None:
        """Check the reschedule limit."""
        value = self.max_reschedules
        if value is not None and (
            isinstance(value, bool) or not isinstance(value, int) or value < 0
        ):
            raise InvalidInputError(
                "LifecyclePolicy.max_reschedules", "a whole number, 0 or more, or None", value
            )
