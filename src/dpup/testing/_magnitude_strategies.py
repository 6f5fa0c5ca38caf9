"""Hypothesis strategies for tables of amounts (`MagnitudeTable`), kept beside `strategies`.

A cell of a magnitude table is only valid when its largest contributions are sorted, no more
than its contributors, and add up to no more than its total, so the cells are drawn from the
contributions themselves rather than field by field.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

__all__ = ["cell_magnitudes", "magnitude_tables"]


@st.composite
def cell_magnitudes(draw: st.DrawFn) -> Any:
    """Draw a valid `CellMagnitude`: sometimes dominated, sometimes without its shares."""
    from dpup.disclosure_control import CellMagnitude  # noqa: PLC0415 - keeps imports light

    contributors = draw(st.integers(0, 30))
    amounts = sorted((draw(st.integers(0, 50_000)) for _ in range(contributors)), reverse=True)
    total = sum(amounts)
    if not amounts or draw(st.integers(0, 4)) == 0:
        # Shares not recorded (always so for a cell nobody contributed to).
        return CellMagnitude(total=total, contributors=contributors)
    given = draw(st.integers(min(2, contributors), min(4, contributors)))
    return CellMagnitude(total=total, contributors=contributors, largest=amounts[:given])


@st.composite
def magnitude_tables(draw: st.DrawFn) -> Any:
    """Draw a small, well-formed `MagnitudeTable` with some cells withheld."""
    from dpup.disclosure_control import MagnitudeTable  # noqa: PLC0415 - as above

    n_rows = draw(st.integers(1, 3))
    n_cols = draw(st.integers(1, 3))
    return MagnitudeTable(
        row_labels=[f"row {i}" for i in range(n_rows)],
        column_labels=[f"column {j}" for j in range(n_cols)],
        cells=[[draw(cell_magnitudes()) for _ in range(n_cols)] for _ in range(n_rows)],
        published=[[draw(st.booleans()) for _ in range(n_cols)] for _ in range(n_rows)],
    )
