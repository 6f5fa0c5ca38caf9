"""SV012 research-output-identifiable: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup import (
    Disclosure,
)
from dpup.checks import BUILTIN_CHECKS
from dpup.findings import Finding, Reviewer
from dpup.law import Basis
from dpup.model import (
    FlowKind,
    SharingGround,
)
from tests.checks.cases import Case, run_case
from tests.checks.sharing_value._builders import MET, NA, NOT_MET, REVIEW, _research

CASES = [
    # SV012 research-output-identifiable
    Case(
        "sv012-safeguarded",
        "SV012",
        _research(research_undertaking=True, output_controls=True),
        MET,
    ),
    Case(
        "sv012-safeguarded-use",
        "SV012",
        _research(kind=FlowKind.USE, research_undertaking=True, output_controls=True),
        MET,
    ),
    # Recorded facts showing identifiable publication is expected: the ground fails.
    Case(
        "sv012-identifiable-publication",
        "SV012",
        _research(identifiable_publication_expected=True),
        NOT_MET,
    ),
    Case(
        "sv012-identifiable-despite-undertaking",
        "SV012",
        _research(
            research_undertaking=True, output_controls=True, identifiable_publication_expected=True
        ),
        NOT_MET,
    ),
    # An undertaking is evidence of reasonable grounds, not the test: without one, review.
    Case("sv012-no-undertaking", "SV012", _research(research_undertaking=False), REVIEW),
    Case(
        "sv012-neither-safeguard",
        "SV012",
        _research(
            research_undertaking=False,
            output_controls=False,
            identifiable_publication_expected=False,
        ),
        REVIEW,
    ),
    Case(
        "sv012-controls-without-undertaking",
        "SV012",
        _research(research_undertaking=False, output_controls=True),
        REVIEW,
    ),
    Case(
        "sv012-other-safeguard",
        "SV012",
        _research(publication_safeguard="only aggregate tables leave the secure lab"),
        REVIEW,
    ),
    Case(
        "sv012-blank-safeguard",
        "SV012",
        _research(publication_safeguard="  "),
        REVIEW,
    ),
    Case("sv012-not-identifying", "SV012", _research(identifiable=False), REVIEW),
    Case(
        "sv012-no-output-checks",
        "SV012",
        _research(research_undertaking=True, output_controls=False),
        REVIEW,
    ),
    Case("sv012-unrecorded", "SV012", _research(), REVIEW),
    Case(
        "sv012-other-ground",
        "SV012",
        Disclosure("d", ground=SharingGround.COLLECTION_PURPOSE),
        NA,
    ),
    Case("sv012-ground-unrecorded", "SV012", Disclosure("d"), NA),
    Case(
        "sv012-controls-unrecorded",
        "SV012",
        _research(research_undertaking=True),
        REVIEW,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """SV012 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses


def _finding(ident: str) -> Finding:
    (finding,) = run_case(next(c for c in CASES if c.id == ident))
    return finding


def test_nothing_recorded_names_the_evidence() -> None:
    """With no grounds recorded, the review names each kind of evidence that would settle it."""
    finding = _finding("sv012-no-undertaking")
    fields = {e.rsplit(".", 1)[-1] for e in finding.evidence}
    assert {"research_undertaking", "output_controls", "publication_safeguard"} == fields
    assert Reviewer.LEGAL_ADVISER is finding.reviewer


def test_recorded_grounds_go_to_a_legal_adviser() -> None:
    """A recorded safeguard short of both undertaking and output checks goes to a lawyer."""
    finding = _finding("sv012-other-safeguard")
    assert ("$.publication_safeguard",) == finding.evidence
    assert Reviewer.LEGAL_ADVISER is finding.reviewer


def test_breach_cites_the_recorded_expectation() -> None:
    """The NOT_MET rests on the recorded expectation of identifiable publication."""
    finding = _finding("sv012-identifiable-publication")
    assert ("$.ground", "$.identifiable_publication_expected") == finding.evidence


def test_names_its_provision_and_condition() -> None:
    """SV012 is a LAW check naming the research limbs of IPP10 and IPP11."""
    check = next(c for c in BUILTIN_CHECKS if c.id == "SV012")
    assert (Basis.LAW, "IPP10(1)(b)(ii), IPP11(1)(h)(ii)") == (check.basis, check.provision)
    assert "reasonable grounds" in check.condition
