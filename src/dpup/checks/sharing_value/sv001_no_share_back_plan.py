"""SV001 no-share-back-plan: a Sharing Value check.

Results are planned to go back to those the data came from, or a reason is recorded.

Documented in ``docs/checks.md`` and ``docs/guidelines/sharing-value.md``; its cases are
in ``tests/checks/sharing_value/test_sv001_no_share_back_plan.py``.
"""

from __future__ import annotations

from dpup.checkdef import (
    MH,
    MN,
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
from dpup.model import Insight

__all__ = ["no_share_back_plan"]


@check(
    id="SV001",
    name="no-share-back-plan",
    principles=(MH, MN),
    basis=Basis.GOOD_PRACTICE,
    severity=Severity.MEDIUM,
    subject=Insight,
    remediation=(
        "Plan who the results go back to (the people, communities and providers the data "
        "came from) and how, or record why they will not be shared."
    ),
    tags=("share-back",),
)
def no_share_back_plan(insight: Insight, ctx: EvaluationContext) -> Outcome:
    """Results are planned to go back to those the data came from, or a reason is recorded.

    What it checks:
        The insight names who results will be shared back with (``share_back_with``), or
        records why they will not be (``non_share_reason``).
    Why it matters:
        DPUP expects whoever holds insights to plan to share them by default, and to give the
        reason (legal, safety, cultural or other) when they will not. Data that only flows one
        way leaves communities feeling mined rather than served.
    How to meet it:
        Name the contributors and communities results go back to, and the form they will
        take; or record the reason for not sharing.
    References:
        DPUP Sharing Value: share the insights; the quick check-in. Good practice beyond the
        law.
    """
    if insight.share_back_with:
        return met("Results will be shared back.", "share_back_with")
    if insight.non_share_reason is not None:
        return needs_review(
            "Results will not be shared back, for a recorded reason.",
            "non_share_reason",
            reviewer=Reviewer.SERVICE_MANAGER,
            settle_with=("confirm the reason for not sharing back still holds",),
        )
    if insight.share_back_with is None:
        return unrecorded("who results will be shared back with", "share_back_with")
    return not_met("No one is to receive the results, and no reason is given.", "share_back_with")
