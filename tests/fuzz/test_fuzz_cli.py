"""Fuzz the command line with hostile files, standard input and option values (issue 9, 11).

Every command runs in-process (``motcua.cli.main``) on mutated and damaged files, read by
name or from standard input (``-``, with ``--input-format`` for JSON Lines), and with hostile
option values. For every run:

* no exception leaves ``main`` (a traceback), and it returns 0, 1 or 2 within
  :data:`guards.CLI_CAP` seconds;
* stdout is valid UTF-8 (a lone surrogate would raise on a real terminal), and JSON output
  is JSON;
* every line on stderr is one of motcua's own (``motcua: error: ...``, the
  ``motcua: read N, skipped M`` summary, a ``note:``, the period's dates): an error message
  with a line break would show up as a stray line; status 2 comes with an error line,
  status 0 with none;
* with ``--skip-invalid``, every record of a JSON Lines file is shown or named as bad.

Two runs go through the real console entry (``python -m motcua``) to prove that no
traceback reaches the user.
"""

from __future__ import annotations

import importlib.util
import io
import json
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Final

import pytest
from hypothesis import given
from hypothesis import strategies as st

from motcua.serialization.catalogues import catalogue_to_json, sample_catalogue
from motcua.serialization.dossiers import dossier_from_json
from motcua.serialization.dvcqg import dossier_to_dvcqg
from motcua.serialization.render.xlsx import HEADER_ROW
from tests.fuzz import hostile
from tests.fuzz.guards import Run, check_run, fuzz, run_cli

RECORDS: Final = hostile.dossier_records()
CATALOGUE: Final = sample_catalogue()
_SAMPLE_CATALOGUE: Final = json.dumps(catalogue_to_json(CATALOGUE), ensure_ascii=False).encode()
PAYLOADS: Final = [
    dossier_to_dvcqg(dossier_from_json(r), catalogue=CATALOGUE)
    for r in RECORDS
    if str(dossier_from_json(r).procedure) in CATALOGUE
]
NATIONAL: Final = hostile.dvcqg_procedure_records()
CATALOGUE_DOC: Final = hostile.catalogue_document()


# --- Hostile files and option values ------------------------------------------------------


def _files(key: str, bases: list[Any]) -> st.SearchStrategy[tuple[bool, bytes]]:
    """``(jsonl, bytes)``: a JSON Lines file or a JSON document of mutated records."""
    return st.one_of(
        st.tuples(st.just(True), hostile.jsonl_bytes(bases)),
        st.tuples(
            st.just(False), hostile.json_bytes(hostile.document(key, hostile.mutated(bases)))
        ),
    )


DOSSIER_FILES: Final = _files("dossiers", RECORDS)
PAYLOAD_FILES: Final = _files("result", PAYLOADS)
NATIONAL_FILES: Final = _files("result", NATIONAL)
FIGURE_FILES: Final = st.tuples(
    st.just(False),
    hostile.json_bytes(
        st.one_of(hostile.mutated(hostile.FIGURES), hostile.mutated([hostile.FIGURES]))
    ),
)
CATALOGUE_FILES: Final = st.tuples(
    st.just(False), hostile.json_bytes(hostile.mutated([CATALOGUE_DOC], max_mutations=1))
)
ANNOUNCEMENT_FILES: Final = st.tuples(
    st.just(False), hostile.json_bytes(hostile.mutated([hostile.ANNOUNCEMENTS]))
)


def _values(valid: Sequence[str]) -> st.SearchStrategy[str]:
    """Valid option values, mutated ones (other digits, odd offsets, nasty text), or any."""
    nasty = [t for t in hostile.NASTY_TEXT if "\x00" not in t]
    return st.one_of(
        st.sampled_from(valid),
        st.sampled_from(valid),  # twice: a run gets past its first option often enough
        hostile.mutated(list(valid), max_mutations=1).filter(lambda v: isinstance(v, str)),
        st.sampled_from([*hostile.INSTANTS, *nasty, "-1", "0", "99999999", "1e100000000"]),
        st.text(max_size=24),
    )


INSTANTS: Final = _values(
    ["2024-04-26", "2024-04-26T09:00", "26/04/2024 14:20", "2024-04-26T02:00Z"]
)
PERIODS: Final = _values(["2024", "2024-03", "2024-Q1", "2024-H1", "2024-9M", "2025-Q3"])
COUNTS: Final = _values(["5", "0.5", "1/2", "30", "3"])
YEARS: Final = _values(["2024", "2025", "2099", "2018"])
CODES: Final = _values(
    [
        "000.00.53.H48-220921-0099",
        "1.001193",
        "1.004222",
        "G09.20-20240506-0092637",  # a foreign code: carried, explained
        "H48.1.2-240506-12345",
    ]
)
UNITS: Final = _values(["01", "46", "00004", "19753", "99999"])
STAGES: Final = _values(["50,75,100", "80", "10,20", "75.5%", "50,50"])
CLOCKS: Final = _values(["15:00", "07:30-11:30,13:30-17:00", "08:00-12:00"])


def _where(
    scratch: Path, name: str, file: tuple[bool, bytes], stdin: bool
) -> tuple[list[str], bytes]:
    """The FILE argument (and --input-format) and the bytes for stdin, for one input."""
    jsonl, data = file
    if stdin:
        return ["-", "--input-format", "jsonl" if jsonl else "json"], data
    path = scratch / (name + (".jsonl" if jsonl else ".json"))
    path.write_bytes(data)
    return [str(path)], b""


def _option_file(scratch: Path, name: str, data: bytes) -> str:
    path = scratch / name
    path.write_bytes(data)
    return str(path)


# --- The commands that read files --------------------------------------------------------


@given(
    st.sampled_from(["show", "export-dvcqg"]),
    DOSSIER_FILES,
    st.booleans(),
    st.booleans(),
    st.one_of(st.none(), INSTANTS),
    st.booleans(),
)
@fuzz(40)
def test_dossier_show_and_export(  # noqa: PLR0917 - one argument per Hypothesis strategy
    scratch: Path,
    action: str,
    file: tuple[bool, bytes],
    stdin: bool,
    skip: bool,
    as_of: str | None,
    as_json: bool,
) -> None:
    where, data = _where(scratch, "dossiers", file, stdin)
    argv = ["dossier", action, *where]
    if skip:
        argv.append("--skip-invalid")
    if action == "show":
        argv += ["--history"] + (["--json"] if as_json else [])
        if as_of is not None:
            argv += ["--as-of", as_of, "--warn-at", "50"]
    run = run_cli(argv, data)
    check_run(run, argv, json_out=action == "export-dvcqg" or as_json)
    jsonl = file[0]
    if action == "show" and as_json and skip and jsonl and run.out.strip():
        # Nothing lost: every record of the file is shown or named as bad.
        shown = len(json.loads(run.out)["dossiers"])
        bad = sum(1 for line in run.err.splitlines() if line.startswith("motcua: error: "))
        records = sum(1 for _, t in hostile.reference_lines(file[1]) if t is None or t.strip())
        assert shown + bad == records, (shown, bad, records)


@given(PAYLOAD_FILES, st.booleans(), st.booleans())
@fuzz(20)
def test_dossier_import_dvcqg(
    scratch: Path, file: tuple[bool, bytes], stdin: bool, skip: bool
) -> None:
    where, data = _where(scratch, "payloads", file, stdin)
    argv = ["dossier", "import-dvcqg", *where, "--json"] + (["--skip-invalid"] if skip else [])
    check_run(run_cli(argv, data), argv, json_out=True)


@given(NATIONAL_FILES, st.booleans(), st.booleans())
@fuzz(20)
def test_procedure_import(
    scratch: Path, file: tuple[bool, bytes], stdin: bool, skip: bool
) -> None:
    where, data = _where(scratch, "national", file, stdin)
    argv = ["procedure", "import", *where] + (["--skip-invalid"] if skip else [])
    check_run(run_cli(argv, data), argv, json_out=True)


#: The grouping options ``report`` is fuzzed with.
_BY: Final = [
    [],
    ["--by", "channel"],
    ["--by", "agency", "--by", "level"],
    ["--by", "commune", "--rehome-to", "2026-01-01"],
    ["--by", "province", "--unit-of", "locality"],
]


@given(
    DOSSIER_FILES,
    st.booleans(),
    PERIODS,
    st.sampled_from(["table", "csv", "json", "markdown", "html"]),
    st.sampled_from(_BY),
    st.booleans(),
)
@fuzz(30)
def test_report(  # noqa: PLR0917 - one argument per Hypothesis strategy
    scratch: Path,
    file: tuple[bool, bytes],
    stdin: bool,
    period: str,
    fmt: str,
    by: list[str],
    skip: bool,
) -> None:
    where, data = _where(scratch, "report", file, stdin)
    argv = ["report", *where, "--period", period, "--format", fmt, *by]
    if skip:
        argv.append("--skip-invalid")
    check_run(run_cli(argv, data), argv, json_out=fmt == "json")


@pytest.mark.skipif(
    importlib.util.find_spec("openpyxl") is None, reason="the xlsx extra (openpyxl)"
)
@given(DOSSIER_FILES, PERIODS, st.sampled_from(_BY), st.booleans(), st.sampled_from(["vi", "en"]))
@fuzz(20)
def test_report_xlsx(  # noqa: PLR0917 - one argument per Hypothesis strategy
    scratch: Path,
    file: tuple[bool, bytes],
    period: str,
    by: list[str],
    skip: bool,
    lang: str,
) -> None:
    """A workbook (or one error line) for any file; its total row is the JSON report's."""
    import openpyxl  # type: ignore[import-untyped,unused-ignore]  # only with the extra

    where, _ = _where(scratch, "xlsx", file, stdin=False)
    argv = ["report", *where, "--period", period, *by, "--lang", lang]
    argv += ["--skip-invalid"] if skip else []
    run = run_cli([*argv, "--format", "xlsx"], binary=True)
    check_run(run, argv)
    as_json = run_cli([*argv, "--format", "json"])
    check_run(as_json, argv, json_out=True)
    assert (run.status, run.err) == (as_json.status, as_json.err)
    assert bool(run.raw) == bool(as_json.out)
    if not run.raw:
        return
    sheet = openpyxl.load_workbook(io.BytesIO(run.raw)).active
    total = json.loads(as_json.out)["total"]
    last = sheet.max_row
    assert last == HEADER_ROW + 4 + len(json.loads(as_json.out)["groups"])
    assert sheet.cell(last, 2).value == ("Tổng cộng" if lang == "vi" else "Total")
    assert [sheet.cell(last, k).value for k in (3, 4, 5, 7, 11)] == [
        total["received_total"],
        total["received_online"],
        total["received_in_person_or_postal"],
        total["resolved_total"],
        total["pending_total"],
    ]


@given(hostile.jsonl_bytes(RECORDS, max_records=4))
@fuzz(5)
def test_report_jobs_1_and_2_print_the_same(scratch: Path, data: bytes) -> None:
    path = _option_file(scratch, "jobs.jsonl", data)
    runs = []
    for jobs in ("1", "2"):
        argv = ["report", path, "--period", "2024-Q2", "--format", "json", "--skip-invalid"]
        run = run_cli([*argv, "--jobs", jobs], b"")
        check_run(run, argv, json_out=True)
        runs.append(run)
    one, two = runs
    assert one.status == two.status
    assert one.out == two.out
    assert sorted(one.err.splitlines()) == sorted(two.err.splitlines())


@given(DOSSIER_FILES, st.booleans(), PERIODS, st.booleans())
@fuzz(25)
def test_indicators(
    scratch: Path, file: tuple[bool, bytes], stdin: bool, period: str, skip: bool
) -> None:
    where, data = _where(scratch, "indicators", file, stdin)
    argv = ["indicators", *where, "--period", period, "--json"] + (
        ["--skip-invalid"] if skip else []
    )
    check_run(run_cli(argv, data), argv, json_out=True)


@given(DOSSIER_FILES, st.booleans(), st.one_of(st.none(), INSTANTS), st.booleans(), st.booleans())
@fuzz(30)
def test_check(  # noqa: PLR0917 - one argument per Hypothesis strategy
    scratch: Path,
    file: tuple[bool, bytes],
    stdin: bool,
    as_of: str | None,
    as_json: bool,
    skip: bool,
) -> None:
    where, data = _where(scratch, "check", file, stdin)
    argv = ["check", *where, "--format", "json" if as_json else "text"]
    if as_of is not None:
        argv += ["--as-of", as_of]
    if skip:
        argv.append("--skip-invalid")
    check_run(run_cli(argv, data), argv, json_out=as_json)


@given(
    DOSSIER_FILES,
    st.booleans(),
    st.sampled_from(["receipt", "supplement", "refusal", "apology", "control", "book"]),
    st.one_of(st.none(), st.sampled_from([r["code"] for r in RECORDS]), CODES),
    st.sampled_from(["text", "html"]),
)
@fuzz(30)
def test_notice(  # noqa: PLR0917 - one argument per Hypothesis strategy
    scratch: Path,
    file: tuple[bool, bytes],
    stdin: bool,
    kind: str,
    code: str | None,
    fmt: str,
) -> None:
    where, data = _where(scratch, "notice", file, stdin)
    argv = ["notice", kind, *where, "--format", fmt]
    if code is not None:
        argv += ["--code", code]
    check_run(run_cli(argv, data), argv)


@given(FIGURE_FILES, st.booleans(), st.booleans())
@fuzz(20)
def test_report_verify(
    scratch: Path, file: tuple[bool, bytes], stdin: bool, as_json: bool
) -> None:
    _, data = file
    # report verify reads a JSON document: by name, or '-' (it has no --input-format).
    where = "-" if stdin else _option_file(scratch, "figures.json", data)
    argv = ["report", "verify", where] + (["--json"] if as_json else [])
    check_run(run_cli(argv, data if stdin else b""), argv, json_out=as_json)


@given(
    CATALOGUE_FILES,
    st.sampled_from(["show", "coverage", "dossier", "layer"]),
    CODES,
    INSTANTS,
    st.booleans(),
)
@fuzz(20)
def test_catalogue_option(  # noqa: PLR0917 - one argument per Hypothesis strategy
    scratch: Path, file: tuple[bool, bytes], use: str, code: str, day: str, stdin: bool
) -> None:
    _, data = file
    catalogue = "-" if stdin else _option_file(scratch, "catalogue.json", data)
    sample = str(hostile.EXAMPLES / "dossiers.jsonl")
    if use == "show":
        argv = ["procedure", "show", code, "--catalogue", catalogue, "--json"]
    elif use == "coverage":
        argv = ["procedure", "coverage", "--on", day, "--catalogue", catalogue, "--json"]
    elif use == "layer":  # a hostile layer over the sample catalogue (written out first)
        base = _option_file(scratch, "base.json", _SAMPLE_CATALOGUE)
        argv = ["procedure", "show", code, "--catalogue", base, "--catalogue", catalogue, "--json"]
    else:
        argv = ["dossier", "show", sample, "--catalogue", catalogue, "--json", "--skip-invalid"]
    check_run(run_cli(argv, data if stdin else b""), argv, json_out=True)


@given(ANNOUNCEMENT_FILES, st.booleans(), st.booleans(), st.sampled_from([".json", ".toml"]))
@fuzz(20)
def test_announcements_option(
    scratch: Path, file: tuple[bool, bytes], due: bool, stdin: bool, suffix: str
) -> None:
    _, data = file
    where = "-" if stdin else _option_file(scratch, "announcements" + suffix, data)
    if due:
        argv = [
            "due",
            "2027-01-02T09:00",
            "--working-days",
            "3",
            "--announcements",
            where,
            "--json",
        ]
    else:
        argv = ["calendar", "2027", "--announcements", where, "--json"]
    check_run(run_cli(argv, data if stdin else b""), argv, json_out=True)


# --- The commands that take values --------------------------------------------------------


@given(
    INSTANTS,
    st.sampled_from(
        ["--working-days", "--working-hours", "--calendar-days", "--months", "--same-day"]
    ),
    COUNTS,
    st.one_of(st.none(), CLOCKS),
    st.one_of(st.none(), CLOCKS),
    st.booleans(),
)
@fuzz(80)
def test_due(  # noqa: PLR0917 - one argument per Hypothesis strategy
    start: str, unit: str, count: str, cutoff: str | None, hours: str | None, as_json: bool
) -> None:
    argv = ["due", start, unit] + ([] if unit == "--same-day" else [count])
    if cutoff is not None:
        argv += ["--cutoff", cutoff]
    if hours is not None:
        argv += ["--office-hours", hours]
    if as_json:
        argv.append("--json")
    check_run(run_cli(argv), argv, json_out=as_json)


@given(
    st.sampled_from(
        [
            "calendar",
            "ics",
            "period",
            "code",
            "procedure show",
            "coverage",
            "unit show",
            "unit on",
            "unit find",
            "unit successors",
        ]
    ),
    st.one_of(YEARS, PERIODS, CODES, INSTANTS),
    st.booleans(),
)
@fuzz(120)
def test_value_commands(command: str, value: str, as_json: bool) -> None:
    argv = {
        "calendar": ["calendar", value],
        "ics": ["calendar", value, "--format", "ics"],
        "period": ["period", value],
        "code": ["code", "parse", value],
        "procedure show": ["procedure", "show", value],
        "coverage": ["procedure", "coverage", "--on", value],
        "unit show": ["unit", "show", value, "--on", "2025-07-01"],
        "unit on": ["unit", "show", "00004", "--on", value],
        "unit find": ["unit", "find", value],
        "unit successors": ["unit", "successors", value, "--on", "2025-06-30"],
    }[command]
    as_json = as_json and command != "ics"
    argv += ["--json"] if as_json else []
    check_run(run_cli(argv), argv, json_out=as_json)


@given(
    st.sampled_from(["due", "calendar", "warn-stages", "warn-at"]),
    st.one_of(UNITS, STAGES),
    st.booleans(),
)
@fuzz(60)
def test_place_and_stage_options(option: str, value: str, as_json: bool) -> None:
    sample = str(hostile.EXAMPLES / "dossiers.jsonl")
    show = ["dossier", "show", sample, "--as-of", "2024-06-14"]
    argv = {
        "due": ["due", "2025-10-06T09:00", "--working-days", "3", "--unit", value],
        "calendar": ["calendar", "2025", "--unit", value],
        "warn-stages": [*show, "--warn-stages", value],
        "warn-at": [*show, "--warn-at", value],
    }[option]
    argv += ["--json"] if as_json else []
    check_run(run_cli(argv), argv, json_out=as_json)


@given(
    st.lists(
        st.one_of(
            st.sampled_from(
                [
                    "--json",
                    "-",
                    "--skip-invalid",
                    "--jobs",
                    "report",
                    "verify",
                    "dossier",
                    "show",
                    "--input-format",
                    "jsonl",
                    "--period",
                    "2024",
                ]
            ),
            st.text(max_size=8),
        ),
        max_size=6,
    )
)
@fuzz(40)
def test_any_arguments(argv: list[str]) -> None:
    check_run(run_cli(argv), argv)


# --- Special inputs and the real console script -------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["dossier", "show", "/dev/zero"],
        ["dossier", "show", "/dev/null"],
        ["report", "/dev/zero", "--period", "2024"],
        ["report", "verify", "/dev/zero"],
        ["dossier", "show", "."],
        ["dossier", "show", "/nonexistent/x.jsonl"],
        ["due", "2024-04-26", "--calendar-days", "99999999"],
        ["due", "0001-01-01T00:00+14:00", "--working-days", "1"],
        ["due", "9999-12-31T23:59-12:00", "--months", "1"],
    ],
)
def test_special_files_and_values(argv: list[str]) -> None:
    check_run(run_cli(argv), argv)


def test_a_fifo_is_refused_not_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.jsonl"
    try:
        import os

        os.mkfifo(fifo)
    except (AttributeError, OSError):  # pragma: no cover - not POSIX
        pytest.skip("no FIFOs here")
    run = run_cli(["dossier", "show", str(fifo)])
    check_run(run, ["dossier", "show", str(fifo)])
    assert run.status == 2


@pytest.mark.parametrize(
    ("argv", "stdin"),
    [
        (
            ["dossier", "show", "-", "--input-format", "jsonl"],
            b'{"code": "\xff"}\n[NaN\n' + hostile.BOM,
        ),
        (
            ["report", "-", "--period", "2024-Q2"],
            b'{"dossiers": [{"a": 1, "a": 2}], "dossiers": 1',
        ),
    ],
)
def test_the_console_script_prints_no_traceback(argv: list[str], stdin: bytes) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "motcua", *argv],
        input=stdin,
        capture_output=True,
        timeout=60,
        check=False,
    )
    err = done.stderr.decode("utf-8")
    assert done.returncode == 2, err
    assert "Traceback" not in err
    check_run(Run(done.returncode, done.stdout.decode("utf-8"), err), argv)
