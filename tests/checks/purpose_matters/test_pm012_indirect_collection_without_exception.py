"""PM012 indirect-collection-without-exception: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup import (
    Collection,
    evaluate,
    loads,
    structure,
    unstructure,
)
from dpup.checks.purpose_matters.pm012_indirect_collection_without_exception import (
    indirect_collection_without_exception as pm012,
)
from dpup.findings import Finding, Reviewer, Status
from dpup.model import (
    Ipp2Exception,
    Source,
)
from tests.checks.cases import Case, run_case
from tests.checks.purpose_matters._builders import _AGG, _ITEM, MET, NA, NOT_MET, REVIEW, _indirect

# Every ground a record can claim (all but "none"): each needs a person to confirm it.
_CLAIMED = [e for e in Ipp2Exception if e is not Ipp2Exception.NONE]

CASES = [
    # PM012 indirect-collection-without-exception
    Case("pm012-direct", "PM012", Collection("c", items=(_ITEM,), source=Source.INDIVIDUAL), MET),
    Case(
        "pm012-none-applies",
        "PM012",
        _indirect(ipp2_exception=Ipp2Exception.NONE),
        NOT_MET,
    ),
    Case(
        "pm012-whanau-none-applies",
        "PM012",
        _indirect(source=Source.WHANAU, ipp2_exception=Ipp2Exception.NONE),
        NOT_MET,
    ),
    Case("pm012-exception-unrecorded", "PM012", _indirect(), REVIEW),
    Case("pm012-whanau-exception-unrecorded", "PM012", _indirect(source=Source.WHANAU), REVIEW),
    *[
        Case(f"pm012-claimed-{e.value}", "PM012", _indirect(ipp2_exception=e), REVIEW)
        for e in _CLAIMED
    ],
    Case("pm012-source-unrecorded", "PM012", Collection("c", items=(_ITEM,)), REVIEW),
    Case("pm012-counts", "PM012", _indirect(items=(_AGG,)), NA),
    Case(
        "pm012-counts-none-applies",
        "PM012",
        _indirect(items=(_AGG,), ipp2_exception=Ipp2Exception.NONE),
        NA,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """PM012 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses


def _finding(collection: Collection) -> Finding:
    (finding,) = evaluate(collection, select=["PM012"]).findings
    return finding


def test_an_unrecorded_exception_asks_for_the_exception_field() -> None:
    """An absent exception is a gap to fill in, not a breach: it names ipp2_exception."""
    finding = _finding(_indirect())
    assert finding.status is Status.NEEDS_REVIEW
    assert ("$.ipp2_exception",) == finding.evidence
    assert finding.reviewer is Reviewer.PRIVACY_OFFICER


def test_none_applies_is_a_breach_resting_on_recorded_facts() -> None:
    """A recorded "none" is NOT_MET, and its evidence points at the source and the exception."""
    finding = _finding(_indirect(ipp2_exception=Ipp2Exception.NONE))
    assert finding.status is Status.NOT_MET
    assert ("$.source", "$.ipp2_exception") == finding.evidence


def test_a_claimed_exception_goes_to_a_privacy_officer() -> None:
    """A claimed ground is never met: a privacy officer confirms it."""
    finding = _finding(_indirect(ipp2_exception=Ipp2Exception.COMMISSIONER_AUTHORISED))
    assert finding.status is Status.NEEDS_REVIEW
    assert finding.reviewer is Reviewer.PRIVACY_OFFICER
    assert ("$.source", "$.ipp2_exception") == finding.evidence


def test_the_check_names_its_provision() -> None:
    """PM012 tests IPP2(1) and states the condition in one line."""
    assert pm012.provision == "IPP2(1)"
    assert pm012.condition
    assert "\n" not in pm012.condition


@pytest.mark.parametrize("exception", list(Ipp2Exception), ids=lambda e: e.value)
def test_every_exception_loads_and_round_trips(exception: Ipp2Exception) -> None:
    """Each exception loads from its documented value and survives a round trip."""
    activity = loads(
        'name = "x"\n[[collections]]\nid = "c"\nsource = "other-agency"\n'
        f'ipp2_exception = "{exception.value}"'
    )
    collection = activity.collections[0]
    assert exception is collection.ipp2_exception
    assert collection == structure(unstructure(collection), Collection)
