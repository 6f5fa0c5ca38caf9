"""PM001 purpose-without-authority: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup import (
    Purpose,
)
from dpup.model import (
    LawBasis,
    LawKind,
)
from tests.checks.cases import Case, run_case
from tests.checks.purpose_matters._builders import MET, NOT_MET, REVIEW

CASES = [
    # PM001 purpose-without-authority
    Case("pm001-tied", "PM001", Purpose("p", why="run the programme", functions=("x",)), MET),
    Case(
        "pm001-law",
        "PM001",
        Purpose("p", why="x", law=(LawBasis(LawKind.STATUTE, "Act"),)),
        MET,
    ),
    Case("pm001-blank", "PM001", Purpose("p", why="  "), NOT_MET),
    Case("pm001-none", "PM001", Purpose("p", why="x", functions=(), law=()), NOT_MET),
    Case("pm001-unlinked", "PM001", Purpose("p", why="x"), REVIEW),
    Case("pm001-unrecorded", "PM001", Purpose("p"), REVIEW),
    # PM001: one list recorded empty and the other not recorded is not "no authority" yet
    Case("pm001-no-functions-law-unrecorded", "PM001", Purpose("p", why="x", functions=()), REVIEW),
    Case("pm001-no-law-functions-unrecorded", "PM001", Purpose("p", why="x", law=()), REVIEW),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """PM001 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses
