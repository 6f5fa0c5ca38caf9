"""AI007 transfer-late-or-untold: a Access to Information check.

A request for another agency's information is transferred, and the person told, in time.

Documented in ``docs/checks.md`` and ``docs/guidelines/access-to-information.md``; its cases are
in ``tests/checks/access_to_information/test_ai007_transfer_late_or_untold.py``.
"""

from __future__ import annotations

from dpup.checkdef import MH, MW, EvaluationContext, Outcome, check
from dpup.checks.access_to_information._helpers import transfer_outcome
from dpup.findings import Severity
from dpup.law import Basis, LegalRef
from dpup.model import AccessRequest

__all__ = ["transfer_late"]


@check(
    id="AI007",
    name="transfer-late-or-untold",
    principles=(MW, MH),
    basis=Basis.LAW,
    legal_refs=(LegalRef.PA_S43, LegalRef.PA_S48),
    severity=Severity.MEDIUM,
    subject=AccessRequest,
    remediation=(
        "Transfer a request for information another agency holds within 10 working days (or "
        "a validly extended limit), and tell the person, within the same time, where it went."
    ),
    tags=("requests", "deadline"),
    provision="s 43(2)",
    condition=(
        "A request for information another agency holds, or that is more closely connected "
        "with its work, is transferred and the requester told within 10 working days of "
        "receipt, or within a limit validly extended under s 48."
    ),
)
def transfer_late(request: AccessRequest, ctx: EvaluationContext) -> Outcome:
    """A request for another agency's information is transferred, and the person told, in time.

    What it checks:
        For a transferred request (``decision`` is transfer, or ``transferred_on`` is
        recorded), both the transfer (``transferred_on``) and the notice to the requester
        (``requester_told_of_transfer_on``) fall within 10 working days of receipt, or within
        the later limit a valid extension notice sets (``extension``): the extension
        provision reaches the transfer limit as well as the decision limit. An extension
        whose validity is not fully recorded sends a step inside its period to review. A
        transfer decided but not yet made, or made without the person told yet, is not yet
        due while the time runs (due on the transfer limit, with the working days left); once
        it has passed, a transfer never made is not met, and a transfer made in time with no
        record of when the person was told needs review, naming that date.
    Why it matters:
        People cannot be expected to know which agency holds what. The Privacy Act makes the
        agency that receives a request pass it on quickly and tell the person, so the request
        is not lost between organisations.
    How to meet it:
        Know which partner holds what; transfer promptly with a covering note; tell the
        person the same day; if consultation or volume truly needs longer, give a valid
        extension notice in time.
    References:
        Privacy Act 2020, s 43 (transfer within 10 working days; the subsection number is
        unverified in our stored sources) and s 48(1) (an extension may reach the s 43
        transfer limit as well as the s 44 decision limit). DPUP Access to Information: if
        another agency holds the information.
    """
    return transfer_outcome(request, ctx)
