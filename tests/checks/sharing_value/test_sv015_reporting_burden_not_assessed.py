"""SV015 reporting-burden-not-assessed: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup import (
    SharingAgreement,
)
from tests.checks.cases import Case, run_case
from tests.checks.sharing_value._builders import MET, NOT_MET, REVIEW

CASES = [
    # SV015 reporting-burden-not-assessed
    Case("sv015-assessed", "SV015", SharingAgreement("g", burden_assessed=True), MET),
    Case("sv015-not", "SV015", SharingAgreement("g", burden_assessed=False), NOT_MET),
    Case("sv015-unrecorded", "SV015", SharingAgreement("g"), REVIEW),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """SV015 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses
