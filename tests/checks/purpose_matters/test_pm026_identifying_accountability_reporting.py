"""PM026 identifying-accountability-reporting: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup import (
    InformationItem,
)
from dpup.model import (
    ReportingKind,
)
from tests.checks.cases import Case, run_case
from tests.checks.purpose_matters._builders import (
    _AGG_FIELDS,
    _IDENT_FIELDS,
    MET,
    NA,
    NOT_MET,
    REVIEW,
    _agreement,
)

CASES = [
    # PM026 identifying-accountability-reporting
    Case(
        "pm026-counts",
        "PM026",
        _agreement(reporting=(ReportingKind.SERVICE_DELIVERY,), fields=_AGG_FIELDS),
        MET,
    ),
    Case(
        "pm026-names-no-reason",
        "PM026",
        _agreement(reporting=(ReportingKind.CONTRACT_MANAGEMENT,), fields=_IDENT_FIELDS),
        NOT_MET,
    ),
    Case(
        "pm026-users-would-not-agree",
        "PM026",
        _agreement(
            reporting=(ReportingKind.ACCREDITATION,),
            fields=_IDENT_FIELDS,
            identifying_justification="audit of a sample of files",
            users_would_agree_checked=False,
        ),
        NOT_MET,
    ),
    Case(
        "pm026-names-with-reason",
        "PM026",
        _agreement(
            reporting=(ReportingKind.COMPLIANCE,),
            fields=_IDENT_FIELDS,
            identifying_justification="audit of a sample of files",
            users_would_agree_checked=True,
        ),
        REVIEW,
    ),
    Case("pm026-research", "PM026", _agreement(reporting=(ReportingKind.RESEARCH,)), NA),
    Case("pm026-unrecorded", "PM026", _agreement(), REVIEW),
    Case(
        "pm026-fields-unrecorded",
        "PM026",
        _agreement(reporting=(ReportingKind.COMPLIANCE,)),
        REVIEW,
    ),
    Case(
        "pm026-identifiability-unrecorded",
        "PM026",
        _agreement(
            reporting=(ReportingKind.COMPLIANCE,),
            fields=(InformationItem("x", purposes=("p",)),),
        ),
        REVIEW,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """PM026 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses
