"""Privacy Act 2020 working days: which days count, and statutory deadlines counted in them.

The Privacy Act 2020 sets its time limits in *working days* (s 7). A working day is any day
except Saturdays and Sundays, a fixed list of national public holidays (with Waitangi Day and
Anzac Day moved to the Monday when they fall on a weekend), and every day from 25 December to
15 January inclusive. Regional anniversary days are working days. The one-off Queen Elizabeth
II Memorial Day (Monday 26 September 2022) is not a working day either: MBIE's guidance says it
counts as a non-working day wherever a statute sets a time limit in working days.

That rule is held as data, a frozen `WorkingDayDefinition` with its citation, so an agency can
swap in another statute's definition. Each definition is compiled once, on first use, into a
`WorkingDayCalendar`: a sorted table of working-day ordinals searched with `bisect`, plus a
running count of working days for every covered day, from which the batch API builds one
lookup table per day count. Queries never walk day by day.

Holiday dates come from the `holidays` package, filtered by name to exactly the days listed
in s 7.
"""

from __future__ import annotations

import functools
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping
from datetime import date
from types import MappingProxyType
from typing import Final

import attrs

from dpup._calendar_inputs import MonthDay
from dpup._calendar_inputs import date_set as _date_set
from dpup._calendar_inputs import month_day as _month_day
from dpup._calendar_inputs import name_set as _name_set
from dpup._calendar_inputs import normalise_name as _normalise_name
from dpup._calendar_inputs import require_count as _require_count
from dpup._calendar_inputs import require_date as _require_date
from dpup.errors import CalendarRangeError, DpupValueError

__all__ = [
    "DECISION_WORKING_DAYS",
    "EXTENSION_NOTICE_WORKING_DAYS",
    "PRIVACY_ACT_2020",
    "QUEEN_ELIZABETH_II_MEMORIAL_DAY",
    "TRANSFER_WORKING_DAYS",
    "WorkingDayCalendar",
    "WorkingDayDefinition",
    "add_working_days",
    "add_working_days_many",
    "decision_due",
    "decision_due_many",
    "extension_notice_due",
    "extension_notice_due_many",
    "is_working_day",
    "transfer_due",
    "transfer_due_many",
    "working_days_between",
]

#: Privacy Act 2020 s 44: decide an access request (and, by the Act's correction-request
#: provisions, a correction request) within 20 working days after the day it is received.
DECISION_WORKING_DAYS: Final = 20

#: Privacy Act 2020 s 43: transfer a request to another agency within 10 working days after
#: the day it is received.
TRANSFER_WORKING_DAYS: Final = 10

#: Privacy Act 2020 s 48: give notice of an extension of the time limit within 20 working
#: days after the day the request is received.
EXTENSION_NOTICE_WORKING_DAYS: Final = 20

#: The one-off public holiday of Monday 26 September 2022. `PRIVACY_ACT_2020` treats it as a
#: non-working day, following MBIE's guidance (`_QEII_MEMORIAL_DAY_GUIDANCE_URL`) that it is
#: one for statutory time limits expressed in working days; docs/calendar.md shows how to
#: count it as a working day instead.
QUEEN_ELIZABETH_II_MEMORIAL_DAY: Final = date(2022, 9, 26)

_QEII_MEMORIAL_DAY_GUIDANCE_URL: Final = (
    "https://www.mbie.govt.nz/business-and-employment/employment-and-skills/"
    "employment-legislation-reviews/queen-elizabeth-ii-memorial-day"
)

# The holidays package reports national holidays by default; s 7 never uses regional ones.
_COUNTRY: Final = "NZ"

_PRIVACY_ACT_URL: Final = "https://www.legislation.govt.nz/act/public/2020/0031/latest/whole.html"


@attrs.frozen(kw_only=True, cache_hash=True)
class WorkingDayDefinition:
    """A statutory definition of "working day", held as data with its citation.

    Instances are frozen and hashable, so each one is compiled into a calendar once and
    cached. Build a variant with `attrs.evolve`, for example
    ``attrs.evolve(PRIVACY_ACT_2020, name="...", window_end=(1, 2))``.

    Attributes:
        name: a short label for the definition.
        citation: the provision the definition comes from.
        url: where the provision can be read.
        excluded_holidays: names of national holidays (as the holidays package spells them)
            that are not working days. Matching ignores case, Unicode form and apostrophe
            style.
        ignored_holidays: names the package reports that this definition deliberately does
            not exclude by name (they fall inside the closed window, or the statute does not
            list them). A name in neither set stops the build, so a renamed or new holiday
            is never silently counted as a working day.
        window_start: first (month, day) of the closed period, or None for no closed period.
        window_end: last (month, day) of the closed period, inclusive. A window whose start
            is later in the year than its end runs over the new year.
        exclude_weekends: whether Saturdays and Sundays are not working days.
        extra_excluded_dates: further dates that are not working days.
        first_year: the first calendar year covered.
        last_year: the last calendar year covered.
    """

    name: str
    citation: str
    url: str
    excluded_holidays: frozenset[str] = attrs.field(converter=_name_set)
    ignored_holidays: frozenset[str] = attrs.field(default=frozenset(), converter=_name_set)
    window_start: MonthDay | None = attrs.field(default=None, converter=_month_day)
    window_end: MonthDay | None = attrs.field(default=None, converter=_month_day)
    exclude_weekends: bool = True
    extra_excluded_dates: frozenset[date] = attrs.field(default=frozenset(), converter=_date_set)
    first_year: int = 2000
    last_year: int = 2052

    def __attrs_post_init__(self) -> None:
        if (self.window_start is None) != (self.window_end is None):
            raise DpupValueError("window_start and window_end must both be set or both be None")
        if not 1 <= self.first_year <= self.last_year <= 9998:
            raise DpupValueError("need 1 <= first_year <= last_year <= 9998")
        clash = {_normalise_name(n) for n in self.excluded_holidays} & {
            _normalise_name(n) for n in self.ignored_holidays
        }
        if clash:
            raise DpupValueError(f"holiday names both excluded and ignored: {sorted(clash)}")
        # A date outside the covered years would have no effect: almost certainly a typo.
        for day in self.extra_excluded_dates:
            if not self.first_year <= day.year <= self.last_year:
                raise DpupValueError(
                    f"extra excluded date {day} is outside {self.first_year}-{self.last_year}"
                )

    def in_window(self, day: date) -> bool:
        """Return whether ``day`` falls inside the closed (summer) period."""
        if self.window_start is None or self.window_end is None:
            return False
        key = (day.month, day.day)
        if self.window_start <= self.window_end:
            return self.window_start <= key <= self.window_end
        return key >= self.window_start or key <= self.window_end


#: The Privacy Act 2020 s 7 definition of "working day", the default everywhere.
PRIVACY_ACT_2020: Final = WorkingDayDefinition(
    name="Privacy Act 2020 working day",
    citation='Privacy Act 2020, s 7 (definition of "working day")',
    url=_PRIVACY_ACT_URL,
    excluded_holidays=frozenset(
        {
            "Waitangi Day",
            # s 7 moves Waitangi Day and Anzac Day to the Monday when they fall on a weekend;
            # the package marks those Mondays "(observed)" (from 2014, when Mondayisation began).
            "Waitangi Day (observed)",
            "Good Friday",
            "Easter Monday",
            "Anzac Day",
            "Anzac Day (observed)",
            # The Sovereign's birthday: the package renamed it when the sovereign changed.
            "Queen's Birthday",
            "King's Birthday",
            # Te Rā Aro ki a Matariki / Matariki Observance Day, from 2022.
            "Matariki",
            "Labour Day",
            # The one-off holiday of 26 September 2022: MBIE's guidance says it is a
            # non-working day for statutory time limits counted in working days.
            "Queen Elizabeth II Memorial Day",
        }
    ),
    ignored_holidays=frozenset(
        {
            # All inside 25 December to 15 January, so the window already excludes them.
            "Christmas Day",
            "Christmas Day (observed)",
            "Boxing Day",
            "Boxing Day (observed)",
            "New Year's Day",
            "New Year's Day (observed)",
            "Day after New Year's Day",
            "Day after New Year's Day (observed)",
        }
    ),
    window_start=(12, 25),
    window_end=(1, 15),
    exclude_weekends=True,
    extra_excluded_dates=frozenset(),
    first_year=2000,
    last_year=2052,
)


class WorkingDayCalendar:
    """A `WorkingDayDefinition` compiled into lookup tables; get one with `for_definition`.

    Attributes:
        definition: the definition this calendar was built from.
        first: the first date covered.
        last: the last date covered.
        excluded_holiday_dates: the national holidays the definition excludes, by date, with
            the package's names for each (a day can carry two names).
    """

    __slots__ = (
        "_count_upto",
        "_days",
        "_first_ordinal",
        "_last_ordinal",
        "_ordinals",
        "_working_dates",
        "definition",
        "excluded_holiday_dates",
        "first",
        "last",
    )

    def __init__(self, definition: WorkingDayDefinition) -> None:
        """Build the tables for ``definition``; prefer the cached `for_definition`."""
        self.definition = definition
        self.first = date(definition.first_year, 1, 1)
        self.last = date(definition.last_year, 12, 31)
        self._first_ordinal = self.first.toordinal()
        self._last_ordinal = self.last.toordinal()
        holidays_by_date = _excluded_holidays(definition)
        self.excluded_holiday_dates: Mapping[date, tuple[str, ...]] = MappingProxyType(
            holidays_by_date
        )

        ordinals: list[int] = []
        # days[i] is first + i and count_upto[i] is how many working days fall on or before
        # it: together they give the n-th working day after any day without a search, which
        # is what the batch tables are built from.
        days: list[date] = []
        count_upto: list[int] = []
        for ordinal in range(self._first_ordinal, self._last_ordinal + 1):
            day = date.fromordinal(ordinal)
            days.append(day)
            if not (
                (definition.exclude_weekends and day.weekday() >= 5)
                or definition.in_window(day)
                or day in holidays_by_date
                or day in definition.extra_excluded_dates
            ):
                ordinals.append(ordinal)
            count_upto.append(len(ordinals))
        self._ordinals = ordinals
        self._days = days
        self._count_upto = count_upto
        self._working_dates = [date.fromordinal(o) for o in ordinals]

    @classmethod
    def for_definition(
        cls, definition: WorkingDayDefinition = PRIVACY_ACT_2020
    ) -> WorkingDayCalendar:
        """Return the calendar for ``definition``, building it on first use only."""
        return _calendar(definition)

    def __repr__(self) -> str:
        return f"WorkingDayCalendar({self.definition.name!r}, {self.first} to {self.last})"

    def _ordinal(self, value: object, what: str = "day") -> int:
        """Return the ordinal of a date inside the calendar, or raise."""
        day = _require_date(value, what)
        ordinal = day.toordinal()
        if not self._first_ordinal <= ordinal <= self._last_ordinal:
            raise CalendarRangeError(day, self.first, self.last)
        return ordinal

    def _overflow(self, start: date, n: int) -> CalendarRangeError:
        """Describe a result that would fall after the last covered date."""
        return CalendarRangeError(f"{n} working days after {start}", self.first, self.last)

    def is_working_day(self, d: date) -> bool:
        """Return whether ``d`` is a working day."""
        ordinal = self._ordinal(d)
        i = bisect_left(self._ordinals, ordinal)
        return i < len(self._ordinals) and self._ordinals[i] == ordinal

    def add_working_days(self, start: date, n: int) -> date:
        """Return the ``n``-th working day after ``start`` (``start`` itself when n is 0)."""
        ordinal = self._ordinal(start, "start")
        n = _require_count(n)
        if n == 0:
            return start
        # bisect_right counts working days on or before start, which is also the index of
        # the first working day after it.
        target = bisect_right(self._ordinals, ordinal) + n - 1
        if target >= len(self._ordinals):
            raise self._overflow(start, n)
        return self._working_dates[target]

    def working_days_between(self, a: date, b: date) -> int:
        """Return the number of working days d with a < d <= b (negative if b < a)."""
        a_ordinal = self._ordinal(a, "a")
        b_ordinal = self._ordinal(b, "b")
        return bisect_right(self._ordinals, b_ordinal) - bisect_right(self._ordinals, a_ordinal)

    def add_working_days_many(self, starts: Iterable[date], n: int) -> list[date]:
        """Return `add_working_days` of each start, in order, in linear time."""
        n = _require_count(n)
        days = list(starts)
        # Fast path: every pass below runs in C. A dict keyed by date beats indexing a list by
        # ordinal offset because it skips a toordinal() call and a subtraction per date, and
        # a missing key doubles as the range check (the table holds only in-range days whose
        # result is in range too).
        if set(map(type, days)) == {date}:
            table = _shift_table(self, n)
            try:
                return list(map(table.__getitem__, days))
            except KeyError:
                pass
        # Slow path, reached only for bad input, date subclasses or an empty list: one date
        # at a time, so the first bad start gets its precise error (wrong type, outside the
        # calendar, or a result past the end).
        return [self.add_working_days(day, n) for day in days]


def _excluded_holidays(definition: WorkingDayDefinition) -> dict[date, tuple[str, ...]]:
    """Return the package's holidays that ``definition`` excludes by name, by date.

    Raises:
        ValueError: the package reports a holiday name the definition neither excludes nor
            ignores (a rename in a new release, or a new holiday that needs a decision).
    """
    # Imported here so importing dpup stays cheap; the package is only needed to build.
    import holidays  # noqa: PLC0415

    wanted = {_normalise_name(n) for n in definition.excluded_holidays}
    known = wanted | {_normalise_name(n) for n in definition.ignored_holidays}
    table = holidays.country_holidays(
        _COUNTRY, years=range(definition.first_year, definition.last_year + 1), observed=True
    )
    found: dict[date, tuple[str, ...]] = {}
    unknown: set[str] = set()
    for day, _ in sorted(table.items()):
        # get_list splits days that carry two holidays, such as Anzac Day on Easter Monday.
        names: list[str] = [str(n) for n in table.get_list(day)]
        unknown.update(n for n in names if _normalise_name(n) not in known)
        matched = tuple(n for n in names if _normalise_name(n) in wanted)
        if matched:
            found[day] = matched
    if unknown:
        raise DpupValueError(
            f"the holidays package reports {sorted(unknown)}, which working-day definition "
            f"{definition.name!r} neither excludes nor ignores; add each name to "
            "excluded_holidays or ignored_holidays"
        )
    return found


@functools.lru_cache(maxsize=16)
def _calendar(definition: WorkingDayDefinition) -> WorkingDayCalendar:
    """Build and keep one calendar per definition (definitions are frozen and hashable).

    Bounded because each calendar holds about 2 MB of tables; real programs use one or two.
    """
    return WorkingDayCalendar(definition)


@functools.lru_cache(maxsize=16)
def _shift_table(calendar: WorkingDayCalendar, n: int) -> dict[date, date]:
    """Map each covered day to the n-th working day after it.

    Days whose result would fall past the end of the calendar are left out. One table costs
    a pass over the covered days (about 19,000, roughly 1 MB), repaid many times over by a
    large batch; the cache is bounded so a loop over many values of n cannot hoard memory.
    """
    days = calendar._days
    if n == 0:
        return {day: day for day in days}
    results = calendar._working_dates
    limit = len(results)
    step = n - 1
    return {
        day: results[count + step]
        for day, count in zip(days, calendar._count_upto, strict=True)
        if count + step < limit
    }


def is_working_day(d: date, *, definition: WorkingDayDefinition = PRIVACY_ACT_2020) -> bool:
    """Return whether ``d`` is a working day.

    Args:
        d: the day to test.
        definition: the working-day definition to apply.

    Returns:
        True if ``d`` is a working day under ``definition``.

    Raises:
        TypeError: ``d`` is not a date, or is a datetime.
        CalendarRangeError: ``d`` is outside the calendar.
    """
    return _calendar(definition).is_working_day(d)


def add_working_days(
    start: date, n: int, *, definition: WorkingDayDefinition = PRIVACY_ACT_2020
) -> date:
    """Return the date ``n`` working days after ``start``.

    Counting begins the day after ``start``, so n=1 gives the first working day after it
    and n=0 gives ``start`` itself, whether or not it is a working day.

    Args:
        start: the day counting starts from (for example, the day a request was received).
        n: how many working days to count; must be >= 0.
        definition: the working-day definition to apply.

    Returns:
        The n-th working day after ``start``.

    Raises:
        TypeError: ``start`` is not a date (or is a datetime), or ``n`` is not an int.
        ValueError: ``n`` is negative.
        CalendarRangeError: ``start`` or the result is outside the calendar. When the
            result is, the error's ``day`` is a description such as
            ``"20 working days after 2052-12-20"``.
    """
    return _calendar(definition).add_working_days(start, n)


def working_days_between(
    a: date, b: date, *, definition: WorkingDayDefinition = PRIVACY_ACT_2020
) -> int:
    """Return the number of working days d with a < d <= b.

    The count excludes ``a`` and includes ``b``, so
    ``working_days_between(s, add_working_days(s, n)) == n``. When ``b`` is before ``a``
    the result is negative: minus the number of working days d with b < d <= a.

    Args:
        a: the earlier bound (exclusive).
        b: the later bound (inclusive).
        definition: the working-day definition to apply.

    Returns:
        The signed count of working days.

    Raises:
        TypeError: ``a`` or ``b`` is not a date, or is a datetime.
        CalendarRangeError: ``a`` or ``b`` is outside the calendar.
    """
    return _calendar(definition).working_days_between(a, b)


def add_working_days_many(
    starts: Iterable[date], n: int, *, definition: WorkingDayDefinition = PRIVACY_ACT_2020
) -> list[date]:
    """Return `add_working_days` of every start, in order, for a whole caseload.

    Each date costs one dict lookup in a table built once per (definition, n), so a
    million dates take a fraction of a second.

    Args:
        starts: the start dates; any iterable, consumed once.
        n: how many working days to count; must be >= 0.
        definition: the working-day definition to apply.

    Returns:
        One result per start, in the same order.

    Raises:
        TypeError: a start is not a date (or is a datetime), or ``n`` is not an int.
        ValueError: ``n`` is negative.
        CalendarRangeError: a start, or its result, is outside the calendar (the first such
            start is reported).
    """
    return _calendar(definition).add_working_days_many(starts, n)


def decision_due(received: date, *, definition: WorkingDayDefinition = PRIVACY_ACT_2020) -> date:
    """Return the last day to decide a request received on ``received`` (s 44, 20 days).

    Correction requests carry the same 20-working-day limit, so this date applies to them
    too.

    Args:
        received: the day the agency received the request.
        definition: the working-day definition to apply.

    Returns:
        The 20th working day after ``received``.

    Raises:
        TypeError: ``received`` is not a date, or is a datetime.
        CalendarRangeError: ``received`` or the due date is outside the calendar.
    """
    return _calendar(definition).add_working_days(received, DECISION_WORKING_DAYS)


def transfer_due(received: date, *, definition: WorkingDayDefinition = PRIVACY_ACT_2020) -> date:
    """Return the last day to transfer a request received on ``received`` (s 43, 10 days).

    Args:
        received: the day the agency received the request.
        definition: the working-day definition to apply.

    Returns:
        The 10th working day after ``received``.

    Raises:
        TypeError: ``received`` is not a date, or is a datetime.
        CalendarRangeError: ``received`` or the due date is outside the calendar.
    """
    return _calendar(definition).add_working_days(received, TRANSFER_WORKING_DAYS)


def extension_notice_due(
    received: date, *, definition: WorkingDayDefinition = PRIVACY_ACT_2020
) -> date:
    """Return the last day to give notice extending the time limit (s 48, 20 days).

    Args:
        received: the day the agency received the request.
        definition: the working-day definition to apply.

    Returns:
        The 20th working day after ``received``.

    Raises:
        TypeError: ``received`` is not a date, or is a datetime.
        CalendarRangeError: ``received`` or the due date is outside the calendar.
    """
    return _calendar(definition).add_working_days(received, EXTENSION_NOTICE_WORKING_DAYS)


def decision_due_many(
    received: Iterable[date], *, definition: WorkingDayDefinition = PRIVACY_ACT_2020
) -> list[date]:
    """Return `decision_due` of every received date, in order, for a whole caseload.

    Args:
        received: the days the requests were received; any iterable, consumed once.
        definition: the working-day definition to apply.

    Returns:
        The 20th working day after each received date, in the same order.

    Raises:
        TypeError: a received date is not a date, or is a datetime.
        CalendarRangeError: a received date or its due date is outside the calendar (the
            first such date is reported).
    """
    return _calendar(definition).add_working_days_many(received, DECISION_WORKING_DAYS)


def transfer_due_many(
    received: Iterable[date], *, definition: WorkingDayDefinition = PRIVACY_ACT_2020
) -> list[date]:
    """Return `transfer_due` of every received date, in order (s 43, 10 working days).

    Args:
        received: the days the requests were received; any iterable, consumed once.
        definition: the working-day definition to apply.

    Returns:
        The 10th working day after each received date, in the same order.

    Raises:
        TypeError: a received date is not a date, or is a datetime.
        CalendarRangeError: a received date or its due date is outside the calendar.
    """
    return _calendar(definition).add_working_days_many(received, TRANSFER_WORKING_DAYS)


def extension_notice_due_many(
    received: Iterable[date], *, definition: WorkingDayDefinition = PRIVACY_ACT_2020
) -> list[date]:
    """Return `extension_notice_due` of every received date, in order (s 48, 20 working days).

    Args:
        received: the days the requests were received; any iterable, consumed once.
        definition: the working-day definition to apply.

    Returns:
        The 20th working day after each received date, in the same order.

    Raises:
        TypeError: a received date is not a date, or is a datetime.
        CalendarRangeError: a received date or its due date is outside the calendar.
    """
    return _calendar(definition).add_working_days_many(received, EXTENSION_NOTICE_WORKING_DAYS)
