"""PM001 purpose-without-authority: a Purpose Matters check.

A purpose is stated and tied to an agency function or a legal authority.

Documented in ``docs/checks.md`` and ``docs/guidelines/purpose-matters.md``; its cases are
in ``tests/checks/purpose_matters/test_pm001_purpose_without_authority.py``.
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
from dpup.model import Purpose

__all__ = ["purpose_without_authority"]


@check(
    id="PM001",
    name="purpose-without-authority",
    principles=(HT, KT),
    basis=Basis.LAW,
    legal_refs=(LegalRef.IPP1,),
    severity=Severity.HIGH,
    subject=Purpose,
    remediation=(
        "Write down what the information is for, and which of the agency's functions or "
        "which law, contract or agreement that purpose rests on."
    ),
    tags=("purpose-statement",),
)
def purpose_without_authority(purpose: Purpose, ctx: EvaluationContext) -> Outcome:
    """A purpose is stated and tied to an agency function or a legal authority.

    What it checks:
        The purpose says what the information is for (``why``) and names at least one agency
        function (``functions``) or instrument it relies on (``law``).
    Why it matters:
        IPP1 lets an agency collect personal information only for a lawful purpose connected
        with its functions. Without a stated purpose nobody can judge what is necessary, and
        later uses cannot be tested against it.
    How to meet it:
        Record the purpose in plain words and link it to a function of the agency or to the
        statute, contract or agreement that authorises it.
    References:
        Privacy Act 2020, IPP1. DPUP Purpose Matters: be clear about purpose and collection.
    """
    if purpose.why is None:
        return unrecorded("the purpose itself", "why")
    if not purpose.why.strip():
        return not_met("The purpose statement is empty.", "why")
    if purpose.functions or purpose.law:
        return met("The purpose is tied to a function or authority.", "functions", "law")
    if purpose.functions is None or purpose.law is None:
        # Neither links anything, and one is not recorded: "not recorded" is never "none".
        return needs_review(
            "The purpose is stated, but no function or authority is linked to it.",
            "functions",
            "law",
            reviewer=Reviewer.PRIVACY_OFFICER,
            settle_with=(
                "name the agency function the purpose connects to (functions)",
                "or the law, contract or agreement it relies on (law)",
            ),
        )
    return not_met(
        "The purpose is recorded as resting on no function and no authority.",
        "functions",
        "law",
    )
