"""AI012 correction-right-not-stated: a Access to Information check.

Releasing information tells the person they may ask for it to be corrected.

Documented in ``docs/checks.md`` and ``docs/guidelines/access-to-information.md``; its cases are
in ``tests/checks/access_to_information/test_ai012_correction_right_not_stated.py``.
"""

from __future__ import annotations

from dpup.checkdef import (
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

__all__ = ["correction_right_not_stated"]


@check(
    id="AI012",
    name="correction-right-not-stated",
    principles=(MW,),
    basis=Basis.LAW,
    legal_refs=(LegalRef.IPP6,),
    severity=Severity.MEDIUM,
    subject=AccessRequest,
    remediation=(
        "Whenever you release information, tell the person they may ask for it to be "
        "corrected, and how simple that is."
    ),
    tags=("requests", "correction"),
    provision="IPP6(2)",
    condition=(
        "An agency that gives a person access to their information tells them they may "
        "request its correction."
    ),
)
def correction_right_not_stated(request: AccessRequest, ctx: EvaluationContext) -> Outcome:
    """Releasing information tells the person they may ask for it to be corrected.

    What it checks:
        When some information is released (``decision`` release or partial), the response
        says the person may ask for correction (``correction_right_stated``).
    Why it matters:
        Seeing a record is often the moment people find a mistake, such as a wrong statement
        in a court report. IPP6 requires an agency that gives access to tell the person of
        their right to seek correction, so that moment is not wasted.
    How to meet it:
        Add a plain sentence on correction to every release, and offer to take the request
        there and then.
    References:
        Privacy Act 2020, IPP6(2) (the subclause number is unverified in our notes). DPUP
        Access to Information.
    """
    decision = request.decision
    if decision is None or not decision.gives_access:
        return not_applicable("No information is recorded as released.", "decision")
    stated = request.correction_right_stated
    if stated is None:
        return unrecorded(
            "whether the release mentioned the right to correction", "correction_right_stated"
        )
    if not stated:
        return not_met(
            "The release did not tell the person they may ask for correction.",
            "correction_right_stated",
        )
    return met(
        "The release told the person they may ask for correction.", "correction_right_stated"
    )
