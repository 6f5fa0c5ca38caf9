"""PM033 collection-means-unfair: a Purpose Matters check.

Information is collected by lawful means that are fair and do not intrude unreasonably.

Documented in ``docs/checks.md`` and ``docs/guidelines/purpose-matters.md``; its cases are
in ``tests/checks/purpose_matters/test_pm033_collection_means_unfair.py``.
"""

from __future__ import annotations

from dpup.checkdef import (
    MN,
    MW,
    EvaluationContext,
    Outcome,
    check,
    met,
    needs_review,
    not_applicable,
    not_met,
    split_facts,
    unrecorded,
)
from dpup.checks.purpose_matters._helpers import identifying_state
from dpup.findings import Reviewer, Severity
from dpup.law import Basis, LegalRef
from dpup.model import Collection

__all__ = ["collection_means_unfair"]

_ASSESSMENT = ("manner.lawful", "manner.fair", "manner.intrusion_reasonable")


@check(
    id="PM033",
    name="collection-means-unfair",
    principles=(MN, MW),
    basis=Basis.LAW,
    legal_refs=(LegalRef.IPP4,),
    severity=Severity.HIGH,
    subject=Collection,
    remediation=(
        "Change how the information is collected so the means are lawful, fair and no more "
        "intrusive than the circumstances call for (a private space, no pressure, no hidden "
        "recording), and record the assessment."
    ),
    tags=("manner", "fairness"),
    provision="IPP4(a), (b)",
    condition=(
        "Personal information is collected only by lawful means that, in the circumstances, "
        "are fair and do not intrude to an unreasonable extent on the person's affairs."
    ),
)
def collection_means_unfair(collection: Collection, ctx: EvaluationContext) -> Outcome:
    """Information is collected by lawful means that are fair and do not intrude unreasonably.

    What it checks:
        For a collection of personal information, the recorded assessment of how it is
        collected (``manner``): that the means are lawful (``manner.lawful``), fair
        (``manner.fair``) and do not intrude unreasonably on people's affairs
        (``manner.intrusion_reasonable``). Any recorded as not is not met; any not recorded
        needs review, naming it. Where the assessment is recorded as met but sensitive
        information is collected where others can overhear (``manner.private = false``) or
        with children present (``manner.children_present``), a practice lead confirms the
        assessment weighed the setting. Not applicable when nothing identifying is
        collected.
    Why it matters:
        IPP4 is about how information is gathered, not what. The Privacy Commissioner's
        guidance says fairness turns on the circumstances: the person's age and capacity,
        how sensitive the information is, the purpose, how far it intrudes, and the time and
        place. Threats, pressure or misleading people will usually be unfair, and breaking
        any law to collect makes the collection unlawful. Asking about family violence in a
        waiting room, or in front of children, can be unfair even when the question is
        needed.
    How to meet it:
        Before collecting, ask whether the way it is done is lawful, fair to the people
        asked and no more intrusive than needed: where it happens, who asks, who else is
        there, whether people feel able to say no. Record the answers in ``manner``.
    References:
        Privacy Act 2020, s 22, IPP4(a) and (b)
        (https://privacy.org.nz/privacy-act-2020/privacy-principles/4). DPUP Transparency
        and Choice guideline, "collect in a lawful and fair manner"; Manaakitanga principle.
    """
    if identifying_state(collection.items) is False:
        return not_applicable("Nothing identifying is collected.", "items")
    manner = collection.manner
    if manner is None:
        return unrecorded(
            "whether the means of collection are lawful, fair and not unreasonably intrusive",
            *_ASSESSMENT,
        )
    facts = (manner.lawful, manner.fair, manner.intrusion_reasonable)
    failing, unknown = split_facts(dict(zip(_ASSESSMENT, facts, strict=True)))
    if failing:
        return not_met(
            "The record says the means of collection are unlawful, unfair or unreasonably "
            "intrusive.",
            *failing,
        )
    if unknown:
        return unrecorded(
            "whether the means of collection are lawful, fair and not unreasonably intrusive",
            *unknown,
        )
    exposed = [
        path
        for path, fact in (
            ("manner.private", manner.private is False),
            ("manner.children_present", manner.children_present is True),
        )
        if fact
    ]
    if exposed and any(item.sensitive for item in collection.items):
        return needs_review(
            "Sensitive information is collected where others can overhear or children are "
            "present; confirm the fairness assessment weighed the setting.",
            *exposed,
            *_ASSESSMENT,
            reviewer=Reviewer.PRACTICE_LEAD,
            settle_with=(
                "confirm the setting was weighed in the IPP4 assessment, or offer a private "
                "space without children present (manner.private, manner.children_present)",
            ),
        )
    return met(
        "The means of collection are recorded as lawful, fair and not unreasonably intrusive.",
        *_ASSESSMENT,
    )
