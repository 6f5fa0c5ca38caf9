"""PM027 secondary-use-not-agreed: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup.model import (
    SecondaryUse,
)
from tests.checks.cases import Case, run_case
from tests.checks.purpose_matters._builders import MET, NA, NOT_MET, REVIEW, _agreement

CASES = [
    # PM027 secondary-use-not-agreed
    Case(
        "pm027-agreed",
        "PM027",
        _agreement(
            secondary_uses=(SecondaryUse("p", agreed_by_partners=True, communicated_to_users=True),)
        ),
        MET,
    ),
    Case(
        "pm027-imposed",
        "PM027",
        _agreement(
            secondary_uses=(
                SecondaryUse("p", agreed_by_partners=False, communicated_to_users=True),
            )
        ),
        NOT_MET,
    ),
    Case(
        "pm027-untold",
        "PM027",
        _agreement(secondary_uses=(SecondaryUse("p", agreed_by_partners=True),)),
        REVIEW,
    ),
    Case("pm027-unrecorded", "PM027", _agreement(), REVIEW),
    Case("pm027-none", "PM027", _agreement(secondary_uses=()), NA),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """PM027 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses
