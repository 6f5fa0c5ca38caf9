"""AI010 assistance-not-offered: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup.checks import BUILTIN_CHECKS
from dpup.law import Basis
from dpup.model import (
    Barrier,
)
from tests.checks.access_to_information._builders import MET, NA, NOT_MET, REVIEW, _req
from tests.checks.cases import Case, run_case

CASES = [
    # AI010 assistance-not-offered
    Case("ai010-offered", "AI010", _req(assistance_offered=True), MET),
    Case(
        "ai010-barrier-no-help",
        "AI010",
        _req(barriers=(Barrier.LANGUAGE,), assistance_offered=False),
        NOT_MET,
    ),
    Case("ai010-no-barrier", "AI010", _req(barriers=(), assistance_offered=False), NA),
    Case("ai010-barriers-unrecorded", "AI010", _req(assistance_offered=False), REVIEW),
    Case("ai010-help-unrecorded", "AI010", _req(barriers=(Barrier.LITERACY,)), REVIEW),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """AI010 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses


def test_names_its_provision_and_condition() -> None:
    """AI010 is a LAW check naming s 42 and its legal condition."""
    check = next(c for c in BUILTIN_CHECKS if c.id == "AI010")
    assert (Basis.LAW, "s 42") == (check.basis, check.provision)
    assert "reasonable assistance" in check.condition
