"""Dossier codes that depart from Circular 01/2018 Art. 19: kept verbatim, never guessed."""

from __future__ import annotations

import pickle
from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from motcua.domain.codes import DossierCode, ForeignDossierCode, read_dossier_code
from motcua.domain.dossiers import Dossier
from motcua.domain.lifecycle import Received
from motcua.domain.procedures import Channel
from motcua.foundation.errors import InvalidInputError
from motcua.testing.strategies import dossier_codes
from motcua.time.limits import WorkingDays

# (text, convention, agency part, date, serial): shapes seen in live systems (reporting
# digest §6) and the layouts QCVN 102:2016 does not allow (letters outside MX1X2).
GOLDEN = [
    (
        "G09.20-20260609-0092637",
        "ministry portal (agency-yyyymmdd-serial)",
        "G09.20",
        date(2026, 6, 9),
        92637,
    ),
    (
        "H15.50.05.13-261008-0975",
        "Art. 19 layout, level-1 code first",
        "H15.50.05.13",
        date(2026, 10, 8),
        975,
    ),
    (
        "000.00.53.H48-220921-012345",
        "Art. 19 layout, serial beyond four digits",
        "000.00.53.H48",
        date(2022, 9, 21),
        12345,
    ),
    (
        "000.00.5A.H48-220921-0001",
        "Art. 19 layout, letters in an agency segment",
        "000.00.5A.H48",
        date(2022, 9, 21),
        1,
    ),
    ("20240426000123", "14-digit number", "", None, None),
    ("000.00.53.H48-220230-0001", None, "000.00.53.H48", None, None),
    ("HS-2024/123", None, "", None, None),
]


@pytest.mark.parametrize(("text", "convention", "agency", "day", "serial"), GOLDEN)
def test_golden_foreign_codes(
    text: str, convention: str | None, agency: str, day: date | None, serial: int | None
) -> None:
    code = read_dossier_code(text)
    assert isinstance(code, ForeignDossierCode)
    assert (str(code), code.conforms, code.convention) == (text, False, convention)
    assert (code.agency_part, code.known_day, code.known_serial) == (agency, day, serial)
    assert code.reason.startswith("Circular 01/2018 Art. 19 expects")
    assert code.does_not_tell()
    if day is None:
        with pytest.raises(InvalidInputError, match="check code.conforms first"):
            _ = code.day
    else:
        assert code.day == day


def test_the_agency_is_given_only_when_it_is_an_identifier() -> None:
    assert str(read_dossier_code("000.00.53.H48-220921-012345").agency) == "000.00.53.H48"
    with pytest.raises(InvalidInputError, match="agency identifier"):
        _ = read_dossier_code("G09.20-20260609-0092637").agency


@given(dossier_codes)
def test_conforming_codes_keep_the_strict_parse(code: DossierCode) -> None:
    read = read_dossier_code(str(code))
    assert type(read) is DossierCode
    assert read == code
    assert read.conforms


@given(st.text(alphabet="0123456789ABGH.-/", min_size=1, max_size=40))
def test_any_printable_code_is_kept_verbatim(text: str) -> None:
    code = read_dossier_code(text)
    assert str(code) == text
    assert code.conforms == (type(code) is DossierCode)
    if not code.conforms:
        again = pickle.loads(pickle.dumps(code))  # noqa: S301 - our own value
        assert again == code
        assert hash(again) == hash(code)


@pytest.mark.parametrize("text", ["", " ", "a b", "x" * 101, "mã", "a\nb"])
def test_what_cannot_be_a_code_is_an_error(text: str) -> None:
    with pytest.raises(InvalidInputError, match="dossier code"):
        read_dossier_code(text)


def test_a_dossier_carries_a_foreign_code() -> None:
    code = read_dossier_code("G09.20-20240506-0092637")
    d = Dossier(
        code=code,
        procedure="1.004222",
        channel=Channel.IN_PERSON,
        limit=WorkingDays(7),
        events=(Received(datetime(2024, 5, 6, 9, 0)),),
    )
    assert d.code is code
    assert str(d.code) == "G09.20-20240506-0092637"
    # A string is still parsed strictly: a foreign code must be asked for.
    with pytest.raises(InvalidInputError):
        Dossier(
            code="G09.20-20240506-0092637",
            procedure="1.004222",
            channel=Channel.IN_PERSON,
            limit=WorkingDays(7),
            events=(Received(datetime(2024, 5, 6, 9, 0)),),
        )
    assert code != DossierCode.parse("000.00.53.H48-240506-0001")
    conforming = DossierCode.parse("000.00.53.H48-240506-0001")
    assert sorted([code, conforming]) == [conforming, code]  # foreign codes order by text
