"""PM016 disclosure-beyond-purpose: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup.model import (
    SharingGround,
)
from tests.checks.cases import Case, run_case
from tests.checks.purpose_matters._builders import (
    _FLOWS,
    MET,
    NA,
    NOT_MET,
    REVIEW,
    _disclosure,
    _use,
)

CASES = [
    # PM016 disclosure-beyond-purpose
    Case("pm016-within", "PM016", _disclosure(), MET, context=_FLOWS),
    Case(
        "pm016-to-person",
        "PM016",
        _disclosure(purposes=("q",), ground=SharingGround.TO_PERSON),
        MET,
        context=_FLOWS,
    ),
    Case("pm016-beyond", "PM016", _disclosure(purposes=("q",)), NOT_MET, context=_FLOWS),
    Case(
        "pm016-ot-s66",
        "PM016",
        _disclosure(purposes=("q",), ground=SharingGround.OT_S66),
        REVIEW,
        context=_FLOWS,
    ),
    Case(
        "pm016-untraceable",
        "PM016",
        _disclosure(items=("unknown-item",)),
        REVIEW,
        context=_FLOWS,
    ),
    Case("pm016-a-use", "PM016", _use(), NA, context=_FLOWS),
    Case("pm016-purposes-unrecorded", "PM016", _disclosure(purposes=None), REVIEW, context=_FLOWS),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """PM016 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses
