"""PM016 disclosure-beyond-purpose: its cases, on both sides of the line."""

from __future__ import annotations

import attrs
import pytest

import dpup
from dpup.checks import BUILTIN_CHECKS
from dpup.model import Activity, Disclosure, SharingGround
from dpup.policy import Principle
from tests.checks.cases import Case, run_case
from tests.checks.purpose_matters._builders import (
    _FLOWS,
    _OWN_PURPOSES,
    MET,
    NA,
    NOT_MET,
    REVIEW,
    _disclosure,
    _use,
)

_CLAIMED = SharingGround.COLLECTION_PURPOSE

CASES = [
    # PM016 disclosure-beyond-purpose
    Case("pm016-within", "PM016", _disclosure(), MET, context=_FLOWS),
    Case(
        "pm016-to-person",
        "PM016",
        _disclosure(purposes=("q",), ground=SharingGround.TO_PERSON),
        MET,
        context=_FLOWS,
    ),
    Case(
        "pm016-beyond-on-collection-purpose",
        "PM016",
        _disclosure(purposes=("q",), ground=_CLAIMED),
        NOT_MET,
        context=_FLOWS,
    ),
    # Recorded: no ground or exception applies. Beyond purpose, that is a breach of IPP11.
    Case(
        "pm016-beyond-ground-none",
        "PM016",
        _disclosure(purposes=("q",), ground=SharingGround.NONE),
        NOT_MET,
        context=_FLOWS,
    ),
    Case(
        "pm016-within-ground-none",
        "PM016",
        _disclosure(ground=SharingGround.NONE),
        MET,
        context=_FLOWS,
    ),
    # Beyond purpose, but the ground is simply not recorded: an evidence gap, not a breach.
    Case(
        "pm016-beyond-ground-unrecorded",
        "PM016",
        _disclosure(purposes=("q",)),
        REVIEW,
        context=_FLOWS,
    ),
    Case(
        "pm016-ot-s66",
        "PM016",
        _disclosure(purposes=("q",), ground=SharingGround.OT_S66),
        REVIEW,
        context=_FLOWS,
    ),
    Case("pm016-a-use", "PM016", _use(), NA, context=_FLOWS),
    Case("pm016-not-identifying", "PM016", _disclosure(identifiable=False), NA, context=_FLOWS),
    Case("pm016-purposes-unrecorded", "PM016", _disclosure(purposes=None), REVIEW, context=_FLOWS),
    # Item purposes, not the collection's: "name" was collected for "p" only, although its
    # collection also serves "q".
    Case(
        "pm016-item-beyond-its-own-purposes",
        "PM016",
        _disclosure(purposes=("q",), items=("name",), ground=_CLAIMED),
        NOT_MET,
        context=_OWN_PURPOSES,
    ),
    Case(
        "pm016-item-within-its-own-purposes",
        "PM016",
        _disclosure(purposes=("q",), items=("gender",), ground=_CLAIMED),
        MET,
        context=_OWN_PURPOSES,
    ),
    Case(
        "pm016-one-item-of-two-beyond",
        "PM016",
        _disclosure(purposes=("q",), items=("gender", "name"), ground=_CLAIMED),
        NOT_MET,
        context=_OWN_PURPOSES,
    ),
    Case(
        "pm016-item-beyond-on-claimed-exception",
        "PM016",
        _disclosure(purposes=("q",), items=("name",), ground=SharingGround.DIRECTLY_RELATED),
        REVIEW,
        context=_OWN_PURPOSES,
    ),
    Case(
        "pm016-item-beyond-ground-unrecorded",
        "PM016",
        _disclosure(purposes=("q",), items=("name",)),
        REVIEW,
        context=_OWN_PURPOSES,
    ),
    Case(
        "pm016-item-beyond-authorised",
        "PM016",
        _disclosure(
            purposes=("q",), items=("name",), ground=SharingGround.AUTHORISED, choices=("yes",)
        ),
        MET,
        context=_OWN_PURPOSES,
    ),
    # Each item fits one of two purposes served: which item serves which is not recorded.
    Case(
        "pm016-items-fit-some-purposes",
        "PM016",
        _disclosure(purposes=("p", "q"), items=("name", "gender"), ground=_CLAIMED),
        REVIEW,
        context=_OWN_PURPOSES,
    ),
    # A purpose served that no item was collected for: some item certainly goes beyond.
    Case(
        "pm016-purpose-no-item-serves",
        "PM016",
        _disclosure(purposes=("p", "q", "r"), items=("name", "gender"), ground=_CLAIMED),
        NOT_MET,
        context=_OWN_PURPOSES,
    ),
    # An item with no purposes of its own carries its collection's.
    Case(
        "pm016-item-takes-collection-purposes",
        "PM016",
        _disclosure(purposes=("q",), items=("note",), ground=_CLAIMED),
        MET,
        context=_OWN_PURPOSES,
    ),
    Case(
        "pm016-item-and-collection-purposes-unrecorded",
        "PM016",
        _disclosure(purposes=("q",), items=("orphan",), ground=_CLAIMED),
        REVIEW,
        context=_OWN_PURPOSES,
    ),
    Case(
        "pm016-one-item-purposes-unrecorded",
        "PM016",
        _disclosure(purposes=("q",), items=("gender", "orphan"), ground=_CLAIMED),
        REVIEW,
        context=_OWN_PURPOSES,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """PM016 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses


def _placed(activity: Activity, disclosure: Disclosure) -> Activity:
    """The activity with ``disclosure`` as its only disclosure."""
    return attrs.evolve(activity, disclosures=(disclosure,))


def _one(disclosure: Disclosure, activity: Activity) -> dpup.Finding:
    (finding,) = dpup.evaluate(_placed(activity, disclosure), select=["PM016"]).findings
    return finding


def test_not_met_points_at_the_item_and_its_own_purposes() -> None:
    """The finding names the item beyond purpose and where its purposes are recorded."""
    finding = _one(
        _disclosure(purposes=("q",), items=("gender", "name"), ground=_CLAIMED), _OWN_PURPOSES
    )
    assert finding.status is NOT_MET
    assert finding.evidence == (
        "$.disclosures[0].purposes",
        "$.disclosures[0].ground",
        "$.disclosures[0].items[1]",
        "$.collections[0].items[0].purposes",
    )


def test_not_met_is_a_legal_breach_citing_ipp11() -> None:
    """A disclosure beyond an item's purposes is a LAW finding in legal_breaches()."""
    placed = _placed(_OWN_PURPOSES, _disclosure(purposes=("q",), items=("name",), ground=_CLAIMED))
    report = dpup.evaluate(placed, select=["PM016"])
    (breach,) = report.legal_breaches()
    assert breach.check_id == "PM016"
    assert Principle.KAITIAKITANGA in breach.principles


def test_gap_names_the_ground_to_record() -> None:
    """With no ground recorded, the finding asks for it rather than failing."""
    finding = _one(_disclosure(purposes=("q",), items=("name",)), _OWN_PURPOSES)
    assert finding.status is REVIEW
    assert "$.disclosures[0].ground" in finding.evidence
    assert finding.settle_with


def test_law_metadata() -> None:
    """PM016 names the provision it tests and its legal condition."""
    check = next(c for c in BUILTIN_CHECKS if c.id == "PM016")
    assert check.provision == "IPP11(1)"
    assert "IPP11(1)" in check.condition


def test_none_beyond_an_items_purposes_is_a_legal_breach() -> None:
    """An item disclosed beyond its own purposes on a recorded "none" breaches IPP11."""
    placed = _placed(
        _OWN_PURPOSES,
        _disclosure(purposes=("q",), items=("name",), ground=SharingGround.NONE),
    )
    (breach,) = dpup.evaluate(placed, select=["PM016"]).legal_breaches()
    assert breach.status is NOT_MET
    assert "$.disclosures[0].ground" in breach.evidence
