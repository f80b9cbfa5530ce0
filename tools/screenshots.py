"""Make the screenshots in the docs from real output, with headless Chromium.

Each picture is what motcua prints for the sample data (``examples/data/dossiers.jsonl``),
rendered by Chromium as an A4 page would look on screen:

* ``docs/images/notice-receipt.png``: ``motcua notice receipt ... --format html``, the
  receipt and appointment slip (form 01) with its header and signature blocks;
* ``docs/images/report-html.png``: ``motcua report ... --format html``, Biểu 06 with its
  charts.

Run from the repository root (Chromium: Debian's ``chromium`` package)::

    python tools/screenshots.py            # rewrite the pictures
    python tools/screenshots.py --html     # also keep the HTML pages beside them

The pictures are not compared byte for byte by the tests (font hinting differs between
machines); the HTML they come from is tested (tests/serialization/).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from motcua.cli import main as motcua

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "data" / "dossiers.jsonl"
IMAGES = ROOT / "docs" / "images"

#: (picture, window size in CSS pixels, the command line that makes the page).
SHOTS = (
    (
        "notice-receipt.png",
        (820, 760),
        [
            "notice",
            "receipt",
            str(SAMPLE),
            "--code",
            "000.21.48.H48-240103-0001",
            "--format",
            "html",
            "--agency",
            "Bộ phận Một cửa UBND phường Ba Đình",
            "--superior",
            "UBND thành phố Hà Nội",
            "--place",
            "Hà Nội",
        ],
    ),
    (
        "report-html.png",
        (1180, 900),
        ["report", str(SAMPLE), "--period", "2024-H1", "--by", "agency", "--format", "html"],
    ),
)


def _page(argv: list[str]) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = motcua(argv)
    if status != 0:
        sys.exit(f"motcua {' '.join(argv)}: exit status {status}")
    return out.getvalue()


def main() -> int:
    """Write every picture; exit 1 if Chromium is not installed."""
    cli = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    cli.add_argument("--html", action="store_true", help="keep the HTML pages beside them")
    args = cli.parse_args()
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        print("chromium not found (Debian: apt-get install -y chromium)", file=sys.stderr)
        return 1
    IMAGES.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for name, (width, height), argv in SHOTS:
            page = Path(tmp) / (Path(name).stem + ".html")
            page.write_text(_page(argv), encoding="utf-8")
            if args.html:
                shutil.copy(page, IMAGES / page.name)
            subprocess.run(  # noqa: S603 - a fixed executable and our own file
                [
                    browser,
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--hide-scrollbars",
                    f"--user-data-dir={Path(tmp) / 'profile'}",
                    f"--window-size={width},{height}",
                    f"--screenshot={IMAGES / name}",
                    page.as_uri(),
                ],
                check=True,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            print(f"wrote {(IMAGES / name).relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
