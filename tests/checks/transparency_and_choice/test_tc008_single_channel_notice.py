"""TC008 single-channel-notice: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup.model import (
    Channel,
)
from tests.checks.cases import Case, run_case
from tests.checks.transparency_and_choice._builders import MET, NOT_MET, REVIEW, _col, _notice

CASES = [
    # TC008 single-channel-notice
    Case(
        "tc008-form-and-talk",
        "TC008",
        _col(_notice(channels=(Channel.FORM, Channel.CONVERSATION))),
        MET,
    ),
    Case("tc008-form-only", "TC008", _col(_notice(channels=(Channel.FORM,))), NOT_MET),
    Case("tc008-nothing", "TC008", _col(_notice(channels=())), NOT_MET),
    Case(
        "tc008-talk-only",
        "TC008",
        _col(_notice(channels=(Channel.CONVERSATION,))),
        REVIEW,
    ),
    Case(
        "tc008-written-only",
        "TC008",
        _col(_notice(channels=(Channel.FORM, Channel.BROCHURE))),
        REVIEW,
    ),
    Case("tc008-unrecorded", "TC008", _col(_notice()), REVIEW),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """TC008 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses
