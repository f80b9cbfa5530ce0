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


def test_progress_only_on_a_terminal() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    screen = Terminal()
    assert list(track(range(25), "motcua check", every=10, stream=screen)) == list(range(25))
    shown = screen.getvalue()
    assert "\rmotcua check: 10 dossiers" in shown
    assert "\rmotcua check: 20 dossiers" in shown
    assert shown.endswith("\r" + " " * len("motcua check: 20 dossiers") + "\r")  # erased
    pipe = io.StringIO()
    assert list(track(range(25), "motcua check", every=10, stream=pipe)) == list(range(25))
    assert pipe.getvalue() == ""
    with Progress("motcua report", "lines", stream=screen) as progress:
        progress(1_234_567)
        assert screen.getvalue().endswith("motcua report: 1,234,567 lines")
    assert screen.getvalue().endswith("\r")


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
