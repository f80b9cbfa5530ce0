"""Calendars and schedules built for a place: a commune's local closures, not its neighbour's.

A local closure names the units it applies to (:attr:`Announcement.units
<motcua.time.announcements.Announcement.units>`, :attr:`Closure.units
<motcua.time.hours_series.Closure.units>`): province or commune codes of the unit registry
(:func:`motcua.unit_registry`, ADR 0013). The time layer compares plain codes; this module
turns a unit into the codes of its place (itself, its district before the 2025 reform, its
province) with the registry, and builds the calendar and the schedule for it. National rows
apply everywhere; a closure of one commune does not move another commune's deadlines.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from motcua.domain.unit_registry import UnitRegistry
from motcua.time.announcements import Announcement
from motcua.time.calendar import vietnam_calendar
from motcua.time.deadlines import WorkSchedule
from motcua.time.hours import OfficeHours
from motcua.time.hours_series import Closure, HoursSeries

__all__ = ["place_codes", "schedule_for_place"]


def place_codes(registry: UnitRegistry, code: str, on: date) -> frozenset[str]:
    """Return the codes of the place of unit *code* on *on*: itself, its district and province.

    Raises:
        NotFoundError: No unit had *code* on *on* (see :meth:`UnitRegistry.at`).
    """
    unit = registry.at(code, on)
    codes = {unit.code}
    if unit.district is not None:
        codes.add(unit.district)
    if unit.province is not None:
        codes.add(unit.province)
    return frozenset(codes)


def schedule_for_place(
    registry: UnitRegistry,
    code: str,
    on: date,
    *,
    years: range | None = None,
    announcements: Iterable[Announcement] = (),
    hours: OfficeHours | None = None,
    series: HoursSeries | None = None,
    closures: Iterable[Closure] = (),
) -> WorkSchedule:
    """Return the working schedule of unit *code* (as it stood on *on*) with its closures.

    The calendar applies the national rows, then those of *announcements* that are national
    or name this place; the schedule applies the part-day *closures* that name this place
    (or name none).

    Args:
        registry: The unit registry (usually :func:`motcua.unit_registry`).
        code: The unit's code (a commune or province code).
        on: The day whose unit the code denotes (codes were reused after the 2025 reform).
        years: The years the calendar covers (default: all motcua ships).
        announcements: Extra announcements (local whole-day closures, new swaps).
        hours: The office hours (before *series*' first row); default the standard ones.
        series: The unit's dated hours.
        closures: Part-day closures.
    """
    place = place_codes(registry, code, on)
    cal = vietnam_calendar(years, extra=announcements, place=place)
    return WorkSchedule(
        cal,
        hours if hours is not None else OfficeHours.standard(),
        series=series,
        closures=tuple(closures),
        place=place,
    )
