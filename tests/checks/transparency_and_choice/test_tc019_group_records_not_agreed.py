"""TC019 group-records-not-agreed: its cases, on both sides of the line."""

from __future__ import annotations

import attrs
import pytest

from dpup import (
    Activity,
    Collection,
)
from dpup.findings import Finding, Status
from dpup.model import (
    GroupRecords,
)
from tests.checks.cases import Case, run_case
from tests.checks.transparency_and_choice._builders import (
    _ALL_TRUE_RECORDS,
    _GROUP_NOTICE,
    MET,
    NA,
    NOT_MET,
    REVIEW,
)

CASES = [
    # TC019 group-records-not-agreed
    Case(
        "tc019-agreed",
        "TC019",
        Activity(
            "a",
            group_records=GroupRecords(
                handling_agreed=True,
                attributed_by_name=False,
                explained=True,
                shown_to_participants=True,
                disposal_agreed=True,
            ),
        ),
        MET,
    ),
    Case(
        "tc019-named-unexplained",
        "TC019",
        Activity(
            "a",
            group_records=GroupRecords(
                handling_agreed=True, attributed_by_name=True, explained=False
            ),
        ),
        NOT_MET,
    ),
    Case(
        "tc019-nothing-agreed",
        "TC019",
        Activity(
            "a",
            group_records=GroupRecords(
                handling_agreed=False, attributed_by_name=False, explained=False
            ),
        ),
        NOT_MET,
    ),
    Case(
        "tc019-nothing-agreed-names-unrecorded",
        "TC019",
        Activity("a", group_records=GroupRecords(handling_agreed=False, explained=False)),
        NOT_MET,
    ),
    Case(
        "tc019-named-unagreed-explanation-unrecorded",
        "TC019",
        Activity("a", group_records=GroupRecords(handling_agreed=False, attributed_by_name=True)),
        NOT_MET,
    ),
    Case(
        "tc019-not-shown-back",
        "TC019",
        Activity(
            "a",
            group_records=GroupRecords(
                handling_agreed=True,
                attributed_by_name=False,
                explained=True,
                shown_to_participants=False,
                disposal_agreed=True,
            ),
        ),
        REVIEW,
    ),
    Case(
        "tc019-group-sessions-unrecorded",
        "TC019",
        Activity("a", collections=(Collection("c", notice=_GROUP_NOTICE),)),
        REVIEW,
        path="$",
    ),
    Case("tc019-no-group-sessions", "TC019", Activity("a"), NA),
    Case("tc019-all-agreed", "TC019", Activity("a", group_records=_ALL_TRUE_RECORDS), MET),
    Case(
        "tc019-handling-not-agreed",
        "TC019",
        Activity(
            "a",
            group_records=attrs.evolve(
                _ALL_TRUE_RECORDS, handling_agreed=False, attributed_by_name=False
            ),
        ),
        REVIEW,
    ),
    Case("tc019-nothing-recorded", "TC019", Activity("a", group_records=GroupRecords()), REVIEW),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """TC019 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses


def _finding(case_id: str) -> Finding:
    (case,) = [c for c in CASES if c.id == case_id]
    (finding,) = run_case(case)
    return finding


@pytest.mark.parametrize(
    ("case_id", "evidence"),
    [
        (
            "tc019-named-unexplained",
            ("$.group_records.attributed_by_name", "$.group_records.explained"),
        ),
        (
            "tc019-nothing-agreed",
            ("$.group_records.handling_agreed", "$.group_records.explained"),
        ),
        (
            "tc019-nothing-agreed-names-unrecorded",
            ("$.group_records.handling_agreed", "$.group_records.explained"),
        ),
        (
            "tc019-named-unagreed-explanation-unrecorded",
            ("$.group_records.attributed_by_name", "$.group_records.handling_agreed"),
        ),
    ],
)
def test_not_met_cites_only_recorded_facts(case_id: str, evidence: tuple[str, ...]) -> None:
    """Not met cites the facts recorded as missing, and names in the notes where recorded."""
    finding = _finding(case_id)
    assert Status.NOT_MET is finding.status
    assert evidence == finding.evidence
