"""AI002 rights-not-explained-at-enrolment: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup import (
    AccessPractice,
)
from tests.checks.access_to_information._builders import MET, NOT_MET, REVIEW
from tests.checks.cases import Case, run_case

CASES = [
    # AI002 rights-not-explained-at-enrolment
    Case(
        "ai002-explained",
        "AI002",
        AccessPractice(rights_explained_at_enrolment=True, how_to_ask_explained=True),
        MET,
    ),
    Case("ai002-not", "AI002", AccessPractice(rights_explained_at_enrolment=False), NOT_MET),
    Case(
        "ai002-not-how",
        "AI002",
        AccessPractice(rights_explained_at_enrolment=True, how_to_ask_explained=False),
        NOT_MET,
    ),
    Case("ai002-unrecorded", "AI002", AccessPractice(), REVIEW),
    Case(
        "ai002-how-unrecorded", "AI002", AccessPractice(rights_explained_at_enrolment=True), REVIEW
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """AI002 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses
