"""check and indicators read one dossier at a time; a progress line only on a terminal."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from motcua.analyses.compliance import Regime, Violation, check
from motcua.cli import main
from motcua.cli._progress import Progress, track
from motcua.serialization.catalogues import sample_catalogue
from motcua.serialization.dossiers import dossier_from_json
from motcua.serialization.files import read_records
from motcua.serialization.render import dumps, violations_text, violations_to_json, with_counts

DATA = Path(__file__).resolve().parents[2] / "examples" / "data"
FILES = ["compliant.jsonl", "violations.jsonl", "dossiers.jsonl"]


def _whole(path: Path, *, as_of: str | None = None) -> tuple[int, list[Violation]]:
    """The violations of every dossier of *path*, checked all at once (the reference)."""
    catalogue = sample_catalogue()
    records = read_records(
        path, "dossiers", lambda d, w, p: dossier_from_json(d, w, p, catalogue=catalogue)
    ).records
    from motcua.cli._common import parse_as_of

    at = parse_as_of(as_of)
    return len(records), list(check(records, regime=Regime.AUTO, as_of=at, catalogue=catalogue))


@pytest.mark.parametrize("name", FILES)
@pytest.mark.parametrize("as_of", [None, "2024-03-14"])
def test_check_streams_the_same_text_and_json(
    capsys: pytest.CaptureFixture[str], name: str, as_of: str | None
) -> None:
    path = DATA / name
    extra = [] if as_of is None else ["--as-of", as_of]
    read, violations = _whole(path, as_of=as_of)
    status = main(["check", str(path), *extra])
    out = capsys.readouterr().out
    assert out == violations_text(violations, read)
    assert status == (1 if violations else 0)
    main(["check", str(path), "--verbose", *extra])
    assert capsys.readouterr().out == violations_text(violations, read, verbose=True)
    main(["check", str(path), "--lang", "en", *extra])
    assert capsys.readouterr().out == violations_text(violations, read, lang="en")
    main(["check", str(path), "--format", "json", *extra])
    body = {"violations": violations_to_json(violations)}
    assert capsys.readouterr().out == dumps(with_counts(body, read=read, skipped=0)) + "\n"


def test_check_skip_invalid_counts_and_names(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    lines = (DATA / "violations.jsonl").read_text(encoding="utf-8").splitlines()
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join([*lines[:3], "{oops", *lines[3:]]) + "\n", encoding="utf-8")
    assert main(["check", str(path), "--skip-invalid"]) == 2
    out, err = capsys.readouterr()
    read, violations = _whole(DATA / "violations.jsonl")
    assert out == violations_text(violations, read)
    assert err.splitlines() == [
        f"motcua: error: {path} line 4 column 2: expected valid JSON, got "
        + err.split("got ", 1)[1].splitlines()[0],
        f"motcua: read {len(lines)}, skipped 1",
    ]
    assert main(["check", str(path), "--format", "json"]) == 2
    assert capsys.readouterr().out == ""  # no half document
    assert main(["check", str(path)]) == 2  # the first bad record stops the reading
    out, err = capsys.readouterr()
    assert f"{path} line 4" in err
    assert out == "".join(violations_text(violations, read).splitlines(keepends=True)[:3])
    # the first three dossiers' violations, and no summary: the input was not read to its end


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_only_on_a_terminal() -> None:
    screen = Terminal()
    items = track(range(25), "motcua check", every=10, lang="en", stream=screen)
    assert list(items) == list(range(25))
    shown = screen.getvalue()
    assert "\rmotcua check: 10 dossiers" in shown
    assert "\rmotcua check: 20 dossiers" in shown
    assert shown.endswith("\r" + " " * len("motcua check: 20 dossiers") + "\r")  # erased
    pipe = io.StringIO()
    assert list(track(range(25), "motcua check", every=10, stream=pipe)) == list(range(25))
    assert pipe.getvalue() == ""
    with Progress("motcua report", "lines", lang="en", stream=screen) as progress:
        progress(1_234_567)
        assert screen.getvalue().endswith("motcua report: 1,234,567 lines")
    assert screen.getvalue().endswith("\r")


@pytest.mark.parametrize(
    ("unit", "lang", "one", "many"),
    [
        ("parts", "en", "1 part", "2 parts"),
        ("parts", "vi", "1 phần", "2 phần"),
        ("dossiers", "en", "1 dossier", "20,000 dossiers"),
        ("dossiers", "vi", "1 hồ sơ", "20.000 hồ sơ"),
        ("lines", "vi", "1 dòng", "20.000 dòng"),
        ("blocks", "en", "1 block", "20,000 blocks"),
    ],
)
def test_progress_words_for_one_and_many(unit: str, lang: str, one: str, many: str) -> None:
    screen = Terminal()
    count = 2 if unit == "parts" else 20_000
    with Progress("motcua report", unit, lang=lang, stream=screen) as progress:  # type: ignore[arg-type]
        progress(1)
        assert screen.getvalue().endswith(f"\rmotcua report: {one}")
        progress(count)
        assert screen.getvalue().endswith(f"\rmotcua report: {many}")


@pytest.mark.parametrize(("lang", "shown"), [("vi", "1 phần"), ("en", "1 part")])
def test_report_on_two_processes_shows_parts_on_a_terminal(
    monkeypatch: pytest.MonkeyPatch, lang: str, shown: str
) -> None:
    screen = Terminal()
    monkeypatch.setattr(sys, "stderr", screen)
    argv = ["report", str(DATA / "dossiers.jsonl"), "--period", "2024-Q1", "--format", "csv"]
    assert main([*argv, "--jobs", "2", "--lang", lang]) == 0
    assert f"\rmotcua report: {shown}\r" in screen.getvalue()
    assert screen.getvalue().endswith("\r")  # erased before the command ends


def test_report_on_standard_input_counts_lines_not_parts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """--jobs 2 on standard input counts in one process: its progress is in lines."""
    line = (DATA / "compliant.jsonl").read_text(encoding="utf-8").splitlines()[0]
    records = [json.loads(line) for _ in range(10_000)]
    for n, record in enumerate(records):
        record["code"] = record["code"][:-4] + f"{n % 10_000:04d}"
    data = "".join(json.dumps(r) + "\n" for r in records)
    screen = Terminal()
    monkeypatch.setattr(sys, "stderr", screen)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data.encode())))
    argv = ["report", "-", "--input-format", "jsonl", "--period", "2024", "--format", "csv"]
    main([*argv, "--jobs", "2", "--lang", "en", "--skip-invalid"])
    assert "\rmotcua report: 10,000 lines" in screen.getvalue()


def test_no_progress_in_a_pipe(tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl"
    line = (DATA / "compliant.jsonl").read_text(encoding="utf-8").splitlines()[0]
    path.write_text((line + "\n") * 12_000, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "motcua", "indicators", str(path), "--period", "2024", "--json"],
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0
    assert done.stderr == b""
    assert json.loads(done.stdout)["read"] == 12_000


def test_check_stops_on_a_closed_pipe() -> None:
    # An endless input: check must stop when `head` goes away, quietly, with status 141 (not 1, which means a violation).
    line = (DATA / "violations.jsonl").read_text(encoding="utf-8").splitlines()[0]
    producer = f"import sys\nline = {line!r} + '\\n'\nwhile True:\n    sys.stdout.write(line)\n"
    script = (
        f"{sys.executable} -c {_quote(producer)} 2>/dev/null "
        f"| {sys.executable} -m motcua check - --input-format jsonl | head -1; "
        'echo "status ${PIPESTATUS[1]}" >&2'
    )
    done = subprocess.run(
        ["/bin/bash", "-c", script], capture_output=True, check=False, timeout=120
    )
    assert done.stdout.decode("utf-8").count("\n") == 1
    assert done.stdout.startswith(b"[")
    assert done.stderr.decode("utf-8") == "status 141\n"


def _quote(text: str) -> str:
    return "'" + text.replace("'", "'\"'\"'") + "'"
