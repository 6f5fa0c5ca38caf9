"""TC001 notice-missing-ipp3-matters: its cases, on both sides of the line."""

from __future__ import annotations

import attrs
import pytest

from dpup import (
    Activity,
    Collection,
    Disclosure,
)
from dpup.model import (
    Ipp3Exception,
    Notice,
    Source,
)
from tests.checks.cases import Case, run_case
from tests.checks.transparency_and_choice._builders import (
    _FULL_NOTICE,
    MET,
    NA,
    NOT_MET,
    REVIEW,
    _col,
    _notice,
)

CASES = [
    # TC001 notice-missing-ipp3-matters
    Case("tc001-full", "TC001", _col(_FULL_NOTICE), MET),
    Case("tc001-no-purpose", "TC001", _col(_notice(purpose=False, recipients=("MSD",))), NOT_MET),
    Case(
        "tc001-generic-recipients-only",
        "TC001",
        _col(
            Notice(
                fact_of_collection=True,
                purpose=True,
                recipients=("relevant agencies",),
                agency_name_address=True,
                voluntary_or_mandatory=True,
                access_correction_rights=True,
            )
        ),
        NOT_MET,
    ),
    Case("tc001-no-notice", "TC001", Collection("c"), REVIEW),
    Case(
        "tc001-exception",
        "TC001",
        _col(_notice(exception=Ipp3Exception.NOT_PRACTICABLE)),
        REVIEW,
    ),
    Case(
        "tc001-law-unstated",
        "TC001",
        _col(
            Notice(
                fact_of_collection=True,
                purpose=True,
                recipients=("MSD",),
                agency_name_address=True,
                voluntary_or_mandatory=True,
                access_correction_rights=True,
                law=False,
                consequences=True,
            )
        ),
        REVIEW,
    ),
    Case("tc001-indirect", "TC001", Collection("c", source=Source.OTHER_AGENCY), NA),
    Case(
        "tc001-recipients-unrecorded",
        "TC001",
        _col(attrs.evolve(_FULL_NOTICE, recipients=None)),
        REVIEW,
    ),
    Case(
        "tc001-no-recipients-no-context",
        "TC001",
        _col(attrs.evolve(_FULL_NOTICE, recipients=())),
        MET,
    ),
    Case(
        "tc001-no-recipients-but-identifying-sharing",
        "TC001",
        _col(attrs.evolve(_FULL_NOTICE, recipients=())),
        NOT_MET,
        context=Activity("a", disclosures=(Disclosure("d"),)),
    ),
    Case(
        "tc001-matters-unrecorded",
        "TC001",
        _col(_notice(purpose=True, recipients=("Ministry of Social Development",))),
        REVIEW,
    ),
    Case(
        "tc001-consequences-unstated",
        "TC001",
        _col(attrs.evolve(_FULL_NOTICE, consequences=None)),
        REVIEW,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """TC001 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses
