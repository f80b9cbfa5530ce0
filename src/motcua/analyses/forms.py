"""The forms of each instrument window: which form numbers and titles a dossier's day gets.

=================== ======================= ========================= =======================
kind                Circular 01/2018        01/07/2025 until Circular Circular 03/2025 [S]
                    (06/01/2019-30/06/2025) 03/2025 takes effect
=================== ======================= ========================= =======================
``receipt``         Mẫu số 01               Mẫu số 01 (2018 layout)   Mẫu số 01
``supplement``      Mẫu số 02               Mẫu số 02 (2018 layout)   Mẫu số 02
``refusal``         Mẫu số 03               Mẫu số 03 (2018 layout)   Mẫu số 03
``apology``         Mẫu số 04 (apology and  Mẫu số 04 (2018 layout)   Mẫu số 04 (apology and
                    new appointment)                                  extension request)
``extension``       —                       —                         Mẫu số 04
``stop``            —                       —                         Mẫu số 05 (new)
``control``         Mẫu số 05               Mẫu số 05 (2018 layout)   Mẫu số 06
``book``            Mẫu số 06 (A4)          Mẫu số 06 (2018 layout)   Mẫu số 07
=================== ======================= ========================= =======================

Sources: Circular 01/2018/TT-VPCP's six forms and its in-force date 06/01/2019 (lawnet.vn);
Circular 03/2025/TT-VPCP Appendix I (forms 01-07, 05 "Thông báo dừng giải quyết hồ sơ", 04
an apology and extension request) [S, two design documents; the circular's text was not
read]. Between 01/07/2025 (Decree 118/2025 in force, Circular 01/2018's parent decree
repealed) and the day Circular 03/2025 took effect, no national form was confirmed in force:
motcua prints the 2018 layouts, marked as used in the transition [R: one-stop practice; no
source read]. Circular 03/2025 took effect on its signing day, 15/09/2025 (luatvietnam.vn,
"promulgated and effective on September 15, 2025"; see ``motcua.domain.instruments``), so
the transition runs from 01/07/2025 to 14/09/2025. Before 06/01/2019 no national
form is encoded (Decision 09/2015 and Decree 61/2018 without its circular).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from datetime import date
from typing import Final

from motcua.domain.instruments import INSTRUMENTS, Instrument, in_force_on
from motcua.domain.regimes import Regime
from motcua.foundation.errors import InvalidInputError

__all__ = ["FORMS", "FORM_SETS", "FormSet", "NoticeKind", "forms_for", "forms_on"]


class NoticeKind(enum.Enum):
    """The notices motcua renders."""

    RECEIPT = "receipt"
    SUPPLEMENT = "supplement"
    REFUSAL = "refusal"
    APOLOGY = "apology"
    #: Circular 03/2025 form 04 as a request to extend the processing time.
    EXTENSION = "extension"
    #: Circular 03/2025 form 05, notice stopping the processing (on withdrawal, or by the agency).
    STOP = "stop"
    CONTROL = "control"
    BOOK = "book"


class FormSet(enum.Enum):
    """The set of official forms in force in one window."""

    #: Circular 01/2018/TT-VPCP, forms 01-06 (06/01/2019 – 30/06/2025).
    CIRCULAR_01_2018 = "01-2018"
    #: From 01/07/2025 until Circular 03/2025 takes effect: the 2018 layouts, by practice.
    TRANSITION_2025 = "2025-transition"
    #: Circular 03/2025/TT-VPCP, Appendix I, forms 01-07.
    CIRCULAR_03_2025 = "03-2025"

    @property
    def basis(self) -> str:
        """What the printed form cites, in Vietnamese."""
        return _BASIS[self]


_BASIS: Final = {
    FormSet.CIRCULAR_01_2018: "Thông tư số 01/2018/TT-VPCP",
    FormSet.TRANSITION_2025: (
        "mẫu của Thông tư số 01/2018/TT-VPCP, dùng trong thời gian chuyển tiếp "
        "trước khi Thông tư số 03/2025/TT-VPCP có hiệu lực"
    ),
    FormSet.CIRCULAR_03_2025: "Thông tư số 03/2025/TT-VPCP",
}

_C18, _TR, _C25 = FormSet.CIRCULAR_01_2018, FormSet.TRANSITION_2025, FormSet.CIRCULAR_03_2025
_K = NoticeKind
_2018: Final = {
    _K.RECEIPT: ("01", "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"),
    _K.SUPPLEMENT: ("02", "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ"),
    _K.REFUSAL: ("03", "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ"),
    _K.APOLOGY: ("04", "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ"),
    _K.CONTROL: ("05", "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ"),
    _K.BOOK: ("06", "SỔ THEO DÕI HỒ SƠ"),
}
_2025: Final = {
    _K.RECEIPT: ("01", "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"),
    _K.SUPPLEMENT: ("02", "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ"),
    _K.REFUSAL: ("03", "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ"),
    _K.APOLOGY: ("04", "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT"),
    _K.EXTENSION: ("04", "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT"),
    _K.STOP: ("05", "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ"),
    _K.CONTROL: ("06", "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ"),
    _K.BOOK: ("07", "SỔ THEO DÕI HỒ SƠ"),
}
#: (form set, notice kind) -> (form number, title).
FORM_SETS: Final[dict[tuple[FormSet, NoticeKind], tuple[str, str]]] = {
    **{(_C18, k): v for k, v in _2018.items()},
    **{(_TR, k): v for k, v in _2018.items()},
    **{(_C25, k): v for k, v in _2025.items()},
}
#: (regime, notice kind) -> (form number, title): the forms of each decree's circular.
FORMS: Final[dict[tuple[Regime, NoticeKind], tuple[str, str]]] = {
    **{(Regime.DECREE_61_2018, k): v for k, v in _2018.items()},
    **{(Regime.DECREE_118_2025, k): v for k, v in _2025.items()},
}


def forms_on(day: date, table: Iterable[Instrument] = INSTRUMENTS) -> FormSet:
    """The forms in force on *day*.

    Raises:
        InvalidInputError: *day* is before 06/01/2019, when the first national forms motcua
            encodes (Circular 01/2018/TT-VPCP) took effect.
    """
    keys = in_force_on(day, table)
    if "C03-2025" in keys:
        return _C25
    if "C01-2018" in keys:
        return _C18
    if "D118-2025" in keys:
        return _TR
    raise InvalidInputError(
        f"forms on {day:%d/%m/%Y}",
        "a day from 06/01/2019, when Circular 01/2018/TT-VPCP's forms took effect",
        day.isoformat(),
        "no national form is encoded before it; force a regime to print a later layout",
    )


def forms_for(regime: Regime) -> FormSet:
    """The forms of a forced regime's circular.

    Raises:
        InvalidInputError: The regime has no forms motcua encodes (Decision 09/2015) or is
            ``AUTO``.
    """
    if regime is Regime.DECREE_61_2018:
        return _C18
    if regime is Regime.DECREE_118_2025:
        return _C25
    raise InvalidInputError(
        "notice regime", "61-2018 or 118-2025 (the regimes with encoded forms)", regime.value
    )
