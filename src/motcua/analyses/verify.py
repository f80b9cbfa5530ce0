"""Check published Biểu 06 figures for consistency, as a careful reader does.

Agencies publish figures such as "received 1,373; resolved 1,360, of which on time 1,350,
late 10; pending 13, of which 12 within time". :func:`verify_figures` takes any subset of
the keys below and reads them the way a careful reader would:

* every identity whose terms are all known is checked;
* an identity with exactly one unknown term gives that term's value, and the value is fed
  into every other identity, again and again until nothing new follows (a fixed point), so
  contradictions that take two steps are found;
* a value implied twice with different values is a contradiction of its own (``conflict``);
* no part may exceed its total: an implied value below zero fails, and so do known parts
  whose sum is larger than their total while other parts are unknown;
* figures that let nothing be checked give the outcome ``nothing checked``, never
  ``consistent``.

The identities follow from the form's columns (Circular 01/2020/TT-VPCP Biểu 06: col 3 =
4 + 5 + 6 is [R]; the others are the sums of its sub-columns, read from a provincial
implementation, see ``docs/explanation/report-buckets.md``) and from the keys real
publications print:

* ``received_total = carried_over + received_online + received_in_person_or_postal``
* ``received_new = received_online + received_in_person_or_postal`` (new receipts as one total)
* ``received_total = carried_over + received_new``
* ``received_total = resolved_total + pending_total``
* ``resolved_total = resolved_early + resolved_on_time + resolved_late``
* ``resolved_in_time = resolved_early + resolved_on_time`` (early and on time merged)
* ``resolved_total = resolved_in_time + resolved_late``
* ``pending_total = pending_within + pending_overdue``
* ``late_or_overdue = resolved_late + pending_overdue`` ("trễ hạn, quá hạn" together)
* ``withdrawn_or_returned <= resolved_total``: a withdrawn or returned dossier is finished
  (motcua's buckets; the Thanh Hóa Biểu 06 export counts it inside "on time")
* ``due_in_period`` (dossiers due in the period) enters no Biểu 06 identity: it is read and
  checked as a count only;
* totals given per level (``"by_level": {"province": {...}, "commune": {...}}``): each level
  is checked on its own, and each key's total is the sum over the levels;
* across consecutive periods: ``carried_over`` of a period = ``pending_total`` of the one
  before (:func:`verify_series`), for the totals and for each level.

>>> result = verify_figures({"received_total": 1373, "resolved_total": 1360,
...     "resolved_in_time": 1350, "resolved_late": 10, "pending_total": 13, "pending_within": 12})
>>> result.outcome, result.implied["pending_overdue"]
('consistent', 1)
>>> verify_figures({"resolved_total": 10, "resolved_early": 3, "resolved_in_time": 12}).outcome
'inconsistent'
>>> verify_figures({}).outcome
'nothing checked'
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import attrs

from motcua.analyses.figures_model import (
    BY_LEVEL,
    IDENTITIES,
    KEYS,
    LEVELS,
    MAX_FIGURE,
    Check,
    Identity,
    Verification,
    counts_of,
    vi_name,
)

__all__ = [
    "BY_LEVEL",
    "KEYS",
    "LEVELS",
    "MAX_FIGURE",
    "Check",
    "Identity",
    "Verification",
    "verify_figures",
    "verify_series",
]

_Var = tuple[int, str]


@attrs.frozen
class _Rel:
    identity: Identity
    period: int
    total: _Var
    parts: tuple[_Var, ...]

    @property
    def terms(self) -> tuple[_Var, ...]:
        return (self.total, *self.parts)


def _relations(scopes: Sequence[Sequence[str]]) -> list[_Rel]:
    """The identities of every period (*scopes*: the level names present in each)."""
    rels: list[_Rel] = []
    for k, levels in enumerate(scopes):
        for prefix in ("", *(f"{level}." for level in levels)):
            for i in IDENTITIES:
                name = Identity(
                    i.name, prefix + i.total, tuple(prefix + p for p in i.parts), i.kind
                )
                rels.append(_Rel(name, k, (k, name.total), tuple((k, p) for p in name.parts)))
        if levels:
            for key in KEYS:
                parts = tuple(f"{level}.{key}" for level in levels)
                rels.append(
                    _Rel(Identity("levels", key, parts), k, (k, key), tuple((k, p) for p in parts))
                )
        if k:
            shared = [level for level in levels if level in scopes[k - 1]]
            for prefix in ("", *(f"{level}." for level in shared)):
                chain = Identity(
                    "chain", f"{prefix}carried_over[{k}]", (f"{prefix}pending_total[{k - 1}]",)
                )
                rels.append(
                    _Rel(
                        chain,
                        k,
                        (k, f"{prefix}carried_over"),
                        ((k - 1, f"{prefix}pending_total"),),
                    )
                )
    return rels


class _Reader:
    """The fixed point: known values, and which identity implied each derived one."""

    def __init__(self, known: dict[_Var, int]) -> None:
        self.values = dict(known)
        self.by: dict[_Var, _Rel] = {}

    def show(self, var: _Var, rel: _Rel, *, vi: bool = False) -> str:
        name = vi_name(var[1]) if vi else var[1]
        if rel.identity.name == "chain":
            name = f"{'kỳ' if vi else 'period'} {var[0]} {name}"
        if var not in self.values:
            return name
        mark = (" (suy ra)" if vi else " (implied)") if var in self.by else ""
        return f"{name} {self.values[var]}{mark}"

    def full(self, rel: _Rel) -> Check:
        left = self.values[rel.total]
        right = sum(self.values[p] for p in rel.parts)
        if rel.identity.kind == "bound":
            holds = right <= left
            sign, sign_vi = ("<=", "≤") if holds else (">", ">")
            parts = " + ".join(self.show(p, rel) for p in rel.parts)
            parts_vi = " + ".join(self.show(p, rel, vi=True) for p in rel.parts)
            msg = f"{parts} {sign} {self.show(rel.total, rel)}"
            msg_vi = f"{parts_vi} {sign_vi} {self.show(rel.total, rel, vi=True)}"
            if not holds:
                msg += " (a part exceeds its total)"
                msg_vi += " (một phần lớn hơn tổng của nó)"
            return Check(
                rel.identity,
                rel.period,
                "ok" if holds else "failed",
                left,
                right,
                None,
                msg,
                msg_vi,
            )
        holds = left == right
        parts = " + ".join(self.show(p, rel) for p in rel.parts)
        parts_vi = " + ".join(self.show(p, rel, vi=True) for p in rel.parts)
        eq, eq_vi = ("=", "=") if holds else ("!=", "≠")
        msg = f"{self.show(rel.total, rel)} {eq} {parts}"
        msg_vi = f"{self.show(rel.total, rel, vi=True)} {eq_vi} {parts_vi}"
        if holds:
            return Check(rel.identity, rel.period, "ok", left, right, None, msg, msg_vi)
        derived = [t for t in rel.terms if t in self.by]
        if not derived:
            msg += f" (= {right}; off by {left - right:+d})"
            msg_vi += f" (= {right}; lệch {left - right:+d})"
            return Check(rel.identity, rel.period, "failed", left, right, None, msg, msg_vi)
        term = derived[0]
        first = self.values[term]
        again = self._solve(rel, term, {**self.values, term: 0})
        name = term[1] if term[0] == rel.period else f"period {term[0]} {term[1]}"
        msg = (
            f"{name} is implied twice with different values: {first} by "
            f"{self.by[term].identity}, {again} by {rel.identity} ({msg})"
        )
        msg_vi = (
            f"{vi_name(term[1])} được suy ra hai giá trị khác nhau: {first} từ "
            f"{self.by[term].identity.vi}, {again} từ {rel.identity.vi} ({msg_vi})"
        )
        conflict = (name, first, again)
        return Check(rel.identity, rel.period, "failed", left, right, None, msg, msg_vi, conflict)

    def _solve(self, rel: _Rel, unknown: _Var, values: Mapping[_Var, int]) -> int:
        right_known = sum(values[p] for p in rel.parts if p != unknown)
        if unknown == rel.total:
            return right_known
        return values[rel.total] - right_known

    def imply(self, rel: _Rel, unknown: _Var) -> Check:
        value = self._solve(rel, unknown, {**self.values, unknown: 0})
        left = self.values.get(rel.total)
        right = sum(self.values[p] for p in rel.parts if p in self.values)
        name = self.show(unknown, rel)
        name_vi = self.show(unknown, rel, vi=True)
        known = " + ".join(self.show(p, rel) for p in rel.parts if p in self.values) or "0"
        known_vi = " + ".join(self.show(p, rel, vi=True) for p in rel.parts if p in self.values)
        if value < 0:
            msg = (
                f"{rel.identity}: the known terms imply {name} = {value}, which is impossible "
                f"({self.show(rel.total, rel)} < {known} = {right})"
            )
            msg_vi = (
                f"{rel.identity.vi}: các số đã biết suy ra {name_vi} = "
                f"{value}, điều không thể ({self.show(rel.total, rel, vi=True)} < "
                f"{known_vi or '0'} = {right})"
            )
            return Check(
                rel.identity, rel.period, "failed", left, right, (name, value), msg, msg_vi
            )
        self.values[unknown] = value
        self.by[unknown] = rel
        msg = f"{rel.identity}: implies {name} = {value}"
        msg_vi = f"{rel.identity.vi}: suy ra {name_vi} = {value}"
        return Check(rel.identity, rel.period, "implied", left, right, (name, value), msg, msg_vi)

    def partial(self, rel: _Rel) -> Check:
        """An identity with two or more unknowns: the known parts may not exceed the total."""
        left = self.values.get(rel.total)
        known = [p for p in rel.parts if p in self.values]
        right = sum(self.values[p] for p in known)
        if rel.identity.kind == "sum" and left is not None and known:
            holds = right <= left
            parts = " + ".join(self.show(p, rel) for p in known)
            parts_vi = " + ".join(self.show(p, rel, vi=True) for p in known)
            sign, sign_vi = ("<=", "≤") if holds else (">", ">")
            msg = (
                f"{rel.identity}: known parts {parts} = {right} {sign} {self.show(rel.total, rel)}"
            )
            msg_vi = (
                f"{rel.identity.vi}: các phần đã biết {parts_vi} = {right} {sign_vi} "
                f"{self.show(rel.total, rel, vi=True)}"
            )
            if not holds:
                msg += " (the parts exceed their total)"
                msg_vi += " (các phần vượt tổng)"
            status = "ok" if holds else "failed"
            return Check(rel.identity, rel.period, status, left, right, None, msg, msg_vi)
        return Check(
            rel.identity,
            rel.period,
            "skipped",
            left,
            right,
            None,
            f"{rel.identity}: too few terms",
            f"{rel.identity.vi}: không đủ số liệu",
        )


def _verify(objects: Sequence[Mapping[str, object]], wheres: Sequence[str]) -> Verification:
    known: dict[_Var, int] = {}
    scopes: list[tuple[str, ...]] = []
    for k, (figures, where) in enumerate(zip(objects, wheres, strict=True)):
        counts = counts_of(figures, where, levels=True)
        known.update({(k, key): value for key, value in counts.items()})
        scopes.append(
            tuple(level for level in LEVELS if any(c.startswith(f"{level}.") for c in counts))
        )
    rels = _relations(scopes)
    reader = _Reader(known)
    results: dict[int, Check] = {}
    progress = True
    while progress:
        progress = False
        for i, rel in enumerate(rels):
            if i in results:
                continue
            unknown = [t for t in rel.terms if t not in reader.values]
            if not unknown:
                results[i] = reader.full(rel)
            elif len(unknown) == 1 and rel.identity.kind == "sum":
                results[i] = reader.imply(rel, unknown[0])
                progress = progress or results[i].status == "implied"
    for i, rel in enumerate(rels):
        if i not in results:
            results[i] = reader.partial(rel)
    return Verification(tuple(results[i] for i in range(len(rels))))


def verify_figures(figures: Mapping[str, object], *, where: str = "figures") -> Verification:
    """Check one period's figures (with ``by_level`` if given) against every identity.

    Raises:
        InvalidInputError: An unknown key or level, or a count that is negative, too large
            or not an integer.
    """
    return _verify([figures], [where])


def verify_series(
    series: Sequence[Mapping[str, object]], *, where: str = "figures"
) -> Verification:
    """Check consecutive periods' figures, including carry-over = the previous pending."""
    return _verify(list(series), [f"{where}[{k}]" for k in range(len(series))])
