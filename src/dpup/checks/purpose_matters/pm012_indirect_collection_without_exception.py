"""PM012 indirect-collection-without-exception: a Purpose Matters check.

Personal information comes from the person, unless an IPP2 exception is recorded.

Documented in ``docs/checks.md`` and ``docs/guidelines/purpose-matters.md``; its cases are
in ``tests/checks/purpose_matters/test_pm012_indirect_collection_without_exception.py``.
"""

from __future__ import annotations

from dpup.checkdef import (
    KT,
    MW,
    EvaluationContext,
    Outcome,
    check,
    met,
    needs_review,
    not_applicable,
    not_met,
    unrecorded,
)
from dpup.checks.purpose_matters._helpers import identifying_state
from dpup.findings import Reviewer, Severity
from dpup.law import Basis, LegalRef
from dpup.model import Collection

__all__ = ["indirect_collection_without_exception"]


@check(
    id="PM012",
    name="indirect-collection-without-exception",
    principles=(MW, KT),
    basis=Basis.LAW,
    legal_refs=(LegalRef.IPP2,),
    severity=Severity.HIGH,
    subject=Collection,
    remediation=(
        "Collect the information from the person it is about, or record the IPP2 exception "
        "relied on (for example that the person authorised another source) and why it applies."
    ),
    tags=("source",),
)
def indirect_collection_without_exception(
    collection: Collection, ctx: EvaluationContext
) -> Outcome:
    """Personal information comes from the person, unless an IPP2 exception is recorded.

    What it checks:
        For a collection with identifying items, the source (``source``) is the person
        themselves. Another source with an IPP2 exception recorded (``ipp2_exception``)
        needs review, since someone must confirm the exception applies; another source with
        none recorded is not met.
    Why it matters:
        IPP2 makes the person the default source of their own information, so they know it
        is being collected and can shape what is said. Collecting it from others (another
        agency, whānau, a public source) is lawful only where an exception applies.
    How to meet it:
        Ask the person directly, or record the exception and the reasons the agency believes
        it applies.
    References:
        Privacy Act 2020, IPP2. DPUP Mana Whakahaere principle.
    """
    if identifying_state(collection.items) is False:
        return not_applicable("Nothing identifying is collected.", "items")
    source = collection.source
    if source is None:
        return unrecorded("who the information is collected from", "source")
    if source.direct:
        return met("The information is collected from the person it is about.", "source")
    if collection.ipp2_exception is not None:
        return needs_review(
            "The information comes from someone other than the person, under a claimed IPP2 "
            "exception.",
            "source",
            "ipp2_exception",
            reviewer=Reviewer.PRIVACY_OFFICER,
            settle_with=(
                "confirm the recorded IPP2 exception applies and record why (ipp2_exception)",
            ),
        )
    return not_met(
        "The information comes from someone other than the person, and no IPP2 exception is "
        "recorded.",
        "source",
        "ipp2_exception",
    )
