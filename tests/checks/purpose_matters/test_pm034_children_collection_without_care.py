"""PM034 children-collection-without-care: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup import Collection, evaluate
from dpup.checks.purpose_matters.pm034_children_collection_without_care import (
    children_collection_without_care as pm034,
)
from dpup.findings import Finding, Status
from tests.checks.cases import Case, run_case
from tests.checks.purpose_matters._builders import (
    _AGG,
    _PLAIN,
    MET,
    NA,
    NOT_MET,
    REVIEW,
    _collected,
    _in_activity,
)


def _served(
    id: str,  # noqa: A002 - mirrors Case.id
    collection: Collection,
    expected: Status,
    children: bool | None,
) -> Case:
    """A case for the collection inside an activity whose audience records ``children``."""
    return Case(id, "PM034", collection, expected, context=_in_activity(collection, children))


_UNSAID = Collection("c", items=(_PLAIN,))
_CARED = _collected(from_children=True, children_care=True)

CASES = [
    # PM034 children-collection-without-care
    Case(
        "pm034-children-with-care",
        "PM034",
        _collected(from_children=True, children_care=True),
        MET,
    ),
    _served("pm034-children-with-care-in-activity", _CARED, MET, children=True),
    _served("pm034-children-asked-though-audience-says-none", _CARED, MET, children=False),
    Case(
        "pm034-children-without-care",
        "PM034",
        _collected(from_children=True, children_care=False),
        NOT_MET,
    ),
    Case("pm034-care-unrecorded", "PM034", _collected(from_children=True), REVIEW),
    Case("pm034-manner-unrecorded", "PM034", _UNSAID, REVIEW),
    _served("pm034-children-served-from-children-unrecorded", _UNSAID, REVIEW, children=True),
    _served("pm034-audience-unrecorded", _UNSAID, REVIEW, children=None),
    Case(
        "pm034-adults-only",
        "PM034",
        _collected(from_children=False, children_care=False),
        NA,
    ),
    _served("pm034-no-children-served", _UNSAID, NA, children=False),
    Case(
        "pm034-counts-only",
        "PM034",
        _collected((_AGG,), from_children=True, children_care=False),
        NA,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """PM034 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses


def _finding(collection: Collection) -> Finding:
    (finding,) = evaluate(collection, select=["PM034"]).findings
    return finding


def test_a_breach_rests_on_the_recorded_facts() -> None:
    """The NOT_MET evidence is that children are asked, and the care recorded as not taken."""
    finding = _finding(_collected(from_children=True, children_care=False))
    assert finding.status is Status.NOT_MET
    assert ("$.manner.from_children", "$.manner.children_care") == finding.evidence


def test_a_gap_names_the_field_to_record() -> None:
    """Whether children are asked is asked for by path, never assumed."""
    finding = _finding(Collection("c", items=(_PLAIN,)))
    assert ("$.manner.from_children",) == finding.evidence


def test_the_check_names_its_provision() -> None:
    """PM034 tests IPP4(b) and states the condition in one line."""
    assert pm034.provision == "IPP4(b)"
    assert pm034.condition
    assert "\n" not in pm034.condition
