"""The rule on the term: its counting rule, its start ("kể từ"), intake check, local layers."""

from __future__ import annotations

import json
from datetime import datetime, time
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from motcua.cli import main
from motcua.domain.procedures import (
    Catalogue,
    Channel,
    ChannelTerm,
    LegalBasis,
    NoTimeLimit,
    OnlineLevel,
    Procedure,
    TermStart,
    layer_catalogue,
    start_instant,
)
from motcua.domain.units import Level
from motcua.foundation.errors import InvalidInputError
from motcua.foundation.vntime import VN_TZ
from motcua.serialization.catalogues import (
    catalogue_to_json,
    procedure_from_json,
    procedure_to_json,
    sample_catalogue,
)
from motcua.time.limits import CalendarDays, CountingRule, SameDay, WorkingDays, WorkingHours

RECEIVED = datetime(2024, 5, 6, 9, 0, tzinfo=VN_TZ)
SUBMITTED = datetime(2024, 5, 4, 20, 0, tzinfo=VN_TZ)
PAID = datetime(2024, 5, 8, 10, 0, tzinfo=VN_TZ)


@pytest.mark.parametrize(
    ("start", "submitted", "paid", "expected"),
    [
        (TermStart.COMPLETE_DOSSIER, SUBMITTED, PAID, RECEIVED),
        (TermStart.SUBMISSION, SUBMITTED, PAID, SUBMITTED),
        (TermStart.SUBMISSION, None, PAID, RECEIVED),  # over the counter: the receipt
        (TermStart.PAYMENT, SUBMITTED, PAID, PAID),
        (TermStart.PAYMENT, SUBMITTED, None, None),  # not paid yet: undetermined
    ],
)
def test_start_instant_golden(
    start: TermStart, submitted: datetime | None, paid: datetime | None, expected: datetime | None
) -> None:
    assert start_instant(start, clock_start=RECEIVED, submitted=submitted, paid=paid) == expected


def test_the_default_start_is_the_complete_dossier_and_is_documented() -> None:
    term = ChannelTerm(Channel.IN_PERSON, WorkingDays(5))
    assert term.starts is TermStart.COMPLETE_DOSSIER
    assert term.starts.vi == "kể từ ngày nhận đủ hồ sơ hợp lệ"
    assert term.counting_rule is CountingRule.WORKING_TIME  # ADR 0004's default
    whole = ChannelTerm(Channel.IN_PERSON, WorkingDays(5), CountingRule.WHOLE_DAYS)
    assert whole.counting_rule is CountingRule.WHOLE_DAYS


def test_bad_start_and_intake_check_are_typed_errors() -> None:
    with pytest.raises(InvalidInputError, match="ChannelTerm.starts: expected one of"):
        ChannelTerm(Channel.IN_PERSON, WorkingDays(5), starts="tomorrow")
    with pytest.raises(InvalidInputError, match="ChannelTerm.intake_check"):
        ChannelTerm(Channel.IN_PERSON, WorkingDays(5), intake_check=CalendarDays(3))  # type: ignore[arg-type]


def test_term_fields_round_trip_and_defaults_stay_out_of_json() -> None:
    p = sample_catalogue().get("1.004222")
    plain = procedure_to_json(p)["terms"][0]
    assert not {"starts", "intake_check", "basis"} & set(plain)
    term = attrs.evolve(
        p.terms[0],
        starts=TermStart.PAYMENT,
        intake_check=WorkingHours(8),
        basis="Quyết định 12/QĐ-UBND",
    )
    q = attrs.evolve(p, terms=(term, *p.terms[1:]))
    data = procedure_to_json(q)
    assert data["terms"][0]["starts"] == "payment"
    assert data["terms"][0]["intake_check"] == {"unit": "working_hours", "count": 8}
    assert procedure_from_json(data) == q
    data["terms"][0]["starts"] = "later"
    with pytest.raises(InvalidInputError, match="starts"):
        procedure_from_json(data, "local.json")


# -- local catalogues -------------------------------------------------------------------


def _procedure(code: str, *terms: ChannelTerm) -> Procedure:
    online = any(t.channel is Channel.ONLINE for t in terms)
    return Procedure(
        code,
        "Thủ tục mẫu",
        "Mẫu",
        [Level.COMMUNE],
        terms,
        [LegalBasis("1/2020/NĐ-CP")],
        online_level=OnlineLevel.PARTIAL if online else OnlineLevel.NONE,
    )


