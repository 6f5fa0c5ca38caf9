"""SV012 research-output-identifiable: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup import (
    Disclosure,
)
from dpup.model import (
    SharingGround,
)
from tests.checks.cases import Case, run_case
from tests.checks.sharing_value._builders import MET, NA, NOT_MET, REVIEW, _research

CASES = [
    # SV012 research-output-identifiable
    Case(
        "sv012-safeguarded",
        "SV012",
        _research(research_undertaking=True, output_controls=True),
        MET,
    ),
    Case("sv012-no-undertaking", "SV012", _research(research_undertaking=False), NOT_MET),
    Case(
        "sv012-no-output-checks",
        "SV012",
        _research(research_undertaking=True, output_controls=False),
        REVIEW,
    ),
    Case("sv012-unrecorded", "SV012", _research(), REVIEW),
    Case(
        "sv012-other-ground",
        "SV012",
        Disclosure("d", ground=SharingGround.COLLECTION_PURPOSE),
        NA,
    ),
    Case(
        "sv012-controls-unrecorded",
        "SV012",
        _research(research_undertaking=True),
        REVIEW,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """SV012 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses
