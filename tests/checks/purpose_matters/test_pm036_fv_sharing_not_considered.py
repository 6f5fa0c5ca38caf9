"""PM036 fv-sharing-not-considered: its cases, on both sides of the line."""

from __future__ import annotations

from datetime import date

import pytest

import dpup
from dpup import Activity, Collection, InformationItem, SharingRequest, loads
from dpup.checks.purpose_matters.pm036_fv_sharing_not_considered import (
    fv_sharing_not_considered as pm036,
)
from dpup.findings import Finding, Reviewer, Status
from dpup.law import Basis, LegalRef
from dpup.model import (
    FamilyViolenceSharing,
    RequesterKind,
    Sensitivity,
    SharingDecision,
    SharingRegime,
)
from tests.checks.cases import Case, run_case
from tests.checks.purpose_matters._builders import MET, NA, NOT_MET, REVIEW

_ON = date(2026, 3, 4)


def _fv(**kw: object) -> FamilyViolenceSharing:
    """Family violence involved, at a family violence agency, sharing considered."""
    base: dict[str, object] = {
        "involved": True,
        "fv_agency": True,
        "considered": True,
        "considered_on": _ON,
        "considered_by": "team leader",
    }
    base.update(kw)
    return FamilyViolenceSharing(**base)  # type: ignore[arg-type]  # test builder


def _fv_request(**kw: object) -> SharingRequest:
    """A request under s 20 of the Family Violence Act, assessed (the consideration)."""
    base: dict[str, object] = {
        "id": "r",
        "regime": SharingRegime.FV_S20,
        "requester": RequesterKind.OTHER,
        "assessed": True,
        "assessed_on": _ON,
        "assessed_by": "social worker",
        "decision": SharingDecision.SUPPLIED,
    }
    base.update(kw)
    return SharingRequest(**base)  # type: ignore[arg-type]  # test builder


def _activity(
    fv: FamilyViolenceSharing | None = None, *requests: SharingRequest, **kw: object
) -> Activity:
    return Activity("a", family_violence=fv, sharing_requests=requests, **kw)  # type: ignore[arg-type]


_NOT_FV_AGENCY = FamilyViolenceSharing(involved=True, fv_agency=False, considered=False)
_FV_ITEM = InformationItem("safety-notes", sensitivity=(Sensitivity.FAMILY_VIOLENCE,))
_FV_COLLECTION = Collection("c", items=(_FV_ITEM,))
_PLAIN_COLLECTION = Collection("c", items=(InformationItem("address", sensitivity=()),))

CASES = [
    # PM036 fv-sharing-not-considered
    Case("pm036-considered", "PM036", _activity(_fv()), MET),
    Case("pm036-request-assessed", "PM036", _activity(None, _fv_request()), MET),
    Case(
        "pm036-both-recorded",
        "PM036",
        _activity(_fv(), _fv_request(), _fv_request(id="r2")),
        MET,
    ),
    Case(
        "pm036-not-involved-request-assessed",
        "PM036",
        _activity(_fv(involved=False, considered=None), _fv_request()),
        MET,
    ),
    # The record shows the duty was not met, where it falls on the agency.
    Case("pm036-not-considered", "PM036", _activity(_fv(considered=False)), NOT_MET),
    Case(
        "pm036-request-not-assessed",
        "PM036",
        _activity(_fv(involved=False), _fv_request(assessed=False)),
        NOT_MET,
    ),
    # ... and needs review where whether the duty falls on it is not recorded.
    Case(
        "pm036-not-considered-agency-unknown",
        "PM036",
        _activity(_fv(considered=False, fv_agency=None)),
        REVIEW,
    ),
    Case(
        "pm036-request-not-assessed-no-record",
        "PM036",
        _activity(None, _fv_request(assessed=False)),
        REVIEW,
    ),
    # Gaps.
    Case("pm036-gap-considered", "PM036", _activity(_fv(considered=None)), REVIEW),
    Case("pm036-gap-when", "PM036", _activity(_fv(considered_on=None)), REVIEW),
    Case("pm036-gap-who", "PM036", _activity(_fv(considered_by=None)), REVIEW),
    Case("pm036-gap-request-when", "PM036", _activity(None, _fv_request(assessed_on=None)), REVIEW),
    Case("pm036-gap-request", "PM036", _activity(None, _fv_request(assessed=None)), REVIEW),
    Case(
        "pm036-fv-items-unrecorded",
        "PM036",
        _activity(None, collections=(_FV_COLLECTION,)),
        REVIEW,
    ),
    # Not applicable.
    Case("pm036-nothing-recorded", "PM036", _activity(), NA),
    Case("pm036-plain-items", "PM036", _activity(None, collections=(_PLAIN_COLLECTION,)), NA),
    Case(
        "pm036-not-involved",
        "PM036",
        _activity(_fv(involved=False, considered=None), collections=(_FV_COLLECTION,)),
        NA,
    ),
    Case("pm036-not-fv-agency", "PM036", _activity(_NOT_FV_AGENCY, _fv_request()), NA),
    Case(
        "pm036-other-regime",
        "PM036",
        _activity(None, _fv_request(regime=SharingRegime.OT_S66, assessed=False)),
        NA,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """PM036 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses


def _finding(activity: Activity) -> Finding:
    (finding,) = dpup.evaluate(activity, select=["PM036"]).findings
    return finding


def test_the_check_names_its_provision() -> None:
    """PM036 is a LAW check of s 24 of the Family Violence Act, stated in one line."""
    assert pm036.basis is Basis.LAW
    assert LegalRef.FV_S24 in pm036.legal_refs
    assert pm036.provision.startswith("s 24")
    assert "\n" not in pm036.condition


def test_not_considered_rests_on_recorded_facts() -> None:
    """A recorded "not considered" cites it and the agency's recorded status."""
    finding = _finding(_activity(_fv(considered=False)))
    assert ("$.family_violence.considered", "$.family_violence.fv_agency") == finding.evidence


def test_an_unassessed_request_is_cited_by_its_path() -> None:
    """A s 20 request answered with no consideration is cited where it sits."""
    finding = _finding(
        _activity(_fv(involved=False), _fv_request(), _fv_request(id="q", assessed=False))
    )
    assert finding.status is Status.NOT_MET
    assert ("$.sharing_requests[1].assessed", "$.family_violence.fv_agency") == finding.evidence


def test_whether_the_duty_falls_is_asked_for() -> None:
    """With the duty's reach unrecorded, a recorded "not considered" asks for it."""
    finding = _finding(_activity(None, _fv_request(assessed=False)))
    assert ("$.family_violence.fv_agency",) == finding.evidence
    assert finding.reviewer is Reviewer.PRIVACY_OFFICER


def test_gaps_are_named() -> None:
    """Each missing part of the consideration is asked for by its path."""
    finding = _finding(_activity(_fv(considered_on=None, considered_by=None)))
    assert (
        "$.family_violence.considered_on",
        "$.family_violence.considered_by",
    ) == finding.evidence


def test_a_decision_not_to_share_meets_the_duty() -> None:
    """The duty is to consider: a recorded consideration that ended in refusal is met."""
    refused = _fv_request(decision=SharingDecision.REFUSED, privilege_claimed=False)
    assert _finding(_activity(None, refused)).status is Status.MET


def test_the_record_loads_from_toml() -> None:
    """The activity's family violence record loads from TOML."""
    activity = loads(
        'name = "x"\n[family_violence]\ninvolved = true\nfv_agency = true\nconsidered = true\n'
        'considered_on = 2026-03-04\nconsidered_by = "team leader"\n'
    )
    assert _fv() == activity.family_violence
    assert _finding(activity).status is Status.MET
