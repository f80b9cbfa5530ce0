"""What a reader accepts, every computation answers or refuses with a MotcuaError.

A record can be valid and still be hostile: events in year 1 or 9999, odd offsets, a limit
of 25,000 working days, a history of supplements and apology letters. Every result the CLI
prints is computed here on the dossiers the readers accept from mutated records: the
dossier's own answers (status, due instant, appointment, timeliness, time left, its state
at an instant), the DVCQG payload, the compliance checks, Biểu 06 and the 766 indicators,
and every notice; each returns or raises a MotcuaError (one line), within the time cap, and
what it writes encodes as UTF-8.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import date, datetime
from typing import Any, Final

from hypothesis import given
from hypothesis import strategies as st

from motcua.analyses.compliance import Regime, check
from motcua.analyses.index766 import Index766
from motcua.analyses.notices import NoticeKind, build_book, build_notice, render_html, render_text
from motcua.analyses.periods import parse_period
from motcua.analyses.report import Bieu06, Dimension
from motcua.domain.dossiers import Dossier
from motcua.domain.lifecycle import LifecyclePolicy
from motcua.foundation.errors import MotcuaError
from motcua.serialization.catalogues import sample_catalogue
from motcua.serialization.dossiers import dossier_from_json, dossier_to_json
from motcua.serialization.dvcqg import dossier_from_dvcqg, dossier_to_dvcqg
from motcua.serialization.instants import parse_instant
from motcua.testing.strategies import dossiers
from tests.fuzz import hostile
from tests.fuzz.guards import attempt, encodes, fuzz, one_line

CATALOGUE: Final = sample_catalogue()
RECORDS: Final = hostile.dossier_records()
PERIODS: Final = [parse_period(s) for s in ("2024-Q1", "2024-Q2", "2024", "2025-Q3")]
AS_RECORDED: Final = LifecyclePolicy(max_reschedules=None)


def _instants() -> list[datetime | date]:
    out: list[datetime | date] = [date(2024, 4, 1), date(1, 1, 1), date(9999, 12, 31)]
    for text in hostile.INSTANTS:
        try:
            out.append(parse_instant(text))
        except MotcuaError:  # noqa: PERF203 - most hostile instants are refused
            continue
    return out


AS_OF: Final = _instants()

#: Mutated sample records, and lawful generated histories over the whole range of dossier
#: codes (2000-2099: before and after the calendar's 2018-2099 too), any lifecycle policy.
records = st.one_of(
    hostile.mutated(RECORDS),
    dossiers(first_day=date(2000, 1, 1), last_day=date(2099, 12, 31), any_policy=True).map(
        dossier_to_json
    ),
)


def _read(tree: Any) -> Dossier | None:
    data = hostile.to_python(tree)
    result = attempt(
        lambda: dossier_from_json(data, "f", catalogue=CATALOGUE, policy=AS_RECORDED), tree
    )
    return result if isinstance(result, Dossier) else None


def _answers(dossier: Dossier, at: datetime | date) -> None:
    """Every answer of one dossier, with and without *at*; each a value or a MotcuaError."""
    calls: dict[str, Callable[[], object]] = {
        "status": lambda: dossier.status,
        "due": dossier.due,
        "due_as_of": lambda: dossier.due(as_of=at),
        "appointment": dossier.appointment,
        "appointment_as_of": lambda: dossier.appointment(as_of=at),
        "timeliness": dossier.timeliness,
        "timeliness_as_of": lambda: dossier.timeliness(as_of=at),
        "remaining": lambda: dossier.remaining(at),
        "as_of": lambda: dossier.as_of(at),
        "pauses": lambda: dossier.pauses(as_of=at),
        "clock": dossier.clock,
    }
    for name, call in calls.items():
        attempt(call, (name, dossier))


@given(records, st.sampled_from(AS_OF))
@fuzz(140)
def test_a_dossier_answers_or_refuses(tree: Any, at: datetime | date) -> None:
    dossier = _read(tree)
    if dossier is None:
        return
    _answers(dossier, at)
    view = attempt(lambda: dossier.as_of(at), dossier)
    if isinstance(view, Dossier):
        _answers(view, at)


@given(records)
@fuzz(100)
def test_the_dvcqg_payload_of_an_accepted_dossier_reads_back(tree: Any) -> None:
    dossier = _read(tree)
    if dossier is None:
        return
    payload = attempt(lambda: dossier_to_dvcqg(dossier, catalogue=CATALOGUE), dossier)
    if isinstance(payload, MotcuaError):
        return
    encodes(payload)
    back = attempt(lambda: dossier_from_dvcqg(payload, "p", catalogue=CATALOGUE), payload)
    if isinstance(back, Dossier):
        encodes(dossier_to_json(back))
        assert back.status is dossier.status


@given(
    st.lists(records, min_size=1, max_size=3),
    st.sampled_from(list(Regime)),
    st.one_of(st.none(), st.sampled_from(AS_OF)),
    st.sampled_from(PERIODS),
)
@fuzz(80)
def test_checks_reports_and_indicators_answer_or_refuse(
    trees: list[Any], regime: Regime, at: datetime | date | None, period: Any
) -> None:
    dossiers = [d for d in (_read(t) for t in trees) if d is not None]
    found = attempt(
        lambda: check(dossiers, regime=regime, as_of=at, catalogue=CATALOGUE), dossiers
    )
    if not isinstance(found, MotcuaError):
        for violation in found:
            one_line(str(violation))
            encodes(
                {
                    "message": violation.message,
                    "facts": {k: str(v) for k, v in violation.facts.items()},
                }
            )
    acc = Bieu06(period, by=(Dimension.LEVEL, Dimension.CHANNEL), catalogue=CATALOGUE)
    index = Index766(period)
    for dossier in dossiers:
        attempt(functools.partial(acc.add, dossier), dossier)
        attempt(functools.partial(index.add, dossier), dossier)
    attempt(acc.result, dossiers)
    attempt(index.results, dossiers)


@given(
    records,
    st.sampled_from(list(NoticeKind)),
    st.sampled_from(list(Regime)),
)
@fuzz(100)
def test_every_notice_renders_or_refuses(tree: Any, kind: NoticeKind, regime: Regime) -> None:
    dossier = _read(tree)
    if dossier is None:
        return
    if kind is NoticeKind.BOOK:
        notice = attempt(
            lambda: build_book([dossier], regime=regime, catalogue=CATALOGUE), dossier
        )
    else:
        notice = attempt(
            lambda: build_notice(kind, dossier, regime=regime, catalogue=CATALOGUE), dossier
        )
    if isinstance(notice, MotcuaError):
        return
    for render in (render_text, render_html):
        text = attempt(functools.partial(render, notice), dossier)
        if isinstance(text, str):
            text.encode("utf-8")


def test_the_instants_at_the_edges_parse() -> None:
    # The as-of instants include both ends of the datetime range, offsets included.
    years = {a.year for a in AS_OF if isinstance(a, datetime)}
    assert {1, 9999} <= years
