"""Code shared by more than one Sharing Value check."""

from __future__ import annotations

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


def violations(
    tables: tuple[Table, ...], rules: ConfidentialityRules, wanted: frozenset[DisclosureRule]
) -> list[str]:
    """Audit every table and return the paths of positions breaking any of ``wanted``."""
    paths: list[str] = []
    for index, table in enumerate(tables):
        for violation in audit(table, rules):
            if violation.rule in wanted:
                path = location_path(index, violation.location)
                # A value can break two rounding rules at once; name its position once.
                if not paths or paths[-1] != path:
                    paths.append(path)
    return paths
