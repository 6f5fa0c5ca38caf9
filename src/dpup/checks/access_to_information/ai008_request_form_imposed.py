"""AI008 request-form-imposed: a Access to Information check.

This request was accepted in the form it was made, without a lawyer.

Documented in ``docs/checks.md`` and ``docs/guidelines/access-to-information.md``; its cases are
in ``tests/checks/access_to_information/test_ai008_request_form_imposed.py``.
"""

from __future__ import annotations

from dpup.checkdef import MW, EvaluationContext, Outcome, check, met, not_met, unrecorded
from dpup.findings import Severity
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
        "Accept the request as it was made, spoken or written; never ask for a written "
        "'Privacy Act request' or send the person to a lawyer."
    ),
    tags=("requests",),
)
def request_form_imposed(request: AccessRequest, ctx: EvaluationContext) -> Outcome:
    """This request was accepted in the form it was made, without a lawyer.

    What it checks:
        The agency did not insist that this request be put in writing
        (``required_writing``) or made through a lawyer (``required_lawyer``). A spoken
        request (``channel`` oral or phone) that was decided shows it was accepted as made.
        AI001 checks the same at the level of the agency's practice.
    Why it matters:
        The Privacy Act sets no form for an access request, so a spoken request starts the
        same duties as a letter. Telling someone to make a "formal Privacy Act request" or to
        get a lawyer shuts out the people least able to push back.
    How to meet it:
        Record a spoken request as a request; help the person say what they want; never make
        writing or a lawyer a condition.
    References:
        Privacy Act 2020, IPP6 and Part 4. DPUP Access to Information; the DPUP quiz's answer
        on written requests.
    """
    flags = {
        "required_writing": request.required_writing,
        "required_lawyer": request.required_lawyer,
    }
    imposed = [path for path, value in flags.items() if value]
    if imposed:
        return not_met(
            "The person was told to write, or to use a lawyer, to make the request.", *imposed
        )
    if all(value is False for value in flags.values()):
        return met("The request was accepted in the form it was made.", *flags)
    if request.channel in _SPOKEN and request.decision is not None:
        return met("The spoken request was accepted and decided.", "channel", "decision")
    unknown = [path for path, value in flags.items() if value is None]
    return unrecorded("whether the person was told to write or use a lawyer", *unknown)
