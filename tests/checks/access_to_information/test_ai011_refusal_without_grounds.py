"""AI011 refusal-without-grounds: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup.checks import BUILTIN_CHECKS
from dpup.law import Basis
from dpup.model import (
    AccessDecision,
)
from tests.checks.access_to_information._builders import MET, NA, NOT_MET, REVIEW, _released, _req
from tests.checks.cases import Case, run_case

CASES = [
    # AI011 refusal-without-grounds
    Case("ai011-released", "AI011", _released(), NA),
    Case(
        "ai011-confirmed",
        "AI011",
        _req(
            decision=AccessDecision.REFUSE,
            withholding_grounds=("s 53(b)",),
            complaint_right_stated=True,
            grounds_confirmed=True,
        ),
        MET,
    ),
    Case(
        "ai011-no-grounds",
        "AI011",
        _req(decision=AccessDecision.REFUSE, withholding_grounds=(), complaint_right_stated=True),
        NOT_MET,
    ),
    Case(
        "ai011-no-complaint-right",
        "AI011",
        _req(
            decision=AccessDecision.PARTIAL,
            withholding_grounds=("s 53(b)",),
            complaint_right_stated=False,
        ),
        NOT_MET,
    ),
    Case(
        "ai011-unconfirmed",
        "AI011",
        _req(
            decision=AccessDecision.REFUSE,
            withholding_grounds=("s 53(b)",),
            complaint_right_stated=True,
        ),
        REVIEW,
    ),
    Case("ai011-unrecorded", "AI011", _req(decision=AccessDecision.PARTIAL), REVIEW),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """AI011 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses


def test_names_its_provision_and_condition() -> None:
    """AI011 is a LAW check naming s 46 and its legal condition."""
    check = next(c for c in BUILTIN_CHECKS if c.id == "AI011")
    assert (Basis.LAW, "s 46") == (check.basis, check.provision)
    assert "complain" in check.condition
