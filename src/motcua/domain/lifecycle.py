"""The dossier lifecycle: statuses and the one transition table.

A dossier is a fold over an append-only log of events (DESIGN §5, ADR 0006); the events
themselves live in :mod:`motcua.domain.events` and are re-exported here.
:data:`TRANSITIONS` is the single source of truth for which event may follow which status;
the status table in ``docs/explanation/lifecycle.md`` is generated from it.

Statuses map one-to-one to the national portal's ``TrangThaiHoSo`` codes 1-10 (ADR 0007).
Legal anchors of the rows: see :mod:`motcua.domain.events` and each row's ``basis``.
"""

from __future__ import annotations

import enum
from typing import Final

import attrs

from motcua.domain.codes import code_number
from motcua.domain.events import (
    EVENT_TYPES,
    DelayNotified,
    Event,
    ObligationFulfilled,
    ObligationRequested,
    Outcome,
    Received,
    Refused,
    Resolved,
    ResultReturned,
    ReturnMethod,
    Stage,
    Stopped,
    Submitted,
    SupplementReceived,
    SupplementRequested,
    Transferred,
    WithdrawalRequested,
    event_key,
)
from motcua.foundation.errors import InvalidInputError

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
    "event_key",
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
