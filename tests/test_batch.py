"""Caseloads: evaluate_many, the calendar's batch functions, pickling, and the Dask recipe."""

from __future__ import annotations

import pickle
import re
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

import dpup
from dpup import Activity, Registry, UnknownCheckError, Waiver, evaluate, evaluate_many
from dpup.calendar import (
    decision_due,
    decision_due_many,
    extension_notice_due,
    extension_notice_due_many,
    transfer_due,
    transfer_due_many,
)
from dpup.engine import EvaluationContext, default_registry
from dpup.errors import CalendarRangeError
from dpup.settings import DEFAULT_SETTINGS

ROOT = Path(__file__).parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.toml"))


@pytest.fixture(scope="module")
def activities() -> list[Activity]:
    """Every bundled example."""
    return [dpup.load(path) for path in EXAMPLES]


class TestEvaluateMany:
    def test_each_report_is_what_evaluate_gives(self, activities: list[Activity]) -> None:
        """Each report equals evaluating its subject alone with the same options."""
        waivers = [Waiver("PM002", "accepted for the pilot")]
        expected = [evaluate(a, select=["PM", "TC"], waivers=waivers) for a in activities]
        actual = list(evaluate_many(activities, select=["PM", "TC"], waivers=waivers))
        assert expected == actual

    def test_single_objects_in_context(self, activities: list[Activity]) -> None:
        """Single objects are evaluated in the given activity, as evaluate does."""
        activity = activities[0]
        subjects = [*activity.disclosures, *activity.access_requests]
        expected = [evaluate(s, context=activity) for s in subjects]
        assert expected == list(evaluate_many(subjects, context=activity))

    def test_reports_are_made_lazily(self, activities: list[Activity]) -> None:
        """Subjects are read one report at a time, not all up front."""
        taken: list[int] = []

        def subjects() -> Iterator[Activity]:
            for i, a in enumerate(activities):
                taken.append(i)
                yield a

        reports = evaluate_many(subjects())
        assert [] == taken
        next(reports)
        assert [0] == taken

    def test_bad_options_raise_at_once(self, activities: list[Activity]) -> None:
        """An unknown selector or waiver raises when called, before any report."""
        with pytest.raises(UnknownCheckError):
            evaluate_many(activities, select=["XX999"])
        with pytest.raises(UnknownCheckError):
            evaluate_many(activities, waivers=[Waiver("ZZ001", "typo")])

    def test_a_bad_subject_raises_at_its_report(self, activities: list[Activity]) -> None:
        """A subject that is not a domain object raises TypeError when reached."""
        reports = evaluate_many([activities[0], "not an activity"])
        next(reports)
        with pytest.raises(TypeError, match="cannot evaluate a str"):
            next(reports)


RECEIVED = [date(2026, 3, 27), date(2026, 4, 24), date(2025, 12, 24), date(2026, 2, 7)]


class TestCalendarBatches:
    @pytest.mark.parametrize(
        ("many", "one"),
        [
            (decision_due_many, decision_due),
            (transfer_due_many, transfer_due),
            (extension_notice_due_many, extension_notice_due),
        ],
        ids=["decision", "transfer", "extension-notice"],
    )
    def test_batch_matches_one_at_a_time(self, many: object, one: object) -> None:
        """Each batch function gives the single-date function's answer for every date."""
        assert callable(many)
        assert callable(one)
        assert [one(d) for d in RECEIVED] == many(iter(RECEIVED))

    def test_empty_caseload(self) -> None:
        """An empty caseload gives an empty list."""
        assert [] == decision_due_many([])

    def test_out_of_range_is_reported(self) -> None:
        """A received date whose deadline falls past the calendar raises."""
        with pytest.raises(CalendarRangeError):
            decision_due_many([date(2026, 1, 5), date(2052, 12, 20)])


class TestPickling:
    def test_report_round_trips(self, activities: list[Activity]) -> None:
        """A report pickles and comes back equal, findings, scores and all."""
        report = evaluate(activities[0], waivers=[Waiver("PM002", "accepted")])
        assert report == pickle.loads(pickle.dumps(report))  # noqa: S301 - our own data

    def test_domain_objects_round_trip(self, activities: list[Activity]) -> None:
        """Activities and their parts pickle and come back equal."""
        for activity in activities:
            assert activity == pickle.loads(pickle.dumps(activity))  # noqa: S301 - our own data

    def test_registries_round_trip(self) -> None:
        """The built-in registry and a selection of it pickle to the same checks."""
        for registry in (default_registry(), default_registry().select(["TC"], ["TC013"])):
            copy = pickle.loads(pickle.dumps(registry))  # noqa: S301 - our own data
            assert isinstance(copy, Registry)
            assert [c.id for c in registry] == [c.id for c in copy]

    def test_context_round_trips_without_its_cache(self, activities: list[Activity]) -> None:
        """An evaluation context pickles; its scratch cache is not part of its equality."""
        ctx = EvaluationContext(activities[0], date(2026, 6, 1), DEFAULT_SETTINGS, "$", {1: 2})
        assert ctx == pickle.loads(pickle.dumps(ctx))  # noqa: S301 - our own data
        assert ctx == EvaluationContext(activities[0], date(2026, 6, 1), DEFAULT_SETTINGS, "$")


def _dask_recipe() -> str:
    text = (ROOT / "docs" / "performance.md").read_text(encoding="utf-8")
    match = re.search(r"<!-- dask-recipe -->\s*```python\n(.*?)```", text, re.DOTALL)
    assert match is not None, "docs/performance.md lost its Dask recipe"
    return match.group(1)


def test_dask_recipe_runs(tmp_path: Path) -> None:
    """The Dask recipe in docs/performance.md runs on the local process scheduler."""
    pytest.importorskip("dask.bag")
    script = tmp_path / "recipe.py"
    script.write_text(_dask_recipe(), encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-W", "error", str(script)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        timeout=300,
    )
    assert 0 == out.returncode, out.stderr


class TestFastPaths:
    def test_tallied_scores_match_scoring_findings(self, activities: list[Activity]) -> None:
        """Scores tallied during evaluation equal scoring the report's findings afresh."""
        from dpup.scoring import score_findings  # noqa: PLC0415 - only this test needs it

        for activity in activities:
            report = evaluate(activity)
            overall, principles, guidelines = score_findings(report.findings)
            assert (overall, principles, guidelines) == (
                report.overall,
                report.principle_scores,
                report.guideline_scores,
            )

    def test_report_score_dicts_are_its_own(self, activities: list[Activity]) -> None:
        """Changing one report's score dict leaves the next report's alone."""
        first = evaluate(activities[0])
        first.principle_scores.clear()  # type: ignore[attr-defined] # a dict underneath
        assert 5 == len(evaluate(activities[0]).principle_scores)

    def test_indexed_lookups_match_scans(self, activities: list[Activity]) -> None:
        """Per-evaluation indexes give the answers a plain scan of the activity gives."""
        from dpup.facts import disclosure_sources, notice_gaps  # noqa: PLC0415 - only this test

        for activity in activities:
            ctx = EvaluationContext(activity, date(2026, 6, 1), DEFAULT_SETTINGS, "$")
            for d in activity.disclosures:
                assert disclosure_sources(activity, d) == disclosure_sources(activity, d, ctx)
                assert notice_gaps(activity, d) == notice_gaps(activity, d, ctx)
                assert notice_gaps(activity, d, ctx) is notice_gaps(activity, d, ctx)
