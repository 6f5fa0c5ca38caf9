"""Cross tables (more than two dimensions) for the Sharing Value confidentiality cases."""

from __future__ import annotations

import attrs

from dpup import Insight
from dpup.disclosure_control import (
    STATS_NZ_RR3,
    CategoryGroup,
    CrossTable,
    Dimension,
    protect_cross,
)
from tests.checks.sharing_value._builders import _rng

# Region (three districts, the first two under "north") x ethnicity x age. Every count is a
# multiple of 3, so only the rules under test are in play; d1 x e2 x a1 holds 3 people.
_COUNTS = (21, 30, 3, 36, 24, 42, 45, 51, 60, 69, 81, 90)
SMALL_CELL = 2  # the flat index of that cell in `raw`


def _dimensions() -> tuple[Dimension, ...]:
    return (
        Dimension(
            name="region",
            categories=("d1", "d2", "d3"),
            groups=(CategoryGroup(label="north", children=("d1", "d2")),),
        ),
        Dimension(name="ethnicity", categories=("e1", "e2")),
        Dimension(name="age", categories=("a1", "a2")),
    )


def published_as_is() -> CrossTable:
    """The table with the region subtotals and no margins, published as it is."""
    return CrossTable.from_counts(_dimensions(), _COUNTS, margins=())


def small_cell_position() -> int:
    """The flat position of the small cell in `published`."""
    return published_as_is().position((0, 1, 0))


def given_away_by_subtotal() -> CrossTable:
    """The small cell withheld alone: the published region subtotal gives it away."""
    table = published_as_is()
    hidden = small_cell_position()
    shown = [
        value if flag and pos != hidden else None
        for pos, (value, flag) in enumerate(zip(table.raw_values(), table.planned(), strict=True))
    ]
    return attrs.evolve(table, published=shown)


def protected_cross() -> CrossTable:
    """The table suppressed and rounded under the Stats NZ preset, ready to publish."""
    return protect_cross(CrossTable.from_counts(_dimensions(), _COUNTS), STATS_NZ_RR3, _rng(2020))


def cross(*tables: CrossTable, **kw: object) -> Insight:
    """An insight publishing the given cross tables."""
    return Insight("i", cross_tables=tables, **kw)  # type: ignore[arg-type]  # test builder


def unrounded() -> CrossTable:
    """The table with one more person in every cell, published raw: nothing a multiple of 3."""
    return CrossTable.from_counts(_dimensions(), [count + 1 for count in _COUNTS], margins=())
