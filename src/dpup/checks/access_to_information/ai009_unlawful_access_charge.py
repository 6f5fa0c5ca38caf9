"""AI009 unlawful-access-charge: a Access to Information check.

No unlawful charge is made for an access request.

Documented in ``docs/checks.md`` and ``docs/guidelines/access-to-information.md``; its cases are
in ``tests/checks/access_to_information/test_ai009_unlawful_access_charge.py``.
"""

from __future__ import annotations

from dpup.checkdef import MW, EvaluationContext, Outcome, check
from dpup.checks.access_to_information._helpers import charge_outcome
from dpup.findings import Severity
from dpup.law import Basis, LegalRef
from dpup.model import AccessRequest

__all__ = ["unlawful_access_charge"]


@check(
    id="AI009",
    name="unlawful-access-charge",
    principles=(MW,),
    basis=Basis.LAW,
    legal_refs=(LegalRef.PA_S66, LegalRef.PA_S67),
    severity=Severity.HIGH,
    subject=AccessRequest,
    remediation=(
        "Do not charge for making or assessing a request. A public-sector agency charges "
        "nothing without the Commissioner's authorisation; others charge only a reasonable "
        "amount for permitted items."
    ),
    tags=("requests", "charges"),
)
def unlawful_access_charge(request: AccessRequest, ctx: EvaluationContext) -> Outcome:
    """No unlawful charge is made for an access request.

    What it checks:
        The request's ``charge``: nothing is charged for making the request or assessing it
        (``ChargeItem.chargeable``), whatever the agency. A public-sector agency (the
        activity's ``agency.sector``) charges only with the Privacy Commissioner's
        authorisation (``commissioner_authorised``); even then a person confirms it covers
        the charge. A private-sector or NGO agency charges only for permitted items, for
        assistance only when some information is released, and a person confirms the amount
        is reasonable. No charge (an amount of zero) is met.
    Why it matters:
        A charge is a barrier to a right. The Privacy Act lets public-sector agencies charge
        only in narrow, authorised cases, and keeps everyone from charging for the request
        itself or for deciding it.
    How to meet it:
        Record charges with what they are for; do not charge in the public sector unless
        authorised; keep private-sector charges to real, reasonable costs.
    References:
        Privacy Act 2020, ss 66 and 67. Office of the Privacy Commissioner guidance on
        charging. Health agencies have further rules (not modelled).
    """
    decision = request.decision
    return charge_outcome(
        request.charge, ctx, gives_access=None if decision is None else decision.gives_access
    )
