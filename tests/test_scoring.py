"""Scores: the documented rule, bounds, and the before/after examples."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings

import dpup
from dpup import Activity, Basis, Finding, Guideline, Principle, Severity, Status
from dpup.scoring import score, score_findings
from dpup.testing.strategies import activities

EXAMPLES = Path(__file__).parent.parent / "examples"


def _finding(status: Status, severity: Severity = Severity.MEDIUM) -> Finding:
    return Finding(
        check_id="PM001",
        name="x",
        status=status,
        severity=severity,
        guideline=Guideline.PURPOSE_MATTERS,
        principles=(Principle.HE_TANGATA, Principle.KAITIAKITANGA),
        basis=Basis.LAW,
        legal_refs=(),
        subject="$",
        message="m",
    )


class TestRule:
    def test_nothing_assessed_gives_none(self) -> None:
        """With no assessed findings, value and coverage are None."""
        s = score([])
        assert (None, None) == (s.value, s.coverage)

    def test_severity_weights(self) -> None:
        """A met low finding against a failed critical one scores 1 / (1 + 8)."""
        s = score([_finding(Status.MET, Severity.LOW), _finding(Status.NOT_MET, Severity.CRITICAL)])
        assert 11.1 == s.value

    def test_needs_review_lowers_coverage_not_value(self) -> None:
        """NEEDS_REVIEW is not guessed either way: it only lowers coverage."""
        s = score([_finding(Status.MET), _finding(Status.NEEDS_REVIEW)])
        assert (100.0, 0.5) == (s.value, s.coverage)

    def test_not_applicable_is_counted_only(self) -> None:
        """NOT_APPLICABLE changes neither value nor coverage."""
        s = score([_finding(Status.MET), _finding(Status.NOT_APPLICABLE)])
        assert (100.0, 1.0, 1) == (s.value, s.coverage, s.not_applicable)

    def test_not_yet_due_lowers_coverage_not_value(self) -> None:
        """NOT_YET_DUE is not yet assessed: counted apart, it lowers coverage only."""
        s = score([_finding(Status.MET), _finding(Status.NOT_YET_DUE)])
        assert (100.0, 0.5, 1, 0, 2) == (
            s.value,
            s.coverage,
            s.not_yet_due,
            s.not_applicable,
            s.applicable,
        )
        alone = score([_finding(Status.NOT_YET_DUE)])
        assert (None, 0.0) == (alone.value, alone.coverage)

    def test_each_principle_listed_gets_the_finding(self) -> None:
        """A finding counts toward every principle it lists and its guideline."""
        overall, principles, guidelines = score_findings([_finding(Status.NOT_MET)])
        assert 1 == principles[Principle.HE_TANGATA].not_met
        assert 1 == principles[Principle.KAITIAKITANGA].not_met
        assert 0 == principles[Principle.MAHITAHITANGA].not_met
        assert 1 == guidelines[Guideline.PURPOSE_MATTERS].not_met == overall.not_met

    @settings(max_examples=40, deadline=None)
    @given(activities())
    def test_scores_lie_in_bounds(self, activity: Activity) -> None:
        """Every score is None or within [0, 100], with coverage within [0, 1]."""
        report = dpup.evaluate(activity)
        assert () == report.errors
        for s in (
            report.overall,
            *report.principle_scores.values(),
            *report.guideline_scores.values(),
        ):
            assert s.value is None or 0.0 <= s.value <= 100.0
            assert s.coverage is None or 0.0 <= s.coverage <= 1.0


@pytest.fixture(scope="module")
def reports() -> tuple[dpup.Report, dpup.Report]:
    """Reports for the Kids First examples before and after applying DPUP."""
    before = dpup.evaluate(dpup.load(EXAMPLES / "kids-first-before.toml"))
    after = dpup.evaluate(dpup.load(EXAMPLES / "kids-first-after.toml"))
    return before, after


class TestKidsFirst:
    def test_after_at_least_as_high_on_every_principle(
        self, reports: tuple[dpup.Report, dpup.Report]
    ) -> None:
        """Applying DPUP never lowers a principle score assessed in both reports."""
        before, after = reports
        for p in Principle:
            b, a = before.principle_scores[p].value, after.principle_scores[p].value
            if a is not None and b is not None:
                assert a >= b, p.label

    def test_after_strictly_higher_on_mana_whakahaere(
        self, reports: tuple[dpup.Report, dpup.Report]
    ) -> None:
        """Choice and access improve most: Mana Whakahaere rises strictly."""
        before, after = reports
        b = before.principle_scores[Principle.MANA_WHAKAHAERE].value
        a = after.principle_scores[Principle.MANA_WHAKAHAERE].value
        assert a is not None
        assert b is not None
        assert a > b

    def test_no_crashes(self, reports: tuple[dpup.Report, dpup.Report]) -> None:
        """No check crashes on either example."""
        assert ((), ()) == (reports[0].errors, reports[1].errors)
