"""Sharing Value: develop insights with the people the data comes from, and share them back.

Source: DPUP's Sharing Value guideline (the Value Loop; be inclusive from the start; share the
insights), the Mahitahitanga principle, the funding, contracting and partnering checklist, and
for Māori data the Te Mana Raraunga principles as external guidance. The confidentiality checks
SV007 to SV010 apply Stats NZ / MSD output standards through ``dpup.disclosure_control`` and
live in ``dpup.checks._sharing_confidentiality``. See ``docs/guidelines/sharing-value.md``.
"""

from __future__ import annotations

from typing import Any

from dpup.checks._rules import Rule
from dpup.checks._sharing_agreements import (
    contributors_not_involved,
    duplicate_reporting,
    outcomes_not_reported_back,
    reporting_burden_not_assessed,
    reporting_purposes_mixed,
    research_output_identifiable,
)
from dpup.checks._sharing_confidentiality import (
    derived_statistic_small_base,
    rounding_not_to_standard,
    small_cell_published,
    suppressed_cell_recoverable,
)
from dpup.checks._util import unrecorded
from dpup.engine import (
    Check,
    EvaluationContext,
    Outcome,
    check,
    met,
    needs_review,
    not_applicable,
    not_met,
)
from dpup.findings import Reviewer, Severity
from dpup.law import Basis
from dpup.model import AccessLevel, Framing, GroupDimension, Insight
from dpup.policy import Principle

__all__ = ["CHECKS", "RULES"]

_HT = Principle.HE_TANGATA
_MN = Principle.MANAAKITANGA
_KT = Principle.KAITIAKITANGA
_MH = Principle.MAHITAHITANGA
_IWI = GroupDimension.IWI


@check(
    id="SV001",
    name="no-share-back-plan",
    principles=(_MH, _MN),
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


@check(
    id="SV004",
    name="insight-made-without-contributors",
    principles=(_MH, _MN, _HT),
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


@check(
    id="SV005",
    name="sensitive-groups-not-reviewed",
    principles=(_MN, _MH),
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


@check(
    id="SV006",
    name="deficit-framing",
    principles=(_MN, _HT),
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


@check(
    id="SV011",
    name="access-level-not-chosen",
    principles=(_MH, _KT),
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


@check(
    id="SV016",
    name="maori-data-without-partners",
    principles=(_MN, _MH, _KT),
    basis=Basis.GOOD_PRACTICE,
    severity=Severity.HIGH,
    subject=Insight,
    remediation=(
        "Involve iwi or Māori partners in decisions about Māori data; agree with them where it "
        "is stored and state the collective benefit to Māori."
    ),
    tags=("maori-data",),
)
def maori_data_without_partners(insight: Insight, ctx: EvaluationContext) -> Outcome:
    """Māori data is used with iwi or Māori partners, and their interests are recorded.

    What it checks:
        When the insight is Māori data (``maori_data``, or a breakdown by iwi in
        ``dimensions``), iwi or Māori partners were involved (``maori_partners_involved``).
        Storage outside New Zealand (``stored_offshore``), or no statement of the collective
        benefit to Māori (``collective_benefit_stated``), goes to a Māori adviser.
    Why it matters:
        DPUP asks agencies to work with iwi and Māori as Treaty partners and involve them in
        data decisions that affect them. Te Mana Raraunga's Māori data sovereignty principles
        add that Māori data should serve Māori collectively and be stored where Māori can keep
        authority over it.
    How to meet it:
        Bring iwi or Māori partners into the design, analysis and release decisions; record
        where the data is stored and the collective benefit agreed with them.
    References:
        DPUP Mahitahitanga principle (iwi and Māori as Treaty partners); Te Mana Raraunga
        principles (rangatiratanga, kotahitanga) as external guidance. Good practice beyond
        the law.
    """
    maori = insight.maori_data
    evidence = ["maori_data"]
    if maori is None:
        iwi = [f"dimensions[{i}]" for i, d in enumerate(insight.dimensions or ()) if d is _IWI]
        if iwi:
            # A breakdown by iwi is data about Māori by definition, whatever else is recorded.
            maori, evidence = True, iwi
    if maori is None:
        return unrecorded(
            "whether the insight is Māori data (by or about Māori)",
            "maori_data",
            reviewer=Reviewer.MAORI_ADVISER,
        )
    if not maori:
        return not_applicable("The insight is not Māori data.", "maori_data")
    partners = insight.maori_partners_involved
    if partners is None:
        return unrecorded(
            "whether iwi or Māori partners were involved",
            *evidence,
            "maori_partners_involved",
            reviewer=Reviewer.MAORI_ADVISER,
        )
    if not partners:
        return not_met(
            "Māori data is used without iwi or Māori partners involved.",
            *evidence,
            "maori_partners_involved",
        )
    settle: list[str] = []
    if insight.stored_offshore is None:
        settle.append("record where the underlying data is stored (stored_offshore)")
    elif insight.stored_offshore:
        settle.append("agree with iwi or Māori partners whether storage offshore is acceptable")
    if not insight.collective_benefit_stated:
        settle.append(
            "state the collective benefit to Māori, agreed with partners "
            "(collective_benefit_stated)"
        )
    if settle:
        return needs_review(
            "Iwi or Māori partners are involved; storage or the collective benefit to Māori "
            "still needs their decision.",
            "maori_partners_involved",
            "stored_offshore",
            "collective_benefit_stated",
            reviewer=Reviewer.MAORI_ADVISER,
            settle_with=settle,
        )
    return met(
        "Iwi or Māori partners are involved, the data stays in New Zealand and the collective "
        "benefit is stated.",
        "maori_partners_involved",
        "stored_offshore",
        "collective_benefit_stated",
    )


CHECKS: tuple[Check[Any], ...] = (
    no_share_back_plan,
    contributors_not_involved,
    outcomes_not_reported_back,
    insight_made_without_contributors,
    sensitive_groups_not_reviewed,
    deficit_framing,
    small_cell_published,
    suppressed_cell_recoverable,
    rounding_not_to_standard,
    derived_statistic_small_base,
    access_level_not_chosen,
    research_output_identifiable,
    reporting_purposes_mixed,
    duplicate_reporting,
    reporting_burden_not_assessed,
    maori_data_without_partners,
)

RULES: tuple[Rule, ...] = (
    Rule("SV-01", "Plan to share results back, or a reason not to", ("SV001",)),
    Rule(
        "SV-02",
        "Contributors involved from the start, including defining success",
        ("SV002", "SV004"),
    ),
    Rule("SV-03", "Sensitive group results reviewed with the community first", ("SV005",)),
    Rule("SV-04", "Strengths framing rather than deficit framing", ("SV006",)),
    Rule("SV-05", "Small counts withheld, with secondary suppression", ("SV007", "SV008")),
    Rule("SV-06", "Counts randomly rounded to base 3 as the standard says", ("SV009",)),
    Rule("SV-07", "Derived statistics not built on small counts", ("SV010",)),
    Rule("SV-08", "Access level chosen on purpose; open data licensed", ("SV011",)),
    Rule("SV-09", "Research disclosures kept from identifiable publication", ("SV012",)),
    Rule("SV-10", "Outcomes of data use fed back to providers", ("SV003",)),
    Rule("SV-11", "Little burden and no duplicate collection", ("SV014", "SV015")),
    Rule("SV-12", "Māori data used with iwi or Māori partners", ("SV016",)),
)
"""Sharing Value rules (domain reference section 9.4) and their coverage.

SV013 (evaluation and service reporting routed apart) has no rule of its own here: it carries
out the "Best foot forward" journey's purpose separation, which the reference files under
Purpose Matters (PM-20, access limited by purpose).
"""
