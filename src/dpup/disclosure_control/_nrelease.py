"""Differencing across a release that holds cross tables (any number of dimensions).

`audit_release` hands a release here when any of its tables is a `CrossTable`. The reasoning
is the two-way one (see `dpup.disclosure_control._release`): every published figure is the set
of people its conditions describe, one (variable, category) condition per dimension it breaks
down, and figures of tables over the same population compare as sets. What changes is the
shape: a figure is a position of a table's extended cube, a margin has no condition on the
dimensions it adds up, and a group of categories (a region over its districts) is the union of
what its children cover. Two-way tables in the same release are read as cross tables of two
dimensions, and their findings are given back as two-way `Location`s and field names.

* SMALL_DIFFERENCE: for each published figure of one table, the positions of another table
  whose people lie inside it are walked dimension by dimension; a branch whose largest value
  (the position with every remaining dimension at its total) already leaves a large
  difference is skipped, as the two-way audit skips a row by its total.
* WITHHELD_RESTORED: each table's unpublished positions are filled with the figures other
  tables publish for exactly the same people, and the table's own line, elimination and
  small-withheld-sum tests (`audit_cross`'s) are run before and after.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import product
from typing import Final

import attrs

from dpup.disclosure_control._audit import _raw_range
from dpup.disclosure_control._bands import Band
from dpup.disclosure_control._ngrid import _Cube, _determined
from dpup.disclosure_control._nprotect import _protection, _small_withheld_sums
from dpup.disclosure_control._ntable import CrossTable
from dpup.disclosure_control._release import (
    _EVERYONE,
    DifferencingViolation,
    FigureRef,
    ReleaseAudit,
    ReleaseReview,
    ReleaseRule,
    ReviewReason,
    _audit_two_way,
    _by_population,
    _contains,
)
from dpup.disclosure_control._results import Location
from dpup.disclosure_control._rules import ConfidentialityRules
from dpup.disclosure_control._table import Table

# A category on one dimension: a Band, a label, an opaque (table, dimension, index) triple that
# equals nothing in another table, or a union of several of these (a group of categories).
_Category = Band | str | tuple[int, int, int] | frozenset[object]
# One dimension as the release sees it: the variable (None never: an unnamed dimension gets an
# opaque name) and a category for each index along its axis, total excluded.
_Axis = tuple[object, tuple[_Category, ...]]
_Key = frozenset[tuple[object, _Category]]
_FREE: Final = "free"


@attrs.frozen
class _Figures:
    """One table of the release laid out as a cube, with the people each position counts."""

    index: int
    source: Table | CrossTable
    table: CrossTable
    cube: _Cube
    published: list[int | None]
    axes: tuple[_Axis, ...]
    keys: list[_Key]
    order: list[int]
    # Each published position with its index along every dimension, in order.
    spots: list[tuple[int, tuple[int, ...]]]
    # The flat stride of each dimension, and the offset of the position with dimensions d..
    # at their totals (see `_reach`).
    stride: list[int]
    tail: list[int]

    def ref(self, pos: int) -> FigureRef:
        location = self.cube.location(pos)
        source = self.source
        if isinstance(source, Table):
            # A two-way table's position in its own terms (as `_Grid.location` gives it).
            r, c = location.indices
            row = r if r < len(source.row_labels) else None
            column = c if c < len(source.column_labels) else None
            return FigureRef(
                table=self.index,
                location=Location(
                    row=row,
                    column=column,
                    row_label=None if row is None else source.row_labels[row],
                    column_label=None if column is None else source.column_labels[column],
                ),
            )
        return FigureRef(table=self.index, location=location)


def _as_cross(table: Table | CrossTable) -> CrossTable:
    """Give a two-way table as a cross table, its variables and bands on its two dimensions."""
    if isinstance(table, CrossTable):
        return table
    cross = CrossTable.from_table(table)
    rows, columns = cross.dimensions
    return attrs.evolve(
        cross,
        dimensions=(
            attrs.evolve(rows, variable=table.row_variable, bands=table.row_bands),
            attrs.evolve(columns, variable=table.column_variable, bands=table.column_bands),
        ),
        population=table.population,
        key=table.key,
    )


def _field(source: Table | CrossTable, d: int, name: str) -> str:
    """The name of a dimension's variable or bands field, two-way tables in their own terms."""
    if isinstance(source, Table):
        return f"{('row', 'column')[d]}_{name}"
    return f"dimensions[{d}].{name}"


def _union(parts: Sequence[_Category]) -> _Category:
    """What a group covers: the union of its children's categories, in a canonical form."""
    leaves: set[object] = set()
    for part in parts:
        leaves |= part if isinstance(part, frozenset) else {part}
    bands = [leaf for leaf in leaves if isinstance(leaf, Band)]
    if bands and len(bands) == len(leaves):
        if all(band.values is not None for band in bands):
            return Band(values=tuple(sorted({v for band in bands for v in band.values or ()})))
        if all(band.is_range for band in bands):
            merged: list[Band] = []
            for band in sorted(bands, key=lambda b: -(1 << 62) if b.low is None else b.low):
                last = merged[-1] if merged else None
                if last is not None and (
                    last.high is None or band.low is None or band.low <= last.high + 1
                ):
                    high = (
                        None
                        if last.high is None or band.high is None
                        else max(last.high, band.high)
                    )
                    if last.low is not None or high is not None:
                        merged[-1] = Band(low=last.low, high=high)
                        continue
                    # Every whole number: no Band says that. The parts stay apart; the
                    # dimension's total counts the same people and has no condition at all.
                merged.append(band)
            return merged[0] if len(merged) == 1 else frozenset(merged)
    if len(leaves) == 1:
        return next(iter(leaves))  # type: ignore[return-value]
    return frozenset(leaves)


def _within(outer: _Category, inner: _Category) -> bool:
    """Whether every person in category `inner` is in category `outer`."""
    outer_parts = outer if isinstance(outer, frozenset) else (outer,)
    inner_parts = inner if isinstance(inner, frozenset) else (inner,)
    return all(
        any(_contains(o, i) for o in outer_parts)  # type: ignore[arg-type]
        for i in inner_parts
    )


def _extend(table: CrossTable, d: int, leaves: Sequence[_Category]) -> tuple[_Category, ...]:
    """Add each group's category (the union of its children's) after the leaves'."""
    dim = table.dimensions[d]
    index = {label: i for i, label in enumerate(dim.axis)}
    categories: dict[int, _Category] = dict(enumerate(leaves))
    n = len(dim.categories)

    def resolve(at: int) -> _Category:
        if at not in categories:
            kids = dim.groups[at - n].children
            categories[at] = _union([resolve(index[child]) for child in kids])
        return categories[at]

    return tuple(resolve(at) for at in range(len(dim.axis)))


def _axes(
    sources: Sequence[Table | CrossTable], tables: Sequence[CrossTable], members: Sequence[int]
) -> tuple[dict[int, tuple[_Axis, ...]], list[ReleaseReview]]:
    """Decide each table's categories, variable by variable, over one population's tables."""
    uses: dict[str, list[tuple[int, int]]] = {}
    unnamed: list[tuple[int, str]] = []
    for i in members:
        for d, dim in enumerate(tables[i].dimensions):
            if dim.variable is not None:
                uses.setdefault(dim.variable, []).append((i, d))
            elif len(dim.categories) > 1:
                unnamed.append((i, _field(sources[i], d, "variable")))
    reviews: list[ReleaseReview] = []
    if unnamed:
        reviews.append(ReleaseReview(reason=ReviewReason.VARIABLE_NOT_NAMED, fields=tuple(unnamed)))
    chosen: dict[tuple[int, int], tuple[_Category, ...]] = {}
    for users in uses.values():
        if len({i for i, _ in users}) < 2:
            continue
        defined = [tables[i].dimensions[d].bands for i, d in users]
        kinds = {band.is_range for given in defined if given is not None for band in given}
        labels = [tables[i].dimensions[d].categories for i, d in users]
        if all(given is not None for given in defined) and len(kinds) == 1:
            for user, given in zip(users, defined, strict=True):
                chosen[user] = tuple(given or ())
        elif len({frozenset(given) for given in labels}) == 1:
            chosen.update(zip(users, labels, strict=True))
        else:
            mixed = len(kinds) > 1
            reason = ReviewReason.BANDS_MIXED if mixed else ReviewReason.BANDS_NOT_DEFINED
            fields = tuple(
                (i, _field(sources[i], d, "bands"))
                for (i, d), given in zip(users, defined, strict=True)
                if mixed or given is None
            )
            reviews.append(ReleaseReview(reason=reason, fields=fields))
    axes: dict[int, tuple[_Axis, ...]] = {}
    for i in members:
        found: list[_Axis] = []
        for d, dim in enumerate(tables[i].dimensions):
            size = len(dim.axis)
            leaves = chosen.get((i, d))
            if leaves is None:
                categories: tuple[_Category, ...] = tuple((i, d, n) for n in range(size))
            else:
                categories = _extend(tables[i], d, leaves)
            if dim.variable is not None:
                name: object = dim.variable
            else:
                # One unnamed category: the dimension does not break the population down.
                name = _EVERYONE if len(dim.categories) == 1 else (i, d)
            found.append((name, categories))
        axes[i] = tuple(found)
    return axes, reviews


def _keys(table: CrossTable, axes: tuple[_Axis, ...]) -> list[_Key]:
    """The conditions of every position, flat: equal keys count exactly the same people."""
    parts = [
        [
            ()
            if index == len(categories) or variable is _EVERYONE
            else ((variable, categories[index]),)
            for index in range(len(categories) + 1)
        ]
        for variable, categories in axes
    ]
    return [frozenset(sum(combo, ())) for combo in product(*parts)]


def _figures(
    index: int, source: Table | CrossTable, table: CrossTable, axes: tuple[_Axis, ...]
) -> _Figures:
    cube = _Cube(table)
    published = table.published_values()
    order = sorted(
        (pos for pos, value in enumerate(published) if value is not None), key=cube.order
    )
    extent = cube.extent
    k = len(extent)
    stride = [1] * k
    for d in range(k - 2, -1, -1):
        stride[d] = stride[d + 1] * extent[d + 1]
    tail = [0] * (k + 1)
    for d in range(k - 1, -1, -1):
        tail[d] = tail[d + 1] + (extent[d] - 1) * stride[d]
    spots = [(pos, tuple(_indices(extent, pos))) for pos in order]
    keys = _keys(table, axes)
    return _Figures(index, source, table, cube, published, axes, keys, order, spots, stride, tail)


def audit_release(
    tables: Sequence[Table | CrossTable], rules: ConfidentialityRules
) -> ReleaseAudit:
    """Check that no small count can be worked out by subtracting across a release's tables.

    The release is the set of tables one recipient receives. Each published figure is read
    as the set of people its conditions describe (one category per variable it breaks
    down), and figures of tables over the same population are compared as sets. Tables are
    compared only when their `Table.population` is the same string; variables are matched
    by name (`Table.row_variable`, `column_variable`). A variable two tables share is
    compared by its `Band` definitions when every such table gives them (of one kind), else
    by label when the tables use exactly the same labels for it; otherwise the overlap is
    left to review.

    Cross tables (`CrossTable`) take part the same way: each dimension's `Dimension.variable`
    and `Dimension.bands` play the part of a two-way table's row or column variable and
    bands, a group of categories covers what its children cover, and a margin counts
    everybody on the dimensions it adds up. Findings about a cross table's positions name
    `CrossLocation`s, and review fields name ``dimensions[d].variable`` or ``.bands``.

    Args:
        tables: the tables of the release, each with its raw counts and published values.
        rules: the confidentiality standard; its threshold, zero exemption and rounding
            method decide what is small and what a published figure may stand for.

    Returns:
        The violations (SMALL_DIFFERENCE pairs first, then WITHHELD_RESTORED values, each in
        table and position order) and the open questions. Both are empty for a single table.
    """
    if len(tables) < 2:
        return ReleaseAudit(violations=(), reviews=())
    two_way = [table for table in tables if isinstance(table, Table)]
    if len(two_way) == len(tables):
        # Two-way tables only: the two-way audit, which is faster on them.
        return _audit_two_way(two_way, rules)
    return audit_cross_release(tables, rules)


def audit_cross_release(
    tables: Sequence[Table | CrossTable], rules: ConfidentialityRules
) -> ReleaseAudit:
    """Check a release holding cross tables (and perhaps two-way tables) for differencing.

    As `audit_release`, which calls it when any table is a `CrossTable`. Two-way tables are
    read as cross tables of two dimensions.

    Args:
        tables: the tables of the release.
        rules: the confidentiality standard.

    Returns:
        The violations (SMALL_DIFFERENCE pairs first, then WITHHELD_RESTORED values) and the
        open questions. Two-way tables' findings name two-way `Location`s and fields.
    """
    crosses = [_as_cross(table) for table in tables]
    reviews, groups = _by_population([table.population for table in crosses])
    differences: list[DifferencingViolation] = []
    restored: list[DifferencingViolation] = []
    for members in groups.values():
        if len(members) < 2:
            continue
        axes, open_questions = _axes(tables, crosses, members)
        reviews.extend(open_questions)
        figures = [_figures(i, tables[i], crosses[i], axes[i]) for i in members]
        differences.extend(_small_differences(figures, rules))
        restored.extend(_restorations(figures, rules))
    return ReleaseAudit(violations=(*differences, *restored), reviews=tuple(reviews))


# For each dimension of the outer table: _FREE (it does not break the population down), None
# (the inner table lacks its variable, so nothing of the inner table lies inside one of its
# categories), or the inner dimension with its variable and, for each outer index, the inner
# indices whose categories lie inside it.
_Plan = tuple[int, tuple[tuple[int, ...], ...]] | str | None


def _plan(outer: _Figures, inner: _Figures) -> list[_Plan]:
    plans: list[_Plan] = []
    for variable, categories in outer.axes:
        if variable is _EVERYONE:
            plans.append(_FREE)
            continue
        found: _Plan = None
        for number, (inner_variable, inner_categories) in enumerate(inner.axes):
            if inner_variable == variable:
                found = (number, _allowed(categories, inner_categories))
                break
        plans.append(found)
    return plans


def _allowed(
    outer: tuple[_Category, ...], inner: tuple[_Category, ...]
) -> tuple[tuple[int, ...], ...]:
    """For each outer category, the inner indices whose categories lie inside it.

    A plain label (or opaque category) holds only an equal one, so it is looked up; only bands
    and groups are compared with every inner category.
    """
    where: dict[_Category, list[int]] = {}
    for n, other in enumerate(inner):
        if not isinstance(other, Band | frozenset):
            where.setdefault(other, []).append(n)
    return tuple(
        tuple(n for n, other in enumerate(inner) if _within(category, other))
        if isinstance(category, Band | frozenset)
        else tuple(where.get(category, ()))
        for category in outer
    )


def _indices(extent: tuple[int, ...], pos: int) -> list[int]:
    indices: list[int] = []
    for size in reversed(extent):
        pos, index = divmod(pos, size)
        indices.append(index)
    indices.reverse()
    return indices


def _reach(inner: _Figures, choices: Sequence[Sequence[int]], floor: int) -> Iterator[int]:
    """Yield the positions on `choices` (row-major) whose raw value is above `floor`.

    A branch is skipped when its largest value, at every remaining dimension's total, is not.
    """
    raw, stride, tail = inner.cube.raw, inner.stride, inner.tail
    k = len(stride)

    def walk(d: int, base: int) -> Iterator[int]:
        step, rest, last = stride[d], tail[d + 1], d + 1 == k
        for index in choices[d]:
            flat = base + index * step
            if raw[flat + rest] > floor:
                if last:
                    yield flat
                else:
                    yield from walk(d + 1, flat)

    return walk(0, 0)


def _small_differences(
    figures: Sequence[_Figures], rules: ConfidentialityRules
) -> Iterator[DifferencingViolation]:
    threshold = rules.suppression_threshold
    if threshold == 0:
        return
    low = 1 if rules.zero_exempt else 0
    for outer in figures:
        totals = [size - 1 for size in outer.cube.extent]
        for inner in figures:
            if inner is outer:
                continue
            plans = _plan(outer, inner)
            # Dimensions the inner table lacks: only their totals can hold inner figures.
            blocked = [d for d, plan in enumerate(plans) if plan is None]
            narrowing = [
                (d, plan[0], plan[1]) for d, plan in enumerate(plans) if isinstance(plan, tuple)
            ]
            full = [tuple(range(size)) for size in inner.cube.extent]
            seen: set[tuple[_Key, _Key]] = set()
            for pos, indices in outer.spots:
                if any(indices[d] != totals[d] for d in blocked):
                    continue
                choices: list[Sequence[int]] = list(full)
                for d, number, allowed in narrowing:
                    index = indices[d]
                    if index == totals[d]:
                        continue
                    if choices[number] is full[number]:
                        choices[number] = allowed[index]
                    else:
                        keep = set(allowed[index])
                        choices[number] = tuple(n for n in choices[number] if n in keep)
                value = outer.cube.raw[pos]
                for other in _reach(inner, choices, value - threshold):
                    shown = inner.published[other]
                    if shown is None or not low <= value - inner.cube.raw[other] < threshold:
                        continue
                    pair = (outer.keys[pos], inner.keys[other])
                    if pair[0] == pair[1] or pair in seen:
                        continue
                    seen.add(pair)
                    highest = (
                        _raw_range(outer.published[pos] or 0, rules.rounding)[1]
                        - _raw_range(shown, rules.rounding)[0]
                    )
                    if highest < threshold:
                        yield DifferencingViolation(
                            rule=ReleaseRule.SMALL_DIFFERENCE,
                            withheld=None,
                            figures=(outer.ref(pos), inner.ref(other)),
                        )


def _exposed(cube: _Cube, published: list[int | None], rules: ConfidentialityRules) -> set[int]:
    """The withheld protected positions that a table's own published values give away."""
    protected = _protection(cube, rules)
    known = bytearray(value is not None for value in published)
    found: set[int] = set()
    for total, members in cube.lines:
        if known[total]:
            hidden = [pos for pos in members if not known[pos]]
            if len(hidden) == 1 and protected(hidden[0]):
                found.add(hidden[0])
    found |= {pos for pos in _determined(cube, known) if protected(pos)}
    found |= _small_withheld_sums(cube, published, rules, protected)
    return found


def _restorations(
    figures: Sequence[_Figures], rules: ConfidentialityRules
) -> Iterator[DifferencingViolation]:
    # Each table's published figures by the people they count (the first in order wins).
    shown = [{table.keys[pos]: pos for pos in reversed(table.order)} for table in figures]
    for t, table in enumerate(figures):
        cube = table.cube
        fills: dict[int, FigureRef] = {}
        values = list(table.published)
        for pos, value in enumerate(values):
            if value is not None:
                continue
            key = table.keys[pos]
            for o, other in enumerate(figures):
                match = None if o == t else shown[o].get(key)
                if match is not None:
                    values[pos] = other.published[match]
                    fills[pos] = other.ref(match)
                    break
        if not fills:
            continue
        before = _exposed(cube, table.published, rules)
        after = _exposed(cube, values, rules)
        for pos in sorted(after - before - fills.keys(), key=cube.order):
            through = [
                fills[filled]
                for number in cube.lines_through(pos)
                if pos in cube.lines[number][1]
                for filled in (cube.lines[number][0], *cube.lines[number][1])
                if filled in fills
            ]
            yield DifferencingViolation(
                rule=ReleaseRule.WITHHELD_RESTORED,
                withheld=table.ref(pos),
                figures=tuple(dict.fromkeys(through)) or tuple(fills.values()),
            )
