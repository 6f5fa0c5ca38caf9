"""AI004 correction-recipients-not-told: its cases, on both sides of the line."""

from __future__ import annotations

from datetime import date

import pytest

from dpup import (
    Activity,
    CorrectionRequest,
    SharingAgreement,
)
from dpup.checks import BUILTIN_CHECKS
from dpup.law import Basis
from dpup.model import (
    FlowKind,
    SharingGround,
)
from tests.checks.access_to_information._builders import (
    _ALL,
    _COR,
    _COURT,
    _REPORT,
    IN_TIME,
    MET,
    NA,
    NOT_MET,
    REVIEW,
    _cor,
    _late_unlisted,
    _sent,
    _three,
)
from tests.checks.cases import Case, run_case

CASES = [
    # AI004 correction-recipients-not-told (alone, by ids)
    Case(
        "ai004-all-told",
        "AI004",
        CorrectionRequest(
            "r", corrected=True, disclosures=("a", "b", "c"), notified=("a", "b", "c")
        ),
        MET,
    ),
    Case(
        "ai004-one-of-three",
        "AI004",
        CorrectionRequest("r", corrected=True, disclosures=("a", "b", "c"), notified=("a",)),
        NOT_MET,
    ),
    Case(
        "ai004-reason",
        "AI004",
        CorrectionRequest(
            "r",
            corrected=True,
            disclosures=("a", "b"),
            notified=("a",),
            not_notified_reason="recipient closed",
        ),
        REVIEW,
    ),
    Case("ai004-not-corrected", "AI004", CorrectionRequest("r", corrected=False), NA),
    Case("ai004-undecided", "AI004", CorrectionRequest("r"), NA),
    Case(
        "ai004-decided-outcome-unrecorded",
        "AI004",
        CorrectionRequest("r", decided_on=IN_TIME),
        REVIEW,
    ),
    Case(
        "ai004-never-disclosed", "AI004", CorrectionRequest("r", corrected=True, disclosures=()), NA
    ),
    Case(
        "ai004-statement-attached",
        "AI004",
        CorrectionRequest(
            "r", corrected=False, statement_attached=True, disclosures=("a",), notified=("a",)
        ),
        MET,
    ),
    # AI004 through an activity's disclosures
    Case("ai004-activity-all-told", "AI004", _three(_ALL), MET, path=_COR),
    Case("ai004-activity-one-told", "AI004", _three(("to-court",)), NOT_MET, path=_COR),
    Case(
        "ai004-activity-none-told",
        "AI004",
        _three(()),
        NOT_MET,
        path=_COR,
    ),
    Case(
        "ai004-same-recipient-twice",
        "AI004",
        _three(
            _ALL,
            _sent("to-court-again", _COURT),
            disclosures=(*_ALL, "to-court-again"),
        ),
        MET,
        path=_COR,
    ),
    Case(
        "ai004-internal-use-needs-no-notice",
        "AI004",
        _three(
            _ALL,
            _sent("team-use", "CCSS team", kind=FlowKind.USE),
            disclosures=(*_ALL, "team-use"),
        ),
        MET,
        path=_COR,
    ),
    Case(
        "ai004-to-person-needs-no-notice",
        "AI004",
        _three(
            _ALL,
            _sent("to-james", "the parent", ground=SharingGround.TO_PERSON),
            disclosures=(*_ALL, "to-james"),
        ),
        MET,
        path=_COR,
    ),
    Case(
        "ai004-only-internal",
        "AI004",
        _three((), _sent("team-use", "CCSS team", kind=FlowKind.USE), disclosures=("team-use",)),
        NA,
        path=_COR,
    ),
    Case(
        "ai004-unlisted-disclosure",
        "AI004",
        _three(_ALL, _sent("to-police", "NZ Police"), items=("report",)),
        REVIEW,
        path=_COR,
    ),
    Case(
        "ai004-unlisted-after-decision",
        "AI004",
        _three(_ALL, _sent("later", "NZ Police", on=date(2026, 5, 1)), items=("report",)),
        MET,
        path=_COR,
    ),
    Case(
        "ai004-unlisted-on-the-decision-day",
        "AI004",
        _three(_ALL, _sent("same-day", "NZ Police", on=date(2026, 3, 27)), items=("report",)),
        REVIEW,
        path=_COR,
    ),
    Case(
        "ai004-items-named-without-activity",
        "AI004",
        CorrectionRequest(
            "r", corrected=True, items=("report",), disclosures=("a",), notified=("a",)
        ),
        MET,
    ),
    Case("ai004-disclosures-unrecorded", "AI004", _cor(corrected=True), REVIEW),
    Case("ai004-no-context", "AI004", _cor(corrected=True, disclosures=("d",)), REVIEW),
    Case(
        "ai004-notified-unrecorded",
        "AI004",
        Activity(
            "a",
            agreements=(SharingAgreement("g", fields=(_REPORT,)),),
            disclosures=(_sent("to-court", _COURT),),
            correction_requests=(_cor(corrected=True, disclosures=("to-court",)),),
        ),
        REVIEW,
        path=_COR,
    ),
    Case(
        "ai004-unlisted-internal-use",
        "AI004",
        _three(_ALL, _sent("team", "CCSS team", kind=FlowKind.USE), items=("report",)),
        MET,
        path=_COR,
    ),
    Case("ai004-unlisted-undated", "AI004", _late_unlisted(on=None), REVIEW, path=_COR),
    Case(
        "ai004-unlisted-undecided",
        "AI004",
        _three(_ALL, _sent("to-police", "NZ Police"), items=("report",), decided_on=None),
        REVIEW,
        path=_COR,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """AI004 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses


def test_names_its_provision_and_condition() -> None:
    """AI004 is a LAW check naming IPP7(5) and its legal condition."""
    check = next(c for c in BUILTIN_CHECKS if c.id == "AI004")
    assert (Basis.LAW, "IPP7(5)") == (check.basis, check.provision)
    assert "reasonably practicable" in check.condition
