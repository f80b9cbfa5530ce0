"""The command line's input: `-` for standard input, --input-format, and hostile files.

Every command that reads a file reads standard input the same way; a BOM and CR-only line
ends change nothing; special files, endless streams and bad bytes are one line and exit 2;
with --skip-invalid every bad record is named, the summary is `motcua: read N, skipped M`,
and JSON output carries the counts.
"""

from __future__ import annotations

import io
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from motcua.cli import _args, main
from motcua.serialization.catalogues import catalogue_to_json, sample_catalogue
from motcua.serialization.dossiers import read_dossiers
from motcua.serialization.dvcqg import dossier_to_dvcqg

DATA = Path(__file__).resolve().parent.parent.parent / "examples" / "data"
SAMPLE = DATA / "dossiers.jsonl"
NATIONAL = Path(__file__).resolve().parent.parent / "data" / "dvcqg_procedure.json"
FIGURES = {"received_total": 10, "resolved_total": 7, "resolved_late": 1, "pending_total": 3}

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Run:
    """Run `motcua ARGV` in-process, standard input holding *stdin* (bytes)."""

    def call(*argv: str, stdin: bytes = b"") -> tuple[int, str, str]:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
        code = main(list(argv))
        out, err = capsys.readouterr()
        return code, out, err

    return call


def _lines() -> list[str]:
    return SAMPLE.read_text(encoding="utf-8").splitlines()


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """One input file per kind the commands read."""
    base = tmp_path_factory.mktemp("inputs")
    catalogue = sample_catalogue()
    dossiers = read_dossiers(SAMPLE, catalogue=catalogue).records
    payloads = base / "payloads.json"
    payloads.write_text(
        json.dumps([dossier_to_dvcqg(d, catalogue=catalogue) for d in dossiers]),
        encoding="utf-8",
    )
    figures = base / "figures.json"
    figures.write_text(json.dumps(FIGURES), encoding="utf-8")
    catalogue_file = base / "catalogue.json"
    catalogue_file.write_text(json.dumps(catalogue_to_json(catalogue)), encoding="utf-8")
    return {
        "dossiers": SAMPLE,
        "payloads": payloads,
        "national": NATIONAL,
        "figures": figures,
        "catalogue": catalogue_file,
    }


#: command name -> (input kind, argv before FILE, argv after it).
COMMANDS: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    "dossier show": ("dossiers", ("dossier", "show"), ("--json", "--as-of", "2024-03-14")),
    "dossier export-dvcqg": ("dossiers", ("dossier", "export-dvcqg"), ()),
    "dossier import-dvcqg": ("payloads", ("dossier", "import-dvcqg"), ("--json",)),
    "procedure import": ("national", ("procedure", "import"), ()),
    "report": ("dossiers", ("report",), ("--period", "2024-Q1", "--by", "level")),
    "indicators": ("dossiers", ("indicators",), ("--period", "2024-H1", "--json")),
    "report verify": ("figures", ("report", "verify"), ("--json",)),
}
#: the commands that read records (and take --skip-invalid and --input-format).
RECORDS = [name for name in COMMANDS if name != "report verify"]


def _argv(name: str, file: str, *extra: str) -> list[str]:
    _, head, tail = COMMANDS[name]
    return [*head, file, *tail, *extra]


def _jsonl(name: str, inputs: dict[str, Path]) -> bool:
    return inputs[COMMANDS[name][0]].suffix == ".jsonl"


def _named(result: tuple[int, str, str], *names: Path | str) -> tuple[int, str, str]:
    """*result* with the input's name written FILE (a procedure keeps it as its source)."""
    code, out, err = result
    for name in names:
        out, err = out.replace(str(name), "FILE"), err.replace(str(name), "FILE")
    return code, out, err


def _format(name: str, inputs: dict[str, Path]) -> tuple[str, ...]:
    """The --input-format that standard input needs to be read as the file is."""
    return ("--input-format", "jsonl") if _jsonl(name, inputs) else ()


# -- standard input -----------------------------------------------------------------------


@pytest.mark.parametrize("name", list(COMMANDS))
def test_dash_reads_standard_input_as_the_file(
    run: Run, inputs: dict[str, Path], name: str
) -> None:
    file = inputs[COMMANDS[name][0]]
    expected = run(*_argv(name, str(file)))
    assert expected[0] == 0, expected[2]
    got = run(*_argv(name, "-", *_format(name, inputs)), stdin=file.read_bytes())
    assert _named(got, "<stdin>") == _named(expected, file)


@pytest.mark.parametrize("name", [n for n in RECORDS if COMMANDS[n][0] == "dossiers"])
def test_json_lines_on_stdin_need_input_format(run: Run, name: str) -> None:
    code, out, err = run(*_argv(name, "-"), stdin=SAMPLE.read_bytes())
    assert (code, out) == (2, "")
    assert err.startswith("motcua: error: <stdin> line 2")
    assert err.count("\n") == 1


@pytest.mark.parametrize("name", RECORDS)
def test_input_format_overrides_the_extension(
    run: Run, inputs: dict[str, Path], tmp_path: Path, name: str
) -> None:
    file = inputs[COMMANDS[name][0]]
    expected = run(*_argv(name, str(file)))
    renamed = tmp_path / "input.txt"
    renamed.write_bytes(file.read_bytes())
    fmt = "jsonl" if _jsonl(name, inputs) else "json"
    got = run(*_argv(name, str(renamed), "--input-format", fmt))
    assert _named(got, renamed) == _named(expected, file)


def test_a_json_document_named_jsonl(run: Run, tmp_path: Path) -> None:
    document = tmp_path / "dossiers.jsonl"
    rows = [json.loads(line) for line in _lines()]
    document.write_text(json.dumps({"schema_version": 1, "dossiers": rows}), encoding="utf-8")
    code, out, _ = run("dossier", "show", str(document), "--json", "--input-format", "json")
    assert code == 0
    assert json.loads(out)["read"] == len(rows)


def test_catalogue_from_standard_input(run: Run, inputs: dict[str, Path]) -> None:
    catalogue = inputs["catalogue"].read_bytes()
    expected = run("dossier", "show", str(SAMPLE))
    assert run("dossier", "show", str(SAMPLE), "--catalogue", "-", stdin=catalogue) == expected
    code, out, err = run("procedure", "show", "1.004222", "--catalogue", "-", stdin=catalogue)
    assert code == 0
    assert "1.004222" in out
    code, out, err = run("dossier", "show", "-", "--catalogue", "-", stdin=catalogue)
    assert (code, out) == (2, "")
    assert err.startswith("motcua: error: --catalogue: ")
    assert err.count("\n") == 1


def test_report_stdin_with_jobs_is_read_in_one_process(run: Run) -> None:
    argv = ("report", "-", "--input-format", "jsonl", "--period", "2024-Q1", "--jobs")
    one = run(*argv, "1", stdin=SAMPLE.read_bytes())
    assert one[0] == 0
    assert run(*argv, "2", stdin=SAMPLE.read_bytes()) == one


# -- the bytes of a file ------------------------------------------------------------------


def _crlf_bom_cr(data: bytes) -> dict[str, bytes]:
    return {
        "bom": b"\xef\xbb\xbf" + data,
        "cr": data.replace(b"\r\n", b"\n").replace(b"\n", b"\r"),
        "crlf": data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"),
    }


@pytest.mark.parametrize("variant", ["bom", "cr", "crlf"])
@pytest.mark.parametrize("name", list(COMMANDS))
def test_bom_and_line_ends_change_nothing(
    run: Run, inputs: dict[str, Path], tmp_path: Path, name: str, variant: str
) -> None:
    file = inputs[COMMANDS[name][0]]
    if not _jsonl(name, inputs):  # a JSON document: give it line ends to change
        file = tmp_path / f"pretty{file.suffix}"
        text = json.dumps(json.loads(inputs[COMMANDS[name][0]].read_bytes()), indent=2)
        file.write_text(text + "\n", encoding="utf-8")
    expected = run(*_argv(name, str(file)))
    assert expected[0] == 0
    changed = tmp_path / f"changed{file.suffix}"
    changed.write_bytes(_crlf_bom_cr(file.read_bytes())[variant])
    assert _named(run(*_argv(name, str(changed))), changed) == _named(expected, file)
    stdin = _crlf_bom_cr(file.read_bytes())[variant]
    got = run(*_argv(name, "-", *_format(name, inputs)), stdin=stdin)
    assert _named(got, "<stdin>") == _named(expected, file)


@pytest.mark.parametrize("name", list(COMMANDS))
def test_a_fifo_is_refused_without_blocking(run: Run, tmp_path: Path, name: str) -> None:
    fifo = tmp_path / "pipe.jsonl"
    os.mkfifo(fifo)  # nobody writes to it: opening it would block forever
    code, out, err = run(*_argv(name, str(fifo)))
    assert (code, out) == (2, "")
    assert err == (
        f"motcua: error: {fifo}: expected a regular file, got 'a special file (FIFO or "
        "device)'; to read a pipe, pass '-' and redirect it\n"
    )


@pytest.mark.parametrize("name", list(COMMANDS))
def test_dev_zero_as_a_file(run: Run, name: str) -> None:
    code, out, err = run(*_argv(name, "/dev/zero"))
    assert (code, out) == (2, "")
    assert "/dev/zero: expected a regular file" in err
    assert err.count("\n") == 1


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
@pytest.mark.parametrize("name", [n for n in RECORDS if COMMANDS[n][0] == "dossiers"])
def test_dev_zero_as_json_lines_on_stdin(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    with Path("/dev/zero").open("rb") as zero:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(zero))
        code = main(_argv(name, "-", "--input-format", "jsonl", "--skip-invalid"))
    out, err = capsys.readouterr()
    assert (code, out) == (2, "")
    assert err.startswith("motcua: error: <stdin> line 1: expected a line of at most")
    assert err.count("\n") == 1


@pytest.mark.parametrize("name", list(COMMANDS))
def test_bytes_that_are_not_utf8(
    run: Run, inputs: dict[str, Path], tmp_path: Path, name: str
) -> None:
    source = inputs[COMMANDS[name][0]]
    data = source.read_bytes()
    if _jsonl(name, inputs):
        lines = data.splitlines(keepends=True)
        data = lines[0] + lines[1].replace("Nguyễn".encode(), b"Nguy\xff").replace(
            b'"procedure"', b'"procedure\xe1"'
        )
        where = "line 2 column "  # each line is decoded alone
    else:
        data = b'{"x":\n"\xff"}'
        where = "line 2: "
    bad = tmp_path / f"bad{source.suffix}"
    bad.write_bytes(data)
    code, out, err = run(*_argv(name, str(bad)))
    assert (code, out) == (2, "")
    assert err.startswith(f"motcua: error: {bad} {where}")
    assert "expected UTF-8 text" in err
    assert err.count("\n") == 1


# -- --skip-invalid -----------------------------------------------------------------------


def _with_bad_record(name: str, inputs: dict[str, Path], tmp_path: Path) -> tuple[Path, int]:
    """A copy of the command's input with one bad record; return it and its good count."""
    source = inputs[COMMANDS[name][0]]
    if _jsonl(name, inputs):
        lines = _lines()
        bad = lines[2].replace('"channel": 3', '"channel": "tại nhà"')
        path = tmp_path / "bad.jsonl"
        path.write_text("\n".join([*lines[:2], bad, *lines[3:]]) + "\n", encoding="utf-8")
        return path, len(lines) - 1
    rows = json.loads(source.read_text(encoding="utf-8"))
    rows = rows if isinstance(rows, list) else rows["result"]
    rows.insert(1, {"bogus": True})
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    return path, len(rows) - 1


@pytest.mark.parametrize("name", RECORDS)
def test_skip_invalid_names_the_record_and_sums_up(
    run: Run, inputs: dict[str, Path], tmp_path: Path, name: str
) -> None:
    path, good = _with_bad_record(name, inputs, tmp_path)
    code, out, err = run(*_argv(name, str(path)))
    assert (code, out) == (2, "")
    assert err.count("\n") == 1
    code, out, err = run(*_argv(name, str(path), "--skip-invalid"))
    assert code == 2
    lines = err.splitlines()
    assert len(lines) == 2, err
    if _jsonl(name, inputs):
        assert lines[0].startswith(f"motcua: error: {path} line 3 $.channel")
        if name != "report":  # the fast report reader does not name the code (yet)
            assert "(dossier 000.21.48.H48-240109-0001)" in lines[0]
    else:
        assert lines[0].startswith(f"motcua: error: {path} $[1]")
    read = good
    assert lines[1] == f"motcua: read {read}, skipped 1"
    if name in ("dossier show", "dossier import-dvcqg", "indicators"):
        data = json.loads(out)
        assert (data["read"], data["skipped"]) == (read, 1)
    elif name == "report":
        code, out, _ = run(*_argv(name, str(path), "--skip-invalid", "--format", "json"))
        data = json.loads(out)
        assert (data["read"], data["skipped"], data["dossiers_read"]) == (read, 1, read)
    else:  # the output is a file format (DVCQG payloads, a catalogue): it stays one
        assert json.loads(out)


@pytest.mark.parametrize("name", RECORDS)
def test_skip_invalid_on_a_clean_input_says_so(
    run: Run, inputs: dict[str, Path], name: str
) -> None:
    plain = run(*_argv(name, str(inputs[COMMANDS[name][0]])))
    code, out, err = run(*_argv(name, str(inputs[COMMANDS[name][0]]), "--skip-invalid"))
    assert (code, out) == (0, plain[1])
    assert err.startswith("motcua: read ")
    assert err.endswith(", skipped 0\n")


def _past_the_calendar() -> str:
    return json.dumps(
        {
            "code": "000.21.48.H48-991231-0001",
            "procedure": "1.001193",
            "channel": 1,
            "limit": {"unit": "working_days", "count": 5},
            "events": [{"type": "received", "at": "2099-12-31T09:00:00+07:00"}],
        }
    )


def test_a_due_instant_past_the_calendar_is_one_records_error(run: Run, tmp_path: Path) -> None:
    lines = _lines()
    path = tmp_path / "far.jsonl"
    path.write_text("\n".join([lines[0], _past_the_calendar(), lines[1]]) + "\n", encoding="utf-8")
    code, out, err = run("dossier", "show", str(path), "--skip-invalid", "--json")
    assert code == 2
    assert [d["code"] for d in json.loads(out)["dossiers"]] == [
        json.loads(lines[0])["code"],
        json.loads(lines[1])["code"],
    ]
    error = (
        f"motcua: error: {path} line 2 $ (dossier 000.21.48.H48-991231-0001): expected dates "
        "within the working calendar's years (2013-2099), got '2100-01-01'; "
        "check the record's dates"
    )
    assert err.splitlines() == [error, "motcua: read 2, skipped 1"]


def test_report_read_count_leaves_out_a_record_that_fails_placement(
    run: Run, tmp_path: Path
) -> None:
    path = tmp_path / "far.jsonl"
    path.write_text(_past_the_calendar() + "\n" + _lines()[0] + "\n", encoding="utf-8")
    argv = ("report", str(path), "--period", "2099-Q4", "--calendar", "--skip-invalid")
    code, out, err = run(*argv, "--format", "json")
    assert code == 2
    assert err.splitlines()[-1] == "motcua: read 1, skipped 1"
    assert (json.loads(out)["read"], json.loads(out)["skipped"]) == (1, 1)


def test_jobs_agree_on_mixed_line_ends_and_a_bad_record(run: Run, tmp_path: Path) -> None:
    lines = [line.encode() for line in _lines()]
    lines.insert(7, b"{oops")
    ends = (b"\n", b"\r", b"\r\n")
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b"".join(line + ends[i % 3] for i, line in enumerate(lines)))
    argv = ("report", str(path), "--period", "2024-H1", "--by", "level", "--skip-invalid")
    one = run(*argv, "--jobs", "1")
    assert one[0] == 2
    assert f"{path} line 8 column 2: expected valid JSON" in one[2]
    assert one[2].endswith(f"motcua: read {len(lines) - 1}, skipped 1\n")
    assert run(*argv, "--jobs", "2") == one
    assert (
        run(*argv, "--jobs", "3", "--format", "json")[1:]
        == run(*argv, "--jobs", "1", "--format", "json")[1:]
    )


# -- messages, exits, options -------------------------------------------------------------


def test_every_message_is_one_line(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "two\nlines.jsonl"
    path.write_text("{oops\n", encoding="utf-8")
    code, out, err = run("dossier", "show", str(path))
    assert (code, out) == (2, "")
    assert err.count("\n") == 1
    assert "two\\nlines.jsonl line 1" in err
    assert _args.one_line("a\r\nb\x1bc\td") == "a\\r\\nb\\x1bc\td"


def test_a_code_is_named_only_when_it_is_plain(run: Run, tmp_path: Path) -> None:
    record = json.loads(_lines()[0])
    record.update(code="000.21.48.H48-240103-0001\nforged", channel=9)
    path = tmp_path / "forged.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    code, _, err = run("dossier", "show", str(path))
    assert code == 2
    assert err.count("\n") == 1
    assert err.startswith(f"motcua: error: {path} line 1 $.")


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (("report", str(SAMPLE), "--period", "2024-Q1", "--jobs", "-1"), "argument --jobs:"),
        (("report", str(SAMPLE), "--period", "2024-Q1", "--jobs", "２"), "argument --jobs:"),
        (("report", str(SAMPLE), "--period", "2024-Q9"), "error: --period: expected"),
        (("indicators", str(SAMPLE), "--period", "2024-Q9"), "error: --period: expected"),
        (("period", "2024-Q9"), "error: SPEC: expected"),
        (("report", str(SAMPLE), "--period", "2024-Q1", "--lang", "fr"), "argument --lang:"),
        (("report", str(SAMPLE), "--period", "2024-Q1", "--format", "x"), "argument --format:"),
        (("dossier", "show", str(SAMPLE), "--input-format", "csv"), "argument --input-format:"),
    ],
)
def test_options_are_named_as_options(run: Run, argv: tuple[str, ...], needle: str) -> None:
    code, out, err = run(*argv)
    assert (code, out) == (2, "")
    assert needle in err
    assert err.count("\n") == 1


def test_version(run: Run) -> None:
    from motcua import __version__

    for flag in ("-V", "--version"):
        assert run(flag) == (0, f"motcua {__version__}\n", "")


def test_interrupt_is_quiet_and_a_bug_keeps_its_traceback(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    from motcua.cli import records

    def interrupted(*_: object, **__: object) -> object:
        raise KeyboardInterrupt

    monkeypatch.setattr(records, "dossier_summary", interrupted)
    assert run("dossier", "show", str(SAMPLE)) == (130, "", "")

    def buggy(*_: object, **__: object) -> object:
        raise ZeroDivisionError

    monkeypatch.setattr(records, "dossier_summary", buggy)
    with pytest.raises(ZeroDivisionError):
        run("dossier", "show", str(SAMPLE))


def test_catalogue_help_states_the_sample_fallback() -> None:
    assert len(sample_catalogue()) == _args.SAMPLE_PROCEDURES
    from motcua.cli._common import Parser

    parser = Parser(prog="x")
    _args.add_catalogue(parser)
    text = " ".join(parser.format_help().split())
    assert f"sample catalogue of {_args.SAMPLE_PROCEDURES} procedures" in text
    assert "the library never falls back to it" in text


def test_indicators_name_what_they_need(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["indicators", str(DATA / "dossiers.jsonl"), "--period", "2024-Q2", "--json"]) == 0
    rows = {r["code"]: r for r in json.loads(capsys.readouterr().out)["indicators"]}
    assert rows["1.1"]["needs"] == ["announcements"]
    assert rows["1.1"]["points"] is None
    assert rows["2.1"]["needs"] == []
    assert rows["2.1"]["status"] != rows["1.1"]["status"]
    assert main(["indicators", str(DATA / "dossiers.jsonl"), "--period", "2024-Q2"]) == 0
    assert (
        "1.1 TTHC công bố đúng hạn: chưa tính: thiếu số liệu đầu vào announcements"
        in capsys.readouterr().out
    )
