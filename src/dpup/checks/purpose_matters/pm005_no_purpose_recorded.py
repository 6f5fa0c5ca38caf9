"""PM005 no-purpose-recorded: a Purpose Matters check.

An activity that handles information has at least one stated purpose.

Documented in ``docs/checks.md`` and ``docs/guidelines/purpose-matters.md``; its cases are
in ``tests/checks/purpose_matters/test_pm005_no_purpose_recorded.py``.
"""

from __future__ import annotations

from dpup.checkdef import HT, KT, EvaluationContext, Outcome, check, met, not_met, unrecorded
from dpup.findings import Severity
from dpup.law import Basis, LegalRef
from dpup.model import Activity

__all__ = ["no_purpose_recorded"]


@check(
    id="PM005",
    name="no-purpose-recorded",
    principles=(HT, KT),
    basis=Basis.LAW,
    legal_refs=(LegalRef.IPP1,),
    severity=Severity.CRITICAL,
    subject=Activity,
    remediation=(
        "Write a purpose statement before collecting, using or sharing anything, and link "
        "each collection and disclosure to it."
    ),
    tags=("purpose-statement",),
)
def no_purpose_recorded(activity: Activity, ctx: EvaluationContext) -> Outcome:
    """An activity that handles information has at least one stated purpose.

    What it checks:
        If the activity collects, shares or discloses anything (``collections``,
        ``agreements``, ``disclosures``), it records at least one purpose (``purposes``).
    Why it matters:
        "It all starts with why": IPP1 permits collection only for a lawful purpose, and
        without one recorded neither the necessity of each item nor the limits on later use
        and disclosure can be judged.
    How to meet it:
        Record a purpose statement following DPUP's six-element template and refer to it
        from every collection, item and disclosure.
    References:
        Privacy Act 2020, IPP1. DPUP Purpose Matters; how to write a purpose statement.
    """
    handles = bool(activity.collections or activity.agreements or activity.disclosures)
    if activity.purposes:
        return met("The activity records its purposes.", "purposes")
    if handles:
        return not_met(
            "Information is collected or shared, but no purpose is recorded.",
            "purposes",
            "collections",
            "disclosures",
        )
    return unrecorded(
        "the purpose of the activity and what information it handles",
        "purposes",
        "collections",
    )
