"""What the engine remembers between evaluations: interned outcomes, findings, assembly.

Kept apart from ``test_caches.py`` (the check helpers' caches), which mutation testing runs
for every mutant: these tests evaluate every bundled example several times over.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

import dpup
import dpup.engine
from dpup._engine import outcomes as _outcome
from dpup._engine import run as _run
from dpup.checkdef import CheckFunction
from dpup.engine import (
    EvaluationContext,
    Outcome,
    Registry,
    met,
    needs_review,
    not_applicable,
    not_met,
)
from dpup.findings import Reviewer, Severity, Status
from tests.memory_helpers import EXAMPLE, many_disclosures, report_json


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
            cold = [report_json(s, activity) for s in subjects]
            warm = [report_json(s, activity) for s in subjects]
            _clear_engine_memory()
            again = [report_json(s, activity) for s in subjects]
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
        activity = many_disclosures(60)
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
