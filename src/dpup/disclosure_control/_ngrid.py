"""The extended cube of a `CrossTable`, its line equations, and what they let a reader solve."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from dpup.disclosure_control._ntable import CrossTable
from dpup.disclosure_control._rules import DisclosureRule, SuppressionReason
from dpup.disclosure_control._solve import _Line, _solve

# A position is a flat index into the extended cube (see `CrossTable.position`). A line is the
# position of an aggregate (a group subtotal or a total) and the positions that add up to it:
# the aggregate's direct children along one dimension, every other coordinate held fixed.


@attrs.frozen(kw_only=True)
class CrossLocation:
    """A position in a cross table: a cell, a group subtotal, or a margin's value.

    Attributes:
        dimensions: the names of the table's dimensions, in order.
        indices: one index per dimension along its axis: a category, then a group, and the
            dimension's total at ``len(dimension.axis)``.
        totals: for each dimension, whether the position is at that dimension's total.
        position: the flat index in `CrossTable.published`.
        cell: the flat index in `CrossTable.raw` when the position is a cell, else None.
    """

    dimensions: tuple[str, ...]
    indices: tuple[int, ...]
    totals: tuple[bool, ...]
    position: int
    cell: int | None

    @property
    def is_cell(self) -> bool:
        """Whether the position is a cell (a category in every dimension)."""
        return self.cell is not None

    def __str__(self) -> str:
        parts = [
            f"{name} total" if total else f"{name} {index}"
            for name, index, total in zip(self.dimensions, self.indices, self.totals, strict=True)
        ]
        kind = "cell" if self.is_cell else "value"
        return f"{kind} at ({', '.join(parts)})"


@attrs.frozen(kw_only=True)
class CrossSuppression:
    """One withheld value of a cross table and the reason it was withheld."""

    location: CrossLocation
    reason: SuppressionReason


@attrs.frozen(kw_only=True)
class CrossSuppressionResult:
    """The outcome of `suppress_cross`.

    Attributes:
        published: the table with withheld values set to None in `CrossTable.published`.
            Other values are still raw: round them before release.
        suppressions: every withheld value with its reason, in position order (cells first,
            then values at one or more totals or group subtotals).
    """

    published: CrossTable
    suppressions: tuple[CrossSuppression, ...]

    def reason_at(self, indices: Sequence[int]) -> SuppressionReason | None:
        """Give why a position was withheld, or None if it was not.

        Args:
            indices: one axis index per dimension (see `CrossTable.position`).
        """
        wanted = tuple(indices)
        for item in self.suppressions:
            if item.location.indices == wanted:
                return item.reason
        return None

    @property
    def primary(self) -> tuple[CrossLocation, ...]:
        """The locations withheld because they hold small counts."""
        return self._with(SuppressionReason.PRIMARY)

    @property
    def secondary(self) -> tuple[CrossLocation, ...]:
        """The locations withheld to protect other withheld values."""
        return self._with(SuppressionReason.SECONDARY)

    def _with(self, reason: SuppressionReason) -> tuple[CrossLocation, ...]:
        return tuple(item.location for item in self.suppressions if item.reason is reason)


@attrs.frozen(kw_only=True)
class CrossViolation:
    """A value of a cross table, published or withheld, that breaks a disclosure-control rule.

    The message is generic: it never contains raw or published values.
    """

    rule: DisclosureRule
    location: CrossLocation

    @property
    def message(self) -> str:
        """Explain the rule broken, without values or labels."""
        return self.rule.description

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


# Per dimension: (first line number, stride, axis length, parents per block, the parent of each
# axis index (-1 for the total), the parent number of each aggregate (-1 for others)).
_Axis = tuple[int, int, int, int, list[int], list[int]]
# What the cube's layout holds: the aggregation bits and cell flags of every position, the
# lines, and the axes. It depends on the dimensions only, and is never changed once built.
_Layout = tuple[list[int], bytearray, list[_Line], list[_Axis]]
_last_layout: tuple[object, _Layout] = (None, ([], bytearray(), [], []))


class _Cube:
    """A cross table's raw values on the extended cube, and its line equations."""

    __slots__ = (
        "aggregated",
        "axes",
        "cell",
        "extent",
        "lines",
        "names",
        "raw",
        "size",
        "table",
    )

    def __init__(self, table: CrossTable) -> None:
        self.table = table
        self.extent = table.extent
        self.names = tuple(dim.name for dim in table.dimensions)
        self.raw = table.raw_values()
        self.size = len(self.raw)
        # The layout depends on the dimensions alone; suppressing a table and then auditing
        # it (or several checks auditing one table) reuse the last one built.
        global _last_layout  # noqa: PLW0603 - a one-entry memo, replaced whole
        dimensions, layout = _last_layout
        if dimensions != table.dimensions:
            layout = self._layout()
            _last_layout = (table.dimensions, layout)
        self.aggregated, self.cell, self.lines, self.axes = layout

    def _layout(self) -> _Layout:
        table = self.table
        # For each position: a bit per dimension at a group or total (first dimension highest),
        # which orders cells before every kind of subtotal as the two-way grid does.
        aggregated = [0]
        cell = bytearray(b"\x01")
        for dim, size in zip(table.dimensions, self.extent, strict=True):
            n = len(dim.categories)
            aggregated = [bits * 2 + (i >= n) for bits in aggregated for i in range(size)]
            cell = bytearray(flag and i < n for flag in cell for i in range(size))
        lines, axes = self._lines()
        return aggregated, cell, lines, axes

    def _lines(self) -> tuple[list[_Line], list[_Axis]]:
        """Every line equation, last dimension first, then by the fixed coordinates."""
        lines: list[_Line] = []
        extent = self.extent
        axes: list[_Axis] = [(0, 0, 0, 0, [], []) for _ in extent]
        for d in reversed(range(len(extent))):
            dim = self.table.dimensions[d]
            stride = 1
            for size in extent[d + 1 :]:
                stride *= size
            size = extent[d]
            axis = dim.axis
            index = {label: i for i, label in enumerate(axis)}
            under = {index[child] for group in dim.groups for child in group.children}
            parents = [
                (len(dim.categories) + j, tuple(index[child] for child in group.children))
                for j, group in enumerate(dim.groups)
            ]
            parents.append((len(axis), tuple(i for i in range(len(axis)) if i not in under)))
            parent_of = [-1] * size
            own = [-1] * size
            for k, (parent, kids) in enumerate(parents):
                own[parent] = k
                for kid in kids:
                    parent_of[kid] = k
            axes[d] = (len(lines), stride, size, len(parents), parent_of, own)
            outer = self.size // (size * stride)
            for o in range(outer):
                for i in range(stride):
                    base = o * size * stride + i
                    lines.extend(
                        (base + parent * stride, tuple(base + k * stride for k in kids))
                        for parent, kids in parents
                    )
        return lines, axes

    def lines_through(self, pos: int) -> list[int]:
        """Give the numbers of the lines a position is in, as aggregate or member, in order."""
        found: list[int] = []
        for first, stride, size, per_block, parent_of, own in self.axes:
            outer, rest = divmod(pos, stride * size)
            index, inner = divmod(rest, stride)
            block = first + (outer * stride + inner) * per_block
            if parent_of[index] >= 0:
                found.append(block + parent_of[index])
            if own[index] >= 0:
                found.append(block + own[index])
        found.sort()
        return found

    def order(self, pos: int) -> int:
        """Sort key: cells first, then by which dimensions are aggregated, then row-major."""
        return self.aggregated[pos] * self.size + pos

    def location(self, pos: int) -> CrossLocation:
        indices: list[int] = []
        rest = pos
        for size in reversed(self.extent):
            rest, index = divmod(rest, size)
            indices.append(index)
        indices.reverse()
        totals = tuple(index == size - 1 for index, size in zip(indices, self.extent, strict=True))
        cell = None
        if self.cell[pos]:
            cell = 0
            for index, size in zip(indices, self.table.shape, strict=True):
                cell = cell * size + index
        return CrossLocation(
            dimensions=self.names,
            indices=tuple(indices),
            totals=totals,
            position=pos,
            cell=cell,
        )


def _determined(cube: _Cube, known: bytearray) -> set[int]:
    """Find every unknown position of the cube whose value follows from the known ones."""
    return _solve(cube.lines, known)
