"""Disclosure control at release size: one table protected and audited, and a release audited.

The baseline is the issue's table: 200 regions by 20 categories of counts with every total
published, run through `suppress` and then `audit`. The release is ten tables one recipient
receives over the same population: the same 200 regions broken down by five different
groupings of age (defined by bands, so the groupings overlap) and by five other variables,
each table protected by `suppress`, then checked together by `audit_release`. The budget
compares cost per published position (cells and totals): the release audit may cost at most
twice what suppression and audit cost per position of the baseline.
"""

from __future__ import annotations

import random
from collections.abc import Callable

import attrs

from dpup.disclosure_control import (
    STATS_NZ_RR3,
    Band,
    RoundingMethod,
    Table,
    audit,
    audit_release,
    suppress,
)

__all__ = [
    "BASELINE",
    "RELEASE",
    "RELEASE_TABLES",
    "baseline",
    "baseline_table",
    "positions",
    "release",
    "release_tables",
    "workloads",
]

RULES = attrs.evolve(STATS_NZ_RR3, rounding=RoundingMethod.NONE)
RELEASE_TABLES = 10
"""How many tables the release holds."""

# Five groupings of ages 0-19 into four bands each, cut at different places, so every pair
# of age tables has figures nested in each other.
_AGE_CUTS = ((5, 10, 15), (4, 9, 14), (6, 11, 16), (3, 8, 13), (7, 12, 17))
_OTHER_VARIABLES = ("ethnicity", "gender", "outcome", "referral", "household")


def _counts(rng: random.Random, rows: int, columns: int) -> list[list[int]]:
    # Mostly large counts with about one small count in seven, as an NGO's tables have.
    return [
        [rng.randint(1, 5) if rng.random() < 0.15 else rng.randint(6, 80) for _ in range(columns)]
        for _ in range(rows)
    ]


def _regions(rows: int) -> list[str]:
    return [f"region {r:03d}" for r in range(rows)]


def _age_table(years: list[list[int]], cuts: tuple[int, int, int]) -> Table:
    """Clients by region and age band, summed from the same counts by single year of age."""
    ends = (0, *cuts, 20)
    bands = tuple(Band(low=ends[i], high=ends[i + 1] - 1) for i in range(4))
    labels = [f"{band.low}-{band.high}" for band in bands]
    counts = [[sum(row[ends[i] : ends[i + 1]]) for i in range(4)] for row in years]
    table = Table.from_counts(_regions(len(years)), labels, counts)
    return attrs.evolve(
        table,
        population="clients",
        row_variable="region",
        column_variable="age",
        column_bands=bands,
    )


def _split(rng: random.Random, total: int, parts: int) -> list[int]:
    cuts = sorted(rng.randint(0, total) for _ in range(parts - 1))
    return [b - a for a, b in zip((0, *cuts), (*cuts, total), strict=True)]


def _other_table(rng: random.Random, totals: list[int], variable: str, columns: int) -> Table:
    """Clients by region and another variable: each region's clients split among categories."""
    labels = [f"{variable} {c}" for c in range(columns)]
    counts = [_split(rng, total, columns) for total in totals]
    table = Table.from_counts(_regions(len(totals)), labels, counts)
    return attrs.evolve(
        table, population="clients", row_variable="region", column_variable=variable
    )


def release_tables(rows: int = 200, seed: int = 2026) -> tuple[Table, ...]:
    """Return the ten protected tables of the release, ``rows`` regions each.

    Every table counts the same clients: the age tables sum one table of counts by single
    year of age, and the others split each region's clients among their categories, so
    their figures agree wherever they count the same people.
    """
    rng = random.Random(seed)  # noqa: S311 - synthetic benchmark data
    years = [[rng.randint(0, 8) for _ in range(20)] for _ in range(rows)]
    totals = [sum(row) for row in years]
    tables = [_age_table(years, cuts) for cuts in _AGE_CUTS]
    tables += [_other_table(rng, totals, variable, 5) for variable in _OTHER_VARIABLES]
    return tuple(suppress(table, RULES).published for table in tables)


def baseline_table(rows: int = 200, columns: int = 20, seed: int = 2026) -> Table:
    """Return the baseline table: ``rows`` by ``columns`` counts with every total."""
    rng = random.Random(seed)  # noqa: S311 - synthetic benchmark data
    labels = [f"category {c:02d}" for c in range(columns)]
    return Table.from_counts(_regions(rows), labels, _counts(rng, rows, columns))


def positions(tables: tuple[Table, ...]) -> int:
    """Count the positions (cells and totals) of the tables: the unit of the budget."""
    return sum((t.shape[0] + 1) * (t.shape[1] + 1) for t in tables)


def baseline(table: Table) -> Callable[[], object]:
    """Return the baseline call: suppress the table, then audit what would be published."""

    def run() -> object:
        return audit(suppress(table, RULES).published, RULES)

    return run


def release(tables: tuple[Table, ...]) -> Callable[[], object]:
    """Return the release call: audit the ten protected tables together."""

    def run() -> object:
        return audit_release(tables, RULES)

    return run


BASELINE = "suppress-audit-table"
RELEASE = "release-10-tables"


def workloads(
    *, smoke: bool
) -> tuple[dict[str, Callable[[], object]], dict[str, str], dict[str, int]]:
    """Return the two workloads by name, their labels, and their positions (the units).

    Args:
        smoke: use tiny tables (ten regions), for the smoke run.
    """
    rows = 10 if smoke else 200
    table = baseline_table(rows)
    tables = release_tables(rows)
    calls = {BASELINE: baseline(table), RELEASE: release(tables)}
    labels = {
        BASELINE: f"suppress + audit, {rows} x 20 table with totals",
        RELEASE: f"audit_release, {RELEASE_TABLES} tables of {rows} regions",
    }
    units = {BASELINE: positions((table,)), RELEASE: positions(tables)}
    return calls, labels, units
