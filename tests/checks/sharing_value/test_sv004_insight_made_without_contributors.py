"""SV004 insight-made-without-contributors: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup import (
    Insight,
)
from tests.checks.cases import Case, run_case
from tests.checks.sharing_value._builders import MET, NOT_MET, REVIEW

CASES = [
    # SV004 insight-made-without-contributors
    Case(
        "sv004-involved-with-context",
        "SV004",
        Insight("i", contributors_involved_from_start=True, qualitative_context=True),
        MET,
    ),
    Case(
        "sv004-not-involved",
        "SV004",
        Insight("i", contributors_involved_from_start=False),
        NOT_MET,
    ),
    Case(
        "sv004-numbers-only",
        "SV004",
        Insight("i", contributors_involved_from_start=True, qualitative_context=False),
        REVIEW,
    ),
    Case("sv004-unrecorded", "SV004", Insight("i"), REVIEW),
    Case(
        "sv004-context-unrecorded",
        "SV004",
        Insight("i", contributors_involved_from_start=True),
        REVIEW,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """SV004 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses
