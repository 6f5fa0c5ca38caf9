"""PM009 harms-not-weighed: a Purpose Matters check.

Risks and possible harms of an identifying or sensitive collection were assessed.

Documented in ``docs/checks.md`` and ``docs/guidelines/purpose-matters.md``; its cases are
in ``tests/checks/purpose_matters/test_pm009_harms_not_weighed.py``.
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
    not_applicable,
    not_met,
    unrecorded,
)
from dpup.checks.purpose_matters._helpers import identifying_state
from dpup.findings import Reviewer, Severity
from dpup.law import Basis
from dpup.model import Collection

__all__ = ["harms_not_weighed"]


@check(
    id="PM009",
    name="harms-not-weighed",
    principles=(HT, KT),
    basis=Basis.GOOD_PRACTICE,
    severity=Severity.MEDIUM,
    subject=Collection,
    remediation=(
        "Assess the risks and possible harms (for example people avoiding services, giving "
        "false details, or being exposed) and weigh them against the benefits before going "
        "ahead; a privacy impact assessment is one way."
    ),
    tags=("risk",),
)
def harms_not_weighed(collection: Collection, ctx: EvaluationContext) -> Outcome:
    """Risks and possible harms of an identifying or sensitive collection were assessed.

    What it checks:
        For a collection with identifying or sensitive items, a risk assessment was done
        (``risk_assessment.done``) and it names the harms considered
        (``risk_assessment.harms``). An assessment with no harms listed needs review.
    Why it matters:
        He Tāngata asks agencies to weigh risks and harms against the positives. The ICLD
        inquiry named harms nobody had weighed: people staying away from help, giving false
        information, or becoming invisible when providers served them off the books.
    How to meet it:
        Do a privacy impact assessment or equivalent, list the harms considered and how they
        are reduced, and revisit it when the collection changes.
    References:
        DPUP He Tāngata principle (weigh risks and harms); Purpose Matters: work through
        checks and balances. Good practice: the Privacy Act does not generally require a
        privacy impact assessment.
    """
    identifying = identifying_state(collection.items)
    sensitive = any(item.sensitivity for item in collection.items)
    if not (identifying or sensitive):
        unknown_sensitivity = any(item.sensitivity is None for item in collection.items)
        if identifying is None or unknown_sensitivity:
            return unrecorded("whether the items are identifying or sensitive", "items")
        return not_applicable("Nothing identifying or sensitive is collected.", "items")
    assessment = collection.risk_assessment
    if assessment is None:
        return unrecorded("whether risks and harms were assessed", "risk_assessment")
    if not assessment.done:
        return not_met(
            "Identifying or sensitive information is collected without assessing the risks.",
            "risk_assessment.done",
        )
    if not assessment.harms:
        return needs_review(
            "A risk assessment was done, but it records no harms.",
            "risk_assessment.harms",
            reviewer=Reviewer.PRIVACY_OFFICER,
            settle_with=("list the harms the assessment considered (risk_assessment.harms)",),
        )
    return met("Risks and harms were assessed.", "risk_assessment")
