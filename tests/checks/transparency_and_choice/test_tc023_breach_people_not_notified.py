"""TC023 breach-people-not-notified: its cases, on both sides of the line."""

from __future__ import annotations

from datetime import timedelta

import pytest

from dpup import Reviewer, Status, evaluate
from dpup.findings import Finding
from dpup.model import NotificationException
from tests.checks.cases import AS_AT, Case, run_case
from tests.checks.transparency_and_choice._builders import (
    AWARE_LONG_AGO,
    AWARE_RECENTLY,
    MET,
    NA,
    NOT_MET,
    REVIEW,
    breach,
    full_assessment,
)

DUE = Status.NOT_YET_DUE
NONE = NotificationException.NONE

CASES = [
    Case("tc023-not-notifiable", "TC023", breach(notifiable=False), NA),
    Case(
        "tc023-not-notifiable-by-conclusion",
        "TC023",
        breach(notifiable=None, harm_assessment=full_assessment(serious_harm_likely=False)),
        NA,
    ),
    Case(
        "tc023-notifiable-unrecorded",
        "TC023",
        breach(notifiable=None, harm_assessment=None),
        REVIEW,
    ),
    # Told.
    Case(
        "tc023-told-on-a-day",
        "TC023",
        breach(people_notified_on=AWARE_LONG_AGO + timedelta(days=2)),
        MET,
    ),
    Case("tc023-told-no-day", "TC023", breach(people_notified=True), MET),
    # Told some other way, or not on a ground: a person confirms.
    Case(
        "tc023-public-notice",
        "TC023",
        breach(people_notified=False, public_notice_on=AWARE_LONG_AGO + timedelta(days=5)),
        REVIEW,
    ),
    Case(
        "tc023-exception-safety",
        "TC023",
        breach(people_notified=False, people_exception=NotificationException.SAFETY),
        REVIEW,
    ),
    Case(
        "tc023-exception-under-16",
        "TC023",
        breach(people_exception=NotificationException.UNDER_16_INTERESTS),
        REVIEW,
    ),
    Case(
        "tc023-delay-security-risk",
        "TC023",
        breach(people_notified=False, people_exception=NotificationException.DELAY_SECURITY_RISK),
        REVIEW,
    ),
    # Not told yet.
    Case(
        "tc023-not-told-within-period",
        "TC023",
        breach(aware_on=AWARE_RECENTLY, people_notified=False, people_exception=NONE),
        DUE,
    ),
    Case("tc023-unrecorded-within-period", "TC023", breach(aware_on=AWARE_RECENTLY), DUE),
    Case(
        "tc023-not-told-no-ground",
        "TC023",
        breach(people_notified=False, people_exception=NONE),
        NOT_MET,
    ),
    Case(
        "tc023-not-told-no-ground-with-reason",
        "TC023",
        breach(people_notified=False, people_exception=NONE, delay_reason="no address yet"),
        REVIEW,
    ),
    Case(
        "tc023-not-told-ground-unrecorded",
        "TC023",
        breach(people_notified=False),
        REVIEW,
    ),
    Case(
        "tc023-not-told-awareness-unrecorded",
        "TC023",
        breach(aware_on=None, people_notified=False, people_exception=NONE),
        REVIEW,
    ),
    Case("tc023-unrecorded-past-period", "TC023", breach(people_exception=NONE), REVIEW),
    Case("tc023-nothing-recorded", "TC023", breach(aware_on=None), REVIEW),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """TC023 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses


def _finding(subject: object) -> Finding:
    (finding,) = evaluate(subject, select=["TC023"], as_at=AS_AT).findings
    return finding


def test_not_met_rests_on_recorded_facts_and_is_a_legal_breach() -> None:
    """Not told, with no ground, past the period: a breach of the Act on recorded facts."""
    report = evaluate(
        breach(people_notified=False, people_exception=NONE), select=["TC023"], as_at=AS_AT
    )
    (finding,) = report.legal_breaches()
    assert finding.evidence == (
        "$.people_notified",
        "$.people_exception",
        "$.notifiable",
        "$.aware_on",
    )


def test_a_named_ground_goes_to_a_legal_adviser() -> None:
    """A statutory ground is never taken as met: a legal adviser confirms it."""
    finding = _finding(breach(people_exception=NotificationException.MAINTENANCE_OF_LAW))
    assert finding.reviewer is Reviewer.LEGAL_ADVISER
    assert finding.evidence == ("$.people_exception",)


def test_public_notice_goes_to_the_privacy_officer() -> None:
    """Public notice in place of telling each person is confirmed by the privacy officer."""
    finding = _finding(breach(public_notice_on=AWARE_LONG_AGO))
    assert finding.reviewer is Reviewer.PRIVACY_OFFICER
    assert finding.evidence == ("$.public_notice_on",)


def test_not_yet_due_then_not_met() -> None:
    """Within the period the duty is not yet due; run later, the same facts are not met."""
    subject = breach(aware_on=AWARE_RECENTLY, people_notified=False, people_exception=NONE)
    soon = _finding(subject)
    assert soon.due_on == AWARE_RECENTLY + timedelta(days=3)
    (later,) = evaluate(
        subject, select=["TC023"], as_at=AWARE_RECENTLY + timedelta(days=10)
    ).findings
    assert later.status is Status.NOT_MET


def test_exception_none_is_not_a_ground() -> None:
    """`none` records that no ground applies; it is never read as a claimed exception."""
    assert not NotificationException.NONE.is_delay
    finding = _finding(breach(people_notified=False, people_exception=NONE))
    assert finding.status is Status.NOT_MET
