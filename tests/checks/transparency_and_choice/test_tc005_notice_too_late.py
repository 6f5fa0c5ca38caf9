"""TC005 notice-too-late: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup import Collection, evaluate
from dpup.checks import BUILTIN_CHECKS
from dpup.findings import Finding
from dpup.model import (
    Ipp3Exception,
    NoticeTiming,
    Source,
)
from tests.checks.cases import AS_AT, Case, run_case
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
    Case(
        "tc005-after-reason-unrecorded", "TC005", _col(_notice(timing=NoticeTiming.AFTER)), REVIEW
    ),
    Case(
        "tc005-after-blank-reason",
        "TC005",
        _col(_notice(timing=NoticeTiming.AFTER, late_reason="  ")),
        NOT_MET,
    ),
    Case(
        "tc005-never-no-exception",
        "TC005",
        _col(_notice(timing=NoticeTiming.NEVER, exception=Ipp3Exception.NONE)),
        NOT_MET,
    ),
    Case(
        "tc005-never-exception-unrecorded",
        "TC005",
        _col(_notice(timing=NoticeTiming.NEVER)),
        REVIEW,
    ),
    Case(
        "tc005-at-no-exception",
        "TC005",
        _col(_notice(timing=NoticeTiming.AT, exception=Ipp3Exception.NONE)),
        MET,
    ),
    Case(
        "tc005-after-no-exception-reason-blank",
        "TC005",
        _col(_notice(timing=NoticeTiming.AFTER, exception=Ipp3Exception.NONE, late_reason="")),
        NOT_MET,
    ),
    Case(
        "tc005-never-ipp3a-ground",
        "TC005",
        _col(_notice(timing=NoticeTiming.NEVER, exception=Ipp3Exception.TRADE_SECRET)),
        REVIEW,
    ),
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


def _finding(collection: Collection) -> Finding:
    [finding] = evaluate(collection, select=["TC005"], as_at=AS_AT).findings
    return finding


def test_never_told_asks_for_the_exception() -> None:
    """Never told, exception not recorded: the field is asked for, not read as "none"."""
    finding = _finding(_col(_notice(timing=NoticeTiming.NEVER)))
    assert ("$.notice.exception",) == finding.evidence


def test_late_without_reason_asks_for_it() -> None:
    """Told afterwards with no reason recorded: the reason is asked for."""
    finding = _finding(_col(_notice(timing=NoticeTiming.AFTER)))
    assert ("$.notice.late_reason",) == finding.evidence


def test_ipp3a_ground_named_as_such() -> None:
    """A ground only IPP3A has is named as not an IPP3 one."""
    notice = _notice(timing=NoticeTiming.NEVER, exception=Ipp3Exception.TRADE_SECRET)
    assert "not an IPP3 one" in _finding(_col(notice)).message


def test_names_its_provision_and_condition() -> None:
    """TC005 tests IPP3(2) and states the condition in one line."""
    [check] = [c for c in BUILTIN_CHECKS if c.id == "TC005"]
    assert "IPP3(2)" == check.provision
    assert "as soon as practicable" in check.condition
