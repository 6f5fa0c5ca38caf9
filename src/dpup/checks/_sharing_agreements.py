"""Sharing Value checks on agreements and disclosures (SV002, SV003, SV012 to SV015).

Split from ``dpup.checks.sharing`` to keep modules small; that module's ``CHECKS`` table lists
these checks. Source: DPUP's Sharing Value guideline, the Mahitahitanga principle, the funding,
contracting and partnering checklist, and the Privacy Act 2020 (IPP10, IPP11) for research.
"""

from __future__ import annotations

from dpup._text import normalise
from dpup.checks._util import unrecorded
from dpup.engine import (
    EvaluationContext,
    Outcome,
    check,
    met,
    needs_review,
    not_applicable,
    not_met,
)
from dpup.findings import Reviewer, Severity
from dpup.law import Basis, LegalRef
from dpup.model import Disclosure, ReportingKind, SharingAgreement, SharingGround
from dpup.policy import Principle

__all__ = [
    "contributors_not_involved",
    "duplicate_reporting",
    "outcomes_not_reported_back",
    "reporting_burden_not_assessed",
    "reporting_purposes_mixed",
    "research_output_identifiable",
]

_HT = Principle.HE_TANGATA
_MN = Principle.MANAAKITANGA
_KT = Principle.KAITIAKITANGA
_MH = Principle.MAHITAHITANGA

# Reporting whose purpose is learning about the programme, as opposed to accounting for it.
_ANALYTIC = frozenset({ReportingKind.EVALUATION, ReportingKind.RESEARCH})


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


@check(
    id="SV012",
    name="research-output-identifiable",
    principles=(_KT,),
    basis=Basis.LAW,
    legal_refs=(LegalRef.IPP10, LegalRef.IPP11),
    severity=Severity.HIGH,
    subject=Disclosure,
    remediation=(
        "Before sending information for statistics or research, get the recipient's "
        "undertaking not to publish anything that identifies people, and check outputs for "
        "disclosure risk before they are released."
    ),
    tags=("research", "confidentiality"),
)
def research_output_identifiable(disclosure: Disclosure, ctx: EvaluationContext) -> Outcome:
    """A disclosure for statistics or research is protected from identifiable publication.

    What it checks:
        For a disclosure on the statistical or research ground (``ground``), the recipient
        undertook not to publish in identifiable form (``research_undertaking``) and outputs
        are checked for disclosure risk before release (``output_controls``). MET means the
        publication safeguard is recorded; whether the research ground otherwise fits is a
        separate judgement for a legal adviser.
    Why it matters:
        The Privacy Act lets an agency use or disclose information for statistical or research
        purposes only on reasonable grounds that it will not be published in a form that could
        identify people. A recipient's undertaking, backed by output checking (small-cell
        suppression, rounding), is how an agency shows those grounds.
    How to meet it:
        Put the undertaking in the data-sharing agreement and require outputs to pass a
        confidentiality check (for example ``dpup.disclosure_control.audit``) before release.
    References:
        Privacy Act 2020, IPP10 and IPP11 (the statistics and research exception). DPUP
        Kaitiakitanga and Mahitahitanga principles (guard against re-identification).
    """
    if disclosure.ground is not SharingGround.STATISTICAL_RESEARCH:
        return not_applicable(
            "The disclosure is not recorded as relying on the statistics or research ground.",
            "ground",
        )
    undertaking = disclosure.research_undertaking
    if undertaking is None:
        return unrecorded(
            "whether the recipient undertook not to publish in identifiable form",
            "research_undertaking",
            reviewer=Reviewer.LEGAL_ADVISER,
        )
    if not undertaking:
        return not_met(
            "Information goes out for research without an undertaking not to publish it in "
            "identifiable form.",
            "ground",
            "research_undertaking",
        )
    controls = disclosure.output_controls
    if controls is None:
        return unrecorded(
            "whether outputs are checked for disclosure risk before release",
            "output_controls",
            reviewer=Reviewer.LEGAL_ADVISER,
        )
    if not controls:
        return needs_review(
            "The recipient gave an undertaking, but outputs are not checked before release.",
            "research_undertaking",
            "output_controls",
            reviewer=Reviewer.LEGAL_ADVISER,
            settle_with=(
                "decide whether the undertaking alone gives reasonable grounds that nothing "
                "identifiable will be published, or require output checking (output_controls)",
            ),
        )
    return met(
        "The recipient undertook not to publish in identifiable form, and outputs are checked.",
        "research_undertaking",
        "output_controls",
    )


def _part(name: str) -> str:
    """Normalise a recipient part's name so spelling and case do not hide a match."""
    return normalise(name)


@check(
    id="SV013",
    name="reporting-purposes-mixed",
    principles=(_KT, _MH),
    basis=Basis.GOOD_PRACTICE,
    severity=Severity.MEDIUM,
    subject=SharingAgreement,
    remediation=(
        "Send evaluation or research data to a different part of the recipient from "
        "service-delivery and accountability reporting, and record who receives each."
    ),
    tags=("purpose-separation",),
)
def reporting_purposes_mixed(agreement: SharingAgreement, ctx: EvaluationContext) -> Outcome:
    """Evaluation data and service-delivery reporting go to different parts of the recipient.

    What it checks:
        When an agreement asks for evaluation or research reporting and also service-delivery,
        compliance, contract or monitoring reporting (``reporting``), its ``routes`` send the
        two to different parts of the recipient, and every kind has a recorded route.
    Why it matters:
        Data given to help evaluate a programme should not drift into decisions about a
        provider's contract or a family's service. Sending each kind to the team that needs it
        keeps each use to its purpose and lets providers tell families who sees what, as in
        the CCSS "Best foot forward" journey.
    How to meet it:
        Name, in the agreement, the part of the agency that receives each kind of reporting;
        keep evaluation data with the evaluators.
    References:
        DPUP Sharing Value and Purpose Matters; the funding, contracting and partnering
        checklist; the "Best foot forward" service provider journey. Good practice beyond the
        law (IPP5 and IPP10 sit underneath).
    """
    kinds = agreement.reporting
    if kinds is None:
        return unrecorded(
            "the kinds of reporting the agreement asks for",
            "reporting",
            reviewer=Reviewer.CONTRACT_MANAGER,
        )
    analytic = {kind for kind in kinds if kind in _ANALYTIC}
    accountable = {kind for kind in kinds if kind.accountability}
    if not analytic or not accountable:
        return not_applicable(
            "The agreement does not combine evaluation or research with service reporting.",
            "reporting",
        )
    routes = agreement.routes
    if routes is None:
        return unrecorded(
            "which part of the recipient receives each kind of reporting",
            "routes",
            reviewer=Reviewer.CONTRACT_MANAGER,
        )
    analytic_parts = {_part(r.recipient_part) for r in routes if r.kind in _ANALYTIC}
    shared = [
        f"routes[{i}]"
        for i, route in enumerate(routes)
        if route.kind.accountability and _part(route.recipient_part) in analytic_parts
    ]
    if shared:
        return not_met(
            "Evaluation or research data goes to the same part of the recipient as service "
            "reporting.",
            "routes",
            *shared,
        )
    routed = {route.kind for route in routes}
    if not (analytic | accountable) <= routed:
        return needs_review(
            "Not every kind of reporting has a recorded recipient.",
            "reporting",
            "routes",
            reviewer=Reviewer.CONTRACT_MANAGER,
            settle_with=(
                "record which part of the recipient receives each kind of reporting (routes)",
            ),
        )
    return met("Evaluation and service reporting go to different parts of the recipient.", "routes")


@check(
    id="SV014",
    name="duplicate-reporting",
    principles=(_MH, _MN),
    basis=Basis.GOOD_PRACTICE,
    severity=Severity.LOW,
    subject=SharingAgreement,
    remediation=(
        "Reuse information already collected instead of asking providers or families for it "
        "again; where duplication cannot be avoided, record why."
    ),
    tags=("burden",),
)
def duplicate_reporting(agreement: SharingAgreement, ctx: EvaluationContext) -> Outcome:
    """The agreement does not collect again what is already collected, without a reason.

    What it checks:
        ``duplicate_collection`` is false; where it is true, ``duplicate_reason`` says why
        (and a person confirms the reason holds).
    Why it matters:
        Mahitahitanga asks agencies to cut duplication and the burden on those who collect or
        provide information. Collecting the same facts twice costs providers time that
        belongs to families, and asks people to tell their story again.
    How to meet it:
        Check what the agency and other parties already hold before adding reporting fields;
        record the reason for any duplication that remains.
    References:
        DPUP Mahitahitanga principle (cut duplication and burden); manager behaviours (keep
        reporting easy). Good practice beyond the law.
    """
    duplicate = agreement.duplicate_collection
    if duplicate is None:
        return unrecorded(
            "whether the agreement collects information already collected another way",
            "duplicate_collection",
            reviewer=Reviewer.CONTRACT_MANAGER,
        )
    if not duplicate:
        return met("The agreement collects nothing already collected.", "duplicate_collection")
    reason = agreement.duplicate_reason
    if reason is None or not reason.strip():
        return not_met(
            "The agreement collects information again with no recorded reason.",
            "duplicate_collection",
            "duplicate_reason",
        )
    return needs_review(
        "The agreement collects information again, for a recorded reason.",
        "duplicate_collection",
        "duplicate_reason",
        reviewer=Reviewer.CONTRACT_MANAGER,
        settle_with=("confirm the duplication is needed and cannot be met by sharing",),
    )


@check(
    id="SV015",
    name="reporting-burden-not-assessed",
    principles=(_MH, _MN),
    basis=Basis.GOOD_PRACTICE,
    severity=Severity.LOW,
    subject=SharingAgreement,
    remediation=(
        "Assess, with providers, the time and cost the reporting asks of them, and trim "
        "what does not earn its keep."
    ),
    tags=("burden",),
)
def reporting_burden_not_assessed(agreement: SharingAgreement, ctx: EvaluationContext) -> Outcome:
    """The reporting burden on providers was assessed.

    What it checks:
        ``burden_assessed`` is true.
    Why it matters:
        DPUP asks agencies to account for the resources and costs of those they rely on to
        collect data, and to keep reporting easy. An unassessed burden tends to grow until it
        crowds out the service itself.
    How to meet it:
        Work out with providers what each reporting field costs them and whether it is used;
        record that the assessment was done.
    References:
        DPUP Mahitahitanga principle (account for the resources and costs of other agencies;
        cut burden). Good practice beyond the law.
    """
    assessed = agreement.burden_assessed
    if assessed is None:
        return unrecorded(
            "whether the reporting burden on providers was assessed",
            "burden_assessed",
            reviewer=Reviewer.CONTRACT_MANAGER,
        )
    if not assessed:
        return not_met("The reporting burden on providers was not assessed.", "burden_assessed")
    return met("The reporting burden on providers was assessed.", "burden_assessed")
