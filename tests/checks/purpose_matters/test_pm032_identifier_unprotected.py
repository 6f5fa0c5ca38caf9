"""PM032 identifier-unprotected: its cases, on both sides of the line."""

from __future__ import annotations

from typing import Any

import pytest

from dpup import Collection, InformationItem, evaluate
from dpup.checks.purpose_matters.pm032_identifier_unprotected import (
    identifier_unprotected as pm032,
)
from dpup.findings import Finding, Status
from dpup.model import IdentifierAssigner, IdentifierScheme
from tests.checks.cases import Case, run_case
from tests.checks.purpose_matters._builders import (
    _ITEM,
    IDENT,
    MET,
    NA,
    NOT_MET,
    REVIEW,
    _holding,
    _id_item,
)

OWN, MSD = IdentifierScheme.AGENCY_OWN, IdentifierScheme.MSD_CLIENT_NUMBER
_SAFE: dict[str, Any] = {
    "assignment_necessary": True,
    "identity_verified": True,
    "misuse_protected": True,
}
_FACTS = tuple(_SAFE)

CASES = [
    # PM032 identifier-unprotected
    Case(
        "pm032-own-number-protected",
        "PM032",
        _holding(_id_item("client-number", scheme=OWN, **_SAFE)),
        MET,
    ),
    Case(
        "pm032-msd-holding-its-own-number",
        "PM032",
        _holding(_id_item(scheme=MSD, assigned_by=IdentifierAssigner.THIS_AGENCY, **_SAFE)),
        MET,
    ),
    Case(
        "pm032-assigner-recorded-without-scheme",
        "PM032",
        _holding(_id_item(assigned_by=IdentifierAssigner.THIS_AGENCY, **_SAFE)),
        MET,
    ),
    *[
        Case(
            f"pm032-{fact.replace('_', '-')}-false",
            "PM032",
            _holding(_id_item("client-number", scheme=OWN, **{**_SAFE, fact: False})),
            NOT_MET,
        )
        for fact in _FACTS
    ],
    *[
        Case(
            f"pm032-{fact.replace('_', '-')}-unrecorded",
            "PM032",
            _holding(_id_item("client-number", scheme=OWN, **{**_SAFE, fact: None})),
            REVIEW,
        )
        for fact in _FACTS
    ],
    Case(
        "pm032-assigner-unrecorded",
        "PM032",
        _holding(_id_item(scheme=IdentifierScheme.OTHER)),
        REVIEW,
    ),
    Case(
        "pm032-named-like-an-identifier",
        "PM032",
        _holding(InformationItem("client-number", identifiability=IDENT)),
        REVIEW,
    ),
    Case(
        "pm032-only-another-agencys-number",
        "PM032",
        _holding(_id_item(scheme=IdentifierScheme.IRD_NUMBER, misuse_protected=False)),
        NA,
    ),
    Case("pm032-no-identifier", "PM032", _holding(_ITEM), NA),
    Case("pm032-no-items", "PM032", Collection("c"), NA),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """PM032 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses


def _finding(collection: Collection) -> Finding:
    (finding,) = evaluate(collection, select=["PM032"]).findings
    return finding


def test_a_breach_cites_only_the_facts_recorded_false() -> None:
    """The NOT_MET evidence is each fact recorded false, and nothing unrecorded."""
    item = _id_item("client-number", scheme=OWN, identity_verified=False, misuse_protected=False)
    finding = _finding(_holding(item))
    assert finding.status is Status.NOT_MET
    assert (
        "$.items[0].identifier.identity_verified",
        "$.items[0].identifier.misuse_protected",
    ) == finding.evidence


def test_gaps_name_the_fields_to_record() -> None:
    """Each unrecorded fact is asked for by path."""
    finding = _finding(_holding(_id_item("client-number", scheme=OWN)))
    assert finding.status is Status.NEEDS_REVIEW
    assert tuple(f"$.items[0].identifier.{f}" for f in _FACTS) == finding.evidence


def test_the_check_names_its_provision() -> None:
    """PM032 tests IPP13(1) and (4) and states the condition in one line."""
    assert pm032.provision == "IPP13(1), (4)"
    assert pm032.condition
    assert "\n" not in pm032.condition
