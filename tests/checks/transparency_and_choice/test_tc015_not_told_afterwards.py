"""TC015 not-told-afterwards: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup import (
    Disclosure,
)
from dpup.findings import Finding, Reviewer, Status
from tests.checks.cases import Case, run_case
from tests.checks.transparency_and_choice._builders import (
    _TOLD,
    MET,
    NA,
    NOT_MET,
    REVIEW,
    _flow_case,
    _notice,
)

CASES = [
    # TC015 not-told-afterwards
    _flow_case(
        "tc015-told-afterwards",
        "TC015",
        _notice(recipients=("relevant agencies",), uses_explained=("p",)),
        MET,
        person_told=True,
    ),
    _flow_case("tc015-told-beforehand", "TC015", _TOLD, NA, person_told=False),
    _flow_case(
        "tc015-never-told",
        "TC015",
        _notice(recipients=("relevant agencies",), uses_explained=("p",)),
        NOT_MET,
        person_told=False,
        reason_not_told="",
    ),
    _flow_case(
        "tc015-never-told-reason-unrecorded",
        "TC015",
        _notice(recipients=("relevant agencies",), uses_explained=("p",)),
        REVIEW,
        person_told=False,
    ),
    _flow_case(
        "tc015-reason-not-to-tell",
        "TC015",
        _notice(recipients=("relevant agencies",), uses_explained=("p",)),
        REVIEW,
        person_told=False,
        reason_not_told="telling would put a child at risk",
    ),
    _flow_case(
        "tc015-non-identifying-never-told",
        "TC015",
        _notice(recipients=(), uses_explained=()),
        NOT_MET,
        person_told=False,
        identifiable=False,
        reason_not_told=" ",
    ),
    _flow_case(
        "tc015-non-identifying-reason-unrecorded",
        "TC015",
        _notice(recipients=(), uses_explained=()),
        REVIEW,
        person_told=False,
        identifiable=False,
    ),
    _flow_case("tc015-unrecorded", "TC015", None, REVIEW),
    _flow_case("tc015-notice-unknown", "TC015", None, REVIEW, person_told=False),
    _flow_case("tc015-notice-contents-unknown", "TC015", _notice(), REVIEW, person_told=False),
    Case("tc015-no-context", "TC015", Disclosure("d", person_told=False), REVIEW),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """TC015 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses


def _finding(case_id: str) -> Finding:
    (case,) = [c for c in CASES if c.id == case_id]
    (finding,) = run_case(case)
    return finding


def test_not_met_rests_on_recorded_facts() -> None:
    """Not met cites the recorded "not told", the notice that misses the flow, and the reason."""
    finding = _finding("tc015-never-told")
    assert Status.NOT_MET is finding.status
    assert (
        "$.disclosures[0].person_told",
        "$.collections[0].notice.recipients",
        "$.disclosures[0].reason_not_told",
    ) == finding.evidence


def test_an_unrecorded_reason_is_asked_for() -> None:
    """A reason not recorded could justify silence, so it is asked for rather than presumed."""
    finding = _finding("tc015-never-told-reason-unrecorded")
    assert (Status.NEEDS_REVIEW, Reviewer.PRIVACY_OFFICER) == (finding.status, finding.reviewer)
    assert "$.disclosures[0].reason_not_told" in finding.evidence
    assert any("(reason_not_told)" in step for step in finding.settle_with)
