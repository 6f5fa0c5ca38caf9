"""AI025 response-commitment-beyond-limit: its cases, on both sides of the line."""

from __future__ import annotations

from datetime import date

import attrs
import pytest

from dpup import (
    AccessPractice,
    AccessRequest,
    Activity,
    CorrectionRequest,
    InputError,
    Purpose,
    evaluate,
    loads,
    structure,
    unstructure,
)
from dpup.checks import BUILTIN_CHECKS
from dpup.law import Basis, LegalRef
from tests.checks.access_to_information._builders import MET, NA, NOT_MET, REVIEW
from tests.checks.cases import AS_AT, Case, run_case

_BARE = Activity("a", purposes=(Purpose("p"),))


def _promise(days: int | None) -> Activity:
    """Return the bare activity with an access practice committing to ``days``."""
    return attrs.evolve(_BARE, access_practice=AccessPractice(response_working_days=days))


CASES = [
    # AI025 response-commitment-beyond-limit
    Case("ai025-ten-days", "AI025", _promise(10), MET),
    Case("ai025-twenty-days", "AI025", _promise(20), MET),
    Case("ai025-same-day", "AI025", _promise(0), MET),
    Case("ai025-twenty-one-days", "AI025", _promise(21), NOT_MET),
    Case("ai025-thirty-days", "AI025", _promise(30), NOT_MET),
    Case("ai025-practice-silent", "AI025", _promise(None), REVIEW),
    # A request recorded without any practice: the commitment is still asked for.
    Case(
        "ai025-request-no-practice",
        "AI025",
        attrs.evolve(_BARE, access_requests=(AccessRequest("r", received_on=date(2026, 5, 1)),)),
        REVIEW,
    ),
    Case(
        "ai025-correction-no-practice",
        "AI025",
        attrs.evolve(_BARE, correction_requests=(CorrectionRequest("c"),)),
        REVIEW,
    ),
    Case("ai025-nothing-recorded", "AI025", _BARE, NA),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """AI025 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses


def test_not_met_points_at_the_commitment() -> None:
    """The NOT_MET rests on the recorded commitment, and its text does not echo the number."""
    (finding,) = run_case(CASES[3])
    assert ("$.access_practice.response_working_days",) == finding.evidence
    assert "21" not in finding.message


def test_unrecorded_names_the_field() -> None:
    """Not recorded: one fact to record, at the commitment's path."""
    report = evaluate(_promise(None), as_at=AS_AT, select=["AI025"])
    (question,) = report.questions(_promise(None))
    assert question.path == "$.access_practice.response_working_days"


def test_good_practice_citing_s44() -> None:
    """A commitment is a practice, not a late request: good practice that cites s 44 and s 48."""
    check = next(c for c in BUILTIN_CHECKS if c.id == "AI025")
    assert check.basis is Basis.GOOD_PRACTICE
    assert {LegalRef.PA_S44, LegalRef.PA_S48} <= set(check.legal_refs)
    report = evaluate(_promise(30), as_at=AS_AT, select=["AI025"])
    assert () == report.legal_breaches()


def test_negative_days_refused_by_path() -> None:
    """A negative number of working days is refused on loading, naming its path."""
    text = 'name = "a"\n[access_practice]\nresponse_working_days = -1\n'
    with pytest.raises(InputError) as info:
        loads(text)
    assert ["$.access_practice.response_working_days"] == [p.path for p in info.value.problems]


def test_round_trip() -> None:
    """The commitment survives a trip through the JSON form."""
    activity = _promise(15)
    assert activity == structure(unstructure(activity), Activity)
