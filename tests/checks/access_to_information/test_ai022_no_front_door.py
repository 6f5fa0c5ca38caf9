"""AI022 no-front-door: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup import (
    AccessPractice,
    Activity,
)
from tests.checks.access_to_information._builders import (
    _AGGREGATE,
    _IDENTIFYING,
    MET,
    NA,
    NOT_MET,
    REVIEW,
    _agreement,
    _front_door,
)
from tests.checks.cases import Case, run_case

CASES = [
    # AI022 no-front-door
    Case("ai022-protocol", "AI022", _agreement(access_protocol=True), MET),
    Case(
        "ai022-no-protocol-identifying",
        "AI022",
        _agreement(access_protocol=False, fields=(_IDENTIFYING,)),
        NOT_MET,
    ),
    Case("ai022-no-protocol-unknown-fields", "AI022", _agreement(access_protocol=False), NOT_MET),
    Case(
        "ai022-aggregate-only",
        "AI022",
        _agreement(access_protocol=False, fields=(_AGGREGATE,)),
        NA,
    ),
    Case(
        "ai022-front-door-practice",
        "AI022",
        Activity(
            "a",
            agreements=(_agreement(),),
            access_practice=AccessPractice(front_door_with=("The Agency",)),
        ),
        MET,
        path="$.agreements[0]",
    ),
    Case("ai022-unrecorded", "AI022", _agreement(fields=(_IDENTIFYING,)), REVIEW),
    Case("ai022-parties-unrecorded", "AI022", _front_door(None), REVIEW, path="$.agreements[0]"),
    Case(
        "ai022-front-door-elsewhere",
        "AI022",
        _front_door(("Oranga Tamariki",)),
        REVIEW,
        path="$.agreements[0]",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """AI022 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses
