"""Check published Biểu 06 figures for consistency.

Agencies publish figures such as "received 1,373; resolved 1,360, of which on time 1,350,
late 10; pending 13, of which 12 within time". :func:`verify_figures` takes any subset of
the report's keys (plus ``resolved_in_time`` = early + on time, which many published reports
give instead of the two), checks every identity whose terms are all known, and for an
identity with exactly one unknown term says what value it implies.

The identities follow from the form's columns (Circular 01/2020/TT-VPCP Biểu 06; the first
one is [R], the others are sums of sub-columns):

* ``received_total = carried_over + received_online + received_in_person_or_postal``
* ``received_total = resolved_total + pending_total``
* ``resolved_total = resolved_early + resolved_on_time + resolved_late``
* ``resolved_in_time = resolved_early + resolved_on_time``
* ``resolved_total = resolved_in_time + resolved_late``
* ``pending_total = pending_within + pending_overdue``
* across consecutive periods: ``carried_over`` of a period = ``pending_total`` of the one
  before (:func:`verify_series`).

>>> result = verify_figures({"received_total": 1373, "resolved_total": 1360,
...     "resolved_in_time": 1350, "resolved_late": 10, "pending_total": 13, "pending_within": 12})
>>> result.ok, result.implied
(True, {'pending_overdue': 1})
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Final

import attrs

from motcua.analyses.buckets import COLUMNS
from motcua.foundation.errors import InvalidInputError

__all__ = ["KEYS", "Check", "Identity", "Verification", "verify_figures", "verify_series"]

#: Keys a figures object may hold.
KEYS: Final = (*COLUMNS, "resolved_in_time")


@attrs.frozen
class Identity:
    """``total = sum(parts)``."""

    name: str
    total: str
    parts: tuple[str, ...]

    def __str__(self) -> str:
        """Return e.g. ``resolved_total = resolved_early + resolved_on_time + resolved_late``."""
        return f"{self.total} = {' + '.join(self.parts)}"


IDENTITIES: Final = (
    Identity(
        "received",
        "received_total",
        ("carried_over", "received_online", "received_in_person_or_postal"),
    ),
    Identity("balance", "received_total", ("resolved_total", "pending_total")),
    Identity(
        "resolved", "resolved_total", ("resolved_early", "resolved_on_time", "resolved_late")
    ),
    Identity("in_time", "resolved_in_time", ("resolved_early", "resolved_on_time")),
    Identity("resolved_split", "resolved_total", ("resolved_in_time", "resolved_late")),
    Identity("pending", "pending_total", ("pending_within", "pending_overdue")),
)


@attrs.frozen
class Check:
    """The outcome of one identity.

    Attributes:
        identity: The identity.
        period: Which figures object (index in a series; 0 for one object).
        status: ``ok``, ``failed``, ``implied`` (one unknown, value derived) or ``skipped``.
        left: The total's value, if known.
        right: The sum of the known parts.
        implied: For ``implied``: the unknown key and its value.
        message: A readable line with the numbers.
    """

    identity: Identity
    period: int
    status: str
    left: int | None
    right: int | None
    implied: tuple[str, int] | None
    message: str


@attrs.frozen
class Verification:
    """Every check made, and the values the figures imply."""

    checks: tuple[Check, ...]

    @property
    def failures(self) -> tuple[Check, ...]:
        """The checks that failed."""
        return tuple(c for c in self.checks if c.status == "failed")

    @property
    def ok(self) -> bool:
        """True when nothing contradicts."""
        return not self.failures

    @property
    def implied(self) -> dict[str, int]:
        """Values implied by an identity with exactly one unknown term (first period)."""
        return {
            c.implied[0]: c.implied[1]
            for c in self.checks
            if c.implied is not None and c.period == 0 and c.status == "implied"
        }


def _check_input(figures: Mapping[str, object], where: str) -> dict[str, int]:
    if not isinstance(figures, Mapping):
        raise InvalidInputError(where, "an object of report figures", type(figures).__name__)
    out: dict[str, int] = {}
    for key, value in figures.items():
        if key not in KEYS:
            raise InvalidInputError(
                f"{where}.{key}", "one of " + ", ".join(KEYS), key, "check the key's spelling"
            )
        if isinstance(value, bool) or not isinstance(value, int):
            raise InvalidInputError(f"{where}.{key}", "a whole number of dossiers", value)
        if value < 0:
            raise InvalidInputError(f"{where}.{key}", "a count of 0 or more", value)
        out[key] = value
    return out


def _check(identity: Identity, known: dict[str, int], period: int) -> Check:
    terms = (identity.total, *identity.parts)
    missing = [t for t in terms if t not in known]
    right_known = sum(known[p] for p in identity.parts if p in known)
    left = known.get(identity.total)
    if not missing:
        right = sum(known[p] for p in identity.parts)
        ok = left == right
        parts = " + ".join(f"{p} {known[p]}" for p in identity.parts)
        msg = f"{identity.total} {left} {'=' if ok else '!='} {parts}" + (
            "" if ok else f" (= {right}; off by {left - right if left is not None else 0:+d})"
        )
        return Check(identity, period, "ok" if ok else "failed", left, right, None, msg)
    if len(missing) == 1:
        unknown = missing[0]
        value = right_known if unknown == identity.total else (left or 0) - right_known
        if value < 0:
            msg = (
                f"{identity}: the known terms imply {unknown} = {value}, which is impossible "
                f"({identity.total} {left} < sum of known parts {right_known})"
            )
            return Check(identity, period, "failed", left, right_known, (unknown, value), msg)
        msg = f"{identity}: implies {unknown} = {value}"
        return Check(identity, period, "implied", left, right_known, (unknown, value), msg)
    return Check(
        identity, period, "skipped", left, right_known, None, f"{identity}: too few terms"
    )


def verify_figures(figures: Mapping[str, object], *, where: str = "figures") -> Verification:
    """Check one period's figures against every identity.

    Raises:
        InvalidInputError: An unknown key, or a count that is negative or not an integer.
    """
    known = _check_input(figures, where)
    return Verification(tuple(_check(i, known, 0) for i in IDENTITIES))


def verify_series(
    series: Sequence[Mapping[str, object]], *, where: str = "figures"
) -> Verification:
    """Check consecutive periods' figures, including carry-over = the previous pending."""
    checks: list[Check] = []
    known_list = [_check_input(f, f"{where}[{k}]") for k, f in enumerate(series)]
    for k, known in enumerate(known_list):
        checks.extend(_check(i, known, k) for i in IDENTITIES)
        if k == 0:
            continue
        prev = known_list[k - 1]
        identity = Identity("chain", f"carried_over[{k}]", (f"pending_total[{k - 1}]",))
        if "carried_over" in known and "pending_total" in prev:
            left, right = known["carried_over"], prev["pending_total"]
            ok = left == right
            msg = (
                f"period {k} carried_over {left} {'=' if ok else '!='} "
                f"period {k - 1} pending_total {right}"
            )
            checks.append(Check(identity, k, "ok" if ok else "failed", left, right, None, msg))
        else:
            checks.append(
                Check(identity, k, "skipped", None, None, None, f"{identity}: too few terms")
            )
    return Verification(tuple(checks))
