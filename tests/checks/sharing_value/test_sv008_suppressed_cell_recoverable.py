"""SV008 suppressed-cell-recoverable: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup import (
    Insight,
)
from dpup.checks.sharing_value._helpers import withheld_path
from dpup.disclosure_control import Location, Table
from dpup.findings import Finding, Status
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
from tests.checks.sharing_value._cross_builders import (
    SMALL_CELL,
    cross,
    given_away_by_subtotal,
    protected_cross,
)

# A small row total withheld with its row, but given away by the column totals.
_ROW_TOTAL_GIVEN_AWAY = Table(
    row_labels=("A", "B"),
    column_labels=("x", "y"),
    raw=((1, 2), (9, 12)),
    published=((None, None), (9, 12)),
    row_totals=(None, 21),
    column_totals=(10, 14),
    grand_total=24,
)
# The same for a column.
_COLUMN_TOTAL_GIVEN_AWAY = Table(
    row_labels=("A", "B"),
    column_labels=("x", "y"),
    raw=((1, 9), (2, 12)),
    published=((None, 9), (None, 12)),
    row_totals=(10, 14),
    column_totals=(None, 21),
    grand_total=24,
)

CASES = [
    # SV008 suppressed-cell-recoverable
    Case("sv008-lone-suppressed", "SV008", _tables(_one_row((None, 9, 12))), NOT_MET),
    Case("sv008-second-suppressed", "SV008", _tables(_one_row((None, None, 12))), MET),
    Case("sv008-row-total-recoverable", "SV008", _tables(_ROW_TOTAL_GIVEN_AWAY), NOT_MET),
    Case("sv008-column-total-recoverable", "SV008", _tables(_COLUMN_TOTAL_GIVEN_AWAY), NOT_MET),
    Case("sv008-protected", "SV008", _tables(_protected()), MET),
    Case("sv008-cross-subtotal-recoverable", "SV008", cross(given_away_by_subtotal()), NOT_MET),
    Case("sv008-cross-protected", "SV008", cross(protected_cross()), MET),
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


def _finding(case_id: str) -> Finding:
    (case,) = [c for c in CASES if c.id == case_id]
    (finding,) = run_case(case)
    return finding


@pytest.mark.parametrize(
    ("case_id", "evidence"),
    [
        # The column's total is not published, but it is the withheld cell alone, so it is
        # worked out with it (and is small).
        ("sv008-lone-suppressed", ("$.tables[0].raw[0][0]", "$.tables[0].column_labels[0]")),
        (
            "sv008-row-total-recoverable",
            ("$.tables[0].raw[0][0]", "$.tables[0].raw[0][1]", "$.tables[0].row_labels[0]"),
        ),
        (
            "sv008-column-total-recoverable",
            ("$.tables[0].raw[0][0]", "$.tables[0].raw[1][0]", "$.tables[0].column_labels[0]"),
        ),
    ],
)
def test_not_met_points_at_recorded_values(case_id: str, evidence: tuple[str, ...]) -> None:
    """A withheld value is None by design: the finding names its recorded raw count or label."""
    finding = _finding(case_id)
    assert Status.NOT_MET is finding.status
    assert evidence == finding.evidence


def test_withheld_positions_have_recorded_paths() -> None:
    """Each kind of withheld position maps to a path that is always recorded."""
    found = [
        withheld_path(2, Location(row=row, column=column, row_label=None, column_label=None))
        for row, column in ((1, 0), (1, None), (None, 0), (None, None))
    ]
    assert [
        "tables[2].raw[1][0]",
        "tables[2].row_labels[1]",
        "tables[2].column_labels[0]",
        "tables[2].raw",
    ] == found


def test_cross_table_evidence_is_the_hidden_count() -> None:
    """A cell a region subtotal gives away is named by the true count it hides."""
    finding = _finding("sv008-cross-subtotal-recoverable")
    assert finding.evidence == (f"$.cross_tables[0].raw[{SMALL_CELL}]",)
