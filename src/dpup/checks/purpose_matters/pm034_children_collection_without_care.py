"""PM034 children-collection-without-care: a Purpose Matters check.

Collecting from children or young people, the agency judges its means with particular care.

Documented in ``docs/checks.md`` and ``docs/guidelines/purpose-matters.md``; its cases are
in ``tests/checks/purpose_matters/test_pm034_children_collection_without_care.py``.
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
from dpup.checks.purpose_matters._helpers import identifying_state
from dpup.findings import Severity
from dpup.law import Basis, LegalRef
from dpup.model import Collection

__all__ = ["children_collection_without_care"]


@check(
    id="PM034",
    name="children-collection-without-care",
    principles=(MN, MW),
    basis=Basis.LAW,
    legal_refs=(LegalRef.IPP4,),
    severity=Severity.HIGH,
    subject=Collection,
    remediation=(
        "Judge how information is collected from children and young people with particular "
        "care for their age and understanding (who asks, where, with whom present, in what "
        "words, and whether they feel free to say no), and record it."
    ),
    tags=("manner", "children"),
    provision="IPP4(b)",
    condition=(
        "Where information is collected from children or young people, whether the means are "
        "fair and not unreasonably intrusive is judged with particular care for them."
    ),
)
def children_collection_without_care(collection: Collection, ctx: EvaluationContext) -> Outcome:
    """Collecting from children or young people, the agency judges its means with particular care.

    What it checks:
        Where information is collected from children or young people themselves
        (``manner.from_children``), whether the fairness and intrusion of the means were
        judged with particular care for their age and understanding
        (``manner.children_care``). Recorded as not, it is not met; not recorded, it needs
        review. Whether the means were fair at all is PM033's question. Where
        ``manner.from_children`` is not recorded, the check asks for it, unless the activity
        records that it serves no children or young people (``audience.children = false``).
        Not applicable when nothing identifying is collected.
    Why it matters:
        IPP4 names collection from children and young people as a circumstance that calls
        for particular care. The Privacy Commissioner's guidance says a way of asking that
        is fair for an adult may not be fair for a child, that the power imbalance needs
        attention, and that a child's genuine agreement, or their whānau's, may be needed.
        The Transparency and Choice check TC016 (good practice) covers the explanation
        children are given; this check covers how the information is gathered (law).
    How to meet it:
        Plan collection from children with their age in mind: plain words, a trusted adult
        present where that helps (and not where it would not), no pressure to answer, and
        only what is needed. Record that this was weighed in ``manner.children_care``.
    References:
        Privacy Act 2020, s 22, IPP4(b)
        (https://privacy.org.nz/privacy-act-2020/privacy-principles/4). DPUP Mana Whakahaere
        principle (children and young people).
    """
    if identifying_state(collection.items) is False:
        return not_applicable("Nothing identifying is collected.", "items")
    manner = collection.manner
    if manner is None or manner.from_children is None:
        audience = ctx.activity.audience if ctx.activity is not None else None
        if audience is not None and audience.children is False:
            return not_applicable(
                "The activity records that it serves no children or young people.",
                "$.audience.children",
            )
        return unrecorded(
            "whether information is collected from children or young people",
            "manner.from_children",
        )
    if not manner.from_children:
        return not_applicable(
            "The information is not collected from children or young people.",
            "manner.from_children",
        )
    if manner.children_care is None:
        return unrecorded(
            "whether the means were judged with particular care for children and young people",
            "manner.children_care",
        )
    if not manner.children_care:
        return not_met(
            "Information is collected from children or young people, and the record says the "
            "means were not judged with particular care for them.",
            "manner.from_children",
            "manner.children_care",
        )
    return met(
        "Collection from children or young people was judged with particular care for them.",
        "manner.from_children",
        "manner.children_care",
    )
