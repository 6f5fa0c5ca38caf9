"""`Band`: what a row or column label of a table covers, so tables can be compared.

Two tables sent to the same recipient can be subtracted from each other only when the reader
knows which people each figure counts. A label alone ("0-12") says that to a person, not to a
program; a `Band` says it as data: an inclusive range of whole numbers for an ordered variable
(age in years, number of visits) or an explicit set of category values (the regions a "North"
column covers). `Table` holds one band per label (optional), the variable its rows and its
columns classify people by, and the population it counts; `audit_release` uses them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

import attrs

from dpup.errors import InputError, Problem


def _values(value: Sequence[str] | None) -> tuple[str, ...] | None:
    if isinstance(value, list | tuple):
        return tuple(value)
    return cast("tuple[str, ...] | None", value)


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


@attrs.frozen(kw_only=True)
class Band:
    """What one row or column label covers: a range of whole numbers, or a set of values.

    Give either `low` and/or `high` (an inclusive range; leave one out for an open end, such
    as 85 and over), or `values` (the category values the label groups), never both.

    Attributes:
        low: the smallest value the label covers, or None for no lower end.
        high: the largest value the label covers (inclusive), or None for no upper end.
        values: the category values the label covers, when the variable is not numeric.

    Raises:
        InputError: listing every problem (neither or both kinds given, a range whose low end
            is above its high end, non-integer ends, blank or repeated values).
    """

    low: int | None = None
    high: int | None = None
    values: tuple[str, ...] | None = attrs.field(default=None, converter=_values)

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        is_range = self.low is not None or self.high is not None
        if is_range == (self.values is not None):
            problems.append(
                Problem("expected either a range (low and/or high) or values, not both", "$")
            )
        for name in ("low", "high"):
            value = getattr(self, name)
            if value is not None and not _is_int(value):
                problems.append(Problem("expected a whole number or None", f"$.{name}"))
        if (
            _is_int(self.low)
            and _is_int(self.high)
            and cast("int", self.low) > cast("int", self.high)
        ):
            problems.append(Problem("expected low to be at most high", "$.low"))
        if self.values is not None:
            _check_values(self.values, problems)
        if problems:
            raise InputError(problems)

    @property
    def is_range(self) -> bool:
        """Whether the band is a range of numbers rather than a set of values."""
        return self.values is None

    def contains(self, other: Band) -> bool:
        """Tell whether everyone this other band covers is also covered by this one.

        Bands of different kinds are never compared (a range and a set of values).
        """
        if self.is_range != other.is_range:
            return False
        if self.values is not None:
            return other.values is not None and set(other.values) <= set(self.values)
        low_ok = self.low is None or (other.low is not None and other.low >= self.low)
        high_ok = self.high is None or (other.high is not None and other.high <= self.high)
        return low_ok and high_ok

    def overlaps(self, other: Band) -> bool:
        """Tell whether the two bands of the same kind cover anybody in common."""
        if self.values is not None:
            return other.values is not None and not set(self.values).isdisjoint(other.values)
        if other.values is not None:
            return False
        below = self.high is not None and other.low is not None and self.high < other.low
        above = other.high is not None and self.low is not None and other.high < self.low
        return not (below or above)


def _check_values(values: object, problems: list[Problem]) -> None:
    if not isinstance(values, tuple) or not values:
        problems.append(Problem("expected a non-empty sequence of values", "$.values"))
        return
    seen: set[object] = set()
    for i, value in enumerate(values):
        if not isinstance(value, str) or not value.strip():
            problems.append(Problem("expected a non-blank string value", f"$.values[{i}]"))
        elif value in seen:
            problems.append(Problem("expected unique values; this repeats one", f"$.values[{i}]"))
        seen.add(value)


def _bands(value: Sequence[Band] | None) -> tuple[Band, ...] | None:
    if isinstance(value, list | tuple):
        return tuple(value)
    return cast("tuple[Band, ...] | None", value)


def check_release_fields(
    *,
    population: object,
    key: object,
    variables: Sequence[tuple[str, object]],
    bands: Sequence[tuple[str, object, int | None]],
    problems: list[Problem],
) -> None:
    """Validate a table's population, key, variables and bands, adding to `problems`.

    Args:
        population: the table's population (a non-blank string or None).
        key: the table's key (a non-blank string or None).
        variables: (path, value) of each axis's variable name: rows and columns, or each
            dimension of a cross table.
        bands: (path, bands, number of labels or None) for each axis, in the same order.
        problems: where problems are added.
    """
    for path, value in (("$.population", population), ("$.key", key), *variables):
        if value is not None and (not isinstance(value, str) or not value.strip()):
            problems.append(Problem("expected a non-blank string or None", path))
    message = (
        "expected the rows and columns to classify by different variables"
        if [path for path, _ in variables] == ["$.row_variable", "$.column_variable"]
        else "expected each dimension to classify by a different variable"
    )
    named = [variable for _, variable in variables]
    problems.extend(
        Problem(message, path)
        for n, (path, variable) in enumerate(variables)
        if variable is not None and variable in named[:n]
    )
    for (path, given, count), (_, variable) in zip(bands, variables, strict=True):
        if given is None:
            continue
        if variable is None:
            problems.append(Problem("expected the variable these bands describe to be named", path))
        if not isinstance(given, tuple):
            problems.append(Problem("expected a sequence of bands or None", path))
            continue
        if count is not None and len(given) != count:
            problems.append(Problem("expected one band per label", path))
        good = [(i, band) for i, band in enumerate(given) if isinstance(band, Band)]
        problems.extend(
            Problem("expected a Band", f"{path}[{i}]")
            for i, band in enumerate(given)
            if not isinstance(band, Band)
        )
        if len({band.is_range for _, band in good}) > 1:
            problems.append(
                Problem(
                    "expected every band of a variable to be of one kind (range or values)", path
                )
            )
            continue
        for n, (i, band) in enumerate(good):
            if any(band.overlaps(other) for _, other in good[:n]):
                problems.append(
                    Problem(
                        "expected bands that do not overlap; this one overlaps another",
                        f"{path}[{i}]",
                    )
                )
