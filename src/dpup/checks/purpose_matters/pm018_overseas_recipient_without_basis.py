"""PM018 overseas-recipient-without-basis: a Purpose Matters check.

Each recipient outside New Zealand named in an agreement has an IPP12 basis.

Documented in ``docs/checks.md`` and ``docs/guidelines/purpose-matters.md``; its cases are
in ``tests/checks/purpose_matters/test_pm018_overseas_recipient_without_basis.py``.
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
from dpup.checks.purpose_matters._helpers import non_identifying
from dpup.findings import Reviewer, Severity
from dpup.law import Basis, LegalRef
from dpup.model import Ipp12Basis, SharingAgreement

__all__ = ["overseas_recipient_without_basis"]


@check(
    id="PM018",
    name="overseas-recipient-without-basis",
    principles=(KT,),
    basis=Basis.LAW,
    legal_refs=(LegalRef.IPP12,),
    severity=Severity.HIGH,
    subject=SharingAgreement,
    remediation=(
        "For each recipient outside New Zealand named in the agreement, record the IPP12 "
        "basis relied on before any personal information is sent."
    ),
    tags=("agreement", "cross-border"),
)
def overseas_recipient_without_basis(
    agreement: SharingAgreement, ctx: EvaluationContext
) -> Outcome:
    """Each recipient outside New Zealand named in an agreement has an IPP12 basis.

    What it checks:
        Every overseas recipient in the agreement (``overseas_recipients``) has an IPP12
        basis (``overseas_recipients[].ipp12_basis``). A recipient acting only as the
        agency's agent for storage or processing needs review. Agreements whose fields are
        all non-identifying are not applicable.
    Why it matters:
        Agreements often send data offshore through partners or research collaborators.
        IPP12 allows that only where comparable protection exists or the person agreed after
        a warning; it must be settled when the agreement is made, not after.
    How to meet it:
        Name each overseas recipient with its country and the basis relied on, such as
        comparable law, a binding scheme, a prescribed country or model contract clauses.
    References:
        Privacy Act 2020, IPP12 (detail unverified). DPUP Purpose Matters: be clear about
        purpose for sharing.
    """
    if non_identifying(agreement):
        return not_applicable("Nothing identifying flows under the agreement.", "fields")
    recipients = agreement.overseas_recipients
    if recipients is None:
        return unrecorded(
            "whether any recipient under the agreement is outside New Zealand",
            "overseas_recipients",
        )
    if not recipients:
        return not_applicable("No recipient is outside New Zealand.", "overseas_recipients")
    missing = [
        f"overseas_recipients[{i}].ipp12_basis"
        for i, r in enumerate(recipients)
        if r.ipp12_basis is None
    ]
    if missing:
        return not_met("An overseas recipient has no IPP12 basis recorded.", *missing)
    agents = [
        f"overseas_recipients[{i}].ipp12_basis"
        for i, r in enumerate(recipients)
        if r.ipp12_basis is Ipp12Basis.AGENT_STORAGE
    ]
    if agents:
        return needs_review(
            "An overseas recipient is said to act only as the agency's agent.",
            *agents,
            reviewer=Reviewer.PRIVACY_OFFICER,
            settle_with=(
                "confirm each such recipient only stores or processes the information for "
                "the agency and does not use it for its own purposes",
            ),
        )
    return met("Every overseas recipient has an IPP12 basis.", "overseas_recipients")
