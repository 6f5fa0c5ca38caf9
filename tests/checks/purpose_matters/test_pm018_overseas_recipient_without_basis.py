"""PM018 overseas-recipient-without-basis: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup.model import (
    Ipp12Basis,
    OverseasRecipient,
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
    # PM018 overseas-recipient-without-basis
    Case(
        "pm018-basis",
        "PM018",
        _agreement(
            fields=_IDENT_FIELDS,
            overseas_recipients=(OverseasRecipient("University", "AU", Ipp12Basis.COMPARABLE_LAW),),
        ),
        MET,
    ),
    Case(
        "pm018-no-basis",
        "PM018",
        _agreement(fields=_IDENT_FIELDS, overseas_recipients=(OverseasRecipient("Lab", "US"),)),
        NOT_MET,
    ),
    Case(
        "pm018-agent",
        "PM018",
        _agreement(
            overseas_recipients=(OverseasRecipient("Cloud", "AU", Ipp12Basis.AGENT_STORAGE),)
        ),
        REVIEW,
    ),
    Case("pm018-unrecorded", "PM018", _agreement(fields=_IDENT_FIELDS), REVIEW),
    Case("pm018-none-overseas", "PM018", _agreement(overseas_recipients=()), NA),
    Case("pm018-counts", "PM018", _agreement(fields=_AGG_FIELDS), NA),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """PM018 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses
