"""AI008 request-form-imposed: a Access to Information check.

This request was accepted in the form it was made, without a lawyer.

Documented in ``docs/checks.md`` and ``docs/guidelines/access-to-information.md``; its cases are
in ``tests/checks/access_to_information/test_ai008_request_form_imposed.py``.
"""

from __future__ import annotations

from dpup.checkdef import (
    MW,
    EvaluationContext,
    Outcome,
    check,
    met,
    needs_review,
    not_met,
    unrecorded,
)
from dpup.checks.access_to_information._helpers import handled_outcome
from dpup.findings import Reviewer, Severity, Status
from dpup.law import Basis, LegalRef
from dpup.model import AccessRequest, RequestChannel

__all__ = ["request_form_imposed"]


_SPOKEN = frozenset({RequestChannel.ORAL, RequestChannel.PHONE})


@check(
    id="AI008",
    name="request-form-imposed",
    principles=(MW,),
    basis=Basis.LAW,
    legal_refs=(LegalRef.IPP6, LegalRef.PA_PART4),
    severity=Severity.HIGH,
    subject=AccessRequest,
    remediation=(
        "Accept the request as it was made, spoken or written, and decide it within the time "
        "limit counted from that day; a request to confirm it in writing must never hold it "
        "up, and never send the person to a lawyer."
    ),
    tags=("requests",),
    provision="IPP6(1)",
    condition=(
        "A request made in any form, spoken included, is accepted and dealt with in time from "
        "the day it was made; it is not refused or delayed for want of writing, nor made to "
        "go through a lawyer."
    ),
)
def request_form_imposed(request: AccessRequest, ctx: EvaluationContext) -> Outcome:
    """This request was accepted in the form it was made, without a lawyer.

    What it checks:
        The person was not made to go through a lawyer (``required_lawyer``), and a request
        for writing (``required_writing``) did not refuse or delay the request. Being asked
        to confirm a request in writing is not a breach in itself: when the request was
        still decided (or transferred) within its time limit counted from the day it was
        made, it was accepted as made and this is met. When it was decided late, or never
        decided once the limit passed, it is not met. While the request is still within its
        time limit (not yet due under AI005 or AI007) it needs review. A spoken request
        (``channel`` oral or phone) decided in time shows it was accepted as made even where
        the two facts are not recorded. AI001
        checks the same at the level of the agency's practice; AI005 and AI007 judge the
        time limits themselves.
    Why it matters:
        The Privacy Act sets no form for an access request, so a spoken request starts the
        same duties as a letter. Holding a request up until someone writes it down, or
        telling them to get a lawyer, shuts out the people least able to push back.
    How to meet it:
        Record a spoken request as a request on the day it is made; if you want it in
        writing, write it down for the person and keep the clock running; never make a
        lawyer a condition.
    References:
        Privacy Act 2020, IPP6(1) and Part 4: s 40 lets the person (or their representative)
        make the request and no provision prescribes its form. Community Law's manual: a
        request does not have to be in writing. DPUP Access to Information; the DPUP quiz's
        answer on written requests.
    """
    if request.required_lawyer:
        return not_met(
            "The person was told to use a lawyer to make the request.", "required_lawyer"
        )
    timing = handled_outcome(request, ctx)
    in_time = timing.status is Status.MET
    spoken = request.channel in _SPOKEN
    if request.required_writing:
        if timing.status is Status.NOT_MET:
            return not_met(
                "The person was asked to put the request in writing, and it was not dealt "
                "with within the time limit counted from the day it was made.",
                "required_writing",
                *timing.evidence,
            )
        if in_time and (request.required_lawyer is False or spoken):
            return met(
                "The person was asked to confirm the request in writing, but it was accepted "
                "as made and dealt with in time.",
                "required_writing",
                *timing.evidence,
            )
        if in_time:
            return unrecorded("whether the person was told to use a lawyer", "required_lawyer")
        if timing.status is Status.NOT_YET_DUE:
            return needs_review(
                "The person was asked to put the request in writing, and it is not yet decided.",
                "required_writing",
                "received_on",
                reviewer=Reviewer.PRIVACY_OFFICER,
                settle_with=(
                    "confirm the request is being handled from the day it was first made, not "
                    "from when it is written down",
                ),
            )
        return timing
    if request.required_writing is False and request.required_lawyer is False:
        return met(
            "The request was accepted in the form it was made.",
            "required_writing",
            "required_lawyer",
        )
    if spoken and in_time:
        return met(
            "The spoken request was accepted and dealt with in time.", "channel", *timing.evidence
        )
    unknown = [
        path
        for path, value in (
            ("required_writing", request.required_writing),
            ("required_lawyer", request.required_lawyer),
        )
        if value is None
    ]
    return unrecorded("whether the person was told to write or use a lawyer", *unknown)
