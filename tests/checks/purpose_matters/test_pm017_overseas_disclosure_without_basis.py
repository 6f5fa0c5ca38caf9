"""PM017 overseas-disclosure-without-basis: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup import Disclosure, evaluate, loads, structure, unstructure
from dpup.checks.purpose_matters.pm017_overseas_disclosure_without_basis import (
    overseas_disclosure_without_basis as pm017,
)
from dpup.findings import Finding, Reviewer, Status
from dpup.model import (
    Ipp12Basis,
    Recipient,
    SharingGround,
)
from tests.checks.cases import Case, run_case
from tests.checks.purpose_matters._builders import (
    MET,
    NA,
    NOT_MET,
    REVIEW,
    _abroad,
    _disclosure,
    _use,
)

# The IPP12(1) bases that are facts the agency records: each is met as recorded.
_PLAIN = [
    Ipp12Basis.AUTHORISED_AFTER_WARNING,
    Ipp12Basis.SUBJECT_TO_NZ_ACT,
    Ipp12Basis.COMPARABLE_LAW,
    Ipp12Basis.BINDING_SCHEME,
    Ipp12Basis.PRESCRIBED_COUNTRY,
    Ipp12Basis.CONTRACT_CLAUSES,
]
# IPP11 grounds IPP12 reaches (IPP11(1)(a), (c), (e), (f), (h), (i), and s 30).
_REACHED = [g for g in SharingGround if g.reached_by_ipp12 is True]
# IPP11(1)(b), (d) and (g): IPP12 does not reach them; nor a recorded "none" (no IPP11
# ground is relied on, so IPP12 is not engaged: IPP11 itself is breached, PM016).
_OUT_OF_REACH = [g for g in SharingGround if g.reached_by_ipp12 is False]
# Grounds in other laws (s 24(1)): IPP12 does not limit them; a legal adviser decides.
_OTHER_LAW = [g for g in SharingGround if g.reached_by_ipp12 is None]
_EMERGENCY = [SharingGround.MAINTENANCE_OF_LAW, SharingGround.SERIOUS_THREAT]
_NONE = Ipp12Basis.NONE
_NP = Ipp12Basis.NOT_PRACTICABLE

CASES = [
    # PM017 overseas-disclosure-without-basis
    *[Case(f"pm017-basis-{b.value}", "PM017", _abroad(ipp12_basis=b), MET) for b in _PLAIN],
    Case(
        "pm017-basis-with-ground",
        "PM017",
        _abroad(ipp12_basis=Ipp12Basis.COMPARABLE_LAW, ground=SharingGround.COLLECTION_PURPOSE),
        MET,
    ),
    Case("pm017-basis-unrecorded", "PM017", _abroad(), REVIEW),
    Case(
        "pm017-basis-unrecorded-with-ground",
        "PM017",
        _abroad(ground=SharingGround.COLLECTION_PURPOSE),
        REVIEW,
    ),
    *[
        Case(f"pm017-none-{g.value}", "PM017", _abroad(ipp12_basis=_NONE, ground=g), NOT_MET)
        for g in _REACHED
    ],
    Case("pm017-none-ground-unrecorded", "PM017", _abroad(ipp12_basis=_NONE), REVIEW),
    *[
        Case(f"pm017-none-{g.value}", "PM017", _abroad(ipp12_basis=_NONE, ground=g), REVIEW)
        for g in _OTHER_LAW
    ],
    *[
        Case(f"pm017-out-of-reach-{g.value}", "PM017", _abroad(ipp12_basis=_NONE, ground=g), NA)
        for g in _OUT_OF_REACH
    ],
    *[
        Case(f"pm017-out-of-reach-unrecorded-{g.value}", "PM017", _abroad(ground=g), NA)
        for g in _OUT_OF_REACH
    ],
    Case("pm017-agent", "PM017", _abroad(ipp12_basis=Ipp12Basis.AGENT_STORAGE), REVIEW),
    *[
        Case(
            f"pm017-not-practicable-{g.value}", "PM017", _abroad(ipp12_basis=_NP, ground=g), REVIEW
        )
        for g in _EMERGENCY
    ],
    Case("pm017-not-practicable-ground-unrecorded", "PM017", _abroad(ipp12_basis=_NP), REVIEW),
    *[
        Case(
            f"pm017-not-practicable-{g.value}", "PM017", _abroad(ipp12_basis=_NP, ground=g), NOT_MET
        )
        for g in _REACHED
        if g not in _EMERGENCY
    ],
    *[
        Case(
            f"pm017-not-practicable-{g.value}", "PM017", _abroad(ipp12_basis=_NP, ground=g), REVIEW
        )
        for g in _OTHER_LAW
    ],
    Case(
        "pm017-commissioner",
        "PM017",
        _abroad(ipp12_basis=Ipp12Basis.COMMISSIONER_AUTHORISED),
        REVIEW,
    ),
    Case(
        "pm017-country-unrecorded",
        "PM017",
        _disclosure(recipient=Recipient("Research partner"), ipp12_basis=_NONE),
        REVIEW,
    ),
    Case(
        "pm017-nz",
        "PM017",
        _disclosure(recipient=Recipient("Family Court", country="NZ"), ipp12_basis=_NONE),
        NA,
    ),
    Case("pm017-use", "PM017", _use(ipp12_basis=_NONE), NA),
    Case("pm017-recipient-unrecorded", "PM017", _disclosure(ipp12_basis=_NONE), REVIEW),
    Case("pm017-not-identifying", "PM017", _abroad(identifiable=False, ipp12_basis=_NONE), NA),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """PM017 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses


def _finding(disclosure: Disclosure) -> Finding:
    (finding,) = evaluate(disclosure, select=["PM017"]).findings
    return finding


def test_the_ground_classes_cover_every_ground() -> None:
    """Every ground is reached, out of reach or another law's, as IPP12(1) and s 24(1) say."""
    assert len(_REACHED) + len(_OUT_OF_REACH) + len(_OTHER_LAW) == len(SharingGround)
    assert set(_OUT_OF_REACH) == {
        SharingGround.NONE,
        SharingGround.TO_PERSON,
        SharingGround.PUBLICLY_AVAILABLE,
        SharingGround.INTELLIGENCE_SECURITY,
    }
    assert set(_OTHER_LAW) == {
        SharingGround.OT_S66,
        SharingGround.OT_S66C,
        SharingGround.FV_S20,
        SharingGround.COURT_ORDER,
        SharingGround.OTHER_STATUTE,
    }


def test_an_unrecorded_basis_asks_for_it() -> None:
    """An absent basis is a gap, not a breach: the finding names ipp12_basis."""
    finding = _finding(_abroad())
    assert finding.status is Status.NEEDS_REVIEW
    assert ("$.ipp12_basis",) == finding.evidence


def test_none_applies_rests_on_recorded_facts() -> None:
    """A recorded "none" on a reached ground cites the country, the ground and the basis."""
    finding = _finding(_abroad(ipp12_basis=_NONE, ground=SharingGround.COLLECTION_PURPOSE))
    assert finding.status is Status.NOT_MET
    assert ("$.recipient.country", "$.ground", "$.ipp12_basis") == finding.evidence


def test_none_without_a_ground_asks_for_the_ground() -> None:
    """Whether IPP12 reaches the disclosure depends on its IPP11 ground, so it is asked for."""
    finding = _finding(_abroad(ipp12_basis=_NONE))
    assert finding.status is Status.NEEDS_REVIEW
    assert ("$.ground",) == finding.evidence


def test_another_law_goes_to_a_legal_adviser() -> None:
    """With no basis and a ground in another law, a legal adviser confirms that law's reach."""
    finding = _finding(_abroad(ipp12_basis=_NONE, ground=SharingGround.OTHER_STATUTE))
    assert finding.status is Status.NEEDS_REVIEW
    assert finding.reviewer is Reviewer.LEGAL_ADVISER


def test_not_practicable_on_an_ordinary_ground_cites_the_ground() -> None:
    """The not-practicable route claimed for a collection-purpose disclosure is not met."""
    finding = _finding(_abroad(ipp12_basis=_NP, ground=SharingGround.COLLECTION_PURPOSE))
    assert finding.status is Status.NOT_MET
    assert ("$.ground", "$.ipp12_basis") == finding.evidence


@pytest.mark.parametrize("basis", [_NP, Ipp12Basis.COMMISSIONER_AUTHORISED], ids=lambda b: b.value)
def test_claimed_routes_go_to_a_legal_adviser(basis: Ipp12Basis) -> None:
    """The not-practicable route and a s 30 authorisation go to a legal adviser."""
    finding = _finding(_abroad(ipp12_basis=basis, ground=SharingGround.SERIOUS_THREAT))
    assert finding.status is Status.NEEDS_REVIEW
    assert finding.reviewer is Reviewer.LEGAL_ADVISER
    assert finding.settle_with


def test_the_agent_route_goes_to_a_privacy_officer() -> None:
    """A recipient said to be the agency's agent is confirmed by a privacy officer."""
    finding = _finding(_abroad(ipp12_basis=Ipp12Basis.AGENT_STORAGE))
    assert finding.reviewer is Reviewer.PRIVACY_OFFICER


def test_the_check_names_its_provision() -> None:
    """PM017 tests IPP12(1) and states the condition in one line."""
    assert "IPP12(1)" == pm017.provision
    assert pm017.condition
    assert "\n" not in pm017.condition


@pytest.mark.parametrize("basis", list(Ipp12Basis), ids=lambda b: b.value)
def test_every_basis_loads_and_round_trips(basis: Ipp12Basis) -> None:
    """Each basis loads from its documented value and survives a round trip."""
    activity = loads(
        f'name = "x"\n[[disclosures]]\nid = "d"\nipp12_basis = "{basis.value}"\n'
        'ground = "business-sale"'
    )
    disclosure = activity.disclosures[0]
    assert basis is disclosure.ipp12_basis
    assert disclosure == structure(unstructure(disclosure), Disclosure)


@pytest.mark.parametrize("ground", list(SharingGround), ids=lambda g: g.value)
def test_every_ground_loads_and_round_trips(ground: SharingGround) -> None:
    """Each ground, the new IPP11 ones included, loads from its value and round-trips."""
    activity = loads(f'name = "x"\n[[disclosures]]\nid = "d"\nground = "{ground.value}"')
    disclosure = activity.disclosures[0]
    assert ground is disclosure.ground
    assert disclosure == structure(unstructure(disclosure), Disclosure)


def test_no_ground_at_all_is_left_to_ipp11() -> None:
    """With "none" recorded as the ground, IPP12 is not engaged; PM016 reports the breach."""
    finding = _finding(_abroad(ipp12_basis=_NONE, ground=SharingGround.NONE))
    assert finding.status is Status.NOT_APPLICABLE
    assert ("$.ground",) == finding.evidence
