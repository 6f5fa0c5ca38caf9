"""AI001 formal-request-required: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup import (
    AccessPractice,
)
from tests.checks.access_to_information._builders import MET, NOT_MET, REVIEW
from tests.checks.cases import Case, run_case

CASES = [
    # AI001 formal-request-required
    Case(
        "ai001-any-form",
        "AI001",
        AccessPractice(requires_writing=False, requires_lawyer=False),
        MET,
    ),
    Case("ai001-writing", "AI001", AccessPractice(requires_writing=True), NOT_MET),
    Case("ai001-lawyer", "AI001", AccessPractice(requires_lawyer=True), NOT_MET),
    Case("ai001-unrecorded", "AI001", AccessPractice(), REVIEW),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """AI001 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses
