"""What dpup remembers between evaluations is bounded, goes with its owner, changes nothing."""

from __future__ import annotations

import gc

import dpup
import dpup.engine
from dpup import _text
from dpup.checks import _util
from dpup.serde import structure, unstructure
from tests.memory_helpers import EXAMPLE, many_disclosures, report_json


class TestActivityCache:
    def test_same_activity_same_cache(self) -> None:
        """The same activity object gets the same scratch space each time."""
        activity = dpup.load(EXAMPLE)
        assert _util.activity_cache(activity) is _util.activity_cache(activity)

    def test_equal_activities_get_their_own(self) -> None:
        """An equal but distinct activity gets scratch space of its own."""
        first, second = dpup.load(EXAMPLE), dpup.load(EXAMPLE)
        assert first == second
        assert _util.activity_cache(first) is not _util.activity_cache(second)

    def test_entry_goes_with_the_activity(self) -> None:
        """When an activity is collected, its entry is dropped."""
        activity = dpup.load(EXAMPLE)
        _util.activity_cache(activity)
        key = id(activity)
        del activity
        gc.collect()
        assert key not in _util._ACTIVITY_CACHES

    def test_bounded(self) -> None:
        """No more than the limit of activities are remembered at once."""
        activities = [dpup.load(EXAMPLE) for _ in range(_util._ACTIVITY_CACHE_LIMIT + 5)]
        for activity in activities:
            _util.activity_cache(activity)
        assert len(_util._ACTIVITY_CACHES) <= _util._ACTIVITY_CACHE_LIMIT

    def test_warm_and_cold_reports_agree(self) -> None:
        """Evaluating an event again, or on a fresh equal activity, gives the same report."""
        activity = dpup.load(EXAMPLE)
        first = [report_json(d, activity) for d in activity.disclosures]
        again = [report_json(d, activity) for d in activity.disclosures]
        fresh = dpup.load(EXAMPLE)
        cold = [report_json(d, fresh) for d in fresh.disclosures]
        assert first == again
        assert first == cold

    def test_many_disclosures_are_located(self) -> None:
        """Each disclosure of a case with many is reported at its own path."""
        activity = many_disclosures(6)
        expected = [f"$.disclosures[{i}]" for i in range(len(activity.disclosures))]
        actual = [
            dpup.evaluate(d, context=activity).findings[0].subject for d in activity.disclosures
        ]
        assert expected == actual

    def test_foreign_disclosure_is_not_indexed(self) -> None:
        """A disclosure equal to one in the activity, but not in it, is evaluated afresh."""
        activity = many_disclosures(6)
        inside = activity.disclosures[7]
        foreign = structure(unstructure(inside), type(inside))
        assert _util.disclosure_position(activity, foreign) is None
        assert report_json(inside, activity) == report_json(foreign, activity)


class TestTextMemo:
    def test_normalise_remembers_short_texts(self) -> None:
        """A short text's normal form is remembered; the answer is the same."""
        text = "A purpose, (remembered) for TESTS only"
        expected = " a purpose remembered for tests only "
        assert expected == _text.normalise(text)
        assert expected == _text._normalised[text]
        assert expected == _text.normalise(text)

    def test_long_texts_are_not_remembered(self) -> None:
        """A text longer than the limit is normalised but not kept."""
        text = "word " * _text._LONGEST_REMEMBERED
        assert " " + "word " * _text._LONGEST_REMEMBERED == _text.normalise(text)
        assert text not in _text._normalised

    def test_tables_are_bounded(self) -> None:
        """However many texts are seen, the tables stay within their limit."""
        phrases = _text.PhraseList(["any other purpose"])
        for i in range(_text._REMEMBERED + 10):
            phrases.search(f"text number {i}")
        assert len(_text._normalised) <= _text._REMEMBERED
        assert len(phrases._matched) <= _text._REMEMBERED

    def test_remembered_answers_match(self) -> None:
        """A phrase list answers the same the first time and the next."""
        phrases = _text.PhraseList(["any other purpose", "future"])
        text = "For any other purpose in the FUTURE."
        assert (0, 1) == phrases.matches(text)
        assert (0, 1) == phrases.matches(text)
        assert phrases.search(text)
        assert not phrases.search("A specific purpose.")
