"""PM004 identifying-without-need: its cases, on both sides of the line."""

from __future__ import annotations

import attrs
import pytest

import dpup
from dpup import (
    Collection,
    InformationItem,
)
from dpup.checks import BUILTIN_CHECKS
from dpup.model import (
    Identifiability,
)
from tests.checks.cases import Case, run_case
from tests.checks.purpose_matters._builders import (
    _ITEM,
    _UNKNOWN_ITEM,
    MET,
    NA,
    NOT_MET,
    REVIEW,
)

_REQUIRED = attrs.evolve(_ITEM, required=True)
_OPTIONAL = attrs.evolve(_ITEM, name="phone", required=False)

CASES = [
    # PM004 identifying-without-need
    Case(
        "pm004-needed",
        "PM004",
        Collection("c", items=(_REQUIRED,), requires_identity=True, identity_justification="x"),
        MET,
    ),
    # IPP1(2): a required identifying item the purpose is recorded as not needing.
    Case(
        "pm004-required-not-needed",
        "PM004",
        Collection("c", items=(_REQUIRED,), requires_identity=False),
        NOT_MET,
    ),
    Case(
        "pm004-required-and-optional-not-needed",
        "PM004",
        Collection("c", items=(_OPTIONAL, _REQUIRED), requires_identity=False),
        NOT_MET,
    ),
    # Whether people must give the item is not recorded: not a breach yet.
    Case(
        "pm004-required-unrecorded-not-needed",
        "PM004",
        Collection("c", items=(_ITEM,), requires_identity=False),
        REVIEW,
    ),
    # Optional identifying items are not "required": IPP1(2) does not reach them.
    Case(
        "pm004-optional-not-needed",
        "PM004",
        Collection("c", items=(_OPTIONAL,), requires_identity=False),
        NA,
    ),
    Case("pm004-optional-need-unset", "PM004", Collection("c", items=(_OPTIONAL,)), NA),
    Case("pm004-unset", "PM004", Collection("c", items=(_REQUIRED,)), REVIEW),
    Case("pm004-unset-required-unrecorded", "PM004", Collection("c", items=(_ITEM,)), REVIEW),
    Case(
        "pm004-no-reason",
        "PM004",
        Collection("c", items=(_REQUIRED,), requires_identity=True),
        REVIEW,
    ),
    Case(
        "pm004-blank-reason",
        "PM004",
        Collection("c", items=(_REQUIRED,), requires_identity=True, identity_justification=" "),
        REVIEW,
    ),
    Case(
        "pm004-aggregate",
        "PM004",
        Collection("c", items=(InformationItem("n", identifiability=Identifiability.AGGREGATE),)),
        MET,
    ),
    Case("pm004-no-items", "PM004", Collection("c"), REVIEW),
    Case(
        "pm004-identifiability-unrecorded", "PM004", Collection("c", items=(_UNKNOWN_ITEM,)), REVIEW
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """PM004 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses


def test_not_met_cites_only_the_required_item() -> None:
    """The breach points at the recorded need and the required item, not the optional one."""
    collection = Collection("c", items=(_OPTIONAL, _REQUIRED), requires_identity=False)
    [finding] = dpup.evaluate(collection, select=["PM004"]).legal_breaches()
    expected = ("$.requires_identity", "$.items[1].required", "$.items[1].identifiability")
    assert expected == finding.evidence


def test_unrecorded_requirement_names_required() -> None:
    """When only the requirement is missing, the review asks for items[].required."""
    collection = Collection("c", items=(_ITEM,), requires_identity=False)
    [finding] = dpup.evaluate(collection, select=["PM004"]).findings
    assert ("$.items[0].required",) == finding.evidence


def test_names_its_provision() -> None:
    """PM004 tests IPP1(2), about requiring identifying information."""
    [check] = [c for c in BUILTIN_CHECKS if c.id == "PM004"]
    assert "IPP1(2)" == check.provision
    assert "require" in check.condition
