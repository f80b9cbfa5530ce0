"""Plain-text notices cannot be forged with line breaks or control characters (task 5)."""

from __future__ import annotations

import re
from datetime import datetime

import attrs
import pytest

import motcua
from motcua import InvalidInputError
from motcua.analyses.compliance import Regime
from motcua.analyses.notices import Notice, NoticeKind, build_book, build_notice, render_text
from motcua.domain.lifecycle import (
    DelayNotified,
    Event,
    Received,
    Refused,
    Stage,
    SupplementRequested,
    Transferred,
)

FORGERIES = [
    "Nguyễn Thị Lan\nThời gian trả kết quả giải quyết hồ sơ : 08 giờ 00 phút, ngày 01/01/2024",
    "Lan\r\nx",
    "Lan\rx",
    "Lan\x0bx",
    "Lan\x0cx",
    "Lan\x85x",  # NEL
    "Lan\u2028x",  # LINE SEPARATOR
    "Lan\u2029x",  # PARAGRAPH SEPARATOR
    "Lan\tx",
    "Lan\x00x",
    "Lan\x1b[2Jx",  # terminal escape
    "Lan\u202ex",  # RIGHT-TO-LEFT OVERRIDE
    "Lan\u200bx",  # ZERO WIDTH SPACE (Cf)
    "Lan\ufeffx",  # BOM
    "Lan\ud800x",  # lone surrogate
]
AT = datetime(2024, 4, 26, 9, 0)


def _dossier(*events: Event, applicant: str = "", subject: str = "") -> motcua.Dossier:
    return motcua.Dossier(
        code="000.21.48.H48-240426-0001",
        procedure="1.001193",
        channel=1,
        limit=motcua.WorkingDays(5),
        events=(Received(AT), *events),
        applicant=applicant,
        subject=subject,
    )


@pytest.mark.parametrize("text", FORGERIES)
@pytest.mark.parametrize("kind", [NoticeKind.RECEIPT, NoticeKind.BOOK])
def test_applicant_with_a_line_break_or_control_is_refused(kind: NoticeKind, text: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        build_notice(kind, _dossier(applicant=text))
    message = str(info.value)
    assert message.startswith("dossier 000.21.48.H48-240426-0001 applicant: expected one line")
    assert "remove U+" in message
    assert "\n" not in message
    assert "\r" not in message


@pytest.mark.parametrize("text", FORGERIES[:3])
def test_subject_is_checked(text: str) -> None:
    with pytest.raises(InvalidInputError, match="subject: expected one line"):
        build_notice(NoticeKind.RECEIPT, _dossier(subject=text))


@pytest.mark.parametrize(
    ("event", "kind", "field"),
    [
        (
            SupplementRequested(AT, Stage.INTAKE, reason="a\nb"),
            NoticeKind.SUPPLEMENT,
            "supplement_requested.reason",
        ),
        (
            SupplementRequested(AT, Stage.INTAKE, items=("CCCD", "Sổ\nhộ khẩu")),
            NoticeKind.SUPPLEMENT,
            "supplement_requested.items[1]",
        ),
        (Refused(AT, reason="x\u2028y"), NoticeKind.REFUSAL, "refused.reason"),
        (Transferred(AT, to_agency="Phòng\nTư pháp"), NoticeKind.CONTROL, "transferred.to_agency"),
        (
            DelayNotified(AT, datetime(2024, 5, 20), reason="a\rb"),
            NoticeKind.APOLOGY,
            "delay_notified.reason",
        ),
        (
            DelayNotified(AT, datetime(2024, 5, 20), explanation="a\x00b"),
            NoticeKind.APOLOGY,
            "delay_notified.explanation",
        ),
    ],
)
def test_event_text_is_checked(event: Event, kind: NoticeKind, field: str) -> None:
    events = (event,)
    if kind is NoticeKind.REFUSAL:
        d = motcua.Dossier(
            code="000.21.48.H48-240426-0001",
            procedure="1.001193",
            channel=2,
            limit=motcua.WorkingDays(5),
            events=(motcua.Submitted(AT), event),
        )
    else:
        d = _dossier(*events)
    with pytest.raises(InvalidInputError, match=re.escape(field) + ": expected one line"):
        build_notice(kind, d)


def test_a_procedure_name_from_the_catalogue_is_checked() -> None:
    good = motcua.sample_catalogue().get("1.001193")
    bad = motcua.Catalogue((attrs.evolve(good, name="Tên\nMẫu số 99"),))
    with pytest.raises(InvalidInputError, match=r"procedure 1\.001193 name: expected one line"):
        build_notice(NoticeKind.RECEIPT, _dossier(), catalogue=bad)
    with pytest.raises(InvalidInputError, match="name: expected one line"):
        build_book([_dossier()], catalogue=bad)


def test_a_notice_built_by_hand_is_checked_too() -> None:
    with pytest.raises(InvalidInputError, match=r"Notice\.fields\['Lý do'\]: expected one line"):
        Notice(NoticeKind.REFUSAL, Regime.DECREE_61_2018, "03", "T", (("Lý do", "a\nb"),))
    with pytest.raises(InvalidInputError, match=r"Notice\.table\[1\]\[0\]: expected one line"):
        Notice(NoticeKind.BOOK, Regime.DECREE_61_2018, "06", "T", (), (("STT",), ("1\n2",)))


def test_ordinary_vietnamese_text_prints_and_each_value_is_one_line() -> None:
    name = "Nguyễn Thị Lan (ông/bà), 12\u00a0Lê Lợi & <Co.>"
    notice = build_notice(NoticeKind.RECEIPT, _dossier(applicant=name, subject="Cấp bản sao"))
    text = render_text(notice)
    line = next(x for x in text.splitlines() if x.startswith("Tổ chức, cá nhân"))
    assert line.endswith(f" : {name}")
    assert len(text.splitlines()) == 3 + len(notice.fields)
