"""Write realistic synthetic dossiers over 2024 as JSON Lines, for the report benchmark.

    python benchmarks/generate_dossiers.py --count 1000000 --out /tmp/dossiers.jsonl

Every record is a lawful history. The procedures, channels and time limits come from the
sample catalogue. Receipts fall in office hours on 2024's working days. The mix covers all
three channels and every outcome:

- about 10 % of dossiers get a supplement request during appraisal;
- about 4 % get a supplement request at intake;
- about 5 % wait on a financial obligation;
- about 3 % get an apology letter;
- about 2 % are withdrawn and stopped;
- those received in December may still be open at year end;
- resolutions are spread so that some dossiers are early, some on time and some late.

With ``--odd FRACTION`` (default 0.05), that share of the records is written in forms that
are valid but unusual, so that a report's fall-back from the fast reader to the strict one
is measured (benchmarks/bench_report.py reports the share that falls back):

- every instant in UTC with ``Z``, or at another offset (``+09:00``, ``-05:00``): the same
  instants written differently;
- naive instants (no offset: Vietnam time, ADR 0002);
- fractional seconds (``.250`` or ``.250000``);
- another time limit: working hours, calendar days or months, with a counting rule named;
- the record's own lifecycle policy (the scan reader leaves those to the full reader; the
  report kernel structures each distinct policy once, ADR 0025);
- a term that starts elsewhere than on the complete dossier (``starts``: the submission, or
  the payment, ADR 0024).

The output is deterministic for a given --seed.
"""

from __future__ import annotations

import argparse
import json
import random
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any

from motcua import Channel, NoTimeLimit, sample_catalogue, vietnam_calendar
from motcua.serialization.limits import limit_to_json

AGENCIES = [f"000.{a:02d}.{b:02d}.H48" for a in range(20, 30) for b in range(40, 50)]


def _iso(at: datetime) -> str:
    return at.isoformat() + "+07:00"


VN = timezone(timedelta(hours=7))
ODD_KINDS = ("utc", "offset", "naive", "fraction", "limit", "policy", "starts")


def _rewrite_instants(record: dict[str, Any], write: Any) -> None:
    for event in record["events"]:
        for key in ("at", "new_appointment"):
            if key in event:
                event[key] = write(datetime.fromisoformat(event[key]))


def _odd(rng: random.Random, record: dict[str, Any]) -> str:
    """Rewrite *record* in one valid but unusual form; return which."""
    kind = rng.choice(ODD_KINDS)
    if kind == "utc":
        _rewrite_instants(
            record, lambda at: at.astimezone(timezone.utc).isoformat().replace("+00:00", "Z")
        )
    elif kind == "offset":
        zone = timezone(timedelta(hours=rng.choice((9, -5))))
        _rewrite_instants(record, lambda at: at.astimezone(zone).isoformat())
    elif kind == "naive":
        _rewrite_instants(record, lambda at: at.replace(tzinfo=None).isoformat())
    elif kind == "fraction":
        digits = rng.choice((3, 6))
        _rewrite_instants(
            record,
            lambda at: (
                at.replace(tzinfo=None).isoformat(timespec="seconds")
                + (".250" if digits == 3 else ".250000")
                + "+07:00"
            ),
        )
    elif kind == "policy":  # the record's own lifecycle policy
        record["policy"] = rng.choice(
            (
                {"max_reschedules": 2, "exclude_obligation": True},
                {"intake_supplement_restarts": False, "exclude_appraisal_supplement": False},
            )
        )
    elif kind == "starts":  # where the term's time starts (both are lawful for any log)
        record["starts"] = rng.choice(("submission", "payment"))
    else:
        unit, rule = rng.choice(
            (
                ({"unit": "working_hours", "count": rng.randrange(4, 40)}, "working-time"),
                ({"unit": "calendar_days", "count": rng.randrange(1, 30)}, "calendar-days"),
                ({"unit": "months", "count": rng.randrange(1, 3)}, "months"),
            )
        )
        record["limit"] = unit
        record["rule"] = rule
    return kind


def _record(
    rng: random.Random,
    procedure: Any,
    term: Any,
    day: date,
    agency: str,
    n: int,
    calendar: Any,
) -> dict[str, object]:
    minute = rng.randrange(8 * 60, 16 * 60 + 30)
    received = datetime.combine(day, time()) + timedelta(minutes=minute)
    events: list[dict[str, object]] = []
    if term.channel is not Channel.IN_PERSON:
        submitted = received - timedelta(minutes=rng.randrange(10, 3000))
        events.append({"type": "submitted", "at": _iso(submitted)})
    if rng.random() < 0.04 and term.channel is Channel.ONLINE:
        events.append({"type": "supplement_requested", "at": _iso(received), "stage": "intake"})
        received += timedelta(hours=rng.randrange(2, 72))
        events.append({"type": "supplement_received", "at": _iso(received)})
    events.append({"type": "received", "at": _iso(received)})
    at = received + timedelta(minutes=rng.randrange(5, 90))
    events.append({"type": "transferred", "at": _iso(at), "to_agency": "Bộ phận chuyên môn"})
    roll = rng.random()
    if roll < 0.15:
        kind = "supplement" if roll < 0.10 else "obligation"
        at += timedelta(hours=rng.randrange(1, 30))
        first, second = (
            ("supplement_requested", "supplement_received")
            if kind == "supplement"
            else ("obligation_requested", "obligation_fulfilled")
        )
        event: dict[str, object] = {"type": first, "at": _iso(at)}
        if kind == "supplement":
            event["stage"] = "appraisal"
        events.append(event)
        at += timedelta(hours=rng.randrange(2, 96))
        events.append({"type": second, "at": _iso(at)})
    if rng.random() < 0.03:
        at += timedelta(hours=rng.randrange(1, 48))
        later = at + timedelta(days=rng.randrange(2, 10))
        events.append(
            {
                "type": "delay_notified",
                "at": _iso(at),
                "new_appointment": _iso(later),
                "reason": "Cần xác minh",
            }
        )
    # Finish within about 0.3-1.4 times the limit, in working days from the last event.
    count = float(getattr(term.limit, "count", 0) or 0)
    days = max(0, round(count * rng.uniform(0.3, 1.4)))
    end_day = calendar.add_working_days(at.date(), days) if days else at.date()
    end = max(at, datetime.combine(end_day, time(rng.randrange(8, 17), rng.randrange(60))))
    if rng.random() < 0.02:
        events.append({"type": "withdrawal_requested", "at": _iso(end)})
        events.append({"type": "stopped", "at": _iso(end + timedelta(hours=2))})
    elif end.year == 2024 or rng.random() < 0.5:
        events.append({"type": "resolved", "at": _iso(end)})
        method = {1: "desk", 2: "online", 3: "post"}[term.channel.value]
        returned = end + timedelta(hours=rng.randrange(1, 40))
        events.append({"type": "result_returned", "at": _iso(returned), "method": method})
    record: dict[str, object] = {
        "code": f"{agency}-{day:%y%m%d}-{n:04d}",
        "procedure": str(procedure.code),
        "channel": term.channel.value,
        "limit": limit_to_json(term.limit),
        "events": events,
    }
    if term.case:
        record["case"] = term.case
    if len(procedure.levels) > 1:
        record["level"] = "commune"
    return record


def main() -> None:
    """Write --count dossiers to --out."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument(
        "--odd", type=float, default=0.05, help="share of valid but unusual records (0-1)"
    )
    args = parser.parse_args()
    rng = random.Random(args.seed)
    calendar = vietnam_calendar()
    days = list(calendar.working_days(date(2024, 1, 2), date(2024, 12, 31)))
    terms = [
        (p, t) for p in sample_catalogue() for t in p.terms if not isinstance(t.limit, NoTimeLimit)
    ]
    serial: dict[tuple[str, date], int] = {}
    written = 0
    odd: dict[str, int] = {}
    with args.out.open("w", encoding="utf-8") as out:
        while written < args.count:
            procedure, term = rng.choice(terms)
            day = rng.choice(days)
            agency = rng.choice(AGENCIES)
            n = serial[(agency, day)] = serial.get((agency, day), 0) + 1
            if n > 9999:
                continue
            record = _record(rng, procedure, term, day, agency, n, calendar)
            if args.odd and rng.random() < args.odd:
                kind = _odd(rng, record)
                odd[kind] = odd.get(kind, 0) + 1
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            written += 1
    print(f"wrote {args.count} dossiers to {args.out}; unusual forms: {odd}")


if __name__ == "__main__":
    main()
