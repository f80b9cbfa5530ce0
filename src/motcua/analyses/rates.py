"""Exact rates and the half-up rounding of published percentages.

A rate is an exact :class:`~fractions.Fraction` (None when its denominator is 0: "not
applicable", never 0 % or 100 %, which OpenCPS uses both of); a published percentage is
rounded half-up from the exact value, with no float on the way.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

__all__ = ["percent", "rate", "round_half_up"]


def rate(numerator: int, denominator: int) -> Fraction | None:
    """Return ``numerator / denominator`` exactly, or None when the denominator is 0.

    An empty denominator is "not applicable", never 0 % or 100 % (OpenCPS uses both).

    >>> rate(1350, 1360), rate(0, 0)
    (Fraction(135, 136), None)
    """
    return None if denominator == 0 else Fraction(numerator, denominator)


def round_half_up(value: Fraction, places: int = 2) -> Decimal:
    """Return *value* rounded half-up to *places* decimals, exactly (no float on the way).

    >>> round_half_up(Fraction(1, 8)), round_half_up(Fraction(-1, 8))
    (Decimal('0.13'), Decimal('-0.13'))
    """
    quantum = Decimal(1).scaleb(-places)
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return exact.quantize(quantum, rounding=ROUND_HALF_UP)


def percent(value: Fraction | None, places: int = 2) -> Decimal | None:
    """Return *value* x 100 rounded half-up to *places* decimals (None stays None).

    >>> percent(Fraction(135, 136))
    Decimal('99.26')
    """
    return None if value is None else round_half_up(value * 100, places)
