"""AI013 correction-decision-late: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup import (
    CorrectionRequest,
)
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
