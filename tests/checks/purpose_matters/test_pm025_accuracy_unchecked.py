"""PM025 accuracy-unchecked: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

import dpup
from dpup.checks import BUILTIN_CHECKS
from tests.checks.cases import Case, run_case
from tests.checks.purpose_matters._builders import MET, NA, NOT_MET, REVIEW, _disclosure, _use

CASES = [
    # PM025 accuracy-unchecked
    Case(
        "pm025-checked",
        "PM025",
        _disclosure(identifiable=True, feeds_decision=True, accuracy_checked=True),
        MET,
    ),
    Case("pm025-checked-use", "PM025", _use(identifiable=True, accuracy_checked=True), MET),
    Case(
        "pm025-unchecked",
        "PM025",
        _disclosure(identifiable=True, feeds_decision=True, accuracy_checked=False),
        NOT_MET,
    ),
    # IPP8 applies before any use or disclosure, not only one that feeds a decision.
    Case(
        "pm025-unchecked-no-decision",
        "PM025",
        _disclosure(identifiable=True, feeds_decision=False, accuracy_checked=False),
        NOT_MET,
    ),
    Case(
        "pm025-unchecked-decision-unrecorded",
        "PM025",
        _disclosure(identifiable=True, accuracy_checked=False),
        NOT_MET,
    ),
    Case("pm025-unchecked-use", "PM025", _use(identifiable=True, accuracy_checked=False), NOT_MET),
    Case("pm025-check-unrecorded", "PM025", _use(feeds_decision=True), REVIEW),
    Case("pm025-nothing-recorded", "PM025", _disclosure(), REVIEW),
    Case("pm025-no-decision-unrecorded", "PM025", _disclosure(feeds_decision=False), REVIEW),
    # No check, but whether it is personal information at all is not recorded.
    Case("pm025-identifiable-unrecorded", "PM025", _disclosure(accuracy_checked=False), REVIEW),
    Case("pm025-checked-identifiable-unrecorded", "PM025", _use(accuracy_checked=True), MET),
    Case("pm025-not-identifying", "PM025", _disclosure(identifiable=False), NA),
    Case(
        "pm025-not-identifying-unchecked",
        "PM025",
        _use(identifiable=False, accuracy_checked=False),
        NA,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """PM025 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses


def test_not_met_rests_on_recorded_facts() -> None:
    """The breach cites the recorded absence of a check and that the information identifies."""
    disclosure = _disclosure(identifiable=True, feeds_decision=False, accuracy_checked=False)
    [finding] = dpup.evaluate(disclosure, select=["PM025"]).legal_breaches()
    assert ("$.accuracy_checked", "$.identifiable") == finding.evidence


def test_states_all_five_qualities() -> None:
    """The legal condition names IPP8's qualities, relevance among them, and no decision gate."""
    [check] = [c for c in BUILTIN_CHECKS if c.id == "PM025"]
    assert "IPP8" == check.provision
    for quality in ("accurate", "up to date", "complete", "relevant", "not misleading"):
        assert quality in check.condition
        assert quality in check.remediation
    assert "decision" not in check.condition
