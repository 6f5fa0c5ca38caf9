"""PM023 sensitive-data-unguarded: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup import (
    Collection,
    InformationItem,
)
from dpup.model import (
    Safeguard,
    Sensitivity,
)
from tests.checks.cases import Case, run_case
from tests.checks.purpose_matters._builders import (
    _AGG,
    _ITEM,
    _PLAIN,
    _SENSITIVE,
    MET,
    NA,
    NOT_MET,
    REVIEW,
)

CASES = [
    # PM023 sensitive-data-unguarded
    Case(
        "pm023-purpose-based",
        "PM023",
        Collection(
            "c",
            items=(_SENSITIVE,),
            safeguards=(Safeguard.ROLE_BASED_ACCESS, Safeguard.PURPOSE_BASED_ACCESS),
        ),
        MET,
    ),
    Case(
        "pm023-no-access-limit",
        "PM023",
        Collection("c", items=(_SENSITIVE,), safeguards=(Safeguard.ENCRYPTION,)),
        NOT_MET,
    ),
    Case(
        "pm023-role-only",
        "PM023",
        Collection("c", items=(_SENSITIVE,), safeguards=(Safeguard.ROLE_BASED_ACCESS,)),
        REVIEW,
    ),
    Case("pm023-unrecorded", "PM023", Collection("c", items=(_SENSITIVE,)), REVIEW),
    Case("pm023-not-sensitive", "PM023", Collection("c", items=(_PLAIN,)), NA),
    Case("pm023-sensitivity-unrecorded", "PM023", Collection("c", items=(_ITEM,)), REVIEW),
    Case(
        "pm023-identifiability-unrecorded",
        "PM023",
        Collection("c", items=(InformationItem("n", sensitivity=(Sensitivity.HEALTH,)),)),
        REVIEW,
    ),
    Case("pm023-counts-then-sensitive", "PM023", Collection("c", items=(_AGG, _SENSITIVE)), REVIEW),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """PM023 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses
