"""AI008 request-form-imposed: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup.model import (
    RequestChannel,
)
from tests.checks.access_to_information._builders import MET, NOT_MET, REVIEW, _released, _req
from tests.checks.cases import Case, run_case

CASES = [
    # AI008 request-form-imposed
    Case("ai008-as-made", "AI008", _req(required_writing=False, required_lawyer=False), MET),
    Case("ai008-writing", "AI008", _req(required_writing=True), NOT_MET),
    Case("ai008-lawyer", "AI008", _req(required_lawyer=True), NOT_MET),
    Case("ai008-oral-decided", "AI008", _released(channel=RequestChannel.ORAL), MET),
    Case(
        "ai008-oral-but-writing",
        "AI008",
        _released(channel=RequestChannel.ORAL, required_writing=True),
        NOT_MET,
    ),
    Case("ai008-unrecorded", "AI008", _req(channel=RequestChannel.EMAIL), REVIEW),
    Case("ai008-written-decided", "AI008", _released(channel=RequestChannel.EMAIL), REVIEW),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """AI008 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses
