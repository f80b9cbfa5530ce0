"""Official notices built from a dossier, rendered in Vietnamese as plain text or HTML.

The forms are those in force on the dossier's day (see :mod:`motcua.analyses.forms`):
Circular 01/2018/TT-VPCP from 06/01/2019, the 2018 layouts in the transition from
01/07/2025, Circular 03/2025/TT-VPCP (with form 05, the stop notice, and form 04 as an
extension request) once it took effect. Form numbers change between them, so they are never
hard-coded in a template. Field lists follow the digests (form 01 records hour, minute, day,
month and year of receipt and return [C]); dates print as dd/mm/yyyy and times as hh:mm.

Every value is printed on one line, so free text (applicant, subject, reasons, items,
agency and procedure names) must be one line: line breaks, tabs and every other control or
format character (Unicode categories Cc and Cf, U+2028, U+2029) and lone surrogates are
refused with an :class:`~motcua.foundation.errors.InvalidInputError` naming the field. A
plain-text notice therefore cannot be given an extra, forged line. HTML output also
escapes ``<``, ``>``, ``&`` and quotes.

>>> from datetime import datetime, time
>>> import motcua
>>> d = motcua.Dossier(code="000.21.48.H48-240426-0001", procedure="1.001193", channel=1,
...     limit=motcua.SameDay(), events=(motcua.Received(datetime(2024, 4, 26, 14, 20)),),
...     applicant="Nguyễn Thị Lan")
>>> print(render_text(build_notice(NoticeKind.RECEIPT, d)).splitlines()[0])
Mẫu số 01 - GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ
"""

from __future__ import annotations

import html
import unicodedata
from collections.abc import Iterable
from datetime import datetime
from typing import Final

import attrs

from motcua.analyses.forms import FORM_SETS, FORMS, FormSet, NoticeKind, forms_for, forms_on
from motcua.domain.dossiers import Dossier
from motcua.domain.lifecycle import Refused, Stopped, SupplementRequested, WithdrawalRequested
from motcua.domain.procedures import Catalogue, NoTimeLimit
from motcua.domain.regimes import Regime, regime_on
from motcua.foundation.errors import InvalidInputError
from motcua.time.deadlines import WorkSchedule, default_schedule
from motcua.time.limits import CalendarDays, Months, SameDay, TimeLimit, WorkingDays, WorkingHours

__all__ = [
    "FORMS",
    "FORM_SETS",
    "FormSet",
    "Notice",
    "NoticeKind",
    "build_book",
    "build_notice",
    "limit_vi",
    "render_html",
    "render_text",
]


_REFUSED_CATEGORIES: Final = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})


def _line(value: str, field: str) -> str:
    """Return *value* if it prints as one line; otherwise raise an error naming *field*."""
    if not isinstance(value, str):
        raise InvalidInputError(field, "a string", value)
    if value.isprintable():  # fast path: no Cc, Cf, Cs, Zl, Zp (nor Co, Cn, odd spaces)
        return value
    for char in value:
        if unicodedata.category(char) in _REFUSED_CATEGORIES:
            raise InvalidInputError(
                field,
                "one line of text without control or format characters (line breaks, tabs, "
                "U+2028/U+2029, bidirectional controls, lone surrogates)",
                value,
                f"remove U+{ord(char):04X} ({unicodedata.name(char, 'unnamed')}); "
                "a notice prints each value on one line",
            )
    return value


def _fields(value: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    out = tuple((label, text) for label, text in value)
    for label, text in out:
        _line(label, "Notice.fields label")
        _line(text, f"Notice.fields[{label!r}]")
    return out


def _table(value: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, ...], ...]:
    out = tuple(tuple(row) for row in value)
    for r, row in enumerate(out):
        for c, cell in enumerate(row):
            _line(cell, f"Notice.table[{r}][{c}]")
    return out


