"""TC001 notice-missing-ipp3-matters: its cases, on both sides of the line."""

from __future__ import annotations

import attrs
import pytest

from dpup import (
    Activity,
    Collection,
    Disclosure,
    evaluate,
)
from dpup.checks import BUILTIN_CHECKS
from dpup.findings import Finding, Status
from dpup.model import (
    Ipp3Exception,
    Notice,
    Purpose,
    Source,
)
from tests.checks.cases import AS_AT, Case, run_case
from tests.checks.transparency_and_choice._builders import (
    _FULL_NOTICE,
    MET,
    NA,
    NOT_MET,
    REVIEW,
    _col,
    _notice,
)

# A self-referral notice covering every other matter, silent on the law and on whether giving
# the information is optional.
_NO_E_MATTERS = attrs.evolve(_FULL_NOTICE, law=False, voluntary_or_mandatory=False)

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
        context=Activity("a", purposes=(Purpose("p"),), disclosures=(Disclosure("d"),)),
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
    # IPP3(1)(e): the law and "voluntary or mandatory" only where a law authorises or
    # requires the collection.
    Case(
        "tc001-self-referral-silent-on-optional-no-law",
        "TC001",
        _col(_NO_E_MATTERS, authorised_by_law=False),
        MET,
    ),
    Case(
        "tc001-self-referral-silent-on-optional-law-unknown",
        "TC001",
        _col(_NO_E_MATTERS),
        REVIEW,
    ),
    Case(
        "tc001-both-stated-law-unknown",
        "TC001",
        _col(_FULL_NOTICE),
        MET,
    ),
    Case(
        "tc001-authorised-both-stated",
        "TC001",
        _col(_FULL_NOTICE, authorised_by_law=True),
        MET,
    ),
    Case(
        "tc001-authorised-law-unnamed",
        "TC001",
        _col(attrs.evolve(_FULL_NOTICE, law=False), authorised_by_law=True),
        NOT_MET,
    ),
    Case(
        "tc001-authorised-supply-unstated",
        "TC001",
        _col(attrs.evolve(_FULL_NOTICE, voluntary_or_mandatory=False), authorised_by_law=True),
        NOT_MET,
    ),
    Case(
        "tc001-required-supply-unstated",
        "TC001",
        _col(attrs.evolve(_FULL_NOTICE, voluntary_or_mandatory=False), required_by_law=True),
        NOT_MET,
    ),
    Case(
        "tc001-authorised-supply-unrecorded",
        "TC001",
        _col(attrs.evolve(_FULL_NOTICE, voluntary_or_mandatory=None), authorised_by_law=True),
        REVIEW,
    ),
    Case(
        "tc001-not-required-but-authorised-unknown",
        "TC001",
        _col(attrs.evolve(_FULL_NOTICE, law=False), required_by_law=False),
        REVIEW,
    ),
    # Exceptions: "none" is recorded, a ground of IPP3A is not an IPP3 one.
    Case(
        "tc001-no-exception-recorded-full",
        "TC001",
        _col(attrs.evolve(_FULL_NOTICE, exception=Ipp3Exception.NONE)),
        MET,
    ),
    Case(
        "tc001-no-exception-recorded-matter-missing",
        "TC001",
        _col(attrs.evolve(_FULL_NOTICE, exception=Ipp3Exception.NONE, purpose=False)),
        NOT_MET,
    ),
    *(
        Case(
            f"tc001-ipp3a-ground-{ground.value}",
            "TC001",
            _col(_notice(exception=ground)),
            REVIEW,
        )
        for ground in Ipp3Exception
        if not ground.under_ipp3
    ),
    Case(
        "tc001-ipp3-ground-authorised",
        "TC001",
        _col(_notice(exception=Ipp3Exception.AUTHORISED)),
        REVIEW,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """TC001 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses


def _finding(collection: Collection) -> Finding:
    [finding] = evaluate(collection, select=["TC001"], as_at=AS_AT).findings
    return finding


class TestLawMatters:
    def test_silent_on_optional_is_never_a_breach_without_a_law(self) -> None:
        """With no law behind the collection, not saying "optional" is no IPP3 breach."""
        finding = _finding(_col(_NO_E_MATTERS, authorised_by_law=False))
        assert Status.MET == finding.status

    def test_law_unknown_names_the_fact_and_the_gaps(self) -> None:
        """Unknown whether a law applies: the review names that fact and both matters."""
        finding = _finding(_col(_NO_E_MATTERS))
        assert Status.NEEDS_REVIEW == finding.status
        assert (
            "$.authorised_by_law",
            "$.notice.law",
            "$.notice.voluntary_or_mandatory",
        ) == finding.evidence

    def test_breach_cites_the_recorded_law_fact(self) -> None:
        """A NOT_MET on the law matters cites the notice and the law fact it rests on."""
        notice = attrs.evolve(_FULL_NOTICE, voluntary_or_mandatory=False)
        finding = _finding(_col(notice, required_by_law=True))
        assert ("$.notice.voluntary_or_mandatory", "$.required_by_law") == finding.evidence

    def test_other_gaps_keep_their_logic_when_law_unknown(self) -> None:
        """A missing purpose is still not met while the law question is open."""
        finding = _finding(_col(attrs.evolve(_NO_E_MATTERS, purpose=False)))
        assert Status.NOT_MET == finding.status
        assert ("$.notice.purpose",) == finding.evidence

    def test_law_and_consequences_reviewed_together(self) -> None:
        """Both open questions are in one review, each with what settles it."""
        finding = _finding(_col(attrs.evolve(_NO_E_MATTERS, consequences=None)))
        assert "$.authorised_by_law" in finding.evidence
        assert "$.notice.consequences" in finding.evidence
        assert 2 == len(finding.settle_with)


class TestExceptions:
    def test_ipp3a_ground_named_as_such(self) -> None:
        """A ground only IPP3A has is named as not an IPP3 one."""
        finding = _finding(_col(_notice(exception=Ipp3Exception.PUBLICLY_AVAILABLE)))
        assert "not one IPP3 provides" in finding.message

    def test_ipp3_ground_sent_to_be_confirmed(self) -> None:
        """An IPP3 ground is a claim for a person to confirm."""
        finding = _finding(_col(_notice(exception=Ipp3Exception.NOT_PRACTICABLE)))
        assert "IPP3 exception is claimed" in finding.message


def test_names_its_provision_and_condition() -> None:
    """TC001 tests IPP3(1) and states the condition in one line."""
    [check] = [c for c in BUILTIN_CHECKS if c.id == "TC001"]
    assert "IPP3(1)" == check.provision
    assert "voluntary or mandatory" in check.condition
