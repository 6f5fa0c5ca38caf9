"""PM017 overseas-disclosure-without-basis: a Purpose Matters check.

A disclosure to a recipient outside New Zealand has an IPP12 basis.

Documented in ``docs/checks.md`` and ``docs/guidelines/purpose-matters.md``; its cases are
in ``tests/checks/purpose_matters/test_pm017_overseas_disclosure_without_basis.py``.
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
from dpup.model import Disclosure, FlowKind, Ipp12Basis

__all__ = ["overseas_disclosure_without_basis"]


@check(
    id="PM017",
    name="overseas-disclosure-without-basis",
    principles=(KT,),
    basis=Basis.LAW,
    legal_refs=(LegalRef.IPP12,),
    severity=Severity.HIGH,
    subject=Disclosure,
    remediation=(
        "Before sending personal information to a recipient outside New Zealand, record the "
        "IPP12 basis (for example comparable safeguards, or model contract clauses)."
    ),
    tags=("disclosure", "cross-border"),
)
def overseas_disclosure_without_basis(disclosure: Disclosure, ctx: EvaluationContext) -> Outcome:
    """A disclosure to a recipient outside New Zealand has an IPP12 basis.

    What it checks:
        For a disclosure of identifying information whose recipient is outside New Zealand
        (``recipient.country`` other than ``NZ``), an IPP12 basis is recorded
        (``ipp12_basis``). A recipient that only stores or processes the information as the
        agency's agent needs review to confirm that arrangement.
    Why it matters:
        IPP12 allows personal information to go overseas only where it will be protected in
        a comparable way or the person has agreed after being warned. Once it has left, the
        agency and the person have little control over it.
    How to meet it:
        Record the basis relied on, such as the recipient being subject to comparable law,
        a prescribed binding scheme or country, or contract clauses giving comparable
        protection.
    References:
        Privacy Act 2020, IPP12 (detail unverified). DPUP Purpose Matters: be clear about
        purpose for sharing.
    """
    if disclosure.kind is FlowKind.USE:
        return not_applicable("A use inside the agency crosses no border.", "kind")
    if disclosure.identifiable is False:
        return not_applicable("The disclosure does not identify anyone.", "identifiable")
    recipient = disclosure.recipient
    if recipient is None:
        return unrecorded("who receives the information", "recipient")
    overseas = recipient.overseas
    if overseas is None:
        return unrecorded("the recipient's country", "recipient.country")
    if not overseas:
        return not_applicable("The recipient is in New Zealand.", "recipient.country")
    basis = disclosure.ipp12_basis
    if basis is None:
        return not_met(
            "Information goes to a recipient outside New Zealand with no IPP12 basis recorded.",
            "recipient.country",
            "ipp12_basis",
        )
    if basis is Ipp12Basis.AGENT_STORAGE:
        return needs_review(
            "The overseas recipient is said to act only as the agency's agent.",
            "ipp12_basis",
            reviewer=Reviewer.PRIVACY_OFFICER,
            settle_with=(
                "confirm the recipient only stores or processes the information for the "
                "agency and does not use it for its own purposes",
            ),
        )
    return met("The overseas disclosure has an IPP12 basis.", "ipp12_basis")
