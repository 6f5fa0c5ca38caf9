"""SV001 no-share-back-plan: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup import (
    Insight,
)
from dpup.model import (
    NonShareReason,
)
from tests.checks.cases import Case, run_case
from tests.checks.sharing_value._builders import MET, NOT_MET, REVIEW

CASES = [
    # SV001 no-share-back-plan
    Case("sv001-plan", "SV001", Insight("i", share_back_with=("providers",)), MET),
    Case("sv001-none", "SV001", Insight("i", share_back_with=()), NOT_MET),
    Case(
        "sv001-reason",
        "SV001",
        Insight("i", share_back_with=(), non_share_reason=NonShareReason.SAFETY),
        REVIEW,
    ),
    Case("sv001-unrecorded", "SV001", Insight("i"), REVIEW),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """SV001 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses
