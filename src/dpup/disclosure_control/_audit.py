"""Audits of a table about to be published, and of statistics derived from counts."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from dpup.disclosure_control._grid import (
    _determined,
    _Grid,
    _group_disclosures,
    _lone_unknowns,
    _Pos,
)
from dpup.disclosure_control._results import DerivedStatistic, DerivedViolation, Violation
from dpup.disclosure_control._rules import (
    _RULE_ORDER,
    ConfidentialityRules,
    DisclosureRule,
    GroupDisclosure,
    RoundingMethod,
    _below,
)
from dpup.disclosure_control._table import Table


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


def _raw_range(value: int, method: RoundingMethod) -> tuple[int, int]:
    """Give the raw counts a published value can stand for under a rounding method.

    Unrounded values are exact. RR3 moves a count by at most two and never below zero. MSD's
    variant also keeps a published zero for a true zero only, and publishes nothing non-zero
    from a raw zero.
    """
    if method is RoundingMethod.NONE:
        return value, value
    if method is RoundingMethod.RR3_NO_ZERO:
        if value == 0:
            return 0, 0
        return max(1, value - 2), value + 2
    return max(0, value - 2), value + 2


def _small_withheld_sums(
    grid: _Grid,
    published: Mapping[_Pos, int],
    rules: ConfidentialityRules,
    protected: Callable[[_Pos], bool],
) -> set[_Pos]:
    """Find withheld values in lines whose withheld part is shown, by its total, to be small.

    In a line with a published total and two or more withheld values (one alone is a
    subtraction case), the reader learns what the withheld values add up to. After rounding
    they learn only an interval; the sum is disclosed as small when the whole interval lies
    below the suppression threshold. The true sum must be non-zero, or zero must not be
    exempt, for there to be anything to disclose. Only single lines are reasoned about here:
    sums that need several lines combined are not checked.
    """
    threshold = rules.suppression_threshold
    found: set[_Pos] = set()
    if threshold == 0:
        return found
    for total, members in grid.lines:
        if total not in published:
            continue
        hidden = [pos for pos in members if pos not in published]
        if len(hidden) < 2 or not any(protected(pos) for pos in hidden):
            continue
        highest = _raw_range(published[total], rules.rounding)[1] - sum(
            _raw_range(published[pos], rules.rounding)[0] for pos in members if pos in published
        )
        true_sum = sum(grid.value(pos) for pos in hidden)
        if highest < threshold and (true_sum > 0 or not rules.zero_exempt):
            found.update(pos for pos in hidden if protected(pos))
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
    * WITHHELD_SUM_SMALL: it shares a line with other withheld values, and the line's
      published total shows that together they are small (for a rounded table: that every
      sum the rounding allows is small).

    Published values are taken as exact for the two recovery checks, which is the cautious
    reading.

    Unless the rules' `group_disclosure` is IGNORE, every published zero in a row or column
    where exactly one cell holds anybody is reported as GROUP_DISCLOSURE: the zeros tell the
    reader that everyone in that line falls in the one category.

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
        determined = {pos for pos in _determined(grid, published) if protected(pos)}
        found.extend((pos, DisclosureRule.RECOVERABLE_BY_COMBINATION) for pos in determined - lone)
        found.extend(
            (pos, DisclosureRule.WITHHELD_SUM_SMALL)
            for pos in _small_withheld_sums(grid, published, rules, protected)
            if pos not in lone and pos not in determined
        )
    if rules.group_disclosure is not GroupDisclosure.IGNORE:
        found.extend(
            (pos, DisclosureRule.GROUP_DISCLOSURE) for pos in _group_disclosures(grid, published)
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

    Each violation says whether it is `confirmed`: below a minimum the rule set states for
    certain (a breach), or only below an unverified minimum or one that hangs on an unrecorded
    kind (left to judgement).

    Returns:
        One violation per underlying count that is too small, in input order.
    """
    found: list[DerivedViolation] = []
    for index, statistic in enumerate(statistics):
        minimum = rules.minimum_for(statistic.kind)
        certain = rules.confirmed_minimum_for(statistic.kind)
        found.extend(
            DerivedViolation(
                rule=DisclosureRule.SMALL_UNDERLYING_COUNT,
                statistic=statistic.name,
                index=index,
                count_index=count_index,
                kind=statistic.kind,
                confirmed=_below(count, certain, zero_exempt=rules.zero_exempt),
            )
            for count_index, count in enumerate(statistic.underlying_counts)
            if _below(count, minimum, zero_exempt=rules.zero_exempt)
        )
    return tuple(found)
