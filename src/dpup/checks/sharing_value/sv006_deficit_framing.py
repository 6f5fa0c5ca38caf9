"""SV006 deficit-framing: a Sharing Value check.

Findings about people are framed around strengths, not deficits.

Documented in ``docs/checks.md`` and ``docs/guidelines/sharing-value.md``; its cases are
in ``tests/checks/sharing_value/test_sv006_deficit_framing.py``.
"""

from __future__ import annotations

from dpup.checkdef import (
    HT,
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
from dpup.model import Framing, Insight

__all__ = ["deficit_framing"]


@check(
    id="SV006",
    name="deficit-framing",
    principles=(MN, HT),
    basis=Basis.GOOD_PRACTICE,
    severity=Severity.MEDIUM,
    subject=Insight,
    remediation=(
        "Frame findings around strengths and development, and test any deficit framing with "
        "the communities it describes."
    ),
    tags=("sensitive",),
)
def deficit_framing(insight: Insight, ctx: EvaluationContext) -> Outcome:
    """Findings about people are framed around strengths, not deficits.

    What it checks:
        The recorded ``framing`` is strengths-based or neutral. Deficit framing that the
        communities concerned have not reviewed (``community_review_done``) fails; deficit
        framing they reviewed goes to a person to confirm.
    Why it matters:
        DPUP's getting-started questions ask whether work enhances mana, with a development or
        strengths focus rather than deficits. Deficit framing can stigmatise a community and
        feed targeting, profiling or prejudice.
    How to meet it:
        Describe what is working and what people are achieving; where a gap must be reported,
        agree the framing with the communities concerned.
    References:
        DPUP Sharing Value: getting-started questions; Manaakitanga and He Tāngata
        principles. Good practice beyond the law.
    """
    framing = insight.framing
    if framing is None:
        return unrecorded(
            "how findings about people are framed", "framing", reviewer=Reviewer.SERVICE_MANAGER
        )
    if framing is not Framing.DEFICIT:
        return met("Findings are framed around strengths or neutrally.", "framing")
    if insight.community_review_done is False:
        return not_met(
            "Findings are framed around deficits, and the communities concerned did not review "
            "them.",
            "framing",
            "community_review_done",
        )
    return needs_review(
        "Findings are framed around deficits.",
        "framing",
        "community_review_done",
        reviewer=Reviewer.SERVICE_MANAGER,
        settle_with=(
            "confirm with the communities concerned that the framing is fair and upholds their "
            "mana, or reframe around strengths (framing)",
        ),
    )
