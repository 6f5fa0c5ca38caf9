"""AI019 no-regular-check-ins: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup import (
    AccessPractice,
)
from tests.checks.access_to_information._builders import MET, NOT_MET, REVIEW
from tests.checks.cases import Case, run_case

CASES = [
    # AI019 no-regular-check-ins
    Case("ai019-regular", "AI019", AccessPractice(check_in_interval_days=30), MET),
    Case("ai019-at-limit", "AI019", AccessPractice(check_in_interval_days=90), MET),
    Case(
        "ai019-neither",
        "AI019",
        AccessPractice(check_in_interval_days=180, self_correction=False),
        NOT_MET,
    ),
    Case("ai019-self-update", "AI019", AccessPractice(self_correction=True), REVIEW),
    Case("ai019-unrecorded", "AI019", AccessPractice(), REVIEW),
    Case(
        "ai019-self-update-unrecorded",
        "AI019",
        AccessPractice(check_in_interval_days=180),
        REVIEW,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """AI019 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses
