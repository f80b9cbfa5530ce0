"""Every script in examples/ runs and prints what it promises."""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest

EXAMPLES = sorted((Path(__file__).resolve().parent.parent / "examples").glob("*.py"))


def test_examples_exist() -> None:
    assert len(EXAMPLES) >= 2


@pytest.mark.parametrize("script", EXAMPLES, ids=lambda p: p.name)
def test_example_runs(script: Path, capsys: pytest.CaptureFixture[str]) -> None:
    runpy.run_path(str(script), run_name="__main__")
    out = capsys.readouterr().out
    assert out.strip()
    expected = {
        "due_dates.py": [
            "due 09:00 07/05/2024",
            "whole-days: due 24:00 07/05/2024",
            "due 17:00 04/05/2024",
            "(provisional)",
            "with a supplement pause: due 15:00 08/05/2024",
        ],
        "receive_and_track.py": [
            "Mã hồ sơ: 000.21.48.H48-240426-0001",
            "Giấy tiếp nhận: nhận 14:20 26/04/2024, hẹn trả 17:00 26/04/2024",
            "Trạng thái: 5 Yêu cầu bổ sung giấy tờ",
            "Nhận đủ hồ sơ 15:10 02/05/2024: hẹn trả mới 17:00 03/05/2024",
            "Kết quả: Đúng hạn (on_time)",
        ],
        "dask_report.py": [
            "worker processes: 2",
            "received_total: 14",
            "pending_total: 3",
            "same as one pass: True",
        ],
        "compliance_and_notices.py": [
            "compliant.jsonl: 6 dossiers, no violations",
            "violations.jsonl: 11 violations of 11 rules",
            "2 violations in 2 dossiers:",
            "Mẫu số 04 - PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ",
            "Thời gian hẹn trả kết quả mới            : 17 giờ 00 phút, ngày 08/04/2024",
        ],
        "custom_calendar.py": [
            "closed on 05/03/2027: True",
            "desk due:     2027-03-09T10:00+07:00",
            "national due: 2027-03-08T10:00+07:00",
        ],
    }.get(script.name, [])
    for needle in expected:
        assert needle in out
