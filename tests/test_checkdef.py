"""The module for check authors: the check decorator's gate, calling a check, and the idioms."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

import dpup
from dpup.checkdef import (
    HT,
    Check,
    EvaluationContext,
    Outcome,
    check,
    claimed_exception,
    met,
    not_applicable,
    not_met,
    split_facts,
    unrecorded,
    verdict_from_facts,
)
from dpup.findings import Reviewer, Severity, Status
from dpup.law import Basis
from dpup.settings import DEFAULT_SETTINGS

CTX = EvaluationContext(None, date(2026, 6, 1), DEFAULT_SETTINGS, "$")

_DOC = """Test check.

    What it checks:
        Something.
    Why it matters:
        For the test.
    How to meet it:
        Nothing.
    References:
        None.
    """


def _make(func: Any, **extra: Any) -> Check[Any]:
    func.__doc__ = _DOC
    return check(
        id="PM990",
        name="test-check",
        principles=(HT,),
        basis=Basis.GOOD_PRACTICE,
        severity=Severity.LOW,
        subject=dpup.Purpose,
        remediation="do it",
        **extra,
    )(func)


class TestGate:
    def test_the_gate_decides_first(self) -> None:
        """A gate's outcome stands in for the check; None lets the check run."""
        calls: list[str] = []

        def only_with_why(purpose: dpup.Purpose, ctx: EvaluationContext) -> Outcome | None:
            return None if purpose.why else not_applicable("No purpose to judge.", "why")

        def body(purpose: dpup.Purpose, ctx: EvaluationContext) -> Outcome:
            calls.append(purpose.id)
            return met("Fine.", "why")

        gated = _make(body, applies=only_with_why)
        assert (not_applicable("No purpose to judge.", "why"),) == gated(dpup.Purpose("a"), CTX)
        assert (met("Fine.", "why"),) == gated(dpup.Purpose("b", why="to help"), CTX)
        assert ["b"] == calls
        assert "Test check." == gated.summary


class TestCalling:
    @pytest.mark.parametrize("result", ["text", b"bytes", 3, [met("ok"), "not an outcome"]])
    def test_a_result_that_is_not_outcomes_is_a_type_error(self, result: object) -> None:
        """Calling a check directly refuses what evaluate() reports as a CheckError."""
        wrong = _make(lambda purpose, ctx: result)
        with pytest.raises(TypeError, match="returned something other than outcomes"):
            wrong(dpup.Purpose("a"), CTX)

    def test_outcomes_come_back_as_a_tuple(self) -> None:
        """None, one outcome or several become a tuple."""
        assert () == _make(lambda purpose, ctx: None)(dpup.Purpose("a"), CTX)
        two = [met("a"), not_met("b")]
        assert tuple(two) == _make(lambda purpose, ctx: iter(two))(dpup.Purpose("a"), CTX)


class TestFacts:
    def test_split_keeps_order_and_never_reads_none_as_false(self) -> None:
        """False and None go to separate lists, in the table's order."""
        facts = {"a": True, "b": None, "c": False, "d": None, "e": False}
        assert (["c", "e"], ["b", "d"]) == split_facts(facts)

    @pytest.mark.parametrize(
        ("facts", "status", "evidence"),
        [
            ({"a": True, "b": True}, Status.MET, ("a", "b")),
            ({"a": True, "b": None}, Status.NEEDS_REVIEW, ("b",)),
            ({"a": False, "b": None}, Status.NOT_MET, ("a",)),
        ],
    )
    def test_verdict(
        self, facts: dict[str, bool | None], status: Status, evidence: tuple[str, ...]
    ) -> None:
        """Any False is not met; else any None is not recorded; else met, citing every fact."""
        outcome = verdict_from_facts(
            facts,
            met_message="All told.",
            not_met_message="Something was not told.",
            unrecorded_what="what people were told",
            reviewer=Reviewer.SERVICE_MANAGER,
        )
        assert status is outcome.status
        assert evidence == outcome.evidence
        if status is Status.NEEDS_REVIEW:
            assert (
                unrecorded("what people were told", "b", reviewer=Reviewer.SERVICE_MANAGER)
                == outcome
            )

    def test_claimed_exception_goes_to_a_legal_adviser(self) -> None:
        """A claimed exception is never decided: a person confirms it, with what to confirm."""
        outcome = claimed_exception(
            "An exception is claimed.", "ground", settle_with=("confirm the ground applies",)
        )
        assert Status.NEEDS_REVIEW is outcome.status
        assert Reviewer.LEGAL_ADVISER is outcome.reviewer
        assert ("confirm the ground applies",) == outcome.settle_with
        assert ("ground",) == outcome.evidence
