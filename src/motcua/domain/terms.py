"""Per-channel terms of a procedure: the channel, its time limit, counting rule, start and fees.

The time limit, counting rule and fees of a procedure differ by channel (the national
procedure record's ``CACHTHUCTHUCHIEN[{KENH, THOIGIAN[...]}]``: 1 in person, 2 online,
3 public postal service) and by case within a channel; a dossier's due instant is computed
from the term of the channel it actually used. :mod:`motcua.domain.procedures` re-exports
every name here.

A term carries the whole rule of its time limit: the limit, the counting rule (None: the
limit's default, working time for working days and hours, see ADR 0004), the starting point
the sector law writes after "kể từ" (:class:`TermStart`; default: receipt of the complete
dossier), the intake-check deadline some sector rules set (``intake_check``) and the
instrument that sets the term (``basis``: a province's decision for a reduced local limit).

>>> from motcua.time.limits import WorkingDays
>>> ChannelTerm(Channel.ONLINE, WorkingDays(7), fees=(Fee("Lệ phí", 10_000),)).counting_rule.value
'working-time'
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable
from datetime import datetime
from decimal import Decimal
from typing import Final

import attrs

from motcua.domain.codes import code_number
from motcua.foundation.errors import InvalidInputError
from motcua.time.limits import CountingRule, TimeLimit, WorkingDays, WorkingHours, resolve_rule

__all__ = [
    "Channel",
    "ChannelTerm",
    "Fee",
    "NoTimeLimit",
    "TermStart",
    "as_term_start",
    "start_instant",
]


class Channel(enum.IntEnum):
    """How a dossier was submitted: the DVCQG ``KenhThucHien`` code (1, 2, 3)."""

    #: 1 Trực tiếp: in person at a one-stop unit.
    IN_PERSON = 1
    #: 2 Trực tuyến: online (national or provincial public-service portal).
    ONLINE = 2
    #: 3 Qua dịch vụ bưu chính công ích: through the public postal service.
    POSTAL = 3

    @property
    def vi(self) -> str:
        """The Vietnamese name (``Trực tiếp``, ``Trực tuyến``, ``Dịch vụ bưu chính công ích``)."""
        return _CHANNEL_VI[self]

    @classmethod
    def from_code(cls, value: object, field: str = "channel") -> Channel:
        """Return the channel for a ``KenhThucHien`` value (1-3, an int or ASCII digits).

        >>> Channel.from_code("2")
        <Channel.ONLINE: 2>
        """
        expected = "KenhThucHien 1 (in person), 2 (online) or 3 (postal)"
        number = code_number(value, field, expected)
        if number not in (1, 2, 3):
            raise InvalidInputError(field, expected, value)
        return cls(number)


_CHANNEL_VI: Final = {
    Channel.IN_PERSON: "Trực tiếp",
    Channel.ONLINE: "Trực tuyến",
    Channel.POSTAL: "Dịch vụ bưu chính công ích",
}


class TermStart(enum.Enum):
    """Where a term's time starts to run: what its law writes after "kể từ".

    The default is the receipt of the complete, valid dossier (the one-stop practice and the
    wording of most sector laws: "kể từ ngày nhận đủ hồ sơ hợp lệ"). ADR 0024.
    """

    #: "kể từ ngày nhận đủ hồ sơ hợp lệ": the one-stop unit receives the complete dossier
    #: (the ``received`` event, or the complete supplement when an intake request restarts
    #: the clock).
    COMPLETE_DOSSIER = "complete_dossier"
    #: "kể từ thời điểm hệ thống ghi nhận": the portal's receipt of an online (or postal)
    #: submission, the ``submitted`` event; the receipt when there is none.
    SUBMISSION = "submission"
    #: "kể từ ngày nộp đủ phí, lệ phí" / "nghĩa vụ tài chính": the financial obligation is
    #: fulfilled (the ``obligation_fulfilled`` event); undetermined until then.
    PAYMENT = "payment"

    @property
    def vi(self) -> str:
        """The Vietnamese wording (``kể từ ngày nhận đủ hồ sơ hợp lệ``...)."""
        return _START_VI[self]


_START_VI: Final = {
    TermStart.COMPLETE_DOSSIER: "kể từ ngày nhận đủ hồ sơ hợp lệ",
    TermStart.SUBMISSION: "kể từ thời điểm hệ thống ghi nhận hồ sơ nộp",
    TermStart.PAYMENT: "kể từ ngày hoàn thành nghĩa vụ tài chính",
}


def start_instant(
    start: TermStart,
    *,
    clock_start: datetime | None,
    submitted: datetime | None = None,
    paid: datetime | None = None,
) -> datetime | None:
    """The instant a term's time starts to run, from a dossier's instants (None: not yet).

    Args:
        start: The term's starting point.
        clock_start: The receipt of the complete dossier (the clock's start).
        submitted: The portal's receipt of the submission, if the log has one.
        paid: When the financial obligation was fulfilled, if it was.

    >>> from datetime import datetime
    >>> at = datetime(2024, 5, 6, 9, 0)
    >>> start_instant(TermStart.SUBMISSION, clock_start=at, submitted=None) == at
    True
    >>> start_instant(TermStart.PAYMENT, clock_start=at) is None
    True
    """
    if start is TermStart.SUBMISSION:
        return submitted if submitted is not None else clock_start
    if start is TermStart.PAYMENT:
        return paid
    return clock_start


@attrs.frozen
class NoTimeLimit:
    """An explicit "no statutory time limit" (không quy định thời hạn).

    A procedure term must state a time limit or this; a missing limit is never read as zero
    or as "any time" (OpenCPS treated a duration of 0 as "no due date").
    """

    note: str = "Không quy định thời hạn giải quyết"

    def __str__(self) -> str:
        """Return ``no statutory time limit``."""
        return "no statutory time limit"


def _amount(value: int | Decimal | None) -> int | None:
    """A whole amount of đồng: an int, or a Decimal with no fraction (``Decimal("8000.0")``)."""
    if isinstance(value, Decimal):
        if not value.is_finite() or value != value.to_integral_value():
            raise InvalidInputError(
                "Fee.amount",
                "a whole number of đồng",
                value,
                "a fee in percent goes in Fee.percent",
            )
        return int(value)
    return value


#: The largest fee amount accepted, in đồng (10^15: far above any fee or charge).
MAX_AMOUNT: Final = 10**15


def _non_negative_amount(
    _instance: object, attribute: attrs.Attribute[int | None], value: int | None
) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_AMOUNT:
        raise InvalidInputError(
            f"Fee.{attribute.name}",
            f"a whole number of đồng from 0 to {MAX_AMOUNT:,}, or None when set elsewhere",
            value,
        )


#: A percentage as motcua writes it: ``"0.5"``, ``"2"``, ``"12.25"`` (ASCII, no trailing zero).
_PERCENT: Final = re.compile(r"(?:0|[1-9][0-9]{0,2})(?:\.[0-9]{0,5}[1-9])?")


def _percent(value: str | Decimal) -> str:
    """A percentage as exact text: ``Decimal("0.50")`` and ``"0.5"`` both give ``"0.5"``."""
    if isinstance(value, Decimal) and value.is_finite():
        value = format(value.normalize(), "f") if value else "0"
    if not isinstance(value, str) or (value and not _PERCENT.fullmatch(value)):
        raise InvalidInputError(
            "Fee.percent",
            "a percentage in ASCII digits with a decimal point, such as '0.5' or '2' "
            "(no trailing zeros, at most 6 decimals)",
            value,
        )
    if value and not 0 < Decimal(value) <= 100:
        raise InvalidInputError("Fee.percent", "a percentage above 0 and at most 100", value)
    return value


@attrs.frozen
class Fee:
    """A fee or charge (phí, lệ phí) payable for a procedure: an amount, or a percentage.

    Attributes:
        description: What the fee is for, as published (``Lệ phí``, ``2.000 đồng/trang``...).
        amount: The amount in whole đồng, exact (an int, or a Decimal without a fraction);
            0 when exempt (miễn); None when the amount is set by another instrument (e.g. a
            provincial People's Council resolution), varies, or is a percentage.
        basis: The instrument that sets it.
        percent: A fee charged as a percentage of a value (e.g. lệ phí trước bạ ``"0.5"``),
            as exact decimal text; empty for an amount. Never set together with *amount*.

    >>> Fee("Lệ phí", Decimal("8000.0")).amount
    8000
    >>> Fee("Lệ phí trước bạ", percent=Decimal("0.50")).percentage
    Decimal('0.5')
    """

    description: str
    amount: int | None = attrs.field(
        default=None, converter=_amount, validator=_non_negative_amount
    )
    basis: str = ""
    percent: str = attrs.field(default="", converter=_percent)

    def __attrs_post_init__(self) -> None:
        """Check that an amount and a percentage are not both given."""
        if self.percent and self.amount is not None:
            raise InvalidInputError(
                "Fee",
                "an amount or a percentage, not both",
                f"amount {self.amount}, percent {self.percent}",
            )

    @property
    def percentage(self) -> Decimal | None:
        """The percentage as a Decimal, or None for an amount."""
        return Decimal(self.percent) if self.percent else None


def _channel(value: Channel | int) -> Channel:
    return Channel.from_code(value, "ChannelTerm.channel")


def _fees(value: Iterable[Fee]) -> tuple[Fee, ...]:
    return tuple(value)


def _start(value: TermStart | str) -> TermStart:
    return _checked_start(value)


def _checked_start(value: object, where: str = "ChannelTerm.starts") -> TermStart:
    if isinstance(value, TermStart):
        return value
    try:
        return TermStart(value)
    except ValueError:
        raise InvalidInputError(
            where,
            "one of " + ", ".join(s.value for s in TermStart),
            value,
            "name where the term's time starts: the complete dossier, the submission or "
            "the payment",
        ) from None


def as_term_start(value: TermStart | str, where: str) -> TermStart:
    """*value* as a :class:`TermStart` (a member or its value), or a clear error at *where*.

    >>> as_term_start("payment", "Dossier.starts") is TermStart.PAYMENT
    True
    """
    return _checked_start(value, where)


def _intake_check(value: WorkingDays | WorkingHours | None) -> WorkingDays | WorkingHours | None:
    return _checked_intake(value)


def _checked_intake(value: object) -> WorkingDays | WorkingHours | None:
    if value is not None and not isinstance(value, WorkingDays | WorkingHours):
        raise InvalidInputError(
            "ChannelTerm.intake_check",
            "working days or working hours (the sector rule's intake-check deadline), or None",
            value,
        )
    return value


@attrs.frozen
class ChannelTerm:
    """The terms of one channel (and one case) of a procedure: time limit, rule, fees.

    Attributes:
        channel: The channel these terms apply to.
        limit: The statutory time limit, or :class:`NoTimeLimit` explicitly.
        rule: The counting rule; None means the limit's default (working time for working
            days and hours). Checked against the limit.
        fees: Fees payable through this channel.
        case: The case (trường hợp) these terms are for; empty for the general case.
        description: The published wording of the time limit (``MOTA``).
        starts: Where the time starts to run ("kể từ ..."); default the receipt of the
            complete dossier.
        intake_check: The time the unit has to check a submission and receive it or ask
            for a supplement, when the sector rule sets one (e.g. 3 working days); None:
            not set by the procedure's rules.
        basis: The instrument that sets this term's limit when it is not the procedure's
            legal basis, e.g. a province's decision reducing it (``Quyết định
            1234/QĐ-UBND, Điều 1``); a local catalogue's reduced term must name it.

    >>> from motcua.time.limits import WorkingDays
    >>> ChannelTerm(Channel.IN_PERSON, WorkingDays(5), starts="payment").starts.vi
    'kể từ ngày hoàn thành nghĩa vụ tài chính'
    """

    channel: Channel = attrs.field(converter=_channel)
    limit: TimeLimit | NoTimeLimit
    rule: CountingRule | None = None
    fees: tuple[Fee, ...] = attrs.field(default=(), converter=_fees)
    case: str = ""
    description: str = ""
    starts: TermStart = attrs.field(default=TermStart.COMPLETE_DOSSIER, converter=_start)
    intake_check: WorkingDays | WorkingHours | None = attrs.field(
        default=None, converter=_intake_check
    )
    basis: str = ""

    def __attrs_post_init__(self) -> None:
        """Check that the rule fits the limit."""
        if not isinstance(self.limit, NoTimeLimit):
            resolve_rule(self.limit, self.rule)
        elif self.rule is not None:
            raise InvalidInputError(
                "ChannelTerm.rule", "None when there is no time limit", self.rule.value
            )

    @property
    def counting_rule(self) -> CountingRule | None:
        """The counting rule in effect (None when there is no time limit)."""
        if isinstance(self.limit, NoTimeLimit):
            return None
        return resolve_rule(self.limit, self.rule)
