"""Write examples/data/compliant.jsonl and examples/data/violations.jsonl.

``compliant.jsonl`` holds lawful histories only: ``motcua check`` finds nothing in them.
``violations.jsonl`` holds one dossier per rule, each breaking exactly that rule; the
``subject`` of each names the rule it breaks. Every dossier is built through motcua's own
lifecycle and checked here, so the files cannot drift from the rules. Run from the
repository root:

    python tools/generate_compliance_data.py          # rewrite the files
    python tools/generate_compliance_data.py --check  # exit 1 if they are out of date
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

import attrs

from motcua import (
    DelayNotified,
    Dossier,
    InMemoryCounter,
    Level,
    LifecyclePolicy,
    Received,
    Resolved,
    ResultReturned,
    ReturnMethod,
    Stage,
    Submitted,
    SupplementReceived,
    SupplementRequested,
    Transferred,
    WorkingDays,
    WorkingHours,
    issue_dossier_code,
)
from motcua.analyses.compliance import RULES, check
from motcua.domain.codes import DossierCode
from motcua.domain.procedures import Catalogue
from motcua.serialization.catalogues import sample_catalogue
from motcua.serialization.dossiers import dumps_jsonl

DATA = Path(__file__).resolve().parent.parent / "examples" / "data"
CATALOGUE = sample_catalogue()
# The sample sets no intake-check time; the checks run with one working day on the
# in-person term of 1.004194 (the same catalogue as tests/analyses/test_compliance.py).
_RESIDENCE = CATALOGUE.get("1.004194")
CHECKED = Catalogue(
    tuple(
        attrs.evolve(
            p,
            terms=tuple(
                attrs.evolve(t, intake_check=WorkingDays(1)) if t.channel == 1 else t
                for t in p.terms
            ),
        )
        if p is _RESIDENCE
        else p
        for p in CATALOGUE
    )
)
COUNTER = InMemoryCounter()
AS_RECORDED = LifecyclePolicy(max_reschedules=None)
COMMUNE_POLICE = "000.31.48.H48"
COMMUNE = "000.21.48.H48"
DISTRICT = "000.00.48.H48"
PROVINCE = "000.00.05.H48"


def t(text: str) -> datetime:
    """Parse 'YYYY-MM-DD HH:MM' as Vietnam time."""
    return datetime.strptime(text, "%Y-%m-%d %H:%M")


def dossier(
    agency: str,
    procedure: str,
    channel: int,
    *events: object,
    subject: str,
    received: datetime | None = None,
    level: Level | None = None,
    code: str | None = None,
) -> Dossier:
    """A dossier with the catalogue's terms, its code issued for the receipt day."""
    first = events[0]
    day = received or first.at  # type: ignore[attr-defined]
    issued = DossierCode.parse(code) if code else issue_dossier_code(agency, day, COUNTER)
    d = Dossier.open(
        issued,
        CATALOGUE.get(procedure),
        channel,
        first,  # type: ignore[arg-type]
        subject=subject,
        applicant="Nguyễn Văn Mẫu",
        level=level,
        policy=AS_RECORDED,
    )
    for event in events[1:]:
        d = d.apply(event)  # type: ignore[arg-type]
    return d


def compliant() -> list[Dossier]:
    """Lawful histories under both regimes."""
    return [
        dossier(
            COMMUNE,
            "1.001193",
            1,
            Received(t("2024-03-04 09:00"), appointment=t("2024-03-04 17:00")),
            Resolved(t("2024-03-04 10:00")),
            ResultReturned(t("2024-03-04 10:10")),
            subject="Khai sinh tại quầy, đúng hạn",
        ),
        dossier(
            COMMUNE_POLICE,
            "1.004222",
            2,
            Submitted(t("2024-03-04 20:00")),
            Received(t("2024-03-05 08:30")),
            Transferred(t("2024-03-05 09:00"), "Công an xã"),
            SupplementRequested(t("2024-03-06 09:00"), Stage.APPRAISAL, "Thiếu giấy tờ"),
            SupplementReceived(t("2024-03-07 09:00")),
            Resolved(t("2024-03-12 10:00")),
            ResultReturned(t("2024-03-12 10:05"), ReturnMethod.ONLINE),
            received=t("2024-03-05 08:30"),
            subject="Thường trú trực tuyến, một lần bổ sung",
        ),
        dossier(
            PROVINCE,
            "2.001610",
            1,
            Received(t("2024-04-15 08:00"), appointment=t("2024-04-17 17:00")),
            Transferred(t("2024-04-15 08:00"), "Phòng Đăng ký kinh doanh", WorkingHours(16)),
            Transferred(t("2024-04-17 08:00"), "Bộ phận trả kết quả", WorkingHours(8)),
            Resolved(t("2024-04-17 15:00")),
            ResultReturned(t("2024-04-17 16:00")),
            subject="Doanh nghiệp tư nhân, các bước cộng đủ thời hạn",
        ),
        dossier(
            COMMUNE_POLICE,
            "1.004194",
            1,
            Received(t("2024-05-06 18:30"), appointment=t("2024-05-09 17:00")),
            Resolved(t("2024-05-09 11:00")),
            ResultReturned(t("2024-05-09 11:30")),
            subject="Tạm trú nhận sau giờ làm việc, hẹn đúng",
        ),
        dossier(
            PROVINCE,
            "2.001610",
            2,
            Received(t("2024-06-03 09:00")),
            Transferred(t("2024-06-03 09:30"), "Phòng Đăng ký kinh doanh"),
            DelayNotified(
                t("2024-06-04 09:00"),
                t("2024-06-07 17:00"),
                "Chờ xác minh",
                "Cơ quan thuế chưa phản hồi",
            ),
            Resolved(t("2024-06-07 10:00")),
            ResultReturned(t("2024-06-07 11:00"), ReturnMethod.ONLINE),
            subject="Trễ hạn, có thư xin lỗi đúng thời điểm và giải trình",
        ),
        dossier(
            COMMUNE,
            "1.001193",
            1,
            Received(t("2025-08-04 09:00")),
            Resolved(t("2025-08-04 09:30")),
            ResultReturned(t("2025-08-04 09:35")),
            level=Level.COMMUNE,
            subject="Sau cải cách hai cấp, cấp xã",
        ),
    ]


