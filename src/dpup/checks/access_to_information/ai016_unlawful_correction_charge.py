"""AI016 unlawful-correction-charge: a Access to Information check.

No unlawful charge is made for a correction request.

Documented in ``docs/checks.md`` and ``docs/guidelines/access-to-information.md``; its cases are
in ``tests/checks/access_to_information/test_ai016_unlawful_correction_charge.py``.
"""

from __future__ import annotations

from dpup.checkdef import MW, EvaluationContext, Outcome, check
from dpup.checks.access_to_information._helpers import charge_outcome
from dpup.findings import Severity
from dpup.law import Basis, LegalRef
from dpup.model import CorrectionRequest

__all__ = ["unlawful_correction_charge"]


@check(
    id="AI016",
    name="unlawful-correction-charge",
    principles=(MW,),
    basis=Basis.LAW,
    legal_refs=(LegalRef.PA_S66, LegalRef.PA_S67),
    severity=Severity.HIGH,
    subject=CorrectionRequest,
    remediation=(
        "Never charge for correcting. A public-sector agency charges nothing without the "
        "Commissioner's authorisation, and then only for attaching a statement of correction; "
        "others charge only a reasonable amount for assistance or for attaching a statement."
    ),
    tags=("correction", "charges"),
    provision="s 66(2)",
    condition=(
        "A charge on a correction request is only for attaching a statement of correction "
        "(and, for a private-sector agency, assistance), is reasonable, and in the public "
        "sector is authorised under s 67; nothing else may be charged (s 66(3))."
    ),
)
def unlawful_correction_charge(correction: CorrectionRequest, ctx: EvaluationContext) -> Outcome:
    """No unlawful charge is made for a correction request.

    What it checks:
        The request's ``charge`` against the items the Act lets an agency charge for on a
        correction request (``ChargeItem.for_correction``): correcting, making the request
        or deciding it are never chargeable, and making information available belongs to
        access requests only. A private-sector or NGO agency may charge for assistance
        (whether or not anything was corrected or released) and for attaching a statement of
        correction, and a person confirms the amount is reasonable; materials or urgency on a
        correction request go to a person to confirm they are part of those items. A
        public-sector agency may charge only for attaching a statement, and only with the
        Privacy Commissioner's authorisation (``commissioner_authorised``). No charge (an
        amount of zero) is met.
    Why it matters:
        People should not pay to have mistakes about them fixed. The Privacy Act bars charges
        for correcting and limits what may be charged around a correction request.
    How to meet it:
        Do not charge for corrections; record any charge for a statement or for assistance
        with what it covers.
    References:
        Privacy Act 2020, s 66(2), (3) and (4) and s 67, read in a stored copy of the Act's
        text.
    """
    return charge_outcome(correction.charge, ctx, correction=True)
