"""PM035 sharing-request-record-incomplete: its cases, on both sides of the line."""

from __future__ import annotations

from datetime import date

import attrs
import pytest

import dpup
from dpup import (
    Activity,
    Collection,
    Disclosure,
    InformationItem,
    InputError,
    Purpose,
    SharingRequest,
    loads,
    structure,
    unstructure,
)
from dpup.checks.purpose_matters.pm035_sharing_request_record_incomplete import (
    sharing_request_record_incomplete as pm035,
)
from dpup.findings import Finding, Reviewer, Status
from dpup.law import Basis
from dpup.model import RequesterKind, SharingDecision, SharingGround, SharingRegime
from tests.checks.cases import Case, run_case
from tests.checks.purpose_matters._builders import MET, NA, NOT_MET, REVIEW

_OT, _POLICE, _OTHER = RequesterKind.ORANGA_TAMARIKI, RequesterKind.POLICE, RequesterKind.OTHER
_SUPPLIED, _PARTLY, _REFUSED = (
    SharingDecision.SUPPLIED,
    SharingDecision.PARTLY,
    SharingDecision.REFUSED,
)


def _req(**kw: object) -> SharingRequest:
    """A s 66 request from Oranga Tamariki, assessed, supplied and the person told."""
    base: dict[str, object] = {
        "id": "r",
        "regime": SharingRegime.OT_S66,
        "requester": _OT,
        "received_on": date(2026, 3, 2),
        "assessed": True,
        "assessed_by": "privacy officer",
        "assessed_on": date(2026, 3, 3),
        "decision": _SUPPLIED,
        "items": ("school-attendance",),
        "person_told": True,
    }
    base.update(kw)
    return SharingRequest(**base)  # type: ignore[arg-type]  # test builder with loose kwargs


def _refused(regime: SharingRegime, **kw: object) -> SharingRequest:
    """A request refused outright, with privilege recorded as not relied on."""
    base: dict[str, object] = {
        "regime": regime,
        "decision": _REFUSED,
        "items": None,
        "person_told": None,
        "privilege_claimed": False,
    }
    base.update(kw)
    return _req(**base)


# Each part of a supplied request's record, left out: a gap named by its path.
_SUPPLIED_PARTS = (
    "requester",
    "received_on",
    "assessed",
    "assessed_by",
    "assessed_on",
    "decision",
    "items",
    "person_told",
)
_NOT_S66 = (SharingRegime.OT_S66C, SharingRegime.FV_S20)

CASES = [
    # PM035 sharing-request-record-incomplete
    Case("pm035-supplied-complete", "PM035", _req(), MET),
    Case("pm035-police", "PM035", _req(requester=_POLICE), MET),
    Case(
        "pm035-not-told-with-reason",
        "PM035",
        _req(person_told=False, reason_not_told="telling the parent would put the child at risk"),
        MET,
    ),
    *[
        Case(f"pm035-refused-{r.value}", "PM035", _refused(r, requester=_OTHER), MET)
        for r in _NOT_S66
    ],
    *[
        Case(
            f"pm035-partly-{r.value}",
            "PM035",
            _req(regime=r, requester=_OTHER, decision=_PARTLY, privilege_claimed=False),
            MET,
        )
        for r in _NOT_S66
    ],
    # Recorded failures of good practice.
    Case("pm035-not-assessed", "PM035", _req(assessed=False), NOT_MET),
    Case("pm035-not-told-no-reason", "PM035", _req(person_told=False, reason_not_told=""), NOT_MET),
    Case(
        "pm035-not-told-blank-reason",
        "PM035",
        _req(person_told=False, reason_not_told="  "),
        NOT_MET,
    ),
    # Gaps: each named.
    *[Case(f"pm035-gap-{part}", "PM035", _req(**{part: None}), REVIEW) for part in _SUPPLIED_PARTS],
    Case("pm035-gap-items-empty", "PM035", _req(items=()), REVIEW),
    Case("pm035-gap-reason-not-told", "PM035", _req(person_told=False), REVIEW),
    Case(
        "pm035-gap-privilege",
        "PM035",
        _refused(SharingRegime.FV_S20, privilege_claimed=None),
        REVIEW,
    ),
    Case("pm035-gap-regime", "PM035", _req(regime=None), REVIEW),
    # Judgements that remain with a complete record: a legal adviser's.
    Case("pm035-s66-from-someone-else", "PM035", _req(requester=_OTHER), REVIEW),
    Case(
        "pm035-s66-refused-without-privilege",
        "PM035",
        _refused(SharingRegime.OT_S66),
        REVIEW,
    ),
    Case(
        "pm035-s66-partly-without-privilege",
        "PM035",
        _req(decision=_PARTLY, privilege_claimed=False),
        REVIEW,
    ),
    Case(
        "pm035-privilege-claimed",
        "PM035",
        _refused(SharingRegime.OT_S66, privilege_claimed=True),
        REVIEW,
    ),
    Case(
        "pm035-privilege-claimed-fv",
        "PM035",
        _refused(SharingRegime.FV_S20, privilege_claimed=True),
        REVIEW,
    ),
    # Out of scope.
    Case("pm035-other-act", "PM035", _req(regime=SharingRegime.OTHER), NA),
    Case("pm035-other-act-empty", "PM035", SharingRequest("r", regime=SharingRegime.OTHER), NA),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """PM035 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses


def _finding(request: SharingRequest) -> Finding:
    (finding,) = dpup.evaluate(request, select=["PM035"]).findings
    return finding


def test_the_check_is_good_practice_with_no_provision() -> None:
    """Completeness of the record is DPUP good practice: not a breach, no provision named."""
    assert pm035.basis is Basis.GOOD_PRACTICE
    assert ("", "") == (pm035.provision, pm035.condition)


@pytest.mark.parametrize("part", _SUPPLIED_PARTS)
def test_a_gap_names_its_path(part: str) -> None:
    """A missing part is asked for by its path alone, from a privacy officer."""
    finding = _finding(_req(**{part: None}))
    assert (f"$.{part}",) == finding.evidence
    assert finding.reviewer is Reviewer.PRIVACY_OFFICER


def test_every_gap_is_named_at_once() -> None:
    """An empty s 66 record asks for every part it needs at once."""
    finding = _finding(SharingRequest("r", regime=SharingRegime.OT_S66))
    assert finding.status is Status.NEEDS_REVIEW
    expected = ("requester", "received_on", "assessed", "assessed_by", "assessed_on", "decision")
    assert tuple(f"$.{p}" for p in expected) == finding.evidence


def test_no_assessment_asks_for_nobody_who_made_it() -> None:
    """Recorded as not assessed: not met on that fact, not asking who assessed it."""
    finding = _finding(_req(assessed=False, assessed_by=None, assessed_on=None))
    assert finding.status is Status.NOT_MET
    assert ("$.assessed",) == finding.evidence


def test_not_told_without_a_reason_cites_both_facts() -> None:
    """Not told, with a recorded empty reason, rests on both recorded facts."""
    finding = _finding(_req(person_told=False, reason_not_told=""))
    assert ("$.person_told", "$.reason_not_told") == finding.evidence


def test_a_refusal_asks_neither_what_was_shared_nor_whether_the_person_was_told() -> None:
    """Nothing supplied: what was shared and telling the person are not asked for."""
    finding = _finding(_refused(SharingRegime.FV_S20))
    assert finding.status is Status.MET


def test_supplied_in_full_does_not_ask_about_privilege() -> None:
    """Privilege is asked about only where something was withheld."""
    assert _finding(_req(privilege_claimed=None)).status is Status.MET


@pytest.mark.parametrize(
    "request_",
    [
        _req(requester=_OTHER),
        _refused(SharingRegime.OT_S66),
        _refused(SharingRegime.OT_S66, privilege_claimed=True),
        _refused(SharingRegime.OT_S66C, privilege_claimed=True),
    ],
    ids=["s66-requester", "s66-refused", "privilege", "privilege-66c"],
)
def test_judgements_go_to_a_legal_adviser(request_: SharingRequest) -> None:
    """What remains a legal question goes to a legal adviser, with what would settle it."""
    finding = _finding(request_)
    assert finding.status is Status.NEEDS_REVIEW
    assert finding.reviewer is Reviewer.LEGAL_ADVISER
    assert finding.settle_with


def test_an_s66_refusal_without_privilege_cites_the_decision() -> None:
    """A s 66 refusal is sent for review citing the regime, decision and privilege."""
    finding = _finding(_refused(SharingRegime.OT_S66))
    assert ("$.regime", "$.decision", "$.privilege_claimed") == finding.evidence


def test_within_an_activity_the_request_is_walked() -> None:
    """An activity's requests are evaluated at their own paths, and refer to its records."""
    activity = Activity(
        "a",
        purposes=(Purpose("p"),),
        collections=(
            Collection("c", purposes=("p",), items=(InformationItem("school-attendance"),)),
        ),
        disclosures=(Disclosure("d", items=("school-attendance",), ground=SharingGround.OT_S66),),
        sharing_requests=(_req(disclosure="d"), _req(id="r2", assessed=False)),
    )
    report = dpup.evaluate(activity, select=["PM035"])
    assert [("$.sharing_requests[0]", Status.MET), ("$.sharing_requests[1]", Status.NOT_MET)] == [
        (f.subject, f.status) for f in report.findings
    ]
    alone = dpup.evaluate(activity.sharing_requests[1], context=activity, select=["PM035"])
    assert "$.sharing_requests[1]" == alone.findings[0].subject


@pytest.mark.parametrize(
    ("change", "where"),
    [
        ({"items": ("nothing-held",)}, "$.sharing_requests[0].items[0]"),
        ({"disclosure": "no-such-disclosure"}, "$.sharing_requests[0].disclosure"),
    ],
    ids=["item", "disclosure"],
)
def test_dangling_references_are_refused(change: dict[str, object], where: str) -> None:
    """A request naming an item or disclosure the activity does not hold is refused."""
    with pytest.raises(InputError) as info:
        Activity("a", sharing_requests=(attrs.evolve(_req(), **change),))  # type: ignore[arg-type]
    assert where in [p.path for p in info.value.problems]


def test_duplicate_request_ids_are_refused() -> None:
    """Two requests with one id are refused, naming the second."""
    with pytest.raises(InputError) as info:
        Activity("a", sharing_requests=(_req(items=None), _req(items=None)))
    assert "$.sharing_requests[1]" in [p.path for p in info.value.problems]


def test_a_request_loads_and_round_trips() -> None:
    """A request written in TOML loads with its enums and dates, and survives a round trip."""
    activity = loads(
        'name = "x"\n'
        "[[sharing_requests]]\n"
        'id = "r"\nregime = "fv-s20"\nrequester = "other"\nreceived_on = 2026-03-02\n'
        'assessed = true\nassessed_by = "team leader"\nassessed_on = 2026-03-02\n'
        'decision = "partly"\nprivilege_claimed = false\nperson_told = false\n'
        'reason_not_told = "not yet safe"\n'
    )
    (request,) = activity.sharing_requests
    assert (SharingRegime.FV_S20, _PARTLY) == (request.regime, request.decision)
    assert request == structure(unstructure(request), SharingRequest)
    assert activity == structure(unstructure(activity))


@pytest.mark.parametrize("regime", list(SharingRegime), ids=lambda r: r.value)
def test_every_regime_names_what_it_compels(regime: SharingRegime) -> None:
    """Only s 66 compels supply; s 66C and s 20 permit it; another Act is for an adviser."""
    expected = {
        SharingRegime.OT_S66: True,
        SharingRegime.OT_S66C: False,
        SharingRegime.FV_S20: False,
        SharingRegime.OTHER: None,
    }
    assert expected[regime] is regime.compels
    assert bool(regime.legal_refs) is (regime is not SharingRegime.OTHER)
