"""PM004 identifying-without-need: a Purpose Matters check.

Identifying information is collected only where the purpose needs it.

Documented in ``docs/checks.md`` and ``docs/guidelines/purpose-matters.md``; its cases are
in ``tests/checks/purpose_matters/test_pm004_identifying_without_need.py``.
"""

from __future__ import annotations

from dpup.checkdef import (
    HT,
    KT,
    EvaluationContext,
    Outcome,
    check,
    met,
    needs_review,
    not_met,
    unrecorded,
)
from dpup.findings import Reviewer, Severity
from dpup.law import Basis, LegalRef
from dpup.model import Collection

__all__ = ["identifying_without_need"]


@check(
    id="PM004",
    name="identifying-without-need",
    principles=(HT, KT),
    basis=Basis.LAW,
    legal_refs=(LegalRef.IPP1,),
    severity=Severity.HIGH,
    subject=Collection,
    remediation=(
        "Collect the information in non-identifying form, or record why the purpose cannot "
        "be met without knowing who people are."
    ),
    tags=("minimisation", "identifiability"),
)
def identifying_without_need(collection: Collection, ctx: EvaluationContext) -> Outcome:
    """Identifying information is collected only where the purpose needs it.

    What it checks:
        If any item is identifying, the collection records that its purpose requires
        identity (``requires_identity``) and why (``identity_justification``).
    Why it matters:
        IPP1(2) says that where a lawful purpose does not need identifying information, the
        agency must not require it. The ICLD episode showed how demanding names for
        programme reporting destroys trust.
    How to meet it:
        Use de-identified or aggregate data where that does the job; otherwise record why
        identity is needed.
    References:
        Privacy Act 2020, IPP1(2). DPUP Purpose Matters; Office of the Privacy Commissioner's
        2017 inquiry into MSD's client-level data requirements.
    """
    if not collection.items:
        return unrecorded("the items collected", "items")
    identifying = [
        f"items[{i}].identifiability"
        for i, item in enumerate(collection.items)
        if item.identifiability is not None and item.identifiability.is_identifying
    ]
    unknown = [
        f"items[{i}].identifiability"
        for i, item in enumerate(collection.items)
        if item.identifiability is None
    ]
    if not identifying:
        if unknown:
            return unrecorded("whether some items identify people", *unknown)
        return met("No identifying information is collected.", "items")
    if collection.requires_identity is False:
        return not_met(
            "Identifying items are collected although the purpose does not need identity.",
            "requires_identity",
            *identifying,
        )
    if collection.requires_identity is None:
        return unrecorded("whether the purpose needs people to be identified", "requires_identity")
    if not (collection.identity_justification and collection.identity_justification.strip()):
        return needs_review(
            "Identity is said to be needed, but no reason is recorded.",
            "identity_justification",
            reviewer=Reviewer.PRIVACY_OFFICER,
            settle_with=("record why the purpose needs identity (identity_justification)",),
        )
    return met("Identity is needed for the purpose, with a reason recorded.", "requires_identity")
