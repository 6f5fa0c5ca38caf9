"""PM008 no-tangible-benefit: a Purpose Matters check.

The purpose names a tangible benefit and who receives it.

Documented in ``docs/checks.md`` and ``docs/guidelines/purpose-matters.md``; its cases are
in ``tests/checks/purpose_matters/test_pm008_no_tangible_benefit.py``.
"""

from __future__ import annotations

from dpup.checkdef import (
    HT,
    EvaluationContext,
    Outcome,
    check,
    met,
    needs_review,
    not_met,
    unrecorded,
)
from dpup.checks.purpose_matters._helpers import present
from dpup.findings import Reviewer, Severity
from dpup.law import Basis, LegalRef
from dpup.model import Beneficiary, Purpose

__all__ = ["no_tangible_benefit"]


@check(
    id="PM008",
    name="no-tangible-benefit",
    principles=(HT,),
    basis=Basis.GOOD_PRACTICE,
    legal_refs=(LegalRef.IPP1,),
    severity=Severity.MEDIUM,
    subject=Purpose,
    remediation=(
        "Say plainly how the information will make things better and for whom: the person, "
        "their whānau, a community, iwi or the public, not only the agency."
    ),
    tags=("purpose-statement", "benefit"),
)
def no_tangible_benefit(purpose: Purpose, ctx: EvaluationContext) -> Outcome:
    """The purpose names a tangible benefit and who receives it.

    What it checks:
        The purpose records a benefit (``benefit``) and at least one beneficiary
        (``beneficiaries``). A purpose whose only beneficiary is the agency itself is sent
        for review; an empty benefit or an empty beneficiary list is not met.
    Why it matters:
        He Tāngata asks for a plain line of sight from every collection or use to a real
        improvement in people's lives. Efficiency or compliance for the agency alone is not
        that, and purposes without a visible benefit are the ones people distrust.
    How to meet it:
        Describe the benefit in concrete terms and list who gains: individuals, whānau,
        communities, iwi or the public.
    References:
        DPUP He Tāngata principle (strive to create positive outcomes); purpose-statement
        template, element "How". Good practice beyond the law; the nearest legal hook is
        IPP1's lawful purpose.
    """
    benefit = present(purpose.benefit)
    beneficiaries = purpose.beneficiaries
    if benefit is False:
        return not_met("The purpose states no benefit.", "benefit")
    if beneficiaries is not None and not beneficiaries:
        return not_met("The purpose names nobody who benefits.", "beneficiaries")
    if benefit is None:
        return unrecorded("how the purpose helps people", "benefit")
    if beneficiaries is None:
        return unrecorded("who the purpose benefits", "beneficiaries")
    if all(b is Beneficiary.AGENCY for b in beneficiaries):
        return needs_review(
            "The only beneficiary named is the agency itself.",
            "beneficiaries",
            reviewer=Reviewer.SERVICE_MANAGER,
            settle_with=(
                "name the people, whānau, communities or iwi who benefit (beneficiaries)",
                "or record why a benefit to the agency alone justifies the purpose",
            ),
        )
    return met("The purpose names a benefit and who receives it.", "benefit", "beneficiaries")
