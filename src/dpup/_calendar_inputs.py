"""Input checks for `dpup.calendar`: dates, day counts, holiday names and window bounds.

Kept apart so the calendar module stays about the calendar; every function raises the
TypeError or ValueError the public calendar functions document, as `DpupTypeError` or
`DpupValueError`, so that, like every error dpup raises, it derives from `DpupError`.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from datetime import date, datetime
from typing import cast

from dpup.errors import DpupTypeError, DpupValueError

__all__ = [
    "MonthDay",
    "date_set",
    "month_day",
    "name_set",
    "normalise_name",
    "require_count",
    "require_date",
]

MonthDay = tuple[int, int]


def require_date(value: object, what: str = "day") -> date:
    """Return ``value`` if it is a date and not a datetime; raise TypeError otherwise."""
    # datetime subclasses date, but which calendar day a datetime falls on depends on its
    # time zone; make the caller choose (value.date(), or convert to NZ time first).
    if isinstance(value, datetime):
        raise DpupTypeError(
            f"{what} must be a datetime.date, not a datetime.datetime; "
            "convert to New Zealand time and call .date() first"
        )
    if not isinstance(value, date):
        raise DpupTypeError(f"{what} must be a datetime.date, not {type(value).__name__}")
    return value


def require_count(n: object) -> int:
    """Return ``n`` if it is a non-negative int; raise TypeError or ValueError otherwise."""
    # bool is an int subclass; add_working_days(d, True) is a bug, not a request for 1 day.
    if isinstance(n, bool) or not isinstance(n, int):
        raise DpupTypeError(f"n must be an int, not {type(n).__name__}")
    if n < 0:
        raise DpupValueError(
            f"n must be >= 0 (got {n}): working-day deadlines count forwards from the day "
            "after receipt; counting backwards is not supported"
        )
    return n


def normalise_name(name: str) -> str:
    """Return a holiday name folded for matching.

    Case, Unicode form, curly apostrophes and runs of spaces all vary between releases and
    locales of the holidays package; none of them changes which holiday is meant.
    """
    text = unicodedata.normalize("NFKC", name).replace("\u2019", "'").replace("\u2018", "'")
    return " ".join(text.casefold().split())


def name_set(value: Iterable[str]) -> frozenset[str]:
    """Convert holiday names to a frozenset, refusing a bare string."""
    # frozenset("Matariki") would silently become a set of letters.
    if isinstance(value, str):
        raise DpupTypeError("holiday names must be a collection of strings, not one string")
    # Typed as object: the annotation is a promise callers can break at run time.
    names: frozenset[object] = frozenset(value)
    for name in names:
        if not isinstance(name, str):
            raise DpupTypeError(f"holiday names must be strings, not {type(name).__name__}")
        if not name.strip():
            raise DpupValueError("holiday names must not be blank")
    return cast("frozenset[str]", names)


def date_set(value: Iterable[date]) -> frozenset[date]:
    """Convert extra excluded dates to a frozenset of plain dates."""
    if isinstance(value, (str, date)):
        raise DpupTypeError("extra_excluded_dates must be a collection of dates, not one value")
    days = frozenset(value)
    for day in days:
        require_date(day, "extra_excluded_dates")
    return days


def month_day(value: Iterable[int] | None) -> MonthDay | None:
    """Convert a (month, day) pair to a tuple, checking it names a real day of the year."""
    if value is None:
        return None
    pair = tuple(value)
    if len(pair) != 2 or not all(type(part) is int for part in pair):
        raise DpupTypeError("a window bound must be a (month, day) pair of ints")
    month, day = pair
    try:
        # 2000 is a leap year, so 29 February is accepted as a bound.
        date(2000, month, day)
    except ValueError:
        raise DpupValueError(f"({month}, {day}) is not a valid (month, day)") from None
    return (month, day)
