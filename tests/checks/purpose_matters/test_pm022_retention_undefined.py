"""PM022 retention-undefined: its cases, on both sides of the line."""

from __future__ import annotations

from datetime import date

import attrs
import pytest

from dpup import (
    Collection,
)
from dpup.model import (
    Retention,
)
from tests.checks.cases import Case, run_case
from tests.checks.purpose_matters._builders import _AGG, _ITEM, MET, NA, NOT_MET, REVIEW, _retained

CASES = [
    # PM022 retention-undefined
    Case(
        "pm022-kept-to",
        "PM022",
        Collection(
            "c",
            items=(_ITEM,),
            retention=Retention(84, "records schedule", oldest_record_months=12),
        ),
        MET,
    ),
    Case(
        "pm022-not-started",
        "PM022",
        Collection(
            "c",
            items=(_ITEM,),
            collected_on=date(2026, 7, 1),
            retention=Retention(12, "until linking is done"),
        ),
        MET,
    ),
    Case(
        "pm022-overdue",
        "PM022",
        Collection("c", items=(_ITEM,), retention=Retention(84, "x", oldest_record_months=120)),
        NOT_MET,
    ),
    Case(
        "pm022-overdue-with-reason",
        "PM022",
        Collection(
            "c",
            items=(_ITEM,),
            retention=Retention(
                84, "x", oldest_record_months=120, overdue_reason="litigation hold"
            ),
        ),
        REVIEW,
    ),
    Case(
        "pm022-age-unknown",
        "PM022",
        Collection("c", items=(_ITEM,), retention=Retention(84, "records schedule")),
        REVIEW,
    ),
    Case("pm022-unrecorded", "PM022", Collection("c", items=(_ITEM,)), REVIEW),
    Case("pm022-counts", "PM022", Collection("c", items=(_AGG,)), NA),
    Case(
        "pm022-oldest-at-the-period",
        "PM022",
        _retained(period_months=12, oldest_record_months=12, basis="records schedule"),
        MET,
    ),
    Case(
        "pm022-basis-unrecorded",
        "PM022",
        _retained(period_months=12, oldest_record_months=6),
        REVIEW,
    ),
    Case(
        "pm022-starts-today",
        "PM022",
        attrs.evolve(
            _retained(period_months=12, basis="records schedule"), collected_on=date(2026, 6, 1)
        ),
        REVIEW,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """PM022 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses
