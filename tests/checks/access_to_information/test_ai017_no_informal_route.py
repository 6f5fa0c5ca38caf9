"""AI017 no-informal-route: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup import (
    AccessPractice,
)
from dpup.model import (
    InformalRoute,
)
from tests.checks.access_to_information._builders import MET, NOT_MET, REVIEW
from tests.checks.cases import Case, run_case

CASES = [
    # AI017 no-informal-route
    Case(
        "ai017-screen",
        "AI017",
        AccessPractice(informal_routes=(InformalRoute.SCREEN,)),
        MET,
    ),
    Case("ai017-formal-only", "AI017", AccessPractice(informal_routes=()), NOT_MET),
    Case("ai017-unrecorded", "AI017", AccessPractice(), REVIEW),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """AI017 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses
