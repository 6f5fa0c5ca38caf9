"""PM005 no-purpose-recorded: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

import dpup
from dpup import (
    Activity,
    Collection,
    Disclosure,
    Purpose,
    SharingAgreement,
)
from dpup.checks import BUILTIN_CHECKS
from dpup.findings import Severity
from dpup.law import Basis
from tests.checks.cases import Case, run_case
from tests.checks.purpose_matters._builders import MET, REVIEW

CASES = [
    # PM005 no-purpose-recorded
    Case("pm005-has-purpose", "PM005", Activity("a", purposes=(Purpose("p"),)), MET),
    Case(
        "pm005-has-purpose-and-collects",
        "PM005",
        Activity("a", purposes=(Purpose("p"),), collections=(Collection("c"),)),
        MET,
    ),
    # IPP1 has no duty to record a purpose: a missing one is an evidence gap, not a breach.
    Case("pm005-collects-blind", "PM005", Activity("a", collections=(Collection("c"),)), REVIEW),
    Case("pm005-empty", "PM005", Activity("a"), REVIEW),
    Case(
        "pm005-agreements-only",
        "PM005",
        Activity("a", agreements=(SharingAgreement("g"),)),
        REVIEW,
    ),
    Case("pm005-disclosures-only", "PM005", Activity("a", disclosures=(Disclosure("d"),)), REVIEW),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """PM005 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses


def test_missing_purpose_is_never_a_legal_breach() -> None:
    """Collecting with no purpose recorded asks for the purposes and breaches nothing."""
    report = dpup.evaluate(Activity("a", collections=(Collection("c"),)), select=["PM005"])
    [finding] = report.findings
    assert ((), ("$.purposes",)) == (report.legal_breaches(), finding.evidence)
    assert any("purposes" in step for step in finding.settle_with)


def test_metadata() -> None:
    """PM005 stays a LAW check on IPP1(1)(a), no longer critical now it cannot fail."""
    [check] = [c for c in BUILTIN_CHECKS if c.id == "PM005"]
    assert (Basis.LAW, "IPP1(1)(a)", Severity.HIGH) == (
        check.basis,
        check.provision,
        check.severity,
    )
    assert check.condition
