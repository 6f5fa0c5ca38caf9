"""AI013 correction-decision-late: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

import dpup
from dpup import (
    CorrectionRequest,
)
from dpup.checks import BUILTIN_CHECKS
from dpup.law import Basis
from tests.checks.access_to_information._builders import (
    BEFORE_DUE,
    DECISION_DUE,
    DUE,
    IN_TIME,
    LATE,
    MET,
    NA,
    NOT_MET,
    REVIEW,
    WITHIN_EXTENSION,
    _cor,
    _ext,
)
from tests.checks.cases import Case, run_case

CASES = [
    # AI013 correction-decision-late
    Case("ai013-in-time", "AI013", _cor(corrected=True, decided_on=IN_TIME), MET),
    Case("ai013-late", "AI013", _cor(corrected=False, decided_on=LATE), NOT_MET),
    Case(
        "ai013-within-extension",
        "AI013",
        _cor(corrected=True, decided_on=WITHIN_EXTENSION, extension=_ext()),
        MET,
    ),
    Case("ai013-undecided-overdue", "AI013", _cor(), NOT_MET),
    Case("ai013-undecided-in-time", "AI013", _cor(), DUE, as_at=BEFORE_DUE),
    Case("ai013-undecided-on-the-last-day", "AI013", _cor(), DUE, as_at=DECISION_DUE),
    Case("ai013-no-date", "AI013", _cor(corrected=True), REVIEW),
    Case("ai013-no-receipt", "AI013", CorrectionRequest("c", corrected=True), REVIEW),
    # A request passed to another agency under s 62 is that agency's to decide (AI023).
    Case("ai013-transferred", "AI013", _cor(transfer_decided=True), NA),
    Case("ai013-transferred-on", "AI013", _cor(transferred_on=IN_TIME), NA),
    Case("ai013-not-to-transfer", "AI013", _cor(transfer_decided=False), NOT_MET),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """AI013 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses


def test_overdue_request_cites_only_recorded_facts() -> None:
    """An undecided overdue correction cites its receipt, not the decision date it lacks."""
    case = next(c for c in CASES if c.id == "ai013-undecided-overdue")
    (finding,) = run_case(case)
    assert ("received_on",) == tuple(e.rsplit(".", 1)[-1] for e in finding.evidence)


def test_undecided_correction_in_time_is_not_yet_due_with_its_due_date() -> None:
    """An undecided correction within its limit carries its due date and working days left."""
    case = next(c for c in CASES if c.id == "ai013-undecided-in-time")
    (finding,) = run_case(case)
    assert (DUE, DECISION_DUE, 15) == (finding.status, finding.due_on, finding.working_days_left)


def test_a_later_run_turns_the_same_correction_into_a_verdict() -> None:
    """The same undecided correction is not yet due before its limit and not met after it.

    Decided in time, it is met as at the same later date.
    """
    undecided = _cor()
    before = dpup.evaluate(undecided, select=["AI013"], as_at=BEFORE_DUE)
    after = dpup.evaluate(undecided, select=["AI013"], as_at=LATE)
    assert [DUE] == [f.status for f in before.findings]
    assert [NOT_MET] == [f.status for f in after.findings]
    decided = _cor(corrected=True, decided_on=IN_TIME)
    assert [MET] == [
        f.status for f in dpup.evaluate(decided, select=["AI013"], as_at=LATE).findings
    ]


def test_names_its_provision_and_condition() -> None:
    """AI013 is a LAW check naming the correction decision limit and its condition."""
    check = next(c for c in BUILTIN_CHECKS if c.id == "AI013")
    assert (Basis.LAW, "s 63(1)") == (check.basis, check.provision)
    assert "20 working days" in check.condition
