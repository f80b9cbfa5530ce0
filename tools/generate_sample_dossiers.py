"""Write examples/data/dossiers.jsonl: realistic dossiers received in the first half of 2024.

Each scenario is written out by hand (who, which procedure, which channel, what happened
when) and built through motcua's own lifecycle, so every history is one the transition
table allows; the expected timeliness of each is asserted here, so the file cannot drift
from what the library computes. Run from the repository root:

    python tools/generate_sample_dossiers.py          # rewrite the file
    python tools/generate_sample_dossiers.py --check  # exit 1 if the file is out of date
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import attrs

from motcua import (
    DelayNotified,
    Dossier,
    DossierCode,
    InMemoryCounter,
    Level,
    ObligationFulfilled,
    ObligationRequested,
    Received,
    Refused,
    Resolved,
    ResultReturned,
    ReturnMethod,
    Stage,
    Stopped,
    Submitted,
    SupplementReceived,
    SupplementRequested,
    Transferred,
    WithdrawalRequested,
    WorkingHours,
    issue_dossier_code,
)
from motcua.domain.dossiers import DigitalFacts
from motcua.serialization.catalogues import sample_catalogue
from motcua.serialization.dossiers import dumps_jsonl

OUT = Path(__file__).resolve().parent.parent / "examples" / "data" / "dossiers.jsonl"

#: Agency identifiers (QCVN 102:2016 form) of the units in the story (Quảng Ngãi, H48).
COMMUNE = "000.21.48.H48"  # UBND xã (one-stop desk)
COMMUNE_POLICE = "000.31.48.H48"  # Công an xã
DISTRICT = "000.00.48.H48"  # UBND huyện (one-stop desk), until 2025-06-30
PROVINCE_DKKD = "000.00.05.H48"  # Phòng Đăng ký kinh doanh (provincial)

COUNTER = InMemoryCounter()
CATALOGUE = sample_catalogue()


def t(text: str) -> datetime:
    """Parse 'YYYY-MM-DD HH:MM' as Vietnam time."""
    return datetime.strptime(text, "%Y-%m-%d %H:%M")


def start(
    agency: str,
    procedure: str,
    channel: int,
    first: Submitted | Received,
    applicant: str,
    subject: str,
    *,
    received: datetime | None = None,
    case: str | None = None,
    level: Level | None = None,
) -> Dossier:
    """Open a dossier whose code is issued for the receipt day (or the submission day)."""
    day = received or first.at
    code: DossierCode = issue_dossier_code(agency, day, COUNTER)
    return Dossier.open(
        code,
        CATALOGUE.get(procedure),
        channel,
        first,
        case=case,
        applicant=applicant,
        subject=subject,
        level=level,
    )


def run(d: Dossier, *events: object) -> Dossier:
    """Append the events in order."""
    for e in events:
        d = d.apply(e)  # type: ignore[arg-type]
    return d


Scenario = Callable[[], tuple[Dossier, str | None]]


def scenarios() -> list[tuple[Dossier, str | None]]:
    """Return (dossier, expected final timeliness or None) for every scenario."""
    out: list[tuple[Dossier, str | None]] = []

    # 1. Birth registration at the commune desk, done within the hour.
    d = start(
        COMMUNE,
        "1.001193",
        1,
        Received(t("2024-01-03 09:10")),
        "Nguyễn Văn An",
        "Đăng ký khai sinh cho con Nguyễn Minh Khang",
    )
    out.append(
        (run(d, Resolved(t("2024-01-03 10:30")), ResultReturned(t("2024-01-03 10:40"))), "on_time")
    )

    # 2. Birth registration online, received after the 15:00 cut-off: due next working day.
    d = start(
        COMMUNE,
        "1.001193",
        2,
        Submitted(t("2024-01-05 16:20")),
        "Trần Thị Bình",
        "Đăng ký khai sinh cho con Lê Gia Hân",
        received=t("2024-01-05 16:40"),
    )
    out.append(
        (
            run(
                d,
                Received(t("2024-01-05 16:40")),
                Resolved(t("2024-01-08 09:30")),
                ResultReturned(t("2024-01-08 09:35"), ReturnMethod.ONLINE),
            ),
            "on_time",
        )
    )

    # 3. Birth registration by post; result returned by post.
    d = start(
        COMMUNE,
        "1.001193",
        3,
        Submitted(t("2024-01-08 14:00")),
        "Phạm Văn Cường",
        "Đăng ký khai sinh cho con Phạm Bảo Ngọc",
        received=t("2024-01-09 08:30"),
    )
    out.append(
        (
            run(
                d,
                Received(t("2024-01-09 08:30")),
                Resolved(t("2024-01-09 11:00")),
                ResultReturned(t("2024-01-10 09:00"), ReturnMethod.POST),
            ),
            "on_time",
        )
    )

    # 4. Marriage needing verification (5 working days), finished early.
    d = start(
        COMMUNE,
        "1.000894",
        1,
        Received(t("2024-01-15 09:00")),
        "Võ Minh Đức",
        "Đăng ký kết hôn Võ Minh Đức - Huỳnh Thị Lan",
        case="Cần xác minh điều kiện kết hôn",
    )
    out.append(
        (
            run(
                d,
                Transferred(t("2024-01-15 09:30"), "Công chức tư pháp - hộ tịch"),
                Resolved(t("2024-01-19 10:00")),
                ResultReturned(t("2024-01-22 08:30")),
            ),
            "early",
        )
    )

    # 5. Death registration, resolved, result not yet collected (status 9).
    d = start(
        COMMUNE,
        "1.000656",
        1,
        Received(t("2024-02-19 14:00")),
        "Đặng Thị Hoa",
        "Đăng ký khai tử cho ông Đặng Văn Tư",
    )
    out.append((run(d, Resolved(t("2024-02-19 14:30"))), "on_time"))

    # 6. Certified copy requested after 15:00: due at the close of the next working day.
    d = start(
        DISTRICT,
        "2.000815",
        1,
        Received(t("2024-03-04 15:20")),
        "Bùi Quốc Hưng",
        "Chứng thực 3 bản sao bằng tốt nghiệp",
        level=Level.DISTRICT,
    )
    out.append(
        (run(d, Resolved(t("2024-03-05 08:30")), ResultReturned(t("2024-03-05 08:35"))), "on_time")
    )

    # 7. Signature certification finished the next morning: late, and no apology letter.
    d = start(
        DISTRICT,
        "2.000884",
        1,
        Received(t("2024-03-14 10:00")),
        "Ngô Thị Mai",
        "Chứng thực chữ ký trên giấy ủy quyền",
        level=Level.DISTRICT,
    )
    out.append(
        (run(d, Resolved(t("2024-03-15 09:00")), ResultReturned(t("2024-03-15 09:10"))), "late")
    )

    # 8. Permanent residence online: supplement during appraisal (the wait is not counted).
    d = start(
        COMMUNE_POLICE,
        "1.004222",
        2,
        Submitted(t("2024-02-26 21:00")),
        "Lý Văn Hải",
        "Đăng ký thường trú tại thôn An Hòa",
        received=t("2024-02-27 08:30"),
    )
    out.append(
        (
            run(
                d,
                Received(t("2024-02-27 08:30")),
                Transferred(t("2024-02-27 09:00"), "Công an xã", WorkingHours(40)),
                SupplementRequested(
                    t("2024-02-29 10:00"),
                    Stage.APPRAISAL,
                    "Thiếu giấy tờ chứng minh chỗ ở hợp pháp",
                    ("Hợp đồng thuê nhà có công chứng",),
                ),
                SupplementReceived(t("2024-03-04 09:00")),
                Resolved(t("2024-03-07 15:00")),
                ResultReturned(t("2024-03-07 15:05"), ReturnMethod.ONLINE),
            ),
            "early",
        )
    )

    # 9. Permanent residence at the desk: open on 2024-03-14, finished early on 19/03.
    d = start(
        COMMUNE_POLICE,
        "1.004222",
        1,
        Received(t("2024-03-11 10:00")),
        "Hồ Thị Thu",
        "Đăng ký thường trú cho con",
    )
    out.append(
        (
            run(
                d,
                Transferred(t("2024-03-11 10:30"), "Công an xã"),
                Resolved(t("2024-03-19 16:00")),
                ResultReturned(t("2024-03-20 08:00")),
            ),
            "early",
        )
    )

    # 10. Temporary residence online: supplement at intake, clock starts on the complete file.
    d = start(
        COMMUNE_POLICE,
        "1.004194",
        2,
        Submitted(t("2024-03-12 20:00")),
        "Mai Văn Tài",
        "Đăng ký tạm trú tại tổ 5",
        received=t("2024-03-15 08:00"),
    )
    out.append(
        (
            run(
                d,
                SupplementRequested(
                    t("2024-03-13 09:00"),
                    Stage.INTAKE,
                    "Tờ khai CT01 chưa có chữ ký chủ hộ",
                    ("CT01",),
                ),
                SupplementReceived(t("2024-03-14 16:00")),
                Received(t("2024-03-15 08:00")),
                Transferred(t("2024-03-15 08:30"), "Công an xã"),
                Resolved(t("2024-03-19 10:00")),
                ResultReturned(t("2024-03-19 10:05"), ReturnMethod.ONLINE),
            ),
            "on_time",
        )
    )

    # 11. Temporary residence stuck in processing: open on 2024-03-14 and still on 2024-06-14.
    d = start(
        COMMUNE_POLICE,
        "1.004194",
        1,
        Received(t("2024-03-13 14:00")),
        "Trịnh Văn Long",
        "Đăng ký tạm trú tại khu tập thể",
    )
    out.append((run(d, Transferred(t("2024-03-13 14:30"), "Công an xã")), None))

    # 12. Household business at the district desk, finished exactly at the due instant.
    d = start(
        DISTRICT,
        "1.001612",
        1,
        Received(t("2024-04-01 09:00")),
        "Dương Thị Yến",
        "Đăng ký hộ kinh doanh tạp hóa Yến Nhi",
    )
    out.append(
        (
            run(
                d,
                Transferred(t("2024-04-01 09:15"), "Phòng Tài chính - Kế hoạch", WorkingHours(16)),
                Resolved(t("2024-04-04 09:00")),
                ResultReturned(t("2024-04-05 08:00")),
            ),
            "on_time",
        )
    )

    # 13. Household business online with a financial obligation (the wait is not counted).
    d = start(
        DISTRICT,
        "1.001612",
        2,
        Received(t("2024-04-08 10:00")),
        "Tạ Văn Phúc",
        "Đăng ký hộ kinh doanh quán cà phê Phúc",
    )
    out.append(
        (
            run(
                d,
                Transferred(t("2024-04-08 10:30"), "Phòng Tài chính - Kế hoạch"),
                ObligationRequested(t("2024-04-09 10:00"), "Nộp lệ phí đăng ký hộ kinh doanh"),
                ObligationFulfilled(t("2024-04-10 15:00")),
                Resolved(t("2024-04-12 14:00")),
                ResultReturned(t("2024-04-12 14:10"), ReturnMethod.ONLINE),
            ),
            "on_time",
        )
    )

    # 14. Private enterprise online through two agencies (liên thông), late with an apology.
    d = start(
        PROVINCE_DKKD,
        "2.001610",
        2,
        Received(t("2024-04-15 08:00")),
        "Lâm Quốc Bảo",
        "Đăng ký thành lập DNTN Bảo Lâm",
    )
    out.append(
        (
            run(
                d,
                Transferred(t("2024-04-15 08:30"), "Phòng Đăng ký kinh doanh", WorkingHours(16)),
                Transferred(
                    t("2024-04-16 14:00"),
                    "Cục Thuế tỉnh",
                    WorkingHours(8),
                    from_agency="Phòng Đăng ký kinh doanh",
                ),
                DelayNotified(
                    t("2024-04-17 08:00"),
                    t("2024-04-23 17:00"),
                    "Chờ Cục Thuế cấp mã số thuế",
                    "Hệ thống cấp mã số thuế gián đoạn ngày 16-17/4",
                ),
                Resolved(t("2024-04-23 10:00")),
                ResultReturned(t("2024-04-23 10:30"), ReturnMethod.ONLINE),
            ),
            "late",
        )
    )

    # 15. Private enterprise by post, result by post, early.
    d = start(
        PROVINCE_DKKD,
        "2.001610",
        3,
        Submitted(t("2024-05-03 15:00")),
        "Châu Văn Kiệt",
        "Đăng ký thành lập DNTN Kiệt Châu",
        received=t("2024-05-06 09:00"),
    )
    out.append(
        (
            run(
                d,
                Received(t("2024-05-06 09:00")),
                Transferred(t("2024-05-06 09:30"), "Phòng Đăng ký kinh doanh"),
                Resolved(t("2024-05-08 11:00")),
                ResultReturned(t("2024-05-10 09:00"), ReturnMethod.POST),
            ),
            "early",
        )
    )

    # 16. Private enterprise withdrawn by the applicant, then stopped (status 8).
    d = start(
        PROVINCE_DKKD,
        "2.001610",
        1,
        Received(t("2024-05-13 09:00")),
        "Kiều Thị Nga",
        "Đăng ký thành lập DNTN Nga Kiều",
    )
    out.append(
        (
            run(
                d,
                Transferred(t("2024-05-13 09:30"), "Phòng Đăng ký kinh doanh"),
                WithdrawalRequested(t("2024-05-14 10:00"), "Đổi sang thành lập công ty TNHH"),
                Stopped(t("2024-05-14 15:00"), "Theo yêu cầu rút hồ sơ"),
            ),
            None,
        )
    )

    # 17. Birth registration refused at intake (status 3).
    d = start(
        COMMUNE,
        "1.001193",
        1,
        Submitted(t("2024-05-20 09:00")),
        "Quách Văn Sơn",
        "Đăng ký khai sinh (nơi cư trú ngoài địa bàn)",
    )
    out.append(
        (
            run(
                d,
                Refused(
                    t("2024-05-20 09:15"),
                    "Không thuộc thẩm quyền: trẻ sinh ra và cư trú ở tỉnh khác",
                ),
            ),
            None,
        )
    )

    # 18. Marriage online, general case: same day.
    d = start(
        COMMUNE,
        "1.000894",
        2,
        Submitted(t("2024-06-03 22:00")),
        "Đỗ Thành Nam",
        "Đăng ký kết hôn Đỗ Thành Nam - Vũ Thị Hạnh",
        received=t("2024-06-04 08:15"),
    )
    out.append(
        (run(d, Received(t("2024-06-04 08:15")), Resolved(t("2024-06-04 16:00"))), "on_time")
    )

    # 19. Permanent residence online, waiting for a supplement on 2024-06-14 (status 5).
    d = start(
        COMMUNE_POLICE,
        "1.004222",
        2,
        Received(t("2024-06-10 08:30")),
        "Cao Thị Duyên",
        "Đăng ký thường trú về nhà chồng",
    )
    out.append(
        (
            run(
                d,
                Transferred(t("2024-06-10 09:00"), "Công an xã"),
                SupplementRequested(
                    t("2024-06-12 09:00"), Stage.APPRAISAL, "Thiếu văn bản đồng ý của chủ hộ"
                ),
            ),
            None,
        )
    )

    # 20. Temporary residence just received on 2024-06-13 (status 2).
    d = start(
        COMMUNE_POLICE,
        "1.004194",
        1,
        Received(t("2024-06-13 14:00")),
        "La Văn Thắng",
        "Đăng ký tạm trú cho lao động thời vụ",
    )
    out.append((d, None))

    # 21. Certified copies at the commune, returned within half an hour.
    d = start(
        COMMUNE,
        "2.000815",
        1,
        Received(t("2024-06-14 09:00")),
        "Lưu Thị Kim",
        "Chứng thực bản sao sổ hộ khẩu",
        level=Level.COMMUNE,
    )
    out.append(
        (run(d, Resolved(t("2024-06-14 09:20")), ResultReturned(t("2024-06-14 09:25"))), "on_time")
    )

    # 22. Private enterprise online, late and no apology letter (status 9).
    d = start(
        PROVINCE_DKKD,
        "2.001610",
        2,
        Received(t("2024-06-17 08:00")),
        "Tôn Nữ Hằng",
        "Đăng ký thành lập DNTN Hằng Tôn",
    )
    out.append(
        (
            run(
                d,
                Transferred(t("2024-06-17 08:30"), "Phòng Đăng ký kinh doanh"),
                Resolved(t("2024-06-21 16:00")),
            ),
            "late",
        )
    )

    # 23. Household business at the desk, supplement at intake after receipt: the clock
    #     restarts on the complete dossier; Tết 2024 (08-14/02) is not counted.
    d = start(
        DISTRICT,
        "1.001612",
        1,
        Received(t("2024-02-01 09:00")),
        "Thái Văn Hòa",
        "Đăng ký hộ kinh doanh sửa xe Hòa Thái",
    )
    out.append(
        (
            run(
                d,
                SupplementRequested(
                    t("2024-02-01 15:00"), Stage.INTAKE, "Thiếu bản sao giấy tờ pháp lý của chủ hộ"
                ),
                SupplementReceived(t("2024-02-05 10:00")),
                Transferred(t("2024-02-05 10:30"), "Phòng Tài chính - Kế hoạch"),
                Resolved(t("2024-02-15 09:00")),
                ResultReturned(t("2024-02-16 09:00")),
            ),
            "on_time",
        )
    )

    # 24. Permanent residence at the desk, late with an apology issued in time.
    d = start(
        COMMUNE_POLICE,
        "1.004222",
        1,
        Received(t("2024-05-20 09:00")),
        "Phan Văn Tú",
        "Đăng ký thường trú theo diện nhập hộ",
    )
    out.append(
        (
            run(
                d,
                Transferred(t("2024-05-20 09:30"), "Công an xã"),
                DelayNotified(
                    t("2024-05-27 09:00"),
                    t("2024-06-03 17:00"),
                    "Cần xác minh nơi cư trú cũ",
                    "Công an nơi cư trú cũ chưa phản hồi",
                ),
                Resolved(t("2024-06-03 10:00")),
                ResultReturned(t("2024-06-04 08:00")),
            ),
            "late",
        )
    )
    return out


def with_facts(d: Dossier) -> Dossier:
    """Add the electronic-handling facts by simple, stated rules (for the 766 indicators).

    Fee-bearing when the channel's term has a fee that is not zero; paid online when
    fee-bearing and submitted online; digitised unless received at the desk of a commune;
    an electronic result when the result was returned online (unknown while unresolved).
    """
    term = CATALOGUE.get(d.procedure).term(d.channel, d.case or None)
    fee_bearing = any(f.amount != 0 for f in term.fees)
    returned = d.return_event
    electronic = (
        None
        if d.resolved_at is None
        else (returned is not None and returned.method is ReturnMethod.ONLINE)
    )
    facts = DigitalFacts(
        fee_bearing=fee_bearing,
        paid_online=fee_bearing and d.channel.value == 2,
        digitized=not (d.channel.value == 1 and str(d.code.agency) == COMMUNE),
        electronic_result=electronic,
    )
    return attrs.evolve(d, facts=facts)


def build() -> str:
    """Check every scenario's expected timeliness; return the JSON Lines text."""
    rows = [(with_facts(d), expected) for d, expected in scenarios()]
    for dossier, expected in rows:
        got = dossier.timeliness()
        value = None if got is None else got.value
        if value != expected:
            msg = f"{dossier.code}: expected timeliness {expected}, got {value}"
            raise SystemExit(msg)
    return dumps_jsonl(d for d, _ in rows)


def main(argv: list[str]) -> int:
    """Write (or with --check, compare) the sample file."""
    text = build()
    if "--check" in argv:
        if OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT} is out of date: run python tools/generate_sample_dossiers.py")
            return 1
        return 0
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({text.count(chr(10))} dossiers)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
