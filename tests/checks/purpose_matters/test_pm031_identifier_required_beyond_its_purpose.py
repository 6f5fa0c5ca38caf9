"""PM031 identifier-required-beyond-its-purpose: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup import Collection, InformationItem, evaluate
from dpup.checks.purpose_matters.pm031_identifier_required_beyond_its_purpose import (
    identifier_required_beyond_its_purpose as pm031,
)
from dpup.findings import Finding, Status
from dpup.model import IdentifierScheme
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

IRD, OWN = IdentifierScheme.IRD_NUMBER, IdentifierScheme.AGENCY_OWN

CASES = [
    # PM031 identifier-required-beyond-its-purpose
    Case(
        "pm031-ird-required-for-tax",
        "PM031",
        _holding(_id_item(scheme=IRD, within_assigned_purpose=True)),
        MET,
    ),
    Case(
        "pm031-own-number-required-for-its-purpose",
        "PM031",
        _holding(_id_item("client-number", scheme=OWN, within_assigned_purpose=True)),
        MET,
    ),
    Case(
        "pm031-required-beside-optional",
        "PM031",
        _holding(
            _id_item(scheme=IRD, within_assigned_purpose=True),
            _id_item("nhi", required=False, scheme=IdentifierScheme.NHI_NUMBER),
        ),
        MET,
    ),
    Case(
        "pm031-ird-required-for-intake",
        "PM031",
        _holding(_id_item(scheme=IRD, within_assigned_purpose=False)),
        NOT_MET,
    ),
    Case(
        "pm031-driver-licence-required-as-id",
        "PM031",
        _holding(
            _id_item(
                "driver-licence",
                scheme=IdentifierScheme.DRIVER_LICENCE,
                within_assigned_purpose=False,
            )
        ),
        NOT_MET,
    ),
    Case(
        "pm031-purpose-link-unrecorded",
        "PM031",
        _holding(_id_item(scheme=IRD)),
        REVIEW,
    ),
    Case(
        "pm031-whether-required-unrecorded",
        "PM031",
        _holding(_id_item(required=None, scheme=IRD, within_assigned_purpose=False)),
        REVIEW,
    ),
    Case(
        "pm031-named-like-an-identifier-required",
        "PM031",
        _holding(InformationItem("nhi-number", identifiability=IDENT, required=True)),
        REVIEW,
    ),
    Case(
        "pm031-optional-ird",
        "PM031",
        _holding(_id_item(required=False, scheme=IRD, within_assigned_purpose=False)),
        NA,
    ),
    Case(
        "pm031-named-like-an-identifier-optional",
        "PM031",
        _holding(InformationItem("nhi-number", identifiability=IDENT, required=False)),
        NA,
    ),
    Case("pm031-no-identifier", "PM031", _holding(_ITEM), NA),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """PM031 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses


def _finding(collection: Collection) -> Finding:
    (finding,) = evaluate(collection, select=["PM031"]).findings
    return finding


def test_a_breach_rests_on_required_and_the_recorded_purpose_link() -> None:
    """The NOT_MET evidence is the item's ``required`` and its recorded purpose link."""
    finding = _finding(_holding(_ITEM, _id_item(scheme=IRD, within_assigned_purpose=False)))
    assert finding.status is Status.NOT_MET
    assert (
        "$.items[1].required",
        "$.items[1].identifier.within_assigned_purpose",
    ) == finding.evidence


def test_gaps_name_the_fields_to_record() -> None:
    """Whether it is required, and why it is asked for, are asked for by path."""
    finding = _finding(
        _holding(
            _id_item(scheme=IRD),
            _id_item("nhi", required=None, scheme=IdentifierScheme.NHI_NUMBER),
        )
    )
    assert finding.status is Status.NEEDS_REVIEW
    assert {
        "$.items[0].identifier.within_assigned_purpose",
        "$.items[1].required",
    } == set(finding.evidence)


def test_the_check_names_its_provision() -> None:
    """PM031 tests IPP13(5) and states the condition in one line."""
    assert pm031.provision == "IPP13(5)"
    assert pm031.condition
    assert "\n" not in pm031.condition
