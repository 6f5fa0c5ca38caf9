"""`Table`: the counts of an insight table, as collected and as published."""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

import attrs

from dpup.disclosure_control._bands import Band, _bands, check_release_fields
from dpup.disclosure_control._rules import _is_count
from dpup.errors import InputError, Problem


def _as_tuple(value: object) -> object:
    """Turn a list or tuple into a tuple; leave anything else for validation to report."""
    if isinstance(value, list | tuple):
        return tuple(value)
    return value


def _labels(value: Sequence[str]) -> tuple[str, ...]:
    return cast("tuple[str, ...]", _as_tuple(value))


def _grid(value: Sequence[Sequence[int]]) -> tuple[tuple[int, ...], ...]:
    rows = _as_tuple(value)
    if isinstance(rows, tuple):
        rows = tuple(_as_tuple(row) for row in rows)
    return cast("tuple[tuple[int, ...], ...]", rows)


def _published_grid(
    value: Sequence[Sequence[int | None]],
) -> tuple[tuple[int | None, ...], ...]:
    return cast("tuple[tuple[int | None, ...], ...]", _grid(cast("Sequence[Sequence[int]]", value)))


def _counts(value: Sequence[int]) -> tuple[int, ...]:
    return cast("tuple[int, ...]", _as_tuple(value))


def _optional_line(value: Sequence[int | None] | None) -> tuple[int | None, ...] | None:
    return cast("tuple[int | None, ...] | None", _as_tuple(value))


def _default_published(table: Table) -> tuple[tuple[int | None, ...], ...]:
    return table.raw


def _check_labels(labels: object, path: str, problems: list[Problem]) -> int | None:
    """Validate labels; return how many there are, or None if the shape is unusable."""
    if not isinstance(labels, tuple):
        problems.append(Problem("expected a sequence of labels", path))
        return None
    if not labels:
        problems.append(Problem("expected at least one label", path))
    seen: set[str] = set()
    for i, label in enumerate(labels):
        if not isinstance(label, str):
            problems.append(Problem("expected a string label", f"{path}[{i}]"))
        elif label in seen:
            problems.append(Problem("expected unique labels; this repeats one", f"{path}[{i}]"))
        else:
            seen.add(label)
    return len(labels)


def _check_grid(
    grid: object,
    path: str,
    n_rows: int | None,
    n_columns: int | None,
    problems: list[Problem],
    *,
    allow_none: bool,
) -> None:
    expected = "expected a non-negative integer" + (" or None" if allow_none else "")
    if not isinstance(grid, tuple):
        problems.append(Problem("expected a sequence of rows", path))
        return
    if n_rows is not None and len(grid) != n_rows:
        problems.append(Problem("expected one row per row label", path))
    for i, row in enumerate(grid):
        if not isinstance(row, tuple):
            problems.append(Problem("expected a sequence of values", f"{path}[{i}]"))
            continue
        if n_columns is not None and len(row) != n_columns:
            problems.append(Problem("expected one value per column label", f"{path}[{i}]"))
        problems.extend(
            Problem(expected, f"{path}[{i}][{j}]")
            for j, value in enumerate(row)
            if not (_is_count(value) or (allow_none and value is None))
        )


def _check_totals(line: object, path: str, length: int | None, problems: list[Problem]) -> None:
    if line is None:
        return
    if not isinstance(line, tuple):
        problems.append(Problem("expected a sequence of totals or None", path))
        return
    if length is not None and len(line) != length:
        problems.append(Problem("expected one total per label", path))
    problems.extend(
        Problem("expected a non-negative integer or None", f"{path}[{i}]")
        for i, value in enumerate(line)
        if not (value is None or _is_count(value))
    )


@attrs.frozen(kw_only=True)
class Table:
    """A two-way table of counts: the true (raw) values and what is, or will be, published.

    Raw totals are always derived from the raw grid. Published values use None for a value that
    is withheld. The published grid defaults to the raw grid (everything published as it is);
    published totals default to None (not published). Lists are accepted and stored as tuples.

    Attributes:
        row_labels: one unique label per row.
        column_labels: one unique label per column.
        raw: the true counts, one tuple per row.
        published: the published cell values, None where a cell is withheld.
        row_totals: the published total of each row (None for a withheld total), or None when
            no row totals are published.
        column_totals: the same for columns.
        grand_total: the published grand total, or None when it is not published.
        key: a name for the table that stays the same across releases (for keyed rounding
            and the release record), or None.
        population: who the table counts ("clients active in the quarter"), or None when not
            stated. Tables over the same population can be subtracted from each other; see
            `audit_release`.
        row_variable: what the rows classify people by ("age"), or None when not named.
        column_variable: what the columns classify people by, or None when not named.
        row_bands: what each row label covers (a `Band` per label), or None when not defined.
        column_bands: the same for the column labels.

    Raises:
        InputError: listing every problem found (labels, shape, non-integer or negative values,
            bands that overlap or do not match the labels).
    """

    row_labels: tuple[str, ...] = attrs.field(converter=_labels)
    column_labels: tuple[str, ...] = attrs.field(converter=_labels)
    raw: tuple[tuple[int, ...], ...] = attrs.field(converter=_grid)
    published: tuple[tuple[int | None, ...], ...] = attrs.field(
        converter=_published_grid,
        default=attrs.Factory(_default_published, takes_self=True),
    )
    row_totals: tuple[int | None, ...] | None = attrs.field(default=None, converter=_optional_line)
    column_totals: tuple[int | None, ...] | None = attrs.field(
        default=None, converter=_optional_line
    )
    grand_total: int | None = None
    key: str | None = None
    population: str | None = None
    row_variable: str | None = None
    column_variable: str | None = None
    row_bands: tuple[Band, ...] | None = attrs.field(default=None, converter=_bands)
    column_bands: tuple[Band, ...] | None = attrs.field(default=None, converter=_bands)

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        n_rows = _check_labels(self.row_labels, "$.row_labels", problems)
        n_columns = _check_labels(self.column_labels, "$.column_labels", problems)
        _check_grid(self.raw, "$.raw", n_rows, n_columns, problems, allow_none=False)
        # When published equals raw (the default), it would only repeat raw's problems. The
        # converter copies the default, so compare by value, not identity.
        if self.published != self.raw:
            _check_grid(self.published, "$.published", n_rows, n_columns, problems, allow_none=True)
        _check_totals(self.row_totals, "$.row_totals", n_rows, problems)
        _check_totals(self.column_totals, "$.column_totals", n_columns, problems)
        if self.grand_total is not None and not _is_count(self.grand_total):
            problems.append(Problem("expected a non-negative integer or None", "$.grand_total"))
        check_release_fields(
            population=self.population,
            key=self.key,
            variables=(
                ("$.row_variable", self.row_variable),
                ("$.column_variable", self.column_variable),
            ),
            bands=(
                ("$.row_bands", self.row_bands, n_rows),
                ("$.column_bands", self.column_bands, n_columns),
            ),
            problems=problems,
        )
        if problems:
            raise InputError(problems)

    @classmethod
    def from_counts(
        cls,
        row_labels: Sequence[str],
        column_labels: Sequence[str],
        counts: Sequence[Sequence[int]],
        *,
        row_totals: bool = True,
        column_totals: bool = True,
        grand_total: bool = True,
    ) -> Table:
        """Build a table that publishes its raw counts and, by default, all its totals.

        This is the usual starting point for `suppress` and `protect`: which totals are present
        tells them which totals will be released.

        Args:
            row_labels: one unique label per row.
            column_labels: one unique label per column.
            counts: the raw counts, one sequence per row.
            row_totals: whether row totals will be published.
            column_totals: whether column totals will be published.
            grand_total: whether the grand total will be published.

        Returns:
            The table, with published values equal to the raw values.
        """
        table = cls(row_labels=row_labels, column_labels=column_labels, raw=counts)
        return attrs.evolve(
            table,
            row_totals=table.raw_row_totals if row_totals else None,
            column_totals=table.raw_column_totals if column_totals else None,
            grand_total=table.raw_grand_total if grand_total else None,
        )

    @property
    def shape(self) -> tuple[int, int]:
        """The number of rows and columns."""
        return len(self.row_labels), len(self.column_labels)

    @property
    def raw_row_totals(self) -> tuple[int, ...]:
        """The true total of each row."""
        return tuple(sum(row) for row in self.raw)

    @property
    def raw_column_totals(self) -> tuple[int, ...]:
        """The true total of each column."""
        return tuple(sum(column) for column in zip(*self.raw, strict=True))

    @property
    def raw_grand_total(self) -> int:
        """The true total of the whole table."""
        return sum(self.raw_row_totals)
