"""Report layouts per instrument: which form a one-stop report follows on a day, as data.

A report layout (the statistical form a province files) is set by an instrument and applies
only while that instrument is in force. :data:`LAYOUTS` lists the layouts motcua encodes,
each naming its instrument (a key of :data:`~motcua.domain.instruments.INSTRUMENTS`);
:func:`layout_on` picks the one in force on a day, computed from the table of instruments,
never from a hard-coded switch date.

=========================== ============================= ================================
layout                      instrument                    in force
=========================== ============================= ================================
``bieu-06-2020``            Circular 01/2020/TT-VPCP,     from 15/12/2020 (lawnet.vn)
                            Biểu số 06/VPCP/KSTT
=========================== ============================= ================================

What was read, and what was not:

* Circular 01/2020/TT-VPCP (the Government Office's reporting regime) took effect on
  15/12/2020; its report forms are in Appendix I (lawnet.vn). Biểu 06's columns were read
  in a provincial implementation [S], not in the annex.
* Circular 5/2025/TT-VPCP of 31/12/2025, in force 15/02/2026, has the same title as
  Circular 01/2020 and still cites Decree 09/2019 (nhansu.vn, digest S6). Whether it
  replaces Circular 01/2020's forms, and whether it changes Biểu 06, was **not read**: no
  stored page gives its text or annex. motcua keeps Biểu 06 from 15/02/2026 and says so
  (:attr:`LayoutChoice.unread`); a layout of Circular 5/2025 is added as a row here once
  its annex is read.
* Before 15/12/2020 the layout in force was **not read** (the Government Office's earlier
  guidance on the control of procedures is recalled to have held report forms; no source
  was read). A period before that day is reported in the Biểu 06 layout and marked
  :attr:`LayoutChoice.assumed`.

>>> choice = layout_on(date(2024, 3, 14))
>>> choice.layout.form, choice.layout.instrument_number, choice.assumed
('Biểu số 06/VPCP/KSTT', 'Circular 01/2020/TT-VPCP', False)
>>> layout_on(date(2020, 12, 14)).assumed, layout_on(date(2020, 12, 15)).assumed
(True, False)
>>> layout_on(date(2026, 2, 15)).unread
('Circular 5/2025/TT-VPCP',)
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Final

import attrs

from motcua.domain.instruments import INSTRUMENTS, Instrument, in_force_on, instrument
from motcua.foundation.confidence import Confidence
from motcua.foundation.errors import InvalidInputError

__all__ = ["LAYOUTS", "REPORT_FORM_SUBJECT", "LayoutChoice", "ReportLayout", "layout_on"]

#: The ``subject`` of the instruments that set report forms in the table of instruments.
REPORT_FORM_SUBJECT: Final = "report forms"


@attrs.frozen
class ReportLayout:
    """A report layout and the instrument that sets it.

    Attributes:
        key: A stable id (``"bieu-06-2020"``).
        form: The form's name as printed (``Biểu số 06/VPCP/KSTT``).
        title_vi: Its title in Vietnamese.
        instrument: The key of the instrument that sets it (``"C01-2020"``).
        articles: Where in the instrument, saying plainly what was not read.
        confidence: How well the layout (its columns) was checked.
    """

    key: str
    form: str
    title_vi: str
    instrument: str
    articles: str
    confidence: Confidence

    def __attrs_post_init__(self) -> None:
        """Check that the instrument is in the table."""
        instrument(self.instrument)

    @property
    def instrument_number(self) -> str:
        """The instrument's number (``Circular 01/2020/TT-VPCP``)."""
        return instrument(self.instrument).number

    def window(self, table: Iterable[Instrument] = INSTRUMENTS) -> tuple[date | None, date | None]:
        """The first and last day of its instrument (None: open-ended or unknown)."""
        found = next((i for i in table if i.key == self.instrument), None)
        if found is None:
            return None, None
        return found.start, found.end


#: Biểu 06 of Circular 01/2020/TT-VPCP: the one-stop dossier statistics.
BIEU_06_2020: Final = ReportLayout(
    "bieu-06-2020",
    "Biểu số 06/VPCP/KSTT",
    "Tình hình, kết quả giải quyết thủ tục hành chính",
    "C01-2020",
    "Appendix I, Biểu số 06/VPCP/KSTT (columns read in a provincial implementation; "
    "the annex not read)",
    Confidence.SECONDARY,
)

#: Every report layout motcua encodes, oldest first.
LAYOUTS: Final[tuple[ReportLayout, ...]] = (BIEU_06_2020,)


@attrs.frozen
class LayoutChoice:
    """The layout a report of a day follows, and what motcua could not confirm about it.

    Attributes:
        day: The day asked about (a report's last day).
        layout: The layout chosen.
        assumed: True if no encoded layout's instrument was in force on *day* (before
            15/12/2020): the earliest layout is used, outside its window.
        unread: Numbers of report-form instruments in force on *day* whose layouts are
            not encoded (their text was not read), e.g. Circular 5/2025/TT-VPCP from
            15/02/2026.
    """

    day: date
    layout: ReportLayout
    assumed: bool = False
    unread: tuple[str, ...] = ()

    @property
    def notes(self) -> tuple[str, ...]:
        """One line for each thing a reader of the report should know (empty: none)."""
        out = []
        if self.assumed:
            out.append(
                f"{self.layout.form} of {self.layout.instrument_number} is used for "
                f"{self.day:%d/%m/%Y}, before that instrument took effect; the layout in "
                "force then is not encoded"
            )
        out.extend(
            f"{number} is in force on {self.day:%d/%m/%Y}; whether it replaces "
            f"{self.layout.form} was not read, so {self.layout.instrument_number}'s layout "
            "is kept"
            for number in self.unread
        )
        return tuple(out)


def layout_on(
    day: date,
    layouts: Iterable[ReportLayout] = LAYOUTS,
    table: Iterable[Instrument] = INSTRUMENTS,
) -> LayoutChoice:
    """Return the report layout in force on *day* (for a report: its period's last day).

    The latest-starting layout whose instrument is in force wins; before every layout's
    window the earliest one is used and marked ``assumed``.

    Raises:
        InvalidInputError: *layouts* is empty.
    """
    rows = tuple(layouts)
    instruments = tuple(table)
    if not rows:
        raise InvalidInputError("report layouts", "at least one layout", "none")
    keys = in_force_on(day, instruments)
    encoded = {row.instrument for row in rows}
    unread = tuple(
        i.number
        for i in instruments
        if i.subject == REPORT_FORM_SUBJECT and i.key in keys and i.key not in encoded
    )

    def start(row: ReportLayout) -> date:
        first = row.window(instruments)[0]
        return date.min if first is None else first

    live = [row for row in rows if row.instrument in keys]
    if live:
        return LayoutChoice(day, max(live, key=start), unread=unread)
    return LayoutChoice(day, min(rows, key=start), assumed=True, unread=unread)
