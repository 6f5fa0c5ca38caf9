"""TC004 choice-not-honoured: its cases, on both sides of the line."""

from __future__ import annotations

from datetime import date

import pytest

from dpup import (
    Activity,
    Choice,
    Disclosure,
    Purpose,
)
from dpup.model import (
    ChoiceScope,
    ChoiceState,
    Recipient,
    SharingGround,
)
from tests.checks.cases import Case, run_case
from tests.checks.transparency_and_choice._builders import (
    _PURPOSES,
    MET,
    NA,
    NOT_MET,
    REVIEW,
    _choice_case,
    _court_disclosure,
    _with_choice,
)

CASES = [
    # TC004 choice-not-honoured
    _choice_case("tc004-refused-no-ground", ChoiceState.REFUSED, NOT_MET),
    _choice_case(
        "tc004-refused-collection-purpose",
        ChoiceState.REFUSED,
        NOT_MET,
        SharingGround.COLLECTION_PURPOSE,
    ),
    _choice_case(
        "tc004-refused-lawful-override", ChoiceState.REFUSED, REVIEW, SharingGround.OT_S66
    ),
    _choice_case(
        "tc004-refused-override-not-explained",
        ChoiceState.REFUSED,
        REVIEW,
        SharingGround.SERIOUS_THREAT,
    ),
    _choice_case(
        "tc004-withdrawn-before",
        ChoiceState.GIVEN,
        NOT_MET,
        withdrawn_on=date(2026, 2, 1),
    ),
    _choice_case("tc004-withdrawn-after", ChoiceState.GIVEN, MET, withdrawn_on=date(2026, 3, 2)),
    _choice_case("tc004-given", ChoiceState.GIVEN, MET),
    _choice_case("tc004-renewed", ChoiceState.RENEWED, MET),
    _choice_case(
        "tc004-expired",
        ChoiceState.GIVEN,
        NOT_MET,
        expires_on=date(2026, 1, 31),
    ),
    _choice_case("tc004-invalidated", ChoiceState.INVALIDATED, NOT_MET),
    _choice_case("tc004-unknown", ChoiceState.UNKNOWN, REVIEW),
    _choice_case(
        "tc004-deferred-with-override", ChoiceState.DEFERRED, REVIEW, SharingGround.OT_S66
    ),
    _choice_case("tc004-decided-later", ChoiceState.GIVEN, REVIEW, decided_on=date(2026, 3, 5)),
    Case("tc004-no-choices", "TC004", _court_disclosure(), NA),
    Case(
        "tc004-no-say-in-court-report",
        "TC004",
        _court_disclosure(feeds_decision=True, person_involved=False),
        REVIEW,
        context=Activity(
            "a", disclosures=(_court_disclosure(feeds_decision=True, person_involved=False),)
        ),
    ),
    Case(
        "tc004-non-identifying",
        "TC004",
        _court_disclosure(identifiable=False, choices=("c",)),
        NA,
        context=_with_choice(ChoiceState.REFUSED),
    ),
    Case(
        "tc004-capture-choice-is-not-about-sharing",
        "TC004",
        _court_disclosure(),
        NA,
        context=Activity(
            "a",
            choices=(
                Choice(
                    "c",
                    scope=ChoiceScope.CAPTURE,
                    recipients=("Family Court",),
                    state=ChoiceState.REFUSED,
                ),
            ),
            disclosures=(_court_disclosure(),),
        ),
    ),
    Case(
        "tc004-matched-by-recipient",
        "TC004",
        _court_disclosure(recipient=Recipient("FAMILY COURT")),
        NOT_MET,
        context=Activity(
            "a",
            choices=(Choice("c", recipients=("Family Court",), state=ChoiceState.REFUSED),),
            disclosures=(_court_disclosure(recipient=Recipient("FAMILY COURT")),),
        ),
    ),
    Case(
        "tc004-choice-about-another-recipient",
        "TC004",
        _court_disclosure(),
        NA,
        context=Activity(
            "a",
            choices=(Choice("c", recipients=("NZ Police",), state=ChoiceState.REFUSED),),
            disclosures=(_court_disclosure(),),
        ),
    ),
    Case("tc004-no-context", "TC004", _court_disclosure(choices=("c",)), REVIEW),
    Case(
        "tc004-excluded-from-report",
        "TC004",
        _court_disclosure(feeds_decision=True, person_involved=False),
        REVIEW,
        context=Activity("a"),
    ),
    Case(
        "tc004-excluded-but-no-decision",
        "TC004",
        _court_disclosure(person_involved=False),
        NA,
        context=Activity("a"),
    ),
    Case(
        "tc004-two-refusals",
        "TC004",
        _court_disclosure(),
        NOT_MET,
        context=Activity(
            "a",
            choices=(
                Choice("c0", recipients=("Family Court",), state=ChoiceState.REFUSED),
                Choice("c1", recipients=("family court",), state=ChoiceState.REFUSED),
            ),
        ),
    ),
    Case(
        "tc004-matched-by-purpose-after-capture",
        "TC004",
        Disclosure("d", purposes=("p",), identifiable=True),
        NOT_MET,
        context=Activity(
            "a",
            purposes=_PURPOSES,
            choices=(
                Choice("cap", scope=ChoiceScope.CAPTURE, purposes=("p",)),
                Choice("c", purposes=("p",), state=ChoiceState.REFUSED),
            ),
        ),
    ),
    Case(
        "tc004-other-recipient-and-purpose",
        "TC004",
        Disclosure("d", purposes=("p",), identifiable=True),
        NA,
        context=Activity(
            "a",
            purposes=(*_PURPOSES, Purpose("q")),
            choices=(
                Choice("c", recipients=("Police",), purposes=("q",), state=ChoiceState.REFUSED),
            ),
        ),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """TC004 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses
