"""PM024 recipient-access-not-purpose-bound: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

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
    # PM024 recipient-access-not-purpose-bound
    Case(
        "pm024-restricted",
        "PM024",
        _agreement(fields=_IDENT_FIELDS, access_restricted_to_purpose=True),
        MET,
    ),
    Case(
        "pm024-open",
        "PM024",
        _agreement(fields=_IDENT_FIELDS, access_restricted_to_purpose=False),
        NOT_MET,
    ),
    Case("pm024-unrecorded", "PM024", _agreement(fields=_IDENT_FIELDS), REVIEW),
    Case("pm024-counts", "PM024", _agreement(fields=_AGG_FIELDS), NA),
    Case("pm024-fields-unrecorded", "PM024", _agreement(), REVIEW),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """PM024 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses
