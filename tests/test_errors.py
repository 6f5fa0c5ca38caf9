"""The error hierarchy: messages built from data, equality, and pickling across processes."""

from __future__ import annotations

import pickle
from datetime import date

import pytest

from dpup import CalendarRangeError, DpupError, InputError, Problem, UnknownCheckError


class TestProblem:
    def test_str_and_repr(self) -> None:
        """A problem prints as ``message @ path`` and repr shows both parts."""
        problem = Problem("expected a string", "$.name")
        assert "expected a string @ $.name" == str(problem)
        assert "Problem('expected a string', '$.name')" == repr(problem)

    def test_equality_and_hash_follow_message_and_path(self) -> None:
        """Problems with the same message and path are equal and hash alike; others differ."""
        a, b = Problem("m", "$.x"), Problem("m", "$.x")
        assert a == b
        assert hash(a) == hash(b)
        assert Problem("m", "$.y") != a
        assert Problem("n", "$.x") != a
        assert a != "m @ $.x"
        assert 1 == len({a, b})

    def test_default_path_is_the_root(self) -> None:
        """A problem without a path is at the document's root."""
        assert "$" == Problem("m").path


class TestMessages:
    def test_input_error_counts_and_names_its_source(self) -> None:
        """InputError's message counts its problems (singular or plural) and names the source."""
        one = InputError([Problem("m", "$.a")], "a.toml")
        assert "1 problem found in a.toml:\n  m @ $.a" == str(one)
        two = InputError([Problem("m", "$.a"), Problem("n", "$.b")])
        assert str(two).startswith("2 problems found:")
        assert ("$.a", "$.b") == two.paths
        assert ("m @ $.a", "n @ $.b") == two.lines

    def test_unknown_check_error_suggests_only_when_it_can(self) -> None:
        """UnknownCheckError lists each unknown name, with close matches where there are any."""
        err = UnknownCheckError(["PM0O1", "zzz"], {"PM0O1": ("PM001",)})
        assert (
            "unknown check or selector 'PM0O1' (did you mean PM001?); "
            "unknown check or selector 'zzz'"
        ) == str(err)

    def test_calendar_range_error_names_the_range(self) -> None:
        """CalendarRangeError names the day and the calendar's first and last days."""
        err = CalendarRangeError(date(1999, 1, 1), date(2000, 1, 1), date(2052, 12, 31))
        assert "1999-01-01 is outside the working-day calendar, which covers" in str(err)
        assert str(err).endswith("2000-01-01 to 2052-12-31")


class TestHierarchy:
    @pytest.mark.parametrize(
        ("error", "also"),
        [
            (InputError([Problem("m")]), ValueError),
            (UnknownCheckError(["x"], {}), LookupError),
            (CalendarRangeError(1, 2, 3), ValueError),
        ],
        ids=["input", "unknown-check", "calendar-range"],
    )
    def test_every_error_is_a_dpup_error(self, error: Exception, also: type) -> None:
        """Every error derives from DpupError and from the matching built-in error."""
        assert isinstance(error, DpupError)
        assert isinstance(error, also)

    @pytest.mark.parametrize(
        "error",
        [
            InputError([Problem("m", "$.a"), Problem("n")], "a.toml"),
            UnknownCheckError(["PM0O1"], {"PM0O1": ("PM001",)}),
            CalendarRangeError(date(1999, 1, 1), date(2000, 1, 1), date(2052, 12, 31)),
        ],
        ids=["input", "unknown-check", "calendar-range"],
    )
    def test_errors_pickle_with_their_data(self, error: DpupError) -> None:
        """Errors survive pickling (e.g. from a worker process) with their data and message."""
        copy = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own data
        assert type(error) is type(copy)
        assert str(error) == str(copy)
        assert vars(error) == vars(copy)
