"""Biểu 06: buckets, identities, merging, chaining, the CLI, and verification of figures."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from motcua import (
    Channel,
    Dossier,
    InvalidInputError,
    LifecyclePolicy,
    Received,
    Resolved,
    Stopped,
    Timeliness,
    Transferred,
    WithdrawalRequested,
    WorkingDays,
    read_dossiers,
    sample_catalogue,
)
from motcua.analyses.periods import parse_period
from motcua.analyses.report import (
    COLUMNS,
    Bieu06,
    Counts,
    Dimension,
    ReportPolicy,
    StoppedAs,
    classify_for_period,
    percent,
    rate,
)
from motcua.analyses.verify import verify_figures, verify_series
from motcua.cli import main
from motcua.serialization.dossiers import dossier_from_json, dossier_to_json, dumps_jsonl
from motcua.serialization.reports import render_report, report_to_json, tally_file
from motcua.testing.strategies import dossiers

ROOT = Path(__file__).resolve().parent.parent.parent
SAMPLE = ROOT / "examples" / "data" / "dossiers.jsonl"
in_2024 = st.lists(dossiers(first_day=date(2023, 11, 1), last_day=date(2024, 12, 31)), max_size=12)
periods = st.sampled_from(["2024-Q1", "2024-Q2", "2024-03", "2024-H1", "2024"]).map(parse_period)


# -- identities, merging, chaining -------------------------------------------------------


@given(in_2024, periods, st.sampled_from([StoppedAs.CLASSIFY, StoppedAs.ON_TIME]))
def test_identities_hold_for_any_data(
    ds: list[Dossier], period: object, stopped: StoppedAs
) -> None:
    acc = Bieu06(period, by=[Dimension.CHANNEL], policy=ReportPolicy(stopped=stopped))  # type: ignore[arg-type]
    report = acc.add_all(ds).result()
    assert report.total.problems() == ()
    for _, counts in report.groups:
        assert counts.problems() == ()
    assert report.dossiers_read == len(ds)


@given(in_2024, st.integers(0, 12), st.integers(0, 12))
def test_merged_partials_equal_the_whole(ds: list[Dossier], i: int, j: int) -> None:
    period = parse_period("2024-Q2")
    cut1, cut2 = sorted((min(i, len(ds)), min(j, len(ds))))
    parts = [ds[:cut1], ds[cut1:cut2], ds[cut2:]]
    accs = [Bieu06(period, by=[Dimension.AGENCY]).add_all(p) for p in parts]
    whole = Bieu06(period, by=[Dimension.AGENCY]).add_all(ds).result()
    a, b, c = accs
    assert ((a + b) + c).result() == whole
    assert (a + (b + c)).result() == whole
    assert (c + a + b).result() == whole
    state = Bieu06(period, by=[Dimension.AGENCY])
    for acc in accs:
        state.load_state(acc.state())
    assert state.result() == whole


@given(in_2024, st.sampled_from(["2024-02", "2024-Q2", "2024-H2", "2024-Q4"]))
def test_consecutive_periods_chain(ds: list[Dossier], spec: str) -> None:
    period = parse_period(spec)
    now = Bieu06(period).add_all(ds).result().total
    before = Bieu06(period.previous()).add_all(ds).result().total
    assert now.carried_over == before.pending_total


def test_merge_refuses_different_reports() -> None:
    with pytest.raises(InvalidInputError, match="same period"):
        Bieu06(parse_period("2024-Q1")) + Bieu06(parse_period("2024-Q2"))
    with pytest.raises(InvalidInputError, match="Catalogue when grouping"):
        Bieu06(parse_period("2024-Q1"), by=[Dimension.FIELD])


# -- buckets ------------------------------------------------------------------------------


def _dossier(*events: object) -> Dossier:
    return Dossier(
        code="000.00.53.H48-240301-0001",
        procedure="1.004222",
        channel=2,
        limit=WorkingDays(3),
        events=events,  # type: ignore[arg-type]
    )


def test_buckets_golden() -> None:
    q1 = parse_period("2024-Q1")  # 15/12/2023-14/03/2024
    received = Received(datetime(2024, 3, 1, 9, 0))  # due 06/03 09:00
    place = classify_for_period(_dossier(received), q1)
    assert place is not None
    assert (place.carried, place.new_channel, place.resolved, place.pending) == (
        False,
        Channel.ONLINE,
        None,
        Timeliness.OVERDUE,
    )
    on_time = _dossier(received, Resolved(datetime(2024, 3, 6, 8, 0)))
    assert classify_for_period(on_time, q1).resolved.value == "on_time"  # type: ignore[union-attr]
    after = _dossier(received, Resolved(datetime(2024, 3, 20, 8, 0)))
    q2 = parse_period("2024-Q2")
    placed = classify_for_period(after, q2)
    assert placed is not None
    assert (placed.carried, placed.resolved.value) == (True, "late")  # type: ignore[union-attr]
    assert classify_for_period(on_time, q2) is None  # finished before Q2
    # A withdrawal stopped after the due instant: late under the 766 formula, on time under
    # the Thanh Hóa export.
    stopped = _dossier(
        received,
        Transferred(datetime(2024, 3, 1, 10, 0), "Công an xã"),
        WithdrawalRequested(datetime(2024, 3, 7, 9, 0)),
        Stopped(datetime(2024, 3, 7, 10, 0)),
    )
    assert classify_for_period(stopped, q1).resolved.value == "late"  # type: ignore[union-attr]
    thanh_hoa = ReportPolicy(stopped=StoppedAs.ON_TIME)
    assert classify_for_period(stopped, q1, policy=thanh_hoa).resolved.value == "on_time"  # type: ignore[union-attr]


def test_sample_quarters_golden() -> None:
    ds = read_dossiers(SAMPLE).records
    q1 = Bieu06(parse_period("2024-Q1")).add_all(ds).result().total
    q2 = Bieu06(parse_period("2024-Q2")).add_all(ds).result().total
    assert q1.as_tuple() == (11, 2, 9, 0, 8, 2, 6, 0, 3, 2, 1)
    assert q2.as_tuple() == (14, 5, 6, 3, 11, 3, 5, 3, 3, 2, 1)
    assert q2.carried_over == q1.pending_total


def test_grouping_by_level_and_field() -> None:
    ds = read_dossiers(SAMPLE).records
    report = (
        Bieu06(
            parse_period("2024-H1"),
            by=[Dimension.LEVEL, Dimension.FIELD],
            catalogue=sample_catalogue(),
        )
        .add_all(ds)
        .result()
    )
    keys = [k for k, _ in report.groups]
    assert ("district", "Chứng thực") in keys
    assert ("province", "Thành lập và hoạt động doanh nghiệp") in keys
    total = Counts()
    for _, c in report.groups:
        total += c
    assert total == report.total


def test_level_is_needed_for_multi_level_procedures() -> None:
    d = Dossier(
        code="000.00.53.H48-240301-0001",
        procedure="2.000815",
        channel=1,
        limit=WorkingDays(1),
        events=(Received(datetime(2024, 3, 1, 9)),),
    )
    acc = Bieu06(parse_period("2024-Q1"), by=[Dimension.LEVEL], catalogue=sample_catalogue())
    with pytest.raises(InvalidInputError, match="record the level on the dossier"):
        acc.add(d)


def test_rates_and_rounding() -> None:
    assert rate(0, 0) is None
    assert percent(rate(2, 3)) == percent(rate(4, 6))
    assert str(percent(rate(1, 8))) == "12.50"
    assert str(percent(rate(1, 200), 1)) == "0.5"  # half-up
    assert Counts(resolved_total=0).on_time_rate is None


# -- files and the CLI --------------------------------------------------------------------


def test_jobs_give_the_same_result(tmp_path: Path) -> None:
    big = tmp_path / "big.jsonl"
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    copies = []
    for copy in range(5):
        for line in lines:
            record = json.loads(line)
            record["code"] = f"{record['code'][:-4]}{copy + 5:02d}{record['code'][-2:]}"
            copies.append(json.dumps(record, ensure_ascii=False))
    # CR, LF and CRLF line ends are read alike, in one process or several.
    ends = ["\n", "\r\n", "\r"]
    big.write_text("".join(c + ends[k % 3] for k, c in enumerate(copies)), encoding="utf-8")
    period = parse_period("2024-Q2")
    one = tally_file(big, period, by=[Dimension.CHANNEL]).result()
    two = tally_file(big, period, by=[Dimension.CHANNEL], jobs=2).result()
    assert one == two
    assert one.total.received_total == 5 * 14


def test_the_same_dossier_twice_is_an_error_in_every_mode(tmp_path: Path) -> None:
    twice = tmp_path / "twice.jsonl"
    text = SAMPLE.read_text(encoding="utf-8")
    twice.write_text(text + text.splitlines()[0] + "\n", encoding="utf-8")
    period = parse_period("2024-Q2")
    for jobs in (1, 2):
        with pytest.raises(InvalidInputError, match="expected each dossier once"):
            tally_file(twice, period, jobs=jobs)
        errors: list[InvalidInputError] = []
        acc = tally_file(twice, period, jobs=jobs, skip_invalid=True, errors=errors)
        assert len(errors) == 1, jobs
        assert f"line {len(text.splitlines()) + 1} $.code" in str(errors[0])
        assert acc.result() == tally_file(SAMPLE, period).result()


def test_cli_report_json(capsys: pytest.CaptureFixture[str]) -> None:
    for spec, expected in (("2024-Q1", 11), ("2024-Q2", 14)):
        code = main(
            ["report", str(SAMPLE), "--period", spec, "--format", "json", "--by", "channel"]
        )
        out = json.loads(capsys.readouterr().out)
        assert code == 0
        assert set(COLUMNS) <= set(out["total"])
        assert out["total"]["received_total"] == expected
        assert sum(g["received_total"] for g in out["groups"]) == expected
        assert out["period"]["spec"] == spec


@pytest.mark.parametrize("fmt", ["table", "csv", "markdown"])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_cli_report_formats(capsys: pytest.CaptureFixture[str], fmt: str, lang: str) -> None:
    code = main(["report", str(SAMPLE), "--period", "2024-Q2", "--format", fmt, "--lang", lang])
    out = capsys.readouterr().out
    assert code == 0
    assert ("Trước hạn" in out) == (lang == "vi")
    assert "72.73" in out  # (3 early + 5 on time) / 11 resolved, rounded half-up


def test_report_json_shape() -> None:
    ds = read_dossiers(SAMPLE).records
    report = Bieu06(parse_period("2025-Q3")).add_all(ds).result()
    data = report_to_json(report)
    assert data["total"]["on_time_rate"] is None
    assert data["period"]["straddles_reform"] is True
    assert data["notes"]
    assert "straddles" in render_report(report, "table", "en")


def test_cli_period(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["period", "2024-Q1", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["start"] == "2023-12-15"
    assert main(["period", "2024-Q1", "--calendar"]) == 0
    assert capsys.readouterr().out == "2024-01-01 2024-03-31\n"
    assert main(["period", "2024-Q9"]) == 2


def test_cli_report_bad_input(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    bad.write_text(lines[0] + "\n{oops\n" + lines[1] + "\n", encoding="utf-8")
    assert main(["report", str(bad), "--period", "2024-Q1"]) == 2
    assert f"{bad} line 2" in capsys.readouterr().err
    assert main(["report", str(bad), "--period", "2024-Q1", "--skip-invalid"]) == 2
    captured = capsys.readouterr()
    assert "motcua: read 2, skipped 1" in captured.err
    assert "Tổng cộng" in captured.out


# -- verification ---------------------------------------------------------------------------


def test_verify_published_figures() -> None:
    ok = verify_figures(
        {
            "received_total": 1373,
            "resolved_total": 1360,
            "resolved_in_time": 1350,
            "resolved_late": 10,
            "pending_total": 13,
            "pending_within": 12,
        }
    )
    assert ok.ok
    assert ok.implied == {"pending_overdue": 1, "late_or_overdue": 11}
    bad = verify_figures({"resolved_total": 1360, "resolved_in_time": 1350, "resolved_late": 11})
    assert not bad.ok
    assert "off by -1" in bad.failures[0].message
    impossible = verify_figures({"pending_total": 5, "pending_within": 7})
    assert not impossible.ok
    assert "impossible" in impossible.failures[0].message


@pytest.mark.parametrize(
    ("figures", "fragment"),
    [
        ({"received": 3}, "one of received_total"),
        ({"received_total": -1}, "0 or more"),
        ({"received_total": 1.5}, "whole number"),
        ({"received_total": True}, "whole number"),
    ],
)
def test_verify_bad_input(figures: dict[str, object], fragment: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        verify_figures(figures)
    assert fragment in str(info.value)


@given(in_2024)
def test_computed_reports_always_verify(ds: list[Dossier]) -> None:
    q1 = Bieu06(parse_period("2024-Q1")).add_all(ds).result().total.as_dict()
    q2 = Bieu06(parse_period("2024-Q2")).add_all(ds).result().total.as_dict()
    assert verify_series([q1, q2]).ok


def test_cli_verify(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "f.json"
    path.write_text(json.dumps({"received_total": 10, "resolved_total": 7}), encoding="utf-8")
    assert main(["report", "verify", str(path), "--lang", "en"]) == 0
    assert "implies pending_total = 3" in capsys.readouterr().out
    path.write_text(json.dumps([{"pending_total": 3}, {"carried_over": 4}]), encoding="utf-8")
    assert main(["report", "verify", str(path), "--lang", "en"]) == 1
    assert "carried_over 4 != period 0 pending_total 3" in capsys.readouterr().out
    path.write_text("[", encoding="utf-8")
    assert main(["report", "verify", str(path)]) == 2
    path.write_text(json.dumps({"late": 1}), encoding="utf-8")
    assert main(["report", "verify", str(path), "--json"]) == 2
    assert "late" in capsys.readouterr().err


def test_sample_round_trip_through_jsonl(tmp_path: Path) -> None:
    ds = read_dossiers(SAMPLE).records
    path = tmp_path / "copy.jsonl"
    path.write_text(dumps_jsonl(ds), encoding="utf-8")
    period = parse_period("2024-H1")
    assert tally_file(path, period).result() == Bieu06(period).add_all(ds).result()


# -- the fast reader and the full reader agree ------------------------------------------


@given(in_2024, periods)
def test_fast_reader_places_like_the_full_reader(ds: list[Dossier], period: object) -> None:
    from motcua.serialization.reports import count_record
    from motcua.serialization.scan import scan_record

    fast = Bieu06(period, by=[Dimension.CHANNEL, Dimension.AGENCY])  # type: ignore[arg-type]
    full = Bieu06(period, by=[Dimension.CHANNEL, Dimension.AGENCY])  # type: ignore[arg-type]
    for d in ds:
        record = json.loads(json.dumps(dossier_to_json(d)))
        if d.policy == LifecyclePolicy():
            assert scan_record(record) is not None
        count_record(fast, record, "<test>")
        full.add(d)
    assert fast.result() == full.result()


@pytest.mark.parametrize(
    "mutate",
    [
        lambda r: r["events"][0].update(at="2024-02-30T08:00:00+07:00"),
        lambda r: r["events"][0].update(extra=1),
        lambda r: r.update(channel=True),
        lambda r: r.update(code="000.00.05.H48-240231-0001"),
        lambda r: r["events"].reverse(),
        lambda r: r["events"][1].update(to_agency=5),
        lambda r: r.update(limit={"unit": "working_days", "count": -1}),
        lambda r: r.update(rule="months"),
        lambda r: r.update(level="county"),
        lambda r: r.update(facts=None),
        lambda r: r.update(facts={"paid_online": "yes"}),
    ],
)
def test_fast_reader_never_accepts_what_the_full_reader_rejects(mutate: object) -> None:
    from motcua.serialization.reports import count_record

    record = json.loads(SAMPLE.read_text(encoding="utf-8").splitlines()[13])
    mutate(record)  # type: ignore[operator]
    with pytest.raises(InvalidInputError) as fast:
        count_record(Bieu06(parse_period("2024-Q2")), record, "f.jsonl line 14")
    with pytest.raises(InvalidInputError) as full:
        dossier_from_json(record, "f.jsonl line 14")
    assert str(fast.value) == str(full.value)


def test_report_module_gathers_the_split_modules() -> None:
    from motcua.analyses import bieu06, buckets, rates, report

    homes = {**vars(bieu06), **vars(buckets), **vars(rates)}
    for name in report.__all__:
        assert getattr(report, name) is homes[name], name
    assert set(report.__all__) == {*bieu06.__all__, *buckets.__all__, *rates.__all__}


def test_a_record_past_the_calendar_is_its_own_error(tmp_path: Path) -> None:
    # Due 30 working days after 01/12/2099: past the calendar. With --skip-invalid that
    # record alone is named (file, line, code) and the others are all counted, alike on
    # one core or two; the accumulator keeps nothing of the failed record.
    path = tmp_path / "late.jsonl"
    record = {
        "code": "000.00.05.H48-991201-0001",
        "procedure": "2.001610",
        "channel": 2,
        "limit": {"unit": "working_days", "count": 30},
        "events": [{"type": "received", "at": "2099-12-01T08:00:00+07:00"}],
    }
    text = SAMPLE.read_text(encoding="utf-8")
    path.write_text(text + json.dumps(record) + "\n", encoding="utf-8")
    period = parse_period("2099-Q4")
    line = len(text.splitlines()) + 1
    with pytest.raises(InvalidInputError, match=f"line {line} .*000.00.05.H48-991201-0001"):
        tally_file(path, period)
    for jobs in (1, 2):
        errors: list[InvalidInputError] = []
        got = tally_file(path, period, skip_invalid=True, errors=errors, jobs=jobs).result()
        assert [f"late.jsonl line {line} $ (dossier" in str(e) for e in errors] == [True]
        assert got == tally_file(SAMPLE, period).result()