def violations() -> list[tuple[str, Dossier]]:
    """One dossier per rule, each breaking exactly that rule."""
    return [
        (
            "appointment",
            dossier(
                COMMUNE_POLICE,
                "1.004222",
                1,
                Received(t("2024-03-11 10:00"), appointment=t("2024-03-20 11:00")),
                Resolved(t("2024-03-19 10:00")),
                ResultReturned(t("2024-03-19 11:00")),
                subject="appointment: hẹn trả muộn hơn thời hạn luật định",
            ),
        ),
        (
            "apology",
            dossier(
                COMMUNE_POLICE,
                "1.004194",
                1,
                Received(t("2024-03-11 10:00")),
                Transferred(t("2024-03-11 10:30"), "Công an xã"),
                Resolved(t("2024-03-18 15:00")),
                subject="apology: trễ hạn, không có thư xin lỗi",
            ),
        ),
        (
            "reschedule",
            dossier(
                PROVINCE,
                "2.001610",
                1,
                Received(t("2024-04-01 08:00")),
                Transferred(t("2024-04-01 08:30"), "Phòng ĐKKD"),
                DelayNotified(
                    t("2024-04-01 09:00"), t("2024-04-05 17:00"), "Xác minh", "Giải trình"
                ),
                DelayNotified(
                    t("2024-04-02 09:00"), t("2024-04-08 17:00"), "Xác minh", "Giải trình"
                ),
                Resolved(t("2024-04-03 10:00")),
                ResultReturned(t("2024-04-03 11:00")),
                subject="reschedule: hẹn lại hai lần",
            ),
        ),
        (
            "supplement-once",
            dossier(
                COMMUNE_POLICE,
                "1.004222",
                1,
                Received(t("2024-05-06 08:00")),
                Transferred(t("2024-05-06 08:30"), "Công an xã"),
                SupplementRequested(t("2024-05-07 09:00"), Stage.APPRAISAL, "Thiếu giấy tờ"),
                SupplementReceived(t("2024-05-08 09:00")),
                SupplementRequested(t("2024-05-09 09:00"), Stage.APPRAISAL, "Thiếu giấy tờ khác"),
                SupplementReceived(t("2024-05-10 09:00")),
                Resolved(t("2024-05-14 09:00")),
                ResultReturned(t("2024-05-14 09:30")),
                subject="supplement-once: hai lần yêu cầu bổ sung khi thẩm định",
            ),
        ),
        (
            "online-8h",
            dossier(
                COMMUNE_POLICE,
                "1.004222",
                2,
                Submitted(t("2024-05-06 08:00")),
                Received(t("2024-05-08 09:00")),
                Transferred(t("2024-05-08 09:30"), "Công an xã"),
                Resolved(t("2024-05-15 09:00")),
                ResultReturned(t("2024-05-15 10:00"), ReturnMethod.ONLINE),
                received=t("2024-05-08 09:00"),
                subject="online-8h: tiếp nhận sau hơn 8 giờ làm việc",
            ),
        ),
        (
            "return-by-appointment",
            dossier(
                COMMUNE,
                "2.000884",
                1,
                Received(t("2024-06-10 09:00")),
                Resolved(t("2024-06-10 10:00")),
                ResultReturned(t("2024-06-11 09:00")),
                level=Level.COMMUNE,
                subject="return-by-appointment: trả kết quả sau ngày hẹn",
            ),
        ),
        (
            "code",
            dossier(
                COMMUNE_POLICE,
                "1.004194",
                2,
                Submitted(t("2024-06-10 19:00")),
                Received(t("2024-06-11 08:00")),
                Resolved(t("2024-06-12 10:00")),
                ResultReturned(t("2024-06-12 10:30"), ReturnMethod.ONLINE),
                code=f"{COMMUNE_POLICE}-240610-0001",
                subject="code: mã hồ sơ mang ngày nộp, không phải ngày tiếp nhận",
            ),
        ),
        (
            "no-district",
            dossier(
                DISTRICT,
                "2.000815",
                1,
                Received(t("2025-08-04 09:00")),
                Resolved(t("2025-08-04 09:20")),
                ResultReturned(t("2025-08-04 09:25")),
                level=Level.DISTRICT,
                subject="no-district: cấp huyện sau 01/7/2025",
            ),
        ),
        (
            "office-hours",
            dossier(
                COMMUNE_POLICE,
                "1.004194",
                1,
                Received(t("2024-07-01 18:00"), appointment=t("2024-07-03 17:00")),
                Resolved(t("2024-07-04 10:00")),
                ResultReturned(t("2024-07-04 10:30")),
                subject="office-hours: tính cả thời gian ngoài giờ vào thời hạn",
            ),
        ),
        (
            "intake-check",
            dossier(
                COMMUNE_POLICE,
                "1.004194",
                1,
                Submitted(t("2024-05-10 09:00")),
                Received(t("2024-05-14 09:00")),
                Resolved(t("2024-05-16 09:00")),
                ResultReturned(t("2024-05-16 10:00")),
                received=t("2024-05-14 09:00"),
                subject="intake-check: tiếp nhận sau thời hạn kiểm tra hồ sơ",
            ),
        ),
        (
            "receipt-scope",
            attrs.evolve(
                dossier(
                    PROVINCE,
                    "2.001610",
                    1,
                    Received(t("2025-10-06 09:00")),
                    Resolved(t("2025-10-08 09:00")),
                    ResultReturned(t("2025-10-08 10:00")),
                    subject="receipt-scope: trung tâm tỉnh khác tiếp nhận hồ sơ",
                ),
                receiving_unit="46",
                deciding_unit="48",
            ),
        ),
        (
            "step-allotments",
            dossier(
                PROVINCE,
                "2.001610",
                1,
                Received(t("2024-07-01 08:00")),
                Transferred(t("2024-07-01 08:00"), "Phòng Đăng ký kinh doanh", WorkingHours(16)),
                Transferred(t("2024-07-02 08:00"), "Cục Thuế", WorkingHours(16)),
                Resolved(t("2024-07-03 15:00")),
                ResultReturned(t("2024-07-03 16:00")),
                subject="step-allotments: các bước cộng 32 giờ, thời hạn 24 giờ",
            ),
        ),
    ]


def build() -> tuple[str, str]:
    """Check both sets; return the two files' text."""
    good = compliant()
    found = check(good, catalogue=CHECKED)
    if found:
        raise SystemExit("compliant.jsonl would have violations:\n" + "\n".join(map(str, found)))
    bad = violations()
    if sorted(rule for rule, _ in bad) != sorted(rule.id for rule in RULES):
        raise SystemExit("violations.jsonl must have one dossier per rule")
    for rule, d in bad:
        got = sorted({v.rule for v in check(d, catalogue=CHECKED)})
        if got != [rule]:
            raise SystemExit(f"{d.code} should break exactly {rule!r}, breaks {got}")
    return dumps_jsonl(good), dumps_jsonl(d for _, d in bad)


def main(argv: list[str]) -> int:
    """Write (or with --check, compare) the two files."""
    good, bad = build()
    targets = {DATA / "compliant.jsonl": good, DATA / "violations.jsonl": bad}
    if "--check" in argv:
        stale = [p for p, text in targets.items() if p.read_text(encoding="utf-8") != text]
        if stale:
            print(f"out of date: {', '.join(map(str, stale))}")
            return 1
        return 0
    for path, text in targets.items():
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
