"""SV007 small-cell-published: its cases, on both sides of the line."""

from __future__ import annotations

import attrs
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
    _ethnicity_table,
    _protected,
    _standard,
    _tables,
)
from tests.checks.sharing_value._cross_builders import cross, protected_cross, published_as_is

CASES = [
    # SV007 small-cell-published
    Case("sv007-unrounded-small", "SV007", _tables(_ethnicity_table()), NOT_MET),
    Case("sv007-protected", "SV007", _tables(_protected()), MET),
    Case("sv007-cross-small-published", "SV007", cross(published_as_is()), NOT_MET),
    Case("sv007-cross-protected", "SV007", cross(protected_cross()), MET),
    Case("sv007-cross-none", "SV007", cross(), NA),
    Case("sv007-no-tables", "SV007", _tables(), NA),
    Case("sv007-threshold-ok", "SV007", Insight("i", suppression_threshold=6), MET),
    Case("sv007-threshold-low", "SV007", Insight("i", suppression_threshold=3), NOT_MET),
    Case(
        "sv007-table-ok-threshold-low",
        "SV007",
        _tables(_protected(), suppression_threshold=3),
        NOT_MET,
    ),
    Case("sv007-unrecorded", "SV007", Insight("i"), REVIEW),
    Case(
        "sv007-no-suppression-standard",
        "SV007",
        _tables(_ethnicity_table()),
        NA,
        settings=_standard(suppression_threshold=0),
    ),
    Case(
        "sv007-threshold-one",
        "SV007",
        _tables(),
        NA,
        settings=_standard(suppression_threshold=1),
    ),
    Case(
        "sv007-small-and-threshold-low",
        "SV007",
        _tables(_ethnicity_table(), suppression_threshold=3),
        NOT_MET,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """SV007 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses


def test_cross_table_evidence_is_where_it_is_published() -> None:
    """A small cell of a cross table is named by its published value, or its raw count."""
    from tests.checks.sharing_value._cross_builders import (  # noqa: PLC0415
        SMALL_CELL,
        given_away_by_subtotal,
        small_cell_position,
    )

    (case,) = [c for c in CASES if c.id == "sv007-cross-small-published"]
    (finding,) = run_case(case)
    # Published as planned, without a recorded `published`: the raw count is what shows.
    assert f"$.cross_tables[0].raw[{SMALL_CELL}]" in finding.evidence
    table = given_away_by_subtotal()
    assert table.published is not None
    shown = list(table.published)
    shown[small_cell_position()] = 3
    published = Insight("i", cross_tables=(attrs.evolve(table, published=shown),))
    (finding,) = run_case(Case("shown", "SV007", published, NOT_MET))
    assert f"$.cross_tables[0].published[{small_cell_position()}]" in finding.evidence
