"""AI007 transfer-late-or-untold: a Access to Information check.

A request for another agency's information is transferred, and the person told, in time.

Documented in ``docs/checks.md`` and ``docs/guidelines/access-to-information.md``; its cases are
in ``tests/checks/access_to_information/test_ai007_transfer_late_or_untold.py``.
"""

from __future__ import annotations

from dpup.checkdef import (
    MH,
    MW,
    EvaluationContext,
    Outcome,
    check,
    met,
    not_applicable,
    not_met,
    unrecorded,
)
from dpup.checks.access_to_information._helpers import calendar_gap
from dpup.errors import CalendarRangeError
from dpup.findings import Severity
from dpup.law import Basis, LegalRef
from dpup.model import AccessDecision, AccessRequest

__all__ = ["transfer_late"]


@check(
    id="AI007",
    name="transfer-late-or-untold",
    principles=(MW, MH),
    basis=Basis.LAW,
    legal_refs=(LegalRef.PA_S43,),
    severity=Severity.MEDIUM,
    subject=AccessRequest,
    remediation=(
        "Transfer a request for information another agency holds within 10 working days, and "
        "tell the person, within the same time, where it went."
    ),
    tags=("requests", "deadline"),
)
def transfer_late(request: AccessRequest, ctx: EvaluationContext) -> Outcome:
    """A request for another agency's information is transferred, and the person told, in time.

    What it checks:
        For a transferred request (``decision`` is transfer, or ``transferred_on`` is
        recorded), both the transfer (``transferred_on``) and the notice to the requester
        (``requester_told_of_transfer_on``) fall within 10 working days of receipt. A
        transfer decided but not yet made is not applicable while the 10 days run, and not
        met once they have passed with no date recorded. Extensions are not applied to
        transfers.
    Why it matters:
        People cannot be expected to know which agency holds what. The Privacy Act makes the
        agency that receives a request pass it on quickly and tell the person, so the request
        is not lost between organisations.
    How to meet it:
        Know which partner holds what; transfer promptly with a covering note; tell the
        person the same day.
    References:
        Privacy Act 2020, s 43 (the section number is unverified in our notes). DPUP Access
        to Information: if another agency holds the information.
    """
    transferred = request.transferred_on
    told = request.requester_told_of_transfer_on
    if request.decision is not AccessDecision.TRANSFER and transferred is None:
        return not_applicable("No transfer is recorded.", "decision", "transferred_on")
    try:
        due = request.transfer_due
    except CalendarRangeError:
        return calendar_gap("received_on")
    if due is None:  # received_on is not recorded
        return unrecorded("when the request was received", "received_on")
    late = [
        path
        for path, day in (("transferred_on", transferred), ("requester_told_of_transfer_on", told))
        if day is not None and day > due
    ]
    if late:
        return not_met("The transfer, or telling the person, came after 10 working days.", *late)
    missing = [
        path
        for path, day in (("transferred_on", transferred), ("requester_told_of_transfer_on", told))
        if day is None
    ]
    if missing:
        if ctx.as_at <= due:
            return not_applicable("The transfer is still within its time limit.", *missing)
        return not_met(
            "The time to transfer has passed and the transfer, or telling the person, is not "
            "recorded.",
            *missing,
        )
    return met(
        "The request was transferred and the person told within 10 working days.",
        "transferred_on",
        "requester_told_of_transfer_on",
    )
