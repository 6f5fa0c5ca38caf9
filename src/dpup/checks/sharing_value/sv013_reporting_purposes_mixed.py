"""SV013 reporting-purposes-mixed: a Sharing Value check.

Evaluation data and service-delivery reporting go to different parts of the recipient.

Documented in ``docs/checks.md`` and ``docs/guidelines/sharing-value.md``; its cases are
in ``tests/checks/sharing_value/test_sv013_reporting_purposes_mixed.py``.
"""

from __future__ import annotations

from dpup._text import normalise
from dpup.checkdef import (
    KT,
    MH,
    EvaluationContext,
    Outcome,
    check,
    met,
    needs_review,
    not_applicable,
    not_met,
    unrecorded,
)
from dpup.findings import Reviewer, Severity
from dpup.law import Basis
from dpup.model import ReportingKind, SharingAgreement

__all__ = ["reporting_purposes_mixed"]


# Reporting whose purpose is learning about the programme, as opposed to accounting for it.
_ANALYTIC = frozenset({ReportingKind.EVALUATION, ReportingKind.RESEARCH})


def _part(name: str) -> str:
    """Normalise a recipient part's name so spelling and case do not hide a match."""
    return normalise(name)


@check(
    id="SV013",
    name="reporting-purposes-mixed",
    principles=(KT, MH),
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
