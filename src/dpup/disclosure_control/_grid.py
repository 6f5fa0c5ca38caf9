"""The extended grid of a table (cells plus totals) and the line equations that bind them."""

from __future__ import annotations

from collections.abc import Callable, Collection

import attrs

from dpup.disclosure_control._results import Location
from dpup.disclosure_control._table import Table

# An (row, column) index into the *extended* grid: the table's cells plus one extra column of row
# totals (column index == number of columns) and one extra row of column totals (row index ==
# number of rows); the grand total sits at the corner. Treating totals as positions lets one set
# of line equations cover cells, margins and the grand total alike.
_Pos = tuple[int, int]
# A line equation: the position of its total, and the positions that add up to it.
_Line = tuple[_Pos, tuple[_Pos, ...]]


@attrs.frozen
class _Grid:
    """A table's raw values on the extended grid, and its line equations."""

    table: Table
    n_rows: int
    n_columns: int
    raw: tuple[tuple[int, ...], ...]
    lines: tuple[_Line, ...]

    @classmethod
    def of(cls, table: Table) -> _Grid:
        n_rows, n_columns = table.shape
        raw = [(*row, total) for row, total in zip(table.raw, table.raw_row_totals, strict=True)]
        raw.append((*table.raw_column_totals, table.raw_grand_total))
        lines: list[_Line] = [
            ((r, n_columns), tuple((r, c) for c in range(n_columns))) for r in range(n_rows + 1)
        ]
        lines.extend(
            ((n_rows, c), tuple((r, c) for r in range(n_rows))) for c in range(n_columns + 1)
        )
        return cls(table, n_rows, n_columns, tuple(raw), tuple(lines))

    def value(self, pos: _Pos) -> int:
        return self.raw[pos[0]][pos[1]]

    def is_cell(self, pos: _Pos) -> bool:
        return pos[0] < self.n_rows and pos[1] < self.n_columns

    def order(self, pos: _Pos) -> tuple[int, int, int]:
        """Sort key: cells row by row, then row totals, column totals, grand total."""
        r, c = pos
        in_total_row = r == self.n_rows
        in_total_column = c == self.n_columns
        # 0 cell, 1 row total, 2 column total, 3 grand total.
        group = 2 * in_total_row + in_total_column
        return group, r, c

    def location(self, pos: _Pos) -> Location:
        r, c = pos
        row = r if r < self.n_rows else None
        column = c if c < self.n_columns else None
        return Location(
            row=row,
            column=column,
            row_label=None if row is None else self.table.row_labels[row],
            column_label=None if column is None else self.table.column_labels[column],
        )

    def positions(self) -> tuple[_Pos, ...]:
        return tuple(
            sorted(
                ((r, c) for r in range(self.n_rows + 1) for c in range(self.n_columns + 1)),
                key=self.order,
            )
        )

    def published_values(self) -> dict[_Pos, int]:
        """Map every published position of the table to its published value."""
        table = self.table
        values: dict[_Pos, int] = {}
        for r, row in enumerate(table.published):
            for c, value in enumerate(row):
                if value is not None:
                    values[r, c] = value
        for r, value in enumerate(table.row_totals or ()):
            if value is not None:
                values[r, self.n_columns] = value
        for c, value in enumerate(table.column_totals or ()):
            if value is not None:
                values[self.n_rows, c] = value
        if table.grand_total is not None:
            values[self.n_rows, self.n_columns] = table.grand_total
        return values


def _lone_unknowns(
    grid: _Grid, known: Collection[_Pos], protected: Callable[[_Pos], bool]
) -> list[tuple[_Line, _Pos]]:
    """Find lines whose total is known and which hide exactly one protected value."""
    found: list[tuple[_Line, _Pos]] = []
    for line in grid.lines:
        total, members = line
        if total not in known:
            continue
        unknown = [pos for pos in members if pos not in known]
        if len(unknown) == 1 and protected(unknown[0]):
            found.append((line, unknown[0]))
    return found


def _determined(grid: _Grid, known: Collection[_Pos]) -> set[_Pos]:
    """Find every unknown position whose value follows exactly from the known ones.

    Every row and column is an equation over its unknowns, its total included when the total
    is not published: a withheld total that other lines give away still binds its row. A
    position is determined when its unit vector lies in the row space of those equations.
    Negating every column equation but the one of row totals, and the equation of column
    totals, leaves each unknown with one +1 and one -1: the incidence matrix of a directed
    graph, which is totally unimodular, so its rank is the same over every field. That lets
    the elimination run over GF(2) on Python ints used as bit sets, which is exact here and
    fast even for large tables. (Tables of more dimensions have no such structure: see
    `_solve`.)
    """
    unknowns = [pos for pos in grid.positions() if pos not in known]
    bit = {pos: 1 << i for i, pos in enumerate(unknowns)}
    reduced: list[tuple[int, int]] = []  # (pivot bit, row) in reduced row echelon form
    for total, members in grid.lines:
        row = 0 if total in known else bit[total]
        for pos in members:
            if pos not in known:
                row |= bit[pos]
        for pivot, other in reduced:
            if row & pivot:
                row ^= other
        if not row:
            continue
        pivot = row & -row
        reduced = [(p, other ^ row if other & pivot else other) for p, other in reduced]
        reduced.append((pivot, row))
    # In reduced form a unit vector is in the row space exactly when some row is that unit
    # vector alone.
    solved = {row for pivot, row in reduced if row == pivot}
    return {pos for pos in unknowns if bit[pos] in solved}


def _group_disclosures(grid: _Grid, published: Collection[_Pos]) -> set[_Pos]:
    """Find published zeros that put everyone in a row or column into one category.

    A body row or column of two or more cells qualifies when exactly one of its cells holds
    anybody and every other cell is published (as the zero it is). The zeros are what tell the
    reader; the one occupied cell may be published or withheld.
    """
    found: set[_Pos] = set()
    for _, members in grid.lines:
        if len(members) < 2 or not grid.is_cell(members[0]):
            continue
        occupied = [pos for pos in members if grid.value(pos) > 0]
        zeros = [pos for pos in members if grid.value(pos) == 0]
        if len(occupied) == 1 and all(pos in published for pos in zeros):
            found.update(zeros)
    return found
