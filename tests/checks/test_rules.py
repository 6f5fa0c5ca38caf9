"""The traceability record: a rule is covered by checks, or says why not and what instead."""

from __future__ import annotations

import pytest

from dpup.checks import Rule


class TestRule:
    def test_covered_by_checks(self) -> None:
        """A rule covered by checks needs nothing else."""
        assert ("PM001",) == Rule("PM-01", "purpose stated", checks=("PM001",)).checks

    def test_uncovered_with_reason_and_instead(self) -> None:
        """A rule no check decides is valid with a reason and what dpup offers instead."""
        rule = Rule("PM-99", "judgement", reason="needs a person", instead="PM001 review")
        assert ((), "needs a person") == (rule.checks, rule.reason)

    @pytest.mark.parametrize(
        ("reason", "instead"),
        [(None, None), ("needs a person", None), (None, "PM001 review")],
        ids=["nothing", "reason-only", "instead-only"],
    )
    def test_uncovered_without_both_is_refused(
        self, reason: str | None, instead: str | None
    ) -> None:
        """A rule with no checks must give both a reason and what dpup offers instead."""
        with pytest.raises(ValueError, match="rule PM-99 needs checks, or a reason and what dpup"):
            Rule("PM-99", "judgement", reason=reason, instead=instead)

    def test_planned_rule_is_valid(self) -> None:
        """A rule not yet covered is valid when it says what is planned."""
        rule = Rule("X-99", "a duty", planned="a check, in a later issue")
        assert ((), "a check, in a later issue") == (rule.checks, rule.planned)

    def test_covered_rule_cannot_also_be_planned(self) -> None:
        """A rule covered by checks has nothing planned: the two would contradict."""
        with pytest.raises(ValueError, match="rule X-99 is covered by checks"):
            Rule("X-99", "a duty", checks=("PM001",), planned="a check")


class TestLegalRules:
    def test_every_cross_cutting_rule_is_listed(self) -> None:
        """The five cross-cutting legal rules of the domain reference are all in RULES."""
        from dpup.checks import LEGAL_RULES, RULES  # noqa: PLC0415

        ids = [r.id for r in RULES if r.id.startswith("X-")]
        assert [f"X-0{n}" for n in range(1, 6)] == ids
        assert all(r in RULES for r in LEGAL_RULES)
        assert all(r.checks or r.planned for r in LEGAL_RULES)
