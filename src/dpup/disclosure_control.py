"""Disclosure control for non-personal insight tables: rounding, suppression and audit.

Aggregate tables built from people's information (counts of service users by ethnicity, region,
outcome) are only non-personal when nobody can be picked out of them. New Zealand agencies use
two standard tools for that, and this module encodes both as data and pure functions:

* **Random rounding to base 3 (RR3).** Stats NZ rounds every published count, totals included, to
  a neighbouring multiple of 3, at random but without bias. MSD uses a variant that never turns a
  1 or 2 into 0.
* **Primary and secondary suppression.** Small counts (below 6 by default) are withheld, and when
  totals are published a second value is withheld in any row or column where a lone hidden value
  could be recovered by subtraction.

`audit` checks a table that is about to be published against its raw counts and a set of
`ConfidentialityRules`; `audit_derived` does the same for statistics (percentages, means) built
on underlying counts. Both return violations that name positions and rules, never raw values.

Sources: Stats NZ, "Safeguarding confidentiality" (RR3), and MSD, "How we keep data private"
(rounding that never reaches 0, suppression below 6, secondary suppression); links are on the
presets `STATS_NZ_RR3` and `MSD_PUBLISHED`. These are agency standards, not Privacy Act law.

Everything here is deterministic given a seeded `random.Random`; nothing reads global state.

The domain model re-exports `Table`, `DerivedStatistic`, `StatisticKind` and `RoundingMethod`
for `dpup.model.Insight`, so this module imports nothing from ``dpup.model`` (that keeps the
imports acyclic and this module light). The Sharing Value checks SV007 to SV010
(``dpup.checks.sharing``) run `audit` and `audit_derived` on every insight's tables.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Collection, Iterable, Sequence
from typing import TYPE_CHECKING, Final, cast

import attrs

from dpup.errors import InputError, Problem

if TYPE_CHECKING:
    from random import Random

__all__ = [
    "ConfidentialityRules",
    "DerivedStatistic",
    "DerivedViolation",
    "DisclosureRule",
    "Location",
    "LocationKind",
    "MSD_PUBLISHED",
    "RoundingMethod",
    "STATS_NZ_RR3",
    "StatisticKind",
    "Suppression",
    "SuppressionReason",
    "SuppressionResult",
    "Table",
    "Violation",
    "audit",
    "audit_derived",
    "protect",
    "round_count",
    "round_table",
    "rr3",
    "rr3_no_zero",
    "suppress",
]

# An (row, column) index into the *extended* grid: the table's cells plus one extra column of row
# totals (column index == number of columns) and one extra row of column totals (row index ==
# number of rows); the grand total sits at the corner. Treating totals as positions lets one set
# of line equations cover cells, margins and the grand total alike.
_Pos = tuple[int, int]
# A line equation: the position of its total, and the positions that add up to it.
_Line = tuple[_Pos, tuple[_Pos, ...]]


# --------------------------------------------------------------------------------------------
# Enumerations
# --------------------------------------------------------------------------------------------


class RoundingMethod(enum.Enum):
    """How counts are rounded before publication."""

    NONE = "none"
    """No rounding: counts are published as they are."""
    RR3 = "rr3"
    """Stats NZ unbiased random rounding to base 3; 1 and 2 may become 0."""
    RR3_NO_ZERO = "rr3_no_zero"
    """MSD's variant of RR3: 1 and 2 always become 3, so no non-zero count is published as 0."""


class SuppressionReason(enum.Enum):
    """Why a value was withheld."""

    PRIMARY = "primary"
    """The value itself is a small count."""
    SECONDARY = "secondary"
    """The value is withheld so that another withheld value cannot be worked out."""


class LocationKind(enum.Enum):
    """What a `Location` points at."""

    CELL = "cell"
    ROW_TOTAL = "row_total"
    COLUMN_TOTAL = "column_total"
    GRAND_TOTAL = "grand_total"


