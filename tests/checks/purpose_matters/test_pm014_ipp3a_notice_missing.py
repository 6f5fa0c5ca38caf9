"""PM014 ipp3a-notice-missing: its cases, on both sides of the line."""

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
    NoticeTiming,
    Source,
)
from tests.checks.cases import Case, run_case
from tests.checks.purpose_matters._builders import (
    _AFTER,
    _AGG,
    _BEFORE,
    _IPP3A_NOTICE,
    _ITEM,
    _UNKNOWN_ITEM,
    MET,
    NA,
    NOT_MET,
    REVIEW,
    _indirect,
)

CASES = [
    # PM014 ipp3a-notice-missing
    Case(
        "pm014-told",
        "PM014",
        _indirect(collected_on=_AFTER, notice=_IPP3A_NOTICE),
        MET,
    ),
    Case(
        "pm014-told-with-identifying-sharing",
        "PM014",
        _indirect(collected_on=_AFTER, notice=_IPP3A_NOTICE),
        MET,
        context=Activity("a", disclosures=(Disclosure("d"),)),
    ),
    Case(
        "pm014-never-told",
        "PM014",
        _indirect(collected_on=_AFTER, notice=Notice(timing=NoticeTiming.NEVER)),
        NOT_MET,
    ),
    Case(
        "pm014-no-purpose",
        "PM014",
        _indirect(collected_on=_AFTER, notice=Notice(purpose=False)),
        NOT_MET,
    ),
    Case("pm014-notice-unrecorded", "PM014", _indirect(collected_on=_AFTER), REVIEW),
    Case(
        "pm014-exception",
        "PM014",
        _indirect(collected_on=_AFTER, notice=Notice(exception=Ipp3Exception.NOT_PRACTICABLE)),
        REVIEW,
    ),
    Case("pm014-date-unrecorded", "PM014", _indirect(notice=_IPP3A_NOTICE), REVIEW),
    Case(
        "pm014-law-unnamed",
        "PM014",
        _indirect(collected_on=_AFTER, notice=attrs.evolve(_IPP3A_NOTICE, law=False)),
        REVIEW,
    ),
    Case("pm014-before-commencement", "PM014", _indirect(collected_on=_BEFORE), NA),
    Case("pm014-direct", "PM014", Collection("c", items=(_ITEM,), source=Source.INDIVIDUAL), NA),
    Case("pm014-counts", "PM014", _indirect(items=(_AGG,), collected_on=_AFTER), NA),
    Case("pm014-source-unrecorded", "PM014", Collection("c", items=(_ITEM,)), REVIEW),
    Case(
        "pm014-identifying-unrecorded",
        "PM014",
        _indirect(items=(_UNKNOWN_ITEM,), collected_on=_AFTER),
        REVIEW,
    ),
    Case(
        "pm014-recipients-unrecorded",
        "PM014",
        _indirect(collected_on=_AFTER, notice=attrs.evolve(_IPP3A_NOTICE, recipients=None)),
        REVIEW,
    ),
    Case(
        "pm014-matters-unrecorded",
        "PM014",
        _indirect(
            collected_on=_AFTER,
            notice=attrs.evolve(
                _IPP3A_NOTICE,
                fact_of_collection=None,
                agency_name_address=None,
                access_correction_rights=None,
            ),
        ),
        REVIEW,
    ),
    Case(
        "pm014-no-recipients-nothing-shared",
        "PM014",
        _indirect(collected_on=_AFTER, notice=attrs.evolve(_IPP3A_NOTICE, recipients=())),
        MET,
        context=Activity("a", disclosures=(Disclosure("d", identifiable=False),)),
    ),
    Case(
        "pm014-no-recipients-but-shared",
        "PM014",
        _indirect(collected_on=_AFTER, notice=attrs.evolve(_IPP3A_NOTICE, recipients=())),
        NOT_MET,
        context=Activity("a", disclosures=(Disclosure("d"),)),
    ),
    Case(
        "pm014-no-recipients-no-context",
        "PM014",
        _indirect(collected_on=_AFTER, notice=attrs.evolve(_IPP3A_NOTICE, recipients=())),
        MET,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """PM014 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses
