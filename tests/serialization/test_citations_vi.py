"""Citations of instruments written the Vietnamese way inside free text (procedure sources)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from motcua.serialization.render.procedures import citation_vi, citations_vi

KINDS = {
    "Decree": "Nghị định",
    "Circular": "Thông tư",
    "Joint Circular": "Thông tư liên tịch",
    "Decision": "Quyết định",
    "Resolution": "Nghị quyết",
    "Directive": "Chỉ thị",
}


@pytest.mark.parametrize(
    ("text", "vi"),
    [
        ("Decree 23/2015/NĐ-CP Art. 7", "Điều 7 Nghị định 23/2015/NĐ-CP"),
        (
            "Levels: Decree 23/2015 Art. 5 (district)",
            "Levels: Điều 5 Nghị định 23/2015 (district)",
        ),
        ("Fee: Circular 226/2016/TT-BTC.", "Fee: Thông tư 226/2016/TT-BTC."),
        (
            "Luật Cư trú 2020 Art. 22(3), 7 working days",
            "khoản 3 Điều 22 Luật Cư trú 2020, 7 working days",
        ),
        ("Luật Hộ tịch Art. 11(1)(b)", "điểm b khoản 1 Điều 11 Luật Hộ tịch"),
        ("Bộ luật Lao động 2019 Art. 112", "Điều 112 Bộ luật Lao động 2019"),
        ("Channels: Art. 26(1) (in person)", "Channels: khoản 1 Điều 26 (in person)"),
        ("Decree 63/2010/NĐ-CP Art. 16-17", "Điều 16-17 Nghị định 63/2010/NĐ-CP"),
        ("Directive 27/CT-TTg", "Chỉ thị 27/CT-TTg"),
        # Free text and numbers that are no instrument are left as they are.
        ("the 15:00 cut-off as published locally", "the 15:00 cut-off as published locally"),
        ("Decision 766 indicator 1.3", "Decision 766 indicator 1.3"),
        ("Điều 9 Nghị định 61/2018/NĐ-CP", "Điều 9 Nghị định 61/2018/NĐ-CP"),
    ],
)
def test_citations_golden(text: str, vi: str) -> None:
    assert citations_vi(text) == vi


_NUMBERS = st.integers(1, 999)
_POINTS = st.sampled_from("abcdeg") | st.just("đ")


@given(
    st.sampled_from(sorted(KINDS)),
    st.tuples(_NUMBERS, st.integers(2000, 2030)),
    _NUMBERS,
    st.tuples(st.none() | _NUMBERS, st.none() | _POINTS),
)
def test_a_cited_article_reads_the_vietnamese_way(
    kind: str, instrument: tuple[int, int], article: int, parts: tuple[int | None, str | None]
) -> None:
    number, year = instrument
    clause, point = parts
    ref = (
        f"Art. {article}"
        + (f"({clause})" if clause else "")
        + (f"({point})" if point and clause else "")
    )
    text = f"see {kind} {number}/{year}/NĐ-CP {ref}; then"
    vi = citations_vi(text)
    head = f"Điều {article}"
    if clause:
        head = f"khoản {clause} {head}"
        if point:
            head = f"điểm {point} {head}"
    assert vi == f"see {head} {KINDS[kind]} {number}/{year}/NĐ-CP; then"
    assert citations_vi(vi) == vi  # written once, nothing left to rewrite
    assert citation_vi(f"{kind} {number}/{year}/NĐ-CP", ref) == head[0].upper() + head[1:] + (
        f" {KINDS[kind]} {number}/{year}/NĐ-CP"
    )


@given(st.text(st.characters(blacklist_characters="ADCRJLB"), max_size=60))
def test_text_without_a_citation_is_unchanged(text: str) -> None:
    # Without the capitals that start "Art.", a kind or "Luật", nothing is a citation.
    assert citations_vi(text) == text
