"""PM011 statutory-power-unconfirmed: a Purpose Matters check.

A statutory power relied on is cited and confirmed to cover the information and reason.

Documented in ``docs/checks.md`` and ``docs/guidelines/purpose-matters.md``; its cases are
in ``tests/checks/purpose_matters/test_pm011_statutory_power_unconfirmed.py``.
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
from dpup.checks.purpose_matters._helpers import present
from dpup.findings import Reviewer, Severity
from dpup.law import Basis, LegalRef
from dpup.model import LawKind, Purpose

__all__ = ["statutory_power_unconfirmed"]


_STATUTORY = frozenset({LawKind.STATUTE, LawKind.REGULATION})


@check(
    id="PM011",
    name="statutory-power-unconfirmed",
    principles=(KT,),
    basis=Basis.GOOD_PRACTICE,
    legal_refs=(LegalRef.IPP1,),
    severity=Severity.HIGH,
    subject=Purpose,
    remediation=(
        "Cite the exact provision relied on, and have a legal adviser confirm it covers both "
        "the information and the reason it is needed."
    ),
    tags=("purpose-statement", "legal-basis"),
)
def statutory_power_unconfirmed(purpose: Purpose, ctx: EvaluationContext) -> Outcome:
    """A statutory power relied on is cited and confirmed to cover the information and reason.

    What it checks:
        For each statute or regulation the purpose relies on (``law`` entries of kind
        ``statute`` or ``regulation``): a citation is given, and a legal adviser has
        confirmed it covers both what is collected and why (``law[].coverage_confirmed``).
        A claim recorded with a blank citation, or one a legal adviser found does not cover
        the collection, is not met; a claim whose citation is not recorded, or a cited claim
        nobody has confirmed, needs review.
        This is good practice: a gap here is not a breach of the Privacy Act.
    Why it matters:
        DPUP's Purpose Matters guideline asks an agency relying on a statutory collection
        power to be clear that the power covers both the information and the reason. IPP1
        itself sets no duty to cite anything; the citation is what lets anyone check the
        claim, and whether the power reaches this collection is a question of statutory
        interpretation that a machine cannot answer. An uncited "the Act lets us" cannot
        even be checked.
    How to meet it:
        Record the Act and section, then ask a legal adviser to confirm its scope and record
        the answer.
    References:
        DPUP Purpose Matters: be clear about purpose and collection. Good practice beyond
        the law; its legal hook is IPP1(1)(a) of the Privacy Act 2020 (a lawful purpose
        connected with a function or an activity of the agency) and the statute relied on.
    """
    if purpose.law is None:
        return unrecorded("the laws, contracts or agreements the purpose relies on", "law")
    statutes = [i for i, basis in enumerate(purpose.law) if basis.kind in _STATUTORY]
    if not statutes:
        return not_applicable("The purpose relies on no statute or regulation.", "law")
    citations = {f"law[{i}].citation": present(purpose.law[i].citation) for i in statutes}
    uncited = [path for path, cited in citations.items() if cited is False]
    if uncited:
        return not_met("A statutory power is claimed with a blank citation.", *uncited)
    unknown = [path for path, cited in citations.items() if cited is None]
    if unknown:
        # No citation recorded is a gap to fill, not a recorded absence of one.
        return unrecorded("which Act and section the statutory power is", *unknown)
    refuted = [
        f"law[{i}].coverage_confirmed"
        for i in statutes
        if purpose.law[i].coverage_confirmed is False
    ]
    if refuted:
        return not_met(
            "A legal adviser found the cited power does not cover the information or reason.",
            *refuted,
        )
    open_ = [
        f"law[{i}].coverage_confirmed"
        for i in statutes
        if purpose.law[i].coverage_confirmed is None
    ]
    if open_:
        return needs_review(
            "A statutory power is cited; whether it covers this information and reason needs "
            "a legal adviser.",
            *open_,
            reviewer=Reviewer.LEGAL_ADVISER,
            settle_with=(
                "confirm the cited provision covers both the information collected and the "
                "reason, and record it (law[].coverage_confirmed)",
            ),
        )
    return met(
        "Each statutory power is cited and confirmed to cover the information and reason.",
        *(f"law[{i}]" for i in statutes),
    )
