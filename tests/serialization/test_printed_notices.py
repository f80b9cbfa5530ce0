"""Every notice form printed by headless Chromium: one A4 page, fonts embedded, no missing glyph.

Each form (Circular 01/2018 and Circular 03/2025, the register of both) is rendered with
``render_html`` from a sample dossier, printed to PDF by Chromium, and read back with pypdf.
"""

from __future__ import annotations

import re
from pathlib import Path

import pypdf
import pytest

from motcua import Dossier, LifecyclePolicy, read_dossiers, sample_catalogue
from motcua.analyses.compliance import Regime
from motcua.analyses.forms import FormSet
from motcua.analyses.notices import Notice, NoticeKind, build_book, build_notice, render_html
from tests.serialization.chromium import (
    A4,
    chromium,
    glyph_codes,
    print_to_pdf,
    unembedded_fonts,
)

SAMPLE = Path(__file__).resolve().parent.parent.parent / "examples" / "data" / "dossiers.jsonl"

#: One sample dossier for each form: (kind, regime, dossier code).
FORMS = [
    ("receipt", "61-2018", "000.21.48.H48-240103-0001"),
    ("supplement", "61-2018", "000.31.48.H48-240227-0001"),
    ("refusal", "61-2018", "000.21.48.H48-240520-0001"),
    ("apology", "61-2018", "000.00.05.H48-240415-0001"),
    ("control", "61-2018", "000.00.05.H48-240415-0001"),
    ("book", "61-2018", ""),
    ("receipt", "118-2025", "000.21.48.H48-240103-0001"),
    ("supplement", "118-2025", "000.31.48.H48-240227-0001"),
    ("refusal", "118-2025", "000.21.48.H48-240520-0001"),
    ("extension", "118-2025", "000.00.05.H48-240415-0001"),
    ("stop", "118-2025", "000.00.05.H48-240513-0001"),
    ("control", "118-2025", "000.00.05.H48-240415-0001"),
    ("book", "118-2025", ""),
]


#: The register's rows on the page printed.
BOOK_ROWS = 6


def _dossiers() -> dict[str, Dossier]:
    records = read_dossiers(SAMPLE, policy=LifecyclePolicy(max_reschedules=None)).records
    return {str(d.code): d for d in records}


def _notice(kind: str, regime: str, code: str) -> Notice:
    dossiers = _dossiers()
    catalogue = sample_catalogue()
    if kind == "book":  # one page of the register (a longer one runs on, its header repeated)
        first = list(dossiers.values())[:BOOK_ROWS]
        return build_book(first, regime=Regime(regime), catalogue=catalogue)
    return build_notice(
        NoticeKind(kind), dossiers[code], regime=Regime(regime), catalogue=catalogue
    )


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_every_form_is_covered() -> None:
    built = {(_notice(*f).forms, NoticeKind(f[0])) for f in FORMS}
    wanted = {
        (FormSet.CIRCULAR_01_2018, k)
        for k in NoticeKind
        if k not in (NoticeKind.EXTENSION, NoticeKind.STOP)
    } | {(FormSet.CIRCULAR_03_2025, k) for k in NoticeKind if k is not NoticeKind.APOLOGY}
    assert built == wanted  # 03/2025 form 04 is the extension request (the apology's kind too)


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[int, tuple[Notice, Path]]:
    """Print every form to PDF, the browsers running side by side."""
    browser = chromium()
    folder = tmp_path_factory.mktemp("notices")
    jobs = []
    out: dict[int, tuple[Notice, Path]] = {}
    for n, form in enumerate(FORMS):
        notice = _notice(*form)
        page = folder / f"form-{n}.html"
        page.write_text(
            render_html(notice, agency="Bộ phận Một cửa UBND phường Ba Đình", place="Hà Nội"),
            encoding="utf-8",
        )
        pdf = folder / f"form-{n}.pdf"
        jobs.append(print_to_pdf(browser, page, pdf))
        out[n] = (notice, pdf)
        if len(jobs) >= 3:
            assert jobs.pop(0).wait(timeout=120) == 0
    for job in jobs:
        assert job.wait(timeout=120) == 0
    return out


@pytest.mark.parametrize("n", range(len(FORMS)), ids=[f"{k}-{r}" for k, r, _ in FORMS])
def test_form_prints_on_one_a4_page(printed: dict[int, tuple[Notice, Path]], n: int) -> None:
    notice, pdf = printed[n]
    reader = pypdf.PdfReader(pdf)
    assert len(reader.pages) == 1
    page = reader.pages[0]
    size = sorted((float(page.mediabox.width), float(page.mediabox.height)))
    assert size == pytest.approx(sorted(A4), abs=1.0)
    landscape = page.mediabox.width > page.mediabox.height
    assert landscape == (notice.kind is NoticeKind.BOOK)
    assert unembedded_fonts(page) == []
    codes = list(glyph_codes(reader, page))
    assert codes
    assert 0 not in codes  # glyph 0 is .notdef: a character no font had
    text = _squash(page.extract_text())
    for needle in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        notice.title,
        f"Mẫu số {notice.form}",
    ):
        assert _squash(needle) in text


def test_a_missing_glyph_is_seen(tmp_path: Path) -> None:
    """The check above can fail: a private-use character no font has prints as glyph 0."""
    browser = chromium()
    page = tmp_path / "bad.html"
    page.write_text("<html><body><p>A \ue000 B</p></body></html>", encoding="utf-8")
    pdf = tmp_path / "bad.pdf"
    assert print_to_pdf(browser, page, pdf).wait(timeout=120) == 0
    reader = pypdf.PdfReader(pdf)
    assert 0 in list(glyph_codes(reader, reader.pages[0]))
