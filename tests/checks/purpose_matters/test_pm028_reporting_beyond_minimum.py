"""PM028 reporting-beyond-minimum: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup import (
    InformationItem,
)
from tests.checks.cases import Case, run_case
from tests.checks.purpose_matters._builders import (
    _AGG_FIELDS,
    _SPECIFIC,
    AGG,
    MET,
    NA,
    NOT_MET,
    REVIEW,
    _agreement,
    _reporting_context,
)

CASES = [
    # PM028 reporting-beyond-minimum
    Case("pm028-mapped", "PM028", _agreement(fields=_AGG_FIELDS), MET, context=_SPECIFIC),
    Case(
        "pm028-unmapped",
        "PM028",
        _agreement(fields=(InformationItem("extra", purposes=()),)),
        NOT_MET,
        context=_SPECIFIC,
    ),
    Case(
        "pm028-not-agreed",
        "PM028",
        _agreement(fields=(InformationItem("extra", purposes=("q",)),)),
        NOT_MET,
        context=_SPECIFIC,
    ),
    Case(
        "pm028-open-ended",
        "PM028",
        _agreement(fields=_AGG_FIELDS),
        NOT_MET,
        context=_reporting_context("for monitoring and other purposes as required"),
    ),
    Case(
        "pm028-monitoring-only",
        "PM028",
        _agreement(fields=_AGG_FIELDS),
        REVIEW,
        context=_reporting_context("for monitoring"),
    ),
    Case(
        "pm028-monitoring-bounded",
        "PM028",
        _agreement(fields=_AGG_FIELDS),
        MET,
        context=_reporting_context("for monitoring", feeds=("quarterly contract review",)),
    ),
    Case("pm028-unrecorded", "PM028", _agreement(), REVIEW, context=_SPECIFIC),
    Case("pm028-nothing-reported", "PM028", _agreement(fields=()), NA, context=_SPECIFIC),
    Case(
        "pm028-field-purposes-unrecorded",
        "PM028",
        _agreement(fields=(InformationItem("count", identifiability=AGG),)),
        REVIEW,
        context=_SPECIFIC,
    ),
    Case(
        "pm028-agreed-purposes-unrecorded",
        "PM028",
        _agreement(purposes=None, fields=_AGG_FIELDS),
        REVIEW,
        context=_SPECIFIC,
    ),
    Case("pm028-no-context", "PM028", _agreement(fields=_AGG_FIELDS), REVIEW),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """PM028 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses
