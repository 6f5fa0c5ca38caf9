"""AI015 correction-refusal-incomplete: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup.checks import BUILTIN_CHECKS
from dpup.law import Basis
from tests.checks.access_to_information._builders import (
    IN_TIME,
    MET,
    NA,
    NOT_MET,
    REVIEW,
    _cor,
    _refused,
)
from tests.checks.cases import Case, run_case

CASES = [
    # AI015 correction-refusal-incomplete
    Case("ai015-corrected", "AI015", _cor(corrected=True, decided_on=IN_TIME), NA),
    Case("ai015-undecided", "AI015", _cor(), NA),
    Case("ai015-outcome-unrecorded", "AI015", _cor(decided_on=IN_TIME), REVIEW),
    Case("ai015-complete", "AI015", _refused(), MET),
    Case(
        "ai015-no-statement-given",
        "AI015",
        _refused(statement_provided=False, statement_attached=None),
        MET,
    ),
    Case("ai015-no-reasons", "AI015", _refused(reasons_given=False), NOT_MET),
    Case("ai015-not-attached", "AI015", _refused(statement_attached=False), NOT_MET),
    Case("ai015-offer-unrecorded", "AI015", _refused(statement_offered=None), REVIEW),
    Case(
        "ai015-statement-unrecorded",
        "AI015",
        _refused(statement_provided=None, statement_attached=None),
        REVIEW,
    ),
    Case(
        "ai015-attached-unrecorded",
        "AI015",
        _refused(statement_attached=None),
        REVIEW,
    ),
    Case(
        "ai015-provided-unrecorded-not-attached",
        "AI015",
        _refused(statement_provided=None, statement_attached=False),
        REVIEW,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """AI015 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses


def test_names_its_provision_and_condition() -> None:
    """AI015 is a LAW check naming IPP7(4) and its legal condition."""
    check = next(c for c in BUILTIN_CHECKS if c.id == "AI015")
    assert (Basis.LAW, "IPP7(4)") == (check.basis, check.provision)
    assert "statement of correction" in check.condition