NATIONAL = Catalogue(
    [
        _procedure(
            "1.000001",
            ChannelTerm(Channel.IN_PERSON, WorkingDays(10)),
            ChannelTerm(Channel.ONLINE, WorkingDays(10)),
        ),
        _procedure("1.000002", ChannelTerm(Channel.IN_PERSON, SameDay(time(15, 0)))),
    ]
)
DECISION = "Quyết định 12/2025/QĐ-UBND tỉnh X, Điều 1"


def _local(*terms: ChannelTerm, code: str = "1.000001") -> Catalogue:
    return Catalogue([_procedure(code, *terms)])


def test_a_province_reduces_a_limit_citing_its_decision() -> None:
    local = _local(
        ChannelTerm(Channel.IN_PERSON, WorkingDays(7), basis=DECISION),
        ChannelTerm(Channel.ONLINE, WorkingDays(10)),
    )
    layered = layer_catalogue(NATIONAL, local)
    p = layered.get("1.000001")
    assert p.term(Channel.IN_PERSON).limit == WorkingDays(7)
    assert p.term(Channel.IN_PERSON).basis == DECISION
    assert p.term(Channel.ONLINE).limit == WorkingDays(10)
    assert layered.get("1.000002") == NATIONAL.get("1.000002")  # untouched
    assert len(layered) == len(NATIONAL)


@pytest.mark.parametrize(
    ("terms", "message"),
    [
        (
            (ChannelTerm(Channel.IN_PERSON, WorkingDays(7), basis=DECISION),),
            "every channel and case of the national entry",
        ),
        (
            (
                ChannelTerm(Channel.IN_PERSON, WorkingDays(12), basis=DECISION),
                ChannelTerm(Channel.ONLINE, WorkingDays(10)),
            ),
            "no longer than the national one",
        ),
        (
            (
                ChannelTerm(Channel.IN_PERSON, CalendarDays(5), basis=DECISION),
                ChannelTerm(Channel.ONLINE, WorkingDays(10)),
            ),
            "no longer than the national one, in the same unit",
        ),
        (
            (
                ChannelTerm(Channel.IN_PERSON, WorkingDays(7)),
                ChannelTerm(Channel.ONLINE, WorkingDays(10)),
            ),
            "the decision that reduces the limit",
        ),
        (
            (
                ChannelTerm(Channel.IN_PERSON, WorkingDays(7), starts="payment", basis=DECISION),
                ChannelTerm(Channel.ONLINE, WorkingDays(10)),
            ),
            "the national counting rule and start",
        ),
        (
            (
                ChannelTerm(
                    Channel.IN_PERSON, WorkingDays(7), CountingRule.WHOLE_DAYS, basis=DECISION
                ),
                ChannelTerm(Channel.ONLINE, WorkingDays(10)),
            ),
            "the national counting rule and start",
        ),
        (
            (
                ChannelTerm(Channel.IN_PERSON, NoTimeLimit(), basis=DECISION),
                ChannelTerm(Channel.ONLINE, WorkingDays(10)),
            ),
            "no longer than the national one",
        ),
    ],
)
def test_a_layer_cannot_lengthen_drop_or_reduce_silently(
    terms: tuple[ChannelTerm, ...], message: str
) -> None:
    with pytest.raises(InvalidInputError, match=message) as info:
        layer_catalogue(NATIONAL, _local(*terms))
    assert "catalogue layer 1 procedure 1.000001" in info.value.field


def test_same_day_cutoffs_and_new_procedures_and_layer_order() -> None:
    later = _local(
        ChannelTerm(Channel.IN_PERSON, SameDay(time(16, 0)), basis=DECISION), code="1.000002"
    )
    assert layer_catalogue(NATIONAL, later).get("1.000002").term(1).limit == SameDay(time(16, 0))
    earlier = _local(
        ChannelTerm(Channel.IN_PERSON, SameDay(time(14, 0)), basis=DECISION), code="1.000002"
    )
    with pytest.raises(InvalidInputError, match="no longer"):
        layer_catalogue(NATIONAL, earlier)
    extra = _local(ChannelTerm(Channel.IN_PERSON, WorkingDays(2)), code="1.000099")
    assert "1.000099" in layer_catalogue(NATIONAL, extra)
    first = _local(
        ChannelTerm(Channel.IN_PERSON, WorkingDays(7), basis=DECISION),
        ChannelTerm(Channel.ONLINE, WorkingDays(10)),
    )
    second = _local(
        ChannelTerm(Channel.IN_PERSON, WorkingDays(5), basis="Quyết định 40/QĐ-UBND"),
        ChannelTerm(Channel.ONLINE, WorkingDays(10)),
    )
    layered = layer_catalogue(NATIONAL, first, second)
    assert layered.get("1.000001").term(1).limit == WorkingDays(5)
    with pytest.raises(InvalidInputError, match="catalogue layer 2"):
        layer_catalogue(NATIONAL, second, first)  # 7 over 5 lengthens the first layer's


