"""PM026 identifying-accountability-reporting: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup import (
    InformationItem,
)
from dpup.findings import Finding, Reviewer, Status
from dpup.model import (
    ReportingKind,
)
from tests.checks.cases import Case, run_case
from tests.checks.purpose_matters._builders import (
    _AGG_FIELDS,
    _IDENT_FIELDS,
    MET,
    NA,
    NOT_MET,
    REVIEW,
    _agreement,
)

CASES = [
    # PM026 identifying-accountability-reporting
    Case(
        "pm026-counts",
        "PM026",
        _agreement(reporting=(ReportingKind.SERVICE_DELIVERY,), fields=_AGG_FIELDS),
        MET,
    ),
    Case(
        "pm026-names-no-reason",
        "PM026",
        _agreement(
            reporting=(ReportingKind.CONTRACT_MANAGEMENT,),
            fields=_IDENT_FIELDS,
            identifying_justification="",
        ),
        NOT_MET,
    ),
    Case(
        "pm026-names-reason-unrecorded",
        "PM026",
        _agreement(reporting=(ReportingKind.CONTRACT_MANAGEMENT,), fields=_IDENT_FIELDS),
        REVIEW,
    ),
    Case(
        "pm026-reason-unrecorded-users-unchecked",
        "PM026",
        _agreement(
            reporting=(ReportingKind.MONITORING,),
            fields=_IDENT_FIELDS,
            users_would_agree_checked=False,
        ),
        NOT_MET,
    ),
    Case(
        "pm026-users-would-not-agree",
        "PM026",
        _agreement(
            reporting=(ReportingKind.ACCREDITATION,),
            fields=_IDENT_FIELDS,
            identifying_justification="audit of a sample of files",
            users_would_agree_checked=False,
        ),
        NOT_MET,
    ),
    Case(
        "pm026-names-with-reason",
        "PM026",
        _agreement(
            reporting=(ReportingKind.COMPLIANCE,),
            fields=_IDENT_FIELDS,
            identifying_justification="audit of a sample of files",
            users_would_agree_checked=True,
        ),
        REVIEW,
    ),
    Case("pm026-research", "PM026", _agreement(reporting=(ReportingKind.RESEARCH,)), NA),
    Case("pm026-unrecorded", "PM026", _agreement(), REVIEW),
    Case(
        "pm026-fields-unrecorded",
        "PM026",
        _agreement(reporting=(ReportingKind.COMPLIANCE,)),
        REVIEW,
    ),
    Case(
        "pm026-identifiability-unrecorded",
        "PM026",
        _agreement(
            reporting=(ReportingKind.COMPLIANCE,),
            fields=(InformationItem("x", purposes=("p",)),),
        ),
        REVIEW,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """PM026 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses


def _finding(case_id: str) -> Finding:
    (case,) = [c for c in CASES if c.id == case_id]
    (finding,) = run_case(case)
    return finding


def test_not_met_rests_on_recorded_facts() -> None:
    """Not met cites the reason recorded as empty and the identifying fields."""
    finding = _finding("pm026-names-no-reason")
    assert Status.NOT_MET is finding.status
    assert finding.evidence[0] == "$.identifying_justification"
    assert all(p.endswith(".identifiability") for p in finding.evidence[1:])
    assert finding.evidence[1:]


def test_an_unchecked_acceptance_fails_whatever_the_reason() -> None:
    """No check with service users is not met even with the reason unrecorded."""
    finding = _finding("pm026-reason-unrecorded-users-unchecked")
    assert finding.evidence[0] == "$.users_would_agree_checked"
    assert "$.identifying_justification" not in finding.evidence


def test_an_unrecorded_reason_is_asked_for() -> None:
    """A reason not recorded is asked for: once recorded, a person weighs it."""
    finding = _finding("pm026-names-reason-unrecorded")
    assert (Status.NEEDS_REVIEW, Reviewer.PRIVACY_OFFICER) == (finding.status, finding.reviewer)
    assert "$.identifying_justification" in finding.evidence
    assert any("(identifying_justification)" in step for step in finding.settle_with)