class StatisticKind(enum.Enum):
    """What a derived statistic is; its family (`magnitude`) decides its minimum base.

    This is the one statistic-kind enum in dpup: the domain model (``dpup.model``) re-exports
    it for `Insight.derived_statistics`. Name the statistic specifically where you can; use
    COUNT_BASED or MAGNITUDE for a statistic the list does not name.
    """

    PERCENTAGE = "percentage"
    """A percentage of a count: it inherits the count threshold."""
    PROPORTION = "proportion"
    """A proportion or rate of a count: it inherits the count threshold."""
    RATIO = "ratio"
    """A ratio of two counts: it inherits the count threshold."""
    COUNT_BASED = "count_based"
    """Any other statistic of counts: it inherits the count threshold."""
    MEAN = "mean"
    """A mean of amounts (income, days): a magnitude, which needs a larger base."""
    MEDIAN = "median"
    """A median of amounts: a magnitude."""
    QUANTILE = "quantile"
    """A quartile, decile or other quantile of amounts: a magnitude."""
    SUM = "sum"
    """A sum of amounts (dollars paid, hours): a magnitude."""
    MAGNITUDE = "magnitude"
    """Any other summary of amounts: a magnitude."""

    @property
    def magnitude(self) -> bool:
        """Whether the statistic summarises amounts rather than counts of people."""
        return self in _MAGNITUDES


_MAGNITUDES: Final = frozenset(
    {
        StatisticKind.MEAN,
        StatisticKind.MEDIAN,
        StatisticKind.QUANTILE,
        StatisticKind.SUM,
        StatisticKind.MAGNITUDE,
    }
)


class DisclosureRule(enum.Enum):
    """A disclosure-control rule that a published value can break.

    Rounding rules form a clean set: each published value gets at most one of ZERO_CHANGED or
    UNROUNDED, and only when neither applies is it tested for NOT_MULTIPLE_OF_THREE,
    ROUNDED_TOO_FAR and ROUNDED_TO_ZERO (only the first two can occur together, for example a
    value moved by four). So UNROUNDED replaces NOT_MULTIPLE_OF_THREE for a value left as it was.
    """

    SMALL_CELL_PUBLISHED = "small_cell_published"
    """A value (cell or total) whose raw count is small under the rules is published."""
    RECOVERABLE_BY_SUBTRACTION = "recoverable_by_subtraction"
    """A withheld value is the only unknown in a row or column whose total is published."""
    RECOVERABLE_BY_COMBINATION = "recoverable_by_combination"
    """A withheld value is never alone in a line, yet several lines together give it exactly."""
    ZERO_CHANGED = "zero_changed"
    """A true zero is published as something else; both RR3 methods keep zero at zero."""
    UNROUNDED = "unrounded"
    """A count that is not a multiple of 3 is published unchanged although rounding applies."""
    NOT_MULTIPLE_OF_THREE = "not_multiple_of_three"
    """A published value was changed, but not to a multiple of 3."""
    ROUNDED_TOO_FAR = "rounded_too_far"
    """A published value is more than 2 away from its raw count."""
    ROUNDED_TO_ZERO = "rounded_to_zero"
    """Under RR3_NO_ZERO, a raw 1 or 2 is published as 0."""
    SMALL_UNDERLYING_COUNT = "small_underlying_count"
    """A derived statistic rests on an underlying count below the minimum for its kind."""

    @property
    def description(self) -> str:
        """Explain the rule in one generic sentence, with no values or labels."""
        return _DESCRIPTIONS[self]


# Messages deliberately contain no digits, labels or values: a violation report may travel
# further than the raw table, so it must not carry the counts it is protecting.
_DESCRIPTIONS: Final[dict[DisclosureRule, str]] = {
    DisclosureRule.SMALL_CELL_PUBLISHED: (
        "a count below the suppression threshold is published; suppress it"
    ),
    DisclosureRule.RECOVERABLE_BY_SUBTRACTION: (
        "this is the only withheld value in a row or column whose total is published, so "
        "subtraction recovers it; withhold a second value in that line or withhold the total"
    ),
    DisclosureRule.RECOVERABLE_BY_COMBINATION: (
        "this withheld value can be solved exactly by combining several published totals and "
        "cells; withhold more values or withhold a total"
    ),
    DisclosureRule.ZERO_CHANGED: (
        "a true zero is published as non-zero; base-three rounding leaves zero unchanged"
    ),
    DisclosureRule.UNROUNDED: (
        "a count that is not a multiple of three is published unchanged; round it to base three"
    ),
    DisclosureRule.NOT_MULTIPLE_OF_THREE: (
        "a published value is not a multiple of three, so it was not rounded to base three"
    ),
    DisclosureRule.ROUNDED_TOO_FAR: (
        "a published value is more than two away from its true count; base-three rounding "
        "moves a count by at most two"
    ),
    DisclosureRule.ROUNDED_TO_ZERO: (
        "a count of one or two is published as zero; this rounding method publishes it as three"
    ),
    DisclosureRule.SMALL_UNDERLYING_COUNT: (
        "a derived statistic rests on an underlying count below the minimum for its kind; "
        "withhold it or combine categories"
    ),
}

_RULE_ORDER: Final[dict[DisclosureRule, int]] = {rule: i for i, rule in enumerate(DisclosureRule)}


# --------------------------------------------------------------------------------------------
# Rules as data
# --------------------------------------------------------------------------------------------


def _is_count(value: object) -> bool:
    """Tell whether a value is a non-negative int; bool is excluded although it subclasses int."""
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


_RULES_COUNT_FIELDS: Final = (
    "suppression_threshold",
    "min_underlying_count",
    "min_underlying_count_magnitude",
)
_RULES_FLAG_FIELDS: Final = ("zero_exempt", "secondary_suppression")


@attrs.frozen(kw_only=True)
class ConfidentialityRules:
    """A confidentiality standard for aggregate outputs, with the source it comes from.

    Agencies and data sources differ (census, IDI, agency tables), so every threshold is a field
    and every preset names its source. `attrs.evolve` keeps the citation, so update `source`
    when you change a threshold.

    Attributes:
        source: who sets the standard, as a citation (agency and page title).
        url: where the standard is published.
        rounding: how published counts are rounded.
        suppression_threshold: counts with ``0 < count < suppression_threshold`` are withheld
            (primary suppression). ``0`` turns primary suppression off.
        zero_exempt: whether a zero count is exempt from suppression. A published zero is
            normally harmless and informative, so the default is True.
        secondary_suppression: whether withheld values must be protected from recovery by
            subtraction when totals are published.
        min_underlying_count: the minimum underlying count for count-based derived statistics
            (percentages, proportions, ratios); they inherit the count threshold.
        min_underlying_count_magnitude: the minimum underlying count for magnitudes (means,
            medians, sums). The default of 20 is unverified: see `unverified`.
        unverified: names of fields whose values could not be checked against a retrieved
            source and must be confirmed before a decision rests on them.
    """

    source: str
    url: str | None = None
    rounding: RoundingMethod = RoundingMethod.RR3
    suppression_threshold: int = 6
    zero_exempt: bool = True
    secondary_suppression: bool = True
    min_underlying_count: int = 6
    # [U] 20 is the commonly quoted IDI minimum for magnitudes; the IDI output guide's rule text
    # was not retrieved, so it stays listed in `unverified` until someone checks it.
    min_underlying_count_magnitude: int = 20
    unverified: tuple[str, ...] = ("min_underlying_count_magnitude",)

    def __attrs_post_init__(self) -> None:
        # Annotations are not enforced at run time; read the fields as plain objects so the
        # checks below are real checks, not ones the type checker considers settled.
        given: dict[str, object] = attrs.asdict(self, recurse=False)
        problems: list[Problem] = []
        source = given["source"]
        if not isinstance(source, str) or not source.strip():
            problems.append(Problem("expected a non-empty citation of the standard", "$.source"))
        if given["url"] is not None and not isinstance(given["url"], str):
            problems.append(Problem("expected a URL string or None", "$.url"))
        if not isinstance(given["rounding"], RoundingMethod):
            problems.append(Problem("expected a RoundingMethod", "$.rounding"))
        problems.extend(
            Problem("expected a non-negative integer (not a bool)", f"$.{name}")
            for name in _RULES_COUNT_FIELDS
            if not _is_count(given[name])
        )
        problems.extend(
            Problem("expected True or False", f"$.{name}")
            for name in _RULES_FLAG_FIELDS
            if not isinstance(given[name], bool)
        )
        unverified = given["unverified"]
        if not isinstance(unverified, tuple):
            problems.append(Problem("expected a tuple of field names", "$.unverified"))
        else:
            problems.extend(
                Problem("expected the name of a ConfidentialityRules field", f"$.unverified[{i}]")
                for i, name in enumerate(unverified)
                if name not in given
            )
        if problems:
            raise InputError(problems)

    def is_small(self, count: int) -> bool:
        """Tell whether a count must be withheld under primary suppression.

        Args:
            count: a true (raw) count.

        Returns:
            True for ``0 < count < suppression_threshold``, and for zero when zero is not exempt
            and the threshold is above zero.
        """
        return _below(count, self.suppression_threshold, zero_exempt=self.zero_exempt)

    def minimum_for(self, kind: StatisticKind | None) -> int:
        """Give the minimum underlying count for a kind of derived statistic.

        Args:
            kind: the statistic's kind, or None when it is not recorded. An unrecorded kind
                gets the larger of the two minimums, so a statistic is never let through on
                the weaker rule only because nobody said what it is.
        """
        if kind is None:
            return max(self.min_underlying_count, self.min_underlying_count_magnitude)
        if kind.magnitude:
            return self.min_underlying_count_magnitude
        return self.min_underlying_count


def _below(count: int, minimum: int, *, zero_exempt: bool) -> bool:
    """Tell whether a count is under a minimum, treating zero as exempt when asked to."""
    if count == 0:
        return not zero_exempt and minimum > 0
    return count < minimum


STATS_NZ_RR3: Final = ConfidentialityRules(
    source="Stats NZ, Safeguarding confidentiality: random rounding to base 3",
    url=(
        "http://archive.stats.govt.nz/about_us/legisln-policies-protocols/"
        "confidentiality-of-info-supplied-to-snz/safeguarding-confidentiality.aspx"
    ),
    rounding=RoundingMethod.RR3,
)
"""Stats NZ practice: unbiased RR3 on every value, totals rounded independently.

Suppression below 6 with secondary suppression is kept on, in line with Stats NZ census practice
of generally releasing counts of 6 or more
(http://m.stats.govt.nz/Census/2013-census/methodology/confidentiality-how-applied.aspx).
"""

MSD_PUBLISHED: Final = ConfidentialityRules(
    source="Ministry of Social Development (MSD), How we keep data private",
    url="https://msd.govt.nz/about-msd-and-our-work/tools/how-we-keep-data-private.html",
    rounding=RoundingMethod.RR3_NO_ZERO,
)
"""MSD's published-table practice: RR3 that never rounds to 0, suppression below 6, secondary."""


# --------------------------------------------------------------------------------------------
# Random rounding to base 3
# --------------------------------------------------------------------------------------------


def _check_count(count: object, path: str = "$.count") -> None:
    if not _is_count(count):
        raise InputError([Problem("expected a non-negative integer count (not a bool)", path)])


def _check_rng(rng: object) -> None:
    # The module-level `random` functions share hidden global state; requiring an instance keeps
    # output repeatable (seed it) and keeps one caller's draws from shifting another's.
    # Imported here: `import dpup` loads this module for its types, and only rounding needs
    # `random` (a few milliseconds of start-up).
    from random import Random  # noqa: PLC0415

    if not isinstance(rng, Random):
        raise InputError([Problem("expected a random.Random instance", "$.rng")])


def _rr3(count: int, rng: Random) -> int:
    remainder = count % 3
    if remainder == 0:
        return count
    lower = count - remainder
    # Going up with probability remainder/3 makes the expected result
    # lower + 3 * remainder / 3 == count, so the rounding adds noise but no bias.
    return lower + 3 if rng.random() < remainder / 3 else lower


def _rr3_no_zero(count: int, rng: Random) -> int:
    # MSD publishes 1 and 2 as 3: a non-zero count never appears as an empty cell. No random
    # number is drawn for them because the outcome is fixed.
    if count in (1, 2):
        return 3
    return _rr3(count, rng)


def _unrounded(count: int, rng: Random) -> int:
    # Takes rng only to share the rounders' signature.
    del rng
    return count


_ROUNDERS: Final[dict[RoundingMethod, Callable[[int, Random], int]]] = {
    RoundingMethod.NONE: _unrounded,
    RoundingMethod.RR3: _rr3,
    RoundingMethod.RR3_NO_ZERO: _rr3_no_zero,
}


def _rounder(method: object) -> Callable[[int, Random], int]:
    if not isinstance(method, RoundingMethod):
        raise InputError([Problem("expected a RoundingMethod", "$.method")])
    return _ROUNDERS[method]


def rr3(count: int, rng: Random) -> int:
    """Round a count at random to a neighbouring multiple of 3 without bias (Stats NZ RR3).

    Multiples of 3, including 0, are returned unchanged. A count one above a multiple of 3 goes
    down with probability 2/3 and up with 1/3; a count two above goes down with 1/3 and up with
    2/3. The expected result therefore equals the count, and no result is more than 2 away.

    Args:
        count: a non-negative integer count (a bool is rejected).
        rng: the random source; seed it for repeatable output.

    Returns:
        The rounded count.

    Raises:
        InputError: (a ValueError) if the count is negative or not an int, or rng is not a
            `random.Random`.
    """
    _check_count(count)
    _check_rng(rng)
    return _rr3(count, rng)


def rr3_no_zero(count: int, rng: Random) -> int:
    """Round a count like `rr3`, except that 1 and 2 always become 3 (MSD's practice).

    Args:
        count: a non-negative integer count (a bool is rejected).
        rng: the random source; seed it for repeatable output.

    Returns:
        The rounded count; it is 0 only when the count is 0.

    Raises:
        InputError: (a ValueError) if the count is negative or not an int, or rng is not a
            `random.Random`.
    """
    _check_count(count)
    _check_rng(rng)
    return _rr3_no_zero(count, rng)


def round_count(count: int, method: RoundingMethod, rng: Random) -> int:
    """Round one count with the given method.

    Args:
        count: a non-negative integer count (a bool is rejected).
        method: the rounding method; `RoundingMethod.NONE` returns the count unchanged.
        rng: the random source; seed it for repeatable output.

    Returns:
        The rounded count.

    Raises:
        InputError: (a ValueError) if the count is negative or not an int, or rng is not a
            `random.Random`.
    """
    rounder = _rounder(method)
    _check_count(count)
    _check_rng(rng)
    return rounder(count, rng)


# --------------------------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------------------------


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

    Raises:
        InputError: listing every problem found (labels, shape, non-integer or negative values).
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


# --------------------------------------------------------------------------------------------
# Locations, suppression results and violations
# --------------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Location:
    """A position in a table: a cell, a row or column total, or the grand total.

    A row total has no column, a column total has no row, and the grand total has neither.
    """

    row: int | None
    column: int | None
    row_label: str | None
    column_label: str | None

    @property
    def kind(self) -> LocationKind:
        """What the location points at."""
        if self.row is not None and self.column is not None:
            return LocationKind.CELL
        if self.row is not None:
            return LocationKind.ROW_TOTAL
        if self.column is not None:
            return LocationKind.COLUMN_TOTAL
        return LocationKind.GRAND_TOTAL

    def __str__(self) -> str:
        row = f"row {self.row_label!r} (index {self.row})"
        column = f"column {self.column_label!r} (index {self.column})"
        kind = self.kind
        if kind is LocationKind.CELL:
            return f"cell at {row}, {column}"
        if kind is LocationKind.ROW_TOTAL:
            return f"total of {row}"
        if kind is LocationKind.COLUMN_TOTAL:
            return f"total of {column}"
        return "grand total"


@attrs.frozen(kw_only=True)
class Suppression:
    """One withheld value and the reason it was withheld."""

    location: Location
    reason: SuppressionReason


@attrs.frozen(kw_only=True)
class SuppressionResult:
    """The outcome of `suppress`.

    Attributes:
        published: the table with withheld values set to None. Other values are still raw:
            round them with `round_table` before release.
        suppressions: every withheld value with its reason, cells first (row by row), then row
            totals, column totals and the grand total.
    """

    published: Table
    suppressions: tuple[Suppression, ...]

    def reason_at(self, row: int | None, column: int | None) -> SuppressionReason | None:
        """Give why a position was withheld, or None if it was not.

        Args:
            row: the row index, or None for a column total or the grand total.
            column: the column index, or None for a row total or the grand total.
        """
        for item in self.suppressions:
            if (item.location.row, item.location.column) == (row, column):
                return item.reason
        return None

    @property
    def primary(self) -> tuple[Location, ...]:
        """The locations withheld because they hold small counts."""
        return self._with(SuppressionReason.PRIMARY)

    @property
    def secondary(self) -> tuple[Location, ...]:
        """The locations withheld to protect other withheld values."""
        return self._with(SuppressionReason.SECONDARY)

    def _with(self, reason: SuppressionReason) -> tuple[Location, ...]:
        return tuple(item.location for item in self.suppressions if item.reason is reason)


@attrs.frozen(kw_only=True)
class Violation:
    """A published value, or a withheld one, that breaks a disclosure-control rule.

    The message is generic: it never contains raw or published values.
    """

    rule: DisclosureRule
    location: Location

    @property
    def message(self) -> str:
        """Explain the rule broken, without values or labels."""
        return self.rule.description

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


@attrs.frozen
class DerivedStatistic:
    """A statistic derived from counts, such as a percentage or a mean, with its base counts.

    This is the one derived-statistic type in dpup: the domain model re-exports it, and
    `Insight.derived_statistics` holds it. Fields may be given by position or keyword.

    Attributes:
        name: a description of the statistic (not personal data), such as "completion rate by
            region".
        kind: what the statistic is (percentage, mean ...), or None when not recorded; an
            unrecorded kind is held to the larger minimum (see
            `ConfidentialityRules.minimum_for`).
        underlying_counts: the counts of people it is computed from: numerator and
            denominator of a percentage, or the number of units contributing to a mean. Empty
            when not recorded: `audit_derived` then has nothing to test.

    Raises:
        InputError: listing every problem (blank name, unknown kind, negative or non-integer
            counts).
    """

    name: str
    kind: StatisticKind | None = None
    underlying_counts: tuple[int, ...] = attrs.field(default=(), converter=_counts)

    def __attrs_post_init__(self) -> None:
        # Read the fields as plain objects: annotations are not enforced at run time.
        given: dict[str, object] = attrs.asdict(self, recurse=False)
        problems: list[Problem] = []
        name = given["name"]
        if not isinstance(name, str) or not name.strip():
            problems.append(Problem("expected a non-blank string name", "$.name"))
        if given["kind"] is not None and not isinstance(given["kind"], StatisticKind):
            problems.append(Problem("expected a StatisticKind or None", "$.kind"))
        counts = given["underlying_counts"]
        if not isinstance(counts, tuple):
            problems.append(Problem("expected a sequence of counts", "$.underlying_counts"))
        else:
            problems.extend(
                Problem("expected a non-negative integer", f"$.underlying_counts[{i}]")
                for i, count in enumerate(counts)
                if not _is_count(count)
            )
        if problems:
            raise InputError(problems)


@attrs.frozen(kw_only=True)
class DerivedViolation:
    """A derived statistic that rests on too small an underlying count.

    Attributes:
        rule: the rule broken (`DisclosureRule.SMALL_UNDERLYING_COUNT`).
        statistic: the statistic's name.
        index: the statistic's position in the input.
        count_index: the position of the offending count in its `underlying_counts`.
        kind: the statistic's kind, which set the minimum applied (None when not recorded:
            the larger minimum applied).
    """

    rule: DisclosureRule
    statistic: str
    index: int
    count_index: int
    kind: StatisticKind | None

    @property
    def message(self) -> str:
        """Explain the rule broken, without values."""
        return self.rule.description

    def __str__(self) -> str:
        return (
            f"statistic {self.statistic!r} (index {self.index}), underlying count "
            f"index {self.count_index}: {self.message}"
        )


# --------------------------------------------------------------------------------------------
# The extended grid: cells plus totals, and the line equations that bind them
# --------------------------------------------------------------------------------------------


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

    Each line with a known total is an equation over its unknown members. A position is
    determined when its unit vector lies in the row space of those equations. The coefficient
    matrix is the incidence matrix of a bipartite graph (every unknown sits in at most one
    row-type line and one column-type line, with coefficient 1), so it is totally unimodular and
    its rank is the same over every field. That lets the elimination run over GF(2) on Python
    ints used as bit sets, which is exact here and fast even for large tables.
    """
    unknowns = [pos for pos in grid.positions() if pos not in known]
    bit = {pos: 1 << i for i, pos in enumerate(unknowns)}
    reduced: list[tuple[int, int]] = []  # (pivot bit, row) in reduced row echelon form
    for total, members in grid.lines:
        if total not in known:
            continue
        row = 0
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


# --------------------------------------------------------------------------------------------
# Suppression
# --------------------------------------------------------------------------------------------


def suppress(table: Table, rules: ConfidentialityRules) -> SuppressionResult:
    """Withhold small counts, then enough other values that none can be worked back.

    Primary suppression withholds every cell, and every published total, whose raw value is
    small under `rules` (``0 < value < suppression_threshold``; zero too when zero is not
    exempt). Totals are treated like cells because a small total discloses as much as a small
    cell.

    Secondary suppression (when `rules.secondary_suppression` is on) then repeats until stable:

    1. For each row or column whose total will be published and which hides exactly one
       protected value, withhold the smallest non-zero published value in that line (ties go
       to the first by position). A line whose total is not published needs nothing. If the
       line has no non-zero value left to withhold, withhold its total instead.
    2. As a safety net, solve the published totals as a system of equations; if a withheld
       value can still be determined exactly from several lines together, withhold the
       smallest non-zero value in one of its lines (or that line's total) and go back to 1.

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
    reasons: dict[_Pos, SuppressionReason] = {
        pos: SuppressionReason.PRIMARY
        for pos in sorted(planned, key=grid.order)
        if rules.is_small(grid.value(pos))
    }

    def protected(pos: _Pos) -> bool:
        return grid.is_cell(pos) or rules.is_small(grid.value(pos))

    if rules.secondary_suppression:
        _secondary(grid, planned, reasons, protected)

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
) -> None:
    """Add secondary suppressions to `reasons` until no protected value can be recovered."""
    known = planned - reasons.keys()

    def hides_one(line: _Line) -> bool:
        total, members = line
        if total not in known:
            return False
        unknown = [pos for pos in members if pos not in known]
        return len(unknown) == 1 and protected(unknown[0])

    def has_candidate(line: _Line) -> bool:
        return any(pos in known and grid.value(pos) > 0 for pos in line[1])

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
            if hides_one(line):
                cover(line)
                changed = True
        if changed:
            continue
        exposed = sorted(
            (pos for pos in _determined(grid, known) if protected(pos)), key=grid.order
        )
        if not exposed:
            return
        lines = [line for line in grid.lines if line[0] in known and exposed[0] in line[1]]
        cover(next((line for line in lines if has_candidate(line)), lines[0]))


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


# --------------------------------------------------------------------------------------------
# Audit
# --------------------------------------------------------------------------------------------


def _rounding_violations(value: int, raw: int, method: RoundingMethod) -> list[DisclosureRule]:
    """List the rounding rules a published value breaks, as a clean non-overlapping set."""
    if method is RoundingMethod.NONE:
        return []
    if raw == 0:
        # RR3 and MSD's variant both leave multiples of 3, zero included, unchanged.
        return [] if value == 0 else [DisclosureRule.ZERO_CHANGED]
    if value == raw and raw % 3:
        return [DisclosureRule.UNROUNDED]
    found: list[DisclosureRule] = []
    if value % 3:
        found.append(DisclosureRule.NOT_MULTIPLE_OF_THREE)
    if abs(value - raw) > 2:
        found.append(DisclosureRule.ROUNDED_TOO_FAR)
    if method is RoundingMethod.RR3_NO_ZERO and value == 0:
        found.append(DisclosureRule.ROUNDED_TO_ZERO)
    return found


def audit(table: Table, rules: ConfidentialityRules) -> tuple[Violation, ...]:
    """Check a table about to be published against its raw counts and a standard.

    Every published value (cells and totals alike) is checked for:

    * SMALL_CELL_PUBLISHED: its raw value is small under the rules.
    * Rounding, unless the method is NONE: ZERO_CHANGED, UNROUNDED, NOT_MULTIPLE_OF_THREE,
      ROUNDED_TOO_FAR, ROUNDED_TO_ZERO (see `DisclosureRule` for how they avoid overlap).

    When the rules require secondary suppression, every withheld cell, and every withheld
    total whose raw value is small, is checked for:

    * RECOVERABLE_BY_SUBTRACTION: it is the only unknown value in a row or column whose total
      is published.
    * RECOVERABLE_BY_COMBINATION: it is not alone in any line, but several published lines
      together still pin it down exactly.

    Published values are taken as exact for these checks, which is the cautious reading.

    Args:
        table: the table as it would be published, with its raw counts.
        rules: the confidentiality standard to check against.

    Returns:
        The violations, ordered by location (cells row by row, then row totals, column totals,
        grand total) and then by rule. Empty when the table is safe to publish under the rules.
    """
    grid = _Grid.of(table)
    published = grid.published_values()
    found: list[tuple[_Pos, DisclosureRule]] = []
    for pos, value in published.items():
        raw = grid.value(pos)
        if rules.is_small(raw):
            found.append((pos, DisclosureRule.SMALL_CELL_PUBLISHED))
        found.extend((pos, rule) for rule in _rounding_violations(value, raw, rules.rounding))
    if rules.secondary_suppression:

        def protected(pos: _Pos) -> bool:
            return grid.is_cell(pos) or rules.is_small(grid.value(pos))

        lone = {pos for _, pos in _lone_unknowns(grid, published, protected)}
        found.extend((pos, DisclosureRule.RECOVERABLE_BY_SUBTRACTION) for pos in lone)
        found.extend(
            (pos, DisclosureRule.RECOVERABLE_BY_COMBINATION)
            for pos in _determined(grid, published)
            if pos not in lone and protected(pos)
        )
    found.sort(key=lambda item: (grid.order(item[0]), _RULE_ORDER[item[1]]))
    return tuple(Violation(rule=rule, location=grid.location(pos)) for pos, rule in found)


def audit_derived(
    statistics: Iterable[DerivedStatistic], rules: ConfidentialityRules
) -> tuple[DerivedViolation, ...]:
    """Check that derived statistics do not rest on small underlying counts.

    A percentage of a small group, or a mean over a few people, can disclose as much as the
    small count itself. Count-based statistics must have every underlying count at or above
    `rules.min_underlying_count`; magnitudes at or above `rules.min_underlying_count_magnitude`
    (20 by default, unverified). A statistic whose kind is not recorded is held to the larger
    of the two. A zero count is exempt when the rules exempt zero.

    Args:
        statistics: the statistics with their underlying counts.
        rules: the confidentiality standard to check against.

    Returns:
        One violation per underlying count that is too small, in input order.
    """
    found: list[DerivedViolation] = []
    for index, statistic in enumerate(statistics):
        minimum = rules.minimum_for(statistic.kind)
        found.extend(
            DerivedViolation(
                rule=DisclosureRule.SMALL_UNDERLYING_COUNT,
                statistic=statistic.name,
                index=index,
                count_index=count_index,
                kind=statistic.kind,
            )
            for count_index, count in enumerate(statistic.underlying_counts)
            if _below(count, minimum, zero_exempt=rules.zero_exempt)
        )
    return tuple(found)
