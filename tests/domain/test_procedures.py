"""Procedures, per-channel terms and catalogues; the sample catalogue."""

from __future__ import annotations

from datetime import date, time

import attrs
import pytest

from motcua import (
    Catalogue,
    Channel,
    ChannelTerm,
    CountingRule,
    Fee,
    InvalidInputError,
    LegalBasis,
    Level,
    Medium,
    NotFoundError,
    NoTimeLimit,
    OnlineLevel,
    Posting,
    Procedure,
    SameDay,
    WorkingDays,
    procedure_from_json,
    procedure_to_json,
    sample_catalogue,
)


def _procedure(**changes: object) -> Procedure:
    fields: dict[str, object] = {
        "code": "1.004222",
        "name": "Đăng ký thường trú",
        "field": "Đăng ký, quản lý cư trú",
        "levels": (Level.COMMUNE,),
        "terms": (ChannelTerm(Channel.IN_PERSON, WorkingDays(7)),),
        "legal_basis": (LegalBasis("68/2020/QH14", "Luật Cư trú", "Art. 22"),),
    }
    fields.update(changes)
    return Procedure(**fields)  # type: ignore[arg-type]


def test_sample_catalogue_is_real_and_cited() -> None:
    catalogue = sample_catalogue()
    assert len(catalogue) >= 8
    assert {Level.COMMUNE, Level.PROVINCE} <= {lv for p in catalogue for lv in p.levels}
    for p in catalogue:
        assert p.legal_basis, p.code
        assert p.source, p.code
        assert p.code.local is None
    # Golden facts (each cited in the entry's source).
    assert catalogue.get("1.004222").term(Channel.ONLINE).fees[0].amount == 10_000
    assert catalogue.get("1.004222").term(1).limit == WorkingDays(7)
    assert catalogue.get("2.000815").term(1).limit == SameDay(time(15, 0))
    assert catalogue.get("2.001610").channels == (
        Channel.IN_PERSON,
        Channel.ONLINE,
        Channel.POSTAL,
    )


def test_lookups() -> None:
    catalogue = sample_catalogue()
    assert catalogue.get("1.001612.000.00.00.H48").name == "Đăng ký thành lập hộ kinh doanh"
    assert "1.001193" in catalogue
    assert "9.999999" not in catalogue
    assert {p.name for p in catalogue.by_field("hộ tịch")} == {
        "Đăng ký khai sinh",
        "Đăng ký kết hôn",
        "Đăng ký khai tử",
    }
    assert [str(p.code) for p in catalogue.by_level(Level.PROVINCE)] == ["2.001610"]
    assert len(catalogue.by_level(Level.DISTRICT, on=date(2024, 6, 1))) == 3
    with pytest.raises(InvalidInputError, match="district level ended"):
        catalogue.by_level(Level.DISTRICT, on=date(2025, 7, 1))
    assert catalogue.fields()[0] == "Hộ tịch"
    with pytest.raises(NotFoundError, match="'9.999999' not found"):
        catalogue.get("9.999999")
    assert catalogue.get("1.001612").levels_on(date(2025, 7, 1)) == ()


def test_terms_by_channel_and_case() -> None:
    marriage = sample_catalogue().get("1.000894")
    assert marriage.cases(Channel.IN_PERSON) == ("", "Cần xác minh điều kiện kết hôn")
    assert isinstance(marriage.term(1).limit, SameDay)
    assert marriage.term(1, "Cần xác minh điều kiện kết hôn").limit == WorkingDays(5)
    with pytest.raises(NotFoundError, match="offered through: 1 \\(in_person\\), 2 \\(online\\)"):
        marriage.term(Channel.POSTAL)
    with pytest.raises(NotFoundError, match="cases:"):
        marriage.term(1, "Không có")
    only_special = _procedure(
        terms=(ChannelTerm(1, WorkingDays(3), case="A"), ChannelTerm(1, WorkingDays(5), case="B"))
    )
    with pytest.raises(InvalidInputError, match="pass case="):
        only_special.term(1)


def test_no_time_limit_is_explicit() -> None:
    p = _procedure(terms=(ChannelTerm(1, NoTimeLimit()),))
    assert p.term(1).counting_rule is None
    assert str(p.term(1).limit) == "no statutory time limit"
    with pytest.raises(InvalidInputError, match="None when there is no time limit"):
        ChannelTerm(1, NoTimeLimit(), rule=CountingRule.WORKING_TIME)


@pytest.mark.parametrize(
    ("changes", "fragment"),
    [
        ({"terms": ()}, "at least one channel term"),
        ({"legal_basis": ()}, "at least one instrument"),
        ({"levels": ()}, "at least one level"),
        ({"name": " "}, "non-empty name"),
        (
            {"terms": (ChannelTerm(1, WorkingDays(7)), ChannelTerm(1, WorkingDays(5)))},
            "one term per channel and case",
        ),
        ({"online_level": OnlineLevel.FULL}, "no online (KENH 2) term"),
        ({"terms": (ChannelTerm(2, WorkingDays(7)),)}, "Decree 42/2022 Art. 11"),
        ({"code": "1.42"}, "procedure code"),
    ],
)
def test_procedure_validation(changes: dict[str, object], fragment: str) -> None:
    with pytest.raises(InvalidInputError, match="expected") as info:
        _procedure(**changes)
    assert fragment in str(info.value)


def test_term_validation() -> None:
    with pytest.raises(InvalidInputError, match="calendar-days"):
        ChannelTerm(1, SameDay(), rule=CountingRule.CALENDAR_DAYS)
    with pytest.raises(InvalidInputError, match="KenhThucHien"):
        ChannelTerm(4, WorkingDays(1))
    with pytest.raises(InvalidInputError, match="Fee.amount"):
        Fee("Lệ phí", -1)
    assert ChannelTerm("2", WorkingDays(1)).channel is Channel.ONLINE  # type: ignore[arg-type]


def test_catalogue_validation() -> None:
    p = _procedure()
    with pytest.raises(InvalidInputError, match="unique procedure codes"):
        Catalogue([p, p])
    with pytest.raises(InvalidInputError, match="Procedure values"):
        Catalogue(["1.004222"])  # type: ignore[list-item]


def test_posting_dates() -> None:
    posting = Posting(physical_since=date(2024, 1, 1))
    assert posting.is_posted(Medium.PHYSICAL, date(2024, 1, 1))
    assert not posting.is_posted(Medium.PHYSICAL, date(2023, 12, 31))
    assert not posting.is_posted(Medium.ELECTRONIC, date(2024, 6, 1))


def test_channel_names() -> None:
    assert [c.vi for c in Channel] == ["Trực tiếp", "Trực tuyến", "Dịch vụ bưu chính công ích"]
    assert str(LegalBasis("60/2014/QH13", "Luật Hộ tịch", "Art. 16")) == (
        "Luật Hộ tịch 60/2014/QH13, Art. 16"
    )


def test_field_code_is_kept_and_round_trips() -> None:

    from motcua import InvalidInputError
    from motcua import sample_catalogue as catalogue_of

    plain = catalogue_of().get("1.004222")
    assert plain.field_code == ""
    assert "field_code" not in procedure_to_json(plain)  # the default is left out
    coded = attrs.evolve(plain, field_code="G09-CA01")
    assert procedure_to_json(coded)["field_code"] == "G09-CA01"
    assert procedure_from_json(procedure_to_json(coded)) == coded
    with pytest.raises(InvalidInputError, match="field_code: expected a field code as text"):
        attrs.evolve(plain, field_code=5)  # type: ignore[arg-type]
