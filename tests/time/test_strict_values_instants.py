"""One helper turns any input instant into a Vietnam instant, and never overflows (task 4).

``datetime(1, 1, 1, tzinfo=+08:00)`` is 31 December of year 0 in Vietnam time, and
``datetime(9999, 12, 31, 23, tzinfo=UTC)`` is in year 10000: ``astimezone`` raised a bare
OverflowError. Every entry point now raises InvalidInputError naming its field.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from motcua import (
    DossierCode,
    InvalidInputError,
    Pause,
    Received,
    WorkingDays,
    classify,
    compute_due,
    issue_dossier_code,
    to_vn,
)
from motcua.domain.codes import InMemoryCounter
from motcua.foundation.vntime import VN_TZ, vn_instant

EAST = timezone(timedelta(hours=8))
WEST = timezone(timedelta(hours=-5))
UNREPRESENTABLE = [
    datetime(1, 1, 1, 0, 0, tzinfo=EAST),
    datetime(1, 1, 1, 0, 0, tzinfo=timezone(timedelta(hours=23, minutes=59))),
    datetime(9999, 12, 31, 23, 0, tzinfo=timezone.utc),
    datetime(9999, 12, 31, 20, 0, tzinfo=WEST),
]


@pytest.mark.parametrize("value", UNREPRESENTABLE)
def test_vn_instant_refuses_instants_outside_datetime_in_vietnam_time(value: datetime) -> None:
    with pytest.raises(InvalidInputError) as info:
        vn_instant(value, "received_at")
    message = str(info.value)
    assert message.startswith("received_at: expected an instant that exists in Vietnam time")
    assert "check the date and the offset" in message
    with pytest.raises(InvalidInputError, match="^instant: "):
        to_vn(value)


@pytest.mark.parametrize("value", ["2024-04-26T09:00", 1714096800, None, date(2024, 4, 26)])
def test_vn_instant_refuses_what_is_not_a_datetime(value: object) -> None:
    with pytest.raises(InvalidInputError, match=r"^at: expected a datetime"):
        vn_instant(value, "at")


def test_vn_instant_reads_naive_as_vietnam_time_and_converts_aware() -> None:
    assert vn_instant(datetime(2024, 4, 26, 9), "x") == datetime(2024, 4, 26, 9, tzinfo=VN_TZ)
    converted = vn_instant(datetime(2024, 4, 26, 2, tzinfo=timezone.utc), "x")
    assert converted.tzinfo is VN_TZ
    assert converted.hour == 9
    edge = vn_instant(datetime(1, 1, 1, 0, 0, tzinfo=WEST), "x")  # moves later: fine
    assert edge.isoformat() == "0001-01-01T12:00:00+07:00"


@pytest.mark.parametrize("value", UNREPRESENTABLE)
def test_every_entry_point_gives_a_typed_error(value: datetime) -> None:
    with pytest.raises(InvalidInputError, match="^received_at: "):
        compute_due(value, WorkingDays(1))
    with pytest.raises(InvalidInputError, match="^Pause: "):
        Pause(value, value)
    with pytest.raises(InvalidInputError, match=r"^event\.at: "):
        Received(value)
    with pytest.raises(InvalidInputError, match="^due: "):
        classify(value, as_of=datetime(2024, 1, 1))
    with pytest.raises(InvalidInputError, match="^finished: "):
        classify(datetime(2024, 1, 1), finished=value)
    with pytest.raises(InvalidInputError, match="^as_of: "):
        classify(datetime(2024, 1, 1), as_of=value)
    with pytest.raises(InvalidInputError, match="^received_on: "):
        DossierCode.parse("000.00.53.H48-220921-0099").check_receipt(value)
    with pytest.raises(InvalidInputError, match="^received_at: "):
        issue_dossier_code("000.00.53.H48", value, InMemoryCounter())


def test_dates_still_mean_midnight_where_they_did() -> None:
    assert Received(date(2024, 4, 26)).at == datetime(2024, 4, 26, tzinfo=VN_TZ)
    assert Pause(date(2024, 4, 26), date(2024, 4, 27)).start.tzinfo is VN_TZ
    with pytest.raises(InvalidInputError, match=r"^event\.at: expected a datetime"):
        Received("2024-04-26")  # type: ignore[arg-type]
