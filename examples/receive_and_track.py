"""Receive a birth registration at a commune desk, request a supplement, resolve, return.

Run: python examples/receive_and_track.py

The desk receives the dossier at 14:20 on Friday 26/04/2024 (the day before the 2024 swap:
Saturday 04/05 is a make-up working day and 29/04-01/05 are days off). The birth
registration's term for the in-person channel is "same day; after 15:00 the next working
day" (Luật Hộ tịch 2014 Art. 16; the 15:00 cut-off as published locally), so the receipt
slip's appointment is 17:00 the same day. The officer finds the birth certificate missing
at 14:40 and asks for it at intake (form 02): the clock restarts when the complete dossier
arrives, on Thursday 02/05 at 15:10, after the cut-off, so the new due instant is the close
of the next working day.
"""

from __future__ import annotations

from datetime import datetime

from motcua import (
    Dossier,
    InMemoryCounter,
    Received,
    Resolved,
    ResultReturned,
    Stage,
    SupplementReceived,
    SupplementRequested,
    Transferred,
    issue_dossier_code,
    sample_catalogue,
)

catalogue = sample_catalogue()
birth = catalogue.get("1.001193")
counter = InMemoryCounter()  # in production: a database-backed DossierCounter

received_at = datetime(2024, 4, 26, 14, 20)
code = issue_dossier_code("000.21.48.H48", received_at, counter)
dossier = Dossier.open(
    code,
    birth,
    channel=1,
    first=Received(received_at),
    applicant="Nguyễn Thị Lan",
    subject="Đăng ký khai sinh cho con Trần Minh An",
)
due = dossier.due()
assert due is not None
print(f"Mã hồ sơ: {dossier.code}")
print(f"Thủ tục: {birth.name} ({birth.code}), thời hạn: {dossier.limit}")
print(f"Giấy tiếp nhận: nhận {received_at:%H:%M %d/%m/%Y}, hẹn trả {due.at:%H:%M %d/%m/%Y}")

dossier = dossier.apply(
    SupplementRequested(
        datetime(2024, 4, 26, 14, 40),
        Stage.INTAKE,
        "Thiếu giấy chứng sinh",
        ("Giấy chứng sinh (bản chính)",),
    )
)
print(f"Trạng thái: {dossier.status.code} {dossier.status.vi}")

dossier = dossier.apply(SupplementReceived(datetime(2024, 5, 2, 15, 10)))
due = dossier.due()
assert due is not None
print(
    f"Nhận đủ hồ sơ {dossier.clock_started_at:%H:%M %d/%m/%Y}: hẹn trả mới {due.at:%H:%M %d/%m/%Y}"
)

dossier = dossier.apply(Transferred(datetime(2024, 5, 2, 15, 30), "Công chức tư pháp - hộ tịch"))
dossier = dossier.apply(Resolved(datetime(2024, 5, 3, 9, 45)))
dossier = dossier.apply(ResultReturned(datetime(2024, 5, 3, 10, 0)))
timeliness = dossier.timeliness()
assert timeliness is not None
print(f"Trạng thái: {dossier.status.code} {dossier.status.vi}")
print(f"Kết quả: {timeliness.vi} ({timeliness.value})")
