"""TC005 notice-too-late: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup.model import (
    Ipp3Exception,
    NoticeTiming,
    Source,
)
from tests.checks.cases import Case, run_case
from tests.checks.transparency_and_choice._builders import MET, NA, NOT_MET, REVIEW, _col, _notice

CASES = [
    # TC005 notice-too-late
    Case("tc005-before", "TC005", _col(_notice(timing=NoticeTiming.BEFORE)), MET),
    Case("tc005-at", "TC005", _col(_notice(timing=NoticeTiming.AT)), MET),
    Case(
        "tc005-after-with-reason",
        "TC005",
        _col(_notice(timing=NoticeTiming.AFTER, late_reason="arrived in crisis")),
        REVIEW,
    ),
    Case("tc005-after-no-reason", "TC005", _col(_notice(timing=NoticeTiming.AFTER)), NOT_MET),
    Case(
        "tc005-after-blank-reason",
        "TC005",
        _col(_notice(timing=NoticeTiming.AFTER, late_reason="  ")),
        NOT_MET,
    ),
    Case("tc005-never", "TC005", _col(_notice(timing=NoticeTiming.NEVER)), NOT_MET),
    Case(
        "tc005-never-exception",
        "TC005",
        _col(_notice(timing=NoticeTiming.NEVER, exception=Ipp3Exception.ALREADY_AWARE)),
        REVIEW,
    ),
    Case("tc005-unrecorded", "TC005", _col(_notice()), REVIEW),
    Case("tc005-indirect", "TC005", _col(_notice(), source=Source.OTHER_AGENCY), NA),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """TC005 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses
