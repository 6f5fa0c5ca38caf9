"""AI020 access-preferences-not-recorded: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup import (
    AccessPractice,
)
from tests.checks.access_to_information._builders import (
    MET,
    NOT_MET,
    REVIEW,
    _released,
    _with_practice,
)
from tests.checks.cases import Case, run_case

CASES = [
    # AI020 access-preferences-not-recorded
    Case("ai020-recorded", "AI020", AccessPractice(preferences_recorded=True), MET),
    Case("ai020-not-recorded", "AI020", AccessPractice(preferences_recorded=False), NOT_MET),
    Case("ai020-unrecorded", "AI020", AccessPractice(), REVIEW),
    Case(
        "ai020-followed",
        "AI020",
        _with_practice(
            AccessPractice(preferences_recorded=True), _released(preference_followed=True)
        ),
        MET,
        path="$.access_practice",
    ),
    Case(
        "ai020-not-followed",
        "AI020",
        _with_practice(
            AccessPractice(preferences_recorded=True), _released(preference_followed=False)
        ),
        REVIEW,
        path="$.access_practice",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """AI020 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses
