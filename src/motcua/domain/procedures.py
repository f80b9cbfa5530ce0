"""Administrative procedures (thủ tục hành chính) and catalogues of them.

A :class:`Procedure` carries what Decree 63/2010/NĐ-CP Art. 8 makes up a procedure (name,
sequence, method, dossier components, time limit, applicants, implementing agency, result,
and where applicable fees) as far as a one-stop system needs it, and above all its
**per-channel terms**: the time limit, counting rule and fees differ by channel (the national
procedure record's ``CACHTHUCTHUCHIEN[{KENH, THOIGIAN[...]}]``), and by case within a channel.
A dossier's due instant is computed from the term of the channel it actually used.
Channels and their terms live in :mod:`motcua.domain.terms` and are re-exported here.

>>> from motcua.time.limits import WorkingDays
>>> p = Procedure(
...     code="1.004222", name="Đăng ký thường trú", field="Đăng ký, quản lý cư trú",
...     levels=(Level.COMMUNE,),
...     terms=(ChannelTerm(Channel.IN_PERSON, WorkingDays(7), fees=(Fee("Lệ phí", 20_000),)),
...            ChannelTerm(Channel.ONLINE, WorkingDays(7), fees=(Fee("Lệ phí", 10_000),))),
...     legal_basis=(LegalBasis("68/2020/QH14", "Luật Cư trú", "Art. 22"),),
...     online_level=OnlineLevel.PARTIAL)
>>> p.term(Channel.ONLINE).fees[0].amount
10000
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator
from datetime import date

import attrs

from motcua.domain.codes import ProcedureCode
from motcua.domain.terms import Channel, ChannelTerm, Fee, NoTimeLimit, TermStart, start_instant
from motcua.domain.units import Level
from motcua.foundation.errors import InvalidInputError, NotFoundError
from motcua.foundation.vntime import optional_date
from motcua.time.limits import SameDay

__all__ = [
    "Catalogue",
    "Channel",
    "ChannelTerm",
    "Document",
    "Fee",
    "LegalBasis",
    "Medium",
    "NoTimeLimit",
    "OnlineLevel",
    "Posting",
    "Procedure",
    "TermStart",
    "layer_catalogue",
    "start_instant",
]


class OnlineLevel(enum.Enum):
    """Level of online public service, Decree 42/2022/NĐ-CP Art. 11(1)."""

    #: Toàn trình: submission and processing entirely online; result online or by post.
    FULL = "full"
    #: Một phần: any online service that does not meet the full-process conditions.
    PARTIAL = "partial"
    #: Offered online, but the source does not say at which level (e.g. a national
    #: procedure record without the field); never guessed.
    UNSTATED = "unstated"
    #: Not offered online.
    NONE = "none"


class Medium(enum.Enum):
    """Where a procedure is posted (niêm yết, công khai)."""

    PHYSICAL = "physical"
    ELECTRONIC = "electronic"


@attrs.frozen
class Document:
    """A dossier component (thành phần hồ sơ).

    Attributes:
        name: The document's name (``TENGIAYTO``).
        originals: Number of originals (``SOBANCHINH``).
        copies: Number of copies (``SOBANSAO``).
        form: The prescribed form, if any (``TENMAUDON``).
        case: The case it belongs to; empty for every case.
    """

    name: str
    originals: int = 0
    copies: int = 0
    form: str = ""
    case: str = ""

    def __attrs_post_init__(self) -> None:
        """Check the counts."""
        for attr in ("originals", "copies"):
            value = getattr(self, attr)
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise InvalidInputError(f"Document.{attr}", "a whole number, 0 or more", value)


@attrs.frozen
class LegalBasis:
    """An instrument a procedure rests on (căn cứ pháp lý).

    Attributes:
        instrument: Its number (số hiệu), e.g. ``60/2014/QH13``.
        title: Its title, e.g. ``Luật Hộ tịch``.
        articles: The articles relied on, e.g. ``Art. 16``.
    """

    instrument: str
    title: str = ""
    articles: str = ""

    def __str__(self) -> str:
        """Return e.g. ``Luật Hộ tịch 60/2014/QH13, Art. 16``."""
        head = f"{self.title} {self.instrument}".strip()
        return f"{head}, {self.articles}" if self.articles else head


def _optional_date(value: date | None) -> date | None:
    return optional_date(value, "Posting date")


@attrs.frozen
class Posting:
    """Where and since when a procedure is posted (niêm yết) at the one-stop unit.

    Attributes:
        physical_since: Posted physically at the reception place since this day.
        electronic_since: Posted electronically (portal, kiosk) since this day.
    """

    physical_since: date | None = attrs.field(default=None, converter=_optional_date)
    electronic_since: date | None = attrs.field(default=None, converter=_optional_date)

    def is_posted(self, medium: Medium, on: date) -> bool:
        """Return True if the procedure was posted in *medium* on *on*."""
        since = self.physical_since if medium is Medium.PHYSICAL else self.electronic_since
        return since is not None and since <= on


def _procedure_code(value: ProcedureCode | str) -> ProcedureCode:
    return _checked_procedure_code(value)


def _checked_procedure_code(value: object) -> ProcedureCode:
    if isinstance(value, ProcedureCode):
        return value
    if isinstance(value, str):
        return ProcedureCode.parse(value)
    raise InvalidInputError("Procedure.code", "a ProcedureCode or a string", value)


def _tuple_of_str(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _levels(value: Iterable[Level]) -> tuple[Level, ...]:
    return tuple(value)


def _terms(value: Iterable[ChannelTerm]) -> tuple[ChannelTerm, ...]:
    return tuple(value)


def _bases(value: Iterable[LegalBasis]) -> tuple[LegalBasis, ...]:
    return tuple(value)


def _documents(value: Iterable[Document]) -> tuple[Document, ...]:
    return tuple(value)


def _field_code(value: str) -> str:
    """A field code as written: text, never a number read as one."""
    if not isinstance(value, str):
        raise InvalidInputError("field_code", "a field code as text, e.g. 'G09-CA01'", value)
    return value


def _paper_result(value: bool | None) -> bool | None:
    return _checked_paper_result(value)


def _checked_paper_result(value: object) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    raise InvalidInputError("Procedure.paper_result", "true, false or null (not stated)", value)


@attrs.frozen
class Procedure:
    """An administrative procedure with its per-channel terms.

    Attributes:
        code: The national (or localised long) procedure code.
        name: The name (``TENTTHC``).
        field: The field (lĩnh vực, ``LINHVUCTHUCHIEN``).
        levels: The levels it is carried out at (``CAPTHUCHIEN``).
        terms: Per channel and case: time limit, counting rule, fees (``CACHTHUCTHUCHIEN``).
        legal_basis: The instruments it rests on (``CANCUPHAPLY``); at least one.
        implementing_agencies: Agencies that carry it out (``COQUANTHUCHIEN``).
        competent_agencies: Agencies that decide (``COQUANCOTHAMQUYEN``).
        documents: Dossier components (``THANHPHANHOSO``).
        results: What the applicant receives (``KETQUATHUCHIEN``).
        steps: The sequence of steps (trình tự, ``TRINHTUTHUCHIEN``).
        applicants: Who may carry it out (đối tượng, ``DOITUONGTHUCHIEN``).
        online_level: Online service level, Decree 42/2022/NĐ-CP Art. 11.
        posting: Posting status (physical, electronic, with dates).
        source: Where these facts were taken from.
        note: Anything a reader should know (uncertainties, local variations).
        paper_result: The result is issued on paper (the procedures whose dossiers make
            the denominator of Decision 766 indicator 4.1); None: not stated (the result
            names in ``results`` do not say, so it is never inferred from them).
        field_code: The field's code in the national database (``MALINHVUC``, e.g.
            ``G09-CA01``; the DVCQG sync payload's ``MaLinhVuc``); "" when not known.
    """

    code: ProcedureCode = attrs.field(converter=_procedure_code)
    name: str
    field: str
    levels: tuple[Level, ...] = attrs.field(converter=_levels)
    terms: tuple[ChannelTerm, ...] = attrs.field(converter=_terms)
    legal_basis: tuple[LegalBasis, ...] = attrs.field(converter=_bases)
    implementing_agencies: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str)
    competent_agencies: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str)
    documents: tuple[Document, ...] = attrs.field(default=(), converter=_documents)
    results: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str)
    steps: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str)
    applicants: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str)
    online_level: OnlineLevel = OnlineLevel.NONE
    posting: Posting = attrs.field(factory=Posting)
    source: str = ""
    note: str = ""
    paper_result: bool | None = attrs.field(default=None, converter=_paper_result)
    field_code: str = attrs.field(default="", converter=_field_code)

    def __attrs_post_init__(self) -> None:
        """Validate the entry: name, levels, at least one channel, a legal basis."""
        where = f"procedure {self.code}"
        if not self.name.strip():
            raise InvalidInputError(f"{where}.name", "a non-empty name (TENTTHC)", self.name)
        if not self.levels:
            raise InvalidInputError(
                f"{where}.levels", "at least one level (CAPTHUCHIEN)", [], "add e.g. Level.COMMUNE"
            )
        if not self.terms:
            raise InvalidInputError(
                f"{where}.terms",
                "at least one channel term (CACHTHUCTHUCHIEN)",
                [],
                "state the time limit per channel, or NoTimeLimit() explicitly",
            )
        if not self.legal_basis:
            raise InvalidInputError(
                f"{where}.legal_basis", "at least one instrument (CANCUPHAPLY)", []
            )
        seen: set[tuple[Channel, str]] = set()
        for term in self.terms:
            key = (term.channel, term.case)
            if key in seen:
                raise InvalidInputError(
                    f"{where}.terms",
                    "one term per channel and case",
                    f"channel {term.channel.value}, case {term.case!r} twice",
                )
            seen.add(key)
        online = Channel.ONLINE in self.channels
        if self.online_level is not OnlineLevel.NONE and not online:
            raise InvalidInputError(
                f"{where}.online_level",
                "NONE when no online (KENH 2) term is given",
                self.online_level.value,
                "add an online channel term or set online_level to NONE",
            )
        if online and self.online_level is OnlineLevel.NONE:
            raise InvalidInputError(
                f"{where}.online_level",
                "FULL, PARTIAL (Decree 42/2022 Art. 11) or UNSTATED when an online term is given",
                self.online_level.value,
            )

    @property
    def channels(self) -> tuple[Channel, ...]:
        """The channels offered, in code order."""
        return tuple(sorted({t.channel for t in self.terms}))

    def cases(self, channel: Channel) -> tuple[str, ...]:
        """The cases with their own terms on *channel* (``""`` is the general case)."""
        return tuple(t.case for t in self.terms if t.channel is channel)

    def term(self, channel: Channel | int, case: str | None = None) -> ChannelTerm:
        """Return the terms for *channel* and *case* (default: the general case, ``""``).

        Raises:
            NotFoundError: The procedure is not offered through *channel*, or has no such case.
            InvalidInputError: The channel has only specific cases and none was chosen.
        """
        chosen = Channel.from_code(channel)
        terms = [t for t in self.terms if t.channel is chosen]
        if not terms:
            offered = ", ".join(f"{c.value} ({c.name.lower()})" for c in self.channels)
            raise NotFoundError(
                f"channel of procedure {self.code}",
                f"{chosen.value} ({chosen.name.lower()})",
                f"it is offered through: {offered}",
            )
        if case is None:
            general = [t for t in terms if not t.case]
            if len(terms) == 1 or general:
                return general[0] if general else terms[0]
            raise InvalidInputError(
                f"procedure {self.code} case",
                "one of " + ", ".join(repr(t.case) for t in terms),
                None,
                "this channel has several cases with different time limits; pass case=...",
            )
        for t in terms:
            if t.case == case:
                return t
        raise NotFoundError(
            f"case of procedure {self.code} on channel {chosen.value}",
            case,
            "cases: " + ", ".join(repr(t.case) for t in terms),
        )

    def levels_on(self, day: date) -> tuple[Level, ...]:
        """The levels it is carried out at that existed on *day* (no district after reform)."""
        return tuple(level for level in self.levels if level.exists_on(day))


def _procedures(value: Iterable[Procedure]) -> tuple[Procedure, ...]:
    return tuple(value)


@attrs.frozen
class Catalogue:
    """A set of procedures with lookups by code, field and level.

    Every entry is validated when it is built (see :class:`Procedure`); codes are unique.
    """

    procedures: tuple[Procedure, ...] = attrs.field(converter=_procedures)
    _by_code: dict[str, Procedure] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        """Index the procedures by full and national code."""
        index: dict[str, Procedure] = {}
        for p in self.procedures:
            if not isinstance(p, Procedure):
                raise InvalidInputError("Catalogue.procedures", "Procedure values", p)
            key = str(p.code)
            if key in index:
                raise InvalidInputError("Catalogue.procedures", "unique procedure codes", key)
            index[key] = p
        for p in self.procedures:
            index.setdefault(str(p.code.national), p)
        object.__setattr__(self, "_by_code", index)

    def __iter__(self) -> Iterator[Procedure]:
        """Iterate in catalogue order."""
        return iter(self.procedures)

    def __len__(self) -> int:
        """Return the number of procedures."""
        return len(self.procedures)

    def __contains__(self, code: object) -> bool:
        """Return True if a procedure with this code (text or ProcedureCode) is listed."""
        return str(code) in self._by_code

    def get(self, code: str | ProcedureCode) -> Procedure:
        """Return the procedure with *code*; a long local form falls back to its national code.

        Raises:
            NotFoundError: No such procedure in this catalogue.
        """
        key = str(code)
        found = self._by_code.get(key)
        if found is None:
            try:
                national = str(ProcedureCode.parse(key).national)
            except InvalidInputError:
                national = key
            found = self._by_code.get(national)
        if found is None:
            raise NotFoundError(
                "procedure",
                key,
                f"the catalogue has {len(self)} procedures; check the code, or use a catalogue "
                "that lists it",
            )
        return found

    def by_field(self, field: str) -> tuple[Procedure, ...]:
        """Return the procedures of a field (lĩnh vực), compared case-insensitively."""
        key = field.casefold().strip()
        return tuple(p for p in self.procedures if p.field.casefold() == key)

    def by_level(self, level: Level, *, on: date | None = None) -> tuple[Procedure, ...]:
        """Return the procedures carried out at *level* (on *on*, if given)."""
        if on is not None:
            level.check_on(on)
        return tuple(p for p in self.procedures if level in p.levels)

    def fields(self) -> tuple[str, ...]:
        """Return the fields, in first-seen order."""
        return tuple(dict.fromkeys(p.field for p in self.procedures))


def _not_longer(local: ChannelTerm, base: ChannelTerm) -> bool | None:
    """True if *local*'s limit is at most *base*'s; None if the two cannot be compared."""
    if isinstance(base.limit, NoTimeLimit):
        return True
    if isinstance(local.limit, NoTimeLimit) or type(local.limit) is not type(base.limit):
        return None
    if isinstance(local.limit, SameDay) and isinstance(base.limit, SameDay):
        if base.limit.cutoff is None:
            return True
        return local.limit.cutoff is None or local.limit.cutoff >= base.limit.cutoff
    if isinstance(local.limit, SameDay) or isinstance(base.limit, SameDay):  # pragma: no cover
        return None
    return local.limit.count <= base.limit.count


def _rule_name(term: ChannelTerm) -> str:
    rule = term.counting_rule
    return "no time limit" if rule is None else rule.value


def _layer_terms(local: Procedure, base: Procedure, where: str) -> None:
    """Check that *local* keeps every term of *base* and only reduces, citing its decision."""
    terms = {(t.channel, t.case): t for t in local.terms}
    for b in base.terms:
        key = f"{where}.terms[channel {b.channel.value}, case {b.case!r}]"
        term = terms.get((b.channel, b.case))
        if term is None:
            raise InvalidInputError(
                key,
                "every channel and case of the national entry",
                "missing",
                "copy the national term into the local entry (a local catalogue reduces "
                "limits; it does not remove channels)",
            )
        if term.limit == b.limit and term.rule == b.rule and term.starts is b.starts:
            continue
        shorter = _not_longer(term, b)
        if not shorter:
            got = f"{term.limit} over the national {b.limit}"
            raise InvalidInputError(
                key,
                "a limit no longer than the national one, in the same unit",
                got,
                "a local decision may only reduce a time limit",
            )
        ruled = not isinstance(b.limit, NoTimeLimit)  # a limit where the law sets none
        if term.starts is not b.starts or (ruled and term.counting_rule is not b.counting_rule):
            raise InvalidInputError(
                key,
                f"the national counting rule and start ({_rule_name(b)}, {b.starts.value})",
                f"{_rule_name(term)}, {term.starts.value}",
                "a province's decision reduces the time limit; the rule and its start are "
                "the law's",
            )
        if not term.basis.strip() or term.basis == b.basis:
            raise InvalidInputError(
                f"{key}.basis",
                "the decision that reduces the limit (e.g. 'Quyết định 1234/QĐ-UBND')",
                term.basis,
                "name the province's decision in the term's 'basis'",
            )


def layer_catalogue(base: Catalogue, *layers: Catalogue) -> Catalogue:
    """A province's catalogue layered on the national one: its entries replace the base's.

    Each entry of a layer replaces the base entry of the same national code (a long local
    code replaces its national code's entry); an entry with a new code is added. A
    replacing entry keeps every channel and case of the base entry, with the same counting
    rule and start; a term whose limit differs is a reduction (same unit, not longer) and
    names the decision that sets it in ``basis``. Later layers apply over earlier ones.
    ADR 0024.

    Raises:
        InvalidInputError: A layer drops a channel or case, lengthens a limit, changes its
            unit, rule or start, or reduces it without naming a decision.

    >>> from motcua.time.limits import WorkingDays
    >>> national = Catalogue([Procedure("1.000001", "Thủ tục mẫu", "Mẫu", [Level.COMMUNE],
    ...     [ChannelTerm(Channel.IN_PERSON, WorkingDays(5))], [LegalBasis("1/2020/NĐ-CP")])])
    >>> local = Catalogue([attrs.evolve(national.get("1.000001"), terms=[ChannelTerm(
    ...     Channel.IN_PERSON, WorkingDays(3), basis="Quyết định 12/QĐ-UBND")])])
    >>> layer_catalogue(national, local).get("1.000001").term(Channel.IN_PERSON).limit
    WorkingDays(count=3)
    """
    result = list(base.procedures)
    for number, layer in enumerate(layers, start=1):
        position = {str(p.code.national): k for k, p in enumerate(result)}
        for p in layer:
            national = str(p.code.national)
            where = f"catalogue layer {number} procedure {p.code}"
            k = position.get(national)
            if k is None:
                position[national] = len(result)
                result.append(p)
                continue
            _layer_terms(p, result[k], where)
            result[k] = p
    return Catalogue(result)
