"""AI022 no-front-door: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup import (
    AccessPractice,
    Activity,
    InformationItem,
)
from dpup.findings import Finding, Reviewer, Status
from dpup.model import Identifiability
from tests.checks.access_to_information._builders import (
    _AGGREGATE,
    _IDENTIFYING,
    MET,
    NA,
    NOT_MET,
    REVIEW,
    _agreement,
    _front_door,
)
from tests.checks.cases import Case, run_case

DE_IDENTIFIED = Identifiability.DE_IDENTIFIED

CASES = [
    # AI022 no-front-door
    Case("ai022-protocol", "AI022", _agreement(access_protocol=True), MET),
    Case(
        "ai022-no-protocol-identifying",
        "AI022",
        _agreement(access_protocol=False, fields=(_IDENTIFYING,)),
        NOT_MET,
    ),
    Case(
        "ai022-no-protocol-de-identified",
        "AI022",
        _agreement(
            access_protocol=False,
            fields=(_AGGREGATE, InformationItem("visits", identifiability=DE_IDENTIFIED)),
        ),
        NOT_MET,
    ),
    Case("ai022-no-protocol-unknown-fields", "AI022", _agreement(access_protocol=False), REVIEW),
    Case(
        "ai022-no-protocol-no-fields",
        "AI022",
        _agreement(access_protocol=False, fields=()),
        REVIEW,
    ),
    Case(
        "ai022-no-protocol-identifiability-unknown",
        "AI022",
        _agreement(access_protocol=False, fields=(_AGGREGATE, InformationItem("visits"))),
        REVIEW,
    ),
    Case(
        "ai022-aggregate-only",
        "AI022",
        _agreement(access_protocol=False, fields=(_AGGREGATE,)),
        NA,
    ),
    Case(
        "ai022-front-door-practice",
        "AI022",
        Activity(
            "a",
            agreements=(_agreement(),),
            access_practice=AccessPractice(front_door_with=("The Agency",)),
        ),
        MET,
        path="$.agreements[0]",
    ),
    Case("ai022-unrecorded", "AI022", _agreement(fields=(_IDENTIFYING,)), REVIEW),
    Case("ai022-parties-unrecorded", "AI022", _front_door(None), REVIEW, path="$.agreements[0]"),
    Case(
        "ai022-front-door-elsewhere",
        "AI022",
        _front_door(("Oranga Tamariki",)),
        REVIEW,
        path="$.agreements[0]",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """AI022 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses


def _finding(case_id: str) -> Finding:
    (case,) = [c for c in CASES if c.id == case_id]
    (finding,) = run_case(case)
    return finding


def test_not_met_cites_the_fields_about_people() -> None:
    """Not met cites the recorded "no protocol" and each field recorded as about people."""
    finding = _finding("ai022-no-protocol-de-identified")
    assert Status.NOT_MET is finding.status
    assert ("$.access_protocol", "$.fields[1].identifiability") == finding.evidence


@pytest.mark.parametrize(
    ("case_id", "asked_for"),
    [
        ("ai022-no-protocol-unknown-fields", ("$.fields",)),
        ("ai022-no-protocol-no-fields", ("$.fields",)),
        ("ai022-no-protocol-identifiability-unknown", ("$.fields[1].identifiability",)),
    ],
)
def test_unknown_fields_are_asked_for(case_id: str, asked_for: tuple[str, ...]) -> None:
    """Were the fields all aggregate the protocol would not be needed: they are asked for."""
    finding = _finding(case_id)
    assert (Status.NEEDS_REVIEW, Reviewer.CONTRACT_MANAGER) == (finding.status, finding.reviewer)
    assert asked_for == finding.evidence
