"""Cases for the first slice of checks in each guideline (the foundation's checks)."""

from __future__ import annotations

from datetime import date

import pytest

from dpup import (
    AccessPractice,
    Activity,
    Choice,
    Collection,
    CorrectionRequest,
    Disclosure,
    InformationItem,
    Insight,
    Purpose,
    SharingAgreement,
    Status,
)
from dpup.model import (
    ChoiceState,
    Identifiability,
    Notice,
    Recipient,
    SharingGround,
    Source,
)
from dpup.model.purpose import LawBasis, LawKind
from tests.checks.cases import Case, run_case

MET, NOT_MET, REVIEW, NA = (
    Status.MET,
    Status.NOT_MET,
    Status.NEEDS_REVIEW,
    Status.NOT_APPLICABLE,
)

_ITEM = InformationItem(
    "name", identifiability=Identifiability.IDENTIFYING, purposes=("p",), justification="x"
)
_FULL_NOTICE = Notice(
    fact_of_collection=True,
    purpose=True,
    recipients=("Ministry of Social Development",),
    agency_name_address=True,
    voluntary_or_mandatory=True,
    access_correction_rights=True,
    law=True,
    consequences=True,
    sharing_exceptions=(SharingGround.OT_S66,),
)


def _court_disclosure(**kw: object) -> Disclosure:
    base: dict[str, object] = {
        "id": "d",
        "recipient": Recipient("Family Court"),
        "identifiable": True,
        "on": date(2026, 3, 1),
    }
    base.update(kw)
    return Disclosure(**base)  # type: ignore[arg-type]  # test builder with loose kwargs


def _with_choice(state: ChoiceState, **kw: object) -> Activity:
    choice = Choice(
        "c",
        recipients=("Family Court",),
        state=state,
        override_grounds=(SharingGround.OT_S66,),
        **kw,  # type: ignore[arg-type]  # test builder with loose kwargs
    )
    return Activity("a", choices=(choice,), disclosures=(_court_disclosure(choices=("c",)),))


def _disclosure_case(
    id: str,  # noqa: A002 - mirrors Case.id
    state: ChoiceState,
    expected: Status,
    ground: SharingGround | None = None,
    **choice_kw: object,
) -> Case:
    activity = _with_choice(state, **choice_kw)
    disclosure = _court_disclosure(choices=("c",), ground=ground)
    return Case(id, "TC004", disclosure, expected, context=activity)


CASES = [
    # PM001 purpose-without-authority
    Case("pm001-tied", "PM001", Purpose("p", why="run the programme", functions=("x",)), MET),
    Case(
        "pm001-law",
        "PM001",
        Purpose("p", why="x", law=(LawBasis(LawKind.STATUTE, "Act"),)),
        MET,
    ),
    Case("pm001-blank", "PM001", Purpose("p", why="  "), NOT_MET),
    Case("pm001-none", "PM001", Purpose("p", why="x", functions=(), law=()), NOT_MET),
    Case("pm001-unlinked", "PM001", Purpose("p", why="x"), REVIEW),
    Case("pm001-unrecorded", "PM001", Purpose("p"), REVIEW),
    # PM002 catch-all-purpose
    Case(
        "pm002-catch-all",
        "PM002",
        Purpose("p", why="for service delivery and any other purpose we consider appropriate"),
        NOT_MET,
    ),
    Case("pm002-specific", "PM002", Purpose("p", why="to plan next year's service"), MET),
    Case("pm002-punctuation", "PM002", Purpose("p", why="Uses: FROM-TIME-TO-TIME."), NOT_MET),
    Case("pm002-word-boundary", "PM002", Purpose("p", why="to support futures work"), MET),
    Case("pm002-choices", "PM002", Purpose("p", why="x", choices="any purpose"), NOT_MET),
    Case("pm002-unrecorded", "PM002", Purpose("p"), REVIEW),
    # PM003 item-without-purpose
    Case("pm003-all-linked", "PM003", Collection("c", items=(_ITEM,)), MET),
    Case(
        "pm003-orphan",
        "PM003",
        Collection("c", items=(InformationItem("x", purposes=()),)),
        NOT_MET,
    ),
    Case(
        "pm003-unjustified",
        "PM003",
        Collection("c", items=(InformationItem("x", purposes=("p",)),)),
        REVIEW,
    ),
    Case("pm003-no-items", "PM003", Collection("c"), REVIEW),
    # PM004 identifying-without-need
    Case(
        "pm004-needed",
        "PM004",
        Collection("c", items=(_ITEM,), requires_identity=True, identity_justification="x"),
        MET,
    ),
    Case(
        "pm004-not-needed",
        "PM004",
        Collection("c", items=(_ITEM,), requires_identity=False),
        NOT_MET,
    ),
    Case("pm004-unset", "PM004", Collection("c", items=(_ITEM,)), REVIEW),
    Case(
        "pm004-no-reason",
        "PM004",
        Collection("c", items=(_ITEM,), requires_identity=True),
        REVIEW,
    ),
    Case(
        "pm004-aggregate",
        "PM004",
        Collection("c", items=(InformationItem("n", identifiability=Identifiability.AGGREGATE),)),
        MET,
    ),
    # PM005 no-purpose-recorded
    Case("pm005-has-purpose", "PM005", Activity("a", purposes=(Purpose("p"),)), MET),
    Case("pm005-collects-blind", "PM005", Activity("a", collections=(Collection("c"),)), NOT_MET),
    Case("pm005-empty", "PM005", Activity("a"), REVIEW),
    # TC001 notice-missing-ipp3-matters
    Case("tc001-full", "TC001", Collection("c", notice=_FULL_NOTICE), MET),
    Case(
        "tc001-no-purpose",
        "TC001",
        Collection("c", notice=Notice(purpose=False, recipients=("MSD",))),
        NOT_MET,
    ),
    Case("tc001-no-notice", "TC001", Collection("c"), REVIEW),
    Case(
        "tc001-indirect",
        "TC001",
        Collection("c", source=Source.OTHER_AGENCY),
        NA,
    ),
    # TC002 vague-recipients
    Case("tc002-named", "TC002", Collection("c", notice=_FULL_NOTICE), MET),
    Case(
        "tc002-relevant-agencies",
        "TC002",
        Collection("c", notice=Notice(recipients=("Relevant Agencies",))),
        NOT_MET,
    ),
    Case("tc002-unrecorded", "TC002", Collection("c", notice=Notice()), REVIEW),
    # TC003 confidentiality-exceptions-unexplained
    Case(
        "tc003-explained",
        "TC003",
        Activity(
            "a",
            collections=(Collection("c", notice=_FULL_NOTICE),),
            disclosures=(_court_disclosure(ground=SharingGround.OT_S66),),
        ),
        MET,
        path="$.collections[0]",
    ),
    Case(
        "tc003-unexplained",
        "TC003",
        Activity(
            "a",
            collections=(Collection("c", notice=Notice(sharing_exceptions=())),),
            disclosures=(_court_disclosure(ground=SharingGround.COURT_ORDER),),
        ),
        NOT_MET,
        path="$.collections[0]",
    ),
    Case(
        "tc003-no-override",
        "TC003",
        Activity("a", collections=(Collection("c"),)),
        NA,
        path="$.collections[0]",
    ),
    # TC004 choice-not-honoured
    _disclosure_case("tc004-refused-no-ground", ChoiceState.REFUSED, NOT_MET),
    _disclosure_case(
        "tc004-refused-lawful-override", ChoiceState.REFUSED, REVIEW, SharingGround.OT_S66
    ),
    _disclosure_case(
        "tc004-withdrawn-before",
        ChoiceState.GIVEN,
        NOT_MET,
        withdrawn_on=date(2026, 2, 1),
    ),
    _disclosure_case("tc004-given", ChoiceState.GIVEN, MET),
    _disclosure_case(
        "tc004-expired",
        ChoiceState.GIVEN,
        NOT_MET,
        expires_on=date(2026, 1, 31),
    ),
    _disclosure_case("tc004-unknown", ChoiceState.UNKNOWN, REVIEW),
    Case("tc004-no-choices", "TC004", _court_disclosure(), NA),
    # AI001 formal-request-required
    Case(
        "ai001-any-form",
        "AI001",
        AccessPractice(requires_writing=False, requires_lawyer=False),
        MET,
    ),
    Case("ai001-writing", "AI001", AccessPractice(requires_writing=True), NOT_MET),
    Case("ai001-lawyer", "AI001", AccessPractice(requires_lawyer=True), NOT_MET),
    Case("ai001-unrecorded", "AI001", AccessPractice(), REVIEW),
    # AI002 rights-not-explained-at-enrolment
    Case(
        "ai002-explained",
        "AI002",
        AccessPractice(rights_explained_at_enrolment=True, how_to_ask_explained=True),
        MET,
    ),
    Case("ai002-not", "AI002", AccessPractice(rights_explained_at_enrolment=False), NOT_MET),
    Case("ai002-unrecorded", "AI002", AccessPractice(), REVIEW),
    # AI003 no-proactive-copies
    Case(
        "ai003-copies",
        "AI003",
        AccessPractice(proactive_copies=True, proactive_copies_when="programme end"),
        MET,
    ),
    Case("ai003-on-request", "AI003", AccessPractice(proactive_copies=False), NOT_MET),
    Case("ai003-no-trigger", "AI003", AccessPractice(proactive_copies=True), REVIEW),
    # AI004 correction-recipients-not-told
    Case(
        "ai004-all-told",
        "AI004",
        CorrectionRequest(
            "r", corrected=True, disclosures=("a", "b", "c"), notified=("a", "b", "c")
        ),
        MET,
    ),
    Case(
        "ai004-one-of-three",
        "AI004",
        CorrectionRequest("r", corrected=True, disclosures=("a", "b", "c"), notified=("a",)),
        NOT_MET,
    ),
    Case(
        "ai004-reason",
        "AI004",
        CorrectionRequest(
            "r",
            corrected=True,
            disclosures=("a", "b"),
            notified=("a",),
            not_notified_reason="recipient closed",
        ),
        REVIEW,
    ),
    Case("ai004-not-corrected", "AI004", CorrectionRequest("r", corrected=False), NA),
    # SV001 no-share-back-plan
    Case("sv001-plan", "SV001", Insight("i", share_back_with=("providers",)), MET),
    Case("sv001-none", "SV001", Insight("i", share_back_with=()), NOT_MET),
    Case("sv001-unrecorded", "SV001", Insight("i"), REVIEW),
    # SV002 contributors-not-involved
    Case(
        "sv002-co-designed",
        "SV002",
        SharingAgreement("g", co_designed_with=("providers",), success_defined_with=("families",)),
        MET,
    ),
    Case("sv002-alone", "SV002", SharingAgreement("g", co_designed_with=()), NOT_MET),
    Case(
        "sv002-success-alone",
        "SV002",
        SharingAgreement("g", co_designed_with=("providers",), success_defined_with=()),
        NOT_MET,
    ),
    Case("sv002-unrecorded", "SV002", SharingAgreement("g"), REVIEW),
    # SV003 outcomes-not-reported-back
    Case("sv003-fed-back", "SV003", SharingAgreement("g", outcomes_reported_back=True), MET),
    Case("sv003-not", "SV003", SharingAgreement("g", outcomes_reported_back=False), NOT_MET),
    Case("sv003-unrecorded", "SV003", SharingAgreement("g"), REVIEW),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """Each slice check reports the expected status for its case."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses
