"""AI013 correction-decision-late: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup import (
    CorrectionRequest,
)
from dpup.checks import BUILTIN_CHECKS
from dpup.law import Basis
from tests.checks.access_to_information._builders import (
    BEFORE_DUE,
    IN_TIME,
    LATE,
    MET,
    NA,
    NOT_MET,
    REVIEW,
    WITHIN_EXTENSION,
    _cor,
    _ext,
)
from tests.checks.cases import Case, run_case

CASES = [
    # AI013 correction-decision-late
    Case("ai013-in-time", "AI013", _cor(corrected=True, decided_on=IN_TIME), MET),
    Case("ai013-late", "AI013", _cor(corrected=False, decided_on=LATE), NOT_MET),
    Case(
        "ai013-within-extension",
        "AI013",
        _cor(corrected=True, decided_on=WITHIN_EXTENSION, extension=_ext()),
        MET,
    ),
    Case("ai013-undecided-overdue", "AI013", _cor(), NOT_MET),
    Case("ai013-undecided-in-time", "AI013", _cor(), NA, as_at=BEFORE_DUE),
    Case("ai013-no-date", "AI013", _cor(corrected=True), REVIEW),
    Case("ai013-no-receipt", "AI013", CorrectionRequest("c", corrected=True), REVIEW),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """AI013 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses


def test_overdue_request_cites_only_recorded_facts() -> None:
    """An undecided overdue correction cites its receipt, not the decision date it lacks."""
    case = next(c for c in CASES if c.id == "ai013-undecided-overdue")
    (finding,) = run_case(case)
    assert ("received_on",) == tuple(e.rsplit(".", 1)[-1] for e in finding.evidence)


def test_names_its_provision_and_condition() -> None:
    """AI013 is a LAW check naming the correction decision limit and its condition."""
    check = next(c for c in BUILTIN_CHECKS if c.id == "AI013")
    assert (Basis.LAW, "s 63(1)") == (check.basis, check.provision)
    assert "20 working days" in check.condition
