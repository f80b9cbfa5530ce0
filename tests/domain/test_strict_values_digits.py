"""Codes and numeric codes take ASCII digits only, exactly as written (issue 9, task 1).

``\\d`` in ``re`` matches any Unicode digit, and ``int()`` rewrites Arabic-Indic or fullwidth
digits to ASCII: two different strings would become one code. Every reader here refuses them
with an error naming the field, saying ASCII digits are expected and what to do.
"""

from __future__ import annotations

import pytest

from motcua import AgencyCode, DossierCode, InvalidInputError, ProcedureCode
from motcua.domain.codes import _DOSSIER, _PROCEDURE, code_number
from motcua.domain.lifecycle import Status
from motcua.domain.procedures import Channel
from motcua.foundation.errors import text_hint

ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
DEVANAGARI = str.maketrans("0123456789", "०१२३४५६७८९")
SCRIPTS = pytest.mark.parametrize("table", [ARABIC_INDIC, FULLWIDTH, DEVANAGARI])


def _one_digit_swapped(text: str, table: dict[int, int]) -> str:
    """*text* with its last ASCII digit replaced by the same digit of another script."""
    k = max(i for i, c in enumerate(text) if c.isascii() and c.isdigit())
    return text[:k] + text[k].translate(table) + text[k + 1 :]


@SCRIPTS
@pytest.mark.parametrize(
    ("parse", "text", "field"),
    [
        (AgencyCode.parse, "000.00.53.H48", "agency code"),
        (ProcedureCode.parse, "1.001193", "procedure code"),
        (ProcedureCode.parse, "1.001193.000.00.00.H48", "procedure code"),
        (ProcedureCode.parse, "1.000948.H38", "procedure code"),
        (DossierCode.parse, "000.00.53.H48-220921-0099", "dossier code"),
    ],
)
def test_codes_refuse_other_scripts_digits(
    parse: object, text: str, field: str, table: dict[int, int]
) -> None:
    parse(text)  # type: ignore[operator]  # the ASCII form is fine
    for bad in (text.translate(table), _one_digit_swapped(text, table)):
        with pytest.raises(InvalidInputError) as info:
            parse(bad)  # type: ignore[operator]
        message = str(info.value)
        assert message.startswith(f"{field}: expected ")
        assert "ASCII" in message
        assert "write the digits as ASCII 0-9" in message
        assert "\n" not in message


@pytest.mark.parametrize(
    ("parse", "text"),
    [
        (AgencyCode.parse, "000.00.53.H48"),
        (ProcedureCode.parse, "1.001193"),
        (DossierCode.parse, "000.00.53.H48-220921-0099"),
    ],
)
@pytest.mark.parametrize("wrap", [" {} ", "{} ", " {}", "{}\n", "\t{}"])
def test_codes_with_surrounding_spaces_are_refused_not_trimmed(
    parse: object, text: str, wrap: str
) -> None:
    with pytest.raises(InvalidInputError, match="remove the spaces"):
        parse(wrap.format(text))  # type: ignore[operator]


def test_agency_constructor_refuses_what_parse_refuses() -> None:
    with pytest.raises(InvalidInputError, match="ASCII"):
        AgencyCode("000.00.53.H４8")
    with pytest.raises(InvalidInputError):
        AgencyCode("000.00.53.H48\n")


def test_procedure_code_parts_must_be_what_they_say() -> None:
    with pytest.raises(InvalidInputError):
        ProcedureCode("1.001193.H48")  # a long form is not a national code
    with pytest.raises(InvalidInputError):
        ProcedureCode("1.００1193")
    assert ProcedureCode("1.001193", "H48") == ProcedureCode.parse("1.001193.H48")


def test_the_fast_path_patterns_are_ascii_and_anchored() -> None:
    # serialization/scan.py matches with these; a trailing newline must not slip through.
    assert _DOSSIER.match("000.00.53.H48-220921-0099")
    assert not _DOSSIER.match("000.00.53.H48-220921-0099\n")
    assert not _DOSSIER.match("000.00.53.H48-220921-009٩")
    assert _PROCEDURE.match("1.001193")
    assert not _PROCEDURE.match("1.001193\n")
    assert not _PROCEDURE.match("１.001193")


@pytest.mark.parametrize(
    "value", ["²", "٢", "２", "२", " 2", "2 ", "+2", "-2", "2.0", "", True, 2.0]
)
def test_channel_code_takes_an_int_or_ascii_digits_only(value: object) -> None:
    with pytest.raises(InvalidInputError) as info:
        Channel.from_code(value, "KENH")
    message = str(info.value)
    assert message.startswith("KENH: expected KenhThucHien 1 (in person)")
    assert "ASCII digits" in message


@pytest.mark.parametrize("value", ["²", "١٠", "１０", " 10", "10\n", True, 1.0])
def test_status_code_takes_an_int_or_ascii_digits_only(value: object) -> None:
    with pytest.raises(InvalidInputError, match="TrangThaiHoSo: expected a TrangThaiHoSo code"):
        Status.from_code(value)


def test_superscript_two_was_a_crash_and_is_now_a_typed_error() -> None:
    # "²".isdigit() is True but int("²") raises a bare ValueError.
    with pytest.raises(InvalidInputError, match=r"'²' is not an ASCII digit"):
        Channel.from_code("²")


def test_ascii_codes_still_read() -> None:
    assert Channel.from_code("2") is Channel.ONLINE
    assert Channel.from_code(3) is Channel.POSTAL
    assert Channel.from_code(Channel.ONLINE) is Channel.ONLINE
    assert Status.from_code("10") is Status.RETURNED
    assert code_number("0042", "x", "a number") == 42


def test_text_hint() -> None:
    assert "ASCII" in text_hint("1.00119٣")
    assert "spaces" in text_hint(" x")
    assert text_hint("x") == ""
    assert text_hint(5) == ""
