"""Codes: agency identifiers, procedure codes and dossier codes.

* **Agency identifier** (mã định danh cơ quan), QCVN 102:2016/BTTTT (issued by Circular
  10/2016/TT-BTTTT): ``V1V2V3.Z1Z2.Y1Y2.MX1X2``, e.g. ``000.00.53.H48``; the last segment is
  the level-1 unit (a letter and two digits; provinces start with ``H``, ministries ``G``).
* **Procedure code** (mã thủ tục hành chính) of the National Database of Administrative
  Procedures (Decree 63/2010/NĐ-CP): ``1.001193``, and the localised long forms
  ``1.001193.000.00.00.H48`` (national code + agency identifier) or ``1.000948.H38``. No legal
  text fixes the long form; it is parsed leniently.
* **Dossier code** (mã số hồ sơ), Circular 01/2018/TT-VPCP Art. 19:
  ``V1V2V3.Z1Z2.Y1Y2.MX1X2-YYMMDD-XXXX``: the receiving agency's identifier, the receipt date
  and the serial number of the dossier received that day (a counter per agency, reset daily).

>>> code = DossierCode.parse("000.00.53.H48-220921-0099")
>>> code.agency, code.day, code.serial
(AgencyCode('000.00.53.H48'), datetime.date(2022, 9, 21), 99)
>>> str(ProcedureCode.parse("1.001193.000.00.00.H48").national)
'1.001193'
"""

from __future__ import annotations

import re
import threading
from datetime import date, datetime
from typing import Final, Protocol, runtime_checkable

import attrs

from motcua.foundation.errors import InvalidInputError, text_hint
from motcua.foundation.vntime import vn_instant

__all__ = [
    "AgencyCode",
    "DossierCode",
    "DossierCounter",
    "ForeignDossierCode",
    "InMemoryCounter",
    "ProcedureCode",
    "code_number",
    "issue_dossier_code",
    "read_dossier_code",
]

# ASCII only: ``\d`` would also match Arabic-Indic or fullwidth digits, which ``int()`` then
# rewrites to ASCII (two different strings, one code). ``\Z``, not ``$``, which would let a
# trailing newline through. The patterns are used with ``match``.
_AGENCY_FORM: Final = r"[0-9]{3}\.[0-9]{2}\.[0-9]{2}\.[A-Z][0-9]{2}"
_AGENCY: Final = re.compile(r"^([0-9]{3})\.([0-9]{2})\.([0-9]{2})\.([A-Z][0-9]{2})\Z")
_PROCEDURE: Final = re.compile(
    rf"^(?P<national>[0-9]\.[0-9]{{6}})(?:\.(?P<agency>{_AGENCY_FORM})|\.(?P<short>[A-Z][0-9]{{2}}))?\Z"
)
_DOSSIER: Final = re.compile(
    rf"^({_AGENCY_FORM})-([0-9]{{2}})([0-9]{{2}})([0-9]{{2}})-([0-9]{{4}})\Z"
)
_NUMBER: Final = re.compile(r"[0-9]{1,9}")
_MAX_SERIAL: Final = 9999
_PROCEDURE_FORM: Final = (
    "a national code D.DDDDDD in ASCII (e.g. '1.001193'), optionally followed by "
    "'.NNN.NN.NN.ANN' or '.ANN'"
)


def _text(value: object, field: str, expected: str) -> str:
    if not isinstance(value, str):
        raise InvalidInputError(field, expected, value)
    return value


def code_number(value: object, field: str, expected: str) -> int:
    """Return the whole number *value* stands for: an int, or a string of ASCII digits.

    Used for the small numeric codes of the national portal (``KenhThucHien``,
    ``TrangThaiHoSo``). Nothing is rewritten: a bool, a float, a string with spaces, signs
    or digits of another script (``'²'``, ``'٢'``, ``'２'``) is refused.

    Raises:
        InvalidInputError: *value* is not such a number; *field* and *expected* name it.

    >>> code_number("2", "channel", "1, 2 or 3")
    2
    >>> code_number("٢", "channel", "1, 2 or 3")
    Traceback (most recent call last):
    ...
    motcua.foundation.errors.InvalidInputError: channel: expected 1, 2 or 3 (an integer or ...
    """
    if isinstance(value, int) and not isinstance(value, bool):
        return int(value)
    if isinstance(value, str) and _NUMBER.fullmatch(value):
        return int(value)
    raise InvalidInputError(
        field,
        f"{expected} (an integer or ASCII digits)",
        value,
        text_hint(value),
    )


@attrs.frozen(repr=False, order=True)
class AgencyCode:
    """An agency identifier under QCVN 102:2016/BTTTT (Circular 10/2016/TT-BTTTT).

    >>> AgencyCode.parse("000.00.53.H48").level1
    'H48'
    >>> AgencyCode.parse("000.00.53.h48")
    Traceback (most recent call last):
    ...
    motcua.foundation.errors.InvalidInputError: agency code: expected ...
    """

    value: str = attrs.field()

    @value.validator
    def _check(self, _attribute: object, value: object) -> None:
        text = _text(value, "agency code", "a string")
        if not _AGENCY.match(text):
            raise InvalidInputError(
                "agency code",
                "the QCVN 102:2016 form NNN.NN.NN.ANN in ASCII (e.g. '000.00.53.H48')",
                value,
                text_hint(value)
                or "check the segments: 3, 2 and 2 digits, then an upper-case letter and 2 digits",
            )

    @classmethod
    def parse(cls, text: str) -> AgencyCode:
        """Parse and validate an agency identifier, exactly as written (no spaces)."""
        return cls(_text(text, "agency code", "a string"))

    @property
    def level1(self) -> str:
        """The level-1 unit code (``MX1X2``), e.g. ``H48``."""
        return self.value.rsplit(".", 1)[1]

    def __str__(self) -> str:
        """Return the identifier as written, e.g. ``000.00.53.H48``."""
        return self.value

    def __repr__(self) -> str:
        """Return ``AgencyCode('000.00.53.H48')``."""
        return f"AgencyCode({self.value!r})"


@attrs.frozen(repr=False, order=True)
class ProcedureCode:
    """A procedure code of the National Database of Administrative Procedures.

    Attributes:
        national: The national code, a digit, a dot and six digits (``1.001193``).
        local: The localising suffix of the long form, if any: an agency identifier
            (``000.00.00.H48``) or a bare level-1 code (``H38``).

    >>> ProcedureCode.parse("1.001193").local is None
    True
    >>> str(ProcedureCode.parse("1.000948.H38"))
    '1.000948.H38'
    """

    national_code: str
    local: str | None = None

    def __attrs_post_init__(self) -> None:
        """Check the parts against the lenient long-form grammar."""
        text = self.national_code if self.local is None else f"{self.national_code}.{self.local}"
        match = _PROCEDURE.match(text) if isinstance(text, str) else None
        if match is None or (match["national"], match["agency"] or match["short"]) != (
            self.national_code,
            self.local,
        ):
            raise InvalidInputError(
                "procedure code",
                _PROCEDURE_FORM,
                text,
                text_hint(text),
            )

    @classmethod
    def parse(cls, text: str) -> ProcedureCode:
        """Parse a short or long procedure code."""
        value = _text(text, "procedure code", "a string such as '1.001193'")
        match = _PROCEDURE.match(value)
        if not match:
            raise InvalidInputError("procedure code", _PROCEDURE_FORM, text, text_hint(text))
        return cls(match["national"], match["agency"] or match["short"])

    @property
    def national(self) -> ProcedureCode:
        """The short national form (the code without its local suffix)."""
        return self if self.local is None else ProcedureCode(self.national_code)

    def __str__(self) -> str:
        """Return the code as written."""
        return self.national_code if self.local is None else f"{self.national_code}.{self.local}"

    def __repr__(self) -> str:
        """Return ``ProcedureCode('1.001193')``."""
        return f"ProcedureCode({str(self)!r})"


@attrs.frozen(repr=False, order=True)
class DossierCode:
    """A dossier code under Circular 01/2018/TT-VPCP Art. 19.

    Attributes:
        agency: The receiving agency's identifier (QCVN 102:2016).
        day: The receipt date.
        serial: The serial number of the dossier among those the agency received that day
            (1-9999).

    >>> str(DossierCode(AgencyCode("000.00.53.H48"), date(2022, 9, 21), 99))
    '000.00.53.H48-220921-0099'
    >>> DossierCode.parse("000.00.53.H48-220231-0001")
    Traceback (most recent call last):
    ...
    motcua.foundation.errors.InvalidInputError: dossier code: expected a real receipt date ...
    """

    agency: AgencyCode = attrs.field(validator=attrs.validators.instance_of(AgencyCode))
    day: date = attrs.field()
    serial: int = attrs.field()

    @day.validator
    def _check_day(self, _attribute: object, value: object) -> None:
        if not isinstance(value, date) or isinstance(value, datetime):
            raise InvalidInputError("DossierCode.day", "a datetime.date", value)
        if not 2000 <= value.year <= 2099:
            raise InvalidInputError(
                "DossierCode.day", "a date in 2000-2099 (YYMMDD has two year digits)", value
            )

    @serial.validator
    def _check_serial(self, _attribute: object, value: object) -> None:
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= _MAX_SERIAL:
            raise InvalidInputError(
                "DossierCode.serial",
                f"an integer 1-{_MAX_SERIAL} (four digits, the daily serial)",
                value,
            )

    @classmethod
    def parse(cls, text: str, *, received_on: date | None = None) -> DossierCode:
        """Parse and validate a dossier code; with *received_on*, check its date matches.

        Raises:
            InvalidInputError: The code is malformed, its date is not a real date, its serial
                is 0000, or its date differs from *received_on*.
        """
        value = _text(text, "dossier code", "a string such as '000.00.53.H48-220921-0099'")
        match = _DOSSIER.match(value)
        if not match:
            raise InvalidInputError(
                "dossier code",
                "NNN.NN.NN.ANN-YYMMDD-NNNN in ASCII (agency identifier, receipt date, daily "
                "serial), e.g. '000.00.53.H48-220921-0099'",
                text,
                text_hint(text),
            )
        agency, yy, mm, dd, serial = match.groups()
        try:
            day = date(2000 + int(yy), int(mm), int(dd))
        except ValueError:
            raise InvalidInputError(
                "dossier code", "a real receipt date YYMMDD", f"{yy}{mm}{dd} in {value!r}"
            ) from None
        if int(serial) == 0:
            raise InvalidInputError("dossier code", "a daily serial from 0001", value)
        code = cls(AgencyCode(agency), day, int(serial))
        if received_on is not None:
            code.check_receipt(received_on)
        return code

    def check_receipt(self, received_on: date | datetime) -> None:
        """Raise unless the code's date is the receipt date (Circular 01/2018 Art. 19).

        A datetime is taken in Vietnam time.

        >>> DossierCode.parse("000.00.53.H48-220921-0099").check_receipt(date(2022, 9, 22))
        Traceback (most recent call last):
        ...
        motcua.foundation.errors.InvalidInputError: dossier code 000.00.53.H48-220921-0099: ...
        """
        day = (
            vn_instant(received_on, "received_on").date()
            if isinstance(received_on, datetime)
            else received_on
        )
        if day != self.day:
            raise InvalidInputError(
                f"dossier code {self}",
                f"the receipt date {day:%y%m%d} ({day.isoformat()}) in its middle part",
                f"{self.day:%y%m%d}",
                "a dossier code carries the date the dossier was received",
            )

    def __str__(self) -> str:
        """Return the 25-character code, e.g. ``000.00.53.H48-220921-0099``."""
        return f"{self.agency}-{self.day:%y%m%d}-{self.serial:04d}"

    def __repr__(self) -> str:
        """Return ``DossierCode('000.00.53.H48-220921-0099')``."""
        return f"DossierCode({str(self)!r})"

    @property
    def conforms(self) -> bool:
        """True: the code follows Circular 01/2018 Art. 19 (see :class:`ForeignDossierCode`)."""
        return True

    @property
    def agency_part(self) -> str:
        """The agency part as written: the identifier (a foreign code's text, or "").

        For grouping by agency without asking a foreign code for a part it does not carry.
        """
        return str(self.agency)


# -- codes that do not follow Art. 19 ----------------------------------------------------

_SERIAL_TEXT: Final = r"(?P<serial>[0-9]{4,7})"
# Each convention: (name, pattern, date digits, what it is). Observed in live systems
# (reporting digest §6, [C-impl]); none is a legal form, so none is ever issued by motcua.
_CONVENTIONS: Final = (
    (
        "ministry portal (agency-yyyymmdd-serial)",
        re.compile(
            r"^(?P<agency>[A-Z][0-9]{2}(?:\.[0-9]{2,3})*)-(?P<date>[0-9]{8})-"
            r"(?P<serial>[0-9]{5,7})\Z"
        ),
        (
            "a ministry or iGate code: a short agency part, the receipt date as yyyymmdd and a "
            "serial of 5-7 digits (e.g. G09.20-20260609-0092637)"
        ),
    ),
    (
        "Art. 19 layout, serial beyond four digits",
        re.compile(
            rf"^(?P<agency>{_AGENCY_FORM})-(?P<date>[0-9]{{6}})-(?P<serial>[0-9]{{5,7}})\Z"
        ),
        (
            "an Art. 19 code whose daily serial has 5-7 digits (codes relayed from a ministry "
            "portal); Art. 19 writes 4"
        ),
    ),
    (
        "Art. 19 layout, level-1 code first",
        re.compile(
            r"^(?P<agency>[A-Z][0-9]{2}(?:\.[0-9]{2,3}){1,3})-(?P<date>[0-9]{6})-"
            + _SERIAL_TEXT
            + r"\Z"
        ),
        (
            "an agency part written level-1 code first (e.g. H15.50.05.13-261008-0975), then the "
            "receipt date yymmdd and the daily serial"
        ),
    ),
    (
        "Art. 19 layout, letters in an agency segment",
        re.compile(
            r"^(?P<agency>[0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[A-Z][0-9A-Z]{2})-"
            r"(?P<date>[0-9]{6})-" + _SERIAL_TEXT + r"\Z"
        ),
        (
            "the Art. 19 layout with a letter in an agency segment: QCVN 102:2016/BTTTT writes "
            "V1V2V3, Z1Z2 and Y1Y2 as digits and only the level-1 part MX1X2 as a letter and two "
            "digits"
        ),
    ),
    (
        "14-digit number",
        re.compile(r"^[0-9]{14}\Z"),
        (
            "a bare 14-digit number (older local numbering): no convention fixes what its digits "
            "mean, so no agency, date or serial is read from it"
        ),
    ),
)
_MAX_FOREIGN: Final = 100


def _known_day(digits: str | None) -> date | None:
    if digits is None:
        return None
    year = int(digits[:-4]) + (2000 if len(digits) == 6 else 0)
    try:
        return date(year, int(digits[-4:-2]), int(digits[-2:]))
    except ValueError:
        return None


class ForeignDossierCode(DossierCode):
    """A dossier code another system issued that does not follow Circular 01/2018 Art. 19.

    It is kept verbatim (``str(code)`` is the text as received) and is never parsed beyond a
    known convention; :attr:`conforms` is False and :attr:`reason` says why. When a
    convention observed in live systems matches (a ministry portal's
    ``G09.20-20260609-0092637``, a 5-7 digit serial, letters in an agency segment, a bare
    14-digit number), :attr:`convention` names it, and the parts it carries are read:
    :attr:`known_day`, :attr:`known_serial`, :attr:`agency_text`. The inherited
    :attr:`agency`, :attr:`day` and :attr:`serial` answer only what the code tells; asking
    for a part it does not carry is an error (check :attr:`conforms` first).

    >>> code = read_dossier_code("G09.20-20260609-0092637")
    >>> code.conforms, code.convention, code.known_day, code.known_serial
    (False, 'ministry portal (agency-yyyymmdd-serial)', datetime.date(2026, 6, 9), 92637)
    >>> str(code), code.agency_text
    ('G09.20-20260609-0092637', 'G09.20')
    """

    __slots__ = ("agency_text", "convention", "known_day", "known_serial", "reason", "text")

    text: str
    reason: str
    convention: str | None
    agency_text: str
    known_day: date | None
    known_serial: int | None

    def __init__(self, text: str, reason: str) -> None:
        """Keep *text* verbatim; *reason* says why it does not conform.

        Raises:
            InvalidInputError: *text* is empty, longer than 100 characters, or holds spaces,
                control characters or non-ASCII characters (it could not be a code at all).
        """
        value = _text(text, "dossier code", "a string")
        if not (0 < len(value) <= _MAX_FOREIGN and value.isascii() and value.isprintable()):
            raise InvalidInputError(
                "dossier code",
                f"1-{_MAX_FOREIGN} printable ASCII characters, even for a foreign code",
                text,
                text_hint(text),
            )
        if " " in value:
            raise InvalidInputError("dossier code", "a code without spaces", text)
        found: tuple[str | None, str, date | None, int | None] = (None, "", None, None)
        for name, pattern, _what in _CONVENTIONS:
            match = pattern.match(value)
            if match and name.endswith("letters in an agency segment"):
                match = None if _AGENCY.match(match["agency"]) else match
            if match:
                parts = match.groupdict()
                serial = parts.get("serial")
                found = (
                    name,
                    parts.get("agency") or "",
                    _known_day(parts.get("date")),
                    None if serial is None else int(serial),
                )
                break
        head = value.split("-", 1)[0]
        if found[0] is None and _AGENCY.match(head):  # an Art. 19 code with a bad part
            found = (None, head, None, None)
        setattr_ = object.__setattr__
        setattr_(self, "text", value)
        setattr_(self, "reason", reason)
        setattr_(self, "convention", found[0])
        setattr_(self, "agency_text", found[1])
        setattr_(self, "known_day", found[2])
        setattr_(self, "known_serial", found[3])

    def _missing(self, part: str) -> InvalidInputError:
        return InvalidInputError(
            f"dossier code {self.text}",
            f"a code that carries its {part} (Circular 01/2018 Art. 19)",
            self.text,
            f"this code does not conform ({self.reason}); check code.conforms first",
        )

    @property
    def agency(self) -> AgencyCode:
        """The receiving agency, when the agency part is a QCVN 102:2016 identifier."""
        if _AGENCY.match(self.agency_text):
            return AgencyCode(self.agency_text)
        raise self._missing("agency identifier")

    @property
    def day(self) -> date:
        """The receipt date, when a known convention carries a real one."""
        if self.known_day is None:
            raise self._missing("receipt date")
        return self.known_day

    @property
    def serial(self) -> int:
        """The serial, when a known convention carries one."""
        if self.known_serial is None:
            raise self._missing("serial")
        return self.known_serial

    @property
    def conforms(self) -> bool:
        """False: the code departs from Circular 01/2018 Art. 19 (:attr:`reason`)."""
        return False

    @property
    def agency_part(self) -> str:
        """The agency part as the sender wrote it ("" when no convention gives one)."""
        return self.agency_text

    @property
    def described(self) -> str:
        """What the matched convention is, or that no known convention matches."""
        for name, _pattern, what in _CONVENTIONS:
            if name == self.convention:
                return what
        return "no known convention matches: the code is an opaque key"

    def tells(self) -> tuple[str, ...]:
        """What the code says: the parts its convention carries (none for an opaque key)."""
        out: list[str] = []
        if self.agency_text:
            out.append(f"agency part {self.agency_text} (as written by the sender)")
        if self.known_day is not None:
            out.append(f"receipt date {self.known_day.isoformat()}")
        if self.known_serial is not None:
            out.append(f"serial {self.known_serial}")
        return tuple(out)

    def does_not_tell(self) -> tuple[str, ...]:
        """What the code does not say (what an Art. 19 code would)."""
        out = ["that it is unique beyond the sender's system (no Art. 19 counter)"]
        if not _AGENCY.match(self.agency_text):
            out.insert(0, "the receiving agency's QCVN 102:2016 identifier")
        if self.known_day is None:
            out.append("the receipt date")
        if self.known_serial is None:
            out.append("the daily serial")
        return tuple(out)

    def check_receipt(self, received_on: date | datetime) -> None:
        """Compare the receipt date when the code carries one; raise when it does not."""
        DossierCode.check_receipt(self, received_on)

    def __str__(self) -> str:
        """Return the code verbatim."""
        return self.text

    def __repr__(self) -> str:
        """Return ``ForeignDossierCode('G09.20-20260609-0092637')``."""
        return f"ForeignDossierCode({self.text!r})"

    def __eq__(self, other: object) -> bool:
        """Equal to a foreign code with the same text."""
        if isinstance(other, ForeignDossierCode):
            return self.text == other.text
        return NotImplemented if not isinstance(other, DossierCode) else False

    def __hash__(self) -> int:
        """Hash of the text."""
        return hash(("foreign", self.text))

    def __lt__(self, other: object) -> bool:
        """Order among all dossier codes by text (a foreign code has no other order)."""
        if isinstance(other, DossierCode):
            return str(self) < str(other)
        return NotImplemented

    def __gt__(self, other: object) -> bool:
        """Order by text (also reached, reflected, from an Art. 19 code's ``<``)."""
        if isinstance(other, DossierCode):
            return str(self) > str(other)
        return NotImplemented

    def __le__(self, other: object) -> bool:
        """Order by text."""
        if isinstance(other, DossierCode):
            return str(self) <= str(other)
        return NotImplemented

    def __ge__(self, other: object) -> bool:
        """Order by text."""
        if isinstance(other, DossierCode):
            return str(self) >= str(other)
        return NotImplemented

    def __reduce__(self) -> tuple[object, ...]:
        """Pickle by text and reason (for reports run on other processes)."""
        return (ForeignDossierCode, (self.text, self.reason))


def read_dossier_code(text: str) -> DossierCode:
    """Return *text* as an Art. 19 code when it conforms, else as a :class:`ForeignDossierCode`.

    Conforming codes get the strict parse of :meth:`DossierCode.parse`; a code that departs
    from it is kept verbatim with the reason (the strict parse's complaint).

    >>> read_dossier_code("000.00.53.H48-220921-0099").conforms
    True
    >>> code = read_dossier_code("20240426000123")
    >>> code.conforms, code.convention, code.tells()
    (False, '14-digit number', ())
    """
    try:
        return DossierCode.parse(text)
    except InvalidInputError as exc:
        if not isinstance(text, str):
            raise
        return ForeignDossierCode(text, f"Circular 01/2018 Art. 19 expects {exc.expected}")


@runtime_checkable
class DossierCounter(Protocol):
    """Where daily serial numbers come from: one counter per (agency, day).

    An implementation must hand out 1, 2, 3, ... for each (agency, day) pair, never the same
    number twice, even under concurrent callers. A database-backed counter typically keeps
    a table keyed by ``(agency, day)`` and increments it atomically, e.g. in PostgreSQL::

        INSERT INTO dossier_serial (agency, day, last) VALUES (%s, %s, 1)
        ON CONFLICT (agency, day) DO UPDATE SET last = dossier_serial.last + 1
        RETURNING last;
    """

    def next_serial(self, agency: AgencyCode, day: date) -> int:
        """Return the next serial number for *agency* on *day* (starting at 1)."""
        ...  # pragma: no cover - protocol


class InMemoryCounter:
    """A thread-safe in-process :class:`DossierCounter` (for tests, scripts, one process).

    >>> counter = InMemoryCounter()
    >>> agency = AgencyCode("000.00.53.H48")
    >>> day = date(2024, 3, 1)
    >>> counter.next_serial(agency, day), counter.next_serial(agency, day)
    (1, 2)
    >>> counter.next_serial(agency, date(2024, 3, 2))
    1
    """

    def __init__(self, start: dict[tuple[AgencyCode, date], int] | None = None) -> None:
        """Start empty, or from the last serial already issued per (agency, day)."""
        self._last: dict[tuple[AgencyCode, date], int] = dict(start or {})
        self._lock = threading.Lock()

    def next_serial(self, agency: AgencyCode, day: date) -> int:
        """Return the next serial number for *agency* on *day*."""
        with self._lock:
            value = self._last.get((agency, day), 0) + 1
            self._last[(agency, day)] = value
            return value


def issue_dossier_code(
    agency: AgencyCode | str, received_at: datetime | date, counter: DossierCounter
) -> DossierCode:
    """Issue the next dossier code for a dossier *agency* received at *received_at*.

    Raises:
        InvalidInputError: The counter returned a serial outside 1-9999 (more than 9,999
            dossiers in one day at one agency cannot be coded under Art. 19).

    >>> counter = InMemoryCounter()
    >>> str(issue_dossier_code("000.00.53.H48", datetime(2024, 3, 1, 9, 30), counter))
    '000.00.53.H48-240301-0001'
    """
    code = agency if isinstance(agency, AgencyCode) else AgencyCode.parse(agency)
    day = (
        vn_instant(received_at, "received_at").date()
        if isinstance(received_at, datetime)
        else received_at
    )
    serial = counter.next_serial(code, day)
    if isinstance(serial, bool) or not isinstance(serial, int) or not 1 <= serial <= _MAX_SERIAL:
        raise InvalidInputError(
            "counter.next_serial()",
            f"a serial 1-{_MAX_SERIAL} for {code} on {day.isoformat()}",
            serial,
            "the four-digit daily serial of Circular 01/2018 Art. 19 is exhausted",
        )
    return DossierCode(code, day, serial)
