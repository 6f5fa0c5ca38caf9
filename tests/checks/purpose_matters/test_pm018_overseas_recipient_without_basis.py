"""PM018 overseas-recipient-without-basis: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup import SharingAgreement, evaluate
from dpup.checks.purpose_matters.pm018_overseas_recipient_without_basis import (
    overseas_recipient_without_basis as pm018,
)
from dpup.findings import Finding, Reviewer, Status
from dpup.model import (
    Ipp12Basis,
    OverseasRecipient,
)
from tests.checks.cases import Case, run_case
from tests.checks.purpose_matters._builders import (
    _AGG_FIELDS,
    _IDENT_FIELDS,
    MET,
    NA,
    NOT_MET,
    REVIEW,
    _agreement,
)

_PLAIN = [
    Ipp12Basis.AUTHORISED_AFTER_WARNING,
    Ipp12Basis.SUBJECT_TO_NZ_ACT,
    Ipp12Basis.COMPARABLE_LAW,
    Ipp12Basis.BINDING_SCHEME,
    Ipp12Basis.PRESCRIBED_COUNTRY,
    Ipp12Basis.CONTRACT_CLAUSES,
]
_CLAIMED = [
    Ipp12Basis.AGENT_STORAGE,
    Ipp12Basis.NOT_PRACTICABLE,
    Ipp12Basis.COMMISSIONER_AUTHORISED,
]


def _abroad(*bases: Ipp12Basis | None) -> SharingAgreement:
    """An identifying agreement with one overseas recipient per basis given."""
    return _agreement(
        fields=_IDENT_FIELDS,
        overseas_recipients=tuple(OverseasRecipient(f"R{i}", "AU", b) for i, b in enumerate(bases)),
    )


CASES = [
    # PM018 overseas-recipient-without-basis
    *[Case(f"pm018-basis-{b.value}", "PM018", _abroad(b), MET) for b in _PLAIN],
    Case("pm018-bases", "PM018", _abroad(*_PLAIN), MET),
    Case("pm018-none-applies", "PM018", _abroad(Ipp12Basis.NONE), NOT_MET),
    Case(
        "pm018-none-beside-unrecorded",
        "PM018",
        _abroad(None, Ipp12Basis.NONE, Ipp12Basis.AGENT_STORAGE),
        NOT_MET,
    ),
    Case("pm018-basis-unrecorded", "PM018", _abroad(None), REVIEW),
    Case(
        "pm018-unrecorded-beside-claimed",
        "PM018",
        _abroad(Ipp12Basis.COMPARABLE_LAW, None, Ipp12Basis.AGENT_STORAGE),
        REVIEW,
    ),
    *[Case(f"pm018-claimed-{b.value}", "PM018", _abroad(b), REVIEW) for b in _CLAIMED],
    Case(
        "pm018-agent-no-fields",
        "PM018",
        _agreement(
            overseas_recipients=(OverseasRecipient("Cloud", "AU", Ipp12Basis.AGENT_STORAGE),)
        ),
        REVIEW,
    ),
    Case("pm018-unrecorded", "PM018", _agreement(fields=_IDENT_FIELDS), REVIEW),
    Case("pm018-none-overseas", "PM018", _agreement(overseas_recipients=()), NA),
    Case("pm018-counts", "PM018", _agreement(fields=_AGG_FIELDS), NA),
    Case(
        "pm018-counts-none-applies",
        "PM018",
        _agreement(
            fields=_AGG_FIELDS,
            overseas_recipients=(OverseasRecipient("Lab", "US", Ipp12Basis.NONE),),
        ),
        NA,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """PM018 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses


def _finding(agreement: SharingAgreement) -> Finding:
    (finding,) = evaluate(agreement, select=["PM018"]).findings
    return finding


def test_none_applies_cites_only_the_recipients_recorded_none() -> None:
    """NOT_MET points at the recipients recorded "none", never at an unrecorded one."""
    finding = _finding(_abroad(None, Ipp12Basis.NONE))
    assert finding.status is Status.NOT_MET
    assert ("$.overseas_recipients[1].ipp12_basis",) == finding.evidence


def test_unrecorded_bases_are_asked_for_by_path() -> None:
    """Each recipient without a recorded basis is named."""
    finding = _finding(_abroad(None, Ipp12Basis.COMPARABLE_LAW, None))
    assert finding.status is Status.NEEDS_REVIEW
    assert (
        "$.overseas_recipients[0].ipp12_basis",
        "$.overseas_recipients[2].ipp12_basis",
    ) == finding.evidence


def test_an_agent_goes_to_a_privacy_officer() -> None:
    """A recipient said to be the agency's agent is confirmed by a privacy officer."""
    finding = _finding(_abroad(Ipp12Basis.AGENT_STORAGE))
    assert finding.reviewer is Reviewer.PRIVACY_OFFICER
    assert 1 == len(finding.settle_with)


def test_other_claimed_routes_go_to_a_legal_adviser() -> None:
    """The not-practicable route and a s 30 authorisation go to a legal adviser."""
    finding = _finding(
        _abroad(
            Ipp12Basis.AGENT_STORAGE,
            Ipp12Basis.COMMISSIONER_AUTHORISED,
            Ipp12Basis.NOT_PRACTICABLE,
            Ipp12Basis.COMPARABLE_LAW,
        )
    )
    assert finding.status is Status.NEEDS_REVIEW
    assert finding.reviewer is Reviewer.LEGAL_ADVISER
    assert 3 == len(finding.settle_with)
    assert (
        "$.overseas_recipients[0].ipp12_basis",
        "$.overseas_recipients[1].ipp12_basis",
        "$.overseas_recipients[2].ipp12_basis",
    ) == finding.evidence


def test_the_check_names_its_provision() -> None:
    """PM018 tests IPP12(1) and states the condition in one line."""
    assert "IPP12(1)" == pm018.provision
    assert pm018.condition
    assert "\n" not in pm018.condition
