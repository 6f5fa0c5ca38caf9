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
        "Never charge for correcting. A public-sector agency charges nothing for attaching a "
        "statement of correction without the Commissioner's authorisation; others charge only "
        "a reasonable amount."
    ),
    tags=("correction", "charges"),
)
def unlawful_correction_charge(correction: CorrectionRequest, ctx: EvaluationContext) -> Outcome:
    """No unlawful charge is made for a correction request.

    What it checks:
        The request's ``charge``, under the same rules as AI009: nothing for making the
        request, assessing it or correcting, from anyone; a public-sector agency charges
        (for attaching a statement of correction) only with the Commissioner's
        authorisation; a private-sector or NGO agency's amount must be reasonable, which a
        person confirms.
    Why it matters:
        People should not pay to have mistakes about them fixed. The Privacy Act bars charges
        for correcting and limits charges for attaching a statement.
    How to meet it:
        Do not charge for corrections; record any charge for a statement with what it covers.
    References:
        Privacy Act 2020, ss 66 and 67.
    """
    return charge_outcome(correction.charge, ctx, gives_access=None)