@given(base=st.integers(1, 60), local=st.integers(1, 60))
def test_layering_accepts_exactly_the_reductions(base: int, local: int) -> None:
    national = _local(ChannelTerm(Channel.IN_PERSON, WorkingDays(base)))
    layer = _local(ChannelTerm(Channel.IN_PERSON, WorkingDays(local), basis=DECISION))
    if local <= base:
        got = layer_catalogue(national, layer).get("1.000001").term(1).limit
        assert got == WorkingDays(local)
    else:
        with pytest.raises(InvalidInputError):
            layer_catalogue(national, layer)


def test_cli_catalogue_twice_layers_the_second(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    national = tmp_path / "national.json"
    national.write_text(json.dumps(catalogue_to_json(sample_catalogue())), encoding="utf-8")
    p = sample_catalogue().get("1.004222")
    reduced = attrs.evolve(
        p,
        terms=[attrs.evolve(t, limit=WorkingDays(5), basis=DECISION) for t in p.terms],
    )
    local = tmp_path / "local.json"
    local.write_text(json.dumps(catalogue_to_json(Catalogue([reduced]))), encoding="utf-8")
    args = ["procedure", "show", "1.004222", "--json"]
    assert main([*args, "--catalogue", str(national), "--catalogue", str(local)]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert "5" in json.dumps(shown, ensure_ascii=False)
    assert DECISION in json.dumps(shown, ensure_ascii=False)
    longer = attrs.evolve(
        p, terms=[attrs.evolve(t, limit=WorkingDays(9), basis=DECISION) for t in p.terms]
    )
    local.write_text(json.dumps(catalogue_to_json(Catalogue([longer]))), encoding="utf-8")
    assert main([*args, "--catalogue", str(national), "--catalogue", str(local)]) == 2
    assert "a local decision may only reduce a time limit" in capsys.readouterr().err


# -- the place of a deadline ------------------------------------------------------------

CLOSURE = {
    "announcements": [
        {
            "instrument": "15/QĐ-UBND",
            "issuer": "UBND phường Phú Xuân",
            "subject": "Tạm dừng tiếp nhận hồ sơ",
            "source": "Quyết định 15/QĐ-UBND",
            "scope": "local",
            "units": ["19753"],
            "changes": [{"day": "2026-03-09", "kind": "day_off", "name_vi": "Tạm dừng tiếp nhận"}],
        }
    ]
}


@pytest.mark.parametrize(
    ("unit", "due"),
    [
        ("19753", "2026-03-10T09:00+07:00"),  # Phú Xuân: closed on Monday 09/03
        ("19774", "2026-03-09T09:00+07:00"),  # Kim Long, same city: open
        ("46", "2026-03-09T09:00+07:00"),  # the city as a whole: the ward's closure is not its
        (None, "2026-03-09T09:00+07:00"),  # no place: national rows only
    ],
)
def test_cli_due_unit_applies_only_its_closures(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], unit: str | None, due: str
) -> None:
    path = tmp_path / "closure.json"
    path.write_text(json.dumps(CLOSURE, ensure_ascii=False), encoding="utf-8")
    argv = ["due", "2026-03-06T09:00", "--working-days", "1", "--announcements", str(path)]
    assert main(argv + (["--unit", unit] if unit else [])) == 0
    assert capsys.readouterr().out.strip() == due


def test_cli_calendar_unit_and_unknown_unit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "closure.json"
    path.write_text(json.dumps(CLOSURE, ensure_ascii=False), encoding="utf-8")
    argv = ["calendar", "2026", "--announcements", str(path)]
    assert main([*argv, "--unit", "19753"]) == 0
    assert "09/03/2026" in capsys.readouterr().out
    assert main([*argv, "--unit", "19774"]) == 0
    assert "09/03/2026" not in capsys.readouterr().out
    assert main(["due", "2026-03-06T09:00", "--working-days", "1", "--unit", "99999"]) == 2
    assert "99999" in capsys.readouterr().err
