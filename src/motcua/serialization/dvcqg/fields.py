"""The DVCQG field conventions shared by both formats: instants, labels, typed field access.

Instants in the sync payload are ``yyyyMMddHHmmss`` in Vietnam time, an empty string when
absent (the format OpenCPS sends: ``VietOpenCPS/opencps-v2``,
``DVCQGIntegrationActionImpl.convertDate2String``); reading also accepts the space-separated
form with milliseconds, epoch milliseconds and ISO 8601 (:func:`parse_dvcqg_instant`).

>>> parse_dvcqg_instant("20220921083000").isoformat()
'2022-09-21T08:30:00+07:00'
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import Any, Final

from motcua.foundation.errors import InvalidInputError
from motcua.foundation.vntime import VN_TZ, to_vn
from motcua.serialization.decoding import check_text
from motcua.serialization.instants import parse_instant

__all__ = [
    "DVCQG_INSTANT_FORMAT",
    "LABELS",
    "field_list",
    "field_object",
    "field_text",
    "flag_in",
    "flag_out",
    "format_dvcqg_instant",
    "parse_dvcqg_instant",
]


#: ``yyyyMMddHHmmss`` in Vietnam time (OpenCPS's DVCQG integration).
DVCQG_INSTANT_FORMAT: Final = "%Y%m%d%H%M%S"


LABELS: Final = {
    "submitted": "Nộp hồ sơ",
    "received": "Tiếp nhận hồ sơ",
    "refused": "Từ chối tiếp nhận hồ sơ",
    "supplement_requested:intake": "Yêu cầu bổ sung, hoàn thiện hồ sơ khi tiếp nhận",
    "supplement_requested:appraisal": "Yêu cầu bổ sung, hoàn thiện hồ sơ khi thẩm định",
    "supplement_received": "Nhận hồ sơ bổ sung",
    "obligation_requested": "Yêu cầu thực hiện nghĩa vụ tài chính",
    "obligation_fulfilled": "Đã thực hiện nghĩa vụ tài chính",
    "transferred": "Chuyển xử lý",
    "delay_notified": "Xin lỗi và hẹn lại ngày trả kết quả",
    "withdrawal_requested": "Công dân yêu cầu rút hồ sơ",
    "stopped": "Dừng xử lý",
    "resolved": "Đã xử lý xong",
    "result_returned": "Trả kết quả",
}


def format_dvcqg_instant(value: datetime | None) -> str:
    """Return ``yyyyMMddHHmmss`` in Vietnam time, or ``""`` for None.

    >>> format_dvcqg_instant(datetime(2022, 9, 21, 8, 30, tzinfo=VN_TZ))
    '20220921083000'
    """
    if value is None:
        return ""
    vn = to_vn(value)
    # strftime("%Y") does not pad years before 1000 on every platform (glibc writes "1").
    return f"{vn.year:04d}" + vn.strftime(DVCQG_INSTANT_FORMAT.removeprefix("%Y"))


#: The text forms of an instant read from a payload, besides ISO 8601.
_COMPACT: Final = re.compile(r"[0-9]{14}")
_SPACED: Final = re.compile(
    r"(?P<y>[0-9]{4})-(?P<m>[0-9]{2})-(?P<d>[0-9]{2}) (?P<H>[0-9]{2}):(?P<M>[0-9]{2})"
    r"(?::(?P<S>[0-9]{2})(?:\.(?P<f>[0-9]{1,6}))?)?"
)
#: Epoch milliseconds between 2000-01-01 and 2100-01-01 (13 digits): iGate's JSON dates.
_EPOCH_MS: Final = (946_684_800_000, 4_102_444_800_000)
_FORMS: Final = (
    "yyyyMMddHHmmss (e.g. '20220921083000'), 'yyyy-MM-dd HH:mm:ss[.SSS]', ISO 8601, "
    "or epoch milliseconds"
)


def parse_dvcqg_instant(value: object, field: str = "instant") -> datetime | None:
    """Parse a payload instant; ``""`` and null are None.

    Read: ``yyyyMMddHHmmss`` in Vietnam time (OpenCPS), ``yyyy-MM-dd HH:mm:ss`` with
    optional milliseconds in Vietnam time (the space-separated form of iGate-style
    adapters), epoch milliseconds as a 13-digit integer (a JSON date of those adapters;
    only 2000-2099, so a stray small number is never read as 1970), and ISO 8601.

    >>> parse_dvcqg_instant("2022-09-21 08:30:00.125").isoformat()
    '2022-09-21T08:30:00.125000+07:00'
    >>> parse_dvcqg_instant(1663723800000).isoformat()
    '2022-09-21T08:30:00+07:00'
    """
    if value is None or value == "":
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        if not _EPOCH_MS[0] <= value < _EPOCH_MS[1]:
            raise InvalidInputError(field, f"{_FORMS} (2000-2099)", value)
        return to_vn(datetime.fromtimestamp(value / 1000, tz=timezone.utc)).replace(
            microsecond=(value % 1000) * 1000
        )
    text = value.strip() if isinstance(value, str) else value
    if isinstance(text, str) and _COMPACT.fullmatch(text):
        try:
            return datetime.strptime(text, DVCQG_INSTANT_FORMAT).replace(tzinfo=VN_TZ)
        except ValueError:
            raise InvalidInputError(field, "a real instant yyyyMMddHHmmss", value) from None
    spaced = _SPACED.fullmatch(text) if isinstance(text, str) else None
    if spaced:
        g = spaced.groupdict()
        try:
            return datetime(
                int(g["y"]),
                int(g["m"]),
                int(g["d"]),
                int(g["H"]),
                int(g["M"]),
                int(g["S"] or 0),
                int((g["f"] or "0").ljust(6, "0")),
                tzinfo=VN_TZ,
            )
        except ValueError:
            raise InvalidInputError(field, "a real instant yyyy-MM-dd HH:mm:ss", value) from None
    try:
        return parse_instant(value, field)
    except InvalidInputError:
        raise InvalidInputError(field, _FORMS, value) from None


def field_list(record: dict[str, Any], key: str, where: str) -> list[Any]:
    """The array under *key* (missing or null: empty), or an error naming it."""
    value = record.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise InvalidInputError(f"{where}.{key}", "an array", type(value).__name__)
    return value


def field_object(value: object, where: str) -> dict[str, Any]:
    """*value* if it is an object, or an error naming *where*."""
    if not isinstance(value, dict):
        raise InvalidInputError(where, "an object", type(value).__name__)
    return value


def field_text(value: object, where: str) -> str:
    """*value* as text (null: empty), or an error naming *where*."""
    if value is None:
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool) and abs(value) < 10**20:
        return str(value)  # senders write codes and counts as numbers too
    if not isinstance(value, str):
        raise InvalidInputError(where, "a string", value)
    return check_text(value, where).strip()


def flag_out(value: bool | None) -> str:
    """``"1"``/``"0"`` as DVCQG sends flags; ``""`` when unknown."""
    return "" if value is None else ("1" if value else "0")


def flag_in(value: object, field: str) -> bool | None:
    """A DVCQG flag (``"1"``/``"0"``, 1/0, true/false) as a bool; empty or null: unknown."""
    if value in (None, ""):
        return None
    text = str(value).strip()
    if text in ("0", "1", "2"):
        return text != "0"
    raise InvalidInputError(field, "'0', '1' (or '2' for a provincial payment) or ''", value)
