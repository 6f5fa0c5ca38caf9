"""Hypothesis strategies for tables of more than two dimensions (`CrossTable`).

A cross table is only valid when its counts fit its dimensions and its published values sit
where its margins put them, so it is drawn whole rather than field by field.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

import attrs
from hypothesis import strategies as st

__all__ = ["category_groups", "cross_dimensions", "cross_strategies", "cross_tables"]


@st.composite
def category_groups(draw: st.DrawFn) -> Any:
    """Draw a `CategoryGroup` over one or two categories."""
    from dpup.disclosure_control import CategoryGroup  # noqa: PLC0415 - keeps imports light

    size = draw(st.integers(1, 2))
    return CategoryGroup(label="group", children=[f"category {i}" for i in range(size)])


@st.composite
def cross_dimensions(draw: st.DrawFn, name: str = "dimension") -> Any:
    """Draw a `Dimension` of one to three categories, sometimes with a group over two.

    Its `variable` is its name or unstated, so releases of cross tables are both compared and
    left to review.
    """
    from dpup.disclosure_control import CategoryGroup, Dimension  # noqa: PLC0415 - as above

    size = draw(st.integers(1, 3))
    labels = [f"{name} {i}" for i in range(size)]
    groups = []
    if size >= 2 and draw(st.booleans()):
        groups.append(CategoryGroup(label=f"{name} group", children=labels[:2]))
    variable = name if draw(st.booleans()) else None
    return Dimension(name=name, categories=labels, groups=groups, variable=variable)


@st.composite
def cross_tables(draw: st.DrawFn) -> Any:
    """Draw a small, well-formed `CrossTable` of three dimensions, some small values withheld."""
    from dpup.disclosure_control import CrossTable  # noqa: PLC0415 - as above

    dims = [draw(cross_dimensions(name)) for name in ("region", "ethnicity", "age")]
    cells = 1
    for dim in dims:
        cells *= len(dim.categories)
    raw = [draw(st.integers(0, 40)) for _ in range(cells)]
    names = [dim.name for dim in dims]
    subsets = [combo for size in range(3) for combo in itertools.combinations(names, size)]
    margins = [margin for margin in subsets if draw(st.booleans())]
    table = CrossTable.from_counts(dims, raw, margins=margins)
    published = [
        value if flag and not (value < 6 and draw(st.booleans())) else None
        for value, flag in zip(table.raw_values(), table.planned(), strict=True)
    ]
    population = draw(st.sampled_from((None, "clients")))
    return attrs.evolve(table, published=published, population=population)


def cross_strategies() -> dict[type, Callable[[], st.SearchStrategy[Any]]]:
    """Map the cross-table types to their strategies, for `dpup.testing.strategies.for_type`."""
    from dpup.disclosure_control import CategoryGroup, CrossTable, Dimension  # noqa: PLC0415

    return {
        CrossTable: cross_tables,
        Dimension: cross_dimensions,
        CategoryGroup: category_groups,
    }
