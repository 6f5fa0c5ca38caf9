"""SV003 outcomes-not-reported-back: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup import (
    SharingAgreement,
)
from tests.checks.cases import Case, run_case
from tests.checks.sharing_value._builders import MET, NOT_MET, REVIEW

CASES = [
    # SV003 outcomes-not-reported-back
    Case("sv003-fed-back", "SV003", SharingAgreement("g", outcomes_reported_back=True), MET),
    Case("sv003-not", "SV003", SharingAgreement("g", outcomes_reported_back=False), NOT_MET),
    Case("sv003-unrecorded", "SV003", SharingAgreement("g"), REVIEW),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """SV003 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses
