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
    basis=Basis.LAW,
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
        A claim with no citation is not met; a cited claim nobody has confirmed needs a
        legal adviser.
    Why it matters:
        DPUP's Purpose Matters guideline warns that a statutory collection power must cover
        both the information and the reason. Whether it does is a question of statutory
        interpretation that a machine cannot answer; an uncited "the Act lets us" cannot even
        be checked.
    How to meet it:
        Record the Act and section, then ask a legal adviser to confirm its scope and record
        the answer.
    References:
        DPUP Purpose Matters: be clear about purpose and collection. Privacy Act 2020, IPP1
        and the statute relied on.
    """
    if purpose.law is None:
        return unrecorded("the laws, contracts or agreements the purpose relies on", "law")
    statutes = [i for i, basis in enumerate(purpose.law) if basis.kind in _STATUTORY]
    if not statutes:
        return not_applicable("The purpose relies on no statute or regulation.", "law")
    uncited = [f"law[{i}].citation" for i in statutes if not present(purpose.law[i].citation)]
    if uncited:
        return not_met("A statutory power is claimed without a citation.", *uncited)
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
