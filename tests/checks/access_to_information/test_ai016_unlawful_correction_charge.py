"""AI016 unlawful-correction-charge: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup.model import (
    Charge,
    ChargeItem,
)
from tests.checks.access_to_information._builders import (
    MET,
    NGO,
    NOT_MET,
    PUBLIC,
    REVIEW,
    _charge,
    _cor,
)
from tests.checks.cases import Case, run_case

CASES = [
    # AI016 unlawful-correction-charge
    Case("ai016-free", "AI016", _cor(charge=Charge(amount=0.0)), MET, context=NGO),
    Case(
        "ai016-for-correcting",
        "AI016",
        _cor(charge=_charge(ChargeItem.CORRECTING)),
        NOT_MET,
        context=NGO,
    ),
    Case(
        "ai016-public-statement",
        "AI016",
        _cor(charge=_charge(ChargeItem.STATEMENT_OF_CORRECTION, commissioner_authorised=False)),
        NOT_MET,
        context=PUBLIC,
    ),
    Case(
        "ai016-ngo-statement",
        "AI016",
        _cor(charge=_charge(ChargeItem.STATEMENT_OF_CORRECTION)),
        REVIEW,
        context=NGO,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """AI016 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses
