"""SV014 duplicate-reporting: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup import (
    SharingAgreement,
)
from tests.checks.cases import Case, run_case
from tests.checks.sharing_value._builders import MET, NOT_MET, REVIEW

CASES = [
    # SV014 duplicate-reporting
    Case("sv014-none", "SV014", SharingAgreement("g", duplicate_collection=False), MET),
    Case("sv014-no-reason", "SV014", SharingAgreement("g", duplicate_collection=True), NOT_MET),
    Case(
        "sv014-reason",
        "SV014",
        SharingAgreement("g", duplicate_collection=True, duplicate_reason="audit trail"),
        REVIEW,
    ),
    Case("sv014-unrecorded", "SV014", SharingAgreement("g"), REVIEW),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """SV014 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses
