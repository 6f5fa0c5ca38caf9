"""What dpup remembers between evaluations is bounded, goes with its owner, changes nothing."""

from __future__ import annotations

import gc
from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import dpup
import dpup.engine
from dpup import _text, facts
from dpup.checkdef import unrecorded
from dpup.engine import EvaluationContext
from dpup.serde import structure, unstructure
from dpup.settings import DEFAULT_SETTINGS
from tests.memory_helpers import EXAMPLE, many_disclosures, report_json


class TestActivityCache:
    def test_same_activity_same_cache(self) -> None:
        """The same activity object gets the same scratch space each time."""
        activity = dpup.load(EXAMPLE)
        assert facts.activity_cache(activity) is facts.activity_cache(activity)

    def test_equal_activities_get_their_own(self) -> None:
        """An equal but distinct activity gets scratch space of its own."""
        first, second = dpup.load(EXAMPLE), dpup.load(EXAMPLE)
        assert first == second
        assert facts.activity_cache(first) is not facts.activity_cache(second)

    def test_entry_goes_with_the_activity(self) -> None:
        """When an activity is collected, its entry is dropped."""
        activity = dpup.load(EXAMPLE)
        facts.activity_cache(activity)
        key = id(activity)
        del activity
        gc.collect()
        assert key not in facts._ACTIVITY_CACHES

    def test_bounded(self) -> None:
        """No more than the limit of activities are remembered at once."""
        activities = [dpup.load(EXAMPLE) for _ in range(facts.ACTIVITY_CACHE_LIMIT + 5)]
        for activity in activities:
            facts.activity_cache(activity)
        assert len(facts._ACTIVITY_CACHES) <= facts.ACTIVITY_CACHE_LIMIT

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
        assert facts.disclosure_position(activity, foreign) is None
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


_WORDS = st.sampled_from(["any", "other", "purpose", "IRD", "ird-number", "nhi", "Māori", "x"])


class TestPhraseShortcuts:
    """The quick "no phrase here" tests give the answers a plain test of every phrase gives."""

    @settings(max_examples=300)
    @given(
        st.lists(st.lists(_WORDS, min_size=1, max_size=3).map(" ".join), min_size=1, max_size=4),
        st.lists(_WORDS | st.text(max_size=6), max_size=8).map("-".join),
    )
    def test_same_answers_as_every_phrase_tested(self, phrases: list[str], text: str) -> None:
        """For any phrases and text, the matches are those a plain substring test finds."""
        listed = _text.PhraseList(phrases)
        norm = _text.normalise(text)
        expected = tuple(i for i, p in enumerate(phrases) if _text.normalise(p) in norm)
        assert expected == listed.matches(text)
        assert expected == listed.matches(text)


class TestWorkDoneOnce:
    """What the check helpers keep is really kept: each piece of work is done once."""

    def test_interleaved_activities_keep_their_own(self) -> None:
        """Two live activities each keep their scratch space, however calls interleave."""
        first, second = dpup.load(EXAMPLE), dpup.load(EXAMPLE)
        kept = facts.activity_cache(first)
        facts.activity_cache(second)
        assert kept is facts.activity_cache(first)
        assert facts.activity_cache(second) is not kept

    def test_disclosures_are_located(self) -> None:
        """Each of an activity's disclosures is found at its own place."""
        activity = many_disclosures(3)
        positions = [facts.disclosure_position(activity, d) for d in activity.disclosures]
        assert list(range(len(activity.disclosures))) == positions

    def test_sources_without_a_context_match_the_index(self) -> None:
        """Looked up without a context, a disclosure's sources are those the index gives."""
        activity = dpup.load(EXAMPLE)
        ctx = EvaluationContext(activity, date(2026, 6, 1), DEFAULT_SETTINGS, "$")
        for disclosure in activity.disclosures:
            plain = facts.disclosure_sources(activity, disclosure)
            assert facts.disclosure_sources(activity, disclosure, ctx) == plain
        assert any(facts.disclosure_sources(activity, d) for d in activity.disclosures)

    def test_sources_are_kept_with_the_activity(self) -> None:
        """A notice check on a disclosure leaves its sources in the activity's cache."""
        activity = dpup.load(EXAMPLE)
        disclosure = activity.disclosures[1]  # relies on no exception, so its sources matter
        dpup.evaluate(disclosure, context=activity, select=["TC020"])
        cache = facts.activity_cache(activity)
        expected = tuple(facts.disclosure_sources(activity, disclosure))
        assert expected
        assert expected == cache[facts.disclosure_sources, 1]

    def test_item_places_are_kept_with_the_activity(self) -> None:
        """PM016 indexes where each item is collected, and compares each disclosure, once."""
        from dpup.checks.purpose_matters import _helpers  # noqa: PLC0415

        activity = dpup.load(EXAMPLE)
        dpup.evaluate(activity.disclosures[1], context=activity, select=["PM016"])
        cache = facts.activity_cache(activity)
        kept = cache[_helpers.item_holders]
        assert kept == _helpers.item_holders(activity)
        fit = cache[_helpers.purpose_fit, 1]
        assert fit == _helpers.purpose_fit(activity, activity.disclosures[1])
        dpup.evaluate(activity.disclosures[1], context=activity, select=["PM016"])
        dpup.evaluate(activity.disclosures[0], context=activity, select=["PM016"])
        assert cache[_helpers.item_holders] is kept
        assert cache[_helpers.purpose_fit, 1] is fit

    def test_notice_comparison_is_made_once(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """The checks comparing a disclosure with its notices share one comparison.

        Across evaluations for one of the activity's own disclosures; within one evaluation
        for a disclosure from elsewhere.
        """
        calls: list[object] = []
        compare = facts._notice_gaps

        def counting(*args: Any) -> Any:
            calls.append(args[1])
            return compare(*args)

        monkeypatch.setattr(facts, "_notice_gaps", counting)
        activity = dpup.load(EXAMPLE)
        disclosure = activity.disclosures[0]
        for _ in range(3):
            dpup.evaluate(disclosure, context=activity, select=["TC013", "TC015"])
        assert [disclosure] == calls
        foreign = structure(unstructure(disclosure), type(disclosure))
        dpup.evaluate(foreign, context=activity, select=["TC013", "TC015"])
        assert [disclosure, foreign] == calls

    def test_items_are_indexed_once(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Which collections hold which items is worked out once per activity."""
        calls: list[object] = []
        index = facts.item_sources

        def counting(activity: dpup.Activity) -> dict[str, list[int]]:
            calls.append(activity)
            return index(activity)

        monkeypatch.setattr(facts, "item_sources", counting)
        activity = dpup.load(EXAMPLE)
        dpup.evaluate(activity)
        dpup.evaluate(activity)
        assert [activity] == calls

    def test_unrecorded_without_paths(self) -> None:
        """A gap with no path to point at asks for the fact in plain words."""
        outcome = unrecorded("the retention period")
        assert ("record the retention period",) == outcome.settle_with
        assert () == outcome.evidence

    def test_notice_comparison_without_a_context(self) -> None:
        """Compared without a context, a disclosure and its notices give the same gaps."""
        activity = dpup.load(EXAMPLE)
        ctx = EvaluationContext(activity, date(2026, 6, 1), DEFAULT_SETTINGS, "$")
        plain = [facts.notice_gaps(activity, d) for d in activity.disclosures]
        assert plain == [facts.notice_gaps(activity, d, ctx) for d in activity.disclosures]
        assert any(gaps.unlisted or gaps.unknown for gaps in plain)


class TestIndexedLookups:
    @pytest.mark.parametrize("count", [3, facts.SCAN_LIMIT + 1, 40])
    def test_choice_named_scanned_or_indexed(self, count: int) -> None:
        """By scan (a few choices) or by index (many), a choice is found by id, or None."""
        choices = tuple(dpup.Choice(f"c{i}") for i in range(count))
        activity = dpup.Activity("a", choices=choices)
        assert choices[-1] is facts.choice_named(activity, f"c{count - 1}")
        assert choices[0] is facts.choice_named(activity, "c0")
        assert facts.choice_named(activity, "not-a-choice") is None
