"""TC012 no-choice-on-capture-or-access: a Transparency and Choice check.

People get choices about how information is captured and who can see it.

Documented in ``docs/checks.md`` and ``docs/guidelines/transparency-and-choice.md``; its cases are
in ``tests/checks/transparency_and_choice/test_tc012_no_choice_on_capture_or_access.py``.
"""

from __future__ import annotations

from collections.abc import Set

from dpup.checkdef import (
    MN,
    MW,
    EvaluationContext,
    Outcome,
    check,
    met,
    needs_review,
    not_met,
    unrecorded,
)
from dpup.facts import indexed, many
from dpup.findings import Reviewer, Severity
from dpup.law import Basis
from dpup.model import Activity, ChoiceScope, Collection

__all__ = ["no_choice_on_capture_or_access"]


_CAPTURE_SCOPES = frozenset({ChoiceScope.CAPTURE})


_ACCESS_SCOPES = frozenset({ChoiceScope.ACCESS, ChoiceScope.RECIPIENTS})


def _choice_scopes(activity: Activity) -> frozenset[ChoiceScope | None]:
    return frozenset(c.scope for c in activity.choices)


@check(
    id="TC012",
    name="no-choice-on-capture-or-access",
    principles=(MW, MN),
    basis=Basis.GOOD_PRACTICE,
    severity=Severity.MEDIUM,
    subject=Collection,
    remediation=(
        "Even where providing information is compulsory, let people choose how it is "
        "captured (they write it, or staff do) and record and honour their wishes about "
        "who may see it."
    ),
    tags=("choice",),
)
def no_choice_on_capture_or_access(
    collection: Collection, ctx: EvaluationContext
) -> Outcome | None:
    """People get choices about how information is captured and who can see it.

    What it checks:
        Whether people may choose how their information is captured
        (``notice.capture_choice_offered``, or a recorded choice with scope "capture") and
        may limit who sees it (``notice.access_restriction_choice_offered``, or a recorded
        choice with scope "access" or "recipients"). Both is met; neither is not met; only
        one needs review.
    Why it matters:
        DPUP says that even when people have no choice about providing information, they
        can usually be offered choices about how it is taken down and who can see or use
        it, and those wishes should be recorded and honoured.
    How to meet it:
        Offer a choice of form, conversation or self-completion, and ask and record who the
        person does not want to see their information.
    References:
        DPUP Transparency and Choice: offer choices when you can; Mana Whakahaere principle.
    """
    notice = collection.notice
    activity = ctx.activity
    scopes: Set[ChoiceScope | None]
    if activity is None:
        scopes = set()
    elif many(activity.choices):
        scopes = indexed(activity, _choice_scopes)  # collections x choices, once per activity
    else:
        scopes = _choice_scopes(activity)
    capture = notice.capture_choice_offered if notice is not None else None
    access = notice.access_restriction_choice_offered if notice is not None else None
    if scopes & _CAPTURE_SCOPES:
        capture = True
    if scopes & _ACCESS_SCOPES:
        access = True
    paths = ("notice.capture_choice_offered", "notice.access_restriction_choice_offered")
    if capture and access:
        return met("People may choose how information is captured and who sees it.", *paths)
    if capture is False and access is False:
        return not_met(
            "People are offered no choice about how information is captured or who sees it.",
            *paths,
        )
    if capture is False or access is False:
        return needs_review(
            "People are offered only one of the two choices: how information is captured, "
            "and who sees it.",
            *paths,
            reviewer=Reviewer.PRACTICE_LEAD,
            settle_with=(
                "offer the missing choice, or record why it is unsafe or not feasible "
                "(notice.capture_choice_offered, notice.access_restriction_choice_offered)",
            ),
        )
    if notice is None:
        return None  # TC026 asks for a missing notice, once for every notice check
    unknown = [path for path, fact in ((paths[0], capture), (paths[1], access)) if fact is None]
    return unrecorded(
        "whether people may choose how information is captured and who sees it", *unknown
    )
