"""PM019 purpose-statement-incomplete: its cases, on both sides of the line."""

from __future__ import annotations

import attrs
import pytest

from dpup import (
    Purpose,
)
from tests.checks.cases import Case, run_case
from tests.checks.purpose_matters._builders import _FULL_PURPOSE, MET, NOT_MET, REVIEW

CASES = [
    # PM019 purpose-statement-incomplete
    Case("pm019-complete", "PM019", _FULL_PURPOSE, MET),
    Case(
        "pm019-no-choice-declared",
        "PM019",
        attrs.evolve(_FULL_PURPOSE, choices=None, no_choice_declared=True),
        MET,
    ),
    Case("pm019-blank-what", "PM019", attrs.evolve(_FULL_PURPOSE, what=""), NOT_MET),
    Case(
        "pm019-no-transparency",
        "PM019",
        attrs.evolve(_FULL_PURPOSE, transparency=None),
        REVIEW,
    ),
    Case("pm019-no-law", "PM019", attrs.evolve(_FULL_PURPOSE, law=()), REVIEW),
    Case("pm019-unrecorded", "PM019", Purpose("p"), REVIEW),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """PM019 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses
