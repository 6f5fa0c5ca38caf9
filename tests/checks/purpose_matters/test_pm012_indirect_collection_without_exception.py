"""PM012 indirect-collection-without-exception: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup import (
    Collection,
)
from dpup.model import (
    Ipp2Exception,
    Source,
)
from tests.checks.cases import Case, run_case
from tests.checks.purpose_matters._builders import _AGG, _ITEM, MET, NA, NOT_MET, REVIEW, _indirect

CASES = [
    # PM012 indirect-collection-without-exception
    Case("pm012-direct", "PM012", Collection("c", items=(_ITEM,), source=Source.INDIVIDUAL), MET),
    Case("pm012-no-exception", "PM012", _indirect(), NOT_MET),
    Case("pm012-whanau", "PM012", _indirect(source=Source.WHANAU), NOT_MET),
    Case(
        "pm012-exception-claimed",
        "PM012",
        _indirect(ipp2_exception=Ipp2Exception.AUTHORISED),
        REVIEW,
    ),
    Case("pm012-source-unrecorded", "PM012", Collection("c", items=(_ITEM,)), REVIEW),
    Case("pm012-counts", "PM012", _indirect(items=(_AGG,)), NA),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """PM012 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses
