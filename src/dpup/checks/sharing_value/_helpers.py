"""Code shared by more than one Sharing Value check."""

from __future__ import annotations

from collections.abc import Callable

from dpup.disclosure_control import (
    ConfidentialityRules,
    DisclosureRule,
    Location,
    LocationKind,
    Table,
    audit,
)
from dpup.findings import Reviewer

__all__ = [
    "NO_TABLES",
    "STAT",
    "SUPPLY_TABLES",
    "location_path",
    "violations",
    "withheld_path",
]


STAT = Reviewer.STATISTICIAN


NO_TABLES = "The insight publishes no tables of counts."


SUPPLY_TABLES = (
    "supply each table with its raw and published counts (tables) so dpup can audit it "
    "against the confidentiality standard"
)


def location_path(index: int, location: Location) -> str:
    """Give the path of a table position, relative to the insight."""
    kind = location.kind
    base = f"tables[{index}]"
    if kind is LocationKind.CELL:
        return f"{base}.published[{location.row}][{location.column}]"
    if kind is LocationKind.ROW_TOTAL:
        return f"{base}.row_totals[{location.row}]"
    if kind is LocationKind.COLUMN_TOTAL:
        return f"{base}.column_totals[{location.column}]"
    return f"{base}.grand_total"


def withheld_path(index: int, location: Location) -> str:
    """Give a recorded path for a withheld table position, relative to the insight.

    A withheld position is ``None`` in the published table by design, so a finding about it
    points at what is recorded: the true count a withheld cell hides (``raw``), the label of
    a line whose total is withheld, or the raw counts behind a withheld grand total.
    """
    kind = location.kind
    base = f"tables[{index}]"
    if kind is LocationKind.CELL:
        return f"{base}.raw[{location.row}][{location.column}]"
    if kind is LocationKind.ROW_TOTAL:
        return f"{base}.row_labels[{location.row}]"
    if kind is LocationKind.COLUMN_TOTAL:
        return f"{base}.column_labels[{location.column}]"
    return f"{base}.raw"


def violations(
    tables: tuple[Table, ...],
    rules: ConfidentialityRules,
    wanted: frozenset[DisclosureRule],
    where: Callable[[int, Location], str] = location_path,
) -> list[str]:
    """Audit every table and return the paths of positions breaking any of ``wanted``.

    ``where`` gives each position's path (by default, where it is published).
    """
    paths: list[str] = []
    for index, table in enumerate(tables):
        for violation in audit(table, rules):
            if violation.rule in wanted:
                path = where(index, violation.location)
                # A value can break two rounding rules at once; name its position once.
                if not paths or paths[-1] != path:
                    paths.append(path)
    return paths
