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
from dpup.findings import Finding, Status
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
    _choice_case("tc004-refused-ground-unrecorded", ChoiceState.REFUSED, REVIEW),
    _choice_case("tc004-refused-no-ground", ChoiceState.REFUSED, NOT_MET, SharingGround.NONE),
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
        SharingGround.NONE,
        withdrawn_on=date(2026, 2, 1),
    ),
    _choice_case(
        "tc004-withdrawn-before-ground-unrecorded",
        ChoiceState.GIVEN,
        REVIEW,
        withdrawn_on=date(2026, 2, 1),
    ),
    _choice_case(
        "tc004-withdrawn-state-unrecorded",
        None,
        NOT_MET,
        SharingGround.NONE,
        withdrawn_on=date(2026, 2, 1),
    ),
    _choice_case("tc004-withdrawn-after", ChoiceState.GIVEN, MET, withdrawn_on=date(2026, 3, 2)),
    _choice_case("tc004-given", ChoiceState.GIVEN, MET),
    _choice_case("tc004-renewed", ChoiceState.RENEWED, MET),
    _choice_case(
        "tc004-expired",
        ChoiceState.GIVEN,
        NOT_MET,
        SharingGround.NONE,
        expires_on=date(2026, 1, 31),
    ),
    _choice_case(
        "tc004-invalidated",
        ChoiceState.INVALIDATED,
        NOT_MET,
        SharingGround.COLLECTION_PURPOSE,
    ),
    _choice_case("tc004-invalidated-ground-unrecorded", ChoiceState.INVALIDATED, REVIEW),
    _choice_case("tc004-state-unrecorded", None, REVIEW, SharingGround.NONE),
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
        REVIEW,
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
        REVIEW,
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
        REVIEW,
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


def _finding(case_id: str) -> Finding:
    (case,) = [c for c in CASES if c.id == case_id]
    (finding,) = run_case(case)
    return finding


def test_none_is_no_override() -> None:
    """A recorded "none" ground is neither an exception nor a lawful override."""
    assert not SharingGround.NONE.is_exception
    assert not SharingGround.NONE.overrides_choice


@pytest.mark.parametrize(
    ("case_id", "decided_by"),
    [
        ("tc004-refused-no-ground", "state"),
        ("tc004-withdrawn-before", "withdrawn_on"),
        ("tc004-withdrawn-state-unrecorded", "withdrawn_on"),
        ("tc004-expired", "expires_on"),
    ],
)
def test_not_met_cites_the_recorded_facts(case_id: str, decided_by: str) -> None:
    """Not met cites the field that decides the choice's state, and the recorded ground."""
    finding = _finding(case_id)
    assert Status.NOT_MET is finding.status
    # The choice is the context's; the ground is the proposed disclosure's own.
    assert (f"$context.choices[0].{decided_by}", "$.ground") == finding.evidence


def test_an_unrecorded_ground_is_asked_for() -> None:
    """Against a refusal with no ground recorded, the ground is asked for, not presumed."""
    finding = _finding("tc004-refused-ground-unrecorded")
    assert Status.NEEDS_REVIEW is finding.status
    assert "$.disclosures[0].ground" in finding.evidence
    assert any("(ground)" in step for step in finding.settle_with)
    assert "not recorded" in finding.message
