"""AI019 no-regular-check-ins: a Access to Information check.

Staff check in regularly about people's information, or people can update it themselves.

Documented in ``docs/checks.md`` and ``docs/guidelines/access-to-information.md``; its cases are
in ``tests/checks/access_to_information/test_ai019_no_regular_check_ins.py``.
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

__all__ = ["no_regular_check_ins"]


@check(
    id="AI019",
    name="no-regular-check-ins",
    principles=(MW,),
    basis=Basis.GOOD_PRACTICE,
    severity=Severity.LOW,
    subject=AccessPractice,
    remediation=(
        "Check in with people regularly about whether their information is still right, or "
        "let them update it themselves."
    ),
    tags=("accuracy",),
)
def no_regular_check_ins(practice: AccessPractice, ctx: EvaluationContext) -> Outcome:
    """Staff check in regularly about people's information, or people can update it themselves.

    What it checks:
        Check-ins happen at least as often as ``Settings.check_in_interval_days``
        (``check_in_interval_days``). Without that, people being able to update some of their
        information themselves (``self_correction``) is sent for review; with neither, it is
        not met.
    Why it matters:
        Circumstances change and records age. DPUP asks agencies to check in about updates,
        and where possible let people change their own details, so decisions rest on current
        information.
    How to meet it:
        Set a check-in rhythm (for example at each review) or offer self-service updates.
    References:
        DPUP Access to Information: help people to ask for their information. Good practice
        beyond the law; supports IPP8 (accuracy).
    """
    interval = practice.check_in_interval_days
    limit = ctx.settings.check_in_interval_days
    if interval is not None and interval <= limit:
        return met("Staff check in about people's information regularly.", "check_in_interval_days")
    self_update = practice.self_correction
    if self_update:
        return needs_review(
            "People can update their information themselves, but regular check-ins are not "
            "recorded.",
            "check_in_interval_days",
            "self_correction",
            reviewer=Reviewer.SERVICE_MANAGER,
            settle_with=(
                "confirm self-updating covers what check-ins would, or record the "
                "check-in interval (check_in_interval_days)",
            ),
        )
    if interval is None:
        return unrecorded(
            "how often staff check in about people's information",
            "check_in_interval_days",
            reviewer=Reviewer.SERVICE_MANAGER,
        )
    if self_update is None:
        return unrecorded(
            "whether people can update their information themselves",
            "self_correction",
            reviewer=Reviewer.SERVICE_MANAGER,
        )
    return not_met(
        "Check-ins are less frequent than expected and people cannot update their information.",
        "check_in_interval_days",
        "self_correction",
    )
