"""TC022 breach-commissioner-not-notified: its cases, on both sides of the line."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from dpup import Reviewer, Settings, Status, evaluate
from dpup.findings import Finding
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


def _day(n: int) -> date:
    """The day ``n`` days after the agency became aware of the long-ago breach."""
    return AWARE_LONG_AGO + timedelta(days=n)


CASES = [
    # Not notifiable, or not known to be.
    Case("tc022-not-notifiable", "TC022", breach(notifiable=False), NA),
    Case(
        "tc022-not-notifiable-by-conclusion",
        "TC022",
        breach(notifiable=None, harm_assessment=full_assessment(serious_harm_likely=False)),
        NA,
    ),
    Case(
        "tc022-notifiable-unrecorded",
        "TC022",
        breach(notifiable=None, harm_assessment=None),
        REVIEW,
    ),
    # Told on a recorded day.
    Case("tc022-told-next-day", "TC022", breach(commissioner_notified_on=_day(1)), MET),
    Case("tc022-told-on-day-three", "TC022", breach(commissioner_notified_on=_day(3)), MET),
    Case(
        "tc022-told-by-conclusion",
        "TC022",
        breach(notifiable=None, commissioner_notified_on=_day(2)),
        MET,
    ),
    Case(
        "tc022-told-late-with-reason",
        "TC022",
        breach(commissioner_notified_on=_day(4), delay_reason="waited for the recipient"),
        REVIEW,
    ),
    Case("tc022-told-late-no-reason", "TC022", breach(commissioner_notified_on=_day(10)), REVIEW),
    Case(
        "tc022-told-late-within-a-longer-setting",
        "TC022",
        breach(commissioner_notified_on=_day(4)),
        MET,
        settings=Settings(breach_notice_days=5),
    ),
    Case(
        "tc022-told-but-awareness-unrecorded",
        "TC022",
        breach(aware_on=None, commissioner_notified_on=_day(1)),
        REVIEW,
    ),
    Case("tc022-told-no-day", "TC022", breach(commissioner_notified=True), REVIEW),
    # Not told yet.
    Case(
        "tc022-not-told-within-period",
        "TC022",
        breach(aware_on=AWARE_RECENTLY, commissioner_notified=False),
        DUE,
    ),
    Case(
        "tc022-unrecorded-within-period",
        "TC022",
        breach(aware_on=AWARE_RECENTLY),
        DUE,
    ),
    Case(
        "tc022-not-told-past-period-no-reason",
        "TC022",
        breach(commissioner_notified=False, delay_reason=""),
        NOT_MET,
    ),
    Case(
        "tc022-not-told-past-period-reason-unrecorded",
        "TC022",
        breach(commissioner_notified=False),
        REVIEW,
    ),
    Case(
        "tc022-not-told-past-period-with-reason",
        "TC022",
        breach(commissioner_notified=False, delay_reason="still investigating"),
        REVIEW,
    ),
    Case(
        "tc022-not-told-awareness-unrecorded",
        "TC022",
        breach(aware_on=None, commissioner_notified=False),
        REVIEW,
    ),
    Case("tc022-unrecorded-past-period", "TC022", breach(), REVIEW),
    Case("tc022-nothing-recorded", "TC022", breach(aware_on=None), REVIEW),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """TC022 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses


def _finding(subject: object, **kw: Any) -> Finding:
    (finding,) = evaluate(subject, select=["TC022"], as_at=AS_AT, **kw).findings
    return finding


def test_not_yet_due_carries_the_guidance_due_date() -> None:
    """Within the period the finding is not yet due, falling due three days after awareness."""
    finding = _finding(breach(aware_on=AWARE_RECENTLY, commissioner_notified=False))
    assert finding.due_on == AWARE_RECENTLY + timedelta(days=3)
    assert finding.evidence == ("$.aware_on",)


def test_the_same_obligation_later_is_not_met() -> None:
    """Run after the due date, the same unmade notice turns into not met."""
    subject = breach(aware_on=AWARE_RECENTLY, commissioner_notified=False, delay_reason="")
    later = evaluate(subject, select=["TC022"], as_at=AWARE_RECENTLY + timedelta(days=4))
    (finding,) = later.findings
    assert finding.status is Status.NOT_MET


def test_not_met_rests_on_recorded_facts_and_is_a_legal_breach() -> None:
    """Not told past the period is a breach of the Act, citing only recorded facts.

    They are the recorded "not told", the notifiable decision, the awareness date and the
    reason recorded as empty.
    """
    subject = breach(commissioner_notified=False, delay_reason="")
    report = evaluate(subject, select=["TC022"], as_at=AS_AT)
    (finding,) = report.legal_breaches()
    assert finding.evidence == (
        "$.commissioner_notified",
        "$.notifiable",
        "$.aware_on",
        "$.delay_reason",
    )


def test_not_met_on_the_conclusion_cites_it() -> None:
    """With no notifiable decision recorded, the assessment's conclusion is the fact cited."""
    finding = _finding(breach(notifiable=None, commissioner_notified=False, delay_reason=""))
    assert "$.harm_assessment.serious_harm_likely" in finding.evidence


def test_lateness_goes_to_the_right_reviewer() -> None:
    """Late with a reason goes to the privacy officer; late with none to a legal adviser."""
    with_reason = _finding(breach(commissioner_notified_on=_day(4), delay_reason="r"))
    without = _finding(breach(commissioner_notified_on=_day(4)))
    assert with_reason.reviewer is Reviewer.PRIVACY_OFFICER
    assert "$.delay_reason" in with_reason.evidence
    assert without.reviewer is Reviewer.LEGAL_ADVISER
    assert without.status is Status.NEEDS_REVIEW
    assert not evaluate(breach(commissioner_notified_on=_day(4)), select=["TC022"]).legal_breaches()


def test_notifiable_unrecorded_asks_for_the_decision_or_conclusion() -> None:
    """The gate asks for whichever fact would settle whether the breach is notifiable."""
    finding = _finding(breach(notifiable=None, harm_assessment=None))
    assert finding.evidence == ("$.notifiable", "$.harm_assessment.serious_harm_likely")
