"""Calls that ``mypy --strict`` must reject: each marked line ends with ``# E``.

Checked by tests/test_typing.py; never run (the calls are in a function nobody calls).
"""

from __future__ import annotations

from datetime import date, datetime
from fractions import Fraction

from motcua import (
    AgencyCode,
    CalendarDays,
    Channel,
    ChannelTerm,
    DelayNotified,
    DigitalFacts,
    Dossier,
    DossierCode,
    Fee,
    Months,
    Posting,
    Procedure,
    ProcedureCode,
    Received,
    Resolved,
    ResultReturned,
    SameDay,
    Stage,
    Submitted,
    SupplementRequested,
    Transferred,
    WorkingDays,
    WorkingHours,
)


def wrong_calls(at: datetime) -> None:
    """Every call here is wrong."""
    Received("2024-04-26")  # E
    Received(12345)  # E
    Received(at, "2024-04-27")  # E
    Received(at, note=3)  # E
    Submitted(None)  # E
    Transferred(at, 42)  # E
    Transferred(at, "Công an xã", 8)  # E
    Transferred(at, "Công an xã", CalendarDays(3))  # E
    DelayNotified(at, "2024-05-01")  # E
    SupplementRequested(at, "intake")  # E
    SupplementRequested(at, Stage.INTAKE, items=5)  # E
    Resolved(at, "granted")  # E
    ResultReturned(at, "desk")  # E
    WorkingDays("five")  # E
    WorkingDays(0.5)  # E
    WorkingDays(1).count = 2  # E
    WorkingHours("8")  # E
    CalendarDays(2.0)  # E
    Months("3")  # E
    SameDay("15:00")  # E
    AgencyCode(48)  # E
    DossierCode("000.00.53.H48", date(2024, 4, 26), 1)  # E
    DossierCode(AgencyCode("000.00.53.H48"), "240426", 1)  # E
    DossierCode(AgencyCode("000.00.53.H48"), date(2024, 4, 26), "0001")  # E
    ProcedureCode(1.004222)  # E
    DigitalFacts(fee_bearing="yes")  # E
    Posting(physical_since="2024-01-01")  # E
    Fee("Lệ phí", 8000.0)  # E
    ChannelTerm("online", WorkingDays(1))  # E
    ChannelTerm(Channel.ONLINE, 5)  # E
    Procedure(
        code=1.004222,  # E
        name="Thủ tục",
        field="Hộ tịch",
        levels=(),
        terms=(),
        legal_basis=(),
    )
    Dossier(
        code=12345,  # E
        procedure="1.004222",
        channel=Channel.IN_PERSON,
        limit=WorkingDays(7),
        events=(Received(at),),
    )
    Dossier(
        code="000.00.53.H48-240506-0001",
        procedure=1.004222,  # E
        channel="1",  # E
        limit=7,  # E
        events=(at,),  # E
    )
    WorkingDays(Fraction(1, 2)).count.numerator + "x"  # E
