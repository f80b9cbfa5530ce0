"""Receipt times as officials write them: ``15h30``, ``15 giờ 30 phút, ngày 26/04/2024``...

A receipt (giấy tiếp nhận hồ sơ và hẹn trả kết quả, Circular 01/2018/TT-VPCP form 01) and
the one-stop books print the time in several ways. :func:`parse_receipt_time` reads each of
them, in ASCII digits, Vietnam time:

* ISO 8601 as motcua's readers take it (``2024-04-26``, ``2024-04-26T15:30``, with an optional
  offset; a single space may stand for the ``T``);
* a date: ``26/04/2024``, ``26-04-2024``, ``ngày 26/04/2024``, ``ngày 26 tháng 4 năm 2024``;
* a time: ``15h30``, ``15h``, ``15 giờ 30 phút``, ``15 giờ``, ``15:30``, ``15:30:00``;
* a time and a date in either order: ``15 giờ 30 phút, ngày 26/04/2024``, ``15:30 26/04/2024``,
  ``15h30 ngày 26 tháng 4 năm 2024``, ``26/04/2024 15:30``, ``26-04-2024 15:30:00``,
  ``26/04/2024 lúc 15h30``;
* ``yyyyMMddHHmmss`` (``20240426153000``), the form DVCQG payloads use.

The day comes first, as Vietnamese dates are written; the year has four digits (``26/04/24``
and ``2024/04/26`` are refused: the century or the order would be a guess).
Nothing is trimmed and no other spacing is accepted. A text that fits none of these, or names
a date or time that does not exist (31/04, 24h00), is an error that lists the accepted forms.
The words may be capitalised (``Ngày``, ``15H30``).

>>> parse_receipt_time("15 giờ 30 phút, ngày 26/04/2024").isoformat()
'2024-04-26T15:30:00+07:00'
>>> parse_receipt_time("ngày 26 tháng 4 năm 2024")
datetime.date(2024, 4, 26)
>>> parse_receipt_time("15h30")
datetime.time(15, 30)
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time
from typing import Final

from motcua.foundation.errors import InvalidInputError
from motcua.foundation.vntime import VN_TZ
from motcua.serialization.instants import parse_date, parse_instant

__all__ = ["RECEIPT_TIME_FORMS", "parse_receipt_time"]

#: The accepted forms, as the error message lists them.
RECEIPT_TIME_FORMS: Final = (
    "2024-04-26",
    "2024-04-26T15:30[+07:00]",
    "26/04/2024 [15:30]",
    "26-04-2024 15:30:00",
    "15:30 26/04/2024",
    "15h30",
    "15 giờ 30 phút, ngày 26/04/2024",
    "ngày 26 tháng 4 năm 2024",
    "20240426153000",
)

_EXPECTED: Final = "a real date or date-time in ASCII digits, one of: " + "; ".join(
    RECEIPT_TIME_FORMS
)

_TIME: Final = (
    r"(?P<H>[0-9]{1,2})(?:h(?P<M1>[0-9]{2})?"
    r"| giờ(?: (?P<M2>[0-9]{1,2})(?: phút)?)?"
    r"|:(?P<M3>[0-9]{2})(?::(?P<S>[0-9]{2}))?)"
)
_DATE: Final = (
    r"(?:(?:ngày )?(?P<d>[0-9]{1,2})(?P<sep>[/-])(?P<m>[0-9]{1,2})(?P=sep)(?P<y>[0-9]{4})"
    r"|ngày (?P<d2>[0-9]{1,2}) tháng (?P<m2>[0-9]{1,2}) năm (?P<y2>[0-9]{4}))"
)
_FORMS: Final = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        _TIME + r"(?:, | )" + _DATE,
        _DATE + r"(?: |T| lúc )" + _TIME,
        _DATE,
        _TIME,
    )
)
_COMPACT: Final = re.compile(r"[0-9]{14}")
_ISO: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[T ][0-9].*)?", re.DOTALL)


def _fields(match: re.Match[str]) -> tuple[date | None, time | None]:
    groups = match.groupdict()
    day: date | None = None
    clock: time | None = None
    year = groups.get("y") or groups.get("y2")
    if year is not None:
        month = groups.get("m") or groups.get("m2")
        dom = groups.get("d") or groups.get("d2")
        day = date(int(year), int(month or ""), int(dom or ""))
    if groups.get("H") is not None:
        minute = groups.get("M1") or groups.get("M2") or groups.get("M3") or "0"
        clock = time(int(groups["H"]), int(minute), int(groups.get("S") or "0"))
    return day, clock


def parse_receipt_time(text: str, field: str = "receipt time") -> datetime | date | time:
    """Read a receipt time as officials write it (forms in the module docstring).

    Returns an aware datetime in Vietnam time for a date and a time, a ``date`` for a date
    alone and a ``time`` for a time alone (the caller says which day it is on).

    Raises:
        InvalidInputError: Not one of the forms, other digits than ASCII, spaces around it,
            or a date or time that does not exist.
    """
    if type(text) is not str:
        raise InvalidInputError(field, _EXPECTED, text)
    if _ISO.fullmatch(text):
        # motcua's own ISO forms (serialization/instants.py); a space may stand for the T.
        iso = f"{text[:10]}T{text[11:]}" if text[10:11] == " " else text
        try:
            return parse_date(iso) if len(iso) == 10 else parse_instant(iso)
        except InvalidInputError:
            raise InvalidInputError(field, _EXPECTED, text) from None
    try:
        if _COMPACT.fullmatch(text):
            return datetime(
                int(text[:4]),
                int(text[4:6]),
                int(text[6:8]),
                int(text[8:10]),
                int(text[10:12]),
                int(text[12:14]),
                tzinfo=VN_TZ,
            )
        words = unicodedata.normalize("NFC", text)
        for form in _FORMS:
            match = form.fullmatch(words)
            if match is not None:
                day, clock = _fields(match)
                if day is None:
                    assert clock is not None  # noqa: S101 - a form has a date, a time or both
                    return clock
                return day if clock is None else datetime.combine(day, clock, tzinfo=VN_TZ)
    except ValueError as exc:
        raise InvalidInputError(field, _EXPECTED, text, f"no such date or time ({exc})") from None
    raise InvalidInputError(field, _EXPECTED, text)
