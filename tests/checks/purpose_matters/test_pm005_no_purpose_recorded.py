"""PM005 no-purpose-recorded: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup import (
    Activity,
    Collection,
    Disclosure,
    Purpose,
    SharingAgreement,
)
from tests.checks.cases import Case, run_case
from tests.checks.purpose_matters._builders import MET, NOT_MET, REVIEW

CASES = [
    # PM005 no-purpose-recorded
    Case("pm005-has-purpose", "PM005", Activity("a", purposes=(Purpose("p"),)), MET),
    Case("pm005-collects-blind", "PM005", Activity("a", collections=(Collection("c"),)), NOT_MET),
    Case("pm005-empty", "PM005", Activity("a"), REVIEW),
    Case(
        "pm005-agreements-only",
        "PM005",
        Activity("a", agreements=(SharingAgreement("g"),)),
        NOT_MET,
    ),
    Case("pm005-disclosures-only", "PM005", Activity("a", disclosures=(Disclosure("d"),)), NOT_MET),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """PM005 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses
