"""Tests for dpup.calendar: Privacy Act 2020 working days and statutory deadlines."""

from __future__ import annotations

import doctest
import functools
import re
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import attrs
import holidays
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dpup.calendar import (
    DECISION_WORKING_DAYS,
    EXTENSION_NOTICE_WORKING_DAYS,
    PRIVACY_ACT_2020,
    QUEEN_ELIZABETH_II_MEMORIAL_DAY,
    TRANSFER_WORKING_DAYS,
    WorkingDayCalendar,
    add_working_days,
    add_working_days_many,
    decision_due,
    extension_notice_due,
    is_working_day,
    transfer_due,
    working_days_between,
)
from dpup.errors import CalendarRangeError, DpupError

FIRST = date(2000, 1, 1)
LAST = date(2052, 12, 31)
# Starts no later than this leave room for 200 working days inside the calendar.
LAST_SAFE_START = date(2051, 12, 31)

# Building the calendar on the first example can exceed Hypothesis's per-example deadline;
# database=None keeps test runs from writing a .hypothesis directory.
PROPERTY = settings(deadline=None, database=None, max_examples=300)

DOCS = Path(__file__).resolve().parent.parent / "docs" / "calendar.md"

# The s 7 holidays under the exact names the holidays package uses: kept separate from the
# module's own list so the reference below is an independent check.
REFERENCE_NAMES = frozenset(
    {
        "Waitangi Day",
        "Waitangi Day (observed)",
        "Good Friday",
        "Easter Monday",
        "Anzac Day",
        "Anzac Day (observed)",
        "Queen's Birthday",
        "King's Birthday",
        "Matariki",
        "Labour Day",
        # The one-off 2022 holiday: a non-working day for statutory limits (MBIE guidance).
        "Queen Elizabeth II Memorial Day",
    }
)

MEMORIAL_DAY_NAME = "Queen Elizabeth II Memorial Day"


@functools.cache
def reference_holidays() -> frozenset[date]:
    """Return every s 7 holiday date in the covered years, straight from the package."""
    table = holidays.country_holidays("NZ", years=range(FIRST.year, LAST.year + 1))
    return frozenset(day for day in table if set(table.get_list(day)) & REFERENCE_NAMES)


def reference_is_working_day(day: date) -> bool:
    """Decide a working day by applying s 7 directly, without the module's tables."""
    in_window = (day.month, day.day) >= (12, 25) or (day.month, day.day) <= (1, 15)
    return day.weekday() < 5 and not in_window and day not in reference_holidays()


def reference_add_working_days(start: date, n: int) -> date:
    """Count working days one calendar day at a time (the slow, obvious way)."""
    day = start
    counted = 0
    while counted < n:
        day += timedelta(days=1)
        if reference_is_working_day(day):
            counted += 1
    return day


def expected_names(year: int) -> set[str]:
    """Return the s 7 holiday names the package should give for ``year``."""
    names = {"Waitangi Day", "Good Friday", "Easter Monday", "Anzac Day", "Labour Day"}
    # The package names the Sovereign's birthday for the sovereign of the day.
    names.add("Queen's Birthday" if year <= 2022 else "King's Birthday")
    if year >= 2022:
        names.add("Matariki")
    if year == 2022:
        names.add(MEMORIAL_DAY_NAME)
    # Mondayisation of Waitangi Day and Anzac Day began on 1 January 2014.
    if year >= 2014 and date(year, 2, 6).weekday() >= 5:
        names.add("Waitangi Day (observed)")
    if year >= 2014 and date(year, 4, 25).weekday() >= 5:
        names.add("Anzac Day (observed)")
    return names


def working(*days: date) -> dict[date, bool]:
    """Return whether each day is a working day, for table-style comparisons."""
    return {day: is_working_day(day) for day in days}


class PlainDateSubclass(date):
    """A date subclass that is not a datetime, which the API must accept."""


