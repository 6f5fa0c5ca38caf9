"""SV006 deficit-framing: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup import (
    Insight,
)
from dpup.model import (
    Framing,
)
from tests.checks.cases import Case, run_case
from tests.checks.sharing_value._builders import MET, NOT_MET, REVIEW

CASES = [
    # SV006 deficit-framing
    Case("sv006-strengths", "SV006", Insight("i", framing=Framing.STRENGTHS), MET),
    Case("sv006-neutral", "SV006", Insight("i", framing=Framing.NEUTRAL), MET),
    Case(
        "sv006-deficit-unreviewed",
        "SV006",
        Insight("i", framing=Framing.DEFICIT, community_review_done=False),
        NOT_MET,
    ),
    Case(
        "sv006-deficit-reviewed",
        "SV006",
        Insight("i", framing=Framing.DEFICIT, community_review_done=True),
        REVIEW,
    ),
    Case("sv006-unrecorded", "SV006", Insight("i"), REVIEW),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """SV006 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses
