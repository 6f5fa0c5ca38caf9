"""The exception hierarchy: every error dpup raises derives from `DpupError`."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from dpup._printable import printable

__all__ = [
    "CalendarRangeError",
    "DpupError",
    "DpupTypeError",
    "DpupValueError",
    "InputError",
    "Problem",
    "UnknownCheckError",
]

_SHOWN_NAME_LENGTH = 40
"""The most characters of an unknown check id or selector an `UnknownCheckError` shows."""


class DpupError(Exception):
    """Root of every error raised by dpup."""


class DpupTypeError(DpupError, TypeError):
    """An argument of a type a dpup function does not take (a `TypeError` too)."""


class DpupValueError(DpupError, ValueError):
    """An argument whose value a dpup function cannot use (a `ValueError` too)."""


class Problem:
    """One problem found in input: a message and the JSON path where it was found.

    The message describes what was expected (a type, a known value, a reference), never the
    value that was given, so personal information in the input is not echoed back.
    """

    __slots__ = ("message", "path")

    def __init__(self, message: str, path: str = "$") -> None:
        self.message = message
        self.path = path

    def __str__(self) -> str:
        return f"{self.message} @ {self.path}"

    def __repr__(self) -> str:
        return f"Problem({self.message!r}, {self.path!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Problem):
            return NotImplemented
        return (self.message, self.path) == (other.message, other.path)

    def __hash__(self) -> int:
        return hash((self.message, self.path))


class InputError(DpupError, ValueError):
    """Input that does not describe a valid dpup document.

    Attributes:
        problems: every problem found, each as ``message @ $.path``.
        source: where the input came from (a file name), if known. The message shows it with
            control characters escaped.
    """

    def __init__(self, problems: Iterable[Problem], source: str | None = None) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.source = source
        super().__init__(str(self))

    @property
    def lines(self) -> tuple[str, ...]:
        """Each problem as one ``message @ $.path`` line."""
        return tuple(str(p) for p in self.problems)

    @property
    def paths(self) -> tuple[str, ...]:
        """The JSON path of each problem."""
        return tuple(p.path for p in self.problems)

    def __str__(self) -> str:
        # A file name is input too (a name can hold a newline): shown escaped, on one line.
        where = f" in {printable(self.source)}" if self.source else ""
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} found{where}:"
        return "\n".join([head, *(f"  {line}" for line in self.lines)])

    def __reduce__(self) -> tuple[type[InputError], tuple[tuple[Problem, ...], str | None]]:
        return (type(self), (self.problems, self.source))


class UnknownCheckError(DpupError, LookupError):
    """A check id or selector that names nothing in the catalogue.

    The message shows each unknown name quoted, cut to 40 characters, with control and other
    unprintable characters escaped: a waiver file's ``check_id`` is input, and must not be
    able to move the terminal's cursor or start a line of its own.

    Attributes:
        unknown: the selectors that matched nothing.
        suggestions: for each unknown selector, close matches from the catalogue.
    """

    def __init__(self, unknown: Sequence[str], suggestions: dict[str, tuple[str, ...]]) -> None:
        self.unknown = tuple(unknown)
        self.suggestions = dict(suggestions)
        super().__init__(str(self))

    def __str__(self) -> str:
        parts = []
        for name in self.unknown:
            close = self.suggestions.get(name, ())
            hint = f" (did you mean {', '.join(close)}?)" if close else ""
            shown = printable(str(name), limit=_SHOWN_NAME_LENGTH).replace("'", "\\'")
            parts.append(f"unknown check or selector '{shown}'{hint}")
        return "; ".join(parts)

    def __reduce__(self) -> tuple[type[UnknownCheckError], tuple[object, ...]]:
        return (type(self), (self.unknown, self.suggestions))


class CalendarRangeError(DpupError, ValueError):
    """A date outside the range the working-day calendar was built for.

    Attributes:
        day: the date asked about.
        first: the first date the calendar covers.
        last: the last date the calendar covers.
    """

    def __init__(self, day: object, first: object, last: object) -> None:
        self.day = day
        self.first = first
        self.last = last
        super().__init__(str(self))

    def __str__(self) -> str:
        return (
            f"{self.day} is outside the working-day calendar, which covers "
            f"{self.first} to {self.last}"
        )

    def __reduce__(self) -> tuple[type[CalendarRangeError], tuple[object, ...]]:
        return (type(self), (self.day, self.first, self.last))
