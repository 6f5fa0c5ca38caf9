"""SV019 agreement-review-overdue: its cases, on both sides of the line."""

from __future__ import annotations

from datetime import date, timedelta

import attrs
import pytest

from dpup import Activity, Finding, SharingAgreement, Status, evaluate
from dpup.law import Basis
from dpup.serde import structure, unstructure
from tests.checks.cases import AS_AT, Case, run_case
from tests.checks.sharing_value._builders import FAMILY, MET, NOT_MET, REVIEW

DUE = Status.NOT_YET_DUE
DAY = timedelta(days=1)
PAST = date(2026, 3, 1)
"""A review date before the cases' evaluation date (`AS_AT`, 1 June 2026)."""
FUTURE = date(2026, 12, 1)
"""A review date after it."""
LATER = date(2027, 1, 15)
"""An evaluation date after `FUTURE`."""


def _agreement(**kw: object) -> SharingAgreement:
    return SharingAgreement("g", **kw)  # type: ignore[arg-type]  # test builder


CASES = [
    # SV019 agreement-review-overdue
    Case(
        "sv019-reviewed-on-the-date",
        "SV019",
        _agreement(review_on=PAST, last_reviewed_on=PAST),
        MET,
    ),
    Case(
        "sv019-reviewed-after-the-date",
        "SV019",
        _agreement(review_on=PAST, last_reviewed_on=PAST + 20 * DAY),
        MET,
    ),
    Case(
        "sv019-review-overdue",
        "SV019",
        _agreement(review_on=PAST, last_reviewed_on=date(2025, 3, 1)),
        NOT_MET,
    ),
    Case(
        "sv019-reviewed-the-day-before-the-date",
        "SV019",
        _agreement(review_on=PAST, last_reviewed_on=PAST - DAY),
        NOT_MET,
    ),
    Case(
        "sv019-overdue-since-yesterday",
        "SV019",
        _agreement(review_on=AS_AT - DAY, last_reviewed_on=date(2025, 3, 1)),
        NOT_MET,
    ),
    Case("sv019-review-date-passed-last-unrecorded", "SV019", _agreement(review_on=PAST), REVIEW),
    Case("sv019-review-date-unrecorded", "SV019", _agreement(), REVIEW),
    Case(
        "sv019-review-date-unrecorded-though-reviewed",
        "SV019",
        _agreement(last_reviewed_on=PAST),
        REVIEW,
    ),
    Case("sv019-review-not-yet-due", "SV019", _agreement(review_on=FUTURE), DUE),
    Case(
        "sv019-review-not-yet-due-after-an-earlier-review",
        "SV019",
        _agreement(review_on=FUTURE, last_reviewed_on=date(2025, 12, 1)),
        DUE,
    ),
    Case("sv019-review-due-today", "SV019", _agreement(review_on=AS_AT), DUE),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """SV019 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses


def _finding(agreement: SharingAgreement, as_at: date = AS_AT) -> Finding:
    (finding,) = evaluate(agreement, select=["SV019"], as_at=as_at).findings
    return finding


def test_is_good_practice_not_law() -> None:
    """A late review is a gap against DPUP, never reported as a breach of law."""
    (check,) = [c for c in FAMILY if c.id == "SV019"]
    assert (Basis.GOOD_PRACTICE, "", "") == (check.basis, check.provision, check.condition)
    late = _agreement(review_on=PAST, last_reviewed_on=date(2025, 3, 1))
    report = evaluate(late, select=["SV019"], as_at=AS_AT)
    assert [NOT_MET] == [f.status for f in report.findings]
    assert () == tuple(report.legal_breaches())


def test_not_met_cites_both_recorded_dates() -> None:
    """The failure rests on the recorded review date and the recorded, earlier, last review."""
    finding = _finding(_agreement(review_on=PAST, last_reviewed_on=date(2025, 3, 1)))
    assert (NOT_MET, ("$.review_on", "$.last_reviewed_on")) == (
        finding.status,
        finding.evidence,
    )


def test_met_cites_both_dates() -> None:
    """A review on or after the review date is met, citing both dates."""
    finding = _finding(_agreement(review_on=PAST, last_reviewed_on=PAST))
    assert ("$.review_on", "$.last_reviewed_on") == finding.evidence


@pytest.mark.parametrize(
    ("agreement", "path"),
    [
        (_agreement(), "$.review_on"),
        (_agreement(last_reviewed_on=PAST), "$.review_on"),
        (_agreement(review_on=PAST), "$.last_reviewed_on"),
    ],
    ids=["no-review-date", "no-review-date-though-reviewed", "no-last-review"],
)
def test_unrecorded_names_the_missing_date(agreement: SharingAgreement, path: str) -> None:
    """A missing date needs review, pointing at the field that would settle it."""
    finding = _finding(agreement)
    assert (REVIEW, (path,)) == (
        finding.status,
        finding.evidence,
    )
    assert any(path[2:] in step for step in finding.settle_with)


def test_not_yet_due_carries_the_review_date() -> None:
    """Before the review date the finding is not yet due, with that date and days left."""
    finding = _finding(_agreement(review_on=FUTURE))
    assert (DUE, FUTURE, ("$.review_on",)) == (
        finding.status,
        finding.due_on,
        finding.evidence,
    )
    assert finding.working_days_left is not None
    assert finding.working_days_left > 0
    on_the_day = _finding(_agreement(review_on=AS_AT))
    assert (DUE, AS_AT, 0) == (
        on_the_day.status,
        on_the_day.due_on,
        on_the_day.working_days_left,
    )


def test_a_later_run_turns_not_yet_due_into_not_met() -> None:
    """The same agreement, not yet due before its review date, is not met after it."""
    agreement = _agreement(review_on=FUTURE, last_reviewed_on=date(2025, 12, 1))
    before = _finding(agreement, AS_AT)
    after = _finding(agreement, LATER)
    assert (DUE, NOT_MET) == (before.status, after.status)
    assert (None, None) == (after.due_on, after.working_days_left)


def test_a_later_run_turns_not_yet_due_into_met_once_reviewed() -> None:
    """Not yet due before the review date; reviewed on it, a later run finds it met."""
    agreement = _agreement(review_on=FUTURE)
    reviewed = attrs.evolve(agreement, last_reviewed_on=FUTURE)
    statuses = (
        _finding(agreement, AS_AT).status,
        _finding(reviewed, LATER).status,
        _finding(agreement, LATER).status,
    )
    assert (DUE, MET, REVIEW) == statuses


def test_in_an_activity_the_activity_date_decides() -> None:
    """Inside an activity, the activity's own ``as_at`` is the evaluation date."""
    agreement = _agreement(review_on=FUTURE, last_reviewed_on=date(2025, 12, 1))
    early = Activity("a", as_at=AS_AT, agreements=(agreement,))
    late = attrs.evolve(early, as_at=LATER)
    statuses = [
        [f.status for f in evaluate(act, select=["SV019"]).findings] for act in (early, late)
    ]
    assert [[DUE], [NOT_MET]] == statuses
    (finding,) = evaluate(late, select=["SV019"]).findings
    assert ("$.agreements[0].review_on", "$.agreements[0].last_reviewed_on") == finding.evidence


def test_last_reviewed_on_round_trips() -> None:
    """The new date survives serde both ways, and is read from ISO text."""
    agreement = _agreement(review_on=FUTURE, last_reviewed_on=PAST)
    assert agreement == structure(unstructure(agreement), SharingAgreement)
    data = {"id": "g", "review_on": "2026-12-01", "last_reviewed_on": "2026-03-01"}
    assert agreement == structure(data, SharingAgreement)
