"""The national procedure record (the ``LayThuTuc`` answer) imported as a procedure.

Keys are in upper case: ``MATTHC``, ``TENTTHC``, ``CAPTHUCHIEN``, ``LINHVUCTHUCHIEN``,
``CACHTHUCTHUCHIEN[{KENH, THOIGIAN[{THOIGIANGIAIQUYET, DONVITINH, MOTA, PHILEPHI}]}]``,
``THANHPHANHOSO``, ``CANCUPHAPLY``... (the table is in ``docs/reference/formats.md``).
"""

from __future__ import annotations

import re
from fractions import Fraction
from pathlib import Path
from typing import Any, Final

from motcua.domain.procedures import (
    Channel,
    ChannelTerm,
    Document,
    Fee,
    LegalBasis,
    NoTimeLimit,
    OnlineLevel,
    Procedure,
)
from motcua.domain.units import Level
from motcua.foundation.errors import InvalidInputError
from motcua.serialization.dvcqg.fields import (
    field_list,
    field_object,
    field_text,
)
from motcua.serialization.files import ReadResult, Source, read_records
from motcua.time.limits import CalendarDays, Months, SameDay, TimeLimit, WorkingDays, WorkingHours

__all__ = ["limit_from_dvcqg", "procedure_from_dvcqg", "read_dvcqg_procedures"]


_UNIT_WORDS: Final = {
    "ngày làm việc": WorkingDays,
    "giờ làm việc": WorkingHours,
    "ngày": CalendarDays,
    "tháng": Months,
}


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


_NUMBER: Final = re.compile(r"[0-9]{1,9}(?:[.,][0-9]{1,6})?")


def _number(value: object, field: str) -> Fraction:
    if isinstance(value, bool):
        raise InvalidInputError(field, "a number", value)
    if isinstance(value, int | float):
        return Fraction(str(value))
    # ASCII digits with one decimal comma or point; nothing Fraction would expand (1e9999).
    if isinstance(value, str) and _NUMBER.fullmatch(value.strip()):
        return Fraction(value.strip().replace(",", "."))
    raise InvalidInputError(field, "a number such as 3 or 0,5", value)


def limit_from_dvcqg(
    amount: object, unit: object, description: str = "", field: str = "THOIGIAN"
) -> TimeLimit | NoTimeLimit:
    """Map ``THOIGIANGIAIQUYET`` + ``DONVITINH`` (+ ``MOTA``) to a time limit.

    * ``Ngày làm việc`` -> working days; ``Giờ làm việc`` -> working hours; ``Ngày`` ->
      calendar days (Civil Code); ``Tháng`` -> months;
    * 0 days with a description saying *trong ngày* -> same day (with the cut-off hour the
      description names, e.g. *sau 15 giờ*);
    * an empty unit, or 0 with a description saying *không quy định* -> no time limit;
    * anything else is an error that quotes the value.

    >>> limit_from_dvcqg("3", "Ngày làm việc")
    WorkingDays(count=3)
    >>> limit_from_dvcqg(0, "Ngày", "Trong ngày; sau 15 giờ thì trả vào ngày làm việc tiếp theo")
    SameDay(cutoff=datetime.time(15, 0))
    """
    desc = _norm(description)
    unit_text = _norm(unit) if isinstance(unit, str) else ""
    unstated = not unit_text and (amount in (None, "", 0, "0") or "không quy định" in desc)
    if unit_text == "không quy định" or unstated:
        return NoTimeLimit(description or NoTimeLimit().note)
    count = _number(amount, f"{field}.THOIGIANGIAIQUYET")
    cls = _UNIT_WORDS.get(unit_text)
    if cls is None:
        raise InvalidInputError(
            f"{field}.DONVITINH",
            "one of 'Ngày làm việc', 'Giờ làm việc', 'Ngày', 'Tháng'",
            unit,
            "map it explicitly before importing",
        )
    if count == 0:
        if "trong ngày" in desc:
            cut = re.search(r"sau ([0-9]{1,2})\s*(?:giờ|h)", desc)
            from datetime import time  # noqa: PLC0415 - only for this rare case

            return SameDay(time(int(cut.group(1)), 0) if cut else None)
        if "không quy định" in desc:
            return NoTimeLimit(description)
        raise InvalidInputError(
            f"{field}.THOIGIANGIAIQUYET",
            "a positive count (0 only with 'trong ngày' or 'không quy định' in MOTA)",
            amount,
        )
    if cls in (CalendarDays, Months) and count.denominator != 1:
        raise InvalidInputError(f"{field}.THOIGIANGIAIQUYET", "a whole number", amount)
    value = int(count) if count.denominator == 1 else count
    if cls is WorkingDays:
        return WorkingDays(value)
    if cls is WorkingHours:
        return WorkingHours(value)
    return CalendarDays(int(value)) if cls is CalendarDays else Months(int(value))


def _get(value: object, where: str, key: str) -> object:
    return field_object(value, where).get(key)


def _fee(item: dict[str, Any], where: str) -> Fee:
    unit = _norm(field_text(item.get("DONVI"), f"{where}.DONVI"))
    if unit and unit not in ("đồng", "vnđ", "vnd", "đ"):
        raise InvalidInputError(f"{where}.DONVI", "an amount in đồng ('Đồng', 'VNĐ')", unit)
    raw = item.get("SOTIEN")
    amount: int | None = None
    if raw not in (None, ""):
        text = field_text(raw, f"{where}.SOTIEN").replace(".", "").replace(",", "")
        if not text.isdigit():
            raise InvalidInputError(f"{where}.SOTIEN", "a whole amount in đồng", raw)
        amount = int(text)
    return Fee(field_text(item.get("MOTA"), f"{where}.MOTA") or "Phí, lệ phí", amount)


def procedure_from_dvcqg(record: object, where: str = "<record>", path: str = "$") -> Procedure:
    """Build a procedure from a national procedure record (keys in upper case).

    Keys read: ``MATTHC``, ``TENTTHC``, ``LINHVUCTHUCHIEN[0].TENLINHVUC``,
    ``CAPTHUCHIEN[].TENCAP``, ``CACHTHUCTHUCHIEN``, ``CANCUPHAPLY``, ``THANHPHANHOSO``,
    ``COQUANTHUCHIEN``, ``COQUANCOTHAMQUYEN``, ``KETQUATHUCHIEN``, ``TRINHTUTHUCHIEN``,
    ``DOITUONGTHUCHIEN``; other keys (requirements, keywords...) have no place in the model
    and are not read. The record
    does not state the online level, so an online channel gives ``OnlineLevel.UNSTATED``.
    """
    at = f"{where} {path}"
    rec = field_object(record, at)
    try:
        code = field_text(rec.get("MATTHC"), f"{at}.MATTHC")
        terms: list[ChannelTerm] = []
        for i, way in enumerate(field_list(rec, "CACHTHUCTHUCHIEN", at)):
            wpath = f"{at}.CACHTHUCTHUCHIEN[{i}]"
            way_obj = field_object(way, wpath)
            channel = Channel.from_code(way_obj.get("KENH"), f"{wpath}.KENH")
            times = field_list(way_obj, "THOIGIAN", wpath)
            for j, slot in enumerate(times):
                tpath = f"{wpath}.THOIGIAN[{j}]"
                slot_obj = field_object(slot, tpath)
                desc = field_text(slot_obj.get("MOTA"), f"{tpath}.MOTA")
                limit = limit_from_dvcqg(
                    slot_obj.get("THOIGIANGIAIQUYET"), slot_obj.get("DONVITINH"), desc, tpath
                )
                fees = tuple(
                    _fee(field_object(f, f"{tpath}.PHILEPHI[{k}]"), f"{tpath}.PHILEPHI[{k}]")
                    for k, f in enumerate(field_list(slot_obj, "PHILEPHI", tpath))
                )
                case = "" if len(times) == 1 else (desc or f"Trường hợp {j + 1}")
                terms.append(ChannelTerm(channel, limit, fees=fees, case=case, description=desc))
        levels = tuple(
            dict.fromkeys(
                Level.from_vi(
                    field_text(field_object(c, f"{at}.CAPTHUCHIEN[{i}]").get("TENCAP"), "TENCAP")
                )
                for i, c in enumerate(field_list(rec, "CAPTHUCHIEN", at))
            )
        )
        fields = field_list(rec, "LINHVUCTHUCHIEN", at)
        field = (
            field_text(
                field_object(fields[0], f"{at}.LINHVUCTHUCHIEN[0]").get("TENLINHVUC"), "TENLINHVUC"
            )
            if fields
            else ""
        )
        basis = tuple(
            LegalBasis(
                field_text(field_object(b, f"{at}.CANCUPHAPLY[{i}]").get("SOVANBAN"), "SOVANBAN"),
                field_text(b.get("TENVANBAN"), "TENVANBAN"),
            )
            for i, b in enumerate(field_list(rec, "CANCUPHAPLY", at))
        )
        documents: list[Document] = []
        for i, group in enumerate(field_list(rec, "THANHPHANHOSO", at)):
            gpath = f"{at}.THANHPHANHOSO[{i}]"
            group_obj = field_object(group, gpath)
            case = field_text(group_obj.get("TRUONGHOP"), f"{gpath}.TRUONGHOP")
            for j, paper in enumerate(field_list(group_obj, "GIAYTO", gpath)):
                ppath = f"{gpath}.GIAYTO[{j}]"
                paper_obj = field_object(paper, ppath)
                documents.append(
                    Document(
                        field_text(paper_obj.get("TENGIAYTO"), f"{ppath}.TENGIAYTO"),
                        int(_number(paper_obj.get("SOBANCHINH") or 0, f"{ppath}.SOBANCHINH")),
                        int(_number(paper_obj.get("SOBANSAO") or 0, f"{ppath}.SOBANSAO")),
                        field_text(paper_obj.get("TENMAUDON"), f"{ppath}.TENMAUDON"),
                        case,
                    )
                )

        def names(key: str, name_key: str) -> tuple[str, ...]:
            return tuple(
                field_text(
                    field_object(x, f"{at}.{key}[{i}]").get(name_key),
                    f"{at}.{key}[{i}].{name_key}",
                )
                for i, x in enumerate(field_list(rec, key, at))
            )

        channels = {t.channel for t in terms}
        return Procedure(
            code=code,
            name=field_text(rec.get("TENTTHC"), f"{at}.TENTTHC"),
            field=field,
            levels=levels,
            terms=tuple(terms),
            legal_basis=basis,
            implementing_agencies=names("COQUANTHUCHIEN", "TENDONVI"),
            competent_agencies=names("COQUANCOTHAMQUYEN", "TENDONVI"),
            documents=tuple(documents),
            results=names("KETQUATHUCHIEN", "TENKETQUA"),
            steps=tuple(
                field_text(
                    field_object(step, f"{at}.TRINHTUTHUCHIEN[{i}].TRINHTU[{j}]").get(
                        "TENTRINHTU"
                    ),
                    "TENTRINHTU",
                )
                for i, case in enumerate(field_list(rec, "TRINHTUTHUCHIEN", at))
                for j, step in enumerate(
                    field_list(field_object(case, f"{at}.TRINHTUTHUCHIEN[{i}]"), "TRINHTU", at)
                )
            ),
            applicants=names("DOITUONGTHUCHIEN", "TENDOITUONG"),
            online_level=OnlineLevel.UNSTATED if Channel.ONLINE in channels else OnlineLevel.NONE,
            source=f"DVCQG national procedure record ({where})",
        )
    except InvalidInputError as exc:
        if exc.field.startswith(where):
            raise
        raise exc.within(at) from None


def read_dvcqg_procedures(
    path: str | Path | Source, *, skip_invalid: bool = False, input_format: str | None = None
) -> ReadResult[Procedure]:
    """Read national procedure records: one record, an array, or ``{"result": [...]}``.

    *path* may be ``-`` (standard input, JSON unless *input_format* is ``jsonl``).
    """
    return read_records(
        path,
        "result",
        procedure_from_dvcqg,
        skip_invalid=skip_invalid,
        input_format=input_format,
    )
