"""AI011 refusal-without-grounds: a Access to Information check.

A refusal or partial release states its grounds and the right to complain.

Documented in ``docs/checks.md`` and ``docs/guidelines/access-to-information.md``; its cases are
in ``tests/checks/access_to_information/test_ai011_refusal_without_grounds.py``.
"""

from __future__ import annotations

from dpup.checkdef import (
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
from dpup.findings import Reviewer, Severity
from dpup.law import Basis, LegalRef
from dpup.model import AccessRequest

__all__ = ["refusal_without_grounds"]


@check(
    id="AI011",
    name="refusal-without-grounds",
    principles=(KT,),
    basis=Basis.LAW,
    legal_refs=(LegalRef.IPP6, LegalRef.PA_PART4),
    severity=Severity.HIGH,
    subject=AccessRequest,
    remediation=(
        "When withholding anything, tell the person which withholding grounds apply and that "
        "they may complain to the Privacy Commissioner."
    ),
    tags=("requests", "refusal"),
    provision="s 46",
    condition=(
        "A decision to withhold information tells the requester the reason for refusal, "
        "resting on a Part 4 withholding ground, and their right to complain to the "
        "Commissioner."
    ),
)
def refusal_without_grounds(request: AccessRequest, ctx: EvaluationContext) -> Outcome:
    """A refusal or partial release states its grounds and the right to complain.

    What it checks:
        When information is withheld (``decision`` partial or refuse), the response names
        the withholding grounds (``withholding_grounds``) and says the person may complain to
        the Privacy Commissioner (``complaint_right_stated``). Because a withholding ground is
        an exception to the right of access, it is met only once a privacy officer or legal
        adviser has confirmed the grounds apply (``grounds_confirmed``); until then it needs
        review.
    Why it matters:
        A refusal without reasons cannot be understood or challenged, and the complaint route
        is how the Privacy Act keeps withholding honest.
    How to meet it:
        Name each Part 4 ground relied on, say how to complain, and have the grounds checked
        by someone who knows the Act.
    References:
        Privacy Act 2020, IPP6 and Part 4 (grounds for refusing access in ss 49 to 53; the
        refusal notice in s 46, whose subsections are unverified in our stored sources).
        Office of the Privacy Commissioner guidance on responding to requests.
    """
    decision = request.decision
    if decision is None or not decision.withholds:
        return not_applicable("Nothing is recorded as withheld.", "decision")
    grounds = request.withholding_grounds
    stated = request.complaint_right_stated
    missing = []
    if grounds is not None and not any(g.strip() for g in grounds):
        missing.append("withholding_grounds")
    if stated is False:
        missing.append("complaint_right_stated")
    if missing:
        return not_met("The refusal does not state its grounds or the right to complain.", *missing)
    unknown = [
        path
        for path, value in (("withholding_grounds", grounds), ("complaint_right_stated", stated))
        if value is None
    ]
    if unknown:
        return unrecorded("what the refusal told the person", *unknown)
    if request.grounds_confirmed is not True:
        return needs_review(
            "The refusal states its grounds and the complaint right; whether the grounds apply "
            "has not been confirmed.",
            "withholding_grounds",
            "grounds_confirmed",
            reviewer=Reviewer.LEGAL_ADVISER,
            settle_with=("confirm each withholding ground applies (grounds_confirmed)",),
        )
    return met(
        "The refusal states confirmed grounds and the right to complain.",
        "withholding_grounds",
        "complaint_right_stated",
    )
