"""Errors cross the process pool of ``tally_file(jobs=2)`` whatever pickling is installed.

``distributed`` (the ``dask`` extra) installs ``tblib.pickling_support`` on import, which
pickles an exception with its whole chain; a cattrs validation group in that chain does not
unpickle, and the pool broke (BrokenProcessPool) instead of naming the bad record. The test
runs in a fresh interpreter because the installation cannot be undone.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = """
import sys
import motcua.serialization.converter  # cattrs' exception classes exist before the install
import tblib.pickling_support
tblib.pickling_support.install()
from motcua import InvalidInputError, parse_period, tally_file
period = parse_period("2024-Q2")
errors = []
tally_file(sys.argv[1], period, jobs=2, skip_invalid=True, errors=errors)
print(len(errors))
try:
    tally_file(sys.argv[1], period, jobs=2)
except InvalidInputError as exc:
    print(str(exc).split(":")[0])
"""

#: A record without a code and with a bad cut-off: its error carries cattrs' group.
BAD = (
    '{"schema_version": 1, "procedure": "1.001193", "channel": 1, '
    '"limit": {"unit": "same_day", "cutoff": 5}, "events": []}'
)


def test_bad_records_are_named_across_the_pool(tmp_path: Path) -> None:
    pytest.importorskip("tblib", reason="tblib comes with the dask extra (distributed)")
    path = tmp_path / "bad.jsonl"
    path.write_text("\n".join([BAD] * 3000) + "\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(path)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.splitlines() == ["3000", f"{path} line 1 $.code"]
