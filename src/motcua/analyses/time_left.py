"""Time left on an open dossier, as people read it, and the early warning.

"Còn 1 ngày 3 giờ làm việc" (1 day 3 hours of working time left) or "Quá hạn 2 ngày 1 giờ"
(overdue by 2 days 1 hour): the office time between an instant and the dossier's due
instant (:meth:`Dossier.remaining <motcua.domain.dossiers.Dossier.remaining>`), in working
days of the schedule's day length (8 hours by default), hours and minutes. Time left is
rounded down to the minute (never promise more than is left), time overdue up.

A dossier that has used at least a share of its time (by default 80 %) gets a warning, so
that an official can act before it is late. Warning stages grade the same share: by default
stage 1 from 50 % of the time used, stage 2 from 75 % and stage 3 from 100 % (due now or
overdue); :data:`DEFAULT_STAGES` is a policy, any increasing shares may replace it.

>>> from datetime import timedelta
>>> day = timedelta(hours=8)
>>> format_time_left(timedelta(hours=11), day)
'Còn 1 ngày 3 giờ làm việc'
>>> format_time_left(-timedelta(hours=17), day)
'Quá hạn 2 ngày 1 giờ'
>>> format_time_left(timedelta(hours=11), day, lang="en")
'1 day 3 hours of working time left'
>>> format_time_left(-timedelta(minutes=90), day, lang="en")
'Overdue by 1 hour 30 minutes'
"""

from __future__ import annotations

import itertools
from datetime import date, datetime, timedelta
from fractions import Fraction
from typing import Final

import attrs

from motcua.analyses.rates import round_half_up
from motcua.domain.dossiers import Dossier
from motcua.foundation.errors import InvalidInputError
from motcua.time.deadlines import WorkSchedule, default_schedule

__all__ = [
    "DEFAULT_STAGES",
    "DEFAULT_WARN_AT",
    "TimeLeft",
    "format_time_left",
    "stage_text",
    "time_left",
]

#: The share of its time a dossier may use before it is flagged (80 %).
DEFAULT_WARN_AT: Final = Fraction(4, 5)

#: Warning stages, as shares of the time used: 50 %, 75 % and 100 % (a policy, not a rule:
#: no instrument sets them; pass ``stages=`` to use others).
DEFAULT_STAGES: Final = (Fraction(1, 2), Fraction(3, 4), Fraction(1))

_MINUTE: Final = timedelta(minutes=1)
_UNITS: Final = {
    "vi": (("ngày", "ngày"), ("giờ", "giờ"), ("phút", "phút")),
    "en": (("day", "days"), ("hour", "hours"), ("minute", "minutes")),
}


def _parts(minutes: int, day_minutes: int, lang: str) -> str:
    days, rest = divmod(minutes, day_minutes)
    hours, mins = divmod(rest, 60)
    words = []
    for n, (one, many) in zip((days, hours, mins), _UNITS[lang], strict=True):
        if n:
            words.append(f"{n} {one if n == 1 else many}")
    return " ".join(words) or f"0 {_UNITS[lang][2][1]}"


def format_time_left(remaining: timedelta, day_length: timedelta, *, lang: str = "vi") -> str:
    """Return *remaining* office time (negative: overdue) in working days, hours and minutes.

    Args:
        remaining: Office time left until the due instant; negative when overdue.
        day_length: The office time of one working day (the schedule's day length).
        lang: ``vi`` (default) or ``en``.

    Raises:
        InvalidInputError: *lang* is not ``vi`` or ``en``, or *day_length* is not a positive
            whole number of minutes.

    >>> from datetime import timedelta
    >>> format_time_left(timedelta(0), timedelta(hours=8))
    'Còn 0 phút làm việc'
    >>> format_time_left(timedelta(hours=8), timedelta(hours=7, minutes=30), lang="en")
    '1 day 30 minutes of working time left'
    """
    if lang not in _UNITS:
        raise InvalidInputError("lang", "vi or en", lang)
    if day_length <= timedelta(0) or day_length % _MINUTE:
        raise InvalidInputError(
            "day_length", "a positive whole number of minutes", str(day_length)
        )
    day_minutes = day_length // _MINUTE
    if remaining < timedelta(0):
        late = -remaining
        minutes = late // _MINUTE + (1 if late % _MINUTE else 0)
        text = _parts(minutes, day_minutes, lang)
        return f"Quá hạn {text}" if lang == "vi" else f"Overdue by {text}"
    text = _parts(remaining // _MINUTE, day_minutes, lang)
    return f"Còn {text} làm việc" if lang == "vi" else f"{text} of working time left"


def _share(value: Fraction) -> Fraction:
    share = Fraction(value)
    if not 0 < share <= 1:
        raise InvalidInputError("warn_at", "a share of the time above 0 and at most 1", value)
    return share


def _stages(value: tuple[Fraction, ...]) -> tuple[Fraction, ...]:
    stages = tuple(Fraction(v) for v in value)
    if not stages:
        raise InvalidInputError("stages", "at least one share of the time", "none")
    for v in stages:
        _share(v)
    if any(b <= a for a, b in itertools.pairwise(stages)):
        raise InvalidInputError(
            "stages", "shares in increasing order, e.g. 50, 75, 100 %", [str(v) for v in stages]
        )
    return stages


def _pct(share: Fraction, lang: str) -> str:
    """A share as a percentage: ``62,5`` in Vietnamese, ``62.5`` in English (no trailing 0)."""
    text = str(round_half_up(share * 100, 2))
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",") if lang == "vi" else text


def stage_text(stage: int, stages: tuple[Fraction, ...], *, lang: str = "vi") -> str:
    """Return the readable warning stage, or ``""`` for stage 0 (no stage reached).

    >>> stage_text(2, DEFAULT_STAGES)
    'cảnh báo mức 2/3 (đã dùng từ 75 % thời gian)'
    >>> stage_text(1, DEFAULT_STAGES, lang="en")
    'warning stage 1/3 (50 % of the time used or more)'
    >>> stage_text(0, DEFAULT_STAGES)
    ''
    """
    if lang not in _UNITS:
        raise InvalidInputError("lang", "vi or en", lang)
    if not 0 <= stage <= len(stages):
        raise InvalidInputError("stage", f"a stage from 0 to {len(stages)}", stage)
    if stage == 0:
        return ""
    pct = _pct(stages[stage - 1], lang)
    n = len(stages)
    if lang == "vi":
        return f"cảnh báo mức {stage}/{n} (đã dùng từ {pct} % thời gian)"
    return f"warning stage {stage}/{n} ({pct} % of the time used or more)"


@attrs.frozen
class TimeLeft:
    """An open dossier's time left as of an instant.

    Attributes:
        remaining: Office time until the due instant (negative when overdue).
        allotted: The office time the dossier had in all, from the first instant that
            counted to the due instant (pauses excluded).
        day_length: The office time of one working day, for the readable form.
        warn_at: The share of :attr:`allotted` used from which :attr:`warning` is set.
        stages: The warning stages, increasing shares of :attr:`allotted` (default
            :data:`DEFAULT_STAGES`, 50 / 75 / 100 %).
    """

    remaining: timedelta
    allotted: timedelta
    day_length: timedelta
    warn_at: Fraction = attrs.field(default=DEFAULT_WARN_AT, converter=_share)
    stages: tuple[Fraction, ...] = attrs.field(default=DEFAULT_STAGES, converter=_stages)

    @property
    def overdue(self) -> bool:
        """True when the due instant has passed."""
        return self.remaining < timedelta(0)

    @property
    def used(self) -> Fraction:
        """The share of the allotted time used (above 1 when overdue; 1 with none allotted).

        >>> from datetime import timedelta
        >>> TimeLeft(timedelta(hours=2), timedelta(hours=8), timedelta(hours=8)).used
        Fraction(3, 4)
        """
        if self.allotted <= timedelta(0):
            return Fraction(1)
        return 1 - Fraction(self.remaining / _MINUTE) / Fraction(self.allotted / _MINUTE)

    @property
    def warning(self) -> bool:
        """True when at least :attr:`warn_at` of the time is used (so always when overdue)."""
        return self.overdue or self.used >= self.warn_at

    @property
    def stage(self) -> int:
        """The highest warning stage reached: 0 (none) to ``len(stages)``.

        >>> from datetime import timedelta
        >>> h = timedelta(hours=1)
        >>> tuple(TimeLeft(left * h, 8 * h, 8 * h).stage for left in (5, 4, 2, 0, -1))
        (0, 1, 2, 3, 3)
        """
        used = self.used
        return sum(1 for share in self.stages if used >= share)

    def stage_text(self, lang: str = "vi") -> str:
        """The readable warning stage (``""`` when none is reached; see :func:`stage_text`)."""
        return stage_text(self.stage, self.stages, lang=lang)

    def text(self, lang: str = "vi") -> str:
        """The readable form, e.g. ``Còn 1 ngày 3 giờ làm việc`` (see :func:`format_time_left`)."""
        return format_time_left(self.remaining, self.day_length, lang=lang)


def time_left(
    dossier: Dossier,
    as_of: datetime | date,
    *,
    schedule: WorkSchedule | None = None,
    warn_at: Fraction = DEFAULT_WARN_AT,
    stages: tuple[Fraction, ...] = DEFAULT_STAGES,
) -> TimeLeft | None:
    """Return the time left on *dossier* as of *as_of*, or None if it is not open then.

    None also for a dossier without a time limit (see ``Dossier.remaining``). A date
    *as_of* means the end of that day.

    Args:
        dossier: The dossier.
        as_of: The instant (there is no hidden clock: the caller says when).
        schedule: Calendar and office hours (default: the national calendar, 08-12, 13-17).
        warn_at: The share of the time used from which the dossier is flagged (0 < x <= 1).
        stages: The warning stages, increasing shares of the time used (0 < x <= 1).
    """
    sched = schedule or default_schedule()
    remaining = dossier.remaining(as_of, schedule=sched)
    view = dossier.as_of(as_of)
    if remaining is None or view is None:
        return None
    due = view.due(as_of=as_of, schedule=sched)
    if due is None:  # pragma: no cover - remaining is None then
        return None
    pauses = view.pauses(as_of=as_of)
    allotted = sched.working_time_between(due.counted_from, due.at, pauses=pauses)
    day_length = sched.hours.day_length or timedelta(hours=8)
    return TimeLeft(remaining, allotted, day_length, warn_at, stages)
