"""TC012 no-choice-on-capture-or-access: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup import (
    Choice,
)
from dpup.model import (
    ChoiceScope,
)
from tests.checks.cases import Case, run_case
from tests.checks.transparency_and_choice._builders import (
    MET,
    NOT_MET,
    REVIEW,
    _col,
    _notice,
    _on_collection,
)

CASES = [
    # TC012 no-choice-on-capture-or-access
    Case(
        "tc012-both",
        "TC012",
        _col(_notice(capture_choice_offered=True, access_restriction_choice_offered=True)),
        MET,
    ),
    Case(
        "tc012-neither",
        "TC012",
        _col(_notice(capture_choice_offered=False, access_restriction_choice_offered=False)),
        NOT_MET,
    ),
    Case(
        "tc012-one",
        "TC012",
        _col(_notice(capture_choice_offered=False, access_restriction_choice_offered=True)),
        REVIEW,
    ),
    _on_collection(
        "tc012-access-choice-recorded",
        "TC012",
        _col(_notice(capture_choice_offered=True)),
        MET,
        choices=(Choice("c", scope=ChoiceScope.RECIPIENTS),),
    ),
    Case("tc012-unrecorded", "TC012", _col(_notice()), REVIEW),
    Case(
        "tc012-no-access-choice-capture-unknown",
        "TC012",
        _col(_notice(access_restriction_choice_offered=False)),
        REVIEW,
    ),
    _on_collection(
        "tc012-capture-choice-recorded",
        "TC012",
        _col(_notice(access_restriction_choice_offered=True)),
        MET,
        choices=(Choice("cap", scope=ChoiceScope.CAPTURE),),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """TC012 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses
