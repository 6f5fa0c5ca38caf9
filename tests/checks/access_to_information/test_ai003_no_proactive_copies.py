"""AI003 no-proactive-copies: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup import (
    AccessPractice,
)
from tests.checks.access_to_information._builders import MET, NOT_MET, REVIEW
from tests.checks.cases import Case, run_case

CASES = [
    # AI003 no-proactive-copies
    Case(
        "ai003-copies",
        "AI003",
        AccessPractice(proactive_copies=True, proactive_copies_when="programme end"),
        MET,
    ),
    Case("ai003-on-request", "AI003", AccessPractice(proactive_copies=False), NOT_MET),
    Case("ai003-no-trigger", "AI003", AccessPractice(proactive_copies=True), REVIEW),
    Case("ai003-unrecorded", "AI003", AccessPractice(), REVIEW),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """AI003 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses
