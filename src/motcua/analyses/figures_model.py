"""The model of published figures: the keys, the identities, a check and a verification.

:mod:`motcua.analyses.verify` reads figures against these (and re-exports the public names).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

import attrs

from motcua.analyses.buckets import COLUMNS
from motcua.foundation.errors import InvalidInputError

__all__ = [
    "BY_LEVEL",
    "IDENTITIES",
    "KEYS",
    "LEVELS",
    "MAX_FIGURE",
    "Check",
    "Identity",
    "Verification",
    "counts_of",
    "vi_name",
]

#: Keys a figures object may hold (besides :data:`BY_LEVEL`).
KEYS: Final = (
    *COLUMNS,
    "resolved_in_time",
    "received_new",
    "late_or_overdue",
    "withdrawn_or_returned",
    "due_in_period",
)
#: The key of the per-level figures: ``{"by_level": {"province": {...}, ...}}``.
BY_LEVEL: Final = "by_level"
#: The level names ``by_level`` takes: the values of :class:`motcua.domain.units.Level`.
LEVELS: Final = ("ministry", "province", "district", "commune")
#: Above this a figure is not a count of dossiers (a country's year is far below it).
MAX_FIGURE: Final = 10**12

_VI: Final = {
    "received_total": "tổng số hồ sơ nhận giải quyết",
    "received_online": "nhận trực tuyến",
    "received_in_person_or_postal": "nhận trực tiếp, qua bưu chính",
    "carried_over": "từ kỳ trước chuyển sang",
    "received_new": "tiếp nhận mới trong kỳ",
    "resolved_total": "đã giải quyết",
    "resolved_early": "giải quyết trước hạn",
    "resolved_on_time": "giải quyết đúng hạn",
    "resolved_late": "giải quyết quá hạn",
    "resolved_in_time": "giải quyết đúng và trước hạn",
    "pending_total": "đang giải quyết",
    "pending_within": "đang giải quyết trong hạn",
    "pending_overdue": "đang giải quyết quá hạn",
    "late_or_overdue": "trễ hạn, quá hạn",
    "withdrawn_or_returned": "rút, trả lại",
    "due_in_period": "đến hạn trong kỳ",
}
_LEVEL_VI: Final = {
    "ministry": "cấp bộ",
    "province": "cấp tỉnh",
    "district": "cấp huyện",
    "commune": "cấp xã",
}


@attrs.frozen
class Identity:
    """``total = sum(parts)`` (kind ``sum``) or ``part <= total`` (kind ``bound``)."""

    name: str
    total: str
    parts: tuple[str, ...]
    kind: str = "sum"

    def __str__(self) -> str:
        """Return e.g. ``resolved_total = resolved_early + resolved_on_time + resolved_late``."""
        if self.kind == "bound":
            return f"{' + '.join(self.parts)} <= {self.total}"
        return f"{self.total} = {' + '.join(self.parts)}"

    @property
    def vi(self) -> str:
        """The identity in Vietnamese words."""
        parts = " + ".join(vi_name(p) for p in self.parts)
        return (
            f"{parts} ≤ {vi_name(self.total)}"
            if self.kind == "bound"
            else f"{vi_name(self.total)} = {parts}"
        )


IDENTITIES: Final = (
    Identity(
        "received",
        "received_total",
        ("carried_over", "received_online", "received_in_person_or_postal"),
    ),
    Identity("received_new", "received_new", ("received_online", "received_in_person_or_postal")),
    Identity("received_split", "received_total", ("carried_over", "received_new")),
    Identity("balance", "received_total", ("resolved_total", "pending_total")),
    Identity(
        "resolved", "resolved_total", ("resolved_early", "resolved_on_time", "resolved_late")
    ),
    Identity("in_time", "resolved_in_time", ("resolved_early", "resolved_on_time")),
    Identity("resolved_split", "resolved_total", ("resolved_in_time", "resolved_late")),
    Identity("pending", "pending_total", ("pending_within", "pending_overdue")),
    Identity("late_or_overdue", "late_or_overdue", ("resolved_late", "pending_overdue")),
    Identity("withdrawn", "resolved_total", ("withdrawn_or_returned",), "bound"),
)


@attrs.frozen
class Check:
    """The outcome of one identity.

    Attributes:
        identity: The identity.
        period: Which figures object (index in a series; 0 for one object).
        status: ``ok``, ``failed``, ``implied`` (one unknown, value derived) or ``skipped``.
        left: The total's value, if known (published or implied).
        right: The sum of the known parts.
        implied: For ``implied``: the unknown key and its value.
        message: A readable line with the numbers (implied values are marked).
        message_vi: The same line in Vietnamese.
        conflict: For a figure implied twice with different values: the key, the value
            implied first and the value this identity implies.
    """

    identity: Identity
    period: int
    status: str
    left: int | None
    right: int | None
    implied: tuple[str, int] | None
    message: str
    message_vi: str = ""
    conflict: tuple[str, int, int] | None = None


@attrs.frozen
class Verification:
    """Every check made, and the values the figures imply."""

    checks: tuple[Check, ...]

    @property
    def failures(self) -> tuple[Check, ...]:
        """The checks that failed (conflicting implied values included)."""
        return tuple(c for c in self.checks if c.status == "failed")

    @property
    def checked(self) -> int:
        """How many checks tested something (held, failed, or gave a value of 0 or more)."""
        return sum(c.status != "skipped" for c in self.checks)

    @property
    def outcome(self) -> str:
        """``consistent``, ``inconsistent`` or ``nothing checked`` (never called consistent)."""
        if self.failures:
            return "inconsistent"
        return "consistent" if self.checked else "nothing checked"

    @property
    def ok(self) -> bool:
        """True when something was checked and nothing contradicts."""
        return self.outcome == "consistent"

    @property
    def implied(self) -> dict[str, int]:
        """Values the figures imply, directly or through other implied values (first period)."""
        return {
            c.implied[0]: c.implied[1]
            for c in self.checks
            if c.implied is not None and c.period == 0 and c.status == "implied"
        }


def vi_name(name: str) -> str:
    """The Vietnamese words for a figure's key (``province.resolved_total`` too)."""
    level, _, key = name.rpartition(".")
    words = _VI.get(key, key)
    return f"{words} ({_LEVEL_VI.get(level, level)})" if level else words


def _key_text(key: object) -> str:
    return key if isinstance(key, str) and key.isidentifier() else repr(key)


def counts_of(figures: object, where: str, *, levels: bool) -> dict[str, int]:
    """The counts of one figures object, checked (keys, integers, range), levels flattened."""
    if not isinstance(figures, Mapping):
        raise InvalidInputError(where, "an object of report figures", type(figures).__name__)
    out: dict[str, int] = {}
    for key, value in figures.items():
        if key == BY_LEVEL and levels:
            if not isinstance(value, Mapping):
                raise InvalidInputError(
                    f"{where}.{BY_LEVEL}",
                    "an object of figures per level (" + ", ".join(LEVELS) + ")",
                    type(value).__name__,
                )
            for level, sub in value.items():
                if level not in LEVELS:
                    raise InvalidInputError(
                        f"{where}.{BY_LEVEL}.{_key_text(level)}",
                        "one of " + ", ".join(LEVELS),
                        level,
                    )
                at = f"{where}.{BY_LEVEL}.{level}"
                out.update(
                    {f"{level}.{k}": v for k, v in counts_of(sub, at, levels=False).items()}
                )
            continue
        if key not in KEYS:
            allowed = ", ".join((*KEYS, BY_LEVEL) if levels else KEYS)
            raise InvalidInputError(
                f"{where}.{_key_text(key)}", f"one of {allowed}", key, "check the key's spelling"
            )
        if isinstance(value, bool) or not isinstance(value, int):
            raise InvalidInputError(f"{where}.{key}", "a whole number of dossiers", value)
        if not 0 <= value <= MAX_FIGURE:
            raise InvalidInputError(
                f"{where}.{key}",
                f"a count of 0 or more (at most {MAX_FIGURE:,})",
                value if abs(value) < 10**20 else "an integer of more than 20 digits",
            )
        out[key] = value
    return out
