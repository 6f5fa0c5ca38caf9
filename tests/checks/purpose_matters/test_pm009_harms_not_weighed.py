"""PM009 harms-not-weighed: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup import (
    Collection,
    InformationItem,
)
from dpup.model import (
    RiskAssessment,
    Sensitivity,
)
from tests.checks.cases import Case, run_case
from tests.checks.purpose_matters._builders import _AGG, _ITEM, AGG, MET, NA, NOT_MET, REVIEW

CASES = [
    # PM009 harms-not-weighed
    Case(
        "pm009-assessed",
        "PM009",
        Collection(
            "c", items=(_ITEM,), risk_assessment=RiskAssessment(done=True, harms=("avoidance",))
        ),
        MET,
    ),
    Case(
        "pm009-not-done",
        "PM009",
        Collection("c", items=(_ITEM,), risk_assessment=RiskAssessment(done=False)),
        NOT_MET,
    ),
    Case(
        "pm009-no-harms",
        "PM009",
        Collection("c", items=(_ITEM,), risk_assessment=RiskAssessment(done=True)),
        REVIEW,
    ),
    Case("pm009-unrecorded", "PM009", Collection("c", items=(_ITEM,)), REVIEW),
    Case("pm009-counts", "PM009", Collection("c", items=(_AGG,)), NA),
    Case(
        "pm009-sensitivity-unrecorded",
        "PM009",
        Collection("c", items=(InformationItem("count", identifiability=AGG),)),
        REVIEW,
    ),
    Case(
        "pm009-sensitive-counts",
        "PM009",
        Collection(
            "c",
            items=(
                InformationItem("count", identifiability=AGG, sensitivity=(Sensitivity.HEALTH,)),
            ),
        ),
        REVIEW,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """PM009 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses
