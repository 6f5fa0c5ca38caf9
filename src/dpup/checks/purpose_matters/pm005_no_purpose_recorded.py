"""PM005 no-purpose-recorded: a Purpose Matters check.

An activity that handles information records the purposes it does so for.

Documented in ``docs/checks.md`` and ``docs/guidelines/purpose-matters.md``; its cases are
in ``tests/checks/purpose_matters/test_pm005_no_purpose_recorded.py``.
"""

from __future__ import annotations

from dpup.checkdef import HT, KT, EvaluationContext, Outcome, check, met, needs_review, unrecorded
from dpup.findings import Reviewer, Severity
from dpup.law import Basis, LegalRef
from dpup.model import Activity

__all__ = ["no_purpose_recorded"]


@check(
    id="PM005",
    name="no-purpose-recorded",
    principles=(HT, KT),
    basis=Basis.LAW,
    legal_refs=(LegalRef.IPP1,),
    severity=Severity.HIGH,
    subject=Activity,
    remediation=(
        "Record the purposes the information is collected, used and shared for, and link "
        "each collection and disclosure to them, so that IPP1 can be judged."
    ),
    tags=("purpose-statement",),
    provision="IPP1(1)(a)",
    condition=(
        "Personal information is collected only for a lawful purpose connected with a "
        "function or an activity of the agency."
    ),
)
def no_purpose_recorded(activity: Activity, ctx: EvaluationContext) -> Outcome:
    """An activity that handles information records the purposes it does so for.

    What it checks:
        Whether the activity records at least one purpose (``purposes``). If it does, the
        check is met. If it collects, shares or discloses anything (``collections``,
        ``agreements``, ``disclosures``) with no purpose recorded, it needs review: the
        purposes are the evidence IPP1 is judged on, and without them dpup cannot tell
        whether the information serves a lawful purpose. It never reports a breach, because
        the Act does not require a purpose to be written down.
    Why it matters:
        "It all starts with why": IPP1 permits collection only for a lawful purpose
        connected with a function or an activity of the agency, and without the purposes
        neither the necessity of each item nor the limits on later use and disclosure can be
        judged. Writing them down is how an agency shows it meets the law, and DPUP's Purpose
        Matters guideline asks for a purpose statement before anything is collected.
    How to meet it:
        Record a purpose statement following DPUP's six-element template and refer to it
        from every collection, item and disclosure.
    References:
        Privacy Act 2020, s 22, IPP1(1)(a)
        (https://www.legislation.govt.nz/act/public/2020/0031/latest/whole.html). DPUP
        Purpose Matters; how to write a purpose statement.
    """
    if activity.purposes:
        return met("The activity records its purposes.", "purposes")
    if activity.collections or activity.agreements or activity.disclosures:
        return needs_review(
            "Information is collected or shared, but no purpose is recorded, so whether it "
            "serves a lawful purpose cannot be judged.",
            "purposes",
            reviewer=Reviewer.PRIVACY_OFFICER,
            settle_with=(
                "record what the information is collected, used and shared for (purposes)",
                "link each collection and disclosure to those purposes "
                "(collections[].purposes, disclosures[].purposes)",
            ),
        )
    return unrecorded(
        "the purpose of the activity and what information it handles",
        "purposes",
        "collections",
    )
