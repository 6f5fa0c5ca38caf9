"""PM015 use-beyond-purpose: its cases, on both sides of the line."""

from __future__ import annotations

from datetime import date

import pytest

from dpup.checks import BUILTIN_CHECKS
from dpup.model import (
    SharingGround,
)
from tests.checks.cases import Case, run_case
from tests.checks.purpose_matters._builders import (
    _FLOWS,
    _OWN_PURPOSES,
    _TWO_SOURCES,
    MET,
    NA,
    NOT_MET,
    REVIEW,
    _disclosure,
    _use,
)

CASES = [
    # PM015 use-beyond-purpose
    Case("pm015-within", "PM015", _use(), MET, context=_FLOWS),
    # Beyond purpose with no ground recorded at all: an evidence gap, not a breach.
    Case("pm015-beyond-ground-unrecorded", "PM015", _use(purposes=("q",)), REVIEW, context=_FLOWS),
    # Recorded: no ground or exception applies. Beyond purpose, that is a breach of IPP10.
    Case(
        "pm015-beyond-ground-none",
        "PM015",
        _use(purposes=("q",), ground=SharingGround.NONE),
        NOT_MET,
        context=_FLOWS,
    ),
    Case("pm015-within-ground-none", "PM015", _use(ground=SharingGround.NONE), MET, context=_FLOWS),
    Case(
        "pm015-claims-collection-purpose",
        "PM015",
        _use(purposes=("q",), ground=SharingGround.COLLECTION_PURPOSE),
        NOT_MET,
        context=_FLOWS,
    ),
    Case(
        "pm015-directly-related",
        "PM015",
        _use(purposes=("q",), ground=SharingGround.DIRECTLY_RELATED),
        REVIEW,
        context=_FLOWS,
    ),
    Case(
        "pm015-exception-within-purpose",
        "PM015",
        _use(ground=SharingGround.STATISTICAL_RESEARCH),
        REVIEW,
        context=_FLOWS,
    ),
    Case(
        "pm015-authorised",
        "PM015",
        _use(purposes=("q",), ground=SharingGround.AUTHORISED, choices=("yes",)),
        MET,
        context=_FLOWS,
    ),
    Case(
        "pm015-authorisation-unshown",
        "PM015",
        _use(purposes=("q",), ground=SharingGround.AUTHORISED, choices=("no",)),
        REVIEW,
        context=_FLOWS,
    ),
    Case("pm015-items-unrecorded", "PM015", _use(items=None), REVIEW, context=_FLOWS),
    Case("pm015-no-context", "PM015", _use(), REVIEW),
    Case("pm015-a-disclosure", "PM015", _disclosure(), NA, context=_FLOWS),
    Case("pm015-not-identifying", "PM015", _use(identifiable=False), NA, context=_FLOWS),
    Case(
        "pm015-to-person-is-no-use-ground",
        "PM015",
        _use(ground=SharingGround.TO_PERSON),
        REVIEW,
        context=_FLOWS,
    ),
    Case("pm015-purposes-unrecorded", "PM015", _use(purposes=None), REVIEW, context=_FLOWS),
    Case("pm015-no-purpose", "PM015", _use(purposes=()), NOT_MET, context=_FLOWS),
    # "a" was collected for "p" and "b" for "q": which serves which is not recorded.
    Case(
        "pm015-two-sources",
        "PM015",
        _use(purposes=("p", "q"), items=("a", "b")),
        REVIEW,
        context=_TWO_SOURCES,
    ),
    Case(
        "pm015-two-sources-each-within",
        "PM015",
        _use(purposes=("q",), items=("b",)),
        MET,
        context=_TWO_SOURCES,
    ),
    # Item purposes, not the collection's: "name" was collected for "p" only.
    Case(
        "pm015-item-beyond-its-own-purposes",
        "PM015",
        _use(purposes=("q",), items=("name",), ground=SharingGround.COLLECTION_PURPOSE),
        NOT_MET,
        context=_OWN_PURPOSES,
    ),
    Case(
        "pm015-item-within-its-own-purposes",
        "PM015",
        _use(purposes=("q",), items=("gender",), ground=SharingGround.COLLECTION_PURPOSE),
        MET,
        context=_OWN_PURPOSES,
    ),
    Case(
        "pm015-item-beyond-ground-unrecorded",
        "PM015",
        _use(purposes=("q",), items=("name",)),
        REVIEW,
        context=_OWN_PURPOSES,
    ),
    Case(
        "pm015-source-purposes-unrecorded",
        "PM015",
        _use(items=("z",)),
        REVIEW,
        context=_TWO_SOURCES,
    ),
    Case(
        "pm015-authorised-before-expiry",
        "PM015",
        _use(
            purposes=("q",),
            items=("a",),
            ground=SharingGround.AUTHORISED,
            choices=("lapses",),
            on=date(2025, 6, 1),
        ),
        MET,
        context=_TWO_SOURCES,
    ),
    Case(
        "pm015-authorisation-expired",
        "PM015",
        _use(purposes=("q",), items=("a",), ground=SharingGround.AUTHORISED, choices=("lapses",)),
        REVIEW,
        context=_TWO_SOURCES,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """PM015 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses


def test_law_metadata() -> None:
    """PM015 names the provision it tests and its legal condition."""
    check = next(c for c in BUILTIN_CHECKS if c.id == "PM015")
    assert check.provision == "IPP10(1)"
    assert "IPP10(1)" in check.condition


def test_none_beyond_purpose_rests_on_recorded_facts() -> None:
    """A use beyond purpose on a recorded "none" is a legal breach citing the recorded ground."""
    (case,) = [c for c in CASES if c.id == "pm015-beyond-ground-none"]
    (finding,) = run_case(case)
    assert finding.status is NOT_MET
    assert "$.ground" in finding.evidence
    assert not SharingGround.NONE.is_exception
