"""PM025 accuracy-unchecked: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from tests.checks.cases import Case, run_case
from tests.checks.purpose_matters._builders import MET, NA, NOT_MET, REVIEW, _disclosure, _use

CASES = [
    # PM025 accuracy-unchecked
    Case(
        "pm025-checked",
        "PM025",
        _disclosure(feeds_decision=True, accuracy_checked=True),
        MET,
    ),
    Case(
        "pm025-unchecked",
        "PM025",
        _disclosure(feeds_decision=True, accuracy_checked=False),
        NOT_MET,
    ),
    Case("pm025-check-unrecorded", "PM025", _use(feeds_decision=True), REVIEW),
    Case("pm025-decision-unrecorded", "PM025", _disclosure(), REVIEW),
    Case("pm025-no-decision", "PM025", _disclosure(feeds_decision=False), NA),
    Case("pm025-not-identifying", "PM025", _disclosure(identifiable=False), NA),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """PM025 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses
