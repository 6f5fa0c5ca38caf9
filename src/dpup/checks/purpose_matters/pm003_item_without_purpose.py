"""PM003 item-without-purpose: a Purpose Matters check.

Every collected item serves a stated purpose, with a justification.

Documented in ``docs/checks.md`` and ``docs/guidelines/purpose-matters.md``; its cases are
in ``tests/checks/purpose_matters/test_pm003_item_without_purpose.py``.
"""

from __future__ import annotations

import functools

from dpup._text import PhraseList, normalise
from dpup.checkdef import (
    HT,
    EvaluationContext,
    Outcome,
    check,
    met,
    needs_review,
    not_met,
    unrecorded,
)
from dpup.findings import Reviewer, Severity
from dpup.law import Basis, LegalRef
from dpup.model import Collection

__all__ = ["item_without_purpose"]


@functools.cache
def _whole_forms(phrases: PhraseList) -> frozenset[str]:
    # Built once per phrase list (settings are frozen and hashable), not per check call.
    return frozenset(normalise(p) for p in phrases.phrases)


def generic(text: str, phrases: PhraseList) -> bool:
    """Whether the whole of ``text`` is one of ``phrases`` (ignoring case and punctuation)."""
    return normalise(text) in _whole_forms(phrases)


@check(
    id="PM003",
    name="item-without-purpose",
    principles=(HT,),
    basis=Basis.LAW,
    legal_refs=(LegalRef.IPP1,),
    severity=Severity.HIGH,
    subject=Collection,
    remediation=(
        "Link every item to the purpose that needs it and say why; stop collecting items "
        "that no purpose needs."
    ),
    tags=("minimisation",),
    provision="IPP1(1)(b)",
    condition=(
        "Personal information is collected only where collecting it is necessary for a "
        "lawful purpose of the agency."
    ),
)
def item_without_purpose(collection: Collection, ctx: EvaluationContext) -> Outcome:
    """Every collected item serves a stated purpose, with a justification.

    What it checks:
        Each item in the collection lists at least one purpose id (``items[].purposes``) and
        a justification (``items[].justification``). An item with no purpose is not met; a
        missing purpose link, or a justification that is missing or generic on its own
        ("for reporting", "required"), needs review.
    Why it matters:
        IPP1 allows collection only where it is necessary for the purpose. An item that no
        purpose needs is over-collection, which DPUP's Purpose Matters guideline names as
        unlawful.
    How to meet it:
        For each item, name the purpose it serves and why that purpose needs it, or stop
        collecting it.
    References:
        Privacy Act 2020, IPP1(1)(b). DPUP Purpose Matters: assess purpose and only collect
        what is needed. Generic justifications are `Settings.generic_justifications`.
    """
    if not collection.items:
        return unrecorded("the items collected", "items")
    orphans = [
        f"items[{i}].purposes"
        for i, item in enumerate(collection.items)
        if item.purposes is not None and not item.purposes
    ]
    if orphans:
        return not_met("Some items serve no stated purpose.", *orphans)
    unlinked = [
        f"items[{i}].purposes" for i, item in enumerate(collection.items) if item.purposes is None
    ]
    generic_words = ctx.settings.generic_justifications
    unjustified = [
        f"items[{i}].justification"
        for i, item in enumerate(collection.items)
        if not (item.justification and item.justification.strip())
        or generic(item.justification, generic_words)
    ]
    if unlinked or unjustified:
        return needs_review(
            "Some items lack a recorded purpose link or a specific justification.",
            *unlinked,
            *unjustified,
            reviewer=Reviewer.PRIVACY_OFFICER,
            settle_with=(
                "for each listed item, record the purposes it serves and why they need it",
            ),
        )
    return met("Every item serves a stated purpose with a justification.", "items")
