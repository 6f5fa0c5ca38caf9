"""PM003 item-without-purpose: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup import (
    Collection,
    InformationItem,
)
from tests.checks.cases import Case, run_case
from tests.checks.purpose_matters._builders import _ITEM, _UNKNOWN_ITEM, MET, NOT_MET, REVIEW

CASES = [
    # PM003 item-without-purpose
    Case("pm003-all-linked", "PM003", Collection("c", items=(_ITEM,)), MET),
    Case(
        "pm003-orphan",
        "PM003",
        Collection("c", items=(InformationItem("x", purposes=()),)),
        NOT_MET,
    ),
    Case(
        "pm003-unjustified",
        "PM003",
        Collection("c", items=(InformationItem("x", purposes=("p",)),)),
        REVIEW,
    ),
    Case(
        "pm003-generic-justification",
        "PM003",
        Collection(
            "c", items=(InformationItem("x", purposes=("p",), justification="For reporting."),)
        ),
        REVIEW,
    ),
    Case("pm003-no-items", "PM003", Collection("c"), REVIEW),
    Case("pm003-link-unrecorded", "PM003", Collection("c", items=(_UNKNOWN_ITEM,)), REVIEW),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """PM003 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses
