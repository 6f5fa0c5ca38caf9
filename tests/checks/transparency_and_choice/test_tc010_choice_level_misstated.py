"""TC010 choice-level-misstated: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup import (
    Collection,
)
from dpup.model import (
    ChoiceLevel,
)
from tests.checks.cases import Case, run_case
from tests.checks.transparency_and_choice._builders import MET, NOT_MET, REVIEW, _col, _notice

CASES = [
    # TC010 choice-level-misstated
    Case(
        "tc010-some-voluntary",
        "TC010",
        _col(_notice(choice_level=ChoiceLevel.SOME), required_by_law=False),
        MET,
    ),
    Case(
        "tc010-none-compulsory",
        "TC010",
        _col(_notice(choice_level=ChoiceLevel.NONE), required_by_law=True),
        MET,
    ),
    Case(
        "tc010-compulsory-as-optional",
        "TC010",
        _col(_notice(choice_level=ChoiceLevel.SOME), required_by_law=True),
        NOT_MET,
    ),
    Case("tc010-silent", "TC010", _col(_notice(choice_stated=False)), NOT_MET),
    Case(
        "tc010-no-choice-overstated",
        "TC010",
        _col(_notice(choice_level=ChoiceLevel.NONE), required_by_law=False),
        REVIEW,
    ),
    Case(
        "tc010-compulsion-unrecorded",
        "TC010",
        _col(_notice(choice_level=ChoiceLevel.LIMITED)),
        REVIEW,
    ),
    Case("tc010-unrecorded", "TC010", _col(_notice()), REVIEW),
    Case("tc010-notice-unrecorded", "TC010", Collection("c"), REVIEW),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """TC010 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses
