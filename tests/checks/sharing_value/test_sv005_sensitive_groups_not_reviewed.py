"""SV005 sensitive-groups-not-reviewed: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup import (
    Insight,
)
from dpup.model import (
    GroupDimension,
)
from tests.checks.cases import Case, run_case
from tests.checks.sharing_value._builders import MET, NA, NOT_MET, REVIEW

CASES = [
    # SV005 sensitive-groups-not-reviewed
    Case(
        "sv005-reviewed",
        "SV005",
        Insight("i", dimensions=(GroupDimension.ETHNICITY,), community_review_done=True),
        MET,
    ),
    Case(
        "sv005-ethnicity-unreviewed",
        "SV005",
        Insight("i", dimensions=(GroupDimension.ETHNICITY,), community_review_done=False),
        NOT_MET,
    ),
    Case(
        "sv005-flagged-sensitive",
        "SV005",
        Insight("i", dimensions=(), sensitive=True, community_review_done=False),
        NOT_MET,
    ),
    Case(
        "sv005-review-unrecorded",
        "SV005",
        Insight("i", dimensions=(GroupDimension.SMALL_LOCALITY,)),
        REVIEW,
    ),
    Case(
        "sv005-age-only",
        "SV005",
        Insight("i", dimensions=(GroupDimension.AGE,), sensitive=False),
        NA,
    ),
    Case(
        "sv005-age-sensitivity-unknown",
        "SV005",
        Insight("i", dimensions=(GroupDimension.AGE,)),
        REVIEW,
    ),
    Case("sv005-unrecorded", "SV005", Insight("i"), REVIEW),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """SV005 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses
