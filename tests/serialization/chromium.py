"""Headless Chromium for the printed-output tests: print HTML to PDF, read the PDF back.

Chromium is Debian's ``chromium`` package (``.ci/run`` installs it); where it is absent the
tests that need it are skipped, saying so.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pypdf
import pytest
from pypdf.generic import ByteStringObject, ContentStream, TextStringObject

__all__ = ["chromium", "glyph_codes", "print_to_pdf", "unembedded_fonts"]

#: A4 in PostScript points (210 x 297 mm).
A4 = (595.28, 841.89)


def chromium() -> str:
    """The Chromium executable, or skip the test saying why."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        pytest.skip(
            "headless Chromium not found (Debian: apt-get install -y chromium; .ci/run "
            "installs it where apt is available)"
        )
    return found


def print_to_pdf(browser: str, page: Path, pdf: Path) -> subprocess.Popen[bytes]:
    """Start printing *page* to *pdf* (no header or footer); the caller waits."""
    return subprocess.Popen(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            f"--user-data-dir={pdf.parent / ('profile-' + pdf.stem)}",
            f"--print-to-pdf={pdf}",
            page.resolve().as_uri(),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def glyph_codes(reader: pypdf.PdfReader, page: pypdf.PageObject) -> Iterator[int]:
    """Every glyph code a page shows (Chromium writes two-byte glyph ids, 0 = .notdef)."""
    for operands, operator in ContentStream(page.get_contents(), reader).operations:
        if operator == b"Tj":
            items = [operands[0]]
        elif operator == b"TJ":
            items = list(operands[0])
        else:
            continue
        for item in items:
            if isinstance(item, (ByteStringObject, TextStringObject)):
                raw = item.original_bytes
                yield from (int.from_bytes(raw[i : i + 2], "big") for i in range(0, len(raw), 2))


def unembedded_fonts(page: pypdf.PageObject) -> list[str]:
    """The names of the fonts a page uses without embedding them."""
    missing = []
    resources: Any = page["/Resources"].get_object()
    fonts: Any = resources.get("/Font", {})
    for ref in fonts.get_object().values():
        font: Any = ref.get_object()
        target = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
        descriptor: Any = target.get("/FontDescriptor")
        descriptor = None if descriptor is None else descriptor.get_object()
        if descriptor is None or not any(
            k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")
        ):
            missing.append(str(font.get("/BaseFont")))
    return missing