class TestHolidayFilter:
    def test_each_year_has_exactly_the_s7_holidays(self) -> None:
        """Every covered year excludes exactly the expected set of named holidays."""
        calendar = WorkingDayCalendar.for_definition(PRIVACY_ACT_2020)
        actual: dict[int, set[str]] = {year: set() for year in range(FIRST.year, LAST.year + 1)}
        for day, names in calendar.excluded_holiday_dates.items():
            actual[day.year].update(names)
        expected = {year: expected_names(year) for year in range(FIRST.year, LAST.year + 1)}
        assert expected == actual

    def test_every_package_name_is_classified(self) -> None:
        """Every name the package reports is either excluded or deliberately ignored."""
        table = holidays.country_holidays("NZ", years=range(FIRST.year, LAST.year + 1))
        reported = {name for day in table for name in table.get_list(day)}
        classified = PRIVACY_ACT_2020.excluded_holidays | PRIVACY_ACT_2020.ignored_holidays
        assert set() == reported - classified

    def test_excluded_dates_match_the_reference(self) -> None:
        """The calendar excludes the same holiday dates as the independent reference."""
        calendar = WorkingDayCalendar.for_definition(PRIVACY_ACT_2020)
        assert reference_holidays() == frozenset(calendar.excluded_holiday_dates)

    def test_day_with_two_holidays_keeps_both_names(self) -> None:
        """Anzac Day 2011 fell on Easter Monday and carries both names."""
        calendar = WorkingDayCalendar.for_definition(PRIVACY_ACT_2020)
        expected = {"Anzac Day", "Easter Monday"}
        assert expected == set(calendar.excluded_holiday_dates[date(2011, 4, 25)])

    def test_matariki_is_not_a_working_day(self) -> None:
        """Matariki Fridays from 2022 on are not working days."""
        days = (date(2022, 6, 24), date(2023, 7, 14), date(2024, 6, 28), date(2025, 6, 20))
        assert dict.fromkeys(days, False) == working(*days)

    def test_matariki_absent_before_2022(self) -> None:
        """No Matariki holiday is excluded before 2022."""
        calendar = WorkingDayCalendar.for_definition(PRIVACY_ACT_2020)
        holidays_by_date = calendar.excluded_holiday_dates
        matariki_years = {
            day.year for day, names in holidays_by_date.items() if "Matariki" in names
        }
        assert set(range(2022, LAST.year + 1)) == matariki_years

    def test_mondayised_anzac_and_waitangi(self) -> None:
        """The Monday after a weekend Anzac Day or Waitangi Day is not a working day."""
        days = (date(2026, 4, 27), date(2027, 2, 8), date(2016, 2, 8), date(2015, 4, 27))
        assert dict.fromkeys(days, False) == working(*days)

    def test_no_mondayisation_before_2014(self) -> None:
        """Waitangi Day 2010 fell on a Saturday, and the package gives no Monday before 2014."""
        assert {date(2010, 2, 8): True} == working(date(2010, 2, 8))

    def test_easter(self) -> None:
        """Good Friday and Easter Monday are not working days; the Tuesday after is."""
        expected = {date(2025, 4, 18): False, date(2025, 4, 21): False, date(2025, 4, 22): True}
        assert expected == working(*expected)

    def test_sovereigns_birthday_and_labour_day(self) -> None:
        """Queen's Birthday, King's Birthday and Labour Day are not working days."""
        days = (date(2022, 6, 6), date(2025, 6, 2), date(2025, 10, 27))
        assert dict.fromkeys(days, False) == working(*days)

    @pytest.mark.parametrize(
        ("subdivision", "day"),
        [("WGN", date(2025, 1, 20)), ("AUK", date(2025, 1, 27)), ("CAN", date(2025, 11, 14))],
    )
    def test_regional_anniversary_is_a_working_day(self, subdivision: str, day: date) -> None:
        """A regional anniversary day is a holiday in its region but still a working day."""
        regional = holidays.country_holidays("NZ", subdiv=subdivision, years=day.year)
        expected = (True, True)
        assert expected == (day in regional, is_working_day(day))

    def test_queen_elizabeth_memorial_day_is_not_a_working_day(self) -> None:
        """The one-off 2022 memorial day is a non-working day under the default definition."""
        calendar = WorkingDayCalendar.for_definition(PRIVACY_ACT_2020)
        expected = (False, (MEMORIAL_DAY_NAME,))
        actual = (
            is_working_day(QUEEN_ELIZABETH_II_MEMORIAL_DAY),
            calendar.excluded_holiday_dates[QUEEN_ELIZABETH_II_MEMORIAL_DAY],
        )
        assert expected == actual

    def test_days_around_the_memorial_day_still_count(self) -> None:
        """Only the Monday is skipped: the Friday before and the Tuesday after are working days."""
        days = (date(2022, 9, 23), date(2022, 9, 27))
        assert dict.fromkeys(days, True) == working(*days)

    def test_count_across_the_memorial_day_skips_it(self) -> None:
        """A count across 26 September 2022 skips it by default, moving deadlines a day on."""
        expected = (1, date(2022, 9, 27), date(2022, 9, 30))
        actual = (
            working_days_between(date(2022, 9, 23), date(2022, 9, 27)),
            add_working_days(date(2022, 9, 23), 1),
            decision_due(date(2022, 9, 1)),
        )
        assert expected == actual

    def test_documented_option_counts_the_memorial_day(self) -> None:
        """The definition docs/calendar.md describes restores the old count."""
        counted = attrs.evolve(
            PRIVACY_ACT_2020,
            name="Privacy Act 2020, memorial day counted",
            excluded_holidays=PRIVACY_ACT_2020.excluded_holidays - {MEMORIAL_DAY_NAME},
            ignored_holidays=PRIVACY_ACT_2020.ignored_holidays | {MEMORIAL_DAY_NAME},
        )
        expected = (True, 2, date(2022, 9, 26), date(2022, 9, 29))
        actual = (
            is_working_day(QUEEN_ELIZABETH_II_MEMORIAL_DAY, definition=counted),
            working_days_between(date(2022, 9, 23), date(2022, 9, 27), definition=counted),
            add_working_days(date(2022, 9, 23), 1, definition=counted),
            decision_due(date(2022, 9, 1), definition=counted),
        )
        assert expected == actual


class TestSummerWindow:
    def test_window_boundaries(self) -> None:
        """24 Dec and 16 Jan are working days; 25 Dec and 15 Jan are not."""
        expected = {
            date(2024, 12, 24): True,
            date(2024, 12, 25): False,
            date(2025, 1, 15): False,
            date(2025, 1, 16): True,
        }
        assert expected == working(*expected)

    def test_whole_window_is_closed(self) -> None:
        """No day from 25 December to 15 January is a working day."""
        start = date(2030, 12, 25)
        days = [start + timedelta(days=i) for i in range(22)]
        assert date(2031, 1, 15) == days[-1]
        assert dict.fromkeys(days, False) == working(*days)

    def test_last_covered_day_is_inside_the_window(self) -> None:
        """31 December 2052 is covered and is not a working day."""
        assert not is_working_day(LAST)


class TestAddWorkingDays:
    def test_christmas_example(self) -> None:
        """Twenty working days after 20 December 2024 is 11 February 2025."""
        assert date(2025, 2, 11) == add_working_days(date(2024, 12, 20), 20)

    def test_zero_returns_start(self) -> None:
        """Adding zero working days returns the start, even on a weekend."""
        assert date(2025, 3, 8) == add_working_days(date(2025, 3, 8), 0)

    def test_friday_plus_one_is_monday(self) -> None:
        """The first working day after a Friday is the following Monday."""
        assert date(2025, 3, 10) == add_working_days(date(2025, 3, 7), 1)

    def test_received_on_waitangi_day(self) -> None:
        """A request received on Waitangi Day is counted from the next day."""
        received = date(2025, 2, 6)
        expected = (date(2025, 2, 7), date(2025, 3, 6))
        assert expected == (add_working_days(received, 1), decision_due(received))

    def test_received_inside_summer_window(self) -> None:
        """A request received on 28 December is counted from 16 January."""
        received = date(2024, 12, 28)
        expected = (date(2025, 1, 16), date(2025, 2, 13))
        assert expected == (add_working_days(received, 1), decision_due(received))

    def test_negative_n_is_rejected(self) -> None:
        """Counting backwards raises ValueError."""
        with pytest.raises(ValueError, match="n must be >= 0"):
            add_working_days(date(2025, 3, 7), -1)

    @pytest.mark.parametrize("n", [True, 1.0, "1"])
    def test_non_int_n_is_rejected(self, n: object) -> None:
        """A bool, float or string day count raises TypeError."""
        with pytest.raises(TypeError, match="n must be an int"):
            add_working_days(date(2025, 3, 7), n)  # type: ignore[arg-type]


class TestWorkingDaysBetween:
    def test_counts_after_a_up_to_b(self) -> None:
        """The count excludes the first date and includes the second."""
        expected = 20
        assert expected == working_days_between(date(2024, 12, 20), date(2025, 2, 11))

    def test_same_day_is_zero(self) -> None:
        """A date is zero working days from itself."""
        expected = 0
        assert expected == working_days_between(date(2025, 3, 7), date(2025, 3, 7))

    def test_reversed_is_negative(self) -> None:
        """Swapping the bounds negates the count."""
        expected = -20
        assert expected == working_days_between(date(2025, 2, 11), date(2024, 12, 20))

    def test_weekend_adds_nothing(self) -> None:
        """Friday to the next Monday is one working day."""
        expected = 1
        assert expected == working_days_between(date(2025, 3, 7), date(2025, 3, 10))


class TestDeadlines:
    def test_constants(self) -> None:
        """The statutory day counts are 20 (s 44), 10 (s 43) and 20 (s 48)."""
        expected = (20, 10, 20)
        actual = (DECISION_WORKING_DAYS, TRANSFER_WORKING_DAYS, EXTENSION_NOTICE_WORKING_DAYS)
        assert expected == actual

    def test_helpers(self) -> None:
        """The helpers count 20, 10 and 20 working days from receipt."""
        received = date(2024, 12, 20)
        expected = (date(2025, 2, 11), date(2025, 1, 27), date(2025, 2, 11))
        actual = (decision_due(received), transfer_due(received), extension_notice_due(received))
        assert expected == actual

    def test_helpers_accept_a_definition(self) -> None:
        """The helpers apply a caller's definition when given one."""
        short_window = attrs.evolve(PRIVACY_ACT_2020, name="short window", window_end=(1, 2))
        assert date(2025, 1, 28) == decision_due(date(2024, 12, 20), definition=short_window)


class TestRangeAndTypes:
    @pytest.mark.parametrize("day", [date(1999, 12, 31), date(2053, 1, 1)])
    def test_out_of_range_date(self, day: date) -> None:
        """A date outside 2000-2052 raises CalendarRangeError naming the covered range."""
        with pytest.raises(CalendarRangeError) as caught:
            is_working_day(day)
        assert (day, FIRST, LAST) == (caught.value.day, caught.value.first, caught.value.last)

    def test_range_error_is_a_value_error(self) -> None:
        """CalendarRangeError is both a DpupError and a ValueError."""
        with pytest.raises(CalendarRangeError) as caught:
            add_working_days(date(1999, 1, 1), 1)
        expected = (True, True)
        assert expected == (
            isinstance(caught.value, DpupError),
            isinstance(caught.value, ValueError),
        )

    def test_result_past_the_end(self) -> None:
        """A result after 31 December 2052 raises CalendarRangeError describing it."""
        with pytest.raises(CalendarRangeError, match="20 working days after 2052-12-20"):
            add_working_days(date(2052, 12, 20), 20)

    def test_between_out_of_range(self) -> None:
        """working_days_between checks both bounds."""
        with pytest.raises(CalendarRangeError):
            working_days_between(date(2025, 1, 1), date(2060, 1, 1))

    @pytest.mark.parametrize(
        "call",
        [
            lambda: is_working_day(datetime(2025, 3, 7, 9, 0, tzinfo=UTC)),
            lambda: add_working_days(datetime(2025, 3, 7, 9, 0, tzinfo=UTC), 1),
            lambda: working_days_between(date(2025, 3, 7), datetime(2025, 3, 10, 9, 0, tzinfo=UTC)),
            lambda: decision_due(datetime(2025, 3, 7, 9, 0, tzinfo=UTC)),
            lambda: add_working_days_many(
                [date(2025, 3, 7), datetime(2025, 3, 7, 9, 0, tzinfo=UTC)], 1
            ),
        ],
    )
    def test_datetime_is_rejected(self, call: Callable[[], object]) -> None:
        """Every function rejects a datetime where a date is expected."""
        with pytest.raises(TypeError, match=re.escape("not a datetime.datetime")):
            call()

    def test_string_is_rejected(self) -> None:
        """A date written as a string raises TypeError."""
        with pytest.raises(TypeError, match=re.escape("must be a datetime.date, not str")):
            is_working_day("2025-03-07")  # type: ignore[arg-type]

    def test_date_subclass_is_accepted(self) -> None:
        """A date subclass that is not a datetime is treated as its date."""
        start = PlainDateSubclass(2024, 12, 20)
        expected = (date(2025, 2, 11), [date(2025, 2, 11)])
        assert expected == (add_working_days(start, 20), add_working_days_many([start], 20))


class TestBatch:
    def test_matches_single_calls(self) -> None:
        """The batch gives the same results as one call per date, in order."""
        starts = [date(2024, 12, 20), date(2024, 12, 28), date(2025, 2, 6), date(2025, 6, 20)]
        expected = [add_working_days(start, 20) for start in starts]
        assert expected == add_working_days_many(starts, 20)

    def test_accepts_a_generator(self) -> None:
        """Any iterable works, including a one-shot generator."""
        starts = (day for day in [date(2024, 12, 20), date(2025, 2, 6)])
        assert [date(2025, 2, 11), date(2025, 3, 6)] == add_working_days_many(starts, 20)

    def test_empty(self) -> None:
        """An empty caseload gives an empty list."""
        expected: list[date] = []
        assert expected == add_working_days_many([], 20)

    def test_zero_days(self) -> None:
        """Adding zero working days returns each start."""
        starts = [date(2025, 3, 8), date(2024, 12, 25)]
        assert starts == add_working_days_many(starts, 0)

    def test_out_of_range_start(self) -> None:
        """The first start outside the calendar is reported."""
        with pytest.raises(CalendarRangeError) as caught:
            add_working_days_many([date(2025, 1, 1), date(1990, 1, 1), date(2060, 1, 1)], 5)
        assert date(1990, 1, 1) == caught.value.day

    def test_result_past_the_end(self) -> None:
        """A start whose result falls after the calendar is reported."""
        with pytest.raises(CalendarRangeError, match="20 working days after 2052-12-20"):
            add_working_days_many([date(2025, 1, 1), date(2052, 12, 20)], 20)

    def test_negative_n_is_rejected(self) -> None:
        """Counting backwards raises ValueError for batches too."""
        with pytest.raises(ValueError, match="n must be >= 0"):
            add_working_days_many([date(2025, 1, 1)], -3)


class TestDefinition:
    def test_privacy_act_citation(self) -> None:
        """The default definition cites s 7 of the Privacy Act 2020 and its URL."""
        expected = (
            'Privacy Act 2020, s 7 (definition of "working day")',
            "https://www.legislation.govt.nz/act/public/2020/0031/latest/whole.html",
            (12, 25),
            (1, 15),
        )
        actual = (
            PRIVACY_ACT_2020.citation,
            PRIVACY_ACT_2020.url,
            PRIVACY_ACT_2020.window_start,
            PRIVACY_ACT_2020.window_end,
        )
        assert expected == actual

    def test_calendar_is_built_once(self) -> None:
        """Equal definitions share one compiled calendar."""
        copy = attrs.evolve(PRIVACY_ACT_2020)
        calendar = WorkingDayCalendar.for_definition(PRIVACY_ACT_2020)
        assert calendar is WorkingDayCalendar.for_definition(copy)

    def test_custom_window(self) -> None:
        """A 25 December to 2 January window makes 3 January a working day."""
        short_window = attrs.evolve(PRIVACY_ACT_2020, name="short window", window_end=(1, 2))
        expected = (True, False, date(2025, 1, 28))
        actual = (
            is_working_day(date(2025, 1, 3), definition=short_window),
            is_working_day(date(2025, 1, 3)),
            add_working_days(date(2024, 12, 20), 20, definition=short_window),
        )
        assert expected == actual

    def test_window_within_one_year(self) -> None:
        """A window whose start precedes its end covers only those days."""
        july = attrs.evolve(PRIVACY_ACT_2020, window_start=(7, 1), window_end=(7, 31))
        expected = {date(2025, 6, 30): True, date(2025, 7, 15): False, date(2025, 8, 1): True}
        assert expected == {day: is_working_day(day, definition=july) for day in expected}

    def test_no_window(self) -> None:
        """Without a window, mid-January weekdays are working days."""
        no_window = attrs.evolve(PRIVACY_ACT_2020, window_start=None, window_end=None)
        assert is_working_day(date(2025, 1, 8), definition=no_window)

    def test_weekends_can_count(self) -> None:
        """A definition that keeps weekends makes Saturday a working day."""
        seven_days = attrs.evolve(PRIVACY_ACT_2020, exclude_weekends=False)
        assert is_working_day(date(2025, 3, 8), definition=seven_days)

    def test_extra_excluded_date(self) -> None:
        """An extra excluded date, such as a one-off closure, is not a working day."""
        closure = date(2025, 3, 10)
        with_closure = attrs.evolve(
            PRIVACY_ACT_2020, name="with a one-off closure", extra_excluded_dates={closure}
        )
        expected = (False, 1)
        actual = (
            is_working_day(closure, definition=with_closure),
            working_days_between(date(2025, 3, 7), closure)
            - working_days_between(date(2025, 3, 7), closure, definition=with_closure),
        )
        assert expected == actual

    def test_name_matching_ignores_case_and_apostrophes(self) -> None:
        """A holiday name with other case, spacing and a curly apostrophe still matches."""
        names = (PRIVACY_ACT_2020.excluded_holidays - {"King's Birthday"}) | {
            "KING\u2019S  birthday"
        }
        loose = attrs.evolve(PRIVACY_ACT_2020, excluded_holidays=names)
        assert not is_working_day(date(2025, 6, 2), definition=loose)

    def test_unclassified_holiday_stops_the_build(self) -> None:
        """A package holiday in neither name set raises rather than counting as working."""
        careless = attrs.evolve(PRIVACY_ACT_2020, ignored_holidays=frozenset())
        with pytest.raises(ValueError, match="Christmas Day"):
            is_working_day(date(2025, 3, 7), definition=careless)

    def test_years_are_configurable(self) -> None:
        """A definition covering 2020-2030 rejects 2031."""
        short = attrs.evolve(PRIVACY_ACT_2020, first_year=2020, last_year=2030)
        with pytest.raises(CalendarRangeError) as caught:
            is_working_day(date(2031, 3, 3), definition=short)
        assert (date(2020, 1, 1), date(2030, 12, 31)) == (caught.value.first, caught.value.last)

    @pytest.mark.parametrize(
        ("changes", "error"),
        [
            ({"window_end": None}, ValueError),
            ({"window_start": (2, 30)}, ValueError),
            ({"window_start": (12,)}, TypeError),
            ({"excluded_holidays": "Matariki"}, TypeError),
            ({"excluded_holidays": {"Matariki", " "}}, ValueError),
            ({"extra_excluded_dates": {datetime(2025, 3, 7, 9, 0, tzinfo=UTC)}}, TypeError),
            ({"extra_excluded_dates": {date(1990, 1, 1)}}, ValueError),
            ({"first_year": 2030, "last_year": 2020}, ValueError),
            ({"ignored_holidays": {"matariki"}}, ValueError),
        ],
    )
    def test_invalid_definitions(self, changes: dict[str, Any], error: type[Exception]) -> None:
        """An inconsistent or mistyped definition is refused when it is created."""
        with pytest.raises(error):
            attrs.evolve(PRIVACY_ACT_2020, **changes)

    def test_definition_is_frozen(self) -> None:
        """A definition cannot be changed after creation."""
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            PRIVACY_ACT_2020.name = "changed"  # type: ignore[misc]


class TestProperties:
    @PROPERTY
    @given(
        start=st.dates(min_value=FIRST, max_value=LAST_SAFE_START),
        n=st.integers(0, 200),
    )
    def test_between_inverts_add(self, start: date, n: int) -> None:
        """Counting the working days up to the result gives back n."""
        assert n == working_days_between(start, add_working_days(start, n))

    @PROPERTY
    @given(
        start=st.dates(min_value=FIRST, max_value=LAST_SAFE_START),
        n=st.integers(1, 200),
    )
    def test_result_is_a_working_day(self, start: date, n: int) -> None:
        """For n of at least 1 the result is a working day after the start."""
        result = add_working_days(start, n)
        expected = (True, True)
        assert expected == (is_working_day(result), result > start)

    @PROPERTY
    @given(
        starts=st.lists(st.dates(min_value=FIRST, max_value=LAST_SAFE_START), max_size=50),
        n=st.integers(0, 200),
    )
    def test_batch_equals_single(self, starts: list[date], n: int) -> None:
        """The batch function agrees with the single-date function."""
        assert [add_working_days(start, n) for start in starts] == add_working_days_many(starts, n)

    @PROPERTY
    @given(
        start=st.dates(min_value=FIRST, max_value=LAST_SAFE_START),
        n=st.integers(0, 200),
    )
    def test_matches_brute_force(self, start: date, n: int) -> None:
        """A day-by-day reference count agrees with add_working_days."""
        assert reference_add_working_days(start, n) == add_working_days(start, n)

    @PROPERTY
    @given(day=st.dates(min_value=FIRST, max_value=LAST))
    def test_is_working_day_matches_reference(self, day: date) -> None:
        """The reference rule and the compiled calendar agree on every day."""
        assert reference_is_working_day(day) == is_working_day(day)

    @PROPERTY
    @given(
        a=st.dates(min_value=FIRST, max_value=LAST),
        span=st.integers(-400, 400),
    )
    def test_between_matches_brute_force(self, a: date, span: int) -> None:
        """working_days_between agrees with counting day by day, in both directions."""
        b = min(max(a + timedelta(days=span), FIRST), LAST)
        low, high = sorted((a, b))
        count = sum(
            reference_is_working_day(low + timedelta(days=i))
            for i in range(1, (high - low).days + 1)
        )
        assert (count if a <= b else -count) == working_days_between(a, b)


class TestDocs:
    def test_examples_in_docs_run(self) -> None:
        """Every >>> example in docs/calendar.md gives the output it shows."""
        text = DOCS.read_text(encoding="utf-8")
        parser = doctest.DocTestParser()
        runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
        # Blocks build on each other's imports, as a reader running them in order would.
        namespace: dict[str, object] = {}
        pattern = re.compile(r"^```python\n(.*?)^```", flags=re.DOTALL | re.MULTILINE)
        for match in pattern.finditer(text):
            line = text.count("\n", 0, match.start(1))
            name = f"calendar.md:{line + 1}"
            test = parser.get_doctest(match.group(1), namespace, name, str(DOCS), line)
            runner.run(test, clear_globs=False)
            namespace.update(test.globs)
        results = runner.summarize(verbose=False)
        expected = (0, True)
        assert expected == (results.failed, results.attempted > 10)
