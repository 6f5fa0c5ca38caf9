"""TC002 vague-recipients: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup import (
    Activity,
    Collection,
)
from dpup.model import (
    Notice,
)
from tests.checks.cases import Case, run_case
from tests.checks.transparency_and_choice._builders import (
    _FULL_NOTICE,
    MET,
    NA,
    NOT_MET,
    REVIEW,
    _col,
    _court_disclosure,
    _notice,
)

CASES = [
    # TC002 vague-recipients
    Case("tc002-named", "TC002", Collection("c", notice=_FULL_NOTICE), MET),
    Case(
        "tc002-relevant-agencies",
        "TC002",
        Collection("c", notice=Notice(recipients=("Relevant Agencies",))),
        NOT_MET,
    ),
    Case(
        "tc002-none-named-but-disclosed",
        "TC002",
        Activity(
            "a",
            collections=(Collection("c", notice=Notice(recipients=())),),
            disclosures=(_court_disclosure(),),
        ),
        NOT_MET,
        path="$.collections[0]",
    ),
    Case("tc002-unrecorded", "TC002", Collection("c", notice=Notice()), REVIEW),
    Case("tc002-none-named-none-shared", "TC002", _col(_notice(recipients=())), NA),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """TC002 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses
