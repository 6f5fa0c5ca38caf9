"""AI018 formats-miss-audience: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup import (
    AccessPractice,
)
from tests.checks.access_to_information._builders import MET, NOT_MET, REVIEW, _audience
from tests.checks.cases import Case, run_case

CASES = [
    # AI018 formats-miss-audience
    Case(
        "ai018-adult-and-child",
        "AI018",
        AccessPractice(formats=("adult", "child")),
        MET,
        context=_audience(children=True),
    ),
    Case(
        "ai018-no-child-version",
        "AI018",
        AccessPractice(formats=("adult",)),
        NOT_MET,
        context=_audience(children=True),
    ),
    Case(
        "ai018-child-only",
        "AI018",
        AccessPractice(formats=("Child version",)),
        REVIEW,
        context=_audience(children=True),
    ),
    Case(
        "ai018-adults-only",
        "AI018",
        AccessPractice(formats=("adult",)),
        MET,
        context=_audience(children=False),
    ),
    Case(
        "ai018-need-unmet",
        "AI018",
        AccessPractice(formats=("adult",)),
        REVIEW,
        context=_audience(children=False, accessibility_needs=("large-print",)),
    ),
    Case(
        "ai018-needs-met",
        "AI018",
        AccessPractice(formats=("adult", "Large print", "Easy Read")),
        MET,
        context=_audience(
            children=False, accessibility_needs=("large-print",), literacy_barriers=True
        ),
    ),
    Case(
        "ai018-literacy-unmet",
        "AI018",
        AccessPractice(formats=("adult",)),
        REVIEW,
        context=_audience(children=False, literacy_barriers=True),
    ),
    Case("ai018-formats-unrecorded", "AI018", AccessPractice(), REVIEW, context=_audience()),
    Case("ai018-no-audience", "AI018", AccessPractice(formats=("adult",)), REVIEW),
    Case(
        "ai018-children-unrecorded",
        "AI018",
        AccessPractice(formats=("adult",)),
        REVIEW,
        context=_audience(),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """AI018 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses
