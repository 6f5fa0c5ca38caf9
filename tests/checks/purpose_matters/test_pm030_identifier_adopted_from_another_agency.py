"""PM030 identifier-adopted-from-another-agency: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup import Collection, InformationItem, evaluate, loads, structure, unstructure
from dpup._text import PhraseList
from dpup.checks.purpose_matters.pm030_identifier_adopted_from_another_agency import (
    identifier_adopted_from_another_agency as pm030,
)
from dpup.errors import InputError
from dpup.findings import Finding, Reviewer, Status
from dpup.model import IdentifierAssigner, IdentifierScheme, Ipp13Exception, UniqueIdentifier
from dpup.settings import Settings
from tests.checks.cases import Case, run_case
from tests.checks.purpose_matters._builders import (
    _ITEM,
    IDENT,
    MET,
    NA,
    NOT_MET,
    REVIEW,
    _holding,
    _id_item,
)

IRD, NHI, OWN, OTHER = (
    IdentifierScheme.IRD_NUMBER,
    IdentifierScheme.NHI_NUMBER,
    IdentifierScheme.AGENCY_OWN,
    IdentifierScheme.OTHER,
)
HERE, ELSEWHERE = IdentifierAssigner.THIS_AGENCY, IdentifierAssigner.ANOTHER_AGENCY

# Every exception a record can claim (all but "none"): each needs a legal adviser.
_CLAIMED = [e for e in Ipp13Exception if e is not Ipp13Exception.NONE]

_ADOPTED_NONE = _id_item(scheme=IRD, used_as_own=True, reuse_exception=Ipp13Exception.NONE)

CASES = [
    # PM030 identifier-adopted-from-another-agency
    Case(
        "pm030-ird-kept-as-reference",
        "PM030",
        _holding(_id_item(scheme=IRD, used_as_own=False)),
        MET,
    ),
    Case(
        "pm030-other-scheme-another-agency-reference",
        "PM030",
        _holding(_id_item(scheme=OTHER, assigned_by=ELSEWHERE, used_as_own=False)),
        MET,
    ),
    Case(
        "pm030-own-number-beside-ird-reference",
        "PM030",
        _holding(
            _id_item("client-number", scheme=OWN),
            _id_item(scheme=IRD, used_as_own=False),
        ),
        MET,
    ),
    Case("pm030-ird-adopted-none-applies", "PM030", _holding(_ADOPTED_NONE), NOT_MET),
    Case(
        "pm030-nhi-adopted-none-applies",
        "PM030",
        _holding(
            _id_item("nhi", scheme=NHI, used_as_own=True, reuse_exception=Ipp13Exception.NONE)
        ),
        NOT_MET,
    ),
    Case(
        "pm030-adopted-none-beside-an-unknown",
        "PM030",
        _holding(_ADOPTED_NONE, _id_item("nhi", scheme=NHI)),
        NOT_MET,
    ),
    Case("pm030-use-unrecorded", "PM030", _holding(_id_item(scheme=IRD)), REVIEW),
    Case(
        "pm030-exception-unrecorded",
        "PM030",
        _holding(_id_item(scheme=IRD, used_as_own=True)),
        REVIEW,
    ),
    *[
        Case(
            f"pm030-claimed-{e.value}",
            "PM030",
            _holding(_id_item(scheme=IRD, used_as_own=True, reuse_exception=e)),
            REVIEW,
        )
        for e in _CLAIMED
    ],
    Case("pm030-assigner-unrecorded", "PM030", _holding(_id_item(scheme=OTHER)), REVIEW),
    Case("pm030-nothing-recorded", "PM030", _holding(_id_item()), REVIEW),
    Case(
        "pm030-named-like-an-identifier",
        "PM030",
        _holding(InformationItem("ird-number", identifiability=IDENT)),
        REVIEW,
    ),
    Case("pm030-no-identifier", "PM030", _holding(_ITEM), NA),
    Case("pm030-no-items", "PM030", Collection("c"), NA),
    Case("pm030-agency-own-only", "PM030", _holding(_id_item(scheme=OWN)), NA),
    Case(
        "pm030-inland-revenue-own-ird",
        "PM030",
        _holding(_id_item(scheme=IRD, assigned_by=HERE, used_as_own=True)),
        NA,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """PM030 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses


def _finding(collection: Collection, settings: Settings | None = None) -> Finding:
    (finding,) = evaluate(collection, select=["PM030"], settings=settings).findings
    return finding


def test_a_breach_rests_on_the_recorded_scheme_use_and_exception() -> None:
    """The NOT_MET evidence is the scheme (another agency's number), the use, and "none"."""
    finding = _finding(_holding(_ADOPTED_NONE))
    assert finding.status is Status.NOT_MET
    assert (
        "$.items[0].identifier.scheme",
        "$.items[0].identifier.used_as_own",
        "$.items[0].identifier.reuse_exception",
    ) == finding.evidence


def test_a_recorded_assigner_is_the_evidence_when_there_is_one() -> None:
    """With ``assigned_by`` recorded, the evidence cites it rather than the scheme."""
    item = _id_item(
        scheme=OTHER, assigned_by=ELSEWHERE, used_as_own=True, reuse_exception=Ipp13Exception.NONE
    )
    finding = _finding(_holding(item))
    assert "$.items[0].identifier.assigned_by" == finding.evidence[0]


def test_gaps_name_the_fields_to_record() -> None:
    """An unrecorded use, exception or assigner is asked for by path, never guessed."""
    finding = _finding(
        _holding(
            _id_item(scheme=IRD),
            _id_item("nhi", scheme=NHI, used_as_own=True),
            _id_item("ref", scheme=OTHER),
            InformationItem("passport-number"),
        )
    )
    assert finding.status is Status.NEEDS_REVIEW
    assert {
        "$.items[3].identifier",
        "$.items[0].identifier.used_as_own",
        "$.items[1].identifier.reuse_exception",
        "$.items[2].identifier.assigned_by",
    } == set(finding.evidence)


def test_a_claimed_exception_goes_to_a_legal_adviser() -> None:
    """A claimed IPP13 exception is never met: a legal adviser confirms it."""
    item = _id_item(scheme=NHI, used_as_own=True, reuse_exception=Ipp13Exception.CODE_OF_PRACTICE)
    finding = _finding(_holding(item))
    assert finding.status is Status.NEEDS_REVIEW
    assert finding.reviewer is Reviewer.LEGAL_ADVISER


def test_the_name_list_is_a_setting() -> None:
    """An agency can replace the names that suggest an identifier."""
    collection = _holding(InformationItem("ird-number", identifiability=IDENT))
    assert _finding(collection, Settings(identifier_item_phrases=PhraseList(()))).status is (
        Status.NOT_APPLICABLE
    )


def test_the_check_names_its_provision() -> None:
    """PM030 tests IPP13(2) and states the condition in one line."""
    assert pm030.provision == "IPP13(2)"
    assert pm030.condition
    assert "\n" not in pm030.condition


@pytest.mark.parametrize("exception", list(Ipp13Exception), ids=lambda e: e.value)
def test_every_exception_loads_and_round_trips(exception: Ipp13Exception) -> None:
    """Each exception loads from its documented value and survives a round trip."""
    activity = loads(
        'name = "x"\n[[collections]]\nid = "c"\n[[collections.items]]\nname = "ird-number"\n'
        '[collections.items.identifier]\nscheme = "ird-number"\nused_as_own = true\n'
        f'reuse_exception = "{exception.value}"'
    )
    collection = activity.collections[0]
    identifier = collection.items[0].identifier
    assert identifier is not None
    assert exception is identifier.reuse_exception
    assert collection == structure(unstructure(collection), Collection)


def test_contradictions_are_refused_by_path() -> None:
    """An agency-own number from another agency, or an exception for one's own, is refused."""
    with pytest.raises(InputError) as info:
        loads(
            'name = "x"\n[[collections]]\nid = "c"\n[[collections.items]]\nname = "n"\n'
            '[collections.items.identifier]\nscheme = "agency-own"\n'
            'assigned_by = "another-agency"\n'
        )
    assert ["$.collections[0].items[0].identifier.assigned_by"] == [
        p.path for p in info.value.problems
    ]
    with pytest.raises(InputError) as info:
        UniqueIdentifier(scheme=OWN, reuse_exception=Ipp13Exception.NONE)
    assert ["$.reuse_exception"] == [p.path for p in info.value.problems]
    with pytest.raises(InputError):
        UniqueIdentifier(assigned_by=HERE, reuse_exception=Ipp13Exception.STATUTE)


def test_who_assigned_an_identifier_follows_the_record() -> None:
    """``assigned_by`` decides; else a named scheme; else it is not known."""
    assert UniqueIdentifier(scheme=IRD).assigned_here is False
    assert UniqueIdentifier(scheme=OWN).assigned_here is True
    assert UniqueIdentifier(scheme=IRD, assigned_by=HERE).assigned_here is True
    assert UniqueIdentifier(scheme=OTHER).assigned_here is None
    assert UniqueIdentifier().assigned_here is None
    assert UniqueIdentifier(assigned_by=ELSEWHERE).assigned_here is False
