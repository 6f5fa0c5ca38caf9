"""Sharing Value: develop insights with the people the data comes from, and share them back.

Source: DPUP's Sharing Value guideline (the Value Loop; share the insights) and the funding,
contracting and partnering checklist. See ``docs/guidelines/sharing-value.md``.
"""

from __future__ import annotations

from typing import Any

from dpup.checks._rules import Rule
from dpup.checks._util import unrecorded
from dpup.engine import Check, EvaluationContext, Outcome, check, met, needs_review, not_met
from dpup.findings import Reviewer, Severity
from dpup.law import Basis
from dpup.model import Insight, SharingAgreement
from dpup.policy import Principle

__all__ = ["CHECKS", "RULES"]

_HT = Principle.HE_TANGATA
_MN = Principle.MANAAKITANGA
_MH = Principle.MAHITAHITANGA


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
    id="SV002",
    name="contributors-not-involved",
    principles=(_MH, _MN, _HT),
    basis=Basis.GOOD_PRACTICE,
    severity=Severity.MEDIUM,
    subject=SharingAgreement,
    remediation=(
        "Design the agreement, its data requirements and its measures of success with the "
        "providers and service users whose information it covers."
    ),
    tags=("co-design",),
)
def contributors_not_involved(agreement: SharingAgreement, ctx: EvaluationContext) -> Outcome:
    """The agreement was designed with those who supply the data, including what success means.

    What it checks:
        The agreement records who it was co-designed with (``co_designed_with``) and who
        helped define success (``success_defined_with``).
    Why it matters:
        DPUP's Value Loop asks agencies to involve people who know the circumstances of those
        the data is from, from the start. When one party defines success alone, providers
        fear misread data will cost them their contracts.
    How to meet it:
        Bring providers and service users in before data requirements are fixed, and agree
        with them how success will be judged.
    References:
        DPUP Sharing Value: be inclusive from the start; the funding, contracting and
        partnering checklist (uphold Mahitahitanga). Good practice beyond the law.
    """
    if agreement.co_designed_with is None:
        return unrecorded("who the agreement was designed with", "co_designed_with")
    if not agreement.co_designed_with:
        return not_met(
            "The agreement was designed without those who supply the data.", "co_designed_with"
        )
    if agreement.success_defined_with is None:
        return unrecorded("who helped define success", "success_defined_with")
    if not agreement.success_defined_with:
        return not_met(
            "The agreement was co-designed, but success was defined by one party alone.",
            "success_defined_with",
        )
    return met(
        "The agreement and its measures of success were designed together.", "co_designed_with"
    )


@check(
    id="SV003",
    name="outcomes-not-reported-back",
    principles=(_MH,),
    basis=Basis.GOOD_PRACTICE,
    severity=Severity.LOW,
    subject=SharingAgreement,
    remediation=(
        "Agree that the receiving agency tells providers what their data was used for and "
        "what it led to (decisions, advice, reports)."
    ),
    tags=("share-back",),
)
def outcomes_not_reported_back(agreement: SharingAgreement, ctx: EvaluationContext) -> Outcome:
    """The receiving agency tells providers what their data led to.

    What it checks:
        The agreement says outcomes of using the data are reported back to providers
        (``outcomes_reported_back``).
    Why it matters:
        Without feedback, reporting is a black hole: providers cannot explain to families what
        happens to their information, and nobody learns from it. DPUP's Mahitahitanga
        principle asks for two-way sharing.
    How to meet it:
        Schedule feedback on decisions, advice and reports the data informed.
    References:
        DPUP Mahitahitanga principle; Sharing Value guideline. Good practice beyond the law.
    """
    if agreement.outcomes_reported_back is None:
        return unrecorded("whether outcomes are reported back", "outcomes_reported_back")
    if not agreement.outcomes_reported_back:
        return not_met("Providers are not told what their data led to.", "outcomes_reported_back")
    return met("Outcomes are reported back to providers.", "outcomes_reported_back")


CHECKS: tuple[Check[Any], ...] = (
    no_share_back_plan,
    contributors_not_involved,
    outcomes_not_reported_back,
)

RULES: tuple[Rule, ...] = (
    Rule("SV-01", "Plan to share results back, or a reason not to", ("SV001",)),
    Rule("SV-02", "Contributors involved from the start, including defining success", ("SV002",)),
    Rule("SV-10", "Outcomes of data use fed back to providers", ("SV003",)),
)
"""Sharing Value rules (domain reference section 9.4) and their coverage."""
