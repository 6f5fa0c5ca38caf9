"""PM001 purpose-without-authority: a Purpose Matters check.

A purpose is stated and tied to a function or an activity of the agency, or to an authority.

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
        "Write down what the information is for, and which function or activity of the "
        "agency, or which law, contract or agreement, that purpose rests on."
    ),
    tags=("purpose-statement",),
    provision="IPP1(1)(a)",
    condition=(
        "Personal information is collected only for a lawful purpose connected with a "
        "function or an activity of the agency."
    ),
)
def purpose_without_authority(purpose: Purpose, ctx: EvaluationContext) -> Outcome:
    """A purpose is stated and tied to a function or an activity of the agency, or to an authority.

    What it checks:
        The purpose says what the information is for (``why``) and names at least one
        function or activity of the agency it serves (``functions``) or an instrument it
        relies on (``law``). A purpose recorded as connected to no function or activity and
        resting on no instrument is not met. A purpose that is not recorded, or recorded
        blank, is an evidence gap that needs review: the Act asks for a lawful purpose, not
        for a written statement of one.
    Why it matters:
        IPP1(1)(a) lets an agency collect personal information only for a lawful purpose
        that is connected with a function or an activity of the agency. An activity counts
        as much as a formal function, so a service an NGO runs is enough of an anchor.
        Without a stated purpose nobody can judge what is necessary, and later uses cannot
        be tested against it.
    How to meet it:
        Record the purpose in plain words and link it to the agency function or activity it
        serves, or to the statute, contract or agreement that authorises it.
    References:
        Privacy Act 2020, s 22, IPP1(1)(a)
        (https://www.legislation.govt.nz/act/public/2020/0031/latest/whole.html). DPUP
        Purpose Matters: be clear about purpose and collection.
    """
    if purpose.why is None or not purpose.why.strip():
        # IPP1 sets no duty to write a purpose down: a missing or blank statement is a gap
        # in the evidence, not a recorded fact that no lawful purpose exists.
        return unrecorded("what the information is for", "why")
    if purpose.functions or purpose.law:
        return met(
            "The purpose is tied to a function or activity of the agency, or to an authority.",
            "functions",
            "law",
        )
    if purpose.functions is None or purpose.law is None:
        # Neither links anything, and one is not recorded: "not recorded" is never "none".
        return needs_review(
            "The purpose is stated, but no function, activity or authority is linked to it.",
            "functions",
            "law",
            reviewer=Reviewer.PRIVACY_OFFICER,
            settle_with=(
                "name the function or activity of the agency the purpose connects to (functions)",
                "or the law, contract or agreement it relies on (law)",
            ),
        )
    return not_met(
        "The purpose is recorded as connected to no function or activity of the agency and "
        "resting on no authority.",
        "functions",
        "law",
    )
