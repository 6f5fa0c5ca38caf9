"""Suppression, rounding a whole table, and the pipeline that does both."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import attrs

from dpup.disclosure_control._grid import _determined, _Grid, _group_disclosures, _Line, _Pos
from dpup.disclosure_control._results import Suppression, SuppressionResult
from dpup.disclosure_control._rounding import _check_rng, _rounder
from dpup.disclosure_control._rules import (
    ConfidentialityRules,
    GroupDisclosure,
    RoundingMethod,
    SuppressionReason,
)
from dpup.disclosure_control._solve import _line_to_cover
from dpup.disclosure_control._table import Table

if TYPE_CHECKING:
    from random import Random


# --------------------------------------------------------------------------------------------
# Suppression
# --------------------------------------------------------------------------------------------


def suppress(table: Table, rules: ConfidentialityRules) -> SuppressionResult:
    """Withhold small counts, then enough other values that none can be worked back.

    Primary suppression withholds every cell, and every published total, whose raw value is
    small under `rules` (``0 < value < suppression_threshold``; zero too when zero is not
    exempt). Totals are treated like cells because a small total discloses as much as a small
    cell. When the rules treat group disclosure as a breach, the zeros of every row or column
    whose people all fall in one category are withheld as primary suppressions too.

    Secondary suppression (when `rules.secondary_suppression` is on) then repeats until stable:

    1. For each row or column whose total will be published and which hides exactly one
       protected value, or hides several whose sum is itself small under the rules (the total
       would reveal that sum), withhold the smallest non-zero published value in that line
       (ties go to the first by position). A line whose total is not published needs nothing.
       If the line has no non-zero value left to withhold, withhold its total instead.
    2. As a safety net, solve the published totals as a system of equations (every row and
       column, a total that is not published being one more unknown); if a withheld value
       can still be determined exactly from several lines together, withhold the smallest
       non-zero value in one of its lines (or that line's total) and go back to 1. A value
       worked out only through a withheld total that other lines give away is protected in
       the line that gives the total away.

    This is the standard lone-cell heuristic plus an exactness check, not an optimal solver:
    it does not minimise the information lost, and it assumes published values are exact
    (rounding would blur any subtraction, so this errs on the safe side). Protected values are
    withheld cells and small totals; large totals that are not published are only unknowns.

    Which totals will be published is read from the table: a total that is present (not None)
    will be published. The table's published cell values are ignored; suppression works from
    the raw counts.

    Args:
        table: the table, usually from `Table.from_counts`.
        rules: the confidentiality standard to apply.

    Returns:
        The published table (withheld values set to None, others still raw) and the reason for
        every withheld value.
    """
    grid = _Grid.of(table)
    planned: set[_Pos] = {(r, c) for r in range(grid.n_rows) for c in range(grid.n_columns)} | set(
        grid.published_values()
    )
    revealing: set[_Pos] = set()
    if rules.group_disclosure is GroupDisclosure.BREACH:
        revealing = _group_disclosures(grid, planned)
    reasons: dict[_Pos, SuppressionReason] = {
        pos: SuppressionReason.PRIMARY
        for pos in sorted(planned, key=grid.order)
        if rules.is_small(grid.value(pos)) or pos in revealing
    }

    def protected(pos: _Pos) -> bool:
        return grid.is_cell(pos) or rules.is_small(grid.value(pos))

    if rules.secondary_suppression:
        _secondary(grid, planned, reasons, protected, rules)

    known = planned - reasons.keys()

    def shown(pos: _Pos) -> int | None:
        return grid.value(pos) if pos in known else None

    n_rows, n_columns = grid.n_rows, grid.n_columns
    published = attrs.evolve(
        table,
        published=tuple(tuple(shown((r, c)) for c in range(n_columns)) for r in range(n_rows)),
        row_totals=None
        if table.row_totals is None
        else tuple(shown((r, n_columns)) for r in range(n_rows)),
        column_totals=None
        if table.column_totals is None
        else tuple(shown((n_rows, c)) for c in range(n_columns)),
        grand_total=shown((n_rows, n_columns)),
    )
    suppressions = tuple(
        Suppression(location=grid.location(pos), reason=reasons[pos])
        for pos in sorted(reasons, key=grid.order)
    )
    return SuppressionResult(published=published, suppressions=suppressions)


def _secondary(
    grid: _Grid,
    planned: set[_Pos],
    reasons: dict[_Pos, SuppressionReason],
    protected: Callable[[_Pos], bool],
    rules: ConfidentialityRules,
) -> None:
    """Add secondary suppressions to `reasons` until no protected value can be recovered."""
    known = planned - reasons.keys()

    def exposes(line: _Line) -> bool:
        # A line with a published total gives away a lone protected value by subtraction,
        # and the sum of several withheld values when that sum is itself small.
        total, members = line
        if total not in known:
            return False
        unknown = [pos for pos in members if pos not in known]
        if len(unknown) == 1:
            return protected(unknown[0])
        return any(protected(pos) for pos in unknown) and rules.is_small(
            sum(grid.value(pos) for pos in unknown)
        )

    def cover(line: _Line) -> None:
        total, members = line
        candidates = [pos for pos in members if pos in known and grid.value(pos) > 0]
        # min() keeps the first of equal values, and members are in position order. With no
        # non-zero value left in the line, withholding its total is the only protection.
        chosen = min(candidates, key=grid.value) if candidates else total
        reasons[chosen] = SuppressionReason.SECONDARY
        known.discard(chosen)

    # Every change withholds one more value, and once everything is withheld no line has a known
    # total, so the loop always ends.
    while True:
        # One full pass over the lines, re-testing each line against suppressions made earlier
        # in the same pass, so that partners chosen for one line can also settle later ones.
        changed = False
        for line in grid.lines:
            if exposes(line):
                cover(line)
                changed = True
        if changed:
            continue
        determined = _determined(grid, known)
        exposed = sorted((pos for pos in determined if protected(pos)), key=grid.order)
        if not exposed:
            return
        chosen = _line_to_cover(
            grid.lines,
            lambda pos: [n for n, (t, m) in enumerate(grid.lines) if pos == t or pos in m],
            known=known.__contains__,
            value=grid.value,
            exposed=exposed[0],
            determined=determined,
        )
        if chosen is None:  # pragma: no cover - only values pinned to zero with nothing known
            return
        cover(grid.lines[chosen])


# --------------------------------------------------------------------------------------------
# Rounding a table, and the whole pipeline
# --------------------------------------------------------------------------------------------


def round_table(table: Table, method: RoundingMethod, rng: Random) -> Table:
    """Round every published value of a table, totals included, each independently.

    Each published position (cell or total that is not None) gets a fresh rounding of its raw
    value, so rounding an already rounded table does not round twice. Withheld values stay None.
    Because totals are rounded on their own, rounded cells need not add up to rounded totals;
    that is expected under RR3. Random numbers are drawn cells first, row by row, then row
    totals, column totals and the grand total.

    Args:
        table: the table to round, usually `SuppressionResult.published`.
        method: the rounding method; `RoundingMethod.NONE` publishes raw values.
        rng: the random source; seed it for repeatable output.

    Returns:
        A new table with rounded published values.
    """
    _check_rng(rng)
    rounder = _rounder(method)

    def rounded(shown: int | None, raw: int) -> int | None:
        return None if shown is None else rounder(raw, rng)

    def rounded_line(
        shown: tuple[int | None, ...] | None, raw: tuple[int, ...]
    ) -> tuple[int | None, ...] | None:
        if shown is None:
            return None
        return tuple(rounded(value, total) for value, total in zip(shown, raw, strict=True))

    published = tuple(
        tuple(rounded(value, raw) for value, raw in zip(shown_row, raw_row, strict=True))
        for shown_row, raw_row in zip(table.published, table.raw, strict=True)
    )
    return attrs.evolve(
        table,
        published=published,
        row_totals=rounded_line(table.row_totals, table.raw_row_totals),
        column_totals=rounded_line(table.column_totals, table.raw_column_totals),
        grand_total=rounded(table.grand_total, table.raw_grand_total),
    )


def protect(table: Table, rules: ConfidentialityRules, rng: Random) -> Table:
    """Suppress, then round, a table under the given rules, ready for `audit` and release.

    Args:
        table: the table, usually from `Table.from_counts`.
        rules: the confidentiality standard to apply.
        rng: the random source; seed it for repeatable output.

    Returns:
        The table with withheld values set to None and every other value rounded.
    """
    _check_rng(rng)
    return round_table(suppress(table, rules).published, rules.rounding, rng)
