"""TC013 flow-not-in-notice: its cases, on both sides of the line."""

from __future__ import annotations

import attrs
import pytest

from dpup import (
    Activity,
    Disclosure,
    Purpose,
)
from dpup.findings import Finding, Status
from dpup.model import (
    FlowKind,
    Recipient,
    SharingGround,
)
from tests.checks.cases import Case, run_case
from tests.checks.transparency_and_choice._builders import (
    _PURPOSES,
    _TO_COURT,
    _TOLD,
    _TWO_NOTICES,
    _TWO_NOTICES_EXPLAINED,
    MET,
    NOT_MET,
    REVIEW,
    _col,
    _court_disclosure,
    _flow_case,
    _notice,
)

_BEYOND = Disclosure(
    "d", recipient=Recipient("Family Court"), purposes=("q",), items=("name",), identifiable=True
)

CASES = [
    # TC013 flow-not-in-notice
    _flow_case("tc013-listed", "TC013", _TOLD, MET),
    _flow_case(
        "tc013-listed-ignoring-case",
        "TC013",
        _notice(recipients=("THE FAMILY COURT (if asked)",), uses_explained=("p",)),
        MET,
    ),
    _flow_case(
        "tc013-purpose-from-collection",
        "TC013",
        _notice(recipients=("Family Court",), purpose=True),
        MET,
    ),
    _flow_case(
        "tc013-recipient-unlisted",
        "TC013",
        _notice(recipients=("relevant agencies",), uses_explained=("p",)),
        NOT_MET,
    ),
    _flow_case(
        "tc013-purpose-unexplained",
        "TC013",
        _notice(recipients=("Family Court",), purpose=False),
        NOT_MET,
    ),
    Case(
        "tc013-purpose-beyond-collection",
        "TC013",
        _BEYOND,
        NOT_MET,
        context=Activity(
            "a",
            purposes=(*_PURPOSES, Purpose("q")),
            collections=(_col(_notice(recipients=("Family Court",), purpose=True)),),
            disclosures=(_BEYOND,),
        ),
    ),
    _flow_case(
        "tc013-use-unexplained",
        "TC013",
        _notice(recipients=(), uses_explained=()),
        NOT_MET,
        kind=FlowKind.USE,
        recipient=None,
    ),
    _flow_case(
        "tc013-non-identifying-unlisted",
        "TC013",
        _notice(recipients=(), uses_explained=("p",)),
        REVIEW,
        identifiable=False,
    ),
    _flow_case(
        "tc013-identifiability-unknown",
        "TC013",
        _notice(recipients=(), uses_explained=("p",)),
        REVIEW,
        identifiable=None,
    ),
    _flow_case(
        "tc013-override-explained",
        "TC013",
        _notice(recipients=(), sharing_exceptions=(SharingGround.OT_S66,)),
        MET,
        recipient=Recipient("Oranga Tamariki"),
        ground=SharingGround.OT_S66,
    ),
    _flow_case("tc013-no-notice", "TC013", None, REVIEW),
    _flow_case("tc013-no-items", "TC013", _TOLD, REVIEW, items=None),
    Case("tc013-no-context", "TC013", _court_disclosure(), REVIEW),
    _flow_case("tc013-recipient-unrecorded", "TC013", _TOLD, REVIEW, recipient=None),
    _flow_case("tc013-purposes-unrecorded", "TC013", _TOLD, REVIEW, purposes=None),
    _flow_case(
        "tc013-notice-recipients-unrecorded", "TC013", _notice(uses_explained=("p",)), REVIEW
    ),
    _flow_case("tc013-uses-unrecorded", "TC013", _notice(recipients=("Family Court",)), REVIEW),
    _flow_case(
        "tc013-override-not-explained",
        "TC013",
        _notice(recipients=("Police",), uses_explained=("p",)),
        NOT_MET,
        ground=SharingGround.OT_S66,
    ),
    Case(
        "tc013-first-source-silent",
        "TC013",
        _TO_COURT,
        NOT_MET,
        context=Activity(
            "a", purposes=_PURPOSES, collections=_TWO_NOTICES, disclosures=(_TO_COURT,)
        ),
    ),
    Case(
        "tc013-first-source-explains-override",
        "TC013",
        _TO_COURT,
        NOT_MET,
        context=Activity(
            "a",
            purposes=_PURPOSES,
            collections=_TWO_NOTICES_EXPLAINED,
            disclosures=(_TO_COURT,),
        ),
    ),
    Case(
        "tc013-proposed-disclosure",
        "TC013",
        attrs.evolve(_TO_COURT, id="proposed"),
        NOT_MET,
        context=Activity(
            "a", purposes=_PURPOSES, collections=_TWO_NOTICES, disclosures=(_TO_COURT,)
        ),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """TC013 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses


def _finding(case_id: str) -> Finding:
    (case,) = [c for c in CASES if c.id == case_id]
    (finding,) = run_case(case)
    return finding


@pytest.mark.parametrize(
    ("case_id", "evidence"),
    [
        (
            "tc013-recipient-unlisted",
            ("$.collections[0].notice.recipients", "$.disclosures[0].recipient"),
        ),
        (
            "tc013-purpose-unexplained",
            ("$.collections[0].notice.purpose", "$.disclosures[0].purposes"),
        ),
        (
            "tc013-purpose-beyond-collection",
            ("$.collections[0].notice.purpose", "$.disclosures[0].purposes"),
        ),
        (
            "tc013-use-unexplained",
            ("$.collections[0].notice.uses_explained", "$.disclosures[0].purposes"),
        ),
    ],
)
def test_not_met_cites_recorded_facts(case_id: str, evidence: tuple[str, ...]) -> None:
    """Not met cites the notice entry that was recorded and what of the flow it leaves out."""
    finding = _finding(case_id)
    assert Status.NOT_MET is finding.status
    assert evidence == finding.evidence
