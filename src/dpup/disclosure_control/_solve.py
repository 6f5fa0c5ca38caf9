"""What a reader can work out exactly from published values bound by line equations."""

from __future__ import annotations

import random
from collections.abc import Callable, Collection, Sequence
from typing import TypeVar

_P = TypeVar("_P")

# A line equation over flat positions: the position of its aggregate (a total or subtotal) and
# the positions that add up to it.
_Line = tuple[int, tuple[int, ...]]

_PRIME = (1 << 61) - 1
"""The modulus of the arithmetic in `_eliminate`: a Mersenne prime."""

_SEED = 20_211_122
"""The seed of the random null-space vector in `_eliminate`, so that results repeat."""


# The last system solved and its answer, kept while its lines are: suppressing a table and then
# auditing the result ends with the same system, and so do the checks that audit one table.
_last_solve: tuple[object, bytes, frozenset[int]] = (None, b"", frozenset())


def _solve(lines: Sequence[_Line], known: bytearray) -> set[int]:
    """Find every unknown position whose value follows exactly from the known ones.

    Every line is an equation, its aggregate equal to the sum of its members, whether the
    aggregate is published or not (an unpublished total that other lines give away still
    binds its members). First every equation with a single unknown gives that unknown away,
    repeatedly, until none is left (the "one unknown in a line" fixpoint). What remains is
    solved by Gaussian elimination: a position is determined when its unit vector lies in the
    row space of the remaining equations. These systems are not totally unimodular in
    general (a table of three dimensions, or a two-way table whose unpublished totals are
    unknowns too), so the elimination runs modulo the prime 2^61 - 1 rather than over GF(2);
    it agrees with exact rational arithmetic unless a determinant of the system is a multiple
    of that prime.

    Args:
        lines: the line equations over flat positions.
        known: one flag per position, non-zero where the value is published.

    Returns:
        The unknown positions whose value a reader can work out.
    """
    global _last_solve  # noqa: PLW0603 - a one-entry memo, replaced whole
    remembered, flags, answer = _last_solve
    if remembered is lines and flags == known:
        return set(answer)
    solved = _work_out(lines, known)
    _last_solve = (lines, bytes(known), frozenset(solved))
    return solved


def _work_out(lines: Sequence[_Line], known: bytearray) -> set[int]:
    """Do the work of `_solve`, without the memo."""
    pending: dict[int, list[int]] = {}  # line id -> its unknown positions
    touching: dict[int, list[int]] = {}  # unknown position -> line ids
    for number, (total, members) in enumerate(lines):
        unknown = [pos for pos in members if not known[pos]]
        if not known[total]:
            unknown.append(total)
        if unknown:
            pending[number] = unknown
            for pos in unknown:
                touching.setdefault(pos, []).append(number)
    solved: set[int] = set()
    queue = [number for number, unknown in pending.items() if len(unknown) == 1]
    while queue:
        number = queue.pop()
        unknown = [pos for pos in pending.get(number, ()) if pos not in solved]
        if len(unknown) != 1:
            continue
        pos = unknown[0]
        solved.add(pos)
        for other in touching[pos]:
            rest = [p for p in pending[other] if p not in solved]
            pending[other] = rest
            if len(rest) == 1:
                queue.append(other)
    equations: list[tuple[int, list[int]]] = []
    for number, unknown in pending.items():
        rest = [pos for pos in unknown if pos not in solved]
        if len(rest) >= 2:
            equations.append((number, rest))
    if equations:
        solved |= _eliminate(lines, equations)
    return solved


def _eliminate(lines: Sequence[_Line], equations: list[tuple[int, list[int]]]) -> set[int]:
    """Return the unknowns that the equations pin down, by a random vector of their null space.

    Each equation is a line's number and its unknown positions; the line's aggregate has
    coefficient 1 and its members -1 (known values only move the right-hand side, which does
    not decide what is determined). An unknown is free to change, and so not determined,
    exactly when some solution of the homogeneous system moves it; a solution drawn at random
    from the null space moves every such unknown except with probability about 2^-61 each
    (and a miss only errs on the cautious side: the value is reported as determined). The
    draw is seeded, so results are repeatable.

    The null space is found by sparse elimination, variable by variable, always taking the
    unknown in the fewest remaining equations (minimum degree, which keeps fill-in small on
    table-shaped systems); an unknown left in no equation is free.
    """
    p = _PRIME
    rows: dict[int, dict[int, int]] = {}
    where: dict[int, set[int]] = {}  # unknown -> numbers of the equations it is in
    for number, unknown in equations:
        total = lines[number][0]
        rows[number] = {pos: 1 if pos == total else p - 1 for pos in unknown}
        for pos in unknown:
            where.setdefault(pos, set()).add(number)
    # A bucket queue of the unknowns by how many equations they are in; an entry is stale
    # when the count has changed since, and is skipped.
    buckets: list[list[int]] = []
    _requeue(buckets, where, set(where))
    eliminated: list[tuple[int, int, dict[int, int]]] = []
    done: set[int] = set()
    degree = 0
    while degree < len(buckets):
        bucket = buckets[degree]
        if not bucket:
            degree += 1
            continue
        pos = bucket.pop()
        numbers = where[pos]
        if pos in done or len(numbers) != degree:
            continue
        done.add(pos)
        if not numbers:
            continue  # free: in no equation any more
        pivot_number = min(numbers, key=lambda n: (len(rows[n]), n))
        pivot = rows.pop(pivot_number)
        scale = pow(pivot[pos], p - 2, p)
        touched = set(pivot)
        for number in sorted(numbers):
            if number == pivot_number:
                continue
            row = rows[number]
            factor = row[pos] * scale % p
            for other, value in pivot.items():
                updated = (row.get(other, 0) - factor * value) % p
                if updated:
                    if other not in row:
                        where[other].add(number)
                        touched.add(other)
                    row[other] = updated
                else:
                    del row[other]
                    where[other].discard(number)
            if not row:
                del rows[number]
        for other in pivot:
            where[other].discard(pivot_number)
        eliminated.append((pos, scale, pivot))
        degree = min(degree, _requeue(buckets, where, touched - done))
    return _pinned(done, eliminated)


def _requeue(buckets: list[list[int]], where: dict[int, set[int]], unknowns: set[int]) -> int:
    """Put unknowns in the bucket of their current degree; return the smallest degree."""
    lowest = len(buckets) + len(unknowns)
    for pos in unknowns:
        count = len(where[pos])
        while len(buckets) <= count:
            buckets.append([])
        buckets[count].append(pos)
        lowest = min(lowest, count)
    return lowest


def _pinned(unknowns: set[int], eliminated: list[tuple[int, int, dict[int, int]]]) -> set[int]:
    """Draw a random null-space vector by back-substitution; return where it is zero."""
    p = _PRIME
    rng = random.Random(_SEED)  # noqa: S311 - a repeatable draw, not a secret
    vector: dict[int, int] = {pos: rng.randrange(1, p) for pos in sorted(unknowns)}
    for pos, scale, pivot in reversed(eliminated):
        rest = sum(value * vector[other] for other, value in pivot.items() if other != pos)
        vector[pos] = -rest * scale % p
    return {pos for pos, value in vector.items() if not value}


def _line_to_cover(
    lines: Sequence[tuple[_P, Sequence[_P]]],
    through: Callable[[_P], Sequence[int]],
    *,
    known: Callable[[_P], object],
    value: Callable[[_P], int],
    exposed: _P,
    determined: Collection[_P],
) -> int | None:
    """Pick the line in which to withhold one more value so that `exposed` is protected.

    The first line (by number) with a published aggregate that holds the value, preferring
    one with a non-zero published member, as secondary suppression has always chosen. A value
    worked out only through other unknowns (a withheld total that its published parts give
    away, say) is protected where those are worked out: the search moves out, line by line,
    through determined values, and takes the first line with a published aggregate or a
    published non-zero member.

    Args:
        lines: the line equations.
        through: the numbers of the lines a position is in, in order.
        known: whether a position is published.
        value: a position's raw value.
        exposed: the protected value to cover.
        determined: every position a reader can work out.

    Returns:
        The number of the line to cover, or None when no line holds a published value.
    """

    def has_candidate(number: int) -> bool:
        return any(known(pos) and value(pos) > 0 for pos in lines[number][1])

    seen = {exposed}
    frontier = [exposed]
    while frontier:
        reached: list[_P] = []
        for pos in frontier:
            numbers = through(pos)
            holding = [n for n in numbers if lines[n][0] != pos and known(lines[n][0])]
            chosen = next((n for n in holding if has_candidate(n)), None)
            if chosen is not None or holding:
                return holding[0] if chosen is None else chosen
            chosen = next((n for n in numbers if lines[n][0] == pos and has_candidate(n)), None)
            if chosen is not None:
                return chosen
            for n in numbers:
                total, members = lines[n]
                for other in (total, *members):
                    if other in determined and other not in seen:
                        seen.add(other)
                        reached.append(other)
        frontier = reached
    return None
