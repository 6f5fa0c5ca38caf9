"""SV017 no-joint-referral: a Sharing Value check.

People moving between partner agencies tell their story once, through a joint referral or
assessment.

Documented in ``docs/checks.md`` and ``docs/guidelines/sharing-value.md``; its cases are
in ``tests/checks/sharing_value/test_sv017_no_joint_referral.py``.
"""

from __future__ import annotations

from dpup.checkdef import (
    MH,
    MN,
    EvaluationContext,
    Outcome,
    check,
    met,
    not_applicable,
    not_met,
    unrecorded,
)
from dpup.findings import Reviewer, Severity
from dpup.law import Basis
from dpup.model import SharingAgreement

__all__ = ["no_joint_referral"]


@check(
    id="SV017",
    name="no-joint-referral",
    principles=(MN, MH),
    basis=Basis.GOOD_PRACTICE,
    severity=Severity.LOW,
    subject=SharingAgreement,
    remediation=(
        "Agree with the partner agencies a joined-up referral form or a shared assessment, "
        "so people who move between you are asked for their story once, with their "
        "agreement to pass it on."
    ),
    tags=("burden", "co-design"),
)
def no_joint_referral(agreement: SharingAgreement, ctx: EvaluationContext) -> Outcome:
    """People moving between partner agencies tell their story once, through a joint referral.

    What it checks:
        For an agreement under which people are referred or assessed between the parties
        (``refers_people``), the parties use a joined-up referral or a shared assessment
        (``joint_referral``). Recorded as not used, it is not met; an agreement under which
        nobody moves between the parties is not applicable.
    Why it matters:
        DPUP's role guide for people who manage frontline services asks for joint referrals
        or assessments with other agencies so that people do not have to give the same
        information again and again. Retelling a hard story to each agency is tiring and
        can retraumatise, and each retelling is another copy of the same facts to keep
        accurate and secure.
    How to meet it:
        Design the referral or assessment form with the partner agencies, agree in the
        agreement what it carries and why, and explain to people that what they tell one
        agency goes to the other with their knowledge.
    References:
        DPUP "Managing frontline services" role guide, Manaakitanga and Mahitahitanga
        behaviours (joint referral and assessment; agree with close partners what is shared,
        why and how). Good practice beyond the law.
    """
    refers = agreement.refers_people
    if refers is None:
        return unrecorded(
            "whether people are referred or assessed between the parties",
            "refers_people",
            reviewer=Reviewer.SERVICE_MANAGER,
        )
    if not refers:
        return not_applicable("Nobody is referred between the parties.", "refers_people")
    joint = agreement.joint_referral
    if joint is None:
        return unrecorded(
            "whether the parties use a joint referral or a shared assessment",
            "joint_referral",
            reviewer=Reviewer.SERVICE_MANAGER,
        )
    if not joint:
        return not_met(
            "People are referred between the parties without a joint referral or assessment, "
            "so they are asked for the same information again.",
            "refers_people",
            "joint_referral",
        )
    return met(
        "People referred between the parties tell their story once.",
        "refers_people",
        "joint_referral",
    )
