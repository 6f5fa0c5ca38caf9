"""AI006 access-extension-invalid: its cases, on both sides of the line."""

from __future__ import annotations

from datetime import date

import attrs
import pytest

from dpup import (
    AccessRequest,
)
from dpup.checks import BUILTIN_CHECKS
from dpup.law import Basis
from dpup.model import (
    AccessDecision,
    Extension,
)
from tests.checks.access_to_information._builders import (
    BEFORE_DUE,
    DECISION_DUE,
    DUE,
    LATE,
    MET,
    NA,
    NOT_MET,
    REVIEW,
    _ext,
    _req,
)
from tests.checks.cases import Case, run_case

CASES = [
    # AI006 access-extension-invalid
    Case("ai006-none", "AI006", _req(), NA),
    Case("ai006-valid", "AI006", _req(extension=_ext()), MET),
    # The same notice rules hold when the extension is of the transfer limit (s 48(1)).
    Case(
        "ai006-valid-on-transfer",
        "AI006",
        _req(decision=AccessDecision.TRANSFER, extension=_ext(notice_on=date(2025, 1, 23))),
        MET,
    ),
    Case(
        "ai006-late-on-transfer",
        "AI006",
        _req(decision=AccessDecision.TRANSFER, extension=_ext(notice_on=LATE)),
        NOT_MET,
    ),
    Case("ai006-on-last-day", "AI006", _req(extension=_ext(notice_on=DECISION_DUE)), MET),
    Case("ai006-late-notice", "AI006", _req(extension=_ext(notice_on=LATE)), NOT_MET),
    Case("ai006-no-reasons", "AI006", _req(extension=_ext(reasons_given=False)), NOT_MET),
    Case(
        "ai006-no-complaint-right",
        "AI006",
        _req(extension=_ext(complaint_right_stated=False)),
        NOT_MET,
    ),
    Case("ai006-no-period", "AI006", _req(extension=_ext(period_days=0)), NOT_MET),
    Case("ai006-ground-unrecorded", "AI006", _req(extension=_ext(ground=None)), REVIEW),
    Case("ai006-long", "AI006", _req(extension=_ext(period_days=30)), REVIEW),
    Case("ai006-no-receipt", "AI006", AccessRequest("r", extension=_ext()), REVIEW),
    Case(
        "ai006-before-calendar",
        "AI006",
        AccessRequest("r", received_on=date(1999, 1, 4), extension=_ext()),
        REVIEW,
    ),
    Case(
        "ai006-receipt-unrecorded",
        "AI006",
        AccessRequest("r", extension=Extension(period_days=10)),
        REVIEW,
    ),
    Case("ai006-longest-reasonable", "AI006", _req(extension=_ext(period_days=20)), MET),
    # An extension recorded with no notice date yet: the notice can still be given in time.
    Case(
        "ai006-notice-not-yet-given",
        "AI006",
        _req(extension=_ext(notice_on=None)),
        DUE,
        as_at=BEFORE_DUE,
    ),
    Case(
        "ai006-notice-not-yet-given-last-day",
        "AI006",
        _req(extension=_ext(notice_on=None)),
        DUE,
        as_at=DECISION_DUE,
    ),
    # Once the time for the notice has passed, the missing date is asked for.
    Case("ai006-notice-date-unrecorded", "AI006", _req(extension=_ext(notice_on=None)), REVIEW),
    # A recorded defect is not met at once, whether or not the notice's time has passed.
    Case(
        "ai006-notice-not-yet-given-defective",
        "AI006",
        _req(extension=_ext(notice_on=None, reasons_given=False)),
        NOT_MET,
        as_at=BEFORE_DUE,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """AI006 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses


def test_notice_not_yet_given_falls_due_with_the_notice_limit() -> None:
    """An extension with no notice date yet falls due on the last day for the notice.

    The same record, evaluated as at a date after that day, asks for the notice's date.
    """
    case = next(c for c in CASES if c.id == "ai006-notice-not-yet-given")
    (finding,) = run_case(case)
    # The notice limit is 20 working days after receipt, the same day as the decision limit.
    assert (DUE, DECISION_DUE, 15) == (finding.status, finding.due_on, finding.working_days_left)
    later = attrs.evolve(case, as_at=LATE)
    assert [REVIEW] == [f.status for f in run_case(later)]


def test_names_its_provision_and_condition() -> None:
    """AI006 is a LAW check naming s 48(3), (4) and its legal condition."""
    check = next(c for c in BUILTIN_CHECKS if c.id == "AI006")
    assert (Basis.LAW, "s 48(3), (4)") == (check.basis, check.provision)
    assert "20 working days" in check.condition
