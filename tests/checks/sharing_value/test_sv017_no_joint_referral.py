"""SV017 no-joint-referral: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup import SharingAgreement, evaluate
from dpup.serde import structure, unstructure
from tests.checks.cases import Case, run_case
from tests.checks.sharing_value._builders import MET, NA, NOT_MET, REVIEW

CASES = [
    # SV017 no-joint-referral
    Case(
        "sv017-joint-referral",
        "SV017",
        SharingAgreement("g", refers_people=True, joint_referral=True),
        MET,
    ),
    Case(
        "sv017-story-told-again",
        "SV017",
        SharingAgreement("g", refers_people=True, joint_referral=False),
        NOT_MET,
    ),
    Case(
        "sv017-joint-unrecorded",
        "SV017",
        SharingAgreement("g", refers_people=True),
        REVIEW,
    ),
    Case("sv017-unrecorded", "SV017", SharingAgreement("g"), REVIEW),
    Case(
        "sv017-unrecorded-though-joint",
        "SV017",
        SharingAgreement("g", joint_referral=True),
        REVIEW,
    ),
    Case("sv017-nobody-referred", "SV017", SharingAgreement("g", refers_people=False), NA),
    Case(
        "sv017-nobody-referred-no-form",
        "SV017",
        SharingAgreement("g", refers_people=False, joint_referral=False),
        NA,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """SV017 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses


def test_not_met_cites_both_recorded_facts() -> None:
    """The failure rests on the recorded referral and the recorded lack of a joint form."""
    agreement = SharingAgreement("g", refers_people=True, joint_referral=False)
    (finding,) = evaluate(agreement, select=["SV017"]).findings
    assert ("$.refers_people", "$.joint_referral") == finding.evidence


def test_the_facts_survive_a_round_trip() -> None:
    """``refers_people`` and ``joint_referral`` are written and read back unchanged."""
    agreement = SharingAgreement("g", refers_people=True, joint_referral=False)
    assert agreement == structure(unstructure(agreement), SharingAgreement)
