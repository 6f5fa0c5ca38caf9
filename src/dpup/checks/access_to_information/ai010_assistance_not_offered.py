"""AI010 assistance-not-offered: a Access to Information check.

People who face barriers get reasonable help to make their request.

Documented in ``docs/checks.md`` and ``docs/guidelines/access-to-information.md``; its cases are
in ``tests/checks/access_to_information/test_ai010_assistance_not_offered.py``.
"""

from __future__ import annotations

from dpup.checkdef import (
    MN,
    MW,
    EvaluationContext,
    Outcome,
    check,
    met,
    not_applicable,
    not_met,
    unrecorded,
)
from dpup.findings import Severity
from dpup.law import Basis, LegalRef
from dpup.model import AccessRequest

__all__ = ["assistance_not_offered"]


@check(
    id="AI010",
    name="assistance-not-offered",
    principles=(MW, MN),
    basis=Basis.LAW,
    legal_refs=(LegalRef.PA_S42,),
    severity=Severity.MEDIUM,
    subject=AccessRequest,
    remediation=(
        "Offer help to people who face barriers: talk it through, use an interpreter or "
        "support person, or act as their agent with another agency."
    ),
    tags=("requests", "assistance"),
    provision="s 42",
    condition=(
        "An agency gives reasonable assistance to a person who wishes to make, or is making, "
        "an access request."
    ),
)
def assistance_not_offered(request: AccessRequest, ctx: EvaluationContext) -> Outcome:
    """People who face barriers get reasonable help to make their request.

    What it checks:
        Assistance was offered (``assistance_offered``). A requester with a recorded barrier
        (``barriers``: disability, language, literacy, age, distress) who was offered no help
        is not met. With no barrier recorded (an empty list) and no help offered there is
        nothing to judge.
    Why it matters:
        The Privacy Act requires reasonable assistance for people making access or correction
        requests. DPUP notes that disability, culture, language and literacy stop people
        asking, and that people first seeking help are often stressed.
    How to meet it:
        Ask what would help; offer an interpreter, support person, accessible formats or to
        act as the person's agent; record what was offered.
    References:
        Privacy Act 2020, s 42 (the section number is unverified in our notes). DPUP Access
        to Information: help people to ask for their information.
    """
    offered = request.assistance_offered
    if offered:
        return met("Assistance was offered.", "assistance_offered")
    barriers = request.barriers
    if barriers is None:
        return unrecorded("whether the requester faces barriers", "barriers", "assistance_offered")
    if not barriers:
        return not_applicable("No barrier calling for assistance is recorded.", "barriers")
    if offered is None:
        return unrecorded("whether assistance was offered", "assistance_offered")
    return not_met(
        "The requester faces a barrier and was offered no assistance.",
        "barriers",
        "assistance_offered",
    )
