"""TC014 downstream-uses-unexplained: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup import (
    Disclosure,
    InformationItem,
    SharingAgreement,
)
from dpup.model import (
    SharingGround,
)
from tests.checks.cases import Case, run_case
from tests.checks.transparency_and_choice._builders import (
    _AGGREGATE_FUNDING,
    _FUNDING,
    MET,
    NA,
    NOT_MET,
    REVIEW,
    _col,
    _downstream,
    _notice,
    _on_collection,
)

CASES = [
    # TC014 downstream-uses-unexplained
    _on_collection(
        "tc014-explained",
        "TC014",
        _col(_notice(downstream_uses_explained=True, non_identifying_uses_explained=True)),
        MET,
        agreements=(_AGGREGATE_FUNDING,),
    ),
    _on_collection(
        "tc014-funder-unexplained",
        "TC014",
        _col(_notice(downstream_uses_explained=False)),
        NOT_MET,
        agreements=(_FUNDING,),
    ),
    _on_collection(
        "tc014-aggregate-unexplained",
        "TC014",
        _col(_notice(downstream_uses_explained=True, non_identifying_uses_explained=False)),
        NOT_MET,
        agreements=(_AGGREGATE_FUNDING,),
    ),
    _on_collection(
        "tc014-non-identifying-disclosure",
        "TC014",
        _col(_notice(non_identifying_uses_explained=False)),
        NOT_MET,
        disclosures=(Disclosure("d", items=("name",), identifiable=False),),
    ),
    _on_collection(
        "tc014-research-unrecorded",
        "TC014",
        _col(_notice()),
        REVIEW,
        disclosures=(Disclosure("d", items=("name",), ground=SharingGround.STATISTICAL_RESEARCH),),
    ),
    _on_collection(
        "tc014-research-unexplained",
        "TC014",
        _col(_notice(downstream_uses_explained=False)),
        NOT_MET,
        disclosures=(Disclosure("d", items=("name",), ground=SharingGround.STATISTICAL_RESEARCH),),
    ),
    _on_collection("tc014-no-flows", "TC014", _col(_notice()), NA),
    _downstream(
        "tc014-second-agreement",
        _notice(downstream_uses_explained=True),
        MET,
        SharingAgreement("g0", purposes=("q",)),
        SharingAgreement("g1", purposes=("p",), fields=(InformationItem("x"),)),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """TC014 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses
