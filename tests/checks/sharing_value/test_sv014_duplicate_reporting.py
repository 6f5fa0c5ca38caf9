"""SV014 duplicate-reporting: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup import (
    SharingAgreement,
)
from dpup.findings import Finding, Reviewer, Status
from tests.checks.cases import Case, run_case
from tests.checks.sharing_value._builders import MET, NOT_MET, REVIEW

CASES = [
    # SV014 duplicate-reporting
    Case("sv014-none", "SV014", SharingAgreement("g", duplicate_collection=False), MET),
    Case(
        "sv014-no-reason",
        "SV014",
        SharingAgreement("g", duplicate_collection=True, duplicate_reason=""),
        NOT_MET,
    ),
    Case(
        "sv014-reason-unrecorded",
        "SV014",
        SharingAgreement("g", duplicate_collection=True),
        REVIEW,
    ),
    Case(
        "sv014-reason",
        "SV014",
        SharingAgreement("g", duplicate_collection=True, duplicate_reason="audit trail"),
        REVIEW,
    ),
    Case("sv014-unrecorded", "SV014", SharingAgreement("g"), REVIEW),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """SV014 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses


def _finding(case_id: str) -> Finding:
    (case,) = [c for c in CASES if c.id == case_id]
    (finding,) = run_case(case)
    return finding


def test_not_met_rests_on_recorded_facts() -> None:
    """Duplication with a reason recorded as empty cites both recorded facts."""
    finding = _finding("sv014-no-reason")
    assert Status.NOT_MET is finding.status
    assert ("$.duplicate_collection", "$.duplicate_reason") == finding.evidence


def test_an_unrecorded_reason_is_asked_for() -> None:
    """A reason not recorded could justify the duplication, so it is asked for."""
    finding = _finding("sv014-reason-unrecorded")
    assert (Status.NEEDS_REVIEW, Reviewer.CONTRACT_MANAGER) == (finding.status, finding.reviewer)
    assert ("$.duplicate_reason",) == finding.evidence
