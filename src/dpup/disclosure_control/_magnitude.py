"""Magnitude tables (dollars, hours per cell) and the dominance rules that protect them.

A count table says how many people are in a cell; a magnitude table says how much they hold
between them. A cell can have plenty of contributors and still give one of them away when that
one holds most of the total: $48,000 of $51,450 over 24 clients tells the other 23 (and anyone
who knows them) roughly what the largest received. The n-k rule and the p% rule catch that, and
both need more than the cell total: the largest contributions in each cell.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from typing import cast

import attrs

from dpup.disclosure_control._results import Location, Violation
from dpup.disclosure_control._rules import ConfidentialityRules, DisclosureRule, _is_count
from dpup.disclosure_control._table import _as_tuple, _check_labels, _labels
from dpup.errors import InputError, Problem


def _is_amount(value: object) -> bool:
    """Tell whether a value is a finite, non-negative int or float (not a bool)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    return math.isfinite(value) and value >= 0


def _amounts(value: Sequence[float] | None) -> tuple[float, ...] | None:
    return cast("tuple[float, ...] | None", _as_tuple(value))


@attrs.frozen(kw_only=True)
class CellMagnitude:
    """One cell of a magnitude table: its total, how many contributed, and the largest shares.

    Attributes:
        total: the cell's total amount (for example dollars), non-negative.
        contributors: how many units (people, organisations) contributed to it.
        largest: the largest contributions, largest first. Give at least the top two (fewer
            only when there are fewer contributors), and as many as the n-k rule's n.
            None when they are not recorded: the cell's contributor count can still be
            checked, but not whether a few of them dominate it.

    Raises:
        InputError: listing every problem by path, never echoing the amounts.
    """

    total: float
    contributors: int
    largest: tuple[float, ...] | None = attrs.field(default=None, converter=_amounts)

    def __attrs_post_init__(self) -> None:
        given: dict[str, object] = attrs.asdict(self, recurse=False)
        problems: list[Problem] = []
        total, contributors, largest = given["total"], given["contributors"], given["largest"]
        if not _is_amount(total):
            problems.append(Problem("expected a finite non-negative amount", "$.total"))
        if not _is_count(contributors):
            problems.append(Problem("expected a non-negative integer count", "$.contributors"))
        if largest is None:
            pass
        elif not isinstance(largest, tuple):
            problems.append(Problem("expected a sequence of amounts", "$.largest"))
        elif not problems:
            problems.extend(
                _check_largest(largest, cast("float", total), cast("int", contributors))
            )
        if problems:
            raise InputError(problems)


def _check_largest(largest: tuple[object, ...], total: float, contributors: int) -> list[Problem]:
    """Check the largest contributions against the cell's total and contributor count."""
    problems = [
        Problem("expected a finite non-negative amount", f"$.largest[{i}]")
        for i, value in enumerate(largest)
        if not _is_amount(value)
    ]
    if problems:
        return problems
    amounts = cast("tuple[float, ...]", largest)
    if len(amounts) > contributors:
        problems.append(Problem("expected no more contributions than contributors", "$.largest"))
    if len(amounts) < min(2, contributors):
        problems.append(Problem("expected at least the two largest contributions", "$.largest"))
    if any(later > earlier for earlier, later in itertools.pairwise(amounts)):
        problems.append(Problem("expected the contributions largest first", "$.largest"))
    # A small relative tolerance lets float amounts that add up to the total through.
    if math.fsum(amounts) > total * (1 + 1e-9):
        problems.append(Problem("expected contributions adding up to no more than the total", "$"))
    return problems


def _cells(value: object) -> tuple[tuple[CellMagnitude, ...], ...]:
    rows = _as_tuple(value)
    if isinstance(rows, tuple):
        rows = tuple(_as_tuple(row) for row in rows)
    return cast("tuple[tuple[CellMagnitude, ...], ...]", rows)


def _flags(value: object) -> tuple[tuple[bool, ...], ...]:
    return cast("tuple[tuple[bool, ...], ...]", _cells(value))


def _all_published(table: MagnitudeTable) -> tuple[tuple[bool, ...], ...]:
    # The cells are not validated yet when this default is built: read them as plain objects.
    cells: object = table.cells
    rows = cells if isinstance(cells, tuple) else ()
    return tuple(tuple(True for _ in row) if isinstance(row, tuple) else () for row in rows)


@attrs.frozen(kw_only=True)
class MagnitudeTable:
    """A two-way table of amounts, with each cell's contributors and largest contributions.

    Attributes:
        row_labels: one unique label per row.
        column_labels: one unique label per column.
        cells: one `CellMagnitude` per cell, one list of them per row.
        published: True where the cell's total is (or will be) published; all True by default.

    Raises:
        InputError: listing every problem by path (labels, shape, cells), without amounts.
    """

    row_labels: tuple[str, ...] = attrs.field(converter=_labels)
    column_labels: tuple[str, ...] = attrs.field(converter=_labels)
    cells: tuple[tuple[CellMagnitude, ...], ...] = attrs.field(converter=_cells)
    published: tuple[tuple[bool, ...], ...] = attrs.field(
        converter=_flags, default=attrs.Factory(_all_published, takes_self=True)
    )

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        n_rows = _check_labels(self.row_labels, "$.row_labels", problems)
        n_columns = _check_labels(self.column_labels, "$.column_labels", problems)
        for name, kind in (("cells", CellMagnitude), ("published", bool)):
            grid: object = getattr(self, name)
            if not isinstance(grid, tuple):
                problems.append(Problem("expected a sequence of rows", f"$.{name}"))
                continue
            if n_rows is not None and len(grid) != n_rows:
                problems.append(Problem("expected one row per row label", f"$.{name}"))
            for i, row in enumerate(grid):
                if not isinstance(row, tuple) or (n_columns is not None and len(row) != n_columns):
                    problems.append(
                        Problem("expected one value per column label", f"$.{name}[{i}]")
                    )
                    continue
                problems.extend(
                    Problem(f"expected a {kind.__name__}", f"$.{name}[{i}][{j}]")
                    for j, value in enumerate(row)
                    if not isinstance(value, kind)
                )
        if problems:
            raise InputError(problems)


def contributions_needed(rules: ConfidentialityRules) -> int:
    """Give how many of a cell's largest contributions the rules' dominance tests read.

    The n-k rule reads the largest n and the p% rule the largest two; 0 when both are off.

    Args:
        rules: the confidentiality standard.
    """
    return max(rules.dominance_n, 2 if rules.p_ratio > 0 else 0)


def contributions_missing(cell: CellMagnitude, rules: ConfidentialityRules) -> bool:
    """Tell whether a cell lacks the largest contributions the dominance tests need.

    Args:
        cell: one cell of a magnitude table.
        rules: the confidentiality standard.

    Returns:
        True when the rules test dominance and the cell records fewer of its largest
        contributions than they read (fewer are enough only where there are fewer
        contributors); a cell with no contributors needs none.
    """
    needed = min(contributions_needed(rules), cell.contributors)
    return needed > 0 and (cell.largest is None or len(cell.largest) < needed)


def _dominated(cell: CellMagnitude, rules: ConfidentialityRules) -> bool:
    """Apply the n-k rule: the largest n contributions make up at least k of the total."""
    n = rules.dominance_n
    if n == 0 or cell.total <= 0 or not cell.largest:
        return False
    return math.fsum(cell.largest[:n]) >= rules.dominance_k * cell.total


def _p_percent(cell: CellMagnitude, rules: ConfidentialityRules) -> bool:
    """Apply the p% rule: what the others hold besides the top two is under p of the largest.

    The second largest contributor knows their own amount, so the rest of the total is all
    that stops them estimating the largest; when it is under p of the largest, the estimate is
    closer than p.

    A cell whose contributors all gave nothing (its largest contribution, and so its total,
    is zero) is the limiting case: the total tells everyone each contribution exactly, so it
    breaks the rule too, as in ACRO.
    """
    if rules.p_ratio == 0 or not cell.largest:
        return False
    if cell.largest[0] <= 0:
        return cell.contributors > 0 and cell.total <= 0
    rest = cell.total - math.fsum(cell.largest[:2])
    return rest < rules.p_ratio * cell.largest[0]


def audit_magnitude(table: MagnitudeTable, rules: ConfidentialityRules) -> tuple[Violation, ...]:
    """Check the published cells of a magnitude table for too few or dominant contributors.

    Each published cell is checked for SMALL_CELL_PUBLISHED (its number of contributors is
    small under the rules), DOMINANCE (the n-k rule, when `rules.dominance_n` is above 0) and
    P_PERCENT (the p% rule, when `rules.p_ratio` is above 0). Withheld cells are not checked;
    recovery of withheld amounts from published totals is not modelled here.

    Args:
        table: the magnitude table with its contributions.
        rules: the confidentiality standard to check against.

    Returns:
        The violations, cells row by row and then by rule. Messages carry no amounts.

    Raises:
        InputError: when a published cell gives fewer largest contributions than the
            dominance tests read (`contributions_missing`), or none.
    """
    problems = [
        Problem(
            "expected as many largest contributions as the dominance tests read",
            f"$.cells[{r}][{c}].largest",
        )
        for r, row in enumerate(table.cells)
        for c, cell in enumerate(row)
        if table.published[r][c] and contributions_missing(cell, rules)
    ]
    if problems:
        raise InputError(problems)
    found: list[Violation] = []
    for r, row in enumerate(table.cells):
        for c, cell in enumerate(row):
            if not table.published[r][c]:
                continue
            location = Location(
                row=r,
                column=c,
                row_label=table.row_labels[r],
                column_label=table.column_labels[c],
            )
            rules_broken = [
                rule
                for rule, broken in (
                    (DisclosureRule.SMALL_CELL_PUBLISHED, rules.is_small(cell.contributors)),
                    (DisclosureRule.DOMINANCE, _dominated(cell, rules)),
                    (DisclosureRule.P_PERCENT, _p_percent(cell, rules)),
                )
                if broken
            ]
            found.extend(Violation(rule=rule, location=location) for rule in rules_broken)
    return tuple(found)
