"""PM021 linking-undisclosed: a Purpose Matters check.

Every actual matching or linking is stated in the purpose and explained to people.

Documented in ``docs/checks.md`` and ``docs/guidelines/purpose-matters.md``; its cases are
in ``tests/checks/purpose_matters/test_pm021_linking_undisclosed.py``.
"""

from __future__ import annotations

from dpup._text import normalise
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
from dpup.checks.purpose_matters._helpers import purposes_of
from dpup.facts import collection_purposes
from dpup.findings import Reviewer, Severity
from dpup.law import Basis, LegalRef
from dpup.model import Collection

__all__ = ["linking_undisclosed"]


@check(
    id="PM021",
    name="linking-undisclosed",
    principles=(MW, KT),
    basis=Basis.GOOD_PRACTICE,
    legal_refs=(LegalRef.IPP3,),
    severity=Severity.HIGH,
    subject=Collection,
    remediation=(
        "List every dataset the information is matched or linked with in the purpose "
        "statement, and explain that purpose in the notice."
    ),
    tags=("purpose-statement", "linking", "no-surprises"),
)
def linking_undisclosed(collection: Collection, ctx: EvaluationContext) -> Outcome:
    """Every actual matching or linking is stated in the purpose and explained to people.

    What it checks:
        Each dataset the collection is matched or linked with (``linking``) appears in the
        ``linking`` list of one of the collection's purposes; and when the notice records
        which purposes it explains (``notice.uses_explained``), one such purpose is among
        them. Names are compared ignoring case and punctuation.
    Why it matters:
        Linking information with other data changes what can be learned about a person.
        DPUP's purpose-statement template, checklist and frontline guidance all ask agencies
        to say whether information will be matched or linked, and with what; finding out
        later is the kind of surprise that breaks trust.
    How to meet it:
        Name each linked dataset in the purpose statement, and make sure the notice explains
        that purpose.
    References:
        DPUP toolkit: purpose-statement template ("What": matched or linked with what) and
        checklist; frontline role summary. Good practice; it supports IPP3's purpose notice.
    """
    linking = collection.linking
    if linking is None:
        return unrecorded("whether the information is matched or linked with other data", "linking")
    if not linking:
        return not_applicable("The information is not matched or linked.", "linking")
    activity = ctx.activity
    if activity is None:
        return needs_review(
            "Linking is recorded, but no activity was given to find the purpose statements.",
            "linking",
            reviewer=Reviewer.PRIVACY_OFFICER,
            settle_with=("evaluate the collection with its activity as context",),
        )
    purposes = purposes_of(activity, collection_purposes(collection))
    stated: dict[str, set[str]] = {}
    for _, purpose in purposes:
        for dataset in purpose.linking or ():
            stated.setdefault(normalise(dataset), set()).add(purpose.id)
    missing = [f"linking[{j}]" for j, d in enumerate(linking) if normalise(d) not in stated]
    if missing:
        unknown = [f"$.purposes[{i}].linking" for i, p in purposes if p.linking is None]
        if unknown:
            return unrecorded("which linking the purposes state", *unknown, *missing)
        return not_met("Some linking is not stated in any purpose.", *missing)
    explained = collection.notice.uses_explained if collection.notice is not None else None
    if explained is not None:
        told = set(explained)
        untold = [f"linking[{j}]" for j, d in enumerate(linking) if not stated[normalise(d)] & told]
        if untold:
            return not_met(
                "Some linking is stated in a purpose that the notice does not explain.",
                *untold,
                "notice.uses_explained",
            )
    return met("Every linking is stated in the purpose.", "linking")
