"""Compliance rules: small named checks that return violations with their legal basis.

Each :class:`Rule` has an id, a title, the legal basis it encodes (instrument and article),
the regimes it belongs to (hence its in-force dates), a :class:`Confidence` mark from the
research digests, and parameters with documented defaults. :func:`check` runs the rules in
force for each dossier and returns every :class:`Violation`: the rule, the dossier, the
facts and a readable message, in English and in Vietnamese (each finding is a
:class:`Message`).

The regime in force is chosen by the dossier's receipt date (``Regime.AUTO``):

* Decree 61/2018/NĐ-CP with Circular 01/2018/TT-VPCP, until 2025-06-30;
* Decree 118/2025/NĐ-CP from 2025-07-01, with Circular 03/2025/TT-VPCP from 2025-09-15.

Where the digests mark a rule [S] or [R] (seen in secondary material or practice, or
recalled and not re-read), it is a configurable default: switch it off or change its
parameters with :class:`ComplianceConfig`. The rule reference (``docs/reference/rules.md``)
is generated from :data:`RULES`.

The package: :mod:`~motcua.analyses.compliance.rules` (the :class:`Rule` contract,
:class:`Context`, :class:`Violation`), one module per family of rules
(:mod:`~motcua.analyses.compliance.receipt`, :mod:`~motcua.analyses.compliance.delays`,
:mod:`~motcua.analyses.compliance.handling`, :mod:`~motcua.analyses.compliance.scope`
(where a dossier may be received; the intake check), :mod:`~motcua.analyses.compliance.catalogue`,
:mod:`~motcua.analyses.compliance.figures`) and :mod:`~motcua.analyses.compliance.runner`
(the rule list and the runner). :class:`Regime` lives in :mod:`motcua.domain.regimes`.
"""

from __future__ import annotations

from motcua.analyses.compliance.catalogue import CATALOGUE_RULES, MANDATORY_PARTS, check_catalogue
from motcua.analyses.compliance.figures import REPORT_IDENTITIES, check_figures
from motcua.analyses.compliance.rules import (
    CheckFunction,
    Context,
    Finding,
    Message,
    Rule,
    Violation,
)
from motcua.analyses.compliance.runner import RULES, ComplianceConfig, check
from motcua.domain.regimes import Regime, regime_on
from motcua.foundation.confidence import Confidence

__all__ = [
    "CATALOGUE_RULES",
    "MANDATORY_PARTS",
    "REPORT_IDENTITIES",
    "RULES",
    "CheckFunction",
    "ComplianceConfig",
    "Confidence",
    "Context",
    "Finding",
    "Message",
    "Regime",
    "Rule",
    "Violation",
    "check",
    "check_catalogue",
    "check_figures",
    "regime_on",
]
