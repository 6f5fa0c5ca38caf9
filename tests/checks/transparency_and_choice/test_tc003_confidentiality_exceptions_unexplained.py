"""TC003 confidentiality-exceptions-unexplained: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup import (
    Activity,
    Collection,
)
from dpup.model import (
    Notice,
    SharingGround,
)
from tests.checks.cases import Case, run_case
from tests.checks.transparency_and_choice._builders import (
    _FULL_NOTICE,
    _SHARE_BY_CHOICE,
    MET,
    NA,
    NOT_MET,
    REVIEW,
    _court_disclosure,
)

CASES = [
    # TC003 confidentiality-exceptions-unexplained
    Case(
        "tc003-explained",
        "TC003",
        Activity(
            "a",
            collections=(Collection("c", notice=_FULL_NOTICE),),
            disclosures=(_court_disclosure(ground=SharingGround.OT_S66),),
        ),
        MET,
        path="$.collections[0]",
    ),
    Case(
        "tc003-unexplained",
        "TC003",
        Activity(
            "a",
            collections=(Collection("c", notice=Notice(sharing_exceptions=())),),
            disclosures=(_court_disclosure(ground=SharingGround.COURT_ORDER),),
        ),
        NOT_MET,
        path="$.collections[0]",
    ),
    Case(
        "tc003-unrecorded",
        "TC003",
        Activity(
            "a",
            collections=(Collection("c", notice=Notice()),),
            disclosures=(_court_disclosure(ground=SharingGround.SERIOUS_THREAT),),
        ),
        REVIEW,
        path="$.collections[0]",
    ),
    Case(
        "tc003-no-override",
        "TC003",
        Activity("a", collections=(Collection("c"),)),
        NA,
        path="$.collections[0]",
    ),
    Case(
        "tc003-grounds-from-choices",
        "TC003",
        _SHARE_BY_CHOICE.collections[0],
        MET,
        context=_SHARE_BY_CHOICE,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """TC003 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses
