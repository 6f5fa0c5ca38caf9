"""SV005 sensitive-groups-not-reviewed: a Sharing Value check.

Results about sensitive groups are reviewed with the communities concerned before release.

Documented in ``docs/checks.md`` and ``docs/guidelines/sharing-value.md``; its cases are
in ``tests/checks/sharing_value/test_sv005_sensitive_groups_not_reviewed.py``.
"""

from __future__ import annotations

from dpup.checkdef import (
    MH,
    MN,
    EvaluationContext,
    Outcome,
    check,
    met,
    not_applicable,
    not_met,
    unrecorded,
)
from dpup.findings import Reviewer, Severity
from dpup.law import Basis
from dpup.model import Insight

__all__ = ["sensitive_groups_not_reviewed"]


@check(
    id="SV005",
    name="sensitive-groups-not-reviewed",
    principles=(MN, MH),
    basis=Basis.GOOD_PRACTICE,
    severity=Severity.MEDIUM,
    subject=Insight,
    remediation=(
        "Before release, review results about ethnic, iwi, disability, small-locality or "
        "similar groups with the communities concerned, and act on what they say."
    ),
    tags=("sensitive",),
)
def sensitive_groups_not_reviewed(insight: Insight, ctx: EvaluationContext) -> Outcome:
    """Results about sensitive groups are reviewed with the communities concerned before release.

    What it checks:
        When the insight breaks people into a sensitive group (``dimensions`` such as
        ethnicity, iwi, Pacific, disability, small locality, health or justice status) or is
        recorded as ``sensitive``, the communities concerned reviewed it before release
        (``community_review_done``). An insight with neither is not applicable.
    Why it matters:
        DPUP calls information sensitive when it could be misunderstood or misused in a way
        that harms or embarrasses a group or community. The people in that group are best
        placed to see how results could be misread, and the quick check-in asks agencies to
        guard against misinterpretation of culturally valuable information.
    How to meet it:
        Share draft results with community representatives (for example through evaluation
        workshops) and record that they reviewed them.
    References:
        DPUP Sharing Value: definition of sensitive information; getting-started questions
        (would the community support this use?); the quick check-in; Manaakitanga principle.
        Good practice beyond the law.
    """
    dimensions = insight.dimensions
    triggers = [f"dimensions[{i}]" for i, d in enumerate(dimensions or ()) if d.sensitive]
    if insight.sensitive:
        triggers.append("sensitive")
    if not triggers:
        missing = [
            path
            for path, value in (("dimensions", dimensions), ("sensitive", insight.sensitive))
            if value is None
        ]
        if missing:
            return unrecorded(
                "how the insight groups people and whether it is sensitive",
                *missing,
                reviewer=Reviewer.SERVICE_MANAGER,
            )
        return not_applicable(
            "The insight is not sensitive and groups people by nothing sensitive.",
            "dimensions",
            "sensitive",
        )
    reviewed = insight.community_review_done
    if reviewed is None:
        return unrecorded(
            "whether the communities concerned reviewed the results",
            *triggers,
            "community_review_done",
            reviewer=Reviewer.SERVICE_MANAGER,
        )
    if not reviewed:
        return not_met(
            "Results about a sensitive group are released without review by that community.",
            *triggers,
            "community_review_done",
        )
    return met(
        "The communities concerned reviewed the results before release.",
        *triggers,
        "community_review_done",
    )
