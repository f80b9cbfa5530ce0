"""Check dossiers against the one-stop rules, then print the notices a desk would print.

Run: python examples/compliance_and_notices.py
"""

from __future__ import annotations

from pathlib import Path

import motcua
from motcua.analyses.compliance import check
from motcua.analyses.notices import NoticeKind, build_notice, render_text
from motcua.testing import NotCompliantError, assert_compliant

DATA = Path(__file__).resolve().parent / "data"
AS_RECORDED = motcua.LifecyclePolicy(max_reschedules=None)  # let the rules judge
catalogue = motcua.sample_catalogue()

clean = motcua.read_dossiers(DATA / "compliant.jsonl", policy=AS_RECORDED).records
assert_compliant(clean, catalogue=catalogue)
print(f"compliant.jsonl: {len(clean)} dossiers, no violations")

broken = motcua.read_dossiers(DATA / "violations.jsonl", policy=AS_RECORDED).records
violations = check(broken, catalogue=catalogue)
print(
    f"violations.jsonl: {len(violations)} violations of {len({v.rule for v in violations})} rules"
)
try:
    assert_compliant(broken[:2], catalogue=catalogue)
except NotCompliantError as exc:
    print(str(exc).splitlines()[0])

late = next(d for d in broken if d.subject.startswith("reschedule:"))
print(render_text(build_notice(NoticeKind.APOLOGY, late, catalogue=catalogue)), end="")
