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
        "Accept requests in any form, spoken ones included, and tell people they can simply "
        "ask; never send them to a lawyer or a 'formal Privacy Act request'."
    ),
    tags=("requests",),
)
def formal_request_required(practice: AccessPractice, ctx: EvaluationContext) -> Outcome:
    """Requests to see information are accepted in any form, without a lawyer.

    What it checks:
        The agency's practice does not insist that requests be written
        (``requires_writing``) or go through a lawyer or formal process (``requires_lawyer``).
    Why it matters:
        The Privacy Act sets no form for an access request: a spoken request starts the same
        duties as a letter. Sending people to a lawyer or a formal process puts a barrier in
        front of a right, and DPUP says people should not have to rely on formal requests.
    How to meet it:
        Treat any request, however made, as a request; record oral ones; tell people they can
        just ask their worker.
    References:
        Privacy Act 2020, IPP6 and Part 4. DPUP Access to Information; Mana Whakahaere
        principle; the DPUP quiz's answer on written requests.
    """
    flags = {
        "requires_writing": practice.requires_writing,
        "requires_lawyer": practice.requires_lawyer,
    }
    barriers = [path for path, value in flags.items() if value]
    if barriers:
        return not_met("The agency insists on a written, formal or lawyer-made request.", *barriers)
    unknown = [path for path, value in flags.items() if value is None]
    if unknown:
        return unrecorded("whether the agency insists on written or formal requests", *unknown)
    return met("Requests are accepted in any form.", *flags)
