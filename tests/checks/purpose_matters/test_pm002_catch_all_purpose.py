"""PM002 catch-all-purpose: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup import (
    Purpose,
)
from tests.checks.cases import Case, run_case
from tests.checks.purpose_matters._builders import MET, NOT_MET, REVIEW

CASES = [
    # PM002 catch-all-purpose
    Case(
        "pm002-catch-all",
        "PM002",
        Purpose("p", why="for service delivery and any other purpose we consider appropriate"),
        NOT_MET,
    ),
    Case("pm002-specific", "PM002", Purpose("p", why="to plan next year's service"), MET),
    Case("pm002-punctuation", "PM002", Purpose("p", why="Uses: FROM-TIME-TO-TIME."), NOT_MET),
    Case("pm002-word-boundary", "PM002", Purpose("p", why="to support futures work"), MET),
    Case("pm002-choices", "PM002", Purpose("p", why="x", choices="any purpose"), NOT_MET),
    Case(
        "pm002-relevant-agencies",
        "PM002",
        Purpose("p", why="To share with RELEVANT agencies."),
        NOT_MET,
    ),
    Case("pm002-broad", "PM002", Purpose("p", why="for research"), REVIEW),
    Case(
        "pm002-broad-but-bounded",
        "PM002",
        Purpose("p", why="for research", feeds=("annual outcomes report",)),
        MET,
    ),
    Case("pm002-unrecorded", "PM002", Purpose("p"), REVIEW),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """PM002 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses
