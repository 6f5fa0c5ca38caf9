"""AI012 correction-right-not-stated: its cases, on both sides of the line."""

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
    # AI012 correction-right-not-stated
    Case("ai012-stated", "AI012", _released(correction_right_stated=True), MET),
    Case(
        "ai012-not-stated",
        "AI012",
        _req(decision=AccessDecision.PARTIAL, correction_right_stated=False),
        NOT_MET,
    ),
    Case("ai012-unrecorded", "AI012", _released(), REVIEW),
    Case("ai012-refused", "AI012", _req(decision=AccessDecision.REFUSE), NA),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """AI012 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses


def test_names_its_provision_and_condition() -> None:
    """AI012 is a LAW check naming IPP6(2) and its legal condition."""
    check = next(c for c in BUILTIN_CHECKS if c.id == "AI012")
    assert (Basis.LAW, "IPP6(2)") == (check.basis, check.provision)
    assert "correction" in check.condition
