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

_CONFIRM = {
    Ipp12Basis.AGENT_STORAGE: (
        "confirm each recipient said to be the agency's agent only stores or processes the "
        "information for the agency and does not use it for its own purposes"
    ),
    Ipp12Basis.NOT_PRACTICABLE: (
        "confirm each disclosure relying on the not-practicable route is for the maintenance "
        "of the law or to prevent a serious threat, and why meeting an IPP12 basis is not "
        "reasonably practicable"
    ),
    Ipp12Basis.COMMISSIONER_AUTHORISED: (
        "confirm a s 30 authorisation by the Privacy Commissioner exists and covers the "
        "disclosures to each such recipient"
    ),
}
"""The bases a person must confirm, with what they should confirm, in report order."""


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
    provision="IPP12(1)",
    condition=(
        "Personal information shared with a foreign person or entity under an agreement "
        "goes only on one of the IPP12(1) bases, unless an exception to IPP12(1) applies."
    ),
)
def overseas_recipient_without_basis(
    agreement: SharingAgreement, ctx: EvaluationContext
) -> Outcome:
    """Each recipient outside New Zealand named in an agreement has an IPP12 basis.

    What it checks:
        Every overseas recipient in the agreement (``overseas_recipients``) has an IPP12
        basis (``overseas_recipients[].ipp12_basis``). A basis recorded as ``none`` is not
        met; a basis simply not recorded needs review. A recipient acting only as the
        agency's agent for storage or processing, the Commissioner's authorisation, and the
        route where complying is not reasonably practicable need review. Agreements whose
        fields are all non-identifying are not applicable.
    Why it matters:
        Agreements often send data offshore through partners or research collaborators.
        IPP12 allows that only where comparable protection exists or the person agreed after
        a warning; it must be settled when the agreement is made, not after.
    How to meet it:
        Name each overseas recipient with its country and the basis relied on, such as
        comparable law, a binding scheme, a prescribed country or model contract clauses.
    References:
        Privacy Act 2020, s 22, IPP12; s 30 (the Commissioner's authorisation). DPUP Purpose
        Matters: be clear about purpose for sharing.
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
    paths = [f"overseas_recipients[{i}].ipp12_basis" for i in range(len(recipients))]
    bases = [r.ipp12_basis for r in recipients]
    refused = [p for p, b in zip(paths, bases, strict=True) if b is Ipp12Basis.NONE]
    if refused:
        return not_met("The record says no IPP12 basis applies to an overseas recipient.", *refused)
    missing = [p for p, b in zip(paths, bases, strict=True) if b is None]
    if missing:
        return unrecorded("the IPP12 basis for each overseas recipient", *missing)
    claimed = [p for p, b in zip(paths, bases, strict=True) if b in _CONFIRM]
    if claimed:
        kinds = [k for k in _CONFIRM if k in bases]
        agents_only = kinds == [Ipp12Basis.AGENT_STORAGE]
        return needs_review(
            "An overseas recipient is said to act only as the agency's agent."
            if agents_only
            else "An overseas recipient relies on a basis a person must confirm.",
            *claimed,
            reviewer=Reviewer.PRIVACY_OFFICER if agents_only else Reviewer.LEGAL_ADVISER,
            settle_with=tuple(_CONFIRM[k] for k in kinds),
        )
    return met("Every overseas recipient has an IPP12 basis.", "overseas_recipients")
