"""PM033 collection-means-unfair: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup import Collection, evaluate, loads, structure, unstructure
from dpup.checks.purpose_matters.pm033_collection_means_unfair import (
    collection_means_unfair as pm033,
)
from dpup.findings import Finding, Reviewer, Status
from dpup.model import (
    CollectionManner,
    CollectionMethod,
    CollectionSetting,
    Collector,
)
from tests.checks.cases import Case, run_case
from tests.checks.purpose_matters._builders import (
    _AGG,
    _FAIR,
    _PLAIN,
    _SENSITIVE,
    _UNKNOWN_ITEM,
    MET,
    NA,
    NOT_MET,
    REVIEW,
    _collected,
)

_ANSWERS = tuple(_FAIR)

CASES = [
    # PM033 collection-means-unfair
    Case("pm033-lawful-fair-proportionate", "PM033", _collected(**_FAIR), MET),
    Case(
        "pm033-sensitive-in-private",
        "PM033",
        _collected((_SENSITIVE,), private=True, children_present=False, **_FAIR),
        MET,
    ),
    Case(
        "pm033-plain-details-at-the-counter",
        "PM033",
        _collected((_PLAIN,), private=False, **_FAIR),
        MET,
    ),
    *[
        Case(
            f"pm033-{answer.replace('_', '-')}-false",
            "PM033",
            _collected(**{**_FAIR, answer: False}),
            NOT_MET,
        )
        for answer in _ANSWERS
    ],
    *[
        Case(
            f"pm033-{answer.replace('_', '-')}-unrecorded",
            "PM033",
            _collected(**{**_FAIR, answer: None}),
            REVIEW,
        )
        for answer in _ANSWERS
    ],
    Case("pm033-manner-unrecorded", "PM033", Collection("c", items=(_PLAIN,)), REVIEW),
    Case(
        "pm033-items-unknown-manner-unrecorded",
        "PM033",
        Collection("c", items=(_UNKNOWN_ITEM,)),
        REVIEW,
    ),
    Case(
        "pm033-sensitive-where-others-hear",
        "PM033",
        _collected((_SENSITIVE,), private=False, **_FAIR),
        REVIEW,
    ),
    Case(
        "pm033-sensitive-with-children-present",
        "PM033",
        _collected((_SENSITIVE,), children_present=True, **_FAIR),
        REVIEW,
    ),
    Case("pm033-counts-only", "PM033", _collected((_AGG,), fair=False), NA),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """PM033 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses


def _finding(collection: Collection) -> Finding:
    (finding,) = evaluate(collection, select=["PM033"]).findings
    return finding


def test_a_breach_cites_only_the_answers_recorded_false() -> None:
    """The NOT_MET evidence is each answer recorded false, and nothing unrecorded."""
    finding = _finding(_collected(lawful=True, fair=False, intrusion_reasonable=None))
    assert finding.status is Status.NOT_MET
    assert ("$.manner.fair",) == finding.evidence


def test_an_unrecorded_assessment_asks_for_each_answer() -> None:
    """With no manner recorded, the three answers of the assessment are asked for."""
    finding = _finding(Collection("c", items=(_PLAIN,)))
    assert finding.status is Status.NEEDS_REVIEW
    assert ("$.manner.lawful", "$.manner.fair", "$.manner.intrusion_reasonable") == (
        finding.evidence
    )


def test_an_exposed_setting_goes_to_a_practice_lead() -> None:
    """Sensitive questions where others can hear are a judgement for a practice lead."""
    finding = _finding(_collected((_SENSITIVE,), private=False, **_FAIR))
    assert finding.reviewer is Reviewer.PRACTICE_LEAD
    assert "$.manner.private" in finding.evidence


def test_the_check_names_its_provision() -> None:
    """PM033 tests IPP4(a) and (b) and states the condition in one line."""
    assert pm033.provision == "IPP4(a), (b)"
    assert pm033.condition
    assert "\n" not in pm033.condition


def test_the_manner_loads_and_round_trips() -> None:
    """Every manner field loads from its documented value and survives a round trip."""
    activity = loads(
        'name = "x"\n[[collections]]\nid = "c"\n[collections.manner]\n'
        'setting = "home"\nmethods = ["in-person", "observation"]\n'
        'collected_by = "agency-staff"\nfrom_children = false\nchildren_present = true\n'
        "private = true\nlawful = true\nfair = true\nintrusion_reasonable = true\n"
        "children_care = true\n"
    )
    collection = activity.collections[0]
    assert collection.manner == CollectionManner(
        setting=CollectionSetting.HOME,
        methods=(CollectionMethod.IN_PERSON, CollectionMethod.OBSERVATION),
        collected_by=Collector.AGENCY_STAFF,
        from_children=False,
        children_present=True,
        private=True,
        lawful=True,
        fair=True,
        intrusion_reasonable=True,
        children_care=True,
    )
    assert collection == structure(unstructure(collection), Collection)
