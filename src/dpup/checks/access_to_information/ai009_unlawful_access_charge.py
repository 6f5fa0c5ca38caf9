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
        "Do not charge for making or deciding a request. A public-sector agency charges "
        "nothing without the Commissioner's authorisation, and then only for making "
        "information available; others charge only a reasonable amount for making it "
        "available and, when some is released, for assistance."
    ),
    tags=("requests", "charges"),
    provision="s 66(1)",
    condition=(
        "A charge on an access request is only for making information available (and, for a "
        "private-sector agency, assistance) when some is made available, is reasonable, and "
        "in the public sector is authorised under s 67; nothing else may be charged (s 66(3))."
    ),
)
def unlawful_access_charge(request: AccessRequest, ctx: EvaluationContext) -> Outcome:
    """No unlawful charge is made for an access request.

    What it checks:
        The request's ``charge`` against the items the Act lets an agency charge for on an
        access request (``ChargeItem.for_access``). Making the request or deciding it is never
        chargeable, and neither is an item that belongs to correction requests, such as
        attaching a statement of correction. Making information available (with its
        materials and urgency costs) and assistance are chargeable only when some
        information is made available (``decision`` release or partial). A public-sector
        agency (the activity's ``agency.sector``) may charge only for making information
        available, and only with the Privacy Commissioner's authorisation
        (``commissioner_authorised``), which a person confirms covers the charge. A
        private-sector or NGO agency may also charge for assistance, and a person confirms
        the amount is reasonable. No charge (an amount of zero) is met.
    Why it matters:
        A charge is a barrier to a right. The Privacy Act lets public-sector agencies charge
        only in narrow, authorised cases, and keeps everyone from charging for the request
        itself or for deciding it.
    How to meet it:
        Record charges with what they are for; do not charge in the public sector unless
        authorised; keep private-sector charges to real, reasonable costs of making the
        information available.
    References:
        Privacy Act 2020, s 66(1), (3) and (4) and s 67, read in a stored copy of the Act's
        text. Office of the Privacy Commissioner guidance on charging. Health agencies have
        further rules (not modelled).
    """
    decision = request.decision
    return charge_outcome(
        request.charge,
        ctx,
        correction=False,
        gives_access=None if decision is None else decision.gives_access,
    )
