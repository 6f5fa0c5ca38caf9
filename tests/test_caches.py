"""What dpup remembers between evaluations is bounded, goes with its owner, changes nothing."""

from __future__ import annotations

import gc
import json
from collections.abc import Iterator
from pathlib import Path

import attrs

import dpup
import dpup.engine
from dpup import _outcome, _run, _text
from dpup.checks import _util
from dpup.engine import (
    CheckFunction,
    EvaluationContext,
    Outcome,
    Registry,
    met,
    needs_review,
    not_applicable,
    not_met,
)
from dpup.findings import Reviewer, Severity, Status
from dpup.serde import structure, unstructure

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "kids-first-before.toml"


def _report_json(subject: object, context: dpup.Activity | None = None) -> str:
    return json.dumps(dpup.evaluate(subject, context=context).to_dict())


def _many_disclosures(copies: int) -> dpup.Activity:
    doc = unstructure(dpup.load(EXAMPLE))
    disclosures = []
    for k in range(copies):
        for d in doc["disclosures"]:
            copy = dict(d)
            if copy.get("id") and k:
                copy["id"] = f"{copy['id']}-{k}"
            disclosures.append(copy)
    doc["disclosures"] = disclosures
    return structure(doc)


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
        first = [_report_json(d, activity) for d in activity.disclosures]
        again = [_report_json(d, activity) for d in activity.disclosures]
        fresh = dpup.load(EXAMPLE)
        cold = [_report_json(d, fresh) for d in fresh.disclosures]
        assert first == again
        assert first == cold

    def test_many_disclosures_are_located(self) -> None:
        """Each disclosure of a case with many is reported at its own path."""
        activity = _many_disclosures(6)
        expected = [f"$.disclosures[{i}]" for i in range(len(activity.disclosures))]
        actual = [
            dpup.evaluate(d, context=activity).findings[0].subject for d in activity.disclosures
        ]
        assert expected == actual

    def test_foreign_disclosure_is_not_indexed(self) -> None:
        """A disclosure equal to one in the activity, but not in it, is evaluated afresh."""
        activity = _many_disclosures(6)
        inside = activity.disclosures[7]
        foreign = structure(unstructure(inside), type(inside))
        assert _util.disclosure_position(activity, foreign) is None
        assert _report_json(inside, activity) == _report_json(foreign, activity)


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


def _clear_engine_memory() -> None:
    _outcome._interned.clear()
    _run._findings.clear()
    _run._assembled.clear()


def _every_subject(activity: dpup.Activity) -> list[object]:
    return [
        *activity.purposes,
        *activity.collections,
        *activity.choices,
        *activity.agreements,
        *activity.disclosures,
        *activity.access_requests,
        *activity.correction_requests,
        *activity.insights,
    ]


EXAMPLES = sorted(EXAMPLE.parent.glob("*.toml"))


class TestInternedOutcomes:
    def test_equal_calls_share_one_outcome(self) -> None:
        """Equal calls to each helper give one shared (immutable) outcome."""
        assert met("Told.", "notice") is met("Told.", "notice")
        assert not_applicable("No.", "kind") is not_applicable("No.", "kind")
        assert not_met("Not told.", "notice", severity=Severity.CRITICAL) is not_met(
            "Not told.", "notice", severity=Severity.CRITICAL
        )
        review = needs_review(
            "Ask.", "ground", reviewer=Reviewer.LEGAL_ADVISER, settle_with=["confirm it"]
        )
        again = needs_review(
            "Ask.", "ground", reviewer=Reviewer.LEGAL_ADVISER, settle_with=("confirm it",)
        )
        assert review is again
        assert ("confirm it",) == review.settle_with

    def test_every_argument_tells_outcomes_apart(self) -> None:
        """Outcomes differing in any argument are different outcomes, with their own values."""
        base = not_met("Not told.", "notice")
        variants = [
            not_met("Not told!", "notice"),
            not_met("Not told.", "notice", "recipient"),
            not_met("Not told.", "notice", remediation="Tell them."),
            not_met("Not told.", "notice", severity=Severity.LOW),
            met("Not told.", "notice"),
            not_applicable("Not told.", "notice"),
        ]
        for variant in variants:
            assert variant is not base
            assert variant != base
        reviews = {
            needs_review("Ask.", reviewer=reviewer, settle_with=(settle,))
            for reviewer in (Reviewer.LEGAL_ADVISER, Reviewer.PRIVACY_OFFICER)
            for settle in ("a", "b")
        }
        assert 4 == len(reviews)

    def test_long_evidence_is_never_kept(self) -> None:
        """Outcomes resting on more than INTERN_LONGEST paths are built afresh each time."""
        paths = tuple(f"items[{i}]" for i in range(_outcome.INTERN_LONGEST + 1))
        for make in (met, not_met, not_applicable):
            assert make("Many.", *paths) is not make("Many.", *paths)
            assert make("Many.", *paths) == make("Many.", *paths)
        first = needs_review("Many.", *paths, reviewer=Reviewer.DATA_STEWARD, settle_with=("x",))
        assert first is not needs_review(
            "Many.", *paths, reviewer=Reviewer.DATA_STEWARD, settle_with=("x",)
        )

    def test_table_is_bounded(self) -> None:
        """The table never holds more than INTERN_LIMIT outcomes."""
        for i in range(_outcome.INTERN_LIMIT + 10):
            met(f"Outcome {i}.")
        assert len(_outcome._interned) <= _outcome.INTERN_LIMIT


class TestRememberedFindings:
    def test_warm_reports_equal_cold_ones(self) -> None:
        """Every subject of every example reports the same, evaluated cold or warm."""
        for path in EXAMPLES:
            activity = dpup.load(path)
            subjects = [activity, *_every_subject(activity)]
            _clear_engine_memory()
            cold = [_report_json(s, activity) for s in subjects]
            warm = [_report_json(s, activity) for s in subjects]
            _clear_engine_memory()
            again = [_report_json(s, activity) for s in subjects]
            assert cold == warm == again, path.name

    def test_same_verdicts_share_findings(self) -> None:
        """The same event evaluated twice gives equal reports holding the same findings."""
        activity = dpup.load(EXAMPLE)
        first = dpup.evaluate(activity.disclosures[0], context=activity)
        second = dpup.evaluate(activity.disclosures[0], context=activity)
        assert first == second
        assert all(a is b for a, b in zip(first.findings, second.findings, strict=True))
        assert first.principle_scores is not second.principle_scores

    def test_waived_findings_are_marked_every_time(self) -> None:
        """A waiver marks its finding whether or not the unwaived finding was remembered."""
        activity = dpup.load(EXAMPLE)
        disclosure = activity.disclosures[0]
        plain = dpup.evaluate(disclosure, context=activity)
        check_id = plain.findings[0].check_id
        waiver = dpup.Waiver(check_id, "accepted for the test")
        for _ in range(2):
            waived = dpup.evaluate(disclosure, context=activity, waivers=[waiver])
            assert waived.findings[0].waiver == waiver
            assert all(f.waiver is None for f in waived.findings[1:])
        assert dpup.evaluate(disclosure, context=activity).findings[0].waiver is None

    def test_tables_are_bounded(self) -> None:
        """Neither table grows past its limit, however many distinct events are evaluated."""
        activity = _many_disclosures(60)
        for disclosure in activity.disclosures:
            dpup.evaluate(disclosure, context=activity)
        dpup.evaluate(activity)
        assert len(_run._findings) <= _run.FINDINGS_LIMIT
        assert len(_run._assembled) <= _run.REPORTS_LIMIT

    def test_fresh_outcomes_and_generators_are_handled(self) -> None:
        """Checks that build fresh outcomes, yield several, or crash report correctly."""

        def fresh(subject: object, ctx: EvaluationContext) -> Outcome:
            return Outcome(Status.MET, "Fresh.", ("kind",))

        def several(subject: object, ctx: EvaluationContext) -> Iterator[Outcome]:
            yield met("One.", "kind")
            yield not_met("Two.", "ground")

        def crashes(subject: object, ctx: EvaluationContext) -> Outcome:
            raise ValueError("boom")

        funcs: tuple[CheckFunction, ...] = (fresh, several, crashes)
        base = dpup.engine.default_registry().get("PM016")
        checks = [
            attrs.evolve(base, id=f"PM9{i}0", name=f"test-{i}", func=func)
            for i, func in enumerate(funcs)
        ]
        registry = Registry(checks)
        activity = dpup.load(EXAMPLE)
        disclosure = activity.disclosures[0]
        reports = [dpup.evaluate(disclosure, context=activity, registry=registry) for _ in range(3)]
        for report in reports:
            assert [("PM900", "met"), ("PM910", "met"), ("PM910", "not_met")] == [
                (f.check_id, f.status.value) for f in report.findings
            ]
            assert ("$.disclosures[0].ground",) == report.findings[2].evidence
            assert [("PM920", "builtins.ValueError")] == [
                (e.check_id, e.error_type) for e in report.errors
            ]
        assert reports[0] == reports[1] == reports[2]
