"""Official notices: form numbers per regime, titles, codes, dates and times."""

from __future__ import annotations

from pathlib import Path

import pytest

from motcua import Dossier, InvalidInputError, LifecyclePolicy, read_dossiers, sample_catalogue
from motcua.analyses.compliance import Regime
from motcua.analyses.notices import (
    FORMS,
    NoticeKind,
    build_book,
    build_notice,
    render_html,
    render_text,
)
from motcua.cli import main

DATA = Path(__file__).resolve().parent.parent.parent / "examples" / "data"
SAMPLE = DATA / "dossiers.jsonl"


def _by_code() -> dict[str, Dossier]:
    ds = read_dossiers(SAMPLE, policy=LifecyclePolicy(max_reschedules=None)).records
    return {str(d.code): d for d in ds}


def test_form_numbers_per_regime() -> None:
    assert FORMS[(Regime.DECREE_61_2018, NoticeKind.CONTROL)][0] == "05"
    assert FORMS[(Regime.DECREE_118_2025, NoticeKind.CONTROL)][0] == "06"
    assert FORMS[(Regime.DECREE_61_2018, NoticeKind.BOOK)][0] == "06"
    assert FORMS[(Regime.DECREE_118_2025, NoticeKind.BOOK)][0] == "07"
    assert "ĐỀ NGHỊ GIA HẠN" in FORMS[(Regime.DECREE_118_2025, NoticeKind.APOLOGY)][1]


@pytest.mark.parametrize(
    ("kind", "code", "needles"),
    [
        (
            "receipt",
            "000.21.48.H48-240103-0001",
            [
                "Mẫu số 01 - GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
                "09 giờ 10 phút, ngày 03/01/2024",
                "17 giờ 00 phút, ngày 03/01/2024",
                "Trong ngày (sau 15 giờ 00",
            ],
        ),
        (
            "supplement",
            "000.31.48.H48-240227-0001",
            ["Mẫu số 02 - PHIẾU YÊU CẦU BỔ SUNG", "10:00 29/02/2024", "Hợp đồng thuê nhà"],
        ),
        (
            "refusal",
            "000.21.48.H48-240520-0001",
            ["Mẫu số 03 - PHIẾU TỪ CHỐI", "09:15 20/05/2024", "Không thuộc thẩm quyền"],
        ),
        (
            "apology",
            "000.00.05.H48-240415-0001",
            [
                "Mẫu số 04 - PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ",
                "17 giờ 00 phút, ngày 17/04/2024",
                "17 giờ 00 phút, ngày 23/04/2024",
            ],
        ),
        (
            "control",
            "000.00.05.H48-240415-0001",
            ["Mẫu số 05 - PHIẾU KIỂM SOÁT", "Cục Thuế tỉnh", "14:00 16/04/2024", "Quá hạn"],
        ),
    ],
)
def test_notices_render(kind: str, code: str, needles: list[str]) -> None:
    d = _by_code()[code]
    notice = build_notice(NoticeKind(kind), d, catalogue=sample_catalogue())
    text = render_text(notice)
    for needle in [*needles, code, "(theo Thông tư số 01/2018/TT-VPCP)"]:
        assert needle in text
    page = render_html(notice)
    assert page.startswith("<!DOCTYPE html>")
    assert f"<dd>{code}</dd>" in page


def test_regime_2025_numbers() -> None:
    d = _by_code()["000.00.05.H48-240415-0001"]
    notice = build_notice(NoticeKind.CONTROL, d, regime=Regime.DECREE_118_2025)
    assert render_text(notice).startswith("Mẫu số 06 - PHIẾU KIỂM SOÁT")
    assert "Thông tư số 03/2025/TT-VPCP" in render_text(notice)


def test_book_and_escaping() -> None:
    ds = list(_by_code().values())
    book = build_book(ds, catalogue=sample_catalogue())
    assert len(book.table) == len(ds) + 1
    assert render_text(book).startswith("Mẫu số 06 - SỔ THEO DÕI HỒ SƠ")
    d = _by_code()["000.21.48.H48-240103-0001"]
    import attrs

    tricky = attrs.evolve(d, applicant="<b>An & Bình</b>")
    assert "&lt;b&gt;An &amp; Bình&lt;/b&gt;" in render_html(
        build_notice(NoticeKind.RECEIPT, tricky)
    )


def test_missing_facts_are_errors() -> None:
    d = _by_code()["000.21.48.H48-240103-0001"]
    with pytest.raises(InvalidInputError, match="a supplement request"):
        build_notice(NoticeKind.SUPPLEMENT, d)
    with pytest.raises(InvalidInputError, match="an apology letter"):
        build_notice(NoticeKind.APOLOGY, d)


def test_cli_notice(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["notice", "receipt", str(SAMPLE), "--code", "000.21.48.H48-240103-0001"]) == 0
    assert "GIẤY TIẾP NHẬN" in capsys.readouterr().out
    assert main(["notice", "book", str(SAMPLE), "--format", "html"]) == 0
    assert "<table>" in capsys.readouterr().out
    assert main(["notice", "receipt", str(SAMPLE)]) == 2
    assert "pass --code CODE" in capsys.readouterr().err
    assert main(["notice", "receipt", str(SAMPLE), "--code", "nope"]) == 2
