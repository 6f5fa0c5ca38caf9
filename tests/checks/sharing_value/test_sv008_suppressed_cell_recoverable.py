"""SV008 suppressed-cell-recoverable: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup import (
    Insight,
)
from tests.checks.cases import Case, run_case
from tests.checks.sharing_value._builders import (
    MET,
    NA,
    NOT_MET,
    REVIEW,
    _one_row,
    _protected,
    _standard,
    _tables,
)

CASES = [
    # SV008 suppressed-cell-recoverable
    Case("sv008-lone-suppressed", "SV008", _tables(_one_row((None, 9, 12))), NOT_MET),
    Case("sv008-second-suppressed", "SV008", _tables(_one_row((None, None, 12))), MET),
    Case("sv008-protected", "SV008", _tables(_protected()), MET),
    Case("sv008-no-tables", "SV008", _tables(), NA),
    Case("sv008-declared-done", "SV008", Insight("i", secondary_suppression_done=True), MET),
    Case("sv008-declared-not", "SV008", Insight("i", secondary_suppression_done=False), REVIEW),
    Case("sv008-unrecorded", "SV008", Insight("i"), REVIEW),
    Case(
        "sv008-no-secondary-standard",
        "SV008",
        _tables(_one_row((None, 9, 12))),
        NA,
        settings=_standard(secondary_suppression=False),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """SV008 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses
