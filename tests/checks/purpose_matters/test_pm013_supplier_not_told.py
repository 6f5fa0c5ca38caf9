"""PM013 supplier-not-told: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup import (
    Collection,
)
from dpup.model import (
    Source,
    SupplierNotice,
)
from tests.checks.cases import Case, run_case
from tests.checks.purpose_matters._builders import MET, NA, NOT_MET, REVIEW, _indirect

CASES = [
    # PM013 supplier-not-told
    Case(
        "pm013-told",
        "PM013",
        _indirect(
            supplier_told=SupplierNotice(
                purpose=True, onward_sharing=True, voluntary_or_mandatory=True
            )
        ),
        MET,
    ),
    Case(
        "pm013-told-nothing",
        "PM013",
        _indirect(
            supplier_told=SupplierNotice(
                purpose=False, onward_sharing=False, voluntary_or_mandatory=False
            )
        ),
        NOT_MET,
    ),
    Case(
        "pm013-partly",
        "PM013",
        _indirect(supplier_told=SupplierNotice(purpose=False, voluntary_or_mandatory=True)),
        REVIEW,
    ),
    Case(
        "pm013-statute-unnamed",
        "PM013",
        _indirect(
            supplier_told=SupplierNotice(
                purpose=True, onward_sharing=True, voluntary_or_mandatory=True, statute=False
            )
        ),
        REVIEW,
    ),
    Case("pm013-unrecorded", "PM013", _indirect(), REVIEW),
    Case("pm013-direct", "PM013", Collection("c", source=Source.INDIVIDUAL), NA),
    Case("pm013-source-unrecorded", "PM013", Collection("c"), REVIEW),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """PM013 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses
