"""SV011 access-level-not-chosen: a Sharing Value check.

The access level is chosen on purpose, and open data is licensed and safe to open.

Documented in ``docs/checks.md`` and ``docs/guidelines/sharing-value.md``; its cases are
in ``tests/checks/sharing_value/test_sv011_access_level_not_chosen.py``.
"""

from __future__ import annotations

from dpup.checkdef import (
    KT,
    MH,
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
from dpup.model import AccessLevel, Insight

__all__ = ["access_level_not_chosen"]


@check(
    id="SV011",
    name="access-level-not-chosen",
    principles=(MH, KT),
    basis=Basis.GOOD_PRACTICE,
    severity=Severity.MEDIUM,
    subject=Insight,
    remediation=(
        "Choose who may see the insight on purpose (own team, those involved, wider "
        "stakeholders or open data); license open data under Creative Commons, and release "
        "sensitive insights openly only after the communities concerned review them."
    ),
    tags=("share-back", "open-data"),
)
def access_level_not_chosen(insight: Insight, ctx: EvaluationContext) -> Outcome:
    """The access level is chosen on purpose, and open data is licensed and safe to open.

    What it checks:
        An ``access_level`` is recorded. For open data, the insight is recorded as not
        ``sensitive`` or the communities concerned reviewed it (``community_review_done``),
        and the ``licence`` is Creative Commons (wording in
        ``Settings.open_licence_phrases``); another licence goes to a data steward.
    Why it matters:
        DPUP's Sharing Value guideline sets out levels of access, from the team's own final
        report to open structured data, and asks that the level suit the insight. Open data
        without a licence leaves others unsure whether they may reuse it; sensitive insights
        opened without review can harm the groups they describe.
    How to meet it:
        Record the access level; for open release, use a Creative Commons licence as NZGOAL
        recommends and review sensitive results with the communities first.
    References:
        DPUP Sharing Value: share the insights (access levels; open data under NZGOAL);
        Mahitahitanga and Kaitiakitanga principles. Good practice beyond the law.
    """
    level = insight.access_level
    if level is None:
        return unrecorded(
            "who may see the insight (its access level)",
            "access_level",
            reviewer=Reviewer.DATA_STEWARD,
        )
    if level is not AccessLevel.OPEN:
        return met("The access level is recorded, short of open release.", "access_level")
    if insight.sensitive is None:
        return unrecorded(
            "whether the insight is sensitive, before it is released as open data",
            "sensitive",
            reviewer=Reviewer.DATA_STEWARD,
        )
    if insight.sensitive and not insight.community_review_done:
        if insight.community_review_done is None:
            return unrecorded(
                "whether the communities concerned reviewed this sensitive open release",
                "community_review_done",
                reviewer=Reviewer.DATA_STEWARD,
            )
        return not_met(
            "A sensitive insight is released as open data without review by the communities "
            "concerned.",
            "access_level",
            "sensitive",
            "community_review_done",
        )
    licence = insight.licence
    if licence is None:
        return unrecorded("the licence for open release", "licence", reviewer=Reviewer.DATA_STEWARD)
    if not licence.strip():
        return not_met("Open data is released without a licence.", "access_level", "licence")
    if ctx.settings.open_licence_phrases.search(licence):
        return met("Open data carries a Creative Commons licence.", "access_level", "licence")
    return needs_review(
        "Open data carries a licence not recognised as Creative Commons.",
        "licence",
        reviewer=Reviewer.DATA_STEWARD,
        settle_with=("confirm the licence is open and fits NZGOAL, or use CC BY (licence)",),
    )
