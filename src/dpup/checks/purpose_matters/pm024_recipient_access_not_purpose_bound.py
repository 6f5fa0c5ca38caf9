"""PM024 recipient-access-not-purpose-bound: a Purpose Matters check.

Access to identifying data at the recipient is limited to the agreed purposes.

Documented in ``docs/checks.md`` and ``docs/guidelines/purpose-matters.md``; its cases are
in ``tests/checks/purpose_matters/test_pm024_recipient_access_not_purpose_bound.py``.
"""

from __future__ import annotations

from dpup.checkdef import (
    KT,
    MH,
    EvaluationContext,
    Outcome,
    check,
    met,
    not_applicable,
    not_met,
    unrecorded,
)
from dpup.checks.purpose_matters._helpers import non_identifying
from dpup.findings import Severity
from dpup.law import Basis, LegalRef
from dpup.model import SharingAgreement

__all__ = ["recipient_access_not_purpose_bound"]


@check(
    id="PM024",
    name="recipient-access-not-purpose-bound",
    principles=(KT, MH),
    basis=Basis.GOOD_PRACTICE,
    legal_refs=(LegalRef.IPP5,),
    severity=Severity.MEDIUM,
    subject=SharingAgreement,
    remediation=(
        "Agree that, at the receiving organisation, only the people working on the agreed "
        "purposes can see identifying information, and route each kind of reporting to the "
        "team that needs it."
    ),
    tags=("agreement", "security"),
)
def recipient_access_not_purpose_bound(
    agreement: SharingAgreement, ctx: EvaluationContext
) -> Outcome:
    """Access to identifying data at the recipient is limited to the agreed purposes.

    What it checks:
        When identifying fields flow under the agreement, it records that access at the
        recipient is restricted to people working on the agreed purposes
        (``access_restricted_to_purpose``). Agreements whose fields are all non-identifying
        are not applicable.
    Why it matters:
        DPUP's guidance for funders asks them to restrict access to the defined purposes:
        evaluation data and service-delivery reporting go to different teams because their
        purposes differ. Otherwise information supplied for one reason drifts into others.
    How to meet it:
        Write the restriction into the agreement, name which part of the recipient receives
        each kind of reporting (``routes``), and record it.
    References:
        DPUP funding role guidance (restrict access to the defined purposes); the provider
        journey "Best foot forward". Good practice beyond the law; IPP5 is the legal hook.
    """
    if non_identifying(agreement):
        return not_applicable("Nothing identifying flows under the agreement.", "fields")
    if agreement.fields is None:
        return unrecorded("the fields reported under the agreement", "fields")
    restricted = agreement.access_restricted_to_purpose
    if restricted is None:
        return unrecorded(
            "whether access at the recipient is limited to the agreed purposes",
            "access_restricted_to_purpose",
        )
    if not restricted:
        return not_met(
            "Identifying data reaches the recipient with no limit to the agreed purposes.",
            "access_restricted_to_purpose",
        )
    return met(
        "Access at the recipient is limited to the agreed purposes.", "access_restricted_to_purpose"
    )
