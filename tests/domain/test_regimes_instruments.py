"""Instruments as data: each boundary, a dossier the day before and the day of."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import attrs
import pytest

from motcua import (
    DelayNotified,
    Dossier,
    InvalidInputError,
    LifecyclePolicy,
    Received,
    Resolved,
    ResultReturned,
    Stopped,
    Submitted,
    WithdrawalRequested,
    WorkingDays,
)
from motcua.analyses.compliance import RULES, ComplianceConfig, Confidence, Regime, check
from motcua.analyses.compliance.rules import Basis
from motcua.analyses.forms import FormSet, forms_on
from motcua.analyses.notices import NoticeKind, build_notice, render_text
from motcua.domain.instruments import INSTRUMENTS, in_force_on, instrument
from motcua.domain.regimes import instruments_on, regime_on

AGENCY = "000.31.48.H48"


def _code(day: date, n: int = 1) -> str:
    return f"{AGENCY}-{day:%y%m%d}-{n:04d}"


def _late_twice(day: date) -> Dossier:
    """Received at 09:00 on *day*, 3 working days, late and rescheduled twice, no explanation."""
    at = datetime(day.year, day.month, day.day, 9)
    return Dossier(
        code=_code(day),
        procedure="1.004194",
        channel=1,
        limit=WorkingDays(3),
        events=(
            Received(at),
            DelayNotified(at + timedelta(hours=1), at + timedelta(days=20), "Xác minh"),
            DelayNotified(at + timedelta(hours=2), at + timedelta(days=21), "Xác minh"),
            Resolved(at + timedelta(days=15)),
            ResultReturned(at + timedelta(days=15, hours=1)),
        ),
        policy=LifecyclePolicy(max_reschedules=None),
    )


def _online(submitted: datetime, received: datetime) -> Dossier:
    return Dossier(
        code=_code(received.date()),
        procedure="1.004194",
        channel=2,
        limit=WorkingDays(3),
        events=(Submitted(submitted), Received(received)),
    )


def _rules(found: object) -> set[str]:
    return {v.rule for v in found}  # type: ignore[attr-defined]


# -- the instruments and the regimes --------------------------------------------------


@pytest.mark.parametrize(
    ("key", "start"),
    [
        ("Q09-2015", date(2015, 5, 15)),
        ("D61-2018", date(2018, 6, 21)),
        ("C01-2018", date(2019, 1, 6)),
        ("D45-2020", date(2020, 5, 22)),
        ("C01-2020", date(2020, 12, 15)),
        ("CT27-2023", date(2023, 10, 27)),
        ("D118-2025", date(2025, 7, 1)),
        ("C03-2025", date(2025, 9, 15)),
        ("C05-2025", date(2026, 2, 15)),
    ],
)
def test_each_instrument_from_its_first_day(key: str, start: date) -> None:
    assert key not in in_force_on(start - timedelta(days=1))
    assert key in in_force_on(start)


def test_repeals_end_the_old_instruments() -> None:
    before, day = date(2025, 6, 30), date(2025, 7, 1)
    for key in ("D61-2018", "C01-2018", "D107-2021"):
        assert key in in_force_on(before)
        assert key not in in_force_on(day)
    assert "Q09-2015" in in_force_on(date(2018, 6, 20))
    assert "Q09-2015" not in in_force_on(date(2018, 6, 21))
    assert instrument("D61-2018").repealed_by == "D118-2025"
    assert instrument("D367-2025").amends == ("D118-2025",)


def test_unread_in_force_dates_are_said_so() -> None:
    c03 = instrument("C03-2025")
    assert c03.in_force == date(2025, 9, 15)  # read: in force on signing (luatvietnam.vn)
    assert not c03.start_assumed
    d367 = instrument("D367-2025")
    assert d367.in_force is None
    assert d367.start_assumed
    assert "in-force date not read" in d367.window()
    # A corrected table moves the boundary: nothing is hard-coded.
    table = [attrs.evolve(i, in_force=date(2025, 11, 1)) if i is c03 else i for i in INSTRUMENTS]
    assert "C03-2025" not in in_force_on(date(2025, 10, 31), table)
    assert "C03-2025" in in_force_on(date(2025, 11, 1), table)
    assert forms_on(date(2025, 10, 31), table) is FormSet.TRANSITION_2025


@pytest.mark.parametrize(
    ("day", "regime"),
    [
        (date(2018, 6, 20), Regime.DECISION_09_2015),
        (date(2018, 6, 21), Regime.DECREE_61_2018),
        (date(2025, 6, 30), Regime.DECREE_61_2018),
        (date(2025, 7, 1), Regime.DECREE_118_2025),
    ],
)
def test_regime_is_computed_from_the_instruments(day: date, regime: Regime) -> None:
    assert regime_on(day) is regime


def test_forced_regime_uses_the_nearest_day_of_its_window() -> None:
    assert "D118-2025" in instruments_on(date(2024, 1, 1), Regime.DECREE_118_2025)
    assert "D61-2018" in instruments_on(date(2026, 1, 1), Regime.DECREE_61_2018)


# -- rules only while their instruments are in force ----------------------------------


def test_no_decree_61_rule_before_21_06_2018() -> None:
    assert check(_late_twice(date(2018, 6, 1))) == ()
    assert check(_late_twice(date(2018, 6, 20))) == ()
    found = check(_late_twice(date(2018, 6, 21)))
    assert _rules(found) == {"reschedule"}  # no explanation needed before Directive 27
    assert all("Decree 61/2018" in v.basis for v in found if v.rule == "reschedule")


def test_unsourced_decision_09_2015_rules_are_off_by_default() -> None:
    d = _late_twice(date(2018, 6, 1))
    on = ComplianceConfig(enabled={"reschedule"})
    found = check(d, config=on)
    assert _rules(found) == {"reschedule"}
    assert "no source read" in found[0].basis
    assert found[0].regime == "09-2015"


def test_no_online_8h_rule_before_decree_45_2020() -> None:
    late = timedelta(days=3)
    assert check(_online(datetime(2020, 5, 10, 8), datetime(2020, 5, 10, 8) + late)) == ()
    assert check(_online(datetime(2020, 5, 21, 8), datetime(2020, 5, 21, 8) + late)) == ()
    found = check(_online(datetime(2020, 5, 22, 8), datetime(2020, 5, 22, 8) + late))
    assert _rules(found) == {"online-8h"}


def test_explanation_required_only_from_directive_27() -> None:
    def letter(day: date) -> Dossier:
        at = datetime(day.year, day.month, day.day, 9)
        return Dossier(
            code=_code(day),
            procedure="1.004194",
            channel=1,
            limit=WorkingDays(10),
            events=(
                Received(at),
                DelayNotified(at + timedelta(days=1), at + timedelta(days=30), "Xác minh"),
                Resolved(at + timedelta(days=25)),
                ResultReturned(at + timedelta(days=25, hours=1)),
            ),
        )

    assert check(letter(date(2023, 10, 26))) == ()
    found = check(letter(date(2023, 10, 27)))
    assert [v.rule for v in found] == ["apology"]
    assert "giải trình" in found[0].message


def test_code_rule_from_circular_01_2018() -> None:
    def wrong_code(day: date) -> Dossier:
        at = datetime(day.year, day.month, day.day, 9)
        return Dossier(
            code=_code(day - timedelta(days=1)),
            procedure="1.004194",
            channel=1,
            limit=WorkingDays(3),
            events=(Received(at), Resolved(at + timedelta(hours=1))),
        )

    assert check(wrong_code(date(2019, 1, 5))) == ()
    assert _rules(check(wrong_code(date(2019, 1, 6)))) == {"code"}
    # From 01/07/2025 until Circular 03/2025 (dated from 15/09/2025): no code article in force.
    assert check(wrong_code(date(2025, 9, 14))) == ()
    assert _rules(check(wrong_code(date(2025, 9, 15)))) == {"code"}


# -- the corrected rules ---------------------------------------------------------------


def _apology_on(letter: datetime) -> Dossier:
    # Received Mon 06/05/2024 09:00, 5 working days: due Mon 13/05/2024 09:00.
    at = datetime(2024, 5, 6, 9)
    return Dossier(
        code=_code(at.date()),
        procedure="1.004194",
        channel=1,
        limit=WorkingDays(5),
        events=(
            Received(at),
            DelayNotified(letter, datetime(2024, 5, 20, 17), "Xác minh", "Giải trình"),
            Resolved(datetime(2024, 5, 17, 9)),
            ResultReturned(datetime(2024, 5, 17, 10)),
        ),
    )


def test_apology_one_calendar_day_by_default() -> None:
    sunday = _apology_on(datetime(2024, 5, 12, 9))
    assert check(sunday) == ()
    working = ComplianceConfig(params={"apology": {"day_kind": "working"}})
    assert _rules(check(sunday, config=working)) == {"apology"}
    assert _rules(check(_apology_on(datetime(2024, 5, 13, 8)))) == {"apology"}
    with pytest.raises(InvalidInputError, match="calendar or working"):
        check(sunday, config=ComplianceConfig(params={"apology": {"day_kind": "lunar"}}))


def _printed(appointment: datetime) -> Dossier:
    at = datetime(2024, 3, 11, 10)  # 3 working days: due 14/03/2024 10:00
    return Dossier(
        code=_code(at.date()),
        procedure="1.004194",
        channel=1,
        limit=WorkingDays(3),
        events=(Received(at, appointment=appointment), Resolved(datetime(2024, 3, 12, 9))),
    )


def test_an_earlier_appointment_is_lawful_a_later_one_is_not() -> None:
    assert check(_printed(datetime(2024, 3, 13, 10))) == ()
    assert check(_printed(datetime(2024, 3, 14, 10))) == ()
    late = check(_printed(datetime(2024, 3, 14, 11)))
    assert _rules(late) == {"appointment"}
    assert "later than" in late[0].message


def test_confidence_is_honest() -> None:
    for rule in RULES:
        for basis in rule.bases:
            if "not read" in basis.articles or not basis.read:
                assert basis.confidence is not Confidence.CONFIRMED, (rule.id, basis)
            if not basis.sourced:
                assert "no source" in basis.articles
    with pytest.raises(InvalidInputError, match="not read"):
        Basis("D61-2018", "Art. 19 (not read)", Confidence.CONFIRMED, read=True)
    with pytest.raises(InvalidInputError, match="not read"):
        Basis("D61-2018", "Art. 19", Confidence.CONFIRMED)


# -- forms per instrument window -------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "forms"),
    [
        (date(2019, 1, 6), FormSet.CIRCULAR_01_2018),
        (date(2025, 6, 30), FormSet.CIRCULAR_01_2018),
        (date(2025, 7, 1), FormSet.TRANSITION_2025),
        (date(2025, 7, 10), FormSet.TRANSITION_2025),
        (date(2025, 9, 14), FormSet.TRANSITION_2025),
        (date(2025, 9, 15), FormSet.CIRCULAR_03_2025),
    ],
)
def test_forms_in_force(day: date, forms: FormSet) -> None:
    assert forms_on(day) is forms


def test_no_national_form_before_circular_01_2018() -> None:
    with pytest.raises(InvalidInputError, match="06/01/2019"):
        forms_on(date(2019, 1, 5))
    d = _printed(datetime(2024, 3, 12, 10))
    old = attrs.evolve(
        d, code=_code(date(2018, 7, 2)), events=(Received(datetime(2018, 7, 2, 9)),)
    )
    with pytest.raises(InvalidInputError, match="06/01/2019"):
        build_notice(NoticeKind.RECEIPT, old)


def _stopped(day: date) -> Dossier:
    at = datetime(day.year, day.month, day.day, 9)
    return Dossier(
        code=_code(day),
        procedure="1.004194",
        channel=1,
        limit=WorkingDays(3),
        events=(
            Received(at),
            WithdrawalRequested(at + timedelta(hours=1), "Xin rút"),
            Stopped(at + timedelta(hours=2), "Người nộp xin rút hồ sơ"),
        ),
    )


def test_form_05_stop_under_circular_03_2025() -> None:
    notice = build_notice(NoticeKind.STOP, _stopped(date(2025, 10, 1)))
    text = render_text(notice)
    assert text.startswith("Mẫu số 05 - THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ")
    assert "Thông tư số 03/2025/TT-VPCP" in text
    assert "Người nộp xin rút hồ sơ" in text
    with pytest.raises(InvalidInputError, match="Circular 03/2025"):
        build_notice(NoticeKind.STOP, _stopped(date(2025, 7, 10)))


def test_form_04_is_an_extension_request_under_circular_03_2025() -> None:
    d = _late_twice(date(2025, 10, 1))
    for kind in (NoticeKind.EXTENSION, NoticeKind.APOLOGY):
        text = render_text(build_notice(kind, d))
        assert "ĐỀ NGHỊ GIA HẠN" in text
        assert "Đề nghị gia hạn thời gian giải quyết đến" in text
        assert "hẹn trả kết quả mới" not in text
    july = render_text(build_notice(NoticeKind.APOLOGY, _late_twice(date(2025, 7, 10))))
    assert july.startswith("Mẫu số 04 - PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ")
    assert "chuyển tiếp" in july
    with pytest.raises(InvalidInputError, match="apology"):
        build_notice(NoticeKind.EXTENSION, _late_twice(date(2025, 7, 10)))
