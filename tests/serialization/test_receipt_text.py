"""Receipt times as officials write them (serialization/receipt_text.py) and START in ``due``."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from motcua.cli import main
from motcua.cli._common import parse_start
from motcua.foundation.errors import InvalidInputError
from motcua.foundation.vntime import VN_TZ
from motcua.serialization.receipt_text import RECEIPT_TIME_FORMS, parse_receipt_time

AT = datetime(2024, 4, 26, 15, 30, tzinfo=VN_TZ)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("15h30", time(15, 30)),
        ("15h", time(15, 0)),
        ("9h05", time(9, 5)),
        ("15 giờ 30 phút", time(15, 30)),
        ("15 giờ", time(15, 0)),
        ("15:30", time(15, 30)),
        ("15 giờ 30 phút, ngày 26/04/2024", AT),
        ("15 giờ 30 phút ngày 26/04/2024", AT),
        ("15:30 26/04/2024", AT),
        ("15h30, 26/04/2024", AT),
        ("15h30 ngày 26 tháng 4 năm 2024", AT),
        ("15H30 Ngày 26/04/2024", AT),
        ("26-04-2024 15:30:00", AT),
        ("26/04/2024 15:30", AT),
        ("26/04/2024 lúc 15h30", AT),
        ("26/04/2024T15:30", AT),
        ("20240426153000", AT),
        ("2024-04-26T15:30", AT),
        ("2024-04-26 15:30", AT),
        ("2024-04-26T08:30Z", AT),
        ("ngày 26 tháng 4 năm 2024", date(2024, 4, 26)),
        ("ngày 26/04/2024", date(2024, 4, 26)),
        ("26/04/2024", date(2024, 4, 26)),
        ("26-04-2024", date(2024, 4, 26)),
        ("2024-04-26", date(2024, 4, 26)),
    ],
)
def test_forms_officials_write(text: str, value: object) -> None:
    got = parse_receipt_time(text)
    assert got == value
    assert type(got) is type(value)


@pytest.mark.parametrize(
    "text",
    [
        " 15h30",
        "15h30 ",
        "15h30  26/04/2024",
        "26/04/24",  # the century would be a guess
        "2024/04/26",  # year first with slashes: order unknown
        "04/26/2024",  # month 26 does not exist
        "31/04/2024",
        "29/02/2023",
        "24h00",
        "15h61",
        "15h3",
        "20240426",
        "202404261530",
        "20241326000000",
        "٢٦/04/2024",
        "15h３0",
        "26/04-2024",
        "ngày 26 tháng 13 năm 2024",
        "15h30 16h00",
        "",
    ],
)
def test_ambiguous_or_impossible_is_an_error_listing_the_forms(text: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        parse_receipt_time(text, "START")
    message = str(info.value)
    assert message.startswith("START: expected a real date or date-time")
    assert all(form in message for form in RECEIPT_TIME_FORMS)
    assert "\n" not in message


def test_not_a_string_is_an_error() -> None:
    with pytest.raises(InvalidInputError):
        parse_receipt_time(20240426153000)  # type: ignore[arg-type]


instants = st.datetimes(
    min_value=datetime(1900, 1, 1), max_value=datetime(2099, 12, 31, 23, 59, 59)
).map(lambda d: d.replace(microsecond=0, tzinfo=VN_TZ))


@given(instants)
def test_every_written_form_reads_back(at: datetime) -> None:
    minute = at.replace(second=0)
    written = {
        f"{at:%H} giờ {at:%M} phút, ngày {at:%d/%m/%Y}": minute,
        f"{at.hour}h{at:%M} ngày {at.day} tháng {at.month} năm {at:%Y}": minute,
        f"{at:%H:%M} {at:%d/%m/%Y}": minute,
        f"{at:%d-%m-%Y %H:%M:%S}": at,
        f"{at:%Y%m%d%H%M%S}": at,
        f"{at:%d/%m/%Y %H:%M}": minute,
    }
    for text, value in written.items():
        assert parse_receipt_time(text) == value, text


def test_start_takes_a_time_alone_on_the_given_day() -> None:
    assert parse_start("15h30", today=date(2024, 4, 26)) == AT
    assert parse_start("26/04/2024 15:30", today=date(2000, 1, 1)) == AT


@pytest.mark.parametrize(
    "start",
    [
        "15h30 26/04/2024",
        "15 giờ 30 phút, ngày 26/04/2024",
        "15:30 26/04/2024",
        "26-04-2024 15:30:00",
        "20240426153000",
    ],
)
def test_due_takes_the_forms(start: str, capsys: pytest.CaptureFixture[str]) -> None:
    # 15:30 Friday 26/04/2024 + 5 working days (30/04 and 01/05 are holidays).
    assert main(["due", start, "--working-days", "5"]) == 0
    assert capsys.readouterr().out == "2024-05-07T15:30+07:00\n"


def test_due_takes_a_date_in_words(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["due", "ngày 26 tháng 4 năm 2024", "--working-days", "5"]) == 0
    assert capsys.readouterr().out.startswith("2024-05-")


def test_due_refuses_an_ambiguous_start(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["due", "26/04/24 15:30", "--working-days", "5"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("motcua: error: START: expected a real date or date-time")
    assert "15 giờ 30 phút, ngày 26/04/2024" in err
    assert err.count("\n") == 1
