"""A toy one-stop desk: the code a portal's own tests exercise with motcua.

It receives a dossier at the clock's instant, codes it from the counter, prints the
statutory appointment, resolves and returns it, and syncs it to DVCQG.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

import motcua
from motcua.analyses.compliance import check


class Desk:
    """The reception desk of one agency."""

    def __init__(
        self,
        agency: str,
        catalogue: motcua.Catalogue,
        schedule: motcua.WorkSchedule,
        counter: motcua.DossierCounter,
        clock: Callable[[], datetime],
    ) -> None:
        self.agency = agency
        self.catalogue = catalogue
        self.schedule = schedule
        self.counter = counter
        self.clock = clock

    def receive(self, procedure: str, channel: motcua.Channel) -> motcua.Dossier:
        """Receive a complete dossier now: code it and print the statutory appointment."""
        at = self.clock()
        term = self.catalogue.get(procedure).term(channel)
        code = motcua.issue_dossier_code(self.agency, at, self.counter)
        draft = motcua.Dossier(
            code=code,
            procedure=procedure,
            channel=channel,
            limit=term.limit,
            events=(motcua.Received(at),),
        )
        due = draft.due(schedule=self.schedule)
        appointment = None if due is None else due.at
        return motcua.Dossier(
            code=code,
            procedure=procedure,
            channel=channel,
            limit=term.limit,
            events=(motcua.Received(at, appointment),),
        )

    def resolve_and_return(self, dossier: motcua.Dossier) -> motcua.Dossier:
        """Resolve the dossier now and hand the result over at the desk."""
        now = self.clock()
        return dossier.apply(motcua.Resolved(now)).apply(
            motcua.ResultReturned(now, motcua.ReturnMethod.DESK)
        )

    def problems(self, dossier: motcua.Dossier) -> list[str]:
        """The ids of the one-stop rules the dossier breaks (what the portal shows staff)."""
        found = check(dossier, catalogue=self.catalogue, schedule=self.schedule)
        return sorted({v.rule for v in found})


def sync_payload(dossier: motcua.Dossier, catalogue: motcua.Catalogue) -> dict[str, Any]:
    """The DVCQG sync payload the portal sends."""
    return motcua.dossier_to_dvcqg(dossier, catalogue=catalogue)


def read_back(payload: dict[str, Any], catalogue: motcua.Catalogue) -> motcua.Dossier:
    """The dossier rebuilt from a DVCQG payload (read back from the national portal)."""
    return motcua.dossier_from_dvcqg(payload, catalogue=catalogue)
