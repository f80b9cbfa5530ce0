"""Calls that ``mypy --strict`` must accept (checked by tests/test_typing.py, never run)."""

from __future__ import annotations

from datetime import date, datetime, time, timezone
from decimal import Decimal
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
    LegalBasis,
    Level,
    Months,
    Outcome,
    Posting,
    Procedure,
    ProcedureCode,
    Received,
    Resolved,
    ResultReturned,
    ReturnMethod,
    SameDay,
    Stage,
    Submitted,
    SupplementRequested,
    Transferred,
    WorkingDays,
    WorkingHours,
)


def right_calls() -> Dossier:
    """Every call here is right: naive or aware instants, dates, enums, int or Fraction."""
    at = datetime(2024, 5, 6, 9, 0)
    aware = datetime(2024, 5, 6, 2, 0, tzinfo=timezone.utc)
    Received(date(2024, 5, 6))
    Received(aware, appointment=datetime(2024, 5, 15, 9, 0), note="")
    Submitted(at, note="online")
    Transferred(at, "Công an xã", WorkingHours(8), from_agency="UBND xã")
    Transferred(at, "Sở Tư pháp", WorkingDays(Fraction(1, 2)))
    DelayNotified(at, datetime(2024, 5, 20, 9, 0), "chờ xác minh")
    SupplementRequested(at, Stage.APPRAISAL, "thiếu giấy tờ", items=["Tờ khai"])
    Resolved(at, Outcome.REFUSED)
    Resolved(at, None)
    ResultReturned(at, ReturnMethod.POST)
    CalendarDays(3)
    Months(1)
    SameDay(time(15, 0))
    DigitalFacts(fee_bearing=True, paid_online=None)
    Posting(physical_since=date(2024, 1, 1))
    Fee("Lệ phí", Decimal("8000.0"))
    Fee("Lệ phí", 8000, "Thông tư 281/2016/TT-BTC")
    term = ChannelTerm(Channel.IN_PERSON, WorkingDays(7))
    ChannelTerm(2, CalendarDays(5))
    Procedure(
        code="1.004222",
        name="Thủ tục chứng thực bản sao từ bản chính",
        field="Chứng thực",
        levels=[Level.COMMUNE],
        terms=[term],
        legal_basis=[LegalBasis("23/2015/NĐ-CP")],
    )
    code = DossierCode(AgencyCode("000.00.53.H48"), date(2024, 5, 6), 1)
    return Dossier(
        code=code,
        procedure=ProcedureCode.parse("1.004222"),
        channel=1,
        limit=WorkingDays(7),
        events=[Received(at)],
    )


def strings_too() -> Dossier:
    """Codes may be given as text; they are parsed."""
    return Dossier(
        code="000.00.53.H48-240506-0001",
        procedure="1.004222",
        channel=Channel.ONLINE,
        limit=WorkingDays(Fraction(1, 2)),
        events=(Received(datetime(2024, 5, 6, 9, 0)),),
    )
