"""Random rounding to base 3, count by count (Stats NZ's and MSD's variants)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Final

from dpup.disclosure_control._rules import RoundingMethod, _is_count
from dpup.errors import InputError, Problem

if TYPE_CHECKING:
    from random import Random


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
