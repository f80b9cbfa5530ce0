"""A dossier's due instant counts from where its term starts ("kể từ"), everywhere.

Issue 11, point 5: a procedure's term carries its starting point (the complete dossier, the
submission, the payment); the dossier records it (:attr:`Dossier.starts`) and every reader
of its clock (due, timeliness, Biểu 06, the fast report reader, the compliance rules)
counts from it.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from motcua.analyses.buckets import classify_for_period
from motcua.analyses.compliance import check
from motcua.analyses.periods import parse_period
from motcua.cli import main
from motcua.domain.clock import replay
from motcua.domain.dossiers import Dossier
from motcua.domain.lifecycle import (
    LifecyclePolicy,
    ObligationFulfilled,
    ObligationRequested,
    Received,
    Resolved,
    Submitted,
    Transferred,
)
from motcua.domain.procedures import (
    Catalogue,
    Channel,
    ChannelTerm,
    LegalBasis,
    OnlineLevel,
    Procedure,
    TermStart,
)
from motcua.domain.timeliness import Timeliness
from motcua.domain.units import Level
from motcua.foundation.errors import InvalidInputError
from motcua.foundation.vntime import VN_TZ
from motcua.serialization.dossiers import dossier_from_json, dossier_to_json
from motcua.serialization.dvcqg import dossier_from_dvcqg, dossier_to_dvcqg
from motcua.serialization.scan import scan_record
from motcua.testing.strategies import dossiers
from motcua.time.deadlines import default_schedule
from motcua.time.limits import WorkingDays


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2024, 5, day, hour, minute, tzinfo=VN_TZ)


CODE = "000.00.53.H48-240506-0001"
# Thursday 02/05/2024 20:00 online; received Monday 06/05 09:00; paid Wednesday 08/05 10:00.
SUBMITTED_AT, RECEIVED_AT, PAID_AT = at(2, 20), at(6, 9), at(8, 10)


def _dossier(starts: TermStart, *more: object, channel: Channel = Channel.ONLINE) -> Dossier:
    events = (Submitted(SUBMITTED_AT), Received(RECEIVED_AT), *more)
    return Dossier(
        code=CODE,
        procedure="1.004222",
        channel=channel,
        limit=WorkingDays(3),
        events=events,  # type: ignore[arg-type]
        starts=starts,
    )


OBLIGATION = (ObligationRequested(at(6, 10)), ObligationFulfilled(PAID_AT))


@pytest.mark.parametrize(
    ("starts", "due"),
    [
        # 24 office hours from Monday 09:00: 1 h, then the wait for the payment (Monday
        # 10:00 to Wednesday 10:00) is excluded; 6 h Wednesday, Thursday, Friday, and 1 h
        # Monday 13/05: 09:00.
        (TermStart.COMPLETE_DOSSIER, at(13, 9)),
        # From Thursday 02/05 20:00 (after hours): Friday 03/05 08:00. Friday 8 h, Saturday
        # 04/05 8 h (a make-up working day in 2024), Monday 2 h, the wait, then Wednesday's 6 h:
        # Wednesday 08/05 17:00 (an end at the day's close stays at the close).
        (TermStart.SUBMISSION, at(8, 17)),
        # From the payment, Wednesday 10:00: Monday 13/05 10:00; the wait for the payment is
        # before the start and is not excluded a second time.
        (TermStart.PAYMENT, at(13, 10)),
    ],
)
def test_due_counts_from_the_terms_start(starts: TermStart, due: datetime) -> None:
    d = _dossier(starts, *OBLIGATION)
    got = d.due()
    assert got is not None
    assert got.at == due
    assert (
        d.clock_started_at
        == {
            TermStart.COMPLETE_DOSSIER: RECEIVED_AT,
            TermStart.SUBMISSION: SUBMITTED_AT,
            TermStart.PAYMENT: PAID_AT,
        }[starts]
    )


def test_the_obligation_wait_is_a_pause_only_when_the_term_started_before_it() -> None:
    by_receipt = _dossier(TermStart.COMPLETE_DOSSIER, *OBLIGATION)
    assert [(p.start, p.end) for p in by_receipt.clock().pauses] == [(at(6, 10), PAID_AT)]
    assert _dossier(TermStart.PAYMENT, *OBLIGATION).clock().pauses == ()


def test_a_term_starting_on_payment_has_no_due_instant_until_paid() -> None:
    d = _dossier(TermStart.PAYMENT, ObligationRequested(at(6, 10)))
    assert d.clock_started_at is None
    assert d.due() is None
    assert d.due(as_of=at(30, 9)) is None
    assert d.timeliness(as_of=at(30, 9)) is None
    assert d.remaining(at(30, 9)) is None
    resolved = _dossier(TermStart.PAYMENT, Resolved(at(7, 9)))
    assert resolved.timeliness() is None  # resolved before any payment: cannot be late
    paid = d.apply(ObligationFulfilled(PAID_AT))
    assert paid.due() is not None


def test_submission_start_over_the_counter_is_the_receipt() -> None:
    d = Dossier(
        code=CODE,
        procedure="1.004222",
        channel=Channel.IN_PERSON,
        limit=WorkingDays(3),
        events=(Received(RECEIVED_AT),),
        starts="submission",
    )
    assert d.clock_started_at == RECEIVED_AT


def test_a_bad_start_names_the_field() -> None:
    with pytest.raises(InvalidInputError, match=r"Dossier\.starts.*complete_dossier"):
        _dossier("tomorrow")  # type: ignore[arg-type]


def test_a_submission_start_turns_an_on_time_resolution_late() -> None:
    resolved = Resolved(at(9, 8))  # Thursday 08:00
    assert _dossier(TermStart.COMPLETE_DOSSIER, resolved).timeliness() is Timeliness.ON_TIME
    assert _dossier(TermStart.SUBMISSION, resolved).timeliness() is Timeliness.LATE


def test_templates_are_per_start() -> None:
    steps = (("submitted", SUBMITTED_AT), ("received", RECEIVED_AT))
    policy = LifecyclePolicy()
    by_receipt = replay(steps, policy, "X")
    by_submission = replay(steps, policy, "X", TermStart.SUBMISSION)
    assert by_receipt.clock.clock_start == RECEIVED_AT
    assert by_submission.clock.clock_start == SUBMITTED_AT
    assert replay(steps, policy, "X").clock.clock_start == RECEIVED_AT  # cache hit, same answer


# -- records, the fast reader and the report -----------------------------------------------


def test_the_record_carries_starts_only_when_not_the_default() -> None:
    plain = dossier_to_json(_dossier(TermStart.COMPLETE_DOSSIER))
    assert "starts" not in plain
    record = dossier_to_json(_dossier(TermStart.PAYMENT, *OBLIGATION))
    assert record["starts"] == "payment"
    assert dossier_from_json(record) == _dossier(TermStart.PAYMENT, *OBLIGATION)
    with pytest.raises(InvalidInputError, match=r"\$\.starts"):
        dossier_from_json(dict(record, starts="later"), "f.jsonl line 3")


@settings(max_examples=150, deadline=None)
@given(dossiers(any_start=True, first_day=date(2023, 6, 1), last_day=date(2024, 6, 30)))
def test_the_fast_reader_folds_the_start_as_the_dossier_does(d: Dossier) -> None:
    record = json.loads(json.dumps(dossier_to_json(d)))
    scanned = scan_record(record)
    assert scanned is not None
    assert scanned.log.starts is d.starts
    assert scanned.log.fold.clock == d.clock()
    end = datetime(2024, 3, 15, tzinfo=VN_TZ)
    assert scanned.log.clock_before(end) == d.clock(before=end)


def test_bieu_06_places_an_unpaid_term_within_time_and_counts_from_the_start() -> None:
    period = parse_period("2024-05")
    unpaid = _dossier(TermStart.PAYMENT, ObligationRequested(at(6, 10)))
    placed = classify_for_period(unpaid, period)
    assert placed is not None
    assert placed.pending is Timeliness.WITHIN
    resolved_unpaid = _dossier(TermStart.PAYMENT, Resolved(at(10, 9)))  # period: 15/04-14/05
    placed = classify_for_period(resolved_unpaid, period)
    assert placed is not None
    assert placed.resolved is Timeliness.ON_TIME
    late = classify_for_period(_dossier(TermStart.SUBMISSION, Resolved(at(9, 8))), period)
    assert late is not None
    assert late.resolved is Timeliness.LATE


# -- catalogue, compliance, DVCQG -----------------------------------------------------------

PROCEDURE = Procedure(
    "1.004222",
    "Thủ tục mẫu",
    "Mẫu",
    [Level.COMMUNE],
    [
        ChannelTerm(Channel.IN_PERSON, WorkingDays(3)),
        ChannelTerm(Channel.ONLINE, WorkingDays(3), starts="payment"),
    ],
    [LegalBasis("1/2020/NĐ-CP")],
    online_level=OnlineLevel.PARTIAL,
)
CATALOGUE = Catalogue([PROCEDURE])


def test_open_takes_the_start_from_the_term() -> None:
    d = Dossier.open(CODE, PROCEDURE, Channel.ONLINE, Submitted(SUBMITTED_AT))
    assert d.starts is TermStart.PAYMENT
    assert Dossier.open(CODE, PROCEDURE, 1, Received(RECEIVED_AT)).starts is (
        TermStart.COMPLETE_DOSSIER
    )


def test_a_record_without_limit_takes_the_start_from_the_catalogue() -> None:
    record = dossier_to_json(_dossier(TermStart.PAYMENT, *OBLIGATION))
    del record["limit"], record["starts"]
    assert dossier_from_json(record, catalogue=CATALOGUE).starts is TermStart.PAYMENT


def test_compliance_names_a_start_other_than_the_terms() -> None:
    recorded = _dossier(TermStart.COMPLETE_DOSSIER, Transferred(at(6, 10), "Bộ phận"))
    found = [
        v
        for v in check(
            [recorded], catalogue=CATALOGUE, schedule=default_schedule(), as_of=at(7, 9)
        )
        if v.rule == "appointment"
    ]
    assert len(found) == 1
    assert "kể từ ngày hoàn thành nghĩa vụ tài chính" in found[0].message_vi
    assert found[0].facts["statutory"] == "payment"
    right = _dossier(TermStart.PAYMENT, Transferred(at(6, 10), "Bộ phận"))
    assert not [
        v
        for v in check([right], catalogue=CATALOGUE, schedule=default_schedule(), as_of=at(7, 9))
        if v.rule == "appointment"
    ]


def test_dvcqg_keeps_the_start_and_takes_it_from_the_catalogue() -> None:
    d = _dossier(TermStart.PAYMENT, *OBLIGATION)
    payload = dossier_to_dvcqg(d, catalogue=CATALOGUE)
    assert dossier_from_dvcqg(payload, catalogue=CATALOGUE).starts is TermStart.PAYMENT
    assert dossier_from_dvcqg(payload).starts is TermStart.PAYMENT  # the motcua extension
    stripped = {k: v for k, v in payload.items() if k != "motcua"}
    assert dossier_from_dvcqg(stripped, catalogue=CATALOGUE).starts is TermStart.PAYMENT


@given(st.sampled_from(TermStart))
def test_every_start_has_its_vietnamese_wording(starts: TermStart) -> None:
    assert starts.vi.startswith("kể từ")


def test_dossier_show_says_where_the_time_counts_from(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    unpaid = dossier_to_json(_dossier(TermStart.PAYMENT, ObligationRequested(at(6, 10))))
    plain = dossier_to_json(_dossier(TermStart.COMPLETE_DOSSIER))
    plain["code"] = CODE.replace("-0001", "-0002")
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps(unpaid) + "\n" + json.dumps(plain) + "\n", encoding="utf-8")
    assert main(["dossier", "show", str(path)]) == 0
    first, second = capsys.readouterr().out.splitlines()
    assert "hạn -  (kể từ ngày hoàn thành nghĩa vụ tài chính)" in first
    assert "kể từ" not in second  # the default is not printed
    assert main(["dossier", "show", str(path), "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)["dossiers"]
    assert [(s["starts"], s["started_at"]) for s in shown] == [
        ("payment", None),
        ("complete_dossier", "2024-05-06T09:00+07:00"),
    ]
