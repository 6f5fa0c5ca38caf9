"""SV013 reporting-purposes-mixed: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup import (
    SharingAgreement,
)
from dpup.model import (
    ReportingKind,
)
from tests.checks.cases import Case, run_case
from tests.checks.sharing_value._builders import (
    _DELIVERY,
    _EVAL,
    _EVAL_AND_DELIVERY,
    MET,
    NA,
    NOT_MET,
    REVIEW,
    _routes,
)

CASES = [
    # SV013 reporting-purposes-mixed
    Case(
        "sv013-separate",
        "SV013",
        _routes((_EVAL, "Evaluation team"), (_DELIVERY, "Contracts team")),
        MET,
    ),
    Case(
        "sv013-same-team",
        "SV013",
        _routes((_EVAL, "Contracts team"), (_DELIVERY, "contracts  TEAM")),
        NOT_MET,
    ),
    Case("sv013-route-missing", "SV013", _routes((_EVAL, "Evaluation team")), REVIEW),
    Case(
        "sv013-routes-unrecorded",
        "SV013",
        SharingAgreement("g", reporting=_EVAL_AND_DELIVERY),
        REVIEW,
    ),
    Case(
        "sv013-delivery-only",
        "SV013",
        SharingAgreement("g", reporting=(ReportingKind.SERVICE_DELIVERY,)),
        NA,
    ),
    Case("sv013-unrecorded", "SV013", SharingAgreement("g"), REVIEW),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """SV013 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses
