"""The national portal's newer procedure shape (``executionMethods``) imported as a procedure.

The National Public Service Portal's newer public API answers a procedure's detail
(``POST /api/v1/configuring/formality/get-formality-by-citizen`` with ``{"id": ...}``) with
``{"code": "OK", "data": {...}}``. The keys read here, as public DVCQG crawlers read them
(the sources are listed in ``docs/reference/formats.md``):

* ``code`` (or ``codeNotation``), ``name``, ``categoriesDetails[].name`` / ``.code`` (field);
* ``isMinistry``, ``isProvince``, ``isDistrict``, ``isWard``, ``isOtherAgency`` (levels);
* ``executionMethods[{submissionMethod, processingTime, processingTimeUnit, description,
  fees[{value | amount, currencyName, description | name}]}]``: one term per method;
* ``executionCases[{name, profileComponents[{name, originalQty, copyQty, attachments}]}]``;
* ``executionSteps[{name, description}]``, ``legalBasisesDetails[{code, name}]``,
  ``departmentsExecuting``, ``departmentsAuthority``, ``resultsDetails``,
  ``subjectTypesDetails`` (lists of ``{name}``).

Other keys have no place in the model and are not read. What is inferred (a unit read as
working hours, the field code kept in the note) is stated in the procedure's ``note``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Final

from motcua.domain.procedures import (
    Channel,
    ChannelTerm,
    Document,
    Fee,
    LegalBasis,
    OnlineLevel,
    Procedure,
)
from motcua.foundation.errors import InvalidInputError
from motcua.serialization.dvcqg.fields import field_list, field_object, field_text
from motcua.serialization.dvcqg.procedures import (
    fee_from_dvcqg,
    levels_from_dvcqg,
    limit_from_dvcqg,
)
from motcua.serialization.files import ReadResult, Source, read_records

__all__ = [
    "PROCESSING_TIME_UNITS",
    "SUBMISSION_METHODS",
    "procedure_from_national_api",
    "read_national_api_procedures",
]

#: ``submissionMethod`` -> channels. ``DIRECT_AND_ONLINE`` gives both terms.
SUBMISSION_METHODS: Final = {
    "DIRECT": (Channel.IN_PERSON,),
    "ONLINE": (Channel.ONLINE,),
    "POSTAL": (Channel.POSTAL,),
    "DIRECT_AND_ONLINE": (Channel.IN_PERSON, Channel.ONLINE),
}
#: ``processingTimeUnit`` -> the national record's ``DONVITINH`` word it stands for.
PROCESSING_TIME_UNITS: Final = {
    "WORKING_DAY": "Ngày làm việc",
    "DAY": "Ngày",
    "WORKING_HOUR": "Giờ làm việc",
    "HOUR": "Giờ",
    "MONTH": "Tháng",
    "YEAR": "Năm",
}
_LEVEL_FLAGS: Final = (
    ("isMinistry", "Cấp Bộ"),
    ("isProvince", "Cấp Tỉnh"),
    ("isDistrict", "Cấp Huyện"),
    ("isWard", "Cấp Xã"),
    ("isOtherAgency", "Cơ quan khác"),
)


def _text(obj: dict[str, Any], key: str, at: str) -> str:
    return field_text(obj.get(key), f"{at}.{key}")


def _objects(rec: dict[str, Any], key: str, at: str) -> list[tuple[str, dict[str, Any]]]:
    """The objects of the array under *key*, each with its path."""
    return [
        (f"{at}.{key}[{i}]", field_object(item, f"{at}.{key}[{i}]"))
        for i, item in enumerate(field_list(rec, key, at))
    ]


def _names(rec: dict[str, Any], key: str, at: str) -> tuple[str, ...]:
    names = (_text(obj, "name", p) for p, obj in _objects(rec, key, at))
    return tuple(name for name in names if name)


def _flag(rec: dict[str, Any], key: str, at: str) -> bool:
    value = rec.get(key)
    if value is None:
        return False
    if not isinstance(value, bool):
        raise InvalidInputError(f"{at}.{key}", "true, false or null", value)
    return value


def _count(value: object, where: str) -> int:
    if value is None or value == "":
        return 0
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise InvalidInputError(where, "a whole number of papers, 0 or more", value)
    text = str(value)
    if not (text.isascii() and text.isdigit()) or len(text) > 6:
        raise InvalidInputError(where, "a whole number of papers, 0 or more", value)
    return int(text)


def _fee(item: object, at: str) -> Fee:
    obj = field_object(item, at)
    keys = [k for k in ("value", "amount") if obj.get(k) not in (None, "")]
    if len(keys) == 2 and obj["value"] != obj["amount"]:
        raise InvalidInputError(
            f"{at}.amount", f"the same amount as value ({obj['value']!r})", obj["amount"]
        )
    key = keys[0] if keys else "value"
    description = _text(obj, "description", at) or _text(obj, "name", at)
    return fee_from_dvcqg(description, obj.get(key), obj.get("currencyName"), at, key)


def _terms(rec: dict[str, Any], at: str, notes: list[str]) -> tuple[ChannelTerm, ...]:
    per_channel: dict[Channel, list[tuple[str, Any]]] = {}
    for i, method in enumerate(field_list(rec, "executionMethods", at)):
        mpath = f"{at}.executionMethods[{i}]"
        obj = field_object(method, mpath)
        code = obj.get("submissionMethod")
        channels = SUBMISSION_METHODS.get(code) if isinstance(code, str) else None
        if channels is None:
            raise InvalidInputError(
                f"{mpath}.submissionMethod", "one of " + ", ".join(SUBMISSION_METHODS), code
            )
        unit = obj.get("processingTimeUnit")
        if unit in (None, ""):
            word = ""
        elif isinstance(unit, str) and unit in PROCESSING_TIME_UNITS:
            word = PROCESSING_TIME_UNITS[unit]
        else:
            raise InvalidInputError(
                f"{mpath}.processingTimeUnit", "one of " + ", ".join(PROCESSING_TIME_UNITS), unit
            )
        desc = _text(obj, "description", mpath)
        limit = limit_from_dvcqg(obj.get("processingTime"), word, desc, mpath, notes)
        fees = tuple(
            _fee(f, f"{mpath}.fees[{k}]") for k, f in enumerate(field_list(obj, "fees", mpath))
        )
        for channel in channels:
            per_channel.setdefault(channel, []).append((desc, (limit, fees)))
    terms: list[ChannelTerm] = []
    for channel, rows in per_channel.items():
        seen: set[str] = set()
        for j, (desc, (limit, fees)) in enumerate(rows):
            case = "" if len(rows) == 1 else (desc or f"Trường hợp {j + 1}")
            if case in seen:
                case = f"{case} ({j + 1})"
            seen.add(case)
            terms.append(ChannelTerm(channel, limit, fees=fees, case=case, description=desc))
    return tuple(terms)


def _documents(rec: dict[str, Any], at: str) -> tuple[Document, ...]:
    documents: list[Document] = []
    for i, group in enumerate(field_list(rec, "executionCases", at)):
        gpath = f"{at}.executionCases[{i}]"
        group_obj = field_object(group, gpath)
        case = _text(group_obj, "name", gpath)
        for j, paper in enumerate(field_list(group_obj, "profileComponents", gpath)):
            ppath = f"{gpath}.profileComponents[{j}]"
            obj = field_object(paper, ppath)
            files = field_list(obj, "attachments", ppath)
            form = (
                _text(field_object(files[0], f"{ppath}.attachments[0]"), "fileName", ppath)
                if files
                else ""
            )
            documents.append(
                Document(
                    _text(obj, "name", ppath),
                    _count(obj.get("originalQty"), f"{ppath}.originalQty"),
                    _count(obj.get("copyQty"), f"{ppath}.copyQty"),
                    form,
                    case,
                )
            )
    return tuple(documents)


def procedure_from_national_api(
    record: object, where: str = "<record>", path: str = "$"
) -> Procedure:
    """Build a procedure from the newer national shape (``executionMethods``...).

    *record* is the procedure object, or the API's answer ``{"code": ..., "data": {...}}``.
    The record does not state the online level, so an online channel gives
    ``OnlineLevel.UNSTATED``; ``isOtherAgency`` alone is an error (motcua has no level for
    another agency), beside other levels it is stated in the note.
    """
    rec = field_object(record, f"{where} {path}")
    if isinstance(rec.get("data"), dict) and "executionMethods" not in rec:
        rec, path = rec["data"], f"{path}.data"
    at = f"{where} {path}"
    notes: list[str] = []
    try:
        code = _text(rec, "code", at) or _text(rec, "codeNotation", at)
        levels = levels_from_dvcqg(
            [(name, f"{at}.{key}") for key, name in _LEVEL_FLAGS if _flag(rec, key, at)], notes
        )
        categories = field_list(rec, "categoriesDetails", at)
        field = field_code = ""
        if categories:
            first = field_object(categories[0], f"{at}.categoriesDetails[0]")
            field = _text(first, "name", f"{at}.categoriesDetails[0]")
            field_code = _text(first, "code", f"{at}.categoriesDetails[0]")
        terms = _terms(rec, at, notes)
        basis = tuple(
            LegalBasis(_text(obj, "code", p), _text(obj, "name", p))
            for p, obj in _objects(rec, "legalBasisesDetails", at)
        )
        steps = tuple(
            _text(obj, "name", p) or _text(obj, "description", p)
            for p, obj in _objects(rec, "executionSteps", at)
        )
        channels = {t.channel for t in terms}
        return Procedure(
            code=code,
            name=_text(rec, "name", at),
            field=field,
            levels=levels,
            terms=terms,
            legal_basis=basis,
            implementing_agencies=_names(rec, "departmentsExecuting", at),
            competent_agencies=_names(rec, "departmentsAuthority", at),
            documents=_documents(rec, at),
            results=_names(rec, "resultsDetails", at),
            steps=tuple(s for s in steps if s),
            applicants=_names(rec, "subjectTypesDetails", at),
            online_level=OnlineLevel.UNSTATED if Channel.ONLINE in channels else OnlineLevel.NONE,
            source=f"DVCQG national procedure, newer API shape ({where})",
            note="; ".join(notes),
            field_code=field_code,
        )
    except InvalidInputError as exc:
        if exc.field.startswith(where):
            raise
        raise exc.within(at) from None


def read_national_api_procedures(
    path: str | Path | Source, *, skip_invalid: bool = False, input_format: str | None = None
) -> ReadResult[Procedure]:
    """Read procedures of the newer shape: one record or answer, an array, or ``{"items": [...]}``.

    *path* may be ``-`` (standard input, JSON unless *input_format* is ``jsonl``).
    """
    return read_records(
        path,
        "items",
        procedure_from_national_api,
        skip_invalid=skip_invalid,
        input_format=input_format,
    )
