"""A dossier's appointment as an iCalendar file (RFC 5545), for the applicant's calendar.

One event at the instant the applicant was promised the result: the latest apology letter's
new appointment, else the appointment of record of an imported dossier, else the one printed
on the receipt, else the office's close on the last day of the time limit (what form 01
prints). Times are written in UTC (``...Z``), so the file needs no time-zone block; the
description gives them in Vietnam time.

>>> from datetime import datetime
>>> import motcua
>>> d = motcua.Dossier.open("000.00.53.H48-240506-0001",
...     motcua.sample_catalogue().get("1.004222"), motcua.Channel.ONLINE,
...     motcua.Received(datetime(2024, 5, 6, 9, 0)))
>>> ics = appointment_to_ics(d)
>>> [line for line in ics.splitlines() if line.startswith(("DTSTART", "SUMMARY"))]
['DTSTART:20240515T020000Z', 'SUMMARY:Hẹn trả kết quả hồ sơ 000.00.53.H48-240506-0001']
"""

from __future__ import annotations

from datetime import datetime, timezone

from motcua.domain.dossiers import Dossier
from motcua.domain.lifecycle import DelayNotified
from motcua.domain.procedures import Catalogue
from motcua.foundation.errors import InvalidInputError
from motcua.foundation.vntime import VN_TZ
from motcua.serialization.render.timing import _fold, _ics_text
from motcua.time.deadlines import WorkSchedule, default_schedule

__all__ = ["appointment_of", "appointment_to_ics"]


def appointment_of(dossier: Dossier, *, schedule: WorkSchedule | None = None) -> datetime | None:
    """The instant the applicant was last promised the result, as a receipt prints it.

    None for a dossier not received or without a time limit.
    """
    sched = schedule or default_schedule()
    letters = [e for e in dossier.events if isinstance(e, DelayNotified)]
    if letters:
        return letters[-1].new_appointment
    if dossier.reported is not None and dossier.reported.appointment is not None:
        return dossier.reported.appointment
    if dossier.printed_appointment is not None:
        return dossier.printed_appointment
    due = dossier.due(schedule=sched)
    return None if due is None else sched.appointment(due)


def _utc(at: datetime) -> str:
    return f"{at.astimezone(timezone.utc):%Y%m%dT%H%M%S}Z"


def appointment_to_ics(
    dossier: Dossier,
    *,
    schedule: WorkSchedule | None = None,
    catalogue: Catalogue | None = None,
) -> str:
    """Return the dossier's appointment as an iCalendar file with one event (RFC 5545).

    The event's ``UID`` is the dossier code, so a file sent again after a new appointment
    (an apology letter) replaces the event instead of adding one; ``SEQUENCE`` counts the
    letters. ``DTSTAMP`` is the dossier's last recorded event, not the time of the export
    (the same dossier gives the same file). Lines end in CRLF, folded at 75 octets.

    Raises:
        InvalidInputError: The dossier has no appointment (not received, or no time limit).
    """
    at = appointment_of(dossier, schedule=schedule)
    if at is None:
        raise InvalidInputError(
            f"dossier {dossier.code}",
            "a received dossier with a time limit (an appointment to put in a calendar)",
            "no appointment",
        )
    procedure = str(dossier.procedure)
    if catalogue is not None and procedure in catalogue:
        procedure = f"{catalogue.get(dossier.procedure).name} ({dossier.procedure})"
    letters = sum(1 for e in dossier.events if isinstance(e, DelayNotified))
    local = at.astimezone(VN_TZ)
    description = (
        f"Mã hồ sơ: {dossier.code}\nThủ tục: {procedure}\n"
        f"Thời gian trả kết quả: {local:%H} giờ {local:%M} phút, ngày {local:%d/%m/%Y}"
    )
    if letters:
        description += f"\nĐã hẹn lại {letters} lần (văn bản xin lỗi)"
    stamp = max(e.at for e in dossier.events)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//motcua//Hen tra ket qua//VI",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:{_ics_text(str(dossier.code))}-appointment@motcua",
        f"DTSTAMP:{_utc(stamp)}",
        f"SEQUENCE:{letters}",
        f"DTSTART:{_utc(at)}",
        f"DTEND:{_utc(at)}",
        f"SUMMARY:{_ics_text(f'Hẹn trả kết quả hồ sơ {dossier.code}')}",
        f"DESCRIPTION:{_ics_text(description)}",
        "STATUS:CONFIRMED",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "".join(_fold(line) + "\r\n" for line in lines)
