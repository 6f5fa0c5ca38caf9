"""PM008 no-tangible-benefit: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup import (
    Purpose,
)
from dpup.model import (
    Beneficiary,
)
from tests.checks.cases import Case, run_case
from tests.checks.purpose_matters._builders import MET, NOT_MET, REVIEW

CASES = [
    # PM008 no-tangible-benefit
    Case(
        "pm008-stated",
        "PM008",
        Purpose("p", benefit="safer parenting", beneficiaries=(Beneficiary.WHANAU,)),
        MET,
    ),
    Case("pm008-blank", "PM008", Purpose("p", benefit=" ", beneficiaries=()), NOT_MET),
    Case("pm008-nobody", "PM008", Purpose("p", benefit="x", beneficiaries=()), NOT_MET),
    Case(
        "pm008-agency-only",
        "PM008",
        Purpose("p", benefit="cheaper contract management", beneficiaries=(Beneficiary.AGENCY,)),
        REVIEW,
    ),
    Case("pm008-unrecorded", "PM008", Purpose("p"), REVIEW),
    Case("pm008-beneficiaries-unrecorded", "PM008", Purpose("p", benefit="x"), REVIEW),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """PM008 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses
