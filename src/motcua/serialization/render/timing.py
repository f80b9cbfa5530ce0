"""Due instants and year calendars as JSON and text (light: the ``due`` command's output).

This module imports only the time layer, so ``motcua due --json`` stays a fast start.

>>> from datetime import datetime
>>> from motcua.time.deadlines import default_schedule
>>> from motcua.time.limits import CountingRule, WorkingDays
>>> schedule = default_schedule()
>>> due = schedule.due(datetime(2024, 4, 26, 9, 0), WorkingDays(5))
>>> due_to_json(due, schedule)["due"]
'2024-05-07T09:00+07:00'
>>> whole = schedule.due(datetime(2024, 4, 26, 9, 0), WorkingDays(5), rule=CountingRule.WHOLE_DAYS)
>>> [due_to_json(whole, schedule)[k] for k in ("due", "last_day", "appointment")]
['2024-05-08T00:00+07:00', '2024-05-07', '2024-05-07T17:00+07:00']
>>> due_text(whole).strip()
'24:00 07/05/2024'
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any, Final

from motcua.foundation.errors import InvalidInputError
from motcua.serialization.limits import limit_to_json
from motcua.serialization.render.marks import without_marks
from motcua.time.calendar import NamedDay, YearSchedule
from motcua.time.deadlines import Due, WorkSchedule

__all__ = [
    "calendar_text",
    "calendar_to_ics",
    "calendar_to_json",
    "day_to_json",
    "due_text",
    "due_to_json",
    "provisional_note",
    "source_vi",
]

_WEEKDAY_VI: Final = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")


def due_to_json(due: Due, schedule: WorkSchedule) -> dict[str, Any]:
    """Return a due instant: ``due`` (the end of the period), ``due_date`` and ``last_day``
    (its last day), ``appointment`` (what a receipt may print: the office's close of the last
    day under the Civil Code rules), ``received_at``, ``counted_from``, ``limit``, ``rule``,
    ``provisional`` and the calendar's ``source``.
    """  # noqa: D205
    return {
        "due": due.at.isoformat(timespec="minutes"),
        "due_date": due.last_day.isoformat(),
        "last_day": due.last_day.isoformat(),
        "appointment": schedule.appointment(due).isoformat(timespec="minutes"),
        "received_at": due.received_at.isoformat(timespec="minutes"),
        "counted_from": due.counted_from.isoformat(timespec="minutes"),
        "limit": limit_to_json(due.limit),
        "rule": due.rule.value,
        "provisional": due.provisional,
        "calendar": schedule.calendar.source,
    }


def due_text(due: Due) -> str:
    """Return the due instant as the ``due`` command prints it (one line).

    A period that ends at 24:00 of its last day (the Civil Code rules) prints as
    ``24:00 dd/mm/yyyy``; other rules print the ISO instant.
    """
    if due.ends_at_midnight:
        return f"24:00 {due.last_day:%d/%m/%Y}\n"
    return f"{due}\n"


def day_to_json(n: NamedDay) -> dict[str, Any]:
    """Return one named day: date, weekday, category, names, sources, provisional."""
    return {
        "date": n.day.isoformat(),
        "weekday": n.day.strftime("%A"),
        "category": n.category.value,
        "name_vi": n.name_vi,
        "name_en": n.name_en,
        "sources": list(n.sources),
        "provisional": n.provisional,
    }


def calendar_to_json(year: int, schedule: YearSchedule) -> dict[str, Any]:
    """Return a year's weekdays off and make-up working days."""
    return {
        "year": year,
        "provisional": schedule.provisional,
        "days_off": [day_to_json(n) for n in schedule.days_off],
        "make_up_days": [day_to_json(n) for n in schedule.make_up_days],
    }


_WEEKDAY_EN: Final = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")

_CALENDAR_WORDS: Final = {
    "vi": (
        "Lịch làm việc {}",
        " (dự kiến: chưa có thông báo chính thức)",
        "Ngày nghỉ trong tuần:",
        "Ngày làm bù:",
        "  (không có)",
    ),
    "en": (
        "Working calendar {}",
        " (provisional: not yet announced)",
        "Weekdays off:",
        "Make-up working days:",
        "  (none)",
    ),
}


#: The calendar's sources written the Vietnamese way: (pattern, replacement), in order.
_SOURCES_VI: Final = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"Art\. (\d+)\((\d+)\) for compensatory days", r"khoản \2 Điều \1 về ngày nghỉ bù"),
        (r"^Labour Code (\d{4}) Art\. (\d+)", r"Điều \2 Bộ luật Lao động \1"),
        (r"\(as amended in (\d{4})\)", r"(sửa đổi năm \1)"),
        (r"^computed by holidays ", "tính bằng thư viện holidays "),
        (
            r"^National Assembly Resolution (\S+) \(in force (\S+)\)",
            r"Nghị quyết \1 của Quốc hội (có hiệu lực từ \2)",
        ),
        (r", a paid day off$", ", ngày nghỉ có hưởng lương"),
    )
)


def source_vi(source: str) -> str:
    """One source of the calendar written the Vietnamese way (research marks removed).

    A source in no known shape is printed as recorded.

    >>> source_vi("Labour Code 2019 Art. 112 (Art. 111(3) for compensatory days)")
    'Điều 112 Bộ luật Lao động 2019 (khoản 3 Điều 111 về ngày nghỉ bù)'
    >>> source_vi("8662/VPCP-KGVX (03/11/2023)")
    '8662/VPCP-KGVX (03/11/2023)'
    """
    text = without_marks(source)
    for pattern, replacement in _SOURCES_VI:
        text = pattern.sub(replacement, text)
    return text


def _day_line(n: NamedDay, lang: str) -> str:
    if lang == "en":
        sources = without_marks("; ".join(n.sources))
        return f"  {n.day:%d/%m/%Y} {_WEEKDAY_EN[n.day.weekday()]} {n.name_en}  [{sources}]"
    sources = "; ".join(source_vi(part) for s in n.sources for part in s.split("; "))
    return f"  {n.day:%d/%m/%Y} {_WEEKDAY_VI[n.day.weekday()]:<9} {n.name_vi}  [{sources}]"


def calendar_text(year: int, schedule: YearSchedule, *, lang: str = "vi") -> str:
    """Return a year's weekdays off and make-up working days as the ``calendar`` command
    prints them: in Vietnamese, or English with *lang* ``en``; each day with its sources.
    """  # noqa: D205
    if lang not in _CALENDAR_WORDS:
        raise InvalidInputError("lang", "vi or en", lang)
    title, provisional, off, makeup, none = _CALENDAR_WORDS[lang]
    lines = [title.format(year) + (provisional if schedule.provisional else ""), off]
    lines += [_day_line(n, lang) for n in schedule.days_off]
    lines.append(makeup)
    lines += [_day_line(n, lang) for n in schedule.make_up_days]
    if not schedule.make_up_days:
        lines.append(none)
    return "\n".join(lines) + "\n"


def provisional_note(due: Due, *, lang: str = "vi") -> str:
    """The note ``due`` prints on stderr for a due instant in a year not yet announced.

    >>> from datetime import date
    >>> from motcua.time.deadlines import default_schedule
    >>> from motcua.time.limits import WorkingDays
    >>> print(provisional_note(default_schedule().due(date(2031, 3, 2), WorkingDays(5))))
    lưu ý: kết quả dự kiến: năm 2031 chưa có lịch nghỉ chính thức (ngày nghỉ Tết và ngày hoán đổi là ước tính)
    """  # noqa: E501
    year = due.last_day.year
    if lang == "en":
        return (
            f"note: provisional: {year} has no announced schedule yet "
            "(its Tết days and swaps are estimated)"
        )
    return (
        f"lưu ý: kết quả dự kiến: năm {year} chưa có lịch nghỉ chính thức "
        "(ngày nghỉ Tết và ngày hoán đổi là ước tính)"
    )


# -- iCalendar (RFC 5545) ------------------------------------------------------------------

#: RFC 5545 §3.1: content lines are folded at 75 octets.
_FOLD: Final = 75


def _ics_text(value: str) -> str:
    """Escape a TEXT value (RFC 5545 §3.3.11)."""
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def _fold(line: str) -> str:
    """Fold one content line at 75 octets, never inside a UTF-8 character (§3.1)."""
    out: list[str] = []
    chunk, size, limit = "", 0, _FOLD
    for ch in line:
        n = len(ch.encode("utf-8"))
        if size + n > limit:
            out.append(chunk)
            chunk, size, limit = "", 0, _FOLD - 1  # continuation lines start with a space
        chunk += ch
        size += n
    out.append(chunk)
    return "\r\n ".join(out)


def _event(n: NamedDay, kind: str, stamp: str, provisional: bool) -> list[str]:
    vi, en = ("Nghỉ", "Day off") if kind == "off" else ("Làm bù", "Make-up working day")
    mark = " (dự kiến)" if provisional else ""
    sources = "; ".join(source_vi(part) for s in n.sources for part in s.split("; "))
    # the sources the Vietnamese way, as the calendar text writes them; the English name
    # said to be English
    description = (f"Căn cứ: {sources}\n" if sources else "") + f"Tiếng Anh: {en}: {n.name_en}"
    return [
        "BEGIN:VEVENT",
        f"UID:{n.day:%Y%m%d}-{kind}@motcua",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{n.day:%Y%m%d}",
        f"DTEND;VALUE=DATE:{n.day + timedelta(days=1):%Y%m%d}",
        f"SUMMARY:{_ics_text(f'{vi}: {n.name_vi}{mark}')}",
        f"DESCRIPTION:{_ics_text(description)}",
        f"CATEGORIES:{_ics_text(n.category.value)}",
        f"STATUS:{'TENTATIVE' if provisional else 'CONFIRMED'}",
        f"TRANSP:{'TRANSPARENT' if kind == 'off' else 'OPAQUE'}",
        "END:VEVENT",
    ]


def calendar_to_ics(year: int, schedule: YearSchedule) -> str:
    """Return a year's weekdays off and make-up working days as an iCalendar file (RFC 5545).

    Each day is an all-day event (``DTSTART;VALUE=DATE``), summarised in Vietnamese ("Nghỉ:
    Tết Dương lịch", "Làm bù: ...") and described by its sources written the Vietnamese way
    ("Căn cứ: Điều 112 Bộ luật Lao động 2019 ...") and its English name, labelled so
    ("Tiếng Anh: Day off: New Year's Day"); a year without an announced schedule has its
    events ``TENTATIVE`` and marked "(dự kiến)". Lines end in CRLF and are folded at 75
    octets. Each ``UID`` is the date and the kind (``20240101-off@motcua``), so a calendar
    re-imported after an announcement updates its events instead of duplicating them.
    ``DTSTAMP`` is 00:00 UTC on the year's 1 January, not the time of the export: the
    same file, byte for byte (there is no hidden clock).

    >>> from motcua.time.calendar import vietnam_calendar
    >>> ics = calendar_to_ics(2024, vietnam_calendar().year_schedule(2024))
    >>> ics.splitlines()[:3]
    ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//motcua//Lich lam viec//VI']
    >>> lines = ics.splitlines()
    >>> lines[lines.index("BEGIN:VEVENT") + 5]
    'SUMMARY:Nghỉ: Tết Dương lịch'
    """
    stamp = f"{year:04d}0101T000000Z"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//motcua//Lich lam viec//VI",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{_ics_text(f'Lịch làm việc {year}')}",
        "X-WR-TIMEZONE:Asia/Ho_Chi_Minh",
    ]
    provisional = schedule.provisional
    for n in schedule.days_off:
        lines += _event(n, "off", stamp, provisional or n.provisional)
    for n in schedule.make_up_days:
        lines += _event(n, "makeup", stamp, provisional or n.provisional)
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)
