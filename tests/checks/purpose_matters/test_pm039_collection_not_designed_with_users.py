"""PM039 collection-not-designed-with-users: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup import Collection, evaluate
from dpup.model import CheckAndBalance, Notice
from dpup.serde import load, structure, unstructure
from tests.checks.cases import Case, run_case
from tests.checks.purpose_matters._builders import EXAMPLES, MET, NOT_MET, REVIEW

_PIA = (CheckAndBalance.PRIVACY_IMPACT_ASSESSMENT,)
_CONSULTED = (CheckAndBalance.SERVICE_USER_CONSULTATION,)

CASES = [
    # PM039 collection-not-designed-with-users
    Case(
        "pm039-designed-with-users",
        "PM039",
        Collection("c", designed_with_service_users=True),
        MET,
    ),
    Case(
        "pm039-users-consulted-as-a-check",
        "PM039",
        Collection("c", checks_done=_CONSULTED),
        MET,
    ),
    Case(
        "pm039-consulted-though-not-in-design",
        "PM039",
        Collection("c", designed_with_service_users=False, checks_done=(*_PIA, *_CONSULTED)),
        MET,
    ),
    Case(
        "pm039-designed-without-users",
        "PM039",
        Collection("c", designed_with_service_users=False),
        NOT_MET,
    ),
    Case(
        "pm039-designed-without-users-other-checks",
        "PM039",
        Collection("c", designed_with_service_users=False, checks_done=_PIA),
        NOT_MET,
    ),
    Case(
        "pm039-only-the-notice-tested",
        "PM039",
        Collection(
            "c",
            designed_with_service_users=False,
            notice=Notice(plain_language_tested=True),
        ),
        NOT_MET,
    ),
    Case("pm039-unrecorded", "PM039", Collection("c"), REVIEW),
    Case(
        "pm039-other-checks-only",
        "PM039",
        Collection("c", checks_done=_PIA),
        REVIEW,
    ),
    Case("pm039-no-checks", "PM039", Collection("c", checks_done=()), REVIEW),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """PM039 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses


def test_not_met_cites_the_recorded_fact() -> None:
    """The failure points at the recorded ``designed_with_service_users`` and nothing else."""
    report = evaluate(Collection("c", designed_with_service_users=False), select=["PM039"])
    (finding,) = report.findings
    assert ("$.designed_with_service_users",) == finding.evidence


def test_best_foot_forward_after_was_designed_with_users() -> None:
    """The provider journey's co-design step is recorded on the family records: met."""
    activity = load(EXAMPLES / "best-foot-forward-after.toml")
    report = evaluate(activity, select=["PM039"])
    assert [("$.collections[0]", MET)] == [(f.subject, f.status) for f in report.findings]


def test_the_fact_survives_a_round_trip() -> None:
    """``designed_with_service_users`` is written and read back unchanged."""
    collection = Collection("c", designed_with_service_users=False)
    assert collection == structure(unstructure(collection), Collection)
