"""AI024 access-practice-not-recorded: its cases, on both sides of the line."""

from __future__ import annotations

import attrs
import pytest

from dpup import AccessPractice, Activity, Collection, InformationItem, Purpose, evaluate
from dpup.findings import Status
from tests.checks.access_to_information._builders import MET, NA, REVIEW
from tests.checks.cases import AS_AT, Case, run_case

_HOLDS = Activity(
    "a",
    purposes=(Purpose("p"),),
    collections=(Collection("c", items=(InformationItem("name", purposes=("p",)),)),),
)

CASES = [
    # AI024 access-practice-not-recorded
    Case("ai024-recorded", "AI024", attrs.evolve(_HOLDS, access_practice=AccessPractice()), MET),
    Case("ai024-missing", "AI024", _HOLDS, REVIEW),
    Case("ai024-nothing-collected", "AI024", Activity("a", purposes=(Purpose("p"),)), NA),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """AI024 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses


def test_asks_once_for_the_whole_part() -> None:
    """A missing practice is asked for once, at its path; the checks of its parts stay silent."""
    report = evaluate(_HOLDS, as_at=AS_AT, select=["AI"])
    asking = [f for f in report.findings if "$.access_practice" in f.evidence]
    assert [("AI024", Status.NEEDS_REVIEW)] == [(f.check_id, f.status) for f in asking]
    assert ("$.access_practice",) == asking[0].evidence
    practice_checks = {"AI001", "AI002", "AI003", "AI017", "AI018", "AI019", "AI020", "AI021"}
    assert not practice_checks & {f.check_id for f in report.findings}


def test_is_a_question_to_record() -> None:
    """The missing practice is one fact to record in the report's questions."""
    report = evaluate(_HOLDS, as_at=AS_AT, select=["AI024"])
    (question,) = report.questions(_HOLDS)
    assert ("$.access_practice", "access_practice", 1) == (
        question.path,
        question.part,
        question.settles,
    )


def test_never_a_breach() -> None:
    """Good practice: never a legal breach, and never not met."""
    report = evaluate(_HOLDS, as_at=AS_AT, select=["AI024"])
    assert () == report.legal_breaches()
    assert () == report.failures()
