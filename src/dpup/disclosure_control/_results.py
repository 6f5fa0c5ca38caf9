"""What suppression and audit report: positions, suppressions, violations, derived statistics."""

from __future__ import annotations

import attrs

from dpup.disclosure_control._rules import (
    DisclosureRule,
    LocationKind,
    StatisticKind,
    SuppressionReason,
    _is_count,
)
from dpup.disclosure_control._table import Table, _counts
from dpup.errors import InputError, Problem


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
        confirmed: True when the count is below a minimum the rule set states for certain
            (a breach); False when it breaks only an unverified minimum, or one that depends
            on an unrecorded kind (a matter for judgement). See
            `ConfidentialityRules.confirmed_minimum_for`.
    """

    rule: DisclosureRule
    statistic: str
    index: int
    count_index: int
    kind: StatisticKind | None
    confirmed: bool = True

    @property
    def message(self) -> str:
        """Explain the rule broken, without values."""
        return self.rule.description

    def __str__(self) -> str:
        return (
            f"statistic {self.statistic!r} (index {self.index}), underlying count "
            f"index {self.count_index}: {self.message}"
        )
