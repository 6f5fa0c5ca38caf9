"""AI021 records-not-co-completed: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup import (
    AccessPractice,
)
from tests.checks.access_to_information._builders import MET, NOT_MET, REVIEW
from tests.checks.cases import Case, run_case

CASES = [
    # AI021 records-not-co-completed
    Case(
        "ai021-co-completed",
        "AI021",
        AccessPractice(records_co_completed=True, own_perspective_recorded=True),
        MET,
    ),
    Case(
        "ai021-not",
        "AI021",
        AccessPractice(records_co_completed=False, own_perspective_recorded=True),
        NOT_MET,
    ),
    Case("ai021-unrecorded", "AI021", AccessPractice(records_co_completed=True), REVIEW),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """AI021 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses
