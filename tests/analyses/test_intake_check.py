"""The intake-check rule: a submission is answered within the time its term sets."""

from __future__ import annotations

from datetime import datetime

import attrs
import pytest

from motcua.analyses.compliance import Violation, check
from motcua.domain.dossiers import Dossier
from motcua.domain.lifecycle import Event, Received, Refused, Resolved, Submitted
from motcua.domain.procedures import Catalogue, Channel
from motcua.serialization.catalogues import sample_catalogue
from motcua.time.limits import WorkingDays, WorkingHours

SAMPLE = sample_catalogue()


def _checked(limit: WorkingDays | WorkingHours | None) -> Catalogue:
    p = SAMPLE.get("1.004194")  # Đăng ký tạm trú, 3 working days
    terms = tuple(attrs.evolve(t, intake_check=limit) for t in p.terms)
    return Catalogue([attrs.evolve(p, terms=terms)])


def _dossier(submitted: datetime | None, answer: Received | Refused) -> Dossier:
    first = [] if submitted is None else [Submitted(submitted)]
    events: list[Event] = [*first, answer]
    if isinstance(answer, Received):
        events.append(Resolved(datetime(2024, 5, 20, 9)))
    day = answer.at
    return Dossier(
        code=f"000.31.48.H48-{day:%y%m%d}-0001",
        procedure="1.004194",
        channel=Channel.IN_PERSON,
        limit=WorkingDays(3),
        events=tuple(events),
    )


def _intake(found: tuple[Violation, ...]) -> list[str]:
    return [v.message for v in found if v.rule == "intake-check"]


# Submitted Friday 10/05/2024 at 09:00; one working day to check: due Monday 13/05 09:00.
SUBMITTED = datetime(2024, 5, 10, 9, 0)


@pytest.mark.parametrize(
    ("answer", "late"),
    [
        (Received(datetime(2024, 5, 13, 9, 0)), False),  # exactly at the end: in time
        (Received(datetime(2024, 5, 13, 9, 1)), True),
        (Refused(datetime(2024, 5, 13, 9, 1), "Không đủ điều kiện"), True),
        (Received(datetime(2024, 5, 11, 10, 0)), False),  # Saturday: not counted time
    ],
)
def test_intake_check_golden(answer: Received | Refused, late: bool) -> None:
    found = _intake(check(_dossier(SUBMITTED, answer), catalogue=_checked(WorkingDays(1))))
    assert bool(found) is late
    if late:
        assert "submitted 09:00 10/05/2024" in found[0]
        assert "after 09:00 13/05/2024" in found[0]


def test_intake_check_needs_the_term_and_a_submission() -> None:
    late = _dossier(SUBMITTED, Received(datetime(2024, 5, 15, 9, 0)))
    assert _intake(check(late, catalogue=SAMPLE)) == []  # the sample sets no intake check
    assert _intake(check(late)) == []  # no catalogue: nothing to judge
    assert _intake(check(late, catalogue=_checked(None))) == []
    assert len(_intake(check(late, catalogue=_checked(WorkingHours(8))))) == 1
    over_the_counter = _dossier(None, Received(datetime(2024, 5, 15, 9, 0)))
    assert _intake(check(over_the_counter, catalogue=_checked(WorkingDays(1)))) == []


def test_an_unanswered_submission_is_late_as_of_an_instant() -> None:
    waiting = Dossier(
        code="000.31.48.H48-240510-0001",
        procedure="1.004194",
        channel=Channel.IN_PERSON,
        limit=WorkingDays(3),
        events=(Submitted(SUBMITTED),),
    )
    catalogue = _checked(WorkingDays(1))
    assert _intake(check(waiting, catalogue=catalogue)) == []  # on what happened only
    assert _intake(check(waiting, catalogue=catalogue, as_of=datetime(2024, 5, 13, 9, 0))) == []
    (message,) = _intake(check(waiting, catalogue=catalogue, as_of=datetime(2024, 5, 13, 10, 0)))
    assert "no receipt, refusal or supplement request by 09:00 13/05/2024" in message
