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
        with pytest.raises(ValueError, match="rule PM-99 needs checks, or a reason and what"):
            Rule("PM-99", "judgement", reason=reason, instead=instead)
