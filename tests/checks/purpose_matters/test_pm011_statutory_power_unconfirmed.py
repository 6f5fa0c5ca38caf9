"""PM011 statutory-power-unconfirmed: its cases, on both sides of the line."""

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
from tests.checks.purpose_matters._builders import MET, NA, NOT_MET, REVIEW

CASES = [
    # PM011 statutory-power-unconfirmed
    Case(
        "pm011-contract-only",
        "PM011",
        Purpose("p", law=(LawBasis(LawKind.CONTRACT, "funding agreement"),)),
        NA,
    ),
    Case("pm011-no-law", "PM011", Purpose("p", law=()), NA),
    # A citation not recorded is a gap to fill; a blank one is recorded as missing.
    Case("pm011-uncited", "PM011", Purpose("p", law=(LawBasis(LawKind.STATUTE),)), REVIEW),
    Case(
        "pm011-blank-citation",
        "PM011",
        Purpose("p", law=(LawBasis(LawKind.REGULATION, " "),)),
        NOT_MET,
    ),
    Case(
        "pm011-cited",
        "PM011",
        Purpose("p", law=(LawBasis(LawKind.STATUTE, "Social Security Act 2018, s 1"),)),
        REVIEW,
    ),
    Case(
        "pm011-confirmed",
        "PM011",
        Purpose(
            "p",
            law=(LawBasis(LawKind.REGULATION, "Regulations 2020, r 3", coverage_confirmed=True),),
        ),
        MET,
    ),
    Case(
        "pm011-refuted",
        "PM011",
        Purpose("p", law=(LawBasis(LawKind.STATUTE, "Act, s 9", coverage_confirmed=False),)),
        NOT_MET,
    ),
    Case("pm011-unrecorded", "PM011", Purpose("p"), REVIEW),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """PM011 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses


def test_is_good_practice_without_a_provision() -> None:
    """Citing a statute is DPUP good practice: IPP1 has no citation duty."""
    [check] = [c for c in BUILTIN_CHECKS if c.id == "PM011"]
    assert (Basis.GOOD_PRACTICE, "", "") == (check.basis, check.provision, check.condition)


def test_uncited_statute_is_not_a_legal_breach() -> None:
    """An uncited statute is a good-practice failure that legal_breaches() leaves out."""
    report = dpup.evaluate(Purpose("p", law=(LawBasis(LawKind.STATUTE, ""),)), select=["PM011"])
    [finding] = report.failures()
    assert (Basis.GOOD_PRACTICE, ()) == (finding.basis, report.legal_breaches())