@attrs.frozen
class Notice:
    """A notice's content, independent of how it is printed.

    Attributes:
        kind: Which notice.
        regime: The regime whose form it follows.
        form: The form number (``01``...).
        title: The form's title.
        fields: Labelled values, in print order; each one line (see the module docstring).
        table: A header row and data rows, if the form has a table; each cell one line.
        forms: The form set it follows (None: the circular of *regime*).

    Raises:
        InvalidInputError: A label, value or cell holds a line break or another control or
            format character, or a lone surrogate.
    """

    kind: NoticeKind
    regime: Regime
    form: str
    title: str
    fields: tuple[tuple[str, str], ...] = attrs.field(converter=_fields)
    table: tuple[tuple[str, ...], ...] = attrs.field(default=(), converter=_table)
    forms: FormSet | None = None

    @property
    def basis(self) -> str:
        """The circular the form comes from (in Vietnamese)."""
        forms = self.forms
        if forms is None:
            forms = forms_for(self.regime) if self.regime is not Regime.AUTO else None
        return "" if forms is None else forms.basis


def limit_vi(limit: TimeLimit | NoTimeLimit, *, padded: bool = True) -> str:
    """The time limit in Vietnamese, as printed on the forms (*padded*: ``05``, as they do).

    >>> from datetime import time
    >>> limit_vi(WorkingDays(5)), limit_vi(SameDay(time(15, 0)))
    ('05 ngày làm việc', 'Trong ngày (sau 15 giờ 00: ngày làm việc tiếp theo)')
    >>> limit_vi(WorkingDays(7), padded=False)
    '7 ngày làm việc'
    """
    if isinstance(limit, NoTimeLimit):
        return "Không quy định"
    if isinstance(limit, SameDay):
        if limit.cutoff is None:
            return "Trong ngày"
        return f"Trong ngày (sau {limit.cutoff:%H} giờ {limit.cutoff:%M}: ngày làm việc tiếp theo)"
    unit = {
        WorkingDays: "ngày làm việc",
        WorkingHours: "giờ làm việc",
        CalendarDays: "ngày",
        Months: "tháng",
    }[type(limit)]
    count = limit.count
    if isinstance(count, int):
        text = f"{count:02d}" if padded else str(count)
    else:
        text = str(float(count)).replace(".", ",")
    return f"{text} {unit}"


def _time(at: datetime | None) -> str:
    return "-" if at is None else f"{at:%H} giờ {at:%M} phút, ngày {at:%d/%m/%Y}"


def _hm(at: datetime | None) -> str:
    return "-" if at is None else f"{at:%H:%M %d/%m/%Y}"


def _forms(d: Dossier, regime: Regime) -> tuple[Regime, FormSet]:
    if regime is not Regime.AUTO:
        return regime, forms_for(regime)
    day = d.reference_day
    return regime_on(day), forms_on(day)


def _form(kind: NoticeKind, forms: FormSet) -> tuple[str, str]:
    try:
        return FORM_SETS[(forms, kind)]
    except KeyError:
        raise InvalidInputError(
            f"notice {kind.value}",
            f"a kind with a form among the {forms.value} forms",
            kind.value,
            "forms 04 (extension request) and 05 (stop) exist from Circular 03/2025/TT-VPCP; "
            "before it, form 04 is the apology with a new appointment",
        ) from None


def _procedure_name(d: Dossier, catalogue: Catalogue | None) -> str:
    if catalogue is not None and str(d.procedure) in catalogue:
        name = _line(catalogue.get(d.procedure).name, f"procedure {d.procedure} name")
        return f"{name} ({d.procedure})"
    return str(d.procedure)


def _applicant(d: Dossier) -> str:
    return _line(d.applicant, f"dossier {d.code} applicant") or "-"


def _missing(kind: NoticeKind, d: Dossier, what: str) -> InvalidInputError:
    return InvalidInputError(
        f"notice {kind.value} for dossier {d.code}",
        f"a dossier with {what}",
        d.status.value,
        "pick a dossier whose history has it",
    )


def _stop_fields(d: Dossier, head: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Circular 03/2025 form 05: the stop notice (on withdrawal, or by the agency)."""
    stopped = next((e for e in d.events if isinstance(e, Stopped)), None)
    if stopped is None:
        raise _missing(NoticeKind.STOP, d, "a stop (stopped)")
    asked = next((e for e in d.events if isinstance(e, WithdrawalRequested)), None)
    return [
        *head,
        ("Thời gian nhận hồ sơ", _time(d.received_at)),
        ("Đề nghị rút hồ sơ", "-" if asked is None else _hm(asked.at)),
        ("Ngày dừng giải quyết", _hm(stopped.at)),
        ("Lý do", _line(stopped.reason, f"dossier {d.code} stopped.reason") or "-"),
    ]


def _extension_fields(
    d: Dossier, head: list[tuple[str, str]], sched: WorkSchedule
) -> list[tuple[str, str]]:
    """Circular 03/2025 form 04: apology and request to extend the processing time."""
    if not d.delays:
        raise _missing(NoticeKind.EXTENSION, d, "an extension request (delay_notified)")
    letter = d.delays[-1]
    due = d.due(as_of=letter.at, schedule=sched)
    where = f"dossier {d.code} delay_notified"
    return [
        *head,
        ("Thời gian nhận hồ sơ", _time(d.received_at)),
        (
            "Thời hạn giải quyết theo giấy tiếp nhận",
            _time(None if due is None else sched.appointment(due)),
        ),
        ("Lý do chậm", _line(letter.reason, f"{where}.reason") or "-"),
        ("Giải trình", _line(letter.explanation, f"{where}.explanation") or "-"),
        ("Đề nghị gia hạn thời gian giải quyết đến", _time(letter.new_appointment)),
        ("Ngày", f"{letter.at:%d/%m/%Y}"),
    ]


def build_notice(
    kind: NoticeKind,
    dossier: Dossier,
    *,
    regime: Regime = Regime.AUTO,
    catalogue: Catalogue | None = None,
    schedule: WorkSchedule | None = None,
) -> Notice:
    """Build one dossier's notice (for the book of many dossiers, see :func:`build_book`).

    Raises:
        InvalidInputError: The dossier's history lacks what the notice reports (no
            supplement request for a supplement notice, and so on).
    """
    if kind is NoticeKind.BOOK:
        return build_book([dossier], regime=regime, catalogue=catalogue, schedule=schedule)
    sched = schedule or default_schedule()
    reg, forms = _forms(dossier, regime)
    form, title = _form(kind, forms)
    d = dossier
    head = [
        ("Mã hồ sơ", str(d.code)),
        ("Tổ chức, cá nhân", _applicant(d)),
        ("Thủ tục hành chính", _procedure_name(d, catalogue)),
        ("Nội dung yêu cầu giải quyết", _line(d.subject, f"dossier {d.code} subject") or "-"),
    ]
    rows: tuple[tuple[str, ...], ...] = ()
    if kind is NoticeKind.RECEIPT:
        if d.received_at is None:
            raise _missing(kind, d, "a receipt")
        due = d.due(schedule=sched)
        # A Civil Code period ends at 24:00; the receipt prints the office's close that day.
        appointment = d.printed_appointment or (None if due is None else sched.appointment(due))
        limit = limit_vi(d.limit)
        fields = [
            *head,
            ("Kênh nộp hồ sơ", d.channel.vi),
            ("Thời gian giải quyết theo quy định", limit),
            ("Thời gian nhận hồ sơ", _time(d.received_at)),
            ("Thời gian trả kết quả giải quyết hồ sơ", _time(appointment)),
        ]
    elif kind is NoticeKind.SUPPLEMENT:
        request = next((e for e in reversed(d.events) if isinstance(e, SupplementRequested)), None)
        if request is None:
            raise _missing(kind, d, "a supplement request")
        where = f"dossier {d.code} supplement_requested"
        fields = [
            *head,
            ("Ngày yêu cầu", _hm(request.at)),
            ("Lý do", _line(request.reason, f"{where}.reason") or "-"),
        ]
        rows = (
            ("STT", "Giấy tờ cần bổ sung, hoàn thiện"),
            *tuple(
                (str(k), _line(item, f"{where}.items[{k - 1}]"))
                for k, item in enumerate(request.items or ("(xem lý do)",), start=1)
            ),
        )
    elif kind is NoticeKind.REFUSAL:
        refused = next((e for e in d.events if isinstance(e, Refused)), None)
        if refused is None:
            raise _missing(kind, d, "a refusal at intake")
        reason = _line(refused.reason, f"dossier {d.code} refused.reason") or "-"
        fields = [*head, ("Ngày từ chối", _hm(refused.at)), ("Lý do", reason)]
    elif kind is NoticeKind.STOP:
        fields = _stop_fields(d, head)
    elif forms is FormSet.CIRCULAR_03_2025 and kind in (NoticeKind.APOLOGY, NoticeKind.EXTENSION):
        fields = _extension_fields(d, head, sched)
    elif kind is NoticeKind.APOLOGY:
        if not d.delays:
            raise _missing(kind, d, "an apology letter (delay_notified)")
        letter = d.delays[-1]
        due = d.due(as_of=letter.at, schedule=sched)
        fields = [
            *head,
            ("Thời gian nhận hồ sơ", _time(d.received_at)),
            (
                "Thời hạn trả kết quả theo giấy tiếp nhận",
                _time(None if due is None else sched.appointment(due)),
            ),
            ("Lý do chậm", _line(letter.reason, f"dossier {d.code} delay_notified.reason") or "-"),
            (
                "Giải trình",
                _line(letter.explanation, f"dossier {d.code} delay_notified.explanation") or "-",
            ),
            ("Thời gian hẹn trả kết quả mới", _time(letter.new_appointment)),
            ("Ngày", f"{letter.at:%d/%m/%Y}"),
        ]
    else:  # CONTROL
        due = d.due(schedule=sched)
        fields = [
            *head,
            ("Thời gian nhận hồ sơ", _time(d.received_at)),
            (
                "Thời gian trả kết quả",
                _time(None if due is None else d.appointment(schedule=sched)),
            ),
        ]
        steps = d.steps(schedule=sched)
        rows = (
            ("Tên cơ quan", "Thời gian giao, nhận hồ sơ", "Hạn xử lý", "Kết quả"),
            *tuple(
                (
                    _line(s.agency, f"dossier {d.code} transferred.to_agency"),
                    _hm(s.started_at),
                    _hm(s.due),
                    "-" if s.timeliness is None else s.timeliness.vi,
                )
                for s in steps
            ),
        )
    return Notice(kind, reg, form, title, tuple(fields), rows, forms=forms)


def build_book(
    dossiers: Iterable[Dossier],
    *,
    regime: Regime = Regime.AUTO,
    catalogue: Catalogue | None = None,
    schedule: WorkSchedule | None = None,
) -> Notice:
    """Build the tracking book (Sổ theo dõi hồ sơ): one row per dossier, in order."""
    sched = schedule or default_schedule()
    items = list(dossiers)
    if regime is Regime.AUTO and items:
        reg, forms = _forms(items[0], Regime.AUTO)
    else:
        reg = Regime.DECREE_118_2025 if regime is Regime.AUTO else regime
        forms = forms_for(reg)
    form, title = _form(NoticeKind.BOOK, forms)
    header = (
        "STT",
        "Mã hồ sơ",
        "Tên thủ tục hành chính",
        "Tổ chức, cá nhân",
        "Ngày nhận hồ sơ",
        "Ngày hẹn trả",
        "Ngày chuyển hồ sơ",
        "Ngày có kết quả",
        "Ngày trả kết quả",
        "Ghi chú",
    )
    rows = [header]
    for k, d in enumerate(items, start=1):
        first_transfer = d.transfers[0].at if d.transfers else None
        timeliness = d.timeliness(schedule=sched)
        rows.append(
            (
                str(k),
                str(d.code),
                _procedure_name(d, catalogue),
                _applicant(d),
                _hm(d.received_at),
                _hm(d.appointment(schedule=sched)),
                _hm(first_transfer),
                _hm(d.resolved_at),
                _hm(d.returned_at),
                "" if timeliness is None else timeliness.vi,
            )
        )
    return Notice(NoticeKind.BOOK, reg, form, title, (), tuple(rows), forms=forms)


def render_text(notice: Notice) -> str:
    """Render a notice as plain text (UTF-8, fixed labels, dd/mm/yyyy and hh:mm)."""
    lines = [
        f"Mẫu số {notice.form} - {notice.title}",
        f"(theo {notice.basis})",
        "",
    ]
    width = max((len(label) for label, _ in notice.fields), default=0)
    lines += [f"{label:<{width}} : {value}" for label, value in notice.fields]
    if notice.table:
        widths = [max(len(row[i]) for row in notice.table) for i in range(len(notice.table[0]))]
        if notice.fields:
            lines.append("")
        for n, row in enumerate(notice.table):
            lines.append(
                " | ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
            )
            if n == 0:
                lines.append("-+-".join("-" * w for w in widths))
    return "\n".join(lines) + "\n"


#: The signature blocks at the foot of each form: (title, how to sign), left to right.
_SIGNATURES: Final = {
    NoticeKind.RECEIPT: (
        ("NGƯỜI NỘP HỒ SƠ", "(Ký và ghi rõ họ tên)"),
        ("NGƯỜI TIẾP NHẬN HỒ SƠ", "(Ký và ghi rõ họ tên)"),
    ),
    NoticeKind.SUPPLEMENT: (("NGƯỜI HƯỚNG DẪN", "(Ký và ghi rõ họ tên)"),),
    NoticeKind.REFUSAL: (("NGƯỜI TIẾP NHẬN HỒ SƠ", "(Ký và ghi rõ họ tên)"),),
    NoticeKind.APOLOGY: (("THỦ TRƯỞNG CƠ QUAN", "(Ký, ghi rõ họ tên và đóng dấu)"),),
    NoticeKind.EXTENSION: (("THỦ TRƯỞNG CƠ QUAN", "(Ký, ghi rõ họ tên và đóng dấu)"),),
    NoticeKind.STOP: (("THỦ TRƯỞNG CƠ QUAN", "(Ký, ghi rõ họ tên và đóng dấu)"),),
    NoticeKind.CONTROL: (),  # each row is signed by who hands over and who receives
    NoticeKind.BOOK: (),  # a register: each row is signed where the result is returned
}

#: The extra column a form's table has for signatures, empty to be signed by hand.
_SIGNED_COLUMN: Final = {
    NoticeKind.CONTROL: "Người giao, người nhận (ký)",
    NoticeKind.BOOK: "Ký nhận",
}

#: Print layout: A4 (the register landscape), margins of Decree 30/2020/NĐ-CP Appendix I
#: (top and bottom 20 mm, left 30 mm, right 15 mm), Times New Roman or a metric twin.
_CSS: Final = """
@page { size: A4 %(orientation)s; margin: 20mm 15mm 20mm 30mm; }
* { box-sizing: border-box; }
body { font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif", serif;
  font-size: 13pt; line-height: 1.35; color: #000; margin: 0; }
@media screen { body { max-width: %(width)s; margin: 1em auto; padding: 0 1em; } }
.head { display: flex; justify-content: space-between; align-items: flex-start; }
.head > div { text-align: center; }
.agency { width: 40%%; }
.agency .name { font-weight: bold; text-transform: uppercase; }
.agency .superior { text-transform: uppercase; }
.motto { width: 58%%; }
.motto .nation { font-weight: bold; font-size: 12pt; }
.motto .motto-line { font-weight: bold; display: inline-block; border-bottom: 1px solid #000;
  padding-bottom: 1px; }
.place-date { font-style: italic; margin-top: 0.6em; }
.rule { display: inline-block; width: 30%%; border-top: 1px solid #000; }
p.form { text-align: right; font-style: italic; font-size: 11pt; margin: 0.8em 0 0; }
h1 { font-size: 14pt; text-align: center; margin: 0.6em 0 0.8em; }
dl { display: grid; grid-template-columns: max-content 1fr; column-gap: 0.6em; margin: 0; }
dt::after { content: ":"; }
dd { margin: 0; }
table { border-collapse: collapse; width: 100%%; margin-top: 0.8em; font-size: %(table_size)s; }
th, td { border: 1px solid #000; padding: 2px 4px; vertical-align: top; }
th { font-weight: bold; text-align: center; }
td.sign { min-width: 6em; }
.signatures { display: flex; justify-content: space-around; margin-top: 1.2em;
  page-break-inside: avoid; break-inside: avoid; }
.signatures > div { text-align: center; min-width: 40%%; }
.signatures .title { font-weight: bold; }
.signatures .how { font-style: italic; margin-bottom: 5em; }
"""


def _dots(value: str | None) -> str:
    """A value to print, or a dotted line to fill in by hand (nothing is guessed)."""
    return html.escape(value) if value else "……………………"


def render_html(
    notice: Notice,
    *,
    agency: str | None = None,
    superior: str | None = None,
    place: str | None = None,
) -> str:
    """Render a notice as a standalone, printable HTML document (escaped, UTF-8, no script).

    The page is laid out for A4 as the forms are: the agency header on the left (the
    superior agency, then the agency in capitals), the national motto on the right
    ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập - Tự do - Hạnh phúc") over the place
    and date line, the form number and title, the fields, the table, and the form's
    signature blocks (receipt: the applicant and the receiving officer; letters from the
    agency: its head, signed and stamped; the control sheet and the register are signed row
    by row, in a column left empty). The tracking book prints landscape. A header value not
    given (*agency*, *superior*, *place*) prints as a dotted line to fill in by hand.

    Args:
        notice: The notice.
        agency: The agency that issues it (e.g. "Bộ phận Một cửa UBND phường Ba Đình").
        superior: Its superior agency (e.g. "UBND thành phố Hà Nội").
        place: The place on the date line (e.g. "Hà Nội").

    >>> from datetime import datetime
    >>> import motcua
    >>> d = motcua.Dossier(code="000.21.48.H48-240426-0001", procedure="1.001193", channel=1,
    ...     limit=motcua.SameDay(), events=(motcua.Received(datetime(2024, 4, 26, 14, 20)),))
    >>> page = render_html(build_notice(NoticeKind.RECEIPT, d), agency="UBND xã An Bình")
    >>> "Độc lập - Tự do - Hạnh phúc" in page, "NGƯỜI TIẾP NHẬN HỒ SƠ" in page
    (True, True)
    >>> "<script" in page
    False
    """
    esc = html.escape
    landscape = notice.kind is NoticeKind.BOOK
    css = _CSS % {
        "orientation": "landscape" if landscape else "portrait",
        "width": "267mm" if landscape else "180mm",
        "table_size": "10.5pt" if landscape else "12pt",
    }
    parts = [
        "<!DOCTYPE html>",
        '<html lang="vi"><head><meta charset="utf-8">',
        f"<title>Mẫu số {esc(notice.form)} - {esc(notice.title)}</title>",
        f"<style>{css}</style></head><body>",
        '<div class="head">',
        '<div class="agency">',
        f'<div class="superior">{_dots(superior)}</div>',
        f'<div class="name">{_dots(agency)}</div>',
        '<div><span class="rule"></span></div>',
        "</div>",
        '<div class="motto">',
        '<div class="nation">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div>',
        '<div><span class="motto-line">Độc lập - Tự do - Hạnh phúc</span></div>',
        f'<div class="place-date">{_dots(place)}, ngày …… tháng …… năm ……</div>',
        "</div>",
        "</div>",
        f'<p class="form">Mẫu số {esc(notice.form)} ({esc(notice.basis)})</p>',
        f"<h1>{esc(notice.title)}</h1>",
    ]
    if notice.fields:
        parts.append("<dl>")
        for label, value in notice.fields:
            parts.append(f"<dt>{esc(label)}</dt><dd>{esc(value)}</dd>")
        parts.append("</dl>")
    if notice.table:
        signed = _SIGNED_COLUMN.get(notice.kind)
        parts.append("<table><thead><tr>")
        parts += [f"<th>{esc(cell)}</th>" for cell in notice.table[0]]
        if signed:
            parts.append(f"<th>{esc(signed)}</th>")
        parts.append("</tr></thead><tbody>")
        for row in notice.table[1:]:
            cells = "".join(f"<td>{esc(cell)}</td>" for cell in row)
            sign = '<td class="sign"></td>' if signed else ""
            parts.append(f"<tr>{cells}{sign}</tr>")
        parts.append("</tbody></table>")
    blocks = _SIGNATURES[notice.kind]
    if blocks:
        parts.append('<div class="signatures">')
        for title, how in blocks:
            parts.append(
                f'<div><div class="title">{esc(title)}</div><div class="how">{esc(how)}</div>'
                "</div>"
            )
        parts.append("</div>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
