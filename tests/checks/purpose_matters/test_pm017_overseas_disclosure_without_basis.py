"""PM017 overseas-disclosure-without-basis: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup.model import (
    Ipp12Basis,
    Recipient,
)
from tests.checks.cases import Case, run_case
from tests.checks.purpose_matters._builders import (
    MET,
    NA,
    NOT_MET,
    REVIEW,
    _abroad,
    _disclosure,
    _use,
)

CASES = [
    # PM017 overseas-disclosure-without-basis
    Case(
        "pm017-basis",
        "PM017",
        _abroad(ipp12_basis=Ipp12Basis.CONTRACT_CLAUSES),
        MET,
    ),
    Case("pm017-no-basis", "PM017", _abroad(), NOT_MET),
    Case("pm017-agent", "PM017", _abroad(ipp12_basis=Ipp12Basis.AGENT_STORAGE), REVIEW),
    Case(
        "pm017-country-unrecorded",
        "PM017",
        _disclosure(recipient=Recipient("Research partner")),
        REVIEW,
    ),
    Case(
        "pm017-nz",
        "PM017",
        _disclosure(recipient=Recipient("Family Court", country="NZ")),
        NA,
    ),
    Case("pm017-use", "PM017", _use(), NA),
    Case("pm017-recipient-unrecorded", "PM017", _disclosure(), REVIEW),
    Case("pm017-not-identifying", "PM017", _abroad(identifiable=False), NA),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """PM017 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses
