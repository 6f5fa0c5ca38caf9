"""PM038 security-not-reviewed: its cases, on both sides of the line."""

from __future__ import annotations

from datetime import date

import pytest

from dpup import Activity, Basis, LegalRef, Settings, evaluate
from dpup.checks import BUILTIN_CHECKS
from dpup.model import SecurityReview
from dpup.serde import structure, unstructure
from tests.checks.cases import AS_AT, Case, run_case
from tests.checks.purpose_matters._builders import MET, NOT_MET, REVIEW


def _reviewed(last_on: date | None, *, tools: bool | None = True) -> Activity:
    return Activity("a", security_review=SecurityReview(last_on=last_on, staff_tools_checked=tools))


CASES = [
    # PM038 security-not-reviewed (evaluated as at 1 June 2026)
    Case("pm038-recent", "PM038", _reviewed(date(2026, 1, 10)), MET),
    Case("pm038-a-year-to-the-day", "PM038", _reviewed(date(2025, 6, 1)), MET),
    Case("pm038-on-the-day", "PM038", _reviewed(AS_AT), MET),
    Case("pm038-a-day-too-old", "PM038", _reviewed(date(2025, 5, 31)), NOT_MET),
    Case("pm038-old-tools-unknown", "PM038", _reviewed(date(2023, 5, 1), tools=None), NOT_MET),
    Case("pm038-tools-left-out", "PM038", _reviewed(date(2026, 1, 10), tools=False), NOT_MET),
    Case(
        "pm038-shorter-interval-setting",
        "PM038",
        _reviewed(date(2026, 3, 1)),
        NOT_MET,
        settings=Settings(security_review_interval_days=30),
    ),
    Case("pm038-tools-unrecorded", "PM038", _reviewed(date(2026, 1, 10), tools=None), REVIEW),
    Case("pm038-date-unrecorded", "PM038", _reviewed(None), REVIEW),
    Case("pm038-no-review-recorded", "PM038", Activity("a"), REVIEW),
    Case("pm038-dated-after-as-at", "PM038", _reviewed(date(2026, 6, 2)), REVIEW),
    Case(
        "pm038-met-at-a-later-date",
        "PM038",
        _reviewed(date(2026, 6, 2)),
        MET,
        as_at=date(2026, 7, 1),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """PM038 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses


def test_old_review_cites_only_its_date() -> None:
    """An old review is failed on its recorded date alone, whatever else is recorded."""
    report = evaluate(_reviewed(date(2024, 1, 1), tools=None), select=["PM038"], as_at=AS_AT)
    (finding,) = report.findings
    assert ("$.security_review.last_on",) == finding.evidence


def test_good_practice_not_law() -> None:
    """PM038 is good practice: IPP5 is its hook, and it names no provision or condition."""
    (finding,) = evaluate(_reviewed(date(2020, 1, 1)), select=["PM038"], as_at=AS_AT).findings
    assert Basis.GOOD_PRACTICE is finding.basis
    assert (LegalRef.IPP5,) == finding.legal_refs
    (pm038,) = [c for c in BUILTIN_CHECKS if c.id == "PM038"]
    assert ("", "") == (pm038.provision, pm038.condition)


def test_the_review_survives_a_round_trip() -> None:
    """A security review is written and read back unchanged, its date included."""
    activity = _reviewed(date(2026, 1, 10), tools=False)
    assert activity == structure(unstructure(activity), Activity)
