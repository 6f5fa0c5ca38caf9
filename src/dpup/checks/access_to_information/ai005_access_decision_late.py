"""AI005 access-decision-late: a Access to Information check.

An access request is decided within 20 working days, or a validly extended limit.

Documented in ``docs/checks.md`` and ``docs/guidelines/access-to-information.md``; its cases are
in ``tests/checks/access_to_information/test_ai005_access_decision_late.py``.
"""

from __future__ import annotations

from dpup.checkdef import KT, MW, EvaluationContext, Outcome, check, not_applicable
from dpup.checks.access_to_information._helpers import deadline_outcome
from dpup.findings import Severity
from dpup.law import Basis, LegalRef
from dpup.model import AccessDecision, AccessRequest

__all__ = ["access_decision_late"]


@check(
    id="AI005",
    name="access-decision-late",
    principles=(MW, KT),
    basis=Basis.LAW,
    legal_refs=(LegalRef.IPP6, LegalRef.PA_S44, LegalRef.PA_S48, LegalRef.PA_S7),
    severity=Severity.HIGH,
    subject=AccessRequest,
    remediation=(
        "Decide access requests as soon as you reasonably can and no later than 20 working "
        "days after receipt, or give a valid extension notice within that time."
    ),
    tags=("requests", "deadline"),
    provision="s 44(1)",
    condition=(
        "An access request is decided, and the requester told, as soon as reasonably "
        "practicable and within 20 working days of receipt, or within a limit validly "
        "extended under s 48."
    ),
)
def access_decision_late(request: AccessRequest, ctx: EvaluationContext) -> Outcome:
    """An access request is decided within 20 working days, or a validly extended limit.

    What it checks:
        The decision date (``decided_on``) is no later than the 20th working day after the
        request was received (``received_on``), or the later date a valid extension notice
        set (``extension``). Working days follow the Privacy Act's definition, counted from
        the day after receipt. A request with no decision is not met once the limit has
        passed as at the evaluation date, and not yet due while it is still in time: the
        finding carries the due date and the working days left (dpup does not call an unmade
        decision met). A transferred request is left to AI007.
    Why it matters:
        The Privacy Act gives an agency 20 working days at most to decide whether to release
        information, and asks for a decision as soon as reasonably practicable. People asking
        for their information are often waiting on it to deal with a court, a benefit or
        their children; a late answer can cost them that chance.
    How to meet it:
        Log every request, spoken ones included, on the day it arrives; track the due date;
        decide early; if you truly need longer, send a valid extension notice in time.
    References:
        Privacy Act 2020, s 44 (decision within 20 working days), s 48 (extensions), s 7
        (working day), IPP6. DPUP Access to Information.
    """
    if request.decision is AccessDecision.TRANSFER:
        return not_applicable("The request was transferred; AI007 covers that.", "decision")
    return deadline_outcome(request, ctx, decided=request.decision is not None)
