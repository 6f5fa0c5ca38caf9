"""PM020 purpose-limits-unstated: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup import (
    Purpose,
)
from tests.checks.cases import Case, run_case
from tests.checks.purpose_matters._builders import MET, NOT_MET, REVIEW

CASES = [
    # PM020 purpose-limits-unstated
    Case(
        "pm020-both",
        "PM020",
        Purpose("p", not_used_for=("marketing",), not_seen_by=("the funder",)),
        MET,
    ),
    Case("pm020-neither", "PM020", Purpose("p", not_used_for=(), not_seen_by=()), NOT_MET),
    Case(
        "pm020-one",
        "PM020",
        Purpose("p", not_used_for=("marketing",), not_seen_by=()),
        REVIEW,
    ),
    Case("pm020-unrecorded", "PM020", Purpose("p"), REVIEW),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """PM020 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses
