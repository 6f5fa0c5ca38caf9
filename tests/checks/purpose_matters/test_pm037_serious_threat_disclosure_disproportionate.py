"""PM037 serious-threat-disclosure-disproportionate: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

import dpup
from dpup import Disclosure, loads, structure, unstructure
from dpup.checks.purpose_matters.pm037_serious_threat_disclosure_disproportionate import (
    serious_threat_disclosure_disproportionate as pm037,
)
from dpup.findings import Finding, Reviewer, Status
from dpup.law import Basis
from dpup.model import Recipient, RecipientKind, SharingGround
from tests.checks.cases import Case, run_case
from tests.checks.purpose_matters._builders import MET, NA, NOT_MET, REVIEW, _disclosure, _use

_THREAT = SharingGround.SERIOUS_THREAT
_FACTS = ("threat_assessed", "recipient_can_act", "limited_to_threat")


def _threat(**kw: object) -> Disclosure:
    """A serious-threat disclosure to the Police, assessed and kept to what was needed."""
    base: dict[str, object] = {
        "ground": _THREAT,
        "recipient": Recipient("New Zealand Police", kind=RecipientKind.ORGANISATION),
        "threat_assessed": True,
        "recipient_can_act": True,
        "limited_to_threat": True,
    }
    base.update(kw)
    return _disclosure(**base)


CASES = [
    # PM037 serious-threat-disclosure-disproportionate
    Case("pm037-confirmed", "PM037", _threat(threat_confirmed=True), MET),
    # Complete but not yet confirmed: always a legal adviser's judgement.
    Case("pm037-complete", "PM037", _threat(), REVIEW),
    Case("pm037-refuted", "PM037", _threat(threat_confirmed=False), NOT_MET),
    *[Case(f"pm037-{fact}-false", "PM037", _threat(**{fact: False}), NOT_MET) for fact in _FACTS],
    *[Case(f"pm037-{fact}-gap", "PM037", _threat(**{fact: None}), REVIEW) for fact in _FACTS],
    Case("pm037-items-gap", "PM037", _threat(items=None), REVIEW),
    Case("pm037-items-empty", "PM037", _threat(items=()), REVIEW),
    # A recorded failure outweighs a gap elsewhere.
    Case(
        "pm037-not-assessed-rest-unrecorded",
        "PM037",
        _threat(threat_assessed=False, recipient_can_act=None, limited_to_threat=None),
        NOT_MET,
    ),
    # Other grounds, and uses, are not applicable.
    *[
        Case(f"pm037-ground-{g.value}", "PM037", _disclosure(ground=g, threat_assessed=False), NA)
        for g in SharingGround
        if g is not _THREAT
    ],
    Case("pm037-ground-unrecorded", "PM037", _disclosure(threat_assessed=False), NA),
    Case("pm037-use", "PM037", _use(ground=_THREAT, threat_assessed=False), NA),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """PM037 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses


def _finding(disclosure: Disclosure) -> Finding:
    (finding,) = dpup.evaluate(disclosure, select=["PM037"]).findings
    return finding


def test_the_check_names_its_provision() -> None:
    """PM037 is a LAW check of IPP11(1)(f), stated in one line."""
    assert pm037.basis is Basis.LAW
    assert "IPP11(1)(f)" == pm037.provision
    assert "\n" not in pm037.condition


def test_not_assessed_rests_on_recorded_facts() -> None:
    """A disclosure recorded as not assessed cites the ground and that fact only."""
    finding = _finding(_threat(threat_assessed=False, recipient_can_act=None))
    assert ("$.ground", "$.threat_assessed") == finding.evidence


def test_a_complete_record_goes_to_a_legal_adviser() -> None:
    """A complete record is a judgement: a legal adviser confirms it, told what to record."""
    finding = _finding(_threat())
    assert finding.reviewer is Reviewer.LEGAL_ADVISER
    assert any("threat_confirmed" in s for s in finding.settle_with)
    assert ("$.ground", *(f"$.{f}" for f in (*_FACTS, "items"))) == finding.evidence


def test_gaps_are_named_together() -> None:
    """Every unrecorded part of the record is asked for at once."""
    finding = _finding(_threat(recipient_can_act=None, limited_to_threat=None, items=None))
    assert ("$.recipient_can_act", "$.limited_to_threat", "$.items") == finding.evidence
    assert finding.reviewer is Reviewer.PRIVACY_OFFICER


def test_the_gate_gives_one_shared_outcome() -> None:
    """Every other disclosure gets the same interned outcome from the gate."""
    first = _finding(_disclosure(ground=SharingGround.COLLECTION_PURPOSE))
    second = _finding(_disclosure(id="e", ground=SharingGround.AUTHORISED))
    assert first.status is second.status is Status.NOT_APPLICABLE
    assert first.message == second.message


def test_the_new_fields_load_and_round_trip() -> None:
    """The proportionality facts load from TOML and survive a round trip."""
    activity = loads(
        'name = "x"\n[[disclosures]]\nid = "d"\nground = "serious-threat"\n'
        "threat_assessed = true\nrecipient_can_act = true\nlimited_to_threat = false\n"
        "threat_confirmed = false\n"
    )
    (disclosure,) = activity.disclosures
    assert (True, False, False) == (
        disclosure.recipient_can_act,
        disclosure.limited_to_threat,
        disclosure.threat_confirmed,
    )
    assert disclosure == structure(unstructure(disclosure), Disclosure)
