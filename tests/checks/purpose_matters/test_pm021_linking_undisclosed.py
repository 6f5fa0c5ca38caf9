"""PM021 linking-undisclosed: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup import (
    Collection,
)
from dpup.model import (
    Notice,
)
from tests.checks.cases import Case, run_case
from tests.checks.purpose_matters._builders import _C0, MET, NA, NOT_MET, REVIEW, _linking

CASES = [
    # PM021 linking-undisclosed
    Case("pm021-stated", "PM021", _linking(("stats nz idi",)), MET, path=_C0),
    Case(
        "pm021-stated-and-explained",
        "PM021",
        _linking(("Stats NZ IDI",), notice=Notice(uses_explained=("p",))),
        MET,
        path=_C0,
    ),
    Case("pm021-unstated", "PM021", _linking(()), NOT_MET, path=_C0),
    Case(
        "pm021-not-explained",
        "PM021",
        _linking(("Stats NZ IDI",), notice=Notice(uses_explained=())),
        NOT_MET,
        path=_C0,
    ),
    Case("pm021-purpose-silent", "PM021", _linking(None), REVIEW, path=_C0),
    Case("pm021-unrecorded", "PM021", Collection("c"), REVIEW),
    Case("pm021-no-linking", "PM021", Collection("c", linking=()), NA),
    Case("pm021-no-context", "PM021", Collection("c", linking=("Stats NZ IDI",)), REVIEW),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """PM021 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses
