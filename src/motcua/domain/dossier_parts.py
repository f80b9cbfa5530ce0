"""The values a dossier is made of besides its events: digital facts, supplements, steps.

:class:`~motcua.domain.dossiers.Dossier` re-exports them; they live here so that the dossier
module holds the dossier itself.
"""

from __future__ import annotations

from datetime import datetime

import attrs

from motcua.domain.codes import DossierCode, ProcedureCode
from motcua.domain.lifecycle import Stage, Status
from motcua.domain.procedures import Channel
from motcua.domain.timeliness import Timeliness
from motcua.foundation.errors import InvalidInputError
from motcua.time.limits import TimeLimit

__all__ = [
    "AsReported",
    "DigitalFacts",
    "Step",
    "SupplementRecord",
    "as_channel",
    "as_dossier_code",
    "as_procedure_code",
]


def _flag(value: bool | None) -> bool | None:
    return _checked_flag(value)


def _checked_flag(value: object) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    raise InvalidInputError("DigitalFacts", "true, false or null (unknown)", value)


@attrs.frozen
class DigitalFacts:
    """Facts about a dossier's electronic handling, for the Decision 766 indicators.

    Each is True, False, or None when the source does not say (never guessed). The DVCQG
    sync fields they correspond to are named (reporting digest §6, [C-impl]).

    Attributes:
        fee_bearing: A fee or charge was payable (synced fee list not all zero).
        paid_online: Paid online (``DuocThanhToanTrucTuyen`` 1: on DVCQG, 2: provincial).
        digitized: The dossier's components were digitised (``HoSoCoThanhPhanSoHoa``).
        electronic_result: The result was issued as an electronic file
            (``DuongDanTepTinKetQua``).
    """

    fee_bearing: bool | None = attrs.field(default=None, converter=_flag)
    paid_online: bool | None = attrs.field(default=None, converter=_flag)
    digitized: bool | None = attrs.field(default=None, converter=_flag)
    electronic_result: bool | None = attrs.field(default=None, converter=_flag)


def _notes(value: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    return tuple(value)


@attrs.frozen
class AsReported:
    """What a sender reported about a dossier that motcua did not see happen.

    A dossier imported from another system (a DVCQG sync payload, an OpenCPS or iGate
    status update) carries this record: its events are rebuilt from what the sender sent,
    and whatever the sender said that the events cannot (a status reached on an unknown
    day, the appointment it promised) is kept here, never rewritten. ``Dossier.reported``
    is None for a dossier motcua recorded itself.

    Attributes:
        status: The status the sender reported (``TrangThaiHoSo``); it may be ahead of
            the status the events lead to when the sender sent dates without history.
        appointment: The sender's appointment (``NgayHenTra``): the appointment of record,
            kept even when motcua computes another one.
        channel_known: False when the sender did not say how the dossier was submitted
            (OpenCPS sends no ``KenhThucHien``): the channel is unknown, and the term used
            for the statutory due instant is named in *inferred*.
        history: True when the events come from a processing history (``QuaTrinhXuLy``),
            False when they come from the date fields alone (state "as reported").
        inferred: What was inferred, one sentence each, naming the field.
        unknown: What the sender did not say, one sentence each, naming the field.
        contradictions: Where the sender's fields disagree with each other (a date that
            contradicts the history), one sentence each.
        foreign_keys: Keys of the payload that motcua does not read, kept by name.
    """

    status: Status
    appointment: datetime | None = None
    channel_known: bool = True
    history: bool = True
    inferred: tuple[str, ...] = attrs.field(default=(), converter=_notes)
    unknown: tuple[str, ...] = attrs.field(default=(), converter=_notes)
    contradictions: tuple[str, ...] = attrs.field(default=(), converter=_notes)
    foreign_keys: tuple[str, ...] = attrs.field(default=(), converter=_notes)

    @property
    def as_reported(self) -> bool:
        """True when the state rests on the sender's word (no history to replay)."""
        return not self.history


@attrs.frozen
class SupplementRecord:
    """One supplement request and its answer (the DVCQG ``DanhSachHoSoBoSung`` row).

    Attributes:
        stage: Intake or appraisal.
        requested_at: When the request (form 02) was issued.
        received_at: When the applicant supplied it (None while waiting).
        reason: Why, as written on the request.
    """

    stage: Stage
    requested_at: datetime
    received_at: datetime | None
    reason: str = ""


@attrs.frozen
class Step:
    """One inter-agency step (a row of the control slip, Circular 01/2018 form 05).

    Attributes:
        agency: The agency that held the dossier.
        started_at: When it was handed over.
        ended_at: When the step ended (next handover, resolution or stop); None if open.
        allotted: The working time allotted to the step, if any.
        due: The step's due instant (paused time excluded), if it has an allotment.
        timeliness: Early / on time / late, or within / overdue as of the instant asked.
    """

    agency: str
    started_at: datetime
    ended_at: datetime | None
    allotted: TimeLimit | None
    due: datetime | None
    timeliness: Timeliness | None


def as_dossier_code(value: DossierCode | str) -> DossierCode:
    """``Dossier.code``: a DossierCode, or its text (parsed); anything else is an error."""
    if isinstance(value, DossierCode):
        return value
    if isinstance(value, str):
        return DossierCode.parse(value)
    raise InvalidInputError("Dossier.code", "a DossierCode or a string", value)


def as_procedure_code(value: ProcedureCode | str) -> ProcedureCode:
    """``Dossier.procedure``: a ProcedureCode, or its text (parsed)."""
    if isinstance(value, ProcedureCode):
        return value
    if isinstance(value, str):
        return ProcedureCode.parse(value)
    raise InvalidInputError("Dossier.procedure", "a ProcedureCode or a string", value)


def as_channel(value: Channel | int) -> Channel:
    """``Dossier.channel``: a Channel, or its ``KenhThucHien`` integer."""
    return Channel.from_code(value, "Dossier.channel")
