"""AI005 access-decision-late: its cases, on both sides of the line."""

from __future__ import annotations

from datetime import date

import pytest

import dpup
from dpup import (
    AccessRequest,
)
from dpup.checks import BUILTIN_CHECKS
from dpup.law import Basis
from dpup.model import (
    AccessDecision,
)
from tests.checks.access_to_information._builders import (
    BEFORE_DUE,
    DECISION_DUE,
    DUE,
    EXTENDED_DUE,
    IN_TIME,
    LATE,
    MET,
    NA,
    NOT_MET,
    RECEIVED,
    REVIEW,
    WITHIN_EXTENSION,
    _ext,
    _released,
    _req,
)
from tests.checks.cases import Case, run_case

CASES = [
    # AI005 access-decision-late
    Case("ai005-in-time", "AI005", _released(), MET),
    Case(
        "ai005-on-the-last-day",
        "AI005",
        _req(decision=AccessDecision.RELEASE, decided_on=DECISION_DUE),
        MET,
    ),
    Case("ai005-late", "AI005", _req(decision=AccessDecision.RELEASE, decided_on=LATE), NOT_MET),
    Case(
        "ai005-within-valid-extension",
        "AI005",
        _req(decision=AccessDecision.PARTIAL, decided_on=WITHIN_EXTENSION, extension=_ext()),
        MET,
    ),
    Case(
        "ai005-after-extension",
        "AI005",
        _req(
            decision=AccessDecision.RELEASE,
            decided_on=date(2025, 2, 26),
            extension=_ext(),
        ),
        NOT_MET,
    ),
    Case(
        "ai005-invalid-extension",
        "AI005",
        _req(
            decision=AccessDecision.RELEASE,
            decided_on=WITHIN_EXTENSION,
            extension=_ext(reasons_given=False),
        ),
        NOT_MET,
    ),
    Case(
        "ai005-extension-unclear",
        "AI005",
        _req(
            decision=AccessDecision.RELEASE,
            decided_on=WITHIN_EXTENSION,
            extension=_ext(ground=None),
        ),
        REVIEW,
    ),
    Case("ai005-undecided-overdue", "AI005", _req(), NOT_MET),
    Case("ai005-undecided-in-time", "AI005", _req(), DUE, as_at=BEFORE_DUE),
    Case(
        "ai005-undecided-extension-unclear",
        "AI005",
        _req(extension=_ext(ground=None)),
        REVIEW,
        as_at=WITHIN_EXTENSION,
    ),
    Case("ai005-decided-no-date", "AI005", _req(decision=AccessDecision.REFUSE), REVIEW),
    Case("ai005-no-receipt", "AI005", AccessRequest("r", decided_on=IN_TIME), REVIEW),
    Case(
        "ai005-before-calendar",
        "AI005",
        AccessRequest("r", received_on=date(1999, 12, 1), decided_on=date(1999, 12, 2)),
        REVIEW,
    ),
    Case(
        "ai005-dated-before-receipt",
        "AI005",
        _req(decision=AccessDecision.RELEASE, decided_on=date(2024, 12, 1)),
        REVIEW,
    ),
    Case("ai005-transferred", "AI005", _req(decision=AccessDecision.TRANSFER), NA),
    Case(
        "ai005-receipt-unrecorded",
        "AI005",
        AccessRequest("r", decision=AccessDecision.RELEASE),
        REVIEW,
    ),
    Case("ai005-undecided-on-the-last-day", "AI005", _req(), DUE, as_at=DECISION_DUE),
    Case(
        "ai005-undecided-in-time-valid-extension",
        "AI005",
        _req(extension=_ext()),
        DUE,
        as_at=WITHIN_EXTENSION,
    ),
    Case(
        "ai005-undecided-on-a-pending-extension-last-day",
        "AI005",
        _req(extension=_ext(ground=None)),
        REVIEW,
        as_at=EXTENDED_DUE,
    ),
    Case(
        "ai005-undecided-invalid-extension",
        "AI005",
        _req(extension=_ext(reasons_given=False)),
        NOT_MET,
        as_at=WITHIN_EXTENSION,
    ),
    Case(
        "ai005-decided-on-receipt",
        "AI005",
        _req(decision=AccessDecision.RELEASE, decided_on=RECEIVED),
        MET,
    ),
    Case(
        "ai005-decided-on-extended-last-day",
        "AI005",
        _req(decision=AccessDecision.RELEASE, decided_on=EXTENDED_DUE, extension=_ext()),
        MET,
    ),
    Case(
        "ai005-decided-on-pending-extension-last-day",
        "AI005",
        _req(decision=AccessDecision.RELEASE, decided_on=EXTENDED_DUE, extension=_ext(ground=None)),
        REVIEW,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """AI005 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses


def test_overdue_request_cites_only_recorded_facts() -> None:
    """An undecided overdue request cites its receipt, not the decision date it lacks."""
    case = next(c for c in CASES if c.id == "ai005-undecided-overdue")
    (finding,) = run_case(case)
    assert ("received_on",) == tuple(e.rsplit(".", 1)[-1] for e in finding.evidence)


def test_undecided_request_in_time_is_not_yet_due_with_its_due_date() -> None:
    """An undecided request within its limit is not yet due, with due date and days left.

    It is neither a failure nor something to review, so it carries no remediation.
    """
    case = next(c for c in CASES if c.id == "ai005-undecided-in-time")
    (finding,) = run_case(case)
    # 20 January 2025 to 11 February 2025: 16 weekdays, less Waitangi Day (6 February).
    assert (DUE, DECISION_DUE, 15) == (finding.status, finding.due_on, finding.working_days_left)
    assert finding.remediation is None
    last_day = next(c for c in CASES if c.id == "ai005-undecided-on-the-last-day")
    (finding,) = run_case(last_day)
    assert (DECISION_DUE, 0) == (finding.due_on, finding.working_days_left)


def test_valid_extension_moves_the_due_date() -> None:
    """Within a valid extension, the obligation falls due on the extended date."""
    case = next(c for c in CASES if c.id == "ai005-undecided-in-time-valid-extension")
    (finding,) = run_case(case)
    assert EXTENDED_DUE == finding.due_on


def test_a_later_run_turns_the_same_request_into_a_verdict() -> None:
    """The same undecided request is not yet due before its limit and not met after it.

    With its decision recorded in time, the later run finds it met, by the same rules.
    """
    undecided = _req()
    before = dpup.evaluate(undecided, select=["AI005"], as_at=BEFORE_DUE)
    after = dpup.evaluate(undecided, select=["AI005"], as_at=LATE)
    assert [DUE] == [f.status for f in before.findings]
    assert [NOT_MET] == [f.status for f in after.findings]
    assert (None, None) == (after.findings[0].due_on, after.findings[0].working_days_left)
    decided = _req(decision=AccessDecision.RELEASE, decided_on=IN_TIME)
    assert [MET] == [
        f.status for f in dpup.evaluate(decided, select=["AI005"], as_at=LATE).findings
    ]


def test_names_its_provision_and_condition() -> None:
    """AI005 is a LAW check naming s 44(1) and its condition."""
    check = next(c for c in BUILTIN_CHECKS if c.id == "AI005")
    assert (Basis.LAW, "s 44(1)") == (check.basis, check.provision)
    assert "20 working days" in check.condition
