"""SV002 contributors-not-involved: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup import (
    SharingAgreement,
)
from tests.checks.cases import Case, run_case
from tests.checks.sharing_value._builders import MET, NOT_MET, REVIEW

CASES = [
    # SV002 contributors-not-involved
    Case(
        "sv002-co-designed",
        "SV002",
        SharingAgreement("g", co_designed_with=("providers",), success_defined_with=("families",)),
        MET,
    ),
    Case("sv002-alone", "SV002", SharingAgreement("g", co_designed_with=()), NOT_MET),
    Case(
        "sv002-success-alone",
        "SV002",
        SharingAgreement("g", co_designed_with=("providers",), success_defined_with=()),
        NOT_MET,
    ),
    Case("sv002-unrecorded", "SV002", SharingAgreement("g"), REVIEW),
    Case(
        "sv002-success-unrecorded",
        "SV002",
        SharingAgreement("g", co_designed_with=("providers",)),
        REVIEW,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """SV002 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses
