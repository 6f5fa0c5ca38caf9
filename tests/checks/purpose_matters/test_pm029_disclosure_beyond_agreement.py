"""PM029 disclosure-beyond-agreement: its cases, on both sides of the line."""

from __future__ import annotations

import attrs
import pytest

import dpup
from dpup.model import (
    Activity,
    Collection,
    Disclosure,
    InformationItem,
    Purpose,
    SharingAgreement,
)
from tests.checks.cases import Case, run_case
from tests.checks.purpose_matters._builders import (
    AGG,
    IDENT,
    MET,
    NA,
    NOT_MET,
    REVIEW,
    _disclosure,
    _use,
)

_INTAKE = Collection(
    "intake",
    items=(
        InformationItem("name", identifiability=IDENT, purposes=("p",)),
        InformationItem("gender", identifiability=IDENT, purposes=("p",)),
    ),
    purposes=("p",),
)


def _reporting(*fields: InformationItem, **kw: object) -> Activity:
    """An activity collecting "name" and "gender", whose agreement "g" reports ``fields``."""
    agreement = SharingAgreement("g", purposes=("p",), fields=fields, **kw)  # type: ignore[arg-type]
    return Activity("a", purposes=(Purpose("p"),), collections=(_INTAKE,), agreements=(agreement,))


_COUNTS = _reporting(InformationItem("count", identifiability=AGG))
_NAMES = _reporting(
    InformationItem("name", identifiability=IDENT),
    InformationItem("count", identifiability=AGG),
    identifying_justification="each referral is followed up by name",
)
_NAMES_NO_REASON = _reporting(InformationItem("name", identifiability=IDENT))
_FORM_UNKNOWN = _reporting(InformationItem("count"))


def _under(**kw: object) -> Disclosure:
    base: dict[str, object] = {"agreement": "g", "items": ("count",), "identifiable": False}
    base.update(kw)
    return _disclosure(**base)


CASES = [
    # PM029 disclosure-beyond-agreement
    Case("pm029-agreed-counts", "PM029", _under(), MET, context=_COUNTS),
    Case(
        "pm029-named-where-counts-agreed",
        "PM029",
        _under(identifiable=True),
        NOT_MET,
        context=_COUNTS,
    ),
    Case(
        "pm029-identifying-items-not-agreed",
        "PM029",
        _under(items=("name",), identifiable=True),
        NOT_MET,
        context=_COUNTS,
    ),
    Case(
        "pm029-agreed-names-with-reason",
        "PM029",
        _under(items=("name",), identifiable=True),
        MET,
        context=_NAMES,
    ),
    Case(
        "pm029-agreed-names-without-reason",
        "PM029",
        _under(items=("name",), identifiable=True),
        REVIEW,
        context=_NAMES_NO_REASON,
    ),
    Case(
        "pm029-named-count-beside-agreed-names",
        "PM029",
        _under(items=("name", "count"), identifiable=True),
        NOT_MET,
        context=_NAMES,
    ),
    Case(
        "pm029-non-identifying-items-not-agreed",
        "PM029",
        _under(items=("gender",)),
        REVIEW,
        context=_COUNTS,
    ),
    Case(
        "pm029-identifiability-unrecorded-items-not-agreed",
        "PM029",
        _under(items=("gender",), identifiable=None),
        REVIEW,
        context=_COUNTS,
    ),
    Case(
        "pm029-identifiability-unrecorded-counts",
        "PM029",
        _under(identifiable=None),
        REVIEW,
        context=_COUNTS,
    ),
    Case(
        "pm029-identifiability-unrecorded-names-agreed",
        "PM029",
        _under(items=("name",), identifiable=None),
        MET,
        context=_NAMES,
    ),
    Case(
        "pm029-field-form-unrecorded",
        "PM029",
        _under(identifiable=True),
        REVIEW,
        context=_FORM_UNKNOWN,
    ),
    Case(
        "pm029-fields-unrecorded",
        "PM029",
        _under(),
        REVIEW,
        # The item is known from a collection: the agreement records no fields to hold it.
        context=attrs.evolve(
            _COUNTS,
            agreements=(SharingAgreement("g"),),
            collections=(Collection("tally", items=(InformationItem("count"),)),),
        ),
    ),
    Case("pm029-items-unrecorded", "PM029", _under(items=None), REVIEW, context=_COUNTS),
    Case("pm029-no-items", "PM029", _under(items=()), NA, context=_COUNTS),
    Case("pm029-no-context", "PM029", _under(), REVIEW),
    Case("pm029-no-agreement", "PM029", _disclosure(), NA, context=_COUNTS),
    Case("pm029-a-use", "PM029", _use(agreement="g"), NA, context=_COUNTS),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """PM029 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses


def _finding(disclosure: Disclosure, activity: Activity) -> dpup.Finding:
    placed = attrs.evolve(activity, disclosures=(disclosure,))
    (finding,) = dpup.evaluate(placed, select=["PM029"]).findings
    return finding


def test_not_met_points_at_items_and_agreed_forms() -> None:
    """The finding names the unlisted item and the agreed field's form, never values."""
    finding = _finding(_under(items=("name", "count"), identifiable=True), _COUNTS)
    assert finding.status is NOT_MET
    assert finding.evidence == (
        "$.disclosures[0].identifiable",
        "$.disclosures[0].agreement",
        "$.disclosures[0].items[0]",
        "$.agreements[0].fields",
        "$.agreements[0].fields[0].identifiability",
    )
    assert not finding.is_legal_breach


def test_agreements_found_among_many() -> None:
    """Among many agreements, the one named is found by its id."""
    others = tuple(SharingAgreement(f"other-{i}", fields=()) for i in range(12))
    activity = attrs.evolve(_COUNTS, agreements=(*others, *_COUNTS.agreements))
    finding = _finding(_under(identifiable=True), activity)
    assert finding.status is NOT_MET
    assert "$.agreements[12].fields[0].identifiability" in finding.evidence
    # An agreement the activity does not define is bad input, not a finding.
    with pytest.raises(dpup.InputError, match=r"unknown agreement @ \$\.agreement"):
        dpup.evaluate(_under(agreement="nowhere"), context=activity, select=["PM029"])
