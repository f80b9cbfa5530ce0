"""Posting coverage: procedures posted physically and electronically, per level ("297/297").

Decree 63/2010/NĐ-CP Art. 16-17 (as amended) requires announced procedures to be publicised,
including at the place of reception and electronically [C first lines; R detail]; Decree
61/2018 (now 118/2025) requires the one-stop unit to post the procedures it receives,
physically and electronically [R]. Published figures such as "297/297 procedures posted"
are this ratio, per level and per medium.

>>> from datetime import date
>>> from motcua.domain.procedures import Catalogue
>>> coverage = posting_coverage(Catalogue([]), on=date(2024, 1, 1))
>>> coverage
{}
"""

from __future__ import annotations

from datetime import date

import attrs

from motcua.domain.procedures import Catalogue, Medium
from motcua.domain.units import Level

__all__ = ["Coverage", "posting_coverage"]


@attrs.frozen
class Coverage:
    """How many procedures of a level are posted, by medium.

    Attributes:
        total: Procedures carried out at the level.
        physical: Posted at the reception place.
        electronic: Posted electronically (portal, kiosk).
        both: Posted both ways.
    """

    total: int = 0
    physical: int = 0
    electronic: int = 0
    both: int = 0

    def __str__(self) -> str:
        """Return e.g. ``297/297 (physical 297, electronic 297)``."""
        return f"{self.both}/{self.total} (physical {self.physical}, electronic {self.electronic})"


def posting_coverage(catalogue: Catalogue, *, on: date) -> dict[Level, Coverage]:
    """Count, per level existing on *on*, the procedures posted on that day."""
    counts: dict[Level, list[int]] = {}
    for procedure in catalogue:
        physical = procedure.posting.is_posted(Medium.PHYSICAL, on)
        electronic = procedure.posting.is_posted(Medium.ELECTRONIC, on)
        for level in procedure.levels_on(on):
            row = counts.setdefault(level, [0, 0, 0, 0])
            row[0] += 1
            row[1] += physical
            row[2] += electronic
            row[3] += physical and electronic
    return {level: Coverage(*counts[level]) for level in Level if level in counts}
