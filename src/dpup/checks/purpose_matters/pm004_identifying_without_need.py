"""PM004 identifying-without-need: a Purpose Matters check.

People are not required to give identifying information that the purpose does not need.

Documented in ``docs/checks.md`` and ``docs/guidelines/purpose-matters.md``; its cases are
in ``tests/checks/purpose_matters/test_pm004_identifying_without_need.py``.
"""

from __future__ import annotations

from dpup.checkdef import (
    HT,
    KT,
    EvaluationContext,
    Outcome,
    check,
    met,
    needs_review,
    not_applicable,
    not_met,
    unrecorded,
)
from dpup.findings import Reviewer, Severity
from dpup.law import Basis, LegalRef
from dpup.model import Collection

__all__ = ["identifying_without_need"]


@check(
    id="PM004",
    name="identifying-without-need",
    principles=(HT, KT),
    basis=Basis.LAW,
    legal_refs=(LegalRef.IPP1,),
    severity=Severity.HIGH,
    subject=Collection,
    remediation=(
        "Stop requiring identifying items the purpose does not need: collect them in "
        "non-identifying form, make them optional, or record why the purpose cannot be met "
        "without knowing who people are."
    ),
    tags=("minimisation", "identifiability"),
    provision="IPP1(2)",
    condition=(
        "The agency does not require identifying information where the lawful purpose of "
        "the collection does not need it."
    ),
)
def identifying_without_need(collection: Collection, ctx: EvaluationContext) -> Outcome:
    """People are not required to give identifying information that the purpose does not need.

    What it checks:
        For the identifying items of a collection, whether people must provide them
        (``items[].required``) and whether the purpose needs people to be identified
        (``requires_identity``, with its reason in ``identity_justification``). Not met when
        an identifying item is recorded as required and the purpose is recorded as not
        needing identity. Not applicable when every identifying item is recorded as optional:
        IPP1(2) bars requiring identifying information, not accepting it when offered, and
        whether an optional item is needed at all is the necessity question of PM003 (each
        item serves a purpose) and PM007 (less intrusive alternatives). Where the purpose
        needs identity, the reason must be recorded.
    Why it matters:
        IPP1(2) says that where the lawful purpose of a collection does not need an
        individual's identifying information, the agency may not require it. The ICLD
        episode showed how demanding names for programme reporting destroys trust.
    How to meet it:
        Use de-identified or aggregate data where that does the job; let people choose
        whether to give identifying details the purpose can do without; otherwise record why
        identity is needed.
    References:
        Privacy Act 2020, s 22, IPP1(2)
        (https://www.legislation.govt.nz/act/public/2020/0031/latest/whole.html). DPUP
        Purpose Matters; Office of the Privacy Commissioner's 2017 inquiry into MSD's
        client-level data requirements.
    """
    items = collection.items
    if not items:
        return unrecorded("the items collected", "items")
    identifying = [
        i
        for i, item in enumerate(items)
        if item.identifiability is not None and item.identifiability.is_identifying
    ]
    if not identifying:
        unknown = [
            f"items[{i}].identifiability"
            for i, it in enumerate(items)
            if it.identifiability is None
        ]
        if unknown:
            return unrecorded("whether some items identify people", *unknown)
        return met("No identifying information is collected.", "items")
    required = [i for i in identifying if items[i].required is True]
    unsettled = [i for i in identifying if items[i].required is None]
    if not required and not unsettled:
        return not_applicable(
            "Every identifying item is optional, so people are not required to identify "
            "themselves.",
            *(f"items[{i}].required" for i in identifying),
        )
    if collection.requires_identity is None:
        return unrecorded("whether the purpose needs people to be identified", "requires_identity")
    if collection.requires_identity is False:
        if required:
            return not_met(
                "People must give identifying items although the purpose is recorded as not "
                "needing identity.",
                "requires_identity",
                *(f"items[{i}].required" for i in required),
                *(f"items[{i}].identifiability" for i in required),
            )
        return unrecorded(
            "whether people must provide the identifying items",
            *(f"items[{i}].required" for i in unsettled),
        )
    if not (collection.identity_justification and collection.identity_justification.strip()):
        return needs_review(
            "Identity is said to be needed, but no reason is recorded.",
            "identity_justification",
            reviewer=Reviewer.PRIVACY_OFFICER,
            settle_with=("record why the purpose needs identity (identity_justification)",),
        )
    return met(
        "Identity is needed for the purpose, with a reason recorded.",
        "requires_identity",
        "identity_justification",
    )
