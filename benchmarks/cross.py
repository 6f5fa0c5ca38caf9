"""Disclosure control of a three-way table: 50 regions x 40 ethnicities x 50 ages.

100,000 cells with every margin published (each pair of dimensions, each dimension alone and
the grand total: 106,641 positions in all), run through `suppress_cross` and then
`audit_cross`, as the two-way baseline (`benchmarks.release.BASELINE`, a 200 x 20 table with
its totals) is run through `suppress` and `audit`. Counts come from the same mix: about one
in seven small. The budget compares cost per position: the three-way table may cost at most
twice what the two-way baseline costs per position.

`audit_cross` reuses what `suppress_cross` worked out for the same table (the layout of the
cube, and the solution of the published values, each kept for the last table only). So that
every timed call pays for its own layout and solution, calls alternate between the table and
one of the same size with its dimensions in another order (50 x 50 x 40).
"""

from __future__ import annotations

import random
from collections.abc import Callable

import attrs

from dpup.disclosure_control import (
    STATS_NZ_RR3,
    CrossTable,
    Dimension,
    RoundingMethod,
    audit_cross,
    suppress_cross,
)

__all__ = ["CROSS", "cross_table", "suppress_and_audit", "workloads"]

RULES = attrs.evolve(STATS_NZ_RR3, rounding=RoundingMethod.NONE)
CROSS = "suppress-audit-cross-table"
_SHAPE = (("region", 50), ("ethnicity", 40), ("age", 50))
_OTHER = (("region", 50), ("age", 50), ("ethnicity", 40))


def cross_table(
    scale: int = 1, seed: int = 2026, shape: tuple[tuple[str, int], ...] = _SHAPE
) -> CrossTable:
    """Return the three-way table with every margin; ``scale`` divides each dimension."""
    rng = random.Random(seed)  # noqa: S311 - synthetic benchmark data
    dims = [
        Dimension(name=name, categories=[f"{name} {i:02d}" for i in range(size // scale)])
        for name, size in shape
    ]
    cells = 1
    for dim in dims:
        cells *= len(dim.categories)
    # Mostly large counts with about one small count in seven, as in the two-way baseline.
    raw = [rng.randint(1, 5) if rng.random() < 0.15 else rng.randint(6, 80) for _ in range(cells)]
    return CrossTable.from_counts(dims, raw)


def suppress_and_audit(*tables: CrossTable) -> Callable[[], object]:
    """Return the call: suppress a table, then audit what would be published.

    Successive calls take the tables in turn.
    """
    turn = [0]

    def run() -> object:
        table = tables[turn[0] % len(tables)]
        turn[0] += 1
        return audit_cross(suppress_cross(table, RULES).published, RULES)

    return run


def workloads(
    *, smoke: bool
) -> tuple[dict[str, Callable[[], object]], dict[str, str], dict[str, int]]:
    """Return the workload by name, its label, and its positions (the unit of the budget).

    Args:
        smoke: use a table a tenth the size in each dimension, for the smoke run.
    """
    scale = 10 if smoke else 1
    table = cross_table(scale)
    other = cross_table(scale, seed=2027, shape=_OTHER)
    shape = " x ".join(str(n) for n in table.shape)
    calls = {CROSS: suppress_and_audit(table, other)}
    labels = {CROSS: f"suppress_cross + audit_cross, {shape} table, every margin"}
    return calls, labels, {CROSS: table.position_count}
