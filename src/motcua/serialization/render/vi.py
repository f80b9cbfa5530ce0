"""Dates, instants, durations, numbers and money as Vietnamese officials write them.

Dates in prose follow Decree 30/2020/NĐ-CP Appendix I (the presentation of administrative
documents): days below 10 and the months January and February take a leading zero ("ngày
06 tháng 02 năm 2024", "ngày 15 tháng 5 năm 2024"). Short dates are dd/mm/yyyy, times
hh:mm, and numbers use "." between thousands and "," before decimals.

>>> from datetime import date, datetime
>>> date_vi(date(2024, 5, 6))
'Thứ Hai, ngày 06 tháng 5 năm 2024'
>>> date_vi(date(2024, 2, 4), weekday=False)
'ngày 04 tháng 02 năm 2024'
>>> instant_vi(datetime(2024, 5, 6, 9, 5))
'09 giờ 05 phút, ngày 06/05/2024'
>>> money_vi(1234567)
'1.234.567 đồng'
>>> number_vi(66.666, 2), number_vi(1500)
('66,67', '1.500')
>>> from datetime import timedelta
>>> duration_vi(timedelta(hours=11, minutes=5), day_length=timedelta(hours=8))
'1 ngày 3 giờ 5 phút'
>>> duration_vi(timedelta(days=2, hours=1), lang="en")
'2 days 1 hour'
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Final

from motcua.foundation.errors import InvalidInputError
from motcua.foundation.vntime import VN_TZ

__all__ = [
    "WEEKDAYS_VI",
    "date_vi",
    "duration_vi",
    "instant_vi",
    "money_vi",
    "number_vi",
    "percent_vi",
    "short_date",
    "short_instant",
]

#: Monday to Sunday.
WEEKDAYS_VI: Final = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")

_UNITS: Final = {
    "vi": (("ngày", "ngày"), ("giờ", "giờ"), ("phút", "phút")),
    "en": (("day", "days"), ("hour", "hours"), ("minute", "minutes")),
}


def _lang(lang: str) -> str:
    if lang not in _UNITS:
        raise InvalidInputError("lang", "vi or en", lang)
    return lang


def date_vi(day: date, *, weekday: bool = True) -> str:
    """A date in prose: ``Thứ Hai, ngày 06 tháng 5 năm 2024`` (Decree 30/2020 zeros)."""
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    text = f"ngày {day.day:02d} tháng {month} năm {day.year}"
    return f"{WEEKDAYS_VI[day.weekday()]}, {text}" if weekday else text


def short_date(day: date) -> str:
    """``06/05/2024``."""
    return f"{day:%d/%m/%Y}"


def _local(at: datetime) -> datetime:
    return at.replace(tzinfo=VN_TZ) if at.tzinfo is None else at.astimezone(VN_TZ)


def instant_vi(at: datetime) -> str:
    """An instant as the forms print it, in Vietnam time: ``09 giờ 05 phút, ngày 06/05/2024``."""
    t = _local(at)
    return f"{t:%H} giờ {t:%M} phút, ngày {t:%d/%m/%Y}"


def short_instant(at: datetime) -> str:
    """An instant in Vietnam time, short: ``09:05 06/05/2024``."""
    return f"{_local(at):%H:%M %d/%m/%Y}"


def duration_vi(
    length: timedelta, *, day_length: timedelta = timedelta(days=1), lang: str = "vi"
) -> str:
    """A duration in days of *day_length* (8 hours: working days), hours and minutes.

    Rounded down to the minute; a negative duration is refused (say "overdue" in words).

    Raises:
        InvalidInputError: *length* is negative, *day_length* not a positive whole number of
            minutes, or *lang* not ``vi`` or ``en``.
    """
    units = _UNITS[_lang(lang)]
    minute = timedelta(minutes=1)
    if day_length <= timedelta(0) or day_length % minute:
        raise InvalidInputError(
            "day_length", "a positive whole number of minutes", str(day_length)
        )
    if length < timedelta(0):
        raise InvalidInputError("length", "a duration of 0 or more", str(length))
    days, rest = divmod(length // minute, day_length // minute)
    hours, minutes = divmod(rest, 60)
    words = [
        f"{n} {one if n == 1 else many}"
        for n, (one, many) in zip((days, hours, minutes), units, strict=True)
        if n
    ]
    return " ".join(words) or f"0 {units[2][1]}"


def number_vi(value: float | Decimal | Fraction, places: int = 0) -> str:
    """A number with Vietnamese separators, rounded half-up to *places* decimals."""
    exact = (
        Decimal(value.numerator) / Decimal(value.denominator)
        if isinstance(value, Fraction)
        else Decimal(str(value))
    )
    rounded = exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    whole, _, decimals = f"{abs(rounded):f}".partition(".")
    groups = f"{int(whole):,}".replace(",", ".")
    sign = "-" if rounded < 0 else ""
    return f"{sign}{groups},{decimals}" if decimals else f"{sign}{groups}"


def percent_vi(share: Fraction | Decimal | float, places: int = 2) -> str:
    """A share as a percentage: ``66,67 %``."""
    value = Fraction(share) if not isinstance(share, Fraction) else share
    return f"{number_vi(value * 100, places)} %"


def money_vi(amount: int | Decimal) -> str:
    """A whole amount of đồng: ``1.234.567 đồng``.

    Raises:
        InvalidInputError: *amount* has a fraction (đồng are whole).
    """
    if Decimal(amount) != Decimal(amount).to_integral_value():
        raise InvalidInputError("amount", "a whole number of đồng", str(amount))
    return f"{number_vi(int(amount))} đồng"
