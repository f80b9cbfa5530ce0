"""Vietnamese first: legal references, limits and online levels as officials write them."""

from __future__ import annotations

import pytest

from motcua.domain.procedures import LegalBasis
from motcua.serialization.catalogues import sample_catalogue
from motcua.serialization.render import legal_basis_vi, procedure_text


@pytest.mark.parametrize(
    ("basis", "vi"),
    [
        (LegalBasis("61/2018/NĐ-CP", "Nghị định", "Art. 9"), "Điều 9 Nghị định 61/2018/NĐ-CP"),
        (
            LegalBasis("60/2014/QH13", "Luật Hộ tịch", "Art. 9, 11, 16"),
            "Điều 9, 11, 16 Luật Hộ tịch 60/2014/QH13",
        ),
        (
            LegalBasis("60/2014/QH13", "Luật Hộ tịch", "Art. 11(1)(b)"),
            "Điểm b khoản 1 Điều 11 Luật Hộ tịch 60/2014/QH13",
        ),
        (
            LegalBasis("68/2020/QH14", "Luật Cư trú", "Art. 22(3)"),
            "Khoản 3 Điều 22 Luật Cư trú 68/2020/QH14",
        ),
        (
            LegalBasis("75/2022/TT-BTC", "Thông tư quy định mức thu lệ phí"),
            "Thông tư 75/2022/TT-BTC quy định mức thu lệ phí",
        ),
        (LegalBasis("118/2025/NĐ-CP"), "118/2025/NĐ-CP"),
    ],
)
def test_legal_basis_vi(basis: LegalBasis, vi: str) -> None:
    assert legal_basis_vi(basis) == vi


def test_every_sample_procedure_reads_in_vietnamese() -> None:
    for procedure in sample_catalogue():
        text, source = procedure_text(procedure).split("  nguồn")
        assert source.startswith(" (ghi chú bằng tiếng Anh, như trong danh mục): ")
        for english in ("working days", "working hours", "rule ", "Art.", "unstated", "same day"):
            assert english not in text, (procedure.code, english)
        assert "dịch vụ trực tuyến: " in text
        english = procedure_text(procedure, lang="en")
        assert "online service: " in english


def test_bad_lang() -> None:
    procedure = next(iter(sample_catalogue()))
    with pytest.raises(ValueError, match="lang"):
        procedure_text(procedure, lang="fr")
