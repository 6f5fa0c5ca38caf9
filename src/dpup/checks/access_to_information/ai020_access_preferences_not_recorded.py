"""AI020 access-preferences-not-recorded: a Access to Information check.

People's preferences for how they see their information are recorded and followed.

Documented in ``docs/checks.md`` and ``docs/guidelines/access-to-information.md``; its cases are
in ``tests/checks/access_to_information/test_ai020_access_preferences_not_recorded.py``.
"""

from __future__ import annotations

from dpup.checkdef import (
    MW,
    EvaluationContext,
    Outcome,
    check,
    met,
    needs_review,
    not_met,
    unrecorded,
)
from dpup.findings import Reviewer, Severity
from dpup.law import Basis
from dpup.model import AccessPractice

__all__ = ["access_preferences_not_recorded"]


@check(
    id="AI020",
    name="access-preferences-not-recorded",
    principles=(MW,),
    basis=Basis.GOOD_PRACTICE,
    severity=Severity.LOW,
    subject=AccessPractice,
    remediation=(
        "Ask people how they would like to see their information (in person, by email, a "
        "printout, with a support person) and follow what they say."
    ),
    tags=("preferences", "cross-object"),
)
def access_preferences_not_recorded(practice: AccessPractice, ctx: EvaluationContext) -> Outcome:
    """People's preferences for how they see their information are recorded and followed.

    What it checks:
        Access preferences are recorded (``preferences_recorded``) and, across the activity's
        access requests, followed (``access_requests[].preference_followed``). A request
        where the preference was not followed is sent for review, since there can be good
        reason (for example safety).
    Why it matters:
        DPUP notes that people may not know they can say how they want to access their
        information. Asking, and honouring the answer, is part of giving them control.
    How to meet it:
        Add an access-preference field to intake and check it before responding.
    References:
        DPUP Access to Information: why the guideline matters. Good practice beyond the law.
    """
    recorded = practice.preferences_recorded
    if recorded is None:
        return unrecorded(
            "whether access preferences are recorded",
            "preferences_recorded",
            reviewer=Reviewer.SERVICE_MANAGER,
        )
    if not recorded:
        return not_met("People's access preferences are not recorded.", "preferences_recorded")
    requests = ctx.activity.access_requests if ctx.activity is not None else ()
    ignored = [
        f"$.access_requests[{i}].preference_followed"
        for i, r in enumerate(requests)
        if r.preference_followed is False
    ]
    if ignored:
        return needs_review(
            "Preferences are recorded, but some responses did not follow them.",
            "preferences_recorded",
            *ignored,
            reviewer=Reviewer.SERVICE_MANAGER,
            settle_with=("record why the preference could not be followed",),
        )
    return met("Access preferences are recorded and followed.", "preferences_recorded")
