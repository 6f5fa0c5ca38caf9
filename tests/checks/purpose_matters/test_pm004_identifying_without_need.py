"""PM004 identifying-without-need: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup import (
    Collection,
    InformationItem,
)
from dpup.model import (
    Identifiability,
)
from tests.checks.cases import Case, run_case
from tests.checks.purpose_matters._builders import _ITEM, _UNKNOWN_ITEM, MET, NOT_MET, REVIEW

CASES = [
    # PM004 identifying-without-need
    Case(
        "pm004-needed",
        "PM004",
        Collection("c", items=(_ITEM,), requires_identity=True, identity_justification="x"),
        MET,
    ),
    Case(
        "pm004-not-needed",
        "PM004",
        Collection("c", items=(_ITEM,), requires_identity=False),
        NOT_MET,
    ),
    Case("pm004-unset", "PM004", Collection("c", items=(_ITEM,)), REVIEW),
    Case(
        "pm004-no-reason",
        "PM004",
        Collection("c", items=(_ITEM,), requires_identity=True),
        REVIEW,
    ),
    Case(
        "pm004-aggregate",
        "PM004",
        Collection("c", items=(InformationItem("n", identifiability=Identifiability.AGGREGATE),)),
        MET,
    ),
    Case("pm004-no-items", "PM004", Collection("c"), REVIEW),
    Case(
        "pm004-identifiability-unrecorded", "PM004", Collection("c", items=(_UNKNOWN_ITEM,)), REVIEW
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """PM004 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses
