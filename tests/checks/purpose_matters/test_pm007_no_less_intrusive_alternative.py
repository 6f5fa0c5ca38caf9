"""PM007 no-less-intrusive-alternative: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup import (
    Collection,
)
from dpup.model import (
    Alternative,
)
from tests.checks.cases import Case, run_case
from tests.checks.purpose_matters._builders import (
    _AGG,
    _ITEM,
    _UNKNOWN_ITEM,
    MET,
    NA,
    NOT_MET,
    REVIEW,
)

CASES = [
    # PM007 no-less-intrusive-alternative
    Case(
        "pm007-weighed",
        "PM007",
        Collection(
            "c",
            items=(_ITEM,),
            alternatives_considered=(Alternative.AGGREGATE,),
            opt_out_considered=True,
        ),
        MET,
    ),
    Case(
        "pm007-opt-out-listed",
        "PM007",
        Collection(
            "c",
            items=(_ITEM,),
            alternatives_considered=(Alternative.NON_IDENTIFYING, Alternative.OPT_OUT),
        ),
        MET,
    ),
    Case(
        "pm007-none",
        "PM007",
        Collection("c", items=(_ITEM,), alternatives_considered=(), opt_out_considered=False),
        NOT_MET,
    ),
    Case(
        "pm007-opt-out-only",
        "PM007",
        Collection("c", items=(_ITEM,), alternatives_considered=(Alternative.OPT_OUT,)),
        NOT_MET,
    ),
    Case(
        "pm007-no-opt-out",
        "PM007",
        Collection(
            "c",
            items=(_ITEM,),
            alternatives_considered=(Alternative.SAMPLING,),
            opt_out_considered=False,
        ),
        NOT_MET,
    ),
    Case("pm007-unrecorded", "PM007", Collection("c", items=(_ITEM,)), REVIEW),
    Case("pm007-aggregate", "PM007", Collection("c", items=(_AGG,)), NA),
    Case("pm007-identifying-unrecorded", "PM007", Collection("c", items=(_UNKNOWN_ITEM,)), REVIEW),
    Case(
        "pm007-opt-out-unrecorded",
        "PM007",
        Collection("c", items=(_ITEM,), alternatives_considered=(Alternative.AGGREGATE,)),
        REVIEW,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """PM007 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses
