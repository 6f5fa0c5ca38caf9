"""SV004 insight-made-without-contributors: a Sharing Value check.

The insight was shaped with those the data came from, with context beside the numbers.

Documented in ``docs/checks.md`` and ``docs/guidelines/sharing-value.md``; its cases are
in ``tests/checks/sharing_value/test_sv004_insight_made_without_contributors.py``.
"""

from __future__ import annotations

from dpup.checkdef import (
    HT,
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

__all__ = ["insight_made_without_contributors"]


@check(
    id="SV004",
    name="insight-made-without-contributors",
    principles=(MH, MN, HT),
    basis=Basis.GOOD_PRACTICE,
    severity=Severity.MEDIUM,
    subject=Insight,
    remediation=(
        "Bring the people and providers the data came from into the work from the start, "
        "including deciding what success means, and put their context beside the numbers."
    ),
    tags=("co-design",),
)
def insight_made_without_contributors(insight: Insight, ctx: EvaluationContext) -> Outcome:
    """The insight was shaped with those the data came from, with context beside the numbers.

    What it checks:
        Those the data came from (service users, whānau, providers) were involved from the
        start, including in deciding what success means (``contributors_involved_from_start``),
        and qualitative context sits beside the numbers (``qualitative_context``).
    Why it matters:
        DPUP's Value Loop asks for people who know the circumstances behind the data from start
        to finish, even when the data is only used in non-personal form: they know which
        questions matter, what the numbers mean and how they could be misread. Numbers without
        their stories miss the Value Loop's "Right Information".
    How to meet it:
        Invite providers and service users to help frame the questions, analyse the data and
        decide how to report it; record the context they add.
    References:
        DPUP Sharing Value: the Value Loop and "be inclusive from the start"; the Mahitahitanga
        principle. Good practice beyond the law.
    """
    involved = insight.contributors_involved_from_start
    if involved is None:
        return unrecorded(
            "whether those the data came from helped shape the insight from the start",
            "contributors_involved_from_start",
            reviewer=Reviewer.SERVICE_MANAGER,
        )
    if not involved:
        return not_met(
            "The insight was developed without the people and providers the data came from.",
            "contributors_involved_from_start",
        )
    context = insight.qualitative_context
    if context is None:
        return unrecorded(
            "whether qualitative context sits beside the numbers",
            "qualitative_context",
            reviewer=Reviewer.SERVICE_MANAGER,
        )
    if not context:
        return needs_review(
            "Contributors were involved, but no qualitative context sits beside the numbers.",
            "qualitative_context",
            reviewer=Reviewer.SERVICE_MANAGER,
            settle_with=(
                "decide with contributors what context the numbers need, add it, and record it "
                "(qualitative_context)",
            ),
        )
    return met(
        "Contributors shaped the insight from the start, and context sits beside the numbers.",
        "contributors_involved_from_start",
        "qualitative_context",
    )
