"""Differencing across a release: figures of one table subtracted from those of another.

A recipient who receives several tables about the same people can subtract a figure of one
from a figure of another. Sent clients by age 0-12 and 13-17, and again by 0-11 and 12-17,
a funder who reads 25 girls aged 0-12 and 24 aged 0-11 knows there is exactly one girl aged
12, although neither table shows a small count. And a table whose small cell was withheld
gives it away when a companion table publishes the row total the first one left out.

Every published figure is treated as a set of people described by conditions: one category
per variable it is broken down by (a row label's `Band`, or the label itself). A figure with
no condition on a variable counts everybody in the population on that variable. Two figures
of tables over the same population then compare as sets: when one contains the other, their
difference counts the people in the one and not the other. `audit_release` looks for two
things:

* SMALL_DIFFERENCE: a published figure minus another published figure it contains (from a
  different table) leaves a small group: the 25 - 24 case.
* WITHHELD_RESTORED: a value withheld in one table is recovered once the figures other tables
  publish for the same set of people (a row total, a grand total, a cell) are put in its
  place: the suppressed table with a companion table of totals.

Arithmetic is exact (Python integers). Published figures that were rounded are read as the
interval of true counts the rounding allows, and a difference is disclosed as small only when
its whole interval lies below the threshold, as `audit` does for withheld sums. Where the
release does not say which people a figure counts (no population, unnamed variables, labels
that differ between tables without band definitions), nothing is guessed: the audit returns a
`ReleaseReview` naming the table fields that would settle it.

Only pairs of figures, and each table completed by single figures of the others, are
examined; a disclosure that needs three or more tables combined at once is not sought.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator, Sequence
from typing import Final

import attrs

from dpup.disclosure_control._audit import _raw_range, _small_withheld_sums
from dpup.disclosure_control._bands import Band
from dpup.disclosure_control._grid import _determined, _Grid, _lone_unknowns, _Pos
from dpup.disclosure_control._ngrid import CrossLocation
from dpup.disclosure_control._results import Location
from dpup.disclosure_control._rules import ConfidentialityRules
from dpup.disclosure_control._table import Table


class ReleaseRule(enum.Enum):
    """A way tables released together give away a small count."""

    SMALL_DIFFERENCE = "small_difference"
    """One published figure minus another it contains, from a different table, is small."""
    WITHHELD_RESTORED = "withheld_restored"
    """A withheld value is recovered with figures another table publishes."""

    @property
    def description(self) -> str:
        """Explain the rule in one generic sentence, with no values or labels."""
        return _DESCRIPTIONS[self]


_DESCRIPTIONS: Final[dict[ReleaseRule, str]] = {
    ReleaseRule.SMALL_DIFFERENCE: (
        "subtracting a figure of one table from a figure of another that contains it leaves a "
        "small count; align the groupings of the tables or withhold one of the figures"
    ),
    ReleaseRule.WITHHELD_RESTORED: (
        "a withheld value can be worked out with a figure another table in the release "
        "publishes; withhold that figure too or publish the tables with matching suppression"
    ),
}


class ReviewReason(enum.Enum):
    """Why part of a release cannot be checked for differencing without more facts."""

    POPULATION_NOT_STATED = "population_not_stated"
    """A table does not say which population it counts, so it cannot be compared."""
    VARIABLE_NOT_NAMED = "variable_not_named"
    """A table does not name what its rows or columns classify people by."""
    BANDS_NOT_DEFINED = "bands_not_defined"
    """Tables share a variable with different labels and no band definitions."""
    BANDS_MIXED = "bands_mixed"
    """Tables define a shared variable in different ways (a range in one, values in another)."""

    @property
    def description(self) -> str:
        """Explain the reason in one generic sentence, with no values or labels."""
        return _REVIEWS[self]


_REVIEWS: Final[dict[ReviewReason, str]] = {
    ReviewReason.POPULATION_NOT_STATED: (
        "the table does not state the population it counts, so whether it can be subtracted "
        "from the other tables of the release needs manual review"
    ),
    ReviewReason.VARIABLE_NOT_NAMED: (
        "the table does not name what its rows or columns classify people by, so whether it "
        "can be subtracted from the other tables of the release needs manual review"
    ),
    ReviewReason.BANDS_NOT_DEFINED: (
        "tables share a variable with different labels but do not define what each label "
        "covers, so whether the groupings overlap needs manual review"
    ),
    ReviewReason.BANDS_MIXED: (
        "tables define a shared variable in different ways (ranges and sets of values), so "
        "whether the groupings overlap needs manual review"
    ),
}


@attrs.frozen(kw_only=True)
class FigureRef:
    """A position in one table of a release.

    Attributes:
        table: the table's index in the release.
        location: the position in that table (a `CrossLocation` in a cross table).
    """

    table: int
    location: Location | CrossLocation


@attrs.frozen(kw_only=True)
class DifferencingViolation:
    """A small count that tables released together give away. Holds no values.

    Attributes:
        rule: how it is given away.
        withheld: for WITHHELD_RESTORED, the withheld value that is recovered; None for
            SMALL_DIFFERENCE (the small group is not a figure of any table).
        figures: the published figures that give it away. For SMALL_DIFFERENCE, the larger
            figure first and the figure subtracted from it second; for WITHHELD_RESTORED, the
            figures of other tables that complete the withheld value's table.
    """

    rule: ReleaseRule
    withheld: FigureRef | None
    figures: tuple[FigureRef, ...]

    @property
    def message(self) -> str:
        """Explain the rule broken, without values or labels."""
        return self.rule.description


@attrs.frozen(kw_only=True)
class ReleaseReview:
    """A question the release's records leave open, and the table fields that would answer it.

    Attributes:
        reason: what is missing.
        fields: (table index, field name) pairs whose recording would settle it.
    """

    reason: ReviewReason
    fields: tuple[tuple[int, str], ...]

    @property
    def message(self) -> str:
        """Explain what needs review, without values or labels."""
        return self.reason.description


@attrs.frozen(kw_only=True)
class ReleaseAudit:
    """What `audit_release` found.

    Attributes:
        violations: small counts the release gives away, found from recorded facts.
        reviews: what could not be checked without more facts, for manual review.
    """

    violations: tuple[DifferencingViolation, ...]
    reviews: tuple[ReleaseReview, ...]


# --------------------------------------------------------------------------------------------
# Figures as sets of people
# --------------------------------------------------------------------------------------------

# A category on one variable: a Band, a label (tables that use the variable share their
# labels), or an opaque (table, side, index) triple that equals nothing in another table.
_Category = Band | str | tuple[int, str, int]
# One axis of a table as the release sees it: the variable (None: unnamed) and a category per
# label.
_Axis = tuple[object, tuple[_Category, ...]]
# The variable of an axis with one unnamed label: it does not break the population down.
_EVERYONE: Final = object()


@attrs.frozen
class _Figures:
    """One table of the release: its grid, published values and the two axes' categories."""

    index: int
    grid: _Grid
    published: dict[_Pos, int]
    rows: _Axis
    columns: _Axis
    order: tuple[_Pos, ...] = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        ordered = tuple(sorted(self.published, key=self.grid.order))
        object.__setattr__(self, "order", ordered)


def _axes(
    tables: Sequence[Table], members: Sequence[int]
) -> tuple[dict[int, tuple[_Axis, _Axis]], list[ReleaseReview]]:
    """Decide each table's categories, variable by variable, over one population's tables."""
    uses: dict[str, list[tuple[int, str]]] = {}

    def labels(i: int, side: str) -> tuple[str, ...]:
        return tables[i].row_labels if side == "row" else tables[i].column_labels

    reviews: list[ReleaseReview] = []
    unnamed: list[tuple[int, str]] = []
    for i in members:
        table = tables[i]
        for side, variable in (("row", table.row_variable), ("column", table.column_variable)):
            if variable is None:
                if len(labels(i, side)) > 1:
                    unnamed.append((i, f"{side}_variable"))
            else:
                uses.setdefault(variable, []).append((i, side))
    if unnamed:
        reviews.append(ReleaseReview(reason=ReviewReason.VARIABLE_NOT_NAMED, fields=tuple(unnamed)))

    def bands(i: int, side: str) -> tuple[Band, ...] | None:
        return tables[i].row_bands if side == "row" else tables[i].column_bands

    chosen: dict[tuple[int, str], tuple[_Category, ...]] = {}
    for users in uses.values():
        if len({i for i, _ in users}) < 2:
            continue
        defined = [bands(i, side) for i, side in users]
        kinds = {band.is_range for given in defined if given is not None for band in given}
        if all(given is not None for given in defined) and len(kinds) == 1:
            for (i, side), given in zip(users, defined, strict=True):
                chosen[i, side] = tuple(given or ())
        elif len({frozenset(labels(i, side)) for i, side in users}) == 1:
            for i, side in users:
                chosen[i, side] = labels(i, side)
        else:
            mixed = len(kinds) > 1
            reason = ReviewReason.BANDS_MIXED if mixed else ReviewReason.BANDS_NOT_DEFINED
            fields = tuple(
                (i, f"{side}_bands")
                for (i, side), given in zip(users, defined, strict=True)
                if mixed or given is None
            )
            reviews.append(ReleaseReview(reason=reason, fields=fields))
    axes: dict[int, tuple[_Axis, _Axis]] = {}
    for i in members:
        table = tables[i]
        pair: list[_Axis] = []
        for side, variable in (("row", table.row_variable), ("column", table.column_variable)):
            categories = chosen.get((i, side))
            if categories is None:
                categories = tuple((i, side, n) for n in range(len(labels(i, side))))
            if variable is None:
                # One unnamed label: the axis does not break the population down.
                name: object = _EVERYONE if len(categories) == 1 else (i, side)
            else:
                name = variable
            pair.append((name, categories))
        axes[i] = (pair[0], pair[1])
    return axes, reviews


def _contains(outer: _Category, inner: _Category) -> bool:
    if isinstance(outer, Band) and isinstance(inner, Band):
        return outer.contains(inner)
    return outer == inner


# How an axis of one table constrains the figures of another that lie inside its figures:
# _FREE (the axis does not break the population down), None (the other table does not break
# down by the axis's variable, so nothing of it lies inside a category), or the other table's
# axis (0 rows, 1 columns) and, for each category of this axis, the indices on that axis whose
# categories lie inside it.
_FREE: Final = "free"
_Nesting = tuple[int, tuple[tuple[int, ...], ...]] | str | None


def _nesting(axis: _Axis, inner: _Figures) -> _Nesting:
    variable, categories = axis
    if variable is _EVERYONE:
        return _FREE
    for number, (inner_variable, inner_categories) in enumerate((inner.rows, inner.columns)):
        if inner_variable != variable:
            continue
        if any(isinstance(category, Band) for category in categories):
            allowed = tuple(
                tuple(n for n, other in enumerate(inner_categories) if _contains(outer, other))
                for outer in categories
            )
        else:
            # Labels (or opaque categories) nest only when equal: look them up.
            where: dict[_Category, list[int]] = {}
            for n, other in enumerate(inner_categories):
                where.setdefault(other, []).append(n)
            allowed = tuple(tuple(where.get(outer, ())) for outer in categories)
        return number, allowed
    return None


def _candidates(
    outer: _Figures, inner: _Figures
) -> Iterator[tuple[_Pos, tuple[int, ...], tuple[int, ...]]]:
    """Yield each published position of `outer` with the rows and columns of `inner` inside it.

    Every position of `inner` on one of those rows and columns counts only people the outer
    figure counts (figures counting the same people included); the caller reads which of
    them are published.
    """
    maps = (_nesting(outer.rows, inner), _nesting(outer.columns, inner))
    full = (tuple(range(inner.grid.n_rows + 1)), tuple(range(inner.grid.n_columns + 1)))
    sizes = (outer.grid.n_rows, outer.grid.n_columns)
    positions: Sequence[_Pos] = outer.order
    if maps[0] is None or maps[1] is None:
        # An axis whose variable the inner table lacks contributes only its total: nothing of
        # the inner table lies inside one of its categories.
        rows = range(sizes[0] + 1) if maps[0] is not None else (sizes[0],)
        columns = range(sizes[1] + 1) if maps[1] is not None else (sizes[1],)
        positions = sorted(
            ((r, c) for r in rows for c in columns if (r, c) in outer.published),
            key=outer.grid.order,
        )
    for pos in positions:
        choices = [full[0], full[1]]
        empty = False
        for side in (0, 1):
            index, nesting = pos[side], maps[side]
            if index == sizes[side] or nesting == _FREE:
                continue
            if nesting is None or isinstance(nesting, str):
                empty = True
                break
            number, allowed = nesting
            if choices[number] is full[number]:
                choices[number] = allowed[index]
            else:
                keep = set(allowed[index])
                choices[number] = tuple(n for n in choices[number] if n in keep)
        if not empty:
            yield pos, choices[0], choices[1]


def _keys(figures: _Figures) -> dict[_Pos, frozenset[tuple[object, _Category]]]:
    """The set of conditions of each position: equal keys count exactly the same people."""
    rows, columns = figures.rows, figures.columns
    n_rows, n_columns = figures.grid.n_rows, figures.grid.n_columns

    def part(axis: _Axis, index: int, size: int) -> tuple[tuple[object, _Category], ...]:
        if index == size or axis[0] is _EVERYONE:
            return ()
        return ((axis[0], axis[1][index]),)

    row_parts = [part(rows, r, n_rows) for r in range(n_rows + 1)]
    column_parts = [part(columns, c, n_columns) for c in range(n_columns + 1)]
    return {
        (r, c): frozenset(row_parts[r] + column_parts[c])
        for r in range(n_rows + 1)
        for c in range(n_columns + 1)
    }


# --------------------------------------------------------------------------------------------
# The audit
# --------------------------------------------------------------------------------------------


def _by_population(
    populations: Sequence[str | None],
) -> tuple[list[ReleaseReview], dict[str, list[int]]]:
    """Group tables (by position) by the population they count; ask for any not stated.

    Only tables over the same population can be subtracted from one another, so each group is
    audited on its own. A table whose population is not recorded joins no group and is named
    in one POPULATION_NOT_STATED review.
    """
    reviews: list[ReleaseReview] = []
    unstated = [(i, "population") for i, population in enumerate(populations) if population is None]
    if unstated:
        reviews.append(
            ReleaseReview(reason=ReviewReason.POPULATION_NOT_STATED, fields=tuple(unstated))
        )
    groups: dict[str, list[int]] = {}
    for i, population in enumerate(populations):
        if population is not None:
            groups.setdefault(population, []).append(i)
    return reviews, groups


def _audit_two_way(tables: Sequence[Table], rules: ConfidentialityRules) -> ReleaseAudit:
    """`audit_release` for a release of two-way tables only (see `_nrelease.audit_release`)."""
    if len(tables) < 2:
        return ReleaseAudit(violations=(), reviews=())
    reviews, groups = _by_population([table.population for table in tables])
    differences: list[DifferencingViolation] = []
    restored: list[DifferencingViolation] = []
    for members in groups.values():
        if len(members) < 2:
            continue
        axes, open_questions = _axes(tables, members)
        reviews.extend(open_questions)
        figures = []
        for i in members:
            grid = _Grid.of(tables[i])
            figures.append(_Figures(i, grid, grid.published_values(), *axes[i]))
        keys = [_keys(table) for table in figures]
        differences.extend(_small_differences(figures, keys, rules))
        restored.extend(_restorations(figures, keys, rules))
    return ReleaseAudit(violations=(*differences, *restored), reviews=tuple(reviews))


def _ref(figures: _Figures, pos: _Pos) -> FigureRef:
    return FigureRef(table=figures.index, location=figures.grid.location(pos))


def _small_differences(
    figures: Sequence[_Figures],
    keys: Sequence[dict[_Pos, frozenset[tuple[object, _Category]]]],
    rules: ConfidentialityRules,
) -> Iterator[DifferencingViolation]:
    threshold = rules.suppression_threshold
    if threshold == 0:
        return
    # A difference is small when low <= difference < threshold: zero counts only when zeros
    # are not exempt (as `ConfidentialityRules.is_small` says).
    low = 1 if rules.zero_exempt else 0
    for o, outer in enumerate(figures):
        outer_raw = outer.grid.raw
        for i, inner in enumerate(figures):
            if inner is outer:
                continue
            inner_raw, shown = inner.grid.raw, inner.published
            # A cell of a one-column table and its row total count the same people: report
            # each pair of sets of people once.
            seen: set[tuple[frozenset[tuple[object, _Category]], ...]] = set()
            for pos, rows, columns in _candidates(outer, inner):
                value = outer_raw[pos[0]][pos[1]]
                for r in rows:
                    row = inner_raw[r]
                    # The row's last value is its total, the largest in the row: when even
                    # that leaves a large difference, nothing in the row can be small.
                    if value - row[-1] >= threshold:
                        continue
                    for c in columns:
                        if not low <= value - row[c] < threshold or (r, c) not in shown:
                            continue
                        pair = (keys[o][pos], keys[i][r, c])
                        if pair[0] == pair[1] or pair in seen:
                            continue
                        seen.add(pair)
                        highest = (
                            _raw_range(outer.published[pos], rules.rounding)[1]
                            - _raw_range(shown[r, c], rules.rounding)[0]
                        )
                        if highest < threshold:
                            yield DifferencingViolation(
                                rule=ReleaseRule.SMALL_DIFFERENCE,
                                withheld=None,
                                figures=(_ref(outer, pos), _ref(inner, (r, c))),
                            )


def _exposed(grid: _Grid, published: dict[_Pos, int], rules: ConfidentialityRules) -> set[_Pos]:
    """The withheld protected positions that a table's own published values give away."""

    def protected(pos: _Pos) -> bool:
        return grid.is_cell(pos) or rules.is_small(grid.value(pos))

    found = {pos for _, pos in _lone_unknowns(grid, published, protected)}
    found |= {pos for pos in _determined(grid, published) if protected(pos)}
    found |= _small_withheld_sums(grid, published, rules, protected)
    return found


def _restorations(
    figures: Sequence[_Figures],
    keys: Sequence[dict[_Pos, frozenset[tuple[object, _Category]]]],
    rules: ConfidentialityRules,
) -> Iterator[DifferencingViolation]:
    # Each table's published figures by the people they count, for lookup from the others.
    shown = [
        {keys[t][pos]: pos for pos in sorted(table.published, key=table.grid.order, reverse=True)}
        for t, table in enumerate(figures)
    ]
    for t, table in enumerate(figures):
        grid = table.grid
        fills: dict[_Pos, FigureRef] = {}
        values = dict(table.published)
        for pos in grid.positions():
            if pos in values:
                continue
            key = keys[t][pos]
            for o, other in enumerate(figures):
                match = None if o == t else shown[o].get(key)
                if match is not None:
                    values[pos] = other.published[match]
                    fills[pos] = _ref(other, match)
                    break
        if not fills:
            continue
        before = _exposed(grid, table.published, rules)
        after = _exposed(grid, values, rules)
        for pos in sorted(after - before - fills.keys(), key=grid.order):
            through = [
                ref
                for line_total, members in grid.lines
                if pos in members
                for filled, ref in fills.items()
                if filled == line_total or filled in members
            ]
            used = tuple(dict.fromkeys(through)) or tuple(fills.values())
            yield DifferencingViolation(
                rule=ReleaseRule.WITHHELD_RESTORED,
                withheld=_ref(table, pos),
                figures=used,
            )
