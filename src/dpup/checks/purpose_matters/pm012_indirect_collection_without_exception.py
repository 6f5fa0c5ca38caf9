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
from dpup.model import Collection, Ipp2Exception

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
    provision="IPP2(1)",
    condition=(
        "Personal information is collected from the person it is about, unless the agency "
        "reasonably believes an IPP2(2) exception (or a s 30 authorisation) applies."
    ),
)
def indirect_collection_without_exception(
    collection: Collection, ctx: EvaluationContext
) -> Outcome:
    """Personal information comes from the person, unless an IPP2 exception is recorded.

    What it checks:
        For a collection with identifying items, the source (``source``) is the person
        themselves. Where it is someone else, the record says which IPP2 exception the agency
        relies on (``ipp2_exception``). A claimed exception needs review, since someone must
        confirm it applies; an exception recorded as ``none`` is not met; an exception that is
        simply not recorded needs review, because a missing entry does not show that none
        applies.
    Why it matters:
        IPP2 makes the person the default source of their own information, so they know it
        is being collected and can shape what is said. Collecting it from others (another
        agency, whānau, a public source) is lawful only where the agency reasonably believes
        an exception applies: the person authorised it, the information is publicly
        available, the person's interests are not prejudiced, asking them would defeat the
        purpose or is not reasonably practicable, law enforcement or a serious threat needs
        it, the information will not be used in a form that identifies the person, or the
        Privacy Commissioner authorised it.
    How to meet it:
        Ask the person directly, or record the exception and the reasons the agency believes
        it applies. If no exception applies, collect from the person instead.
    References:
        Privacy Act 2020, s 22, IPP2 (and s 30 for the Commissioner's authorisation). DPUP
        Mana Whakahaere principle.
    """
    if identifying_state(collection.items) is False:
        return not_applicable("Nothing identifying is collected.", "items")
    source = collection.source
    if source is None:
        return unrecorded("who the information is collected from", "source")
    if source.direct:
        return met("The information is collected from the person it is about.", "source")
    exception = collection.ipp2_exception
    if exception is None:
        return unrecorded(
            "whether an IPP2 exception applies to collecting from someone other than the person",
            "ipp2_exception",
        )
    if exception is Ipp2Exception.NONE:
        return not_met(
            "The information comes from someone other than the person, and the record says no "
            "IPP2 exception applies.",
            "source",
            "ipp2_exception",
        )
    return needs_review(
        "The information comes from someone other than the person, under a claimed IPP2 exception.",
        "source",
        "ipp2_exception",
        reviewer=Reviewer.PRIVACY_OFFICER,
        settle_with=(
            "confirm the recorded IPP2 exception applies and record why (ipp2_exception)",
        ),
    )
