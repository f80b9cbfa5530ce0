"""The lifecycle: transition table, replay, clock events, timeliness."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from motcua import (
    TRANSITIONS,
    VN_TZ,
    CountingRule,
    DelayNotified,
    Dossier,
    Granularity,
    InvalidInputError,
    LifecyclePolicy,
    NoTimeLimit,
    ObligationFulfilled,
    ObligationRequested,
    Received,
    Resolved,
    ResultReturned,
    Stage,
    Status,
    Stopped,
    Submitted,
    SupplementReceived,
    SupplementRequested,
    Timeliness,
    Transferred,
    TransitionError,
    WithdrawalRequested,
    WorkingDays,
    WorkingHours,
    classify,
    default_schedule,
)
from motcua.domain.lifecycle import RESUME, allowed_events
from motcua.testing.strategies import dossiers

CODE = "000.00.53.H48-240506-0001"

# DVCQG TrangThaiHoSo codes, identical in every implementation found (reporting digest §6).
GOLDEN_DVCQG = {
    1: "Mới đăng ký",
    2: "Được tiếp nhận",
    3: "Không được tiếp nhận",
    4: "Đang xử lý",
    5: "Yêu cầu bổ sung giấy tờ",
    6: "Yêu cầu thực hiện nghĩa vụ tài chính",
    7: "Công dân yêu cầu rút hồ sơ",
    8: "Dừng xử lý",
    9: "Đã xử lý xong",
    10: "Đã trả kết quả",
}


def dossier(*events: object, limit: object = None, **kw: object) -> Dossier:
    return Dossier(
        code=CODE,
        procedure="1.004222",
        channel=1,
        limit=WorkingDays(7) if limit is None else limit,  # type: ignore[arg-type]
        events=events,  # type: ignore[arg-type]
        **kw,  # type: ignore[arg-type]
    )


def t(day: int, hour: int, minute: int = 0, month: int = 5) -> datetime:
    return datetime(2024, month, day, hour, minute)


def test_status_codes_match_dvcqg() -> None:
    assert {s.code: s.vi for s in Status} == GOLDEN_DVCQG
    for code, name in GOLDEN_DVCQG.items():
        assert Status.from_code(str(code)).vi == name
    with pytest.raises(InvalidInputError, match="TrangThaiHoSo"):
        Status.from_code(11)


def test_transition_table_shape() -> None:
    keys = [(t.source, t.event) for t in TRANSITIONS]
    assert len(keys) == len(set(keys)), "one row per (status, event)"
    reachable: set[Status] = set()
    frontier: list[Status | None] = [None]
    while frontier:
        src = frontier.pop()
        for row in TRANSITIONS:
            if row.source is src and row.target is not RESUME and row.target not in reachable:
                reachable.add(row.target)
                frontier.append(row.target)
    assert reachable == set(Status)
    for status in Status:
        assert (allowed_events(status) == ()) == status.final
    # Resumes happen only from the two waiting statuses.
    assert {t.source for t in TRANSITIONS if t.target is RESUME} == {
        Status.SUPPLEMENT_REQUESTED,
        Status.OBLIGATION_REQUESTED,
    }


def test_illegal_event_names_status_event_and_allowed() -> None:
    d = dossier(Received(t(6, 9)))
    with pytest.raises(TransitionError) as info:
        d.apply(ResultReturned(t(6, 10)))
    err = info.value
    assert (err.status, err.event) == ("received", "result_returned")
    assert "resolved" in err.allowed
    assert "allowed there: supplement_requested:intake, transferred" in str(err)
    with pytest.raises(TransitionError, match="'supplement_requested:appraisal' is not allowed"):
        d.apply(SupplementRequested(t(6, 10), Stage.APPRAISAL))
    done = d.apply(Resolved(t(6, 11))).apply(ResultReturned(t(6, 12)))
    with pytest.raises(TransitionError, match="none \\(final status\\)"):
        done.apply(Stopped(t(6, 13)))
    with pytest.raises(TransitionError, match="status 'new'"):
        dossier(Resolved(t(6, 9)))


def test_log_is_in_time_order_and_not_empty() -> None:
    d = dossier(Received(t(6, 9)))
    with pytest.raises(InvalidInputError, match="append-only log in time order"):
        d.apply(Transferred(t(6, 8), "Công an xã"))
    with pytest.raises(InvalidInputError, match="at least one event"):
        dossier()
    with pytest.raises(InvalidInputError, match="a lifecycle event"):
        dossier("received")


@given(dossiers(any_policy=True))
def test_replaying_a_prefix_never_changes_what_it_produced(d: Dossier) -> None:
    schedule = default_schedule()
    for k in range(1, len(d.events) + 1):
        prefix = Dossier(
            code=d.code,
            procedure=d.procedure,
            channel=d.channel,
            limit=d.limit,
            events=d.events[:k],
            policy=d.policy,
        )
        assert prefix.statuses == d.statuses[:k]
        as_of = d.events[k - 1].at
        if k < len(d.events) and d.events[k].at == as_of:
            continue  # as_of(instant) includes every event at that instant
        view = d.as_of(as_of)
        assert view is not None
        assert view.status is prefix.status
        assert view.due(as_of=as_of, schedule=schedule) == prefix.due(
            as_of=as_of, schedule=schedule
        )
        assert prefix.timeliness(as_of=as_of) == d.timeliness(as_of=as_of)


@given(dossiers())
def test_dvcqg_codes_and_open_flags(d: Dossier) -> None:
    assert 1 <= d.dvcqg_status <= 10
    if d.received_at is None:
        assert d.due() is None
        assert d.timeliness(as_of=d.events[-1].at) is None
    if d.status in (Status.RESOLVED, Status.RETURNED) and not isinstance(d.limit, NoTimeLimit):
        assert d.timeliness() in (Timeliness.EARLY, Timeliness.ON_TIME, Timeliness.LATE)


@given(st.integers(0, 3 * 8 * 60), st.integers(0, 5 * 24 * 60))
def test_appraisal_supplement_shifts_due_by_the_paused_office_time(
    start_minutes: int, pause_minutes: int
) -> None:
    schedule = default_schedule()
    received = t(6, 8).replace(tzinfo=VN_TZ) + timedelta(minutes=start_minutes)
    base = dossier(Received(received), Transferred(received, "Công an xã"))
    asked = received + timedelta(hours=1)
    answered = asked + timedelta(minutes=pause_minutes)
    paused = base.apply(SupplementRequested(asked, Stage.APPRAISAL)).apply(
        SupplementReceived(answered)
    )
    before, after = base.due(), paused.due()
    assert before is not None
    assert after is not None
    gap = schedule.working_time_between(asked, answered)
    if asked < before.at:
        assert schedule.working_time_between(before.at, after.at) == gap


def test_intake_supplement_restarts_the_clock() -> None:
    d = dossier(
        Received(t(6, 9)),
        SupplementRequested(t(6, 10), Stage.INTAKE, "Thiếu CT01"),
        SupplementReceived(t(9, 14)),
    )
    assert d.status is Status.RECEIVED
    assert d.clock_started_at == datetime.fromisoformat("2024-05-09T14:00:00+07:00")
    assert str(d.due()) == "2024-05-20T14:00+07:00"
    # As a policy, the wait can be a pause instead of a restart.
    kept = dossier(*d.events, policy=LifecyclePolicy(intake_supplement_restarts=False))
    assert kept.clock_started_at == datetime.fromisoformat("2024-05-06T09:00:00+07:00")
    assert kept.pauses() != ()


def test_supplement_before_receipt_is_not_a_pause() -> None:
    d = dossier(
        Submitted(t(5, 20)),
        SupplementRequested(t(6, 9), Stage.INTAKE),
        SupplementReceived(t(7, 9)),
        Received(t(7, 10)),
    )
    assert d.pauses() == ()
    assert d.supplements[0].received_at == datetime.fromisoformat("2024-05-07T09:00:00+07:00")
    assert str(d.due()) == "2024-05-16T10:00+07:00"


def test_obligation_is_excluded_by_default() -> None:
    events = (
        Received(t(6, 9)),
        Transferred(t(6, 9, 30), "Phòng Tài chính - Kế hoạch"),
        ObligationRequested(t(7, 9), "Lệ phí"),
        ObligationFulfilled(t(8, 9)),
    )
    assert str(dossier(*events).due()) == "2024-05-16T09:00+07:00"
    counted = dossier(*events, policy=LifecyclePolicy(exclude_obligation=False))
    assert str(counted.due()) == "2024-05-15T09:00+07:00"


def test_open_pause_needs_as_of() -> None:
    d = dossier(
        Received(t(6, 9)),
        Transferred(t(6, 9), "Công an xã"),
        SupplementRequested(t(7, 9), Stage.APPRAISAL),
    )
    assert d.paused
    assert d.due() is None
    assert d.timeliness() is None
    assert str(d.due(as_of=t(8, 9))) == "2024-05-16T09:00+07:00"
    assert d.timeliness(as_of=t(8, 9)) is Timeliness.WITHIN
    assert d.remaining(t(8, 9)) == timedelta(hours=48)  # 56 h less the 8 h used


def test_delay_keeps_original_due_and_reschedules_once() -> None:
    d = dossier(
        Received(t(6, 9)),
        Transferred(t(6, 9), "Công an xã"),
        DelayNotified(t(13, 9), t(17, 17), "Chờ xác minh"),
    )
    assert str(d.due()) == "2024-05-15T09:00+07:00"
    assert d.appointment() == datetime.fromisoformat("2024-05-17T17:00:00+07:00")
    with pytest.raises(TransitionError, match="at most 1 reschedule"):
        d.apply(DelayNotified(t(16, 9), t(20, 17)))
    unlimited = dossier(*d.events, policy=LifecyclePolicy(max_reschedules=None))
    assert len(unlimited.apply(DelayNotified(t(16, 9), t(20, 17))).delays) == 2
    late = d.apply(Resolved(t(17, 10)))
    assert late.timeliness() is Timeliness.LATE  # judged against the original due time
    with pytest.raises(InvalidInputError, match="after the letter"):
        DelayNotified(t(13, 9), t(13, 9))
    with pytest.raises(InvalidInputError, match="max_reschedules"):
        LifecyclePolicy(max_reschedules=-1)


def test_withdrawal_and_stop() -> None:
    d = dossier(
        Received(t(6, 9)),
        WithdrawalRequested(t(6, 10), "Đổi ý"),
        Stopped(t(6, 15)),
    )
    assert d.statuses == (Status.RECEIVED, Status.WITHDRAWAL_REQUESTED, Status.STOPPED)
    assert d.timeliness(as_of=t(7, 9)) is None
    assert d.timeliness(as_of=t(6, 12)) is Timeliness.WITHIN
    assert d.stopped_at == datetime.fromisoformat("2024-05-06T15:00:00+07:00")


def test_steps_have_their_own_timeliness() -> None:
    d = dossier(
        Received(t(6, 8)),
        Transferred(t(6, 8), "Phòng ĐKKD", WorkingHours(16)),
        Transferred(t(9, 8), "Cục Thuế", WorkingHours(8)),
        Resolved(t(9, 16)),
    )
    steps = d.steps()
    assert [s.agency for s in steps] == ["Phòng ĐKKD", "Cục Thuế"]
    assert [s.timeliness for s in steps] == [Timeliness.LATE, Timeliness.ON_TIME]
    assert str(steps[0].due) == "2024-05-07 17:00:00+07:00"
    open_step = dossier(*d.events[:3]).steps(as_of=t(9, 12))
    assert open_step[1].ended_at is None
    assert open_step[1].timeliness is Timeliness.WITHIN


def test_no_time_limit_has_no_due_or_timeliness() -> None:
    d = dossier(Received(t(6, 9)), Resolved(t(30, 9)), limit=NoTimeLimit())
    assert d.due() is None
    assert d.timeliness() is None
    with pytest.raises(InvalidInputError, match="rule: expected a CountingRule"):
        dossier(Received(t(6, 9)), limit=WorkingDays(1), rule="x")
    with pytest.raises(InvalidInputError, match="None when there is no time limit"):
        dossier(Received(t(6, 9)), limit=NoTimeLimit(), rule=CountingRule.WORKING_TIME)


@pytest.mark.parametrize(
    ("finished", "instant", "by_date"),
    [
        (t(14, 16), Timeliness.EARLY, Timeliness.EARLY),
        (t(15, 8, 59), Timeliness.ON_TIME, Timeliness.ON_TIME),
        (t(15, 9), Timeliness.ON_TIME, Timeliness.ON_TIME),
        (t(15, 9, 1), Timeliness.LATE, Timeliness.ON_TIME),
        (t(16, 8), Timeliness.LATE, Timeliness.LATE),
    ],
)
def test_classify_golden(finished: datetime, instant: Timeliness, by_date: Timeliness) -> None:
    due = t(15, 9)
    assert classify(due, finished=finished) is instant
    assert classify(due, finished=finished, granularity=Granularity.DATE) is by_date


def test_classify_needs_exactly_one_instant() -> None:
    with pytest.raises(InvalidInputError, match="exactly one"):
        classify(t(15, 9))
    with pytest.raises(InvalidInputError, match="exactly one"):
        classify(t(15, 9), finished=t(15, 9), as_of=t(15, 9))
    assert classify(t(15, 9), as_of=t(15, 9)) is Timeliness.WITHIN
    assert classify(t(15, 9), as_of=t(15, 10), granularity=Granularity.DATE) is Timeliness.WITHIN
    with pytest.raises(InvalidInputError, match="as_of: expected a datetime"):
        classify(t(15, 9), as_of=date(2024, 5, 16))  # type: ignore[arg-type]


def test_a_period_ending_at_midnight_is_due_on_its_last_day() -> None:
    # Civil Code 2015 Art. 148(6): the period ends at 24:00 of 07/05, i.e. 00:00 of 08/05.
    from motcua.domain.timeliness import Granularity, Timeliness, classify
    from motcua.foundation.vntime import VN_TZ

    due = datetime(2024, 5, 8, 0, 0, tzinfo=VN_TZ)
    evening = datetime(2024, 5, 7, 20, 0, tzinfo=VN_TZ)
    assert classify(due, finished=evening) is Timeliness.ON_TIME
    assert classify(due, finished=evening, granularity=Granularity.DATE) is Timeliness.ON_TIME
    assert classify(due, finished=datetime(2024, 5, 6, 9, 0, tzinfo=VN_TZ)) is Timeliness.EARLY
    assert classify(due, finished=datetime(2024, 5, 8, 8, 0, tzinfo=VN_TZ)) is Timeliness.LATE
    assert classify(due, as_of=evening, granularity=Granularity.DATE) is Timeliness.WITHIN
    late = datetime(2024, 5, 8, 0, 1, tzinfo=VN_TZ)
    assert classify(due, as_of=late, granularity=Granularity.DATE) is Timeliness.OVERDUE


@pytest.mark.parametrize(
    ("build", "field"),
    [
        (lambda: SupplementRequested(datetime(2024, 5, 6, 9, 0), "intake"), "stage"),  # type: ignore[arg-type]
        (lambda: Resolved(datetime(2024, 5, 6, 9, 0), "granted"), "outcome"),  # type: ignore[arg-type]
        (lambda: ResultReturned(datetime(2024, 5, 6, 9, 0), "desk"), "method"),  # type: ignore[arg-type]
    ],
)
def test_event_enums_are_checked_with_a_typed_error(build: object, field: str) -> None:
    with pytest.raises(InvalidInputError, match=field):
        build()  # type: ignore[operator]
