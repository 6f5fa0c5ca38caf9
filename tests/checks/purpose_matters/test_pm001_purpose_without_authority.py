"""PM001 purpose-without-authority: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

import dpup
from dpup import (
    Purpose,
)
from dpup.checks import BUILTIN_CHECKS
from dpup.law import Basis
from dpup.model import (
    LawBasis,
    LawKind,
)
from tests.checks.cases import Case, run_case
from tests.checks.purpose_matters._builders import MET, NOT_MET, REVIEW

CASES = [
    # PM001 purpose-without-authority
    Case("pm001-tied", "PM001", Purpose("p", why="run the programme", functions=("x",)), MET),
    # IPP1(1)(a) says "a function or an activity": an activity the agency runs is an anchor.
    Case(
        "pm001-activity",
        "PM001",
        Purpose("p", why="run the holiday programme", functions=("holiday programme",), law=()),
        MET,
    ),
    Case(
        "pm001-law",
        "PM001",
        Purpose("p", why="x", law=(LawBasis(LawKind.STATUTE, "Act"),)),
        MET,
    ),
    Case("pm001-none", "PM001", Purpose("p", why="x", functions=(), law=()), NOT_MET),
    Case("pm001-unlinked", "PM001", Purpose("p", why="x"), REVIEW),
    Case("pm001-unrecorded", "PM001", Purpose("p"), REVIEW),
    # IPP1 sets no duty to write a purpose down: a blank statement is an evidence gap.
    Case("pm001-blank", "PM001", Purpose("p", why="  "), REVIEW),
    Case(
        "pm001-blank-with-function",
        "PM001",
        Purpose("p", why="", functions=("x",)),
        REVIEW,
    ),
    # PM001: one list recorded empty and the other not recorded is not "no authority" yet
    Case("pm001-no-functions-law-unrecorded", "PM001", Purpose("p", why="x", functions=()), REVIEW),
    Case("pm001-no-law-functions-unrecorded", "PM001", Purpose("p", why="x", law=()), REVIEW),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """PM001 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses


def _pm001() -> dpup.Check[object]:
    [check] = [c for c in BUILTIN_CHECKS if c.id == "PM001"]
    return check


def test_names_its_provision_and_condition() -> None:
    """PM001 is a LAW check testing IPP1(1)(a), stated as function or activity."""
    check = _pm001()
    assert (Basis.LAW, "IPP1(1)(a)") == (check.basis, check.provision)
    assert "a function or an activity" in check.condition


def test_text_does_not_narrow_ipp1_to_functions() -> None:
    """Wherever PM001 names what a purpose connects to, it names activities too."""
    check = _pm001()
    for text in (check.summary, check.remediation, check.sections["Why it matters"]):
        assert "activit" in text, text


def test_blank_purpose_asks_for_the_purpose() -> None:
    """A blank statement needs review naming the purpose's path, never a breach."""
    report = dpup.evaluate(Purpose("p", why=" "), select=["PM001"])
    [finding] = report.findings
    assert (("$.why",), ()) == (finding.evidence, report.legal_breaches())


def test_not_met_rests_on_recorded_lists() -> None:
    """The NOT_MET cites the two lists, both recorded (empty), in law."""
    report = dpup.evaluate(Purpose("p", why="x", functions=(), law=()), select=["PM001"])
    [finding] = report.legal_breaches()
    assert ("$.functions", "$.law") == finding.evidence
