"""TC011 consent-wording-without-choice: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup.model import (
    ChoiceLevel,
)
from tests.checks.cases import Case, run_case
from tests.checks.transparency_and_choice._builders import MET, NOT_MET, REVIEW, _col, _notice

CASES = [
    # TC011 consent-wording-without-choice
    Case(
        "tc011-consent-no-choice",
        "TC011",
        _col(_notice(uses_consent_wording=True, choice_level=ChoiceLevel.NONE)),
        NOT_MET,
    ),
    Case(
        "tc011-consent-text-compulsory",
        "TC011",
        _col(_notice(text="I CONSENT to my information being used."), required_by_law=True),
        NOT_MET,
    ),
    Case(
        "tc011-consent-limited",
        "TC011",
        _col(_notice(uses_consent_wording=True, choice_level=ChoiceLevel.LIMITED)),
        REVIEW,
    ),
    Case(
        "tc011-consent-real-choice",
        "TC011",
        _col(_notice(uses_consent_wording=True, choice_level=ChoiceLevel.SOME)),
        MET,
    ),
    Case("tc011-no-consent", "TC011", _col(_notice(uses_consent_wording=False)), MET),
    Case(
        "tc011-text-without-consent",
        "TC011",
        _col(_notice(text="We explain what we need and the choices you have.")),
        MET,
    ),
    Case("tc011-unrecorded", "TC011", _col(_notice()), REVIEW),
    Case(
        "tc011-level-unrecorded",
        "TC011",
        _col(_notice(uses_consent_wording=True)),
        REVIEW,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """TC011 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses
