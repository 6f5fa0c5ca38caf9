"""SV011 access-level-not-chosen: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup import (
    Insight,
)
from dpup.model import (
    AccessLevel,
)
from tests.checks.cases import Case, run_case
from tests.checks.sharing_value._builders import MET, NOT_MET, REVIEW, _open

CASES = [
    # SV011 access-level-not-chosen
    Case("sv011-involved", "SV011", Insight("i", access_level=AccessLevel.INVOLVED), MET),
    Case("sv011-open-cc", "SV011", _open(licence="CC-BY-4.0"), MET),
    Case("sv011-open-cc0", "SV011", _open(licence="CC0 1.0"), MET),
    Case("sv011-open-blank-licence", "SV011", _open(licence=" "), NOT_MET),
    Case("sv011-open-other-licence", "SV011", _open(licence="Crown copyright"), REVIEW),
    Case("sv011-open-no-licence", "SV011", _open(), REVIEW),
    Case(
        "sv011-sensitive-open-unreviewed",
        "SV011",
        _open(sensitive=True, community_review_done=False, licence="CC BY 4.0"),
        NOT_MET,
    ),
    Case(
        "sv011-sensitive-open-reviewed",
        "SV011",
        _open(sensitive=True, community_review_done=True, licence="CC BY 4.0"),
        MET,
    ),
    Case("sv011-open-sensitivity-unknown", "SV011", _open(sensitive=None), REVIEW),
    Case("sv011-unrecorded", "SV011", Insight("i"), REVIEW),
    Case("sv011-sensitive-review-unrecorded", "SV011", _open(sensitive=True), REVIEW),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """SV011 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses
