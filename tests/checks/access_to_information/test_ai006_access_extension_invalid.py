"""AI006 access-extension-invalid: its cases, on both sides of the line."""

from __future__ import annotations

from datetime import date

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
    DECISION_DUE,
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
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """AI006 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses


def test_names_its_provision_and_condition() -> None:
    """AI006 is a LAW check naming s 48(3), (4) and its legal condition."""
    check = next(c for c in BUILTIN_CHECKS if c.id == "AI006")
    assert (Basis.LAW, "s 48(3), (4)") == (check.basis, check.provision)
    assert "20 working days" in check.condition
