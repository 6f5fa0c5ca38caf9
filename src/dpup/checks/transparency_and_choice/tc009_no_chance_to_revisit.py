"""TC009 no-chance-to-revisit: a Transparency and Choice check.

People who arrive in crisis, and young people, get later chances to revisit.

Documented in ``docs/checks.md`` and ``docs/guidelines/transparency-and-choice.md``; its cases are
in ``tests/checks/transparency_and_choice/test_tc009_no_chance_to_revisit.py``.
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
from dpup.findings import Severity
from dpup.law import Basis
from dpup.model import Collection

__all__ = ["no_chance_to_revisit"]


@check(
    id="TC009",
    name="no-chance-to-revisit",
    principles=(MW, MN),
    basis=Basis.GOOD_PRACTICE,
    severity=Severity.MEDIUM,
    subject=Collection,
    remediation=(
        "Plan later chances to go over the explanation again, for example at a later session "
        "or review, especially for people who arrive in crisis and for young people."
    ),
    tags=("notice", "audience"),
)
def no_chance_to_revisit(collection: Collection, ctx: EvaluationContext) -> Outcome | None:
    """People who arrive in crisis, and young people, get later chances to revisit.

    What it checks:
        Whether the notice offers later chances to go over it again
        (``notice.revisit_offered``). Offered is met. Where the audience arrives in crisis
        or includes children (``audience.crisis_context``, ``audience.children``), not
        offering them is not met; elsewhere the check does not apply.
    Why it matters:
        DPUP notes that people in crisis, such as victims of crime, may not take things in
        at first but often want to know later, and that young people engage more as their
        capacity grows. One explanation at intake is not enough for them.
    How to meet it:
        Build a check-in into later sessions or reviews, and say so at the start.
    References:
        DPUP Transparency and Choice: why DPUP has the guideline; match the approach to the
        context (multiple opportunities).
    """
    audience = ctx.activity.audience if ctx.activity is not None else None
    crisis = audience.crisis_context if audience is not None else None
    children = audience.children if audience is not None else None
    needed = bool(crisis or children)
    not_needed = crisis is False and children is False
    notice = collection.notice
    revisit = notice.revisit_offered if notice is not None else None
    if revisit:
        return met("People get later chances to revisit the explanation.", "notice.revisit_offered")
    if not_needed:
        return not_applicable("The audience is not in crisis and includes no children.")
    if notice is None:
        return None  # TC026 asks for a missing notice, once for every notice check
    if revisit is None:
        return unrecorded("whether people get later chances to revisit", "notice.revisit_offered")
    if needed:
        return not_met(
            "People arrive in crisis or are young, and get no later chance to revisit.",
            "notice.revisit_offered",
            "$.audience",
        )
    return unrecorded(
        "whether people arrive in crisis or include children",
        "$.audience.crisis_context",
        "$.audience.children",
    )
