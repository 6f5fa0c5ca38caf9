"""TC018 frontline-cannot-explain: a Transparency and Choice check.

Frontline staff can explain the information practice, and know whom to ask.

Documented in ``docs/checks.md`` and ``docs/guidelines/transparency-and-choice.md``; its cases are
in ``tests/checks/transparency_and_choice/test_tc018_frontline_cannot_explain.py``.
"""

from __future__ import annotations

from dpup.checkdef import (
    HT,
    MW,
    EvaluationContext,
    Outcome,
    check,
    met,
    needs_review,
    not_met,
    split_facts,
    unrecorded,
)
from dpup.findings import Reviewer, Severity
from dpup.law import Basis
from dpup.model import Activity

__all__ = ["frontline_cannot_explain"]


@check(
    id="TC018",
    name="frontline-cannot-explain",
    principles=(HT, MW),
    basis=Basis.GOOD_PRACTICE,
    severity=Severity.HIGH,
    subject=Activity,
    remediation=(
        "Give frontline staff a short script or FAQ on what is collected, who sees it and "
        "why, train them on it, and name a person they can send harder questions to."
    ),
    tags=("frontline",),
)
def frontline_cannot_explain(activity: Activity, ctx: EvaluationContext) -> Outcome:
    """Frontline staff can explain the information practice, and know whom to ask.

    What it checks:
        What staff have (``frontline``): a script, FAQ or plain explanation
        (``script_or_faq``), training on it (``trained``), and a named contact for
        questions they cannot answer (``named_contact``). All three is met; neither a
        script nor a contact is not met; anything in between needs review.
    Why it matters:
        People ask the person in front of them. DPUP's frontline and manager behaviours
        expect staff to explain what happens to information and to help people have a say;
        "it's not my job, ask someone else" leaves people anxious and can drive them away
        from a service they need.
    How to meet it:
        Write the explanation once, train staff on it, and name a contact (for example the
        privacy officer or service manager) for anything it does not cover.
    References:
        DPUP "This Principle is upheld when you..." behaviours for frontline staff and
        managers (He Tāngata, Mana Whakahaere).
    """
    frontline = activity.frontline
    if frontline is None:
        return unrecorded(
            "what frontline staff have to explain the practice",
            "frontline",
            reviewer=Reviewer.SERVICE_MANAGER,
        )
    facts = {
        "frontline.script_or_faq": frontline.script_or_faq,
        "frontline.trained": frontline.trained,
        "frontline.named_contact": frontline.named_contact,
    }
    if frontline.script_or_faq is False and frontline.named_contact is False:
        return not_met(
            "Frontline staff have neither an explanation to use nor a named contact.",
            "frontline.script_or_faq",
            "frontline.named_contact",
        )
    if all(facts.values()):
        return met("Frontline staff can explain the practice and know whom to ask.", *facts)
    gaps, unknown = split_facts(facts)
    if gaps:
        return needs_review(
            "Frontline staff have only part of what they need to explain the practice.",
            *gaps,
            reviewer=Reviewer.SERVICE_MANAGER,
            settle_with=tuple(f"provide it and record it ({path})" for path in gaps),
        )
    return unrecorded(
        "what frontline staff have to explain the practice",
        *unknown,
        reviewer=Reviewer.SERVICE_MANAGER,
    )
