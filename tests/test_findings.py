"""Small properties of statuses, severities, findings, scores and information items."""

from __future__ import annotations

import pytest

from dpup import Activity, Collection, Purpose, Score, Severity, Status, evaluate
from dpup.model import InformationItem, Sensitivity


class TestStatus:
    @pytest.mark.parametrize(
        ("status", "assessed", "applicable"),
        [
            (Status.MET, True, True),
            (Status.NOT_MET, True, True),
            (Status.NEEDS_REVIEW, False, True),
            (Status.NOT_APPLICABLE, False, False),
        ],
        ids=lambda v: getattr(v, "value", str(v)),
    )
    def test_assessed_and_applicable(
        self, status: Status, assessed: bool, applicable: bool
    ) -> None:
        """Only met and not met are verdicts; only not applicable is outside the score."""
        assert (assessed, applicable) == (status.assessed, status.applicable)


class TestSeverity:
    def test_ranks_weights_and_order(self) -> None:
        """Severities rank 1 to 4, weigh 1 to 8, and order from low to critical."""
        ordered = [Severity.LOW, Severity.MEDIUM, Severity.HIGH, Severity.CRITICAL]
        assert [1, 2, 3, 4] == [s.rank for s in ordered]
        assert [1, 2, 4, 8] == [s.weight for s in ordered]
        shuffled = [Severity.HIGH, Severity.LOW, Severity.CRITICAL, Severity.MEDIUM]
        assert ordered == sorted(shuffled)
        assert Severity.LOW < Severity.CRITICAL
        assert not Severity.HIGH < Severity.HIGH

    def test_order_only_among_severities(self) -> None:
        """Comparing a severity with anything else is a TypeError, not a silent answer."""
        with pytest.raises(TypeError):
            _ = Severity.LOW < 1


class TestScore:
    def test_assessed_and_applicable_counts(self) -> None:
        """A score counts verdicts, and verdicts plus reviews, apart from not applicable."""
        score = Score(met=3, not_met=1, needs_review=2, not_applicable=5)
        assert (4, 6) == (score.assessed, score.applicable)


class TestFinding:
    def test_legal_breach_needs_law_and_not_met(self) -> None:
        """Only a not-met finding on a legal basis is a legal breach."""
        activity = Activity(
            "a",
            purposes=(Purpose("p", why="any other purpose"),),
            collections=(Collection("c", items=(InformationItem("n", purposes=()),)),),
        )
        report = evaluate(activity, select=["PM002", "PM003"])
        by_id = {f.check_id: f for f in report.findings}
        assert (Status.NOT_MET, Status.NOT_MET) == (by_id["PM002"].status, by_id["PM003"].status)
        assert (False, True) == (by_id["PM002"].is_legal_breach, by_id["PM003"].is_legal_breach)
        assert [by_id["PM003"]] == list(report.legal_breaches())


class TestInformationItem:
    @pytest.mark.parametrize(
        ("sensitivity", "expected"),
        [(None, None), ((), False), ((Sensitivity.HEALTH,), True)],
        ids=["unrecorded", "none", "health"],
    )
    def test_sensitive(self, sensitivity: tuple[Sensitivity, ...] | None, expected: object) -> None:
        """An item is sensitive if any category applies; unrecorded stays unrecorded."""
        assert expected == InformationItem("n", sensitivity=sensitivity).sensitive

    def test_discriminating_categories(self) -> None:
        """Health, ethnicity and iwi could enable discrimination; financial information not."""
        assert Sensitivity.HEALTH.discriminating
        assert Sensitivity.IWI.discriminating
        assert not Sensitivity.FINANCIAL.discriminating
