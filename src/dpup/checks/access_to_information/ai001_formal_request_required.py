"""AI001 formal-request-required: a Access to Information check.

Requests to see information are accepted in any form, without a lawyer.

Documented in ``docs/checks.md`` and ``docs/guidelines/access-to-information.md``; its cases are
in ``tests/checks/access_to_information/test_ai001_formal_request_required.py``.
"""

from __future__ import annotations

from dpup.checkdef import MW, EvaluationContext, Outcome, check, met, not_met, unrecorded
from dpup.findings import Severity
from dpup.law import Basis, LegalRef
from dpup.model import AccessPractice

__all__ = ["formal_request_required"]


@check(
    id="AI001",
    name="formal-request-required",
    principles=(MW,),
    basis=Basis.LAW,
    legal_refs=(LegalRef.IPP6, LegalRef.PA_PART4),
    severity=Severity.HIGH,
    subject=AccessPractice,
    remediation=(
        "Accept requests in any form, spoken ones included, from the day they are made, and "
        "tell people they can simply ask; a request to confirm in writing must never hold a "
        "request up, and never send people to a lawyer or a 'formal Privacy Act request'."
    ),
    tags=("requests",),
    provision="IPP6(1)",
    condition=(
        "The agency's practice accepts a request made in any form, spoken included, as a "
        "request from the day it is made, and does not make people go through a lawyer."
    ),
)
def formal_request_required(practice: AccessPractice, ctx: EvaluationContext) -> Outcome:
    """Requests to see information are accepted in any form, without a lawyer.

    What it checks:
        The agency's practice does not send people to a lawyer or a formal process
        (``requires_lawyer``) and treats a spoken request as a request from the day it is
        made (``oral_requests_accepted``). A practice that asks people to put or confirm a
        request in writing (``requires_writing``) is met when spoken requests are still
        accepted from the day they are made, not met when they are not, and needs review
        when that is not recorded. A practice that does not ask for writing at all is met.
        AI008 checks each request.
    Why it matters:
        The Privacy Act sets no form for an access request: a spoken request starts the same
        duties as a letter. Asking someone to confirm in writing is harmless if the clock
        already runs; making writing or a lawyer a condition puts a barrier in front of a
        right, and DPUP says people should not have to rely on formal requests.
    How to meet it:
        Treat any request, however made, as a request on the day it is made; record spoken
        ones; tell people they can just ask their worker.
    References:
        Privacy Act 2020, IPP6(1) and Part 4: s 40 lets the person (or their representative)
        make the request and no provision prescribes its form. Community Law's manual: a
        request does not have to be in writing. DPUP Access to Information; Mana Whakahaere
        principle; the DPUP quiz's answer on written requests.
    """
    if practice.requires_lawyer:
        return not_met(
            "The agency sends people to a lawyer or a formal process to make a request.",
            "requires_lawyer",
        )
    accepted = practice.oral_requests_accepted
    if accepted is False:
        return not_met(
            "The agency does not treat a spoken request as a request from the day it is made.",
            "oral_requests_accepted",
        )
    writing = practice.requires_writing
    if writing and accepted is None:
        return unrecorded(
            "whether a spoken request is treated as a request from the day it is made, although "
            "the agency asks for requests in writing",
            "oral_requests_accepted",
        )
    if practice.requires_lawyer is None or writing is None:
        unknown = [
            path
            for path, value in (
                ("requires_writing", writing),
                ("requires_lawyer", practice.requires_lawyer),
            )
            if value is None
        ]
        return unrecorded("whether the agency insists on written or formal requests", *unknown)
    if writing:
        return met(
            "The agency asks for requests in writing, but accepts a spoken request from the "
            "day it is made.",
            "requires_writing",
            "oral_requests_accepted",
        )
    return met("Requests are accepted in any form.", "requires_writing", "requires_lawyer")
