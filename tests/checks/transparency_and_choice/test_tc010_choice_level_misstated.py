"""TC010 choice-level-misstated: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup import (
    evaluate,
)
from dpup.findings import Status
from dpup.law import Basis
from dpup.model import (
    ChoiceLevel,
)
from tests.checks.cases import Case, run_case
from tests.checks.transparency_and_choice._builders import MET, NOT_MET, REVIEW, _col, _notice

CASES = [
    # TC010 choice-level-misstated
    Case(
        "tc010-some-voluntary",
        "TC010",
        _col(_notice(choice_level=ChoiceLevel.SOME), required_by_law=False),
        MET,
    ),
    Case(
        "tc010-none-compulsory",
        "TC010",
        _col(_notice(choice_level=ChoiceLevel.NONE), required_by_law=True),
        MET,
    ),
    Case(
        "tc010-compulsory-as-optional",
        "TC010",
        _col(_notice(choice_level=ChoiceLevel.SOME), required_by_law=True),
        NOT_MET,
    ),
    Case("tc010-silent", "TC010", _col(_notice(choice_stated=False)), NOT_MET),
    # Saying whether giving the information is optional: good practice for every collection.
    Case(
        "tc010-optional-unstated",
        "TC010",
        _col(_notice(voluntary_or_mandatory=False), required_by_law=False),
        NOT_MET,
    ),
    Case(
        "tc010-optional-stated-level-unrecorded",
        "TC010",
        _col(_notice(voluntary_or_mandatory=True)),
        REVIEW,
    ),
    Case(
        "tc010-level-stated-though-optional-unrecorded-false",
        "TC010",
        _col(
            _notice(choice_level=ChoiceLevel.SOME, voluntary_or_mandatory=False),
            required_by_law=False,
        ),
        MET,
    ),
    Case(
        "tc010-no-choice-overstated",
        "TC010",
        _col(_notice(choice_level=ChoiceLevel.NONE), required_by_law=False),
        REVIEW,
    ),
    Case(
        "tc010-compulsion-unrecorded",
        "TC010",
        _col(_notice(choice_level=ChoiceLevel.LIMITED)),
        REVIEW,
    ),
    Case("tc010-unrecorded", "TC010", _col(_notice()), REVIEW),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """TC010 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses


def test_optional_unstated_is_good_practice_not_a_breach() -> None:
    """A self-referral notice silent on "optional" fails TC010, which is never a legal breach."""
    notice = _notice(voluntary_or_mandatory=False, choice_stated=False)
    report = evaluate(_col(notice, required_by_law=False), select=["TC010"])
    [finding] = report.findings
    assert Status.NOT_MET == finding.status
    assert ("$.notice.choice_stated", "$.notice.voluntary_or_mandatory") == finding.evidence
    assert Basis.GOOD_PRACTICE is finding.basis
    assert () == tuple(report.legal_breaches())
