"""Test-suite helpers: assert_complies, the pytest plugin and the Hypothesis strategies."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import dpup
from dpup import Principle, Purpose
from dpup.testing import ComplianceError, assert_complies
from dpup.testing.strategies import compliant_activities
from tests.sarif import validate_sarif

ROOT = Path(__file__).parent.parent
BEFORE = ROOT / "examples" / "kids-first-before.toml"
AFTER = ROOT / "examples" / "kids-first-after.toml"


class TestAssertComplies:
    def test_passing_subject_returns_report(self) -> None:
        """A compliant activity passes and the report is returned."""
        report = assert_complies(dpup.load(AFTER))
        assert [] == list(report.failures())

    def test_failure_message_lists_checks(self) -> None:
        """A failing activity raises an AssertionError naming each failing check and message."""
        with pytest.raises(AssertionError) as info:
            assert_complies(dpup.load(BEFORE))
        text = str(info.value)
        assert "AI001 formal-request-required [not met, law]" in text
        assert "The agency does not treat a spoken request as a request from the day" in text
        assert isinstance(info.value, ComplianceError)

    def test_allow_tolerates_checks(self) -> None:
        """Allowed selectors do not fail the assertion."""
        purpose = Purpose("p", why="any other purpose", functions=("x",))
        with pytest.raises(ComplianceError):
            assert_complies(purpose, select=["PM002"])
        assert_complies(purpose, select=["PM002"], allow=["catch-all-purpose"])

    def test_min_score(self) -> None:
        """A score below the minimum fails, naming the area."""
        report = dpup.evaluate(dpup.load(BEFORE))
        with pytest.raises(ComplianceError, match="score for Mana Whakahaere"):
            assert_complies(
                report, allow=["PM", "TC", "AI", "SV"], min_score={Principle.MANA_WHAKAHAERE: 90}
            )

    def test_fail_on_review(self) -> None:
        """fail_on=NEEDS_REVIEW also fails on findings that need review."""
        with pytest.raises(ComplianceError, match="needs review"):
            assert_complies(Purpose("p"), select=["PM001"], fail_on=dpup.Status.NEEDS_REVIEW)


class TestPlugin:
    def test_failing_assertion_prints_check_ids(self, pytester: pytest.Pytester) -> None:
        """A failing assert_complies in a user's test prints the failing ids and messages."""
        pytester.makepyfile(
            f"""
            import dpup
            from dpup.testing import assert_complies

            def test_before(dpup_evaluate):
                report = dpup_evaluate(dpup.load({str(BEFORE)!r}))
                assert_complies(report)
            """
        )
        result = pytester.runpytest("-p", "no:cacheprovider")
        result.assert_outcomes(failed=1)
        result.stdout.fnmatch_lines(
            ["*AI001 formal-request-required*does not treat a spoken request*"]
        )
        result.stdout.no_fnmatch_line("*subject_or_report = *")

    @pytest.mark.parametrize("suffix", [".sarif", ".xml"])
    def test_report_option_writes_file(self, pytester: pytest.Pytester, suffix: str) -> None:
        """--dpup-report writes every evaluation of the session to one SARIF or JUnit file."""
        pytester.makepyfile(
            f"""
            import dpup

            def test_one(dpup_evaluate):
                dpup_evaluate(dpup.load({str(BEFORE)!r}))

            def test_two(dpup_evaluate):
                dpup_evaluate(dpup.load({str(AFTER)!r}))
            """
        )
        out = pytester.path / f"out{suffix}"
        result = pytester.runpytest("-p", "no:cacheprovider", f"--dpup-report={out}")
        result.assert_outcomes(passed=2)
        text = out.read_text(encoding="utf-8")
        if suffix == ".sarif":
            data = json.loads(text)
            validate_sarif(data)
            assert 2 == len(data["runs"])
        else:
            assert text.count("<testsuite ") == 2


class TestStrategies:
    @settings(max_examples=25)
    @given(st.from_type(dpup.Collection))
    def test_from_type_is_registered(self, collection: dpup.Collection) -> None:
        """st.from_type works for domain types through Hypothesis' entry point."""
        assert isinstance(collection, dpup.Collection)

    @settings(max_examples=60)
    @given(compliant_activities())
    def test_compliant_activities_have_no_failures(self, activity: dpup.Activity) -> None:
        """No check is NOT_MET on an activity drawn from compliant_activities()."""
        report = dpup.evaluate(activity)
        assert [] == [(f.check_id, f.subject) for f in report.failures()]
        assert () == report.errors

    @settings(max_examples=25)
    @given(st.from_type(dpup.Activity))
    def test_activities_are_valid(self, activity: dpup.Activity) -> None:
        """Generated activities pass the model's reference validation and evaluate cleanly."""
        assert () == dpup.evaluate(activity).errors
