"""Suppression and audit of cross tables: the two-way rules applied over every published line."""

from __future__ import annotations

import heapq
from collections.abc import Callable
from typing import TYPE_CHECKING

import attrs

from dpup.disclosure_control._audit import _raw_range, _rounding_violations
from dpup.disclosure_control._ngrid import (
    CrossSuppression,
    CrossSuppressionResult,
    CrossViolation,
    _Cube,
    _determined,
)
from dpup.disclosure_control._ntable import CrossTable
from dpup.disclosure_control._rounding import _check_rng, _rounder
from dpup.disclosure_control._rules import (
    _RULE_ORDER,
    ConfidentialityRules,
    DisclosureRule,
    GroupDisclosure,
    RoundingMethod,
    SuppressionReason,
)

if TYPE_CHECKING:
    from random import Random
from dpup.disclosure_control._solve import _Line, _line_to_cover


def _group_disclosures(cube: _Cube, published: bytearray) -> set[int]:
    """Find published zeros that put everyone in a line of cells into one category.

    A line whose members are all cells (two or more) qualifies when exactly one of them holds
    anybody and every other one is published (as the zero it is), as in a two-way table.
    """
    found: set[int] = set()
    raw, cell = cube.raw, cube.cell
    for _, members in cube.lines:
        if len(members) < 2 or not all(cell[pos] for pos in members):
            continue
        occupied = 0
        for pos in members:
            if raw[pos] > 0:
                occupied += 1
                if occupied > 1:
                    break
        if occupied == 1:
            zeros = [pos for pos in members if raw[pos] == 0]
            if all(published[pos] for pos in zeros):
                found.update(zeros)
    return found


def suppress_cross(table: CrossTable, rules: ConfidentialityRules) -> CrossSuppressionResult:
    """Withhold small counts in a cross table, then enough others that none can be worked back.

    The two-way `suppress`, applied to every line of the extended cube. Every cell is planned
    for publication, and so is every group subtotal and every value of each listed margin
    unless the table's `published` already withholds it (None); the table's published cell
    values are otherwise ignored, and suppression works from the raw counts. Primary
    suppression withholds each planned value (cell, group subtotal or margin value) whose raw
    value is small, and, when the rules treat group disclosure as a breach, the zeros of
    every line of cells whose people all fall in one category.

    Secondary suppression (when `rules.secondary_suppression` is on) repeats until stable:

    1. Lines are visited in a fixed order (the last dimension's lines first, then by the
       coordinates held fixed, groups before the total). A line whose aggregate will be
       published and which hides exactly one protected value, or hides several whose sum is
       itself small, gets its smallest non-zero published member withheld (ties go to the
       first along the line), or, with none left, its aggregate.
    2. When no single line exposes anything, the published values are solved together (the
       "one unknown in a line" fixpoint, then exact elimination, see `audit_cross`); the first
       protected value, in position order, that is still determined gets one more value
       withheld in the first line with a published aggregate that holds it, and step 1 runs
       again.

    Like the two-way version this is a heuristic with an exactness check, not an optimal
    solver: it does not minimise the information lost. A table of two dimensions with no
    groups gets the same suppressions as `suppress` gives the same table as a `Table`.

    Args:
        table: the table, usually from `CrossTable.from_counts`.
        rules: the confidentiality standard to apply.

    Returns:
        The published table (withheld values None, others still raw) and the reason for every
        withheld value.
    """
    cube = _Cube(table)
    planned = bytearray(table.planned())
    if table.published is not None:
        # A margin value the table already withholds stays unpublished, as a two-way table's
        # None total does; the body is always planned whatever its published values say.
        cell = cube.cell
        for pos, value in enumerate(table.published):
            if value is None and not cell[pos]:
                planned[pos] = 0
    raw = cube.raw
    revealing: set[int] = set()
    if rules.group_disclosure is GroupDisclosure.BREACH:
        revealing = _group_disclosures(cube, planned)
    is_small = rules.is_small
    reasons: dict[int, SuppressionReason] = {
        pos: SuppressionReason.PRIMARY
        for pos in range(cube.size)
        if planned[pos] and (is_small(raw[pos]) or pos in revealing)
    }
    known = bytearray(planned)
    for pos in reasons:
        known[pos] = 0
    if rules.secondary_suppression:
        _secondary(cube, known, reasons, _protection(cube, rules), rules)
    published = [raw[pos] if known[pos] else None for pos in range(cube.size)]
    suppressions = tuple(
        CrossSuppression(location=cube.location(pos), reason=reasons[pos])
        for pos in sorted(reasons, key=cube.order)
    )
    return CrossSuppressionResult(
        published=attrs.evolve(table, published=published), suppressions=suppressions
    )


def _protection(cube: _Cube, rules: ConfidentialityRules) -> Callable[[int], bool]:
    """Protected values: every cell, and any other value that is small."""
    cell, raw, is_small = cube.cell, cube.raw, rules.is_small

    def protected(pos: int) -> bool:
        return bool(cell[pos]) or is_small(raw[pos])

    return protected


def _secondary(
    cube: _Cube,
    known: bytearray,
    reasons: dict[int, SuppressionReason],
    protected: Callable[[int], bool],
    rules: ConfidentialityRules,
) -> None:
    """Add secondary suppressions to `reasons` until no protected value can be recovered."""
    raw, is_small = cube.raw, rules.is_small

    def cover(line: _Line) -> int:
        total, members = line
        chosen = total
        smallest = None
        for pos in members:
            value = raw[pos]
            if known[pos] and value > 0 and (smallest is None or value < smallest):
                chosen, smallest = pos, value
        reasons[chosen] = SuppressionReason.SECONDARY
        known[chosen] = 0
        return chosen

    # A full pass over the lines, as the two-way version makes, would re-test lines that
    # cannot have changed. This keeps its exact order with a heap of line numbers: a line is
    # tested again only when one of its positions is withheld, in this pass if it comes later
    # than the line being handled, else in the next pass.
    lines = cube.lines
    todo = list(range(len(lines)))
    while True:
        later: set[int] = set()
        queued = set(todo)
        heapq.heapify(todo)
        while todo:
            number = heapq.heappop(todo)
            total, members = lines[number]
            if not known[total]:
                continue
            hidden = [pos for pos in members if not known[pos]]
            if not hidden:
                continue
            if len(hidden) == 1:
                exposes = protected(hidden[0])
            else:
                exposes = any(protected(pos) for pos in hidden) and is_small(
                    sum(raw[pos] for pos in hidden)
                )
            if not exposes:
                continue
            for other in cube.lines_through(cover(lines[number])):
                if other > number and other not in queued:
                    queued.add(other)
                    heapq.heappush(todo, other)
                elif other <= number:
                    later.add(other)
        if later:
            todo = sorted(later)
            continue
        determined = _determined(cube, known)
        exposed = sorted((pos for pos in determined if protected(pos)), key=cube.order)
        if not exposed:
            return
        chosen = _line_to_cover(
            lines,
            cube.lines_through,
            known=known.__getitem__,
            value=raw.__getitem__,
            exposed=exposed[0],
            determined=determined,
        )
        if chosen is None:  # pragma: no cover - only values pinned to zero with nothing known
            return
        todo = sorted(cube.lines_through(cover(lines[chosen])))


def _small_withheld_sums(
    cube: _Cube,
    published: list[int | None],
    rules: ConfidentialityRules,
    protected: Callable[[int], bool],
) -> set[int]:
    """Find withheld values in lines whose published aggregate shows their sum is small.

    The two-way rule, line by line: in a line with a published aggregate and two or more
    withheld members, some protected, the reader learns what the withheld members add up to
    (after rounding, an interval); when every sum in that interval is below the threshold,
    and the true sum is non-zero or zero is not exempt, the withheld members are disclosed
    as small. Sums that need several lines combined are not checked.
    """
    threshold = rules.suppression_threshold
    found: set[int] = set()
    if threshold == 0:
        return found
    method, raw = rules.rounding, cube.raw
    for total, members in cube.lines:
        shown = published[total]
        if shown is None:
            continue
        hidden = [pos for pos in members if published[pos] is None]
        if len(hidden) < 2 or not any(protected(pos) for pos in hidden):
            continue
        lowest = 0
        for pos in members:
            value = published[pos]
            if value is not None:
                lowest += _raw_range(value, method)[0]
        highest = _raw_range(shown, method)[1] - lowest
        true_sum = sum(raw[pos] for pos in hidden)
        if highest < threshold and (true_sum > 0 or not rules.zero_exempt):
            found.update(pos for pos in hidden if protected(pos))
    return found


def audit_cross(table: CrossTable, rules: ConfidentialityRules) -> tuple[CrossViolation, ...]:
    """Check a cross table about to be published against its raw counts and a standard.

    Every rule of the two-way `audit`, over every position and every line of the extended
    cube (each dimension, each hierarchy level, each published margin):

    * SMALL_CELL_PUBLISHED and the rounding rules, for every published value.
    * When the rules require secondary suppression, for every withheld cell and every withheld
      value that is small: RECOVERABLE_BY_SUBTRACTION (the only unknown member of a line whose
      aggregate is published), RECOVERABLE_BY_COMBINATION (pinned down exactly by the
      published values together: the "one unknown in a line" fixpoint, then elimination of
      what is left, so any linear combination of published values is found), and
      WITHHELD_SUM_SMALL (line by line, as in `audit`).
    * Unless the rules' `group_disclosure` is IGNORE, GROUP_DISCLOSURE for every published
      zero in a line of cells where exactly one cell holds anybody.

    Published values are taken as exact for the recovery checks, the cautious reading. Not
    detected: bounds a reader can put on a withheld value without pinning it down (an
    interval attack, which needs linear programming over the non-negative counts), and
    sums of withheld values made small only by combining several lines.

    Args:
        table: the table as it would be published, with its raw counts.
        rules: the confidentiality standard to check against.

    Returns:
        The violations, ordered by position (cells first, then values at group subtotals or
        totals) and then by rule. Empty when the table is safe to publish under the rules.
    """
    cube = _Cube(table)
    raw = cube.raw
    published = table.published_values()
    known = bytearray(value is not None for value in published)
    found: list[tuple[int, DisclosureRule]] = []
    is_small, method = rules.is_small, rules.rounding
    for pos, value in enumerate(published):
        if value is None:
            continue
        if is_small(raw[pos]):
            found.append((pos, DisclosureRule.SMALL_CELL_PUBLISHED))
        found.extend((pos, rule) for rule in _rounding_violations(value, raw[pos], method))
    if rules.secondary_suppression:
        protected = _protection(cube, rules)
        lone: set[int] = set()
        for total, members in cube.lines:
            if not known[total]:
                continue
            hidden = [pos for pos in members if not known[pos]]
            if len(hidden) == 1 and protected(hidden[0]):
                lone.add(hidden[0])
        found.extend((pos, DisclosureRule.RECOVERABLE_BY_SUBTRACTION) for pos in lone)
        determined = {pos for pos in _determined(cube, known) if protected(pos)}
        found.extend((pos, DisclosureRule.RECOVERABLE_BY_COMBINATION) for pos in determined - lone)
        found.extend(
            (pos, DisclosureRule.WITHHELD_SUM_SMALL)
            for pos in _small_withheld_sums(cube, published, rules, protected)
            if pos not in lone and pos not in determined
        )
    if rules.group_disclosure is not GroupDisclosure.IGNORE:
        found.extend(
            (pos, DisclosureRule.GROUP_DISCLOSURE) for pos in _group_disclosures(cube, known)
        )
    found.sort(key=lambda item: (cube.order(item[0]), _RULE_ORDER[item[1]]))
    return tuple(CrossViolation(rule=rule, location=cube.location(pos)) for pos, rule in found)


def round_cross_table(table: CrossTable, method: RoundingMethod, rng: Random) -> CrossTable:
    """Round every published value of a cross table, subtotals and totals included.

    As `round_table` does for a two-way table: each published value gets a fresh rounding of
    its raw value, drawn in position order; withheld values stay None.

    Args:
        table: the table to round, usually `CrossSuppressionResult.published`.
        method: the rounding method; `RoundingMethod.NONE` publishes raw values.
        rng: the random source; seed it for repeatable output.

    Returns:
        A new table with rounded published values.
    """
    _check_rng(rng)
    rounder = _rounder(method)
    raw = table.raw_values()
    shown = table.published_values()
    published = [
        None if value is None else rounder(true, rng)
        for value, true in zip(shown, raw, strict=True)
    ]
    return attrs.evolve(table, published=published)


def protect_cross(table: CrossTable, rules: ConfidentialityRules, rng: Random) -> CrossTable:
    """Suppress, then round, a cross table under the given rules, ready for `audit_cross`.

    Args:
        table: the table, usually from `CrossTable.from_counts`.
        rules: the confidentiality standard to apply.
        rng: the random source; seed it for repeatable output.

    Returns:
        The table with withheld values set to None and every other value rounded.
    """
    _check_rng(rng)
    return round_cross_table(suppress_cross(table, rules).published, rules.rounding, rng)
