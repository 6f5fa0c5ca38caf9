"""AI007 transfer-late-or-untold: its cases, on both sides of the line."""

from __future__ import annotations

from datetime import date

import pytest

from dpup import (
    AccessRequest,
)
from dpup.model import (
    AccessDecision,
)
from tests.checks.access_to_information._builders import (
    BEFORE_DUE,
    MET,
    NA,
    NOT_MET,
    REVIEW,
    TRANSFER_DUE,
    _released,
    _req,
)
from tests.checks.cases import Case, run_case

CASES = [
    # AI007 transfer-late-or-untold
    Case("ai007-no-transfer", "AI007", _released(), NA),
    Case(
        "ai007-in-time",
        "AI007",
        _req(
            decision=AccessDecision.TRANSFER,
            transferred_on=date(2025, 1, 24),
            requester_told_of_transfer_on=TRANSFER_DUE,
        ),
        MET,
    ),
    Case(
        "ai007-late",
        "AI007",
        _req(
            decision=AccessDecision.TRANSFER,
            transferred_on=date(2025, 1, 28),
            requester_told_of_transfer_on=date(2025, 1, 28),
        ),
        NOT_MET,
    ),
    Case("ai007-not-done-overdue", "AI007", _req(decision=AccessDecision.TRANSFER), NOT_MET),
    Case(
        "ai007-not-done-in-time",
        "AI007",
        _req(decision=AccessDecision.TRANSFER),
        NA,
        as_at=BEFORE_DUE,
    ),
    Case(
        "ai007-person-not-told",
        "AI007",
        _req(transferred_on=date(2025, 1, 24)),
        NOT_MET,
    ),
    Case(
        "ai007-no-receipt",
        "AI007",
        AccessRequest("r", decision=AccessDecision.TRANSFER),
        REVIEW,
    ),
    Case(
        "ai007-before-calendar",
        "AI007",
        AccessRequest("r", received_on=date(1999, 1, 4), decision=AccessDecision.TRANSFER),
        REVIEW,
    ),
    Case(
        "ai007-receipt-unrecorded",
        "AI007",
        AccessRequest("r", decision=AccessDecision.TRANSFER),
        REVIEW,
    ),
    Case(
        "ai007-not-done-on-the-last-day",
        "AI007",
        _req(decision=AccessDecision.TRANSFER),
        NA,
        as_at=TRANSFER_DUE,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """AI007 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses
