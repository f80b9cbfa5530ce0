"""The rule on where a dossier may be received: anywhere in the province, from 01/07/2025.

* ``receipt-scope``: under Decree 118/2025/NĐ-CP Art. 14(2), the provincial and commune
  Public Administration Service Centres receive dossiers regardless of administrative
  boundaries within the province, so the receiving centre lies in the province of the
  deciding agency; the applicant's locality does not matter. Active only while Decree
  118/2025 is in force (from 01/07/2025); before it the one-stop unit received the dossiers
  of its own agency (no source read: off by default).

The rule compares the provinces of the dossier's ``receiving_unit`` and ``deciding_unit``
(unit codes of the receipt day). A province code (two digits in the national code list)
is its own province; a commune's province is looked up in the unit registry
(``Context.registry``, ``check(..., registry=motcua.unit_registry())``). A dossier that
does not record both units, or a commune code without a registry, is not judged.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Final

from motcua.analyses.compliance.rules import Basis, Context, Finding, Rule
from motcua.domain.dossiers import Dossier
from motcua.domain.unit_registry import UnitRegistry
from motcua.foundation.confidence import Confidence
from motcua.foundation.errors import InvalidInputError, NotFoundError

__all__ = ["RECEIPT_SCOPE"]

#: A province code of the national list of administrative units: two ASCII digits.
_PROVINCE: Final = re.compile(r"[0-9]{2}")


def _province(registry: UnitRegistry | None, code: str, day: date) -> str | None:
    """The province code of unit *code* on *day* (None: not a unit then, or no registry)."""
    if registry is None:
        return code if _PROVINCE.fullmatch(code) else None
    try:
        return registry.province_of(code, day).code
    except (NotFoundError, InvalidInputError):
        return None


def _check_scope(d: Dossier, ctx: Context) -> list[Finding]:
    registry = ctx.registry
    if not d.receiving_unit or not d.deciding_unit:
        return []
    if registry is None and not all(
        _PROVINCE.fullmatch(c) for c in (d.receiving_unit, d.deciding_unit)
    ):
        return []
    day = d.reference_day
    out: list[Finding] = []
    provinces = {}
    for role, code in (("receiving_unit", d.receiving_unit), ("deciding_unit", d.deciding_unit)):
        province = _province(registry, code, day)
        if province is None:
            out.append(
                (
                    (
                        f"the {role.replace('_', ' ')} {code} is not a unit on {day:%d/%m/%Y}; "
                        "check the code (codes were reused on 01/07/2025)"
                    ),
                    {role: code, "day": day.isoformat()},
                )
            )
        provinces[role] = province
    receiving, deciding = provinces["receiving_unit"], provinces["deciding_unit"]
    if receiving is not None and deciding is not None and receiving != deciding:
        out.append(
            (
                (
                    f"received by a centre of province {receiving} (unit {d.receiving_unit}) "
                    f"for an agency of province {deciding} (unit {d.deciding_unit}); a "
                    "centre receives regardless of boundaries within its own province only"
                ),
                {
                    "receiving_unit": d.receiving_unit,
                    "receiving_province": receiving,
                    "deciding_unit": d.deciding_unit,
                    "deciding_province": deciding,
                },
            )
        )
    return out


RECEIPT_SCOPE: Final[Rule[Dossier]] = Rule(
    "receipt-scope",
    "The receiving centre lies in the province of the deciding agency (reception "
    "regardless of administrative boundaries within the province)",
    (
        Basis.unsourced("D61-2018"),
        Basis(
            "D118-2025",
            "Art. 14(2) (provincial and commune centres receive regardless of administrative "
            "boundaries within the province; read in a news report quoting it)",
            Confidence.SECONDARY,
        ),
    ),
    {},
    _check_scope,
)
