"""AI014 correction-extension-invalid: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup.checks import BUILTIN_CHECKS
from dpup.law import Basis
from tests.checks.access_to_information._builders import (
    BEFORE_DUE,
    DECISION_DUE,
    DUE,
    LATE,
    MET,
    NA,
    NOT_MET,
    REVIEW,
    _cor,
    _ext,
)
from tests.checks.cases import Case, run_case

CASES = [
    # AI014 correction-extension-invalid
    Case("ai014-none", "AI014", _cor(), NA),
    Case("ai014-valid", "AI014", _cor(extension=_ext()), MET),
    Case("ai014-late", "AI014", _cor(extension=_ext(notice_on=LATE)), NOT_MET),
    Case(
        "ai014-complaint-unrecorded",
        "AI014",
        _cor(extension=_ext(complaint_right_stated=None)),
        REVIEW,
    ),
    Case(
        "ai014-notice-not-yet-given",
        "AI014",
        _cor(extension=_ext(notice_on=None)),
        DUE,
        as_at=BEFORE_DUE,
    ),
    Case("ai014-notice-date-unrecorded", "AI014", _cor(extension=_ext(notice_on=None)), REVIEW),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """AI014 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses


def test_notice_not_yet_given_then_asked_for() -> None:
    """The same extension with no notice date is not yet due, then, later, asked for."""
    subject = _cor(extension=_ext(notice_on=None))
    before = run_case(Case("before", "AI014", subject, DUE, as_at=BEFORE_DUE))
    after = run_case(Case("after", "AI014", subject, REVIEW, as_at=LATE))
    assert [(DUE, DECISION_DUE)] == [(f.status, f.due_on) for f in before]
    assert [(REVIEW, None)] == [(f.status, f.due_on) for f in after]


def test_names_its_provision_and_condition() -> None:
    """AI014 is a LAW check naming s 65(3), (4) and its legal condition."""
    check = next(c for c in BUILTIN_CHECKS if c.id == "AI014")
    assert (Basis.LAW, "s 65(3), (4)") == (check.basis, check.provision)
    assert "20 working days" in check.condition
