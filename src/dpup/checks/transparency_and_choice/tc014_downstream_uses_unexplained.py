"""TC014 downstream-uses-unexplained: a Transparency and Choice check.

Non-identifying and downstream uses of the information are explained too.

Documented in ``docs/checks.md`` and ``docs/guidelines/transparency-and-choice.md``; its cases are
in ``tests/checks/transparency_and_choice/test_tc014_downstream_uses_unexplained.py``.
"""

from __future__ import annotations

from dpup.checkdef import (
    KT,
    MW,
    EvaluationContext,
    Outcome,
    check,
    met,
    not_applicable,
    not_met,
    split_facts,
    unrecorded,
)
from dpup.facts import collection_flows
from dpup.findings import Severity
from dpup.law import Basis, LegalRef
from dpup.model import Collection

__all__ = ["downstream_uses_unexplained"]


@check(
    id="TC014",
    name="downstream-uses-unexplained",
    principles=(MW, KT),
    basis=Basis.GOOD_PRACTICE,
    legal_refs=(LegalRef.IPP3, LegalRef.IPP10),
    severity=Severity.MEDIUM,
    subject=Collection,
    remediation=(
        "Explain what happens to the information beyond the service itself: what the funder "
        "receives and in what form, and any evaluation or research use, even when nobody "
        "can be identified."
    ),
    tags=("notice", "no-surprises"),
)
def downstream_uses_unexplained(collection: Collection, ctx: EvaluationContext) -> Outcome | None:
    """Non-identifying and downstream uses of the information are explained too.

    What it checks:
        Where the collection's information feeds non-identifying flows (disclosures recorded
        as not identifying anyone, aggregate or de-identified reporting under an agreement)
        the notice explains them (``notice.non_identifying_uses_explained``); where it feeds
        reporting, evaluation or research (agreements serving the collection's purposes,
        disclosures under an agreement or for statistics or research) the notice explains
        those uses (``notice.downstream_uses_explained``).
    Why it matters:
        DPUP asks agencies to explain what happens beyond frontline delivery, and to do so
        even when the use or sharing does not identify anyone. The law may not require it,
        but people's trust depends on it, and they often want to know how their information
        helps others.
    How to meet it:
        Add a plain sentence for each such use: who receives what, in what form, and why.
    References:
        DPUP Mana Whakahaere principle (explain even non-identifying uses); Transparency and
        Choice key concepts. Privacy Act 2020, IPP3 and IPP10.
    """
    flows = collection_flows(ctx.activity, collection)
    if not flows.non_identifying and not flows.downstream:
        return not_applicable(
            "No non-identifying or downstream use of this information is recorded."
        )
    notice = collection.notice
    if notice is None:
        return None  # TC026 asks for a missing notice, once for every notice check
    needed: dict[str, bool | None] = {}
    if flows.non_identifying:
        needed["notice.non_identifying_uses_explained"] = notice.non_identifying_uses_explained
    if flows.downstream:
        needed["notice.downstream_uses_explained"] = notice.downstream_uses_explained
    missing, unknown = split_facts(needed)
    if missing:
        return not_met(
            "The information flows beyond the service, but the notice does not explain those uses.",
            *missing,
            *flows.non_identifying,
            *flows.downstream,
        )
    if unknown:
        return unrecorded("whether the notice explains uses beyond the service", *unknown)
    return met("The notice explains the uses beyond the service.", *needed)
