"""Codes: QCVN 102:2016 agency identifiers, procedure codes, Circular 01/2018 Art. 19 dossier codes."""

from __future__ import annotations

import threading
from datetime import date, datetime, timezone

import pytest
from hypothesis import given

from motcua import (
    AgencyCode,
    DossierCode,
    DossierCounter,
    InMemoryCounter,
    InvalidInputError,
    ProcedureCode,
    issue_dossier_code,
)
from motcua.testing.strategies import agency_codes, dossier_codes, procedure_codes

# Codes seen in live systems (lifecycle digest §4.1, reporting digest §6).
GOLDEN_DOSSIER_CODES = [
    ("000.00.53.H48-220921-0099", "000.00.53.H48", date(2022, 9, 21), 99),
    ("000.17.22.H56-210531-0001", "000.17.22.H56", date(2021, 5, 31), 1),
    ("000.00.14.H56-200203-0118", "000.00.14.H56", date(2020, 2, 3), 118),
]


@pytest.mark.parametrize(("text", "agency", "day", "serial"), GOLDEN_DOSSIER_CODES)
def test_golden_dossier_codes(text: str, agency: str, day: date, serial: int) -> None:
    code = DossierCode.parse(text)
    assert (str(code.agency), code.day, code.serial) == (agency, day, serial)
    assert str(code) == text
    assert len(text) == 25


@given(dossier_codes)
def test_dossier_code_round_trip(code: DossierCode) -> None:
    assert DossierCode.parse(str(code)) == code


@given(agency_codes)
def test_agency_code_round_trip(code: AgencyCode) -> None:
    assert AgencyCode.parse(str(code)) == code
    assert code.level1 == str(code)[-3:]


@given(procedure_codes)
def test_procedure_code_round_trip(code: ProcedureCode) -> None:
    assert ProcedureCode.parse(str(code)) == code
    assert str(code.national) == str(code)[:8]


@pytest.mark.parametrize(
    ("text", "national", "local"),
    [
        ("1.001193", "1.001193", None),
        ("1.001612.000.00.00.H48", "1.001612", "000.00.00.H48"),
        ("1.000948.H38", "1.000948", "H38"),
        ("2.000884.000.00.00.H55", "2.000884", "000.00.00.H55"),
    ],
)
def test_procedure_code_forms(text: str, national: str, local: str | None) -> None:
    code = ProcedureCode.parse(text)
    assert (code.national_code, code.local) == (national, local)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("000.00.53.H48-220230-0001", "real receipt date"),
        ("000.00.53.H48-221321-0001", "real receipt date"),
        ("000.00.53.H48-220921-0000", "daily serial from 0001"),
        ("000.00.53.h48-220921-0001", "NNN.NN.NN.ANN-YYMMDD-NNNN"),
        ("000.0.53.H48-220921-0001", "NNN.NN.NN.ANN-YYMMDD-NNNN"),
        ("000.00.53.H48-20220921-0001", "NNN.NN.NN.ANN-YYMMDD-NNNN"),
        ("000.00.53.H48-220921-99", "NNN.NN.NN.ANN-YYMMDD-NNNN"),
        ("", "NNN.NN.NN.ANN-YYMMDD-NNNN"),
    ],
)
def test_bad_dossier_codes(text: str, fragment: str) -> None:
    with pytest.raises(InvalidInputError, match="dossier code") as info:
        DossierCode.parse(text)
    assert fragment in str(info.value)


def test_non_string_inputs() -> None:
    with pytest.raises(InvalidInputError, match="dossier code: expected a string"):
        DossierCode.parse(20220921)  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="procedure code"):
        ProcedureCode.parse("1.1193")
    with pytest.raises(InvalidInputError, match="agency code"):
        AgencyCode("000.00.53.H48 ")
    with pytest.raises(InvalidInputError, match="DossierCode.serial"):
        DossierCode(AgencyCode("000.00.53.H48"), date(2024, 1, 1), 10_000)
    with pytest.raises(InvalidInputError, match="DossierCode.day"):
        DossierCode(AgencyCode("000.00.53.H48"), date(1999, 12, 31), 1)


def test_code_date_must_match_receipt() -> None:
    code = DossierCode.parse("000.00.53.H48-220921-0099", received_on=date(2022, 9, 21))
    code.check_receipt(datetime(2022, 9, 21, 16, 59))
    # 17:30 UTC on the 20th is 00:30 on the 21st in Vietnam.
    code.check_receipt(datetime(2022, 9, 20, 17, 30, tzinfo=timezone.utc))
    with pytest.raises(InvalidInputError, match="receipt date 220922"):
        code.check_receipt(date(2022, 9, 22))
    with pytest.raises(InvalidInputError):
        DossierCode.parse("000.00.53.H48-220921-0099", received_on=date(2022, 9, 20))


def test_counter_is_daily_per_agency() -> None:
    counter = InMemoryCounter()
    a, b = AgencyCode("000.00.53.H48"), AgencyCode("000.00.54.H48")
    day = date(2024, 3, 1)
    assert [counter.next_serial(a, day) for _ in range(3)] == [1, 2, 3]
    assert counter.next_serial(b, day) == 1
    assert counter.next_serial(a, date(2024, 3, 2)) == 1
    # 1 November and 11 January must not share a key (an OpenCPS bug, opencps-anchor §4).
    assert counter.next_serial(a, date(2024, 11, 1)) == 1
    assert counter.next_serial(a, date(2024, 1, 11)) == 1
    resumed = InMemoryCounter({(a, day): 41})
    assert resumed.next_serial(a, day) == 42
    assert isinstance(counter, DossierCounter)


def test_counter_is_thread_safe() -> None:
    counter = InMemoryCounter()
    agency, day = AgencyCode("000.00.53.H48"), date(2024, 3, 1)
    seen: list[int] = []
    lock = threading.Lock()

    def work() -> None:
        mine = [counter.next_serial(agency, day) for _ in range(250)]
        with lock:
            seen.extend(mine)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(seen) == list(range(1, 1001))


def test_issue_dossier_code() -> None:
    counter = InMemoryCounter()
    first = issue_dossier_code("000.00.53.H48", datetime(2024, 3, 1, 23, 59), counter)
    second = issue_dossier_code(AgencyCode("000.00.53.H48"), date(2024, 3, 1), counter)
    assert (str(first), str(second)) == ("000.00.53.H48-240301-0001", "000.00.53.H48-240301-0002")


class _Exhausted:
    def next_serial(self, agency: AgencyCode, day: date) -> int:
        del agency, day
        return 10_000


def test_issue_dossier_code_refuses_a_fifth_digit() -> None:
    with pytest.raises(InvalidInputError, match="exhausted"):
        issue_dossier_code("000.00.53.H48", date(2024, 3, 1), _Exhausted())
