"""`CrossTable`: a table of counts over any number of dimensions, with hierarchical margins.

A cross table's cells are the combinations of one *category* from each dimension. Around the
cells sit the values a reader may also be given: a dimension's *groups* (a parent category and
the categories or groups under it, such as a region and its districts) and its total. Together
they make the *extended cube*: along each dimension the positions are its categories, then its
groups in the order given, then its total. A value at any position is the sum of the cells it
covers. The body (every dimension broken down, groups included) is always published; each
entry of ``margins`` adds the positions where the dimensions it names are broken down and every
other dimension is at its total (``()`` is the grand total).
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Iterable, Sequence
from typing import Final, cast

import attrs

from dpup.disclosure_control._bands import Band, _bands, check_release_fields
from dpup.disclosure_control._rules import _is_count
from dpup.disclosure_control._table import Table, _as_tuple
from dpup.errors import InputError, Problem

MAX_CROSS_DIMENSIONS: Final = 8
"""The most dimensions a `CrossTable` may have."""

MAX_CROSS_POSITIONS: Final = 4_000_000
"""The most positions (cells, group subtotals and totals) a `CrossTable`'s extended cube may
have: 50 x 40 x 50 cells with every margin is about 107,000."""


def _strings(value: Sequence[str]) -> tuple[str, ...]:
    return cast("tuple[str, ...]", _as_tuple(value))


def _ints(value: Sequence[int]) -> tuple[int, ...]:
    return cast("tuple[int, ...]", _as_tuple(value))


def _optional_values(value: Sequence[int | None] | None) -> tuple[int | None, ...] | None:
    return cast("tuple[int | None, ...] | None", _as_tuple(value))


def _groups(value: Sequence[CategoryGroup]) -> tuple[CategoryGroup, ...]:
    return cast("tuple[CategoryGroup, ...]", _as_tuple(value))


def _dimensions(value: Sequence[Dimension]) -> tuple[Dimension, ...]:
    return cast("tuple[Dimension, ...]", _as_tuple(value))


def _margins(value: Sequence[Sequence[str]]) -> tuple[tuple[str, ...], ...]:
    margins = _as_tuple(value)
    if isinstance(margins, tuple):
        margins = tuple(_as_tuple(margin) for margin in margins)
    return cast("tuple[tuple[str, ...], ...]", margins)


def _is_text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


@attrs.frozen(kw_only=True)
class CategoryGroup:
    """A parent category of a dimension: its value is the sum of its children's.

    Attributes:
        label: the group's label, unique among the dimension's categories and groups.
        children: the labels of the categories or other groups directly under it. Each
            category or group sits under at most one group, and the groups form a tree.
    """

    label: str
    children: tuple[str, ...] = attrs.field(converter=_strings)


@attrs.frozen(kw_only=True)
class Dimension:
    """One way a cross table breaks people down, with its categories and their hierarchy.

    Attributes:
        name: the dimension's name (such as ``"region"``), unique in its table.
        categories: the labels of its finest categories, one per cell along this dimension.
        groups: parent categories and what they hold (region over district, ethnicity level 1
            over level 2); their subtotals are published wherever the dimension is broken down.
            Categories under no group, and groups under no group, add up to the total.
        variable: what the dimension classifies people by, for comparing tables of one
            release (see `audit_release`); None when not stated. The name alone is not taken
            as the variable, since two tables may use one name for different groupings.
        bands: what each category covers (`Band`, one per category, all of one kind), or
            None; a group covers what its children cover. Requires `variable`.
    """

    name: str
    categories: tuple[str, ...] = attrs.field(converter=_strings)
    groups: tuple[CategoryGroup, ...] = attrs.field(default=(), converter=_groups)
    variable: str | None = None
    bands: tuple[Band, ...] | None = attrs.field(default=None, converter=_bands)

    @property
    def axis(self) -> tuple[str, ...]:
        """The labels along this dimension's axis of the extended cube, total excluded."""
        return self.categories + tuple(group.label for group in self.groups)


def _check_dimension(dim: object, path: str, problems: list[Problem]) -> bool:
    """Validate one dimension; return whether it is sound enough to size the cube."""
    if not isinstance(dim, Dimension):
        problems.append(Problem("expected a Dimension", path))
        return False
    before = len(problems)
    if not _is_text(dim.name):
        problems.append(Problem("expected a non-blank name", f"{path}.name"))
    labelled = len(problems)
    labels: dict[str, int] = {}
    categories: object = dim.categories
    if not isinstance(categories, tuple) or not categories:
        problems.append(Problem("expected a non-empty sequence of labels", f"{path}.categories"))
        return False
    for i, label in enumerate(categories):
        _add_label(label, f"{path}.categories[{i}]", labels, i, problems)
    groups: object = dim.groups
    if not isinstance(groups, tuple):
        problems.append(Problem("expected a sequence of CategoryGroup", f"{path}.groups"))
        return False
    n = len(categories)
    for j, group in enumerate(groups):
        if not isinstance(group, CategoryGroup):
            problems.append(Problem("expected a CategoryGroup", f"{path}.groups[{j}]"))
            continue
        _add_label(group.label, f"{path}.groups[{j}].label", labels, n + j, problems)
    if len(problems) == labelled:
        _check_hierarchy(dim, path, labels, problems)
    return len(problems) == before


def _add_label(
    label: object, path: str, labels: dict[str, int], index: int, problems: list[Problem]
) -> None:
    if not _is_text(label):
        problems.append(Problem("expected a non-blank string label", path))
    elif label in labels:
        problems.append(Problem("expected unique labels; this repeats one", path))
    else:
        labels[cast("str", label)] = index


def _check_hierarchy(
    dim: Dimension, path: str, labels: dict[str, int], problems: list[Problem]
) -> None:
    before = len(problems)
    parent: dict[int, int] = {}
    n = len(dim.categories)
    for j, group in enumerate(dim.groups):
        children: object = group.children
        where = f"{path}.groups[{j}].children"
        if not isinstance(children, tuple) or not children:
            problems.append(Problem("expected a non-empty sequence of labels", where))
            continue
        for k, child in enumerate(children):
            index = labels.get(child) if isinstance(child, str) else None
            if index is None:
                problems.append(
                    Problem(
                        "expected the label of a category or group of this dimension",
                        f"{where}[{k}]",
                    )
                )
            elif index in parent:
                problems.append(
                    Problem("expected each category or group under one group only", f"{where}[{k}]")
                )
            else:
                parent[index] = n + j
    if len(problems) > before:
        return
    for j in range(len(dim.groups)):
        node, steps = n + j, 0
        while node in parent and steps <= len(dim.groups):
            node, steps = parent[node], steps + 1
        if steps > len(dim.groups):
            problems.append(
                Problem(
                    "expected groups to form a tree; this one is in a cycle", f"{path}.groups[{j}]"
                )
            )


@attrs.frozen(kw_only=True)
class CrossTable:
    """A table of counts over any number of dimensions, as collected and as published.

    Cells are stored flat in row-major order: the last dimension varies fastest, so a 3 x 4 x 5
    table's cell (i, j, k) is ``raw[(i * 4 + j) * 5 + k]``. Published values are stored flat
    over the extended cube the same way, each dimension's axis being its categories, then its
    groups, then its total (`Dimension.axis` plus one); `position` computes the index. Lists
    are accepted and stored as tuples.

    Attributes:
        dimensions: the dimensions, in the order of the cell layout (at least one).
        raw: the true counts of the cells, flat in row-major order.
        margins: the margins that are, or will be, published beside the body, each named by
            the dimensions it breaks down (in any order; an empty one is the grand total). The body,
            with every group's subtotals, is always published.
        published: the published value of every position of the extended cube, None where a
            value is withheld or not part of anything published; None (the default) to publish
            the raw value of every position of the body and the listed margins.
        key: a name for the table that stays the same across releases (keyed rounding uses
            it), or None.
        population: who the table counts, or None when not stated; only tables over the same
            population are compared in a release (see `audit_release`).

    Raises:
        InputError: listing every problem found (dimensions and their hierarchy, shape,
            margins that name unknown dimensions, non-integer or negative values, published
            values where nothing is published).
    """

    dimensions: tuple[Dimension, ...] = attrs.field(converter=_dimensions)
    raw: tuple[int, ...] = attrs.field(converter=_ints)
    margins: tuple[tuple[str, ...], ...] = attrs.field(default=(), converter=_margins)
    published: tuple[int | None, ...] | None = attrs.field(default=None, converter=_optional_values)
    key: str | None = None
    population: str | None = None

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        dims: object = self.dimensions
        sound = isinstance(dims, tuple) and bool(dims)
        if not sound:
            problems.append(Problem("expected a non-empty sequence of Dimension", "$.dimensions"))
        else:
            dims = cast("tuple[object, ...]", dims)
            if len(dims) > MAX_CROSS_DIMENSIONS:
                problems.append(Problem("expected at most 8 dimensions", "$.dimensions"))
                sound = False
            for d, dim in enumerate(dims):
                sound = _check_dimension(dim, f"$.dimensions[{d}]", problems) and sound
        if sound:
            names = [dim.name for dim in self.dimensions]
            problems.extend(
                Problem(
                    "expected unique dimension names; this repeats one", f"$.dimensions[{d}].name"
                )
                for d, name in enumerate(names)
                if name in names[:d]
            )
            extent = 1
            for dim in self.dimensions:
                extent *= len(dim.axis) + 1
            if extent > MAX_CROSS_POSITIONS:
                problems.append(
                    Problem("expected at most 4,000,000 positions with totals", "$.dimensions")
                )
                sound = False
        self._check_margins(problems)
        self._check_values(problems, sound=sound and not problems)
        # Dimensions that are not sound are already reported; their fields are not read.
        dims = self.dimensions if sound else ()
        check_release_fields(
            population=self.population,
            key=self.key,
            variables=[(f"$.dimensions[{d}].variable", dim.variable) for d, dim in enumerate(dims)],
            bands=[
                (f"$.dimensions[{d}].bands", dim.bands, len(dim.categories))
                for d, dim in enumerate(dims)
            ],
            problems=problems,
        )
        if problems:
            raise InputError(problems)

    def _check_margins(self, problems: list[Problem]) -> None:
        margins: object = self.margins
        if not isinstance(margins, tuple):
            problems.append(Problem("expected a sequence of margins", "$.margins"))
            return
        dims: object = self.dimensions
        names = None
        if isinstance(dims, tuple) and all(isinstance(dim, Dimension) for dim in dims):
            names = {dim.name for dim in cast("tuple[Dimension, ...]", dims)}
        seen: set[frozenset[str]] = set()
        for m, margin in enumerate(margins):
            path = f"$.margins[{m}]"
            if not isinstance(margin, tuple):
                problems.append(Problem("expected a sequence of dimension names", path))
                continue
            for k, name in enumerate(margin):
                if not isinstance(name, str) or (names is not None and name not in names):
                    problems.append(Problem("expected the name of a dimension", f"{path}[{k}]"))
                elif name in margin[:k]:
                    problems.append(Problem("expected each dimension once", f"{path}[{k}]"))
            key = frozenset(name for name in margin if isinstance(name, str))
            if names is not None and key == names:
                problems.append(Problem("expected a margin, not the body (always published)", path))
            elif key in seen:
                problems.append(Problem("expected each margin once; this repeats one", path))
            seen.add(key)

    def _check_values(self, problems: list[Problem], *, sound: bool) -> None:
        raw: object = self.raw
        if not isinstance(raw, tuple):
            problems.append(Problem("expected a sequence of counts", "$.raw"))
        else:
            if sound and len(raw) != self.cell_count:
                problems.append(Problem("expected one count per cell", "$.raw"))
            problems.extend(
                Problem("expected a non-negative integer", f"$.raw[{i}]")
                for i, value in enumerate(raw)
                if not _is_count(value)
            )
        published: object = self.published
        if published is None:
            return
        if not isinstance(published, tuple):
            problems.append(Problem("expected a sequence of values or None", "$.published"))
            return
        bad = [
            Problem("expected a non-negative integer or None", f"$.published[{i}]")
            for i, value in enumerate(published)
            if not (value is None or _is_count(value))
        ]
        problems.extend(bad)
        if not sound:
            return
        if len(published) != self.position_count:
            problems.append(Problem("expected one value per position with totals", "$.published"))
            return
        if not bad:
            planned = self.planned()
            problems.extend(
                Problem("expected None where no published margin puts a value", f"$.published[{i}]")
                for i, value in enumerate(published)
                if value is not None and not planned[i]
            )

    @classmethod
    def from_counts(
        cls,
        dimensions: Sequence[Dimension],
        raw: Sequence[int],
        *,
        margins: Iterable[Sequence[str]] | None = None,
    ) -> CrossTable:
        """Build a cross table that publishes its raw counts and, by default, every margin.

        Args:
            dimensions: the dimensions, in the order of the cell layout.
            raw: the true counts, flat in row-major order.
            margins: the margins to publish; None (the default) for every margin over every
                subset of the dimensions, grand total included.

        Returns:
            The table; its `published` is None, so every planned value is published raw.
        """
        dims = tuple(dimensions)
        if margins is None:
            names = [str(getattr(dim, "name", "")) for dim in dims]
            chosen = [
                combo for size in range(len(names)) for combo in itertools.combinations(names, size)
            ]
        else:
            chosen = [tuple(margin) for margin in margins]
        return cls(dimensions=dims, raw=tuple(raw), margins=chosen)

    @classmethod
    def from_table(
        cls, table: Table, *, row_name: str = "rows", column_name: str = "columns"
    ) -> CrossTable:
        """Give a two-way `Table` as a cross table of two dimensions.

        A present row or column total, or grand total, makes that margin published, with its
        withheld values (None) kept withheld.

        Args:
            table: the two-way table.
            row_name: the name of the row dimension.
            column_name: the name of the column dimension.

        Returns:
            The same table, laid out as a cross table.
        """
        dims = (
            Dimension(name=row_name, categories=table.row_labels),
            Dimension(name=column_name, categories=table.column_labels),
        )
        n_rows, n_columns = table.shape
        margins: list[tuple[str, ...]] = []
        width = n_columns + 1
        published: list[int | None] = [None] * ((n_rows + 1) * width)
        for r, row in enumerate(table.published):
            published[r * width : r * width + n_columns] = row
        if table.row_totals is not None:
            margins.append((row_name,))
            for r, value in enumerate(table.row_totals):
                published[r * width + n_columns] = value
        if table.column_totals is not None:
            margins.append((column_name,))
            published[n_rows * width : n_rows * width + n_columns] = table.column_totals
        if table.grand_total is not None:
            margins.append(())
            published[-1] = table.grand_total
        return cls(
            dimensions=dims,
            raw=tuple(value for row in table.raw for value in row),
            margins=margins,
            published=published,
        )

    @property
    def shape(self) -> tuple[int, ...]:
        """The number of categories of each dimension."""
        return tuple(len(dim.categories) for dim in self.dimensions)

    @property
    def extent(self) -> tuple[int, ...]:
        """The length of each axis of the extended cube: categories, groups and the total."""
        return tuple(len(dim.axis) + 1 for dim in self.dimensions)

    @property
    def cell_count(self) -> int:
        """How many cells the table has."""
        count = 1
        for size in self.shape:
            count *= size
        return count

    @property
    def position_count(self) -> int:
        """How many positions the extended cube has (cells, subtotals and totals)."""
        count = 1
        for size in self.extent:
            count *= size
        return count

    def position(self, indices: Sequence[int]) -> int:
        """Give the flat index in `published` of a position of the extended cube.

        Args:
            indices: one index per dimension along its axis (categories, then groups, then
                the total at ``len(dimension.axis)``).
        """
        flat = 0
        for index, size in zip(indices, self.extent, strict=True):
            flat = flat * size + index
        return flat

    def planned(self) -> list[bool]:
        """Tell, for every position of the extended cube, whether it is published.

        The body (every dimension at a category or group) and the positions of each listed
        margin are; nothing else is.
        """
        # A position is published when the set of dimensions at their total is the
        # complement of a published margin's (the body's is empty). Work that set out for
        # every position as bits (the first dimension highest), one dimension at a time.
        names = [dim.name for dim in self.dimensions]
        wanted = {0}
        for margin in self.margins:
            bits = 0
            for name in names:
                bits = bits * 2 + (name not in margin)
            wanted.add(bits)
        at_total = [0]
        for size in self.extent:
            last = size - 1
            at_total = [bits * 2 + (i == last) for bits in at_total for i in range(size)]
        return [bits in wanted for bits in at_total]

    def published_values(self) -> list[int | None]:
        """Give the value a reader sees at every position of the extended cube, flat.

        That is `published` when it is recorded; otherwise the raw value of every planned
        position (see `planned`), and None elsewhere.
        """
        if self.published is not None:
            return list(self.published)
        return [
            value if flag else None
            for value, flag in zip(self.raw_values(), self.planned(), strict=True)
        ]

    def raw_values(self) -> list[int]:
        """Give the true value of every position of the extended cube, flat."""
        values = list(self.raw)
        shape = list(self.shape)
        for d, dim in enumerate(self.dimensions):
            values = _extend_axis(values, shape, d, dim)
            shape[d] = len(dim.axis) + 1
        return values


def _extend_axis(values: list[int], shape: list[int], d: int, dim: Dimension) -> list[int]:
    """Add a dimension's group subtotals and total along axis `d` of a flat array."""
    n = shape[d]
    inner = 1
    for size in shape[d + 1 :]:
        inner *= size
    outer = len(values) // (n * inner) if values else 0
    index = {label: i for i, label in enumerate(dim.axis)}
    children = [[index[child] for child in group.children] for group in dim.groups]
    under = {child for kids in children for child in kids}
    top = [i for i in range(len(dim.axis)) if i not in under]
    order = _bottom_up(len(dim.categories), children)
    out: list[int] = []
    add = operator.add
    for o in range(outer):
        base = o * n * inner
        blocks: list[list[int]] = [
            values[base + i * inner : base + (i + 1) * inner] for i in range(n)
        ]
        blocks.extend([] for _ in dim.groups)
        for j in order:
            total = [0] * inner
            for child in children[j]:
                total = list(map(add, total, blocks[child]))
            blocks[n + j] = total
        grand = [0] * inner
        for i in top:
            grand = list(map(add, grand, blocks[i]))
        for block in blocks:
            out.extend(block)
        out.extend(grand)
    return out


def _bottom_up(n: int, children: list[list[int]]) -> list[int]:
    """Order group indices so that every group comes after the groups under it."""
    order: list[int] = []
    done: set[int] = set()

    def visit(j: int) -> None:
        if j in done:
            return
        done.add(j)
        for child in children[j]:
            if child >= n:
                visit(child - n)
        order.append(j)

    for j in range(len(children)):
        visit(j)
    return order
