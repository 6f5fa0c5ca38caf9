"""AI001 formal-request-required: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup import (
    AccessPractice,
)
from dpup.checks import BUILTIN_CHECKS
from dpup.law import Basis
from tests.checks.access_to_information._builders import (
    MET,
    NOT_MET,
    REVIEW,
)
from tests.checks.cases import Case, run_case

CASES = [
    # AI001 formal-request-required
    Case(
        "ai001-any-form",
        "AI001",
        AccessPractice(requires_writing=False, requires_lawyer=False),
        MET,
    ),
    # Asking for writing is not a breach in itself: what matters is whether a spoken request
    # is a request from the day it is made.
    Case(
        "ai001-writing-but-oral-accepted",
        "AI001",
        AccessPractice(requires_writing=True, requires_lawyer=False, oral_requests_accepted=True),
        MET,
    ),
    Case(
        "ai001-writing-oral-refused",
        "AI001",
        AccessPractice(requires_writing=True, oral_requests_accepted=False),
        NOT_MET,
    ),
    Case(
        "ai001-writing-oral-unrecorded",
        "AI001",
        AccessPractice(requires_writing=True, requires_lawyer=False),
        REVIEW,
    ),
    Case(
        "ai001-no-writing-but-oral-refused",
        "AI001",
        AccessPractice(requires_writing=False, requires_lawyer=False, oral_requests_accepted=False),
        NOT_MET,
    ),
    Case(
        "ai001-lawyer",
        "AI001",
        AccessPractice(requires_lawyer=True, oral_requests_accepted=True),
        NOT_MET,
    ),
    Case(
        "ai001-oral-accepted-lawyer-unrecorded",
        "AI001",
        AccessPractice(requires_writing=True, oral_requests_accepted=True),
        REVIEW,
    ),
    Case("ai001-unrecorded", "AI001", AccessPractice(), REVIEW),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """AI001 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses


def test_writing_asked_for_is_not_the_breach() -> None:
    """A practice that asks for writing but accepts spoken requests is met, citing both facts."""
    (finding,) = run_case(CASES[1])
    assert ("requires_writing", "oral_requests_accepted") == tuple(
        e.rsplit(".", 1)[-1] for e in finding.evidence
    )


def test_unrecorded_acceptance_names_the_fact() -> None:
    """Where writing is asked for, the review names whether spoken requests are accepted."""
    (finding,) = run_case(CASES[3])
    assert finding.evidence[-1].endswith("oral_requests_accepted")


def test_names_its_provision_and_condition() -> None:
    """AI001 is a LAW check naming IPP6(1) and its condition."""
    check = next(c for c in BUILTIN_CHECKS if c.id == "AI001")
    assert (Basis.LAW, "IPP6(1)") == (check.basis, check.provision)
    assert "spoken" in check.condition
