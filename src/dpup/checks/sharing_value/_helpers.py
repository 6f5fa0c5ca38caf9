"""Code shared by more than one Sharing Value check."""

from __future__ import annotations

from collections.abc import Callable

from dpup.disclosure_control import (
    ConfidentialityRules,
    CrossLocation,
    CrossTable,
    DisclosureRule,
    Location,
    LocationKind,
    Table,
    audit,
    audit_cross,
)
from dpup.findings import Reviewer
from dpup.model import Insight

__all__ = [
    "NO_TABLES",
    "STAT",
    "SUPPLY_TABLES",
    "table_violations",
    "tables_field",
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


def tables_field(insight: Insight) -> str:
    """Name the recorded field of tables to point at: ``tables``, else ``cross_tables``."""
    if insight.tables is None and insight.cross_tables is not None:
        return "cross_tables"
    return "tables"


def _cross_path(index: int, table: CrossTable, location: CrossLocation, *, withheld: bool) -> str:
    """Give the path of a cross table's position, relative to the insight.

    A published value is at its flat position in ``published``; when the table records no
    ``published`` (everything planned is published raw), and for a withheld value, the path
    is the true count of a cell (``raw``), or the raw counts a subtotal or margin value is
    the sum of.
    """
    base = f"cross_tables[{index}]"
    if not withheld and table.published is not None:
        return f"{base}.published[{location.position}]"
    if location.cell is not None:
        return f"{base}.raw[{location.cell}]"
    return f"{base}.raw"


def table_violations(
    insight: Insight,
    rules: ConfidentialityRules,
    wanted: frozenset[DisclosureRule],
    *,
    withheld: bool = False,
) -> list[str]:
    """Audit every table of an insight, two-way and cross, for the rules in ``wanted``.

    Args:
        insight: the insight whose ``tables`` and ``cross_tables`` are audited.
        rules: the confidentiality standard.
        wanted: the rules to report.
        withheld: whether to point at what a withheld value hides (`withheld_path`) rather
            than where a value is published (`location_path`).

    Returns:
        The paths of the positions breaking any of ``wanted``, two-way tables first.
    """
    paths = violations(
        insight.tables or (), rules, wanted, withheld_path if withheld else location_path
    )
    for index, table in enumerate(insight.cross_tables or ()):
        for violation in audit_cross(table, rules):
            if violation.rule in wanted:
                path = _cross_path(index, table, violation.location, withheld=withheld)
                # A value can break two rounding rules at once; name its position once.
                if not paths or paths[-1] != path:
                    paths.append(path)
    return paths
