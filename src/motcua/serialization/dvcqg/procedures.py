"""The national procedure record (the ``LayThuTuc`` answer) imported as a procedure.

Keys are in upper case: ``MATTHC``, ``TENTTHC``, ``CAPTHUCHIEN``, ``LINHVUCTHUCHIEN``,
``CACHTHUCTHUCHIEN[{KENH, THOIGIAN[{THOIGIANGIAIQUYET, DONVITINH, MOTA, PHILEPHI}]}]``,
``THANHPHANHOSO``, ``CANCUPHAPLY``... (the table is in ``docs/reference/formats.md``).
"""

from __future__ import annotations

import re
from datetime import time
from decimal import Decimal
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

__all__ = [
    "amount_from_dvcqg",
    "fee_from_dvcqg",
    "levels_from_dvcqg",
    "limit_from_dvcqg",
    "procedure_from_dvcqg",
    "read_dvcqg_procedures",
]

_UNIT_WORDS: Final = {
    "ngày làm việc": WorkingDays,
    "giờ làm việc": WorkingHours,
    "ngày": CalendarDays,
    "tháng": Months,
    "giờ": WorkingHours,
    "năm": Months,
}
#: What is inferred when a unit is read, stated in the procedure's note.
_UNIT_NOTES: Final = {
    "giờ": (
        "'Giờ' read as working hours (what one-stop systems count: OpenCPS durationUnit 1); "
        "the Civil Code counts hours on the clock"
    ),
    "năm": "'Năm' read as 12 months per year (Civil Code 2015 Art. 148)",
}


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


_NUMBER: Final = re.compile(r"[0-9]{1,9}(?:[.,][0-9]{1,6})?")


def _number(value: object, field: str) -> Fraction:
    if isinstance(value, bool):
        raise InvalidInputError(field, "a number", value)
    if isinstance(value, int) and abs(value) < 10**9:
        return Fraction(value)
    if isinstance(value, float) and value.is_integer() and abs(value) < 10**9:
        return Fraction(int(value))
    if isinstance(value, float) and abs(value) < 10**9:
        return Fraction(str(value))
    # ASCII digits with one decimal comma or point; nothing Fraction would expand (1e9999).
    if isinstance(value, str) and _NUMBER.fullmatch(value.strip()):
        return Fraction(value.strip().replace(",", "."))
    raise InvalidInputError(field, "a number such as 3 or 0,5 (below 10^9)", value)


def _whole(value: object, field: str) -> int:
    """A count of papers (``SOBANCHINH``): a whole number; empty or null is 0."""
    if value is None or value == "":
        return 0
    number = _number(value, field)
    if number.denominator != 1 or number < 0:
        raise InvalidInputError(field, "a whole number of papers, 0 or more", value)
    return int(number)


# Amounts as the national record writes them (SOTIEN): a JSON number, or text in which a dot
# is the Vietnamese thousands separator and a comma the decimal mark ("8.000,00"); text with
# both marks the other way round ("8,000.00") is read too, since the order tells.
_AMOUNT_FORMS: Final = (
    (re.compile(r"[0-9]+"), ""),
    (re.compile(r"[1-9][0-9]{0,2}(?:\.[0-9]{3})+(?:,[0-9]+)?"), "."),
    (re.compile(r"[1-9][0-9]{0,2}(?:,[0-9]{3}){2,}"), ","),
    (re.compile(r"[1-9][0-9]{0,2}(?:,[0-9]{3})+\.[0-9]+"), ","),
    (re.compile(r"[0-9]+[.,](?:[0-9]{1,2}|[0-9]{4,})"), ""),
    (re.compile(r"(?:0|[1-9][0-9]{3,})[.,][0-9]{3}"), ""),
)
_AMOUNT_EXPECTED: Final = (
    "an amount such as 20000, 8000.0, '20.000' or '8.000,00' (a dot groups thousands, a "
    "comma marks decimals)"
)


def amount_from_dvcqg(value: object, field: str = "SOTIEN") -> Decimal | None:
    """Read an amount of the national record exactly: never a float, never digits glued.

    A JSON number is read as written (``8000.0`` is 8000); in text a dot followed by three
    digits groups thousands (``"20.000"``), a comma is the decimal mark (``"8.000,00"``),
    and a single mark followed by one, two or four or more digits is a decimal mark
    (``"8000.0"``). ``"8,000"`` is ambiguous (8 with three decimals, or 8000) and is an
    error quoting it, as is anything else. Empty or null: None (not stated).

    >>> amount_from_dvcqg(8000.0), amount_from_dvcqg("8.000,00"), amount_from_dvcqg("20.000")
    (Decimal('8000'), Decimal('8000'), Decimal('20000'))
    """
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise InvalidInputError(field, _AMOUNT_EXPECTED, value)
    if isinstance(value, int):
        if not 0 <= value < 10**15:
            raise InvalidInputError(field, _AMOUNT_EXPECTED, value)
        return Decimal(value)
    if isinstance(value, float):
        text = repr(value)
        if "e" in text or "n" in text or value < 0:
            raise InvalidInputError(field, _AMOUNT_EXPECTED, value)
        return Decimal(text).normalize() + 0
    if isinstance(value, str):
        text = value.strip()
        for form, group in _AMOUNT_FORMS:
            if len(text) <= 24 and form.fullmatch(text):
                plain = (text.replace(group, "") if group else text).replace(",", ".")
                return Decimal(plain).normalize() + 0
        if re.fullmatch(r"[1-9][0-9]{0,2},[0-9]{3}", text):
            raise InvalidInputError(
                field,
                _AMOUNT_EXPECTED,
                value,
                "a comma followed by three digits may group thousands or mark decimals; "
                "write the amount without it",
            )
    raise InvalidInputError(field, _AMOUNT_EXPECTED, value)


_CUTOFF: Final = re.compile(r"sau ([0-9]{1,2})(?:\s*(?:giờ|h|:)\s*([0-9]{1,2})?(?:\s*phút)?)")


def _cutoff(desc: str, description: str, field: str) -> time | None:
    """The cut-off hour and minute *desc* names (``sau 15 giờ``, ``sau 15h30``, ``sau 15:30``)."""
    cut = _CUTOFF.search(desc)
    if cut is None:
        return None
    try:
        return time(int(cut.group(1)), int(cut.group(2) or 0))
    except ValueError:
        raise InvalidInputError(
            f"{field}.MOTA", "a cut-off hour that exists, such as 'sau 15 giờ 30'", description
        ) from None


def limit_from_dvcqg(
    amount: object,
    unit: object,
    description: str = "",
    field: str = "THOIGIAN",
    notes: list[str] | None = None,
) -> TimeLimit | NoTimeLimit:
    """Map ``THOIGIANGIAIQUYET`` + ``DONVITINH`` (+ ``MOTA``) to a time limit.

    * ``Ngày làm việc`` -> working days; ``Giờ làm việc`` -> working hours; ``Ngày`` ->
      calendar days (Civil Code); ``Tháng`` -> months;
    * ``Giờ`` -> working hours and ``Năm`` -> 12 months a year, each inference appended to
      *notes* (the procedure's note says it);
    * 0 days with a description saying *trong ngày* -> same day (with the cut-off the
      description names, e.g. *sau 15 giờ* or *sau 15h30*);
    * an empty unit, or 0 with a description saying *không quy định* -> no time limit;
    * anything else is an error that quotes the value.

    >>> limit_from_dvcqg("3", "Ngày làm việc")
    WorkingDays(count=3)
    >>> limit_from_dvcqg(0, "Ngày", "Trong ngày; sau 15h30 thì trả vào ngày làm việc tiếp theo")
    SameDay(cutoff=datetime.time(15, 30))
    >>> limit_from_dvcqg(2, "Năm")
    Months(count=24)
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
            "one of 'Ngày làm việc', 'Giờ làm việc', 'Ngày', 'Tháng', 'Giờ', 'Năm'",
            unit,
            "map it explicitly before importing",
        )
    if count == 0:
        if "trong ngày" in desc:
            return SameDay(_cutoff(desc, description, field))
        if "không quy định" in desc:
            return NoTimeLimit(description)
        raise InvalidInputError(
            f"{field}.THOIGIANGIAIQUYET",
            "a positive count (0 only with 'trong ngày' or 'không quy định' in MOTA)",
            amount,
        )
    if cls in (CalendarDays, Months) and count.denominator != 1:
        raise InvalidInputError(f"{field}.THOIGIANGIAIQUYET", "a whole number", amount)
    if unit_text in _UNIT_NOTES and notes is not None and _UNIT_NOTES[unit_text] not in notes:
        notes.append(_UNIT_NOTES[unit_text])
    value = int(count) if count.denominator == 1 else count
    if cls is WorkingDays:
        return WorkingDays(value)
    if cls is WorkingHours:
        return WorkingHours(value)
    if cls is CalendarDays:
        return CalendarDays(int(value))
    return Months(int(value) * (12 if unit_text == "năm" else 1))


def _get(value: object, where: str, key: str) -> object:
    return field_object(value, where).get(key)


_DONG: Final = ("đồng", "vnđ", "vnd", "đ", "việt nam đồng")


def fee_from_dvcqg(
    description: str, amount: object, unit: object, where: str, amount_key: str = "SOTIEN"
) -> Fee:
    """A fee from its amount and unit: đồng (``Đồng``, ``VNĐ``, empty) or ``%``.

    A percentage reads the amount as the rate (``0,5`` with ``%`` is 0.5 percent).
    """
    unit_text = _norm(field_text(unit, f"{where}.DONVI"))
    value = amount_from_dvcqg(amount, f"{where}.{amount_key}")
    text = description or "Phí, lệ phí"
    if unit_text == "%" and value is None:
        raise InvalidInputError(f"{where}.{amount_key}", "a percentage", amount)
    if unit_text not in ("", "%", *_DONG):
        raise InvalidInputError(
            f"{where}.DONVI", "an amount in đồng ('Đồng', 'VNĐ') or a percentage ('%')", unit
        )
    try:
        return Fee(text, percent=value) if unit_text == "%" and value else Fee(text, value)
    except InvalidInputError as exc:
        raise InvalidInputError(f"{where}.{amount_key}", exc.expected, amount) from None


def _fee(item: dict[str, Any], where: str) -> Fee:
    return fee_from_dvcqg(
        field_text(item.get("MOTA"), f"{where}.MOTA"), item.get("SOTIEN"), item.get("DONVI"), where
    )


#: ``TENCAP`` values with no motcua level.
_OTHER_AGENCY: Final = "cơ quan khác"


def levels_from_dvcqg(names: list[tuple[str, str]], notes: list[str]) -> tuple[Level, ...]:
    """Levels from ``(TENCAP, path)`` pairs; ``Cơ quan khác`` is never mapped to a level.

    With other levels it is stated in *notes*; alone it is an error (motcua has no level for
    it, and guessing one would misfile the procedure in reports).
    """
    other = [path for name, path in names if _norm(name) == _OTHER_AGENCY]
    levels = tuple(
        dict.fromkeys(_level(name, path) for name, path in names if _norm(name) != _OTHER_AGENCY)
    )
    if other and not levels:
        raise InvalidInputError(
            other[0],
            "a level motcua has ('Cấp Bộ', 'Cấp Tỉnh', 'Cấp Huyện', 'Cấp Xã')",
            "Cơ quan khác",
            "motcua has no level for another agency; give the record its level before importing",
        )
    if other:
        notes.append("the record also lists 'Cơ quan khác', which has no level in motcua")
    return levels


def _level(name: str, path: str) -> Level:
    try:
        return Level.from_vi(name)
    except InvalidInputError as exc:
        raise InvalidInputError(path, exc.expected, exc.got) from None


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
    notes: list[str] = []
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
                    slot_obj.get("THOIGIANGIAIQUYET"),
                    slot_obj.get("DONVITINH"),
                    desc,
                    tpath,
                    notes,
                )
                fees = tuple(
                    _fee(field_object(f, f"{tpath}.PHILEPHI[{k}]"), f"{tpath}.PHILEPHI[{k}]")
                    for k, f in enumerate(field_list(slot_obj, "PHILEPHI", tpath))
                )
                case = "" if len(times) == 1 else (desc or f"Trường hợp {j + 1}")
                terms.append(ChannelTerm(channel, limit, fees=fees, case=case, description=desc))
        levels = levels_from_dvcqg(
            [
                (
                    field_text(
                        field_object(c, f"{at}.CAPTHUCHIEN[{i}]").get("TENCAP"),
                        f"{at}.CAPTHUCHIEN[{i}].TENCAP",
                    ),
                    f"{at}.CAPTHUCHIEN[{i}].TENCAP",
                )
                for i, c in enumerate(field_list(rec, "CAPTHUCHIEN", at))
            ],
            notes,
        )
        fields = field_list(rec, "LINHVUCTHUCHIEN", at)
        field = field_code = ""
        if fields:
            first = field_object(fields[0], f"{at}.LINHVUCTHUCHIEN[0]")
            field = field_text(first.get("TENLINHVUC"), f"{at}.LINHVUCTHUCHIEN[0].TENLINHVUC")
            field_code = field_text(first.get("MALINHVUC"), f"{at}.LINHVUCTHUCHIEN[0].MALINHVUC")
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
                        _whole(paper_obj.get("SOBANCHINH"), f"{ppath}.SOBANCHINH"),
                        _whole(paper_obj.get("SOBANSAO"), f"{ppath}.SOBANSAO"),
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
            note="; ".join(notes),
            field_code=field_code,
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
