"""TC002 vague-recipients: a Transparency and Choice check.

The notice names recipients specifically, not as "relevant agencies".

Documented in ``docs/checks.md`` and ``docs/guidelines/transparency-and-choice.md``; its cases are
in ``tests/checks/transparency_and_choice/test_tc002_vague_recipients.py``.
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
    unrecorded,
)
from dpup.facts import identifiable_disclosures
from dpup.findings import Severity
from dpup.law import Basis, LegalRef
from dpup.model import Collection

__all__ = ["vague_recipients"]


@check(
    id="TC002",
    name="vague-recipients",
    principles=(KT, MW),
    basis=Basis.GOOD_PRACTICE,
    legal_refs=(LegalRef.IPP3,),
    severity=Severity.MEDIUM,
    subject=Collection,
    remediation=(
        "Name each organisation, and the role within it, that will see the information "
        "(e.g. 'the Ministry of Social Development, attendance numbers only')."
    ),
    tags=("notice", "wording"),
)
def vague_recipients(collection: Collection, ctx: EvaluationContext) -> Outcome | None:
    """The notice names recipients specifically, not as "relevant agencies".

    What it checks:
        None of the recipients listed in the notice (``notice.recipients``) uses generic
        wording such as "relevant agencies", "partners" or "third parties".
    Why it matters:
        IPP3 asks that people know the intended recipients. DPUP's purpose-statement template
        goes further and asks for named organisations and roles: "relevant agencies" tells
        a person nothing and breeds fear of where their words will end up.
    How to meet it:
        List each organisation or role by name, and what each receives.
    References:
        DPUP purpose-statement template (How: who will have access). Privacy Act 2020,
        IPP3(1)(c). The phrase list is `Settings.generic_recipient_phrases`.
    """
    notice = collection.notice
    if notice is None:
        return None  # TC026 asks for a missing notice, once for every notice check
    if notice.recipients is None:
        return unrecorded("the recipients named in the notice", "notice.recipients")
    if not notice.recipients:
        if identifiable_disclosures(ctx.activity):
            return not_met(
                "The notice names no recipients, but information is disclosed.",
                "notice.recipients",
            )
        return not_applicable("No recipients are named and none receive the information.")
    phrases = ctx.settings.generic_recipient_phrases
    vague = [
        f"notice.recipients[{i}]" for i, r in enumerate(notice.recipients) if phrases.search(r)
    ]
    if vague:
        return not_met("The notice describes recipients in generic terms.", *vague)
    return met("Every recipient in the notice is named.", "notice.recipients")
