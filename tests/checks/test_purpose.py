"""Cases for the Purpose Matters checks (PM001 onwards), and the scenarios they must get right."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import attrs
import pytest

import dpup
from dpup import (
    Activity,
    Choice,
    Collection,
    Disclosure,
    InformationItem,
    Purpose,
    Report,
    SharingAgreement,
    Status,
)
from dpup._text import PhraseList
from dpup.law import Basis, LegalRef
from dpup.model import (
    AccessParty,
    Agency,
    Alternative,
    Audience,
    Beneficiary,
    CheckAndBalance,
    ChoiceState,
    FlowKind,
    Identifiability,
    Ipp2Exception,
    Ipp3Exception,
    Ipp12Basis,
    LawBasis,
    LawKind,
    Notice,
    NoticeTiming,
    OverseasRecipient,
    Recipient,
    ReportingKind,
    Retention,
    RiskAssessment,
    Safeguard,
    SecondaryUse,
    Sensitivity,
    SharingGround,
    Source,
    SupplierNotice,
)
from dpup.policy import Guideline, Principle
from dpup.settings import Settings
from tests.checks.cases import Case, run_case

MET, NOT_MET, REVIEW, NA = (
    Status.MET,
    Status.NOT_MET,
    Status.NEEDS_REVIEW,
    Status.NOT_APPLICABLE,
)
IDENT, AGG = Identifiability.IDENTIFYING, Identifiability.AGGREGATE
EXAMPLES = Path(__file__).parent.parent.parent / "examples"

_ITEM = InformationItem("name", identifiability=IDENT, purposes=("p",), justification="x")
_PLAIN = InformationItem(
    "name", identifiability=IDENT, sensitivity=(), purposes=("p",), justification="x"
)
_SENSITIVE = InformationItem(
    "notes",
    identifiability=IDENT,
    sensitivity=(Sensitivity.FAMILY_VIOLENCE,),
    purposes=("p",),
    justification="x",
)
_AGG = InformationItem(
    "count", identifiability=AGG, sensitivity=(), purposes=("p",), justification="x"
)
_FULL_PURPOSE = Purpose(
    "p",
    why="to plan next year's service",
    what="attendance counts",
    benefit="services where people need them",
    beneficiaries=(Beneficiary.COMMUNITY,),
    access=(AccessParty("Ministry of Social Development", "analyst"),),
    choices="people may decline",
    law=(LawBasis(LawKind.CONTRACT, "funding agreement"),),
    transparency="explained at intake",
)
_IPP3A_NOTICE = Notice(
    fact_of_collection=True,
    purpose=True,
    recipients=("Stats NZ",),
    agency_name_address=True,
    access_correction_rights=True,
    law=True,
)
_AFTER = date(2026, 5, 4)
_BEFORE = date(2026, 4, 30)


def _indirect(**kw: object) -> Collection:
    base: dict[str, object] = {"id": "c", "items": (_ITEM,), "source": Source.OTHER_AGENCY}
    base.update(kw)
    return Collection(**base)  # type: ignore[arg-type]  # test builder with loose kwargs


# One activity for the use and disclosure cases: "name" was collected for purpose "p" only.
_FLOWS = Activity(
    "flows",
    purposes=(Purpose("p"), Purpose("q")),
    collections=(Collection("c", items=(_ITEM,), purposes=("p",)),),
    choices=(Choice("yes", state=ChoiceState.GIVEN), Choice("no", state=ChoiceState.REFUSED)),
)


def _flow(kind: FlowKind, **kw: object) -> Disclosure:
    base: dict[str, object] = {"id": "d", "kind": kind, "purposes": ("p",), "items": ("name",)}
    base.update(kw)
    return Disclosure(**base)  # type: ignore[arg-type]  # test builder with loose kwargs


def _use(**kw: object) -> Disclosure:
    return _flow(FlowKind.USE, **kw)


def _disclosure(**kw: object) -> Disclosure:
    return _flow(FlowKind.DISCLOSURE, **kw)


def _abroad(**kw: object) -> Disclosure:
    return _disclosure(recipient=Recipient("Research partner", country="AU"), **kw)


def _agreement(**kw: object) -> SharingAgreement:
    base: dict[str, object] = {"id": "g", "purposes": ("p",)}
    base.update(kw)
    return SharingAgreement(**base)  # type: ignore[arg-type]  # test builder with loose kwargs


_IDENT_FIELDS = (InformationItem("name", identifiability=IDENT, purposes=("p",)),)
_AGG_FIELDS = (InformationItem("count", identifiability=AGG, purposes=("p",)),)


def _reporting_context(why: str, feeds: tuple[str, ...] | None = None) -> Activity:
    return Activity("a", purposes=(Purpose("p", why=why, feeds=feeds), Purpose("q", why="x")))


_SPECIFIC = _reporting_context("to tell the funder how many people attend")


def _linking(purpose_linking: tuple[str, ...] | None, **kw: object) -> Activity:
    collection = Collection(
        "c",
        items=(_ITEM,),
        purposes=("p",),
        linking=("Stats NZ IDI",),
        **kw,  # type: ignore[arg-type]  # test builder with loose kwargs
    )
    return Activity(
        "a", purposes=(Purpose("p", linking=purpose_linking),), collections=(collection,)
    )


def _triggers(collection: Collection, **purpose_kw: object) -> Activity:
    purpose = Purpose("p", **purpose_kw)  # type: ignore[arg-type]  # test builder
    return Activity(
        "a",
        agency=Agency(complex_legislation=False),
        purposes=(purpose,),
        collections=(collection,),
    )


_C0 = "$.collections[0]"

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
    Case(
        "pm002-relevant-agencies",
        "PM002",
        Purpose("p", why="To share with RELEVANT agencies."),
        NOT_MET,
    ),
    Case("pm002-broad", "PM002", Purpose("p", why="for research"), REVIEW),
    Case(
        "pm002-broad-but-bounded",
        "PM002",
        Purpose("p", why="for research", feeds=("annual outcomes report",)),
        MET,
    ),
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
    Case(
        "pm003-generic-justification",
        "PM003",
        Collection(
            "c", items=(InformationItem("x", purposes=("p",), justification="For reporting."),)
        ),
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
    # PM006 catch-all-consent-wording
    Case(
        "pm006-specific",
        "PM006",
        Collection("c", notice=Notice(text="We tell MSD, our funder, how many people attend.")),
        MET,
    ),
    Case(
        "pm006-open-ended",
        "PM006",
        Collection(
            "c", notice=Notice(text="I agree my details may go to relevant agencies as required.")
        ),
        NOT_MET,
    ),
    Case(
        "pm006-future-uses",
        "PM006",
        Collection("c", notice=Notice(text="We may use it for FUTURE USES; see our policy.")),
        NOT_MET,
    ),
    Case("pm006-no-text", "PM006", Collection("c", notice=Notice()), REVIEW),
    Case("pm006-no-notice", "PM006", Collection("c"), REVIEW),
    # PM007 no-less-intrusive-alternative
    Case(
        "pm007-weighed",
        "PM007",
        Collection(
            "c",
            items=(_ITEM,),
            alternatives_considered=(Alternative.AGGREGATE,),
            opt_out_considered=True,
        ),
        MET,
    ),
    Case(
        "pm007-opt-out-listed",
        "PM007",
        Collection(
            "c",
            items=(_ITEM,),
            alternatives_considered=(Alternative.NON_IDENTIFYING, Alternative.OPT_OUT),
        ),
        MET,
    ),
    Case(
        "pm007-none",
        "PM007",
        Collection("c", items=(_ITEM,), alternatives_considered=(), opt_out_considered=False),
        NOT_MET,
    ),
    Case(
        "pm007-opt-out-only",
        "PM007",
        Collection("c", items=(_ITEM,), alternatives_considered=(Alternative.OPT_OUT,)),
        NOT_MET,
    ),
    Case(
        "pm007-no-opt-out",
        "PM007",
        Collection(
            "c",
            items=(_ITEM,),
            alternatives_considered=(Alternative.SAMPLING,),
            opt_out_considered=False,
        ),
        NOT_MET,
    ),
    Case("pm007-unrecorded", "PM007", Collection("c", items=(_ITEM,)), REVIEW),
    Case("pm007-aggregate", "PM007", Collection("c", items=(_AGG,)), NA),
    # PM008 no-tangible-benefit
    Case(
        "pm008-stated",
        "PM008",
        Purpose("p", benefit="safer parenting", beneficiaries=(Beneficiary.WHANAU,)),
        MET,
    ),
    Case("pm008-blank", "PM008", Purpose("p", benefit=" ", beneficiaries=()), NOT_MET),
    Case("pm008-nobody", "PM008", Purpose("p", benefit="x", beneficiaries=()), NOT_MET),
    Case(
        "pm008-agency-only",
        "PM008",
        Purpose("p", benefit="cheaper contract management", beneficiaries=(Beneficiary.AGENCY,)),
        REVIEW,
    ),
    Case("pm008-unrecorded", "PM008", Purpose("p"), REVIEW),
    # PM009 harms-not-weighed
    Case(
        "pm009-assessed",
        "PM009",
        Collection(
            "c", items=(_ITEM,), risk_assessment=RiskAssessment(done=True, harms=("avoidance",))
        ),
        MET,
    ),
    Case(
        "pm009-not-done",
        "PM009",
        Collection("c", items=(_ITEM,), risk_assessment=RiskAssessment(done=False)),
        NOT_MET,
    ),
    Case(
        "pm009-no-harms",
        "PM009",
        Collection("c", items=(_ITEM,), risk_assessment=RiskAssessment(done=True)),
        REVIEW,
    ),
    Case("pm009-unrecorded", "PM009", Collection("c", items=(_ITEM,)), REVIEW),
    Case("pm009-counts", "PM009", Collection("c", items=(_AGG,)), NA),
    # PM010 checks-and-balances-skipped
    Case(
        "pm010-no-trigger",
        "PM010",
        _triggers(
            Collection("c", items=(_AGG,), purposes=("p",)),
            uncertain=False,
            stakeholder_concern=False,
        ),
        MET,
        path=_C0,
    ),
    Case(
        "pm010-concern-unchecked",
        "PM010",
        _triggers(
            Collection("c", items=(_AGG,), purposes=("p",), checks_done=()),
            uncertain=False,
            stakeholder_concern=True,
        ),
        NOT_MET,
        path=_C0,
    ),
    Case(
        "pm010-sensitive-unchecked",
        "PM010",
        Collection("c", items=(_SENSITIVE,), checks_done=()),
        NOT_MET,
    ),
    Case(
        "pm010-consulted",
        "PM010",
        Collection(
            "c", items=(_SENSITIVE,), checks_done=(CheckAndBalance.SERVICE_USER_CONSULTATION,)
        ),
        MET,
    ),
    Case(
        "pm010-internal-only",
        "PM010",
        Collection("c", items=(_SENSITIVE,), checks_done=(CheckAndBalance.MANAGEMENT_REVIEW,)),
        REVIEW,
    ),
    Case(
        "pm010-iwi-without-maori",
        "PM010",
        Collection(
            "c",
            items=(InformationItem("iwi", identifiability=IDENT, sensitivity=(Sensitivity.IWI,)),),
            checks_done=(CheckAndBalance.PROVIDER_CONSULTATION,),
        ),
        REVIEW,
    ),
    Case("pm010-unrecorded", "PM010", Collection("c", items=(_SENSITIVE,)), REVIEW),
    # PM011 statutory-power-unconfirmed
    Case(
        "pm011-contract-only",
        "PM011",
        Purpose("p", law=(LawBasis(LawKind.CONTRACT, "funding agreement"),)),
        NA,
    ),
    Case("pm011-uncited", "PM011", Purpose("p", law=(LawBasis(LawKind.STATUTE),)), NOT_MET),
    Case(
        "pm011-cited",
        "PM011",
        Purpose("p", law=(LawBasis(LawKind.STATUTE, "Social Security Act 2018, s 1"),)),
        REVIEW,
    ),
    Case(
        "pm011-confirmed",
        "PM011",
        Purpose(
            "p",
            law=(LawBasis(LawKind.REGULATION, "Regulations 2020, r 3", coverage_confirmed=True),),
        ),
        MET,
    ),
    Case(
        "pm011-refuted",
        "PM011",
        Purpose("p", law=(LawBasis(LawKind.STATUTE, "Act, s 9", coverage_confirmed=False),)),
        NOT_MET,
    ),
    Case("pm011-unrecorded", "PM011", Purpose("p"), REVIEW),
    # PM012 indirect-collection-without-exception
    Case("pm012-direct", "PM012", Collection("c", items=(_ITEM,), source=Source.INDIVIDUAL), MET),
    Case("pm012-no-exception", "PM012", _indirect(), NOT_MET),
    Case("pm012-whanau", "PM012", _indirect(source=Source.WHANAU), NOT_MET),
    Case(
        "pm012-exception-claimed",
        "PM012",
        _indirect(ipp2_exception=Ipp2Exception.AUTHORISED),
        REVIEW,
    ),
    Case("pm012-source-unrecorded", "PM012", Collection("c", items=(_ITEM,)), REVIEW),
    Case("pm012-counts", "PM012", _indirect(items=(_AGG,)), NA),
    # PM013 supplier-not-told
    Case(
        "pm013-told",
        "PM013",
        _indirect(
            supplier_told=SupplierNotice(
                purpose=True, onward_sharing=True, voluntary_or_mandatory=True
            )
        ),
        MET,
    ),
    Case(
        "pm013-told-nothing",
        "PM013",
        _indirect(
            supplier_told=SupplierNotice(
                purpose=False, onward_sharing=False, voluntary_or_mandatory=False
            )
        ),
        NOT_MET,
    ),
    Case(
        "pm013-partly",
        "PM013",
        _indirect(supplier_told=SupplierNotice(purpose=False, voluntary_or_mandatory=True)),
        REVIEW,
    ),
    Case(
        "pm013-statute-unnamed",
        "PM013",
        _indirect(
            supplier_told=SupplierNotice(
                purpose=True, onward_sharing=True, voluntary_or_mandatory=True, statute=False
            )
        ),
        REVIEW,
    ),
    Case("pm013-unrecorded", "PM013", _indirect(), REVIEW),
    Case("pm013-direct", "PM013", Collection("c", source=Source.INDIVIDUAL), NA),
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
    # PM015 use-beyond-purpose
    Case("pm015-within", "PM015", _use(), MET, context=_FLOWS),
    Case("pm015-beyond", "PM015", _use(purposes=("q",)), NOT_MET, context=_FLOWS),
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
    # PM016 disclosure-beyond-purpose
    Case("pm016-within", "PM016", _disclosure(), MET, context=_FLOWS),
    Case(
        "pm016-to-person",
        "PM016",
        _disclosure(purposes=("q",), ground=SharingGround.TO_PERSON),
        MET,
        context=_FLOWS,
    ),
    Case("pm016-beyond", "PM016", _disclosure(purposes=("q",)), NOT_MET, context=_FLOWS),
    Case(
        "pm016-ot-s66",
        "PM016",
        _disclosure(purposes=("q",), ground=SharingGround.OT_S66),
        REVIEW,
        context=_FLOWS,
    ),
    Case(
        "pm016-untraceable",
        "PM016",
        _disclosure(items=("unknown-item",)),
        REVIEW,
        context=_FLOWS,
    ),
    Case("pm016-a-use", "PM016", _use(), NA, context=_FLOWS),
    # PM017 overseas-disclosure-without-basis
    Case(
        "pm017-basis",
        "PM017",
        _abroad(ipp12_basis=Ipp12Basis.CONTRACT_CLAUSES),
        MET,
    ),
    Case("pm017-no-basis", "PM017", _abroad(), NOT_MET),
    Case("pm017-agent", "PM017", _abroad(ipp12_basis=Ipp12Basis.AGENT_STORAGE), REVIEW),
    Case(
        "pm017-country-unrecorded",
        "PM017",
        _disclosure(recipient=Recipient("Research partner")),
        REVIEW,
    ),
    Case(
        "pm017-nz",
        "PM017",
        _disclosure(recipient=Recipient("Family Court", country="NZ")),
        NA,
    ),
    Case("pm017-use", "PM017", _use(), NA),
    # PM018 overseas-recipient-without-basis
    Case(
        "pm018-basis",
        "PM018",
        _agreement(
            fields=_IDENT_FIELDS,
            overseas_recipients=(OverseasRecipient("University", "AU", Ipp12Basis.COMPARABLE_LAW),),
        ),
        MET,
    ),
    Case(
        "pm018-no-basis",
        "PM018",
        _agreement(fields=_IDENT_FIELDS, overseas_recipients=(OverseasRecipient("Lab", "US"),)),
        NOT_MET,
    ),
    Case(
        "pm018-agent",
        "PM018",
        _agreement(
            overseas_recipients=(OverseasRecipient("Cloud", "AU", Ipp12Basis.AGENT_STORAGE),)
        ),
        REVIEW,
    ),
    Case("pm018-unrecorded", "PM018", _agreement(fields=_IDENT_FIELDS), REVIEW),
    Case("pm018-none-overseas", "PM018", _agreement(overseas_recipients=()), NA),
    Case("pm018-counts", "PM018", _agreement(fields=_AGG_FIELDS), NA),
    # PM019 purpose-statement-incomplete
    Case("pm019-complete", "PM019", _FULL_PURPOSE, MET),
    Case(
        "pm019-no-choice-declared",
        "PM019",
        attrs.evolve(_FULL_PURPOSE, choices=None, no_choice_declared=True),
        MET,
    ),
    Case("pm019-blank-what", "PM019", attrs.evolve(_FULL_PURPOSE, what=""), NOT_MET),
    Case(
        "pm019-no-transparency",
        "PM019",
        attrs.evolve(_FULL_PURPOSE, transparency=None),
        REVIEW,
    ),
    Case("pm019-no-law", "PM019", attrs.evolve(_FULL_PURPOSE, law=()), REVIEW),
    Case("pm019-unrecorded", "PM019", Purpose("p"), REVIEW),
    # PM020 purpose-limits-unstated
    Case(
        "pm020-both",
        "PM020",
        Purpose("p", not_used_for=("marketing",), not_seen_by=("the funder",)),
        MET,
    ),
    Case("pm020-neither", "PM020", Purpose("p", not_used_for=(), not_seen_by=()), NOT_MET),
    Case(
        "pm020-one",
        "PM020",
        Purpose("p", not_used_for=("marketing",), not_seen_by=()),
        REVIEW,
    ),
    Case("pm020-unrecorded", "PM020", Purpose("p"), REVIEW),
    # PM021 linking-undisclosed
    Case("pm021-stated", "PM021", _linking(("stats nz idi",)), MET, path=_C0),
    Case(
        "pm021-stated-and-explained",
        "PM021",
        _linking(("Stats NZ IDI",), notice=Notice(uses_explained=("p",))),
        MET,
        path=_C0,
    ),
    Case("pm021-unstated", "PM021", _linking(()), NOT_MET, path=_C0),
    Case(
        "pm021-not-explained",
        "PM021",
        _linking(("Stats NZ IDI",), notice=Notice(uses_explained=())),
        NOT_MET,
        path=_C0,
    ),
    Case("pm021-purpose-silent", "PM021", _linking(None), REVIEW, path=_C0),
    Case("pm021-unrecorded", "PM021", Collection("c"), REVIEW),
    Case("pm021-no-linking", "PM021", Collection("c", linking=()), NA),
    # PM022 retention-undefined
    Case(
        "pm022-kept-to",
        "PM022",
        Collection(
            "c",
            items=(_ITEM,),
            retention=Retention(84, "records schedule", oldest_record_months=12),
        ),
        MET,
    ),
    Case(
        "pm022-not-started",
        "PM022",
        Collection(
            "c",
            items=(_ITEM,),
            collected_on=date(2026, 7, 1),
            retention=Retention(12, "until linking is done"),
        ),
        MET,
    ),
    Case(
        "pm022-overdue",
        "PM022",
        Collection("c", items=(_ITEM,), retention=Retention(84, "x", oldest_record_months=120)),
        NOT_MET,
    ),
    Case(
        "pm022-overdue-with-reason",
        "PM022",
        Collection(
            "c",
            items=(_ITEM,),
            retention=Retention(
                84, "x", oldest_record_months=120, overdue_reason="litigation hold"
            ),
        ),
        REVIEW,
    ),
    Case(
        "pm022-age-unknown",
        "PM022",
        Collection("c", items=(_ITEM,), retention=Retention(84, "records schedule")),
        REVIEW,
    ),
    Case("pm022-unrecorded", "PM022", Collection("c", items=(_ITEM,)), REVIEW),
    Case("pm022-counts", "PM022", Collection("c", items=(_AGG,)), NA),
    # PM023 sensitive-data-unguarded
    Case(
        "pm023-purpose-based",
        "PM023",
        Collection(
            "c",
            items=(_SENSITIVE,),
            safeguards=(Safeguard.ROLE_BASED_ACCESS, Safeguard.PURPOSE_BASED_ACCESS),
        ),
        MET,
    ),
    Case(
        "pm023-no-access-limit",
        "PM023",
        Collection("c", items=(_SENSITIVE,), safeguards=(Safeguard.ENCRYPTION,)),
        NOT_MET,
    ),
    Case(
        "pm023-role-only",
        "PM023",
        Collection("c", items=(_SENSITIVE,), safeguards=(Safeguard.ROLE_BASED_ACCESS,)),
        REVIEW,
    ),
    Case("pm023-unrecorded", "PM023", Collection("c", items=(_SENSITIVE,)), REVIEW),
    Case("pm023-not-sensitive", "PM023", Collection("c", items=(_PLAIN,)), NA),
    # PM024 recipient-access-not-purpose-bound
    Case(
        "pm024-restricted",
        "PM024",
        _agreement(fields=_IDENT_FIELDS, access_restricted_to_purpose=True),
        MET,
    ),
    Case(
        "pm024-open",
        "PM024",
        _agreement(fields=_IDENT_FIELDS, access_restricted_to_purpose=False),
        NOT_MET,
    ),
    Case("pm024-unrecorded", "PM024", _agreement(fields=_IDENT_FIELDS), REVIEW),
    Case("pm024-counts", "PM024", _agreement(fields=_AGG_FIELDS), NA),
    # PM025 accuracy-unchecked
    Case(
        "pm025-checked",
        "PM025",
        _disclosure(feeds_decision=True, accuracy_checked=True),
        MET,
    ),
    Case(
        "pm025-unchecked",
        "PM025",
        _disclosure(feeds_decision=True, accuracy_checked=False),
        NOT_MET,
    ),
    Case("pm025-check-unrecorded", "PM025", _use(feeds_decision=True), REVIEW),
    Case("pm025-decision-unrecorded", "PM025", _disclosure(), REVIEW),
    Case("pm025-no-decision", "PM025", _disclosure(feeds_decision=False), NA),
    Case("pm025-not-identifying", "PM025", _disclosure(identifiable=False), NA),
    # PM026 identifying-accountability-reporting
    Case(
        "pm026-counts",
        "PM026",
        _agreement(reporting=(ReportingKind.SERVICE_DELIVERY,), fields=_AGG_FIELDS),
        MET,
    ),
    Case(
        "pm026-names-no-reason",
        "PM026",
        _agreement(reporting=(ReportingKind.CONTRACT_MANAGEMENT,), fields=_IDENT_FIELDS),
        NOT_MET,
    ),
    Case(
        "pm026-users-would-not-agree",
        "PM026",
        _agreement(
            reporting=(ReportingKind.ACCREDITATION,),
            fields=_IDENT_FIELDS,
            identifying_justification="audit of a sample of files",
            users_would_agree_checked=False,
        ),
        NOT_MET,
    ),
    Case(
        "pm026-names-with-reason",
        "PM026",
        _agreement(
            reporting=(ReportingKind.COMPLIANCE,),
            fields=_IDENT_FIELDS,
            identifying_justification="audit of a sample of files",
            users_would_agree_checked=True,
        ),
        REVIEW,
    ),
    Case("pm026-research", "PM026", _agreement(reporting=(ReportingKind.RESEARCH,)), NA),
    Case("pm026-unrecorded", "PM026", _agreement(), REVIEW),
    # PM027 secondary-use-not-agreed
    Case(
        "pm027-agreed",
        "PM027",
        _agreement(
            secondary_uses=(SecondaryUse("p", agreed_by_partners=True, communicated_to_users=True),)
        ),
        MET,
    ),
    Case(
        "pm027-imposed",
        "PM027",
        _agreement(
            secondary_uses=(
                SecondaryUse("p", agreed_by_partners=False, communicated_to_users=True),
            )
        ),
        NOT_MET,
    ),
    Case(
        "pm027-untold",
        "PM027",
        _agreement(secondary_uses=(SecondaryUse("p", agreed_by_partners=True),)),
        REVIEW,
    ),
    Case("pm027-unrecorded", "PM027", _agreement(), REVIEW),
    Case("pm027-none", "PM027", _agreement(secondary_uses=()), NA),
    # PM028 reporting-beyond-minimum
    Case("pm028-mapped", "PM028", _agreement(fields=_AGG_FIELDS), MET, context=_SPECIFIC),
    Case(
        "pm028-unmapped",
        "PM028",
        _agreement(fields=(InformationItem("extra", purposes=()),)),
        NOT_MET,
        context=_SPECIFIC,
    ),
    Case(
        "pm028-not-agreed",
        "PM028",
        _agreement(fields=(InformationItem("extra", purposes=("q",)),)),
        NOT_MET,
        context=_SPECIFIC,
    ),
    Case(
        "pm028-open-ended",
        "PM028",
        _agreement(fields=_AGG_FIELDS),
        NOT_MET,
        context=_reporting_context("for monitoring and other purposes as required"),
    ),
    Case(
        "pm028-monitoring-only",
        "PM028",
        _agreement(fields=_AGG_FIELDS),
        REVIEW,
        context=_reporting_context("for monitoring"),
    ),
    Case(
        "pm028-monitoring-bounded",
        "PM028",
        _agreement(fields=_AGG_FIELDS),
        MET,
        context=_reporting_context("for monitoring", feeds=("quarterly contract review",)),
    ),
    Case("pm028-unrecorded", "PM028", _agreement(), REVIEW, context=_SPECIFIC),
    Case("pm028-nothing-reported", "PM028", _agreement(fields=()), NA, context=_SPECIFIC),
]

# ---------------------------------------------------------------------------------------------
# Branches the table above did not reach, found by mutation testing (``make mutation``). The
# golden snapshot (test_golden.py) pins their messages and evidence paths too.
# ---------------------------------------------------------------------------------------------

_UNKNOWN_ITEM = InformationItem("n")
_TWO_SOURCES = Activity(
    "two sources",
    purposes=(Purpose("p"), Purpose("q")),
    collections=(
        Collection("c1", items=(InformationItem("a", identifiability=IDENT),), purposes=("p",)),
        Collection("c2", items=(InformationItem("b", identifiability=IDENT),), purposes=("q",)),
        Collection("c3", items=(InformationItem("z", identifiability=IDENT),)),
    ),
    choices=(Choice("lapses", state=ChoiceState.GIVEN, expires_on=date(2026, 1, 1)),),
)
_CHECKED = (CheckAndBalance.SERVICE_USER_CONSULTATION,)


def _retained(**kw: object) -> Collection:
    return Collection("c", items=(_ITEM,), retention=Retention(**kw))  # type: ignore[arg-type]


CASES += [
    # PM001: one list recorded empty and the other not recorded is not "no authority" yet
    Case("pm001-no-functions-law-unrecorded", "PM001", Purpose("p", why="x", functions=()), REVIEW),
    Case("pm001-no-law-functions-unrecorded", "PM001", Purpose("p", why="x", law=()), REVIEW),
    Case("pm003-link-unrecorded", "PM003", Collection("c", items=(_UNKNOWN_ITEM,)), REVIEW),
    Case("pm004-no-items", "PM004", Collection("c"), REVIEW),
    Case(
        "pm004-identifiability-unrecorded", "PM004", Collection("c", items=(_UNKNOWN_ITEM,)), REVIEW
    ),
    Case(
        "pm005-agreements-only",
        "PM005",
        Activity("a", agreements=(SharingAgreement("g"),)),
        NOT_MET,
    ),
    Case("pm005-disclosures-only", "PM005", Activity("a", disclosures=(Disclosure("d"),)), NOT_MET),
    Case("pm007-identifying-unrecorded", "PM007", Collection("c", items=(_UNKNOWN_ITEM,)), REVIEW),
    Case(
        "pm007-opt-out-unrecorded",
        "PM007",
        Collection("c", items=(_ITEM,), alternatives_considered=(Alternative.AGGREGATE,)),
        REVIEW,
    ),
    Case("pm008-beneficiaries-unrecorded", "PM008", Purpose("p", benefit="x"), REVIEW),
    Case(
        "pm009-sensitivity-unrecorded",
        "PM009",
        Collection("c", items=(InformationItem("count", identifiability=AGG),)),
        REVIEW,
    ),
    Case(
        "pm009-sensitive-counts",
        "PM009",
        Collection(
            "c",
            items=(
                InformationItem("count", identifiability=AGG, sensitivity=(Sensitivity.HEALTH,)),
            ),
        ),
        REVIEW,
    ),
    Case("pm010-no-context", "PM010", Collection("c", items=(_PLAIN,)), REVIEW),
    Case(
        "pm010-checked-without-trigger",
        "PM010",
        Collection("c", items=(_PLAIN,), checks_done=(CheckAndBalance.LEGAL_REVIEW,)),
        MET,
    ),
    Case(
        "pm010-item-without-purpose",
        "PM010",
        _triggers(
            Collection("c", items=(attrs.evolve(_PLAIN, purposes=()),), purposes=("p",)),
            uncertain=False,
            stakeholder_concern=False,
        ),
        REVIEW,
        path=_C0,
    ),
    Case(
        "pm010-purpose-link-unrecorded-is-no-trigger",
        "PM010",
        _triggers(
            Collection("c", items=(attrs.evolve(_PLAIN, purposes=None),), purposes=("p",)),
            uncertain=False,
            stakeholder_concern=False,
        ),
        MET,
        path=_C0,
    ),
    Case(
        "pm010-purpose-flags-unrecorded",
        "PM010",
        _triggers(
            Collection("c", items=(_AGG,), purposes=("p",)),
            uncertain=None,
            stakeholder_concern=False,
        ),
        REVIEW,
        path=_C0,
    ),
    Case(
        "pm010-uncertain-purpose",
        "PM010",
        _triggers(
            Collection("c", items=(_PLAIN,), purposes=("p",), checks_done=()),
            uncertain=True,
            stakeholder_concern=False,
        ),
        NOT_MET,
        path=_C0,
    ),
    Case(
        "pm010-sensitivity-unrecorded",
        "PM010",
        _triggers(
            Collection("c", items=(attrs.evolve(_PLAIN, sensitivity=None),), purposes=("p",)),
            uncertain=False,
            stakeholder_concern=False,
        ),
        REVIEW,
        path=_C0,
    ),
    Case(
        "pm010-complex-law",
        "PM010",
        Activity(
            "a",
            agency=Agency(complex_legislation=True),
            purposes=(Purpose("p", uncertain=False, stakeholder_concern=False),),
            collections=(Collection("c", items=(_PLAIN,), purposes=("p",), checks_done=()),),
        ),
        NOT_MET,
        path=_C0,
    ),
    Case(
        "pm010-no-agency",
        "PM010",
        Activity(
            "a",
            purposes=(Purpose("p", uncertain=False, stakeholder_concern=False),),
            collections=(Collection("c", items=(_PLAIN,), purposes=("p",)),),
        ),
        REVIEW,
        path=_C0,
    ),
    Case(
        "pm010-maori-focus-without-maori",
        "PM010",
        Activity(
            "a",
            agency=Agency(complex_legislation=False),
            audience=Audience(maori_focus=True),
            purposes=(Purpose("p", uncertain=True, stakeholder_concern=False),),
            collections=(Collection("c", items=(_PLAIN,), purposes=("p",), checks_done=_CHECKED),),
        ),
        REVIEW,
        path=_C0,
    ),
    Case("pm013-source-unrecorded", "PM013", Collection("c"), REVIEW),
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
    Case(
        "pm015-to-person-is-no-use-ground",
        "PM015",
        _use(ground=SharingGround.TO_PERSON),
        REVIEW,
        context=_FLOWS,
    ),
    Case("pm015-purposes-unrecorded", "PM015", _use(purposes=None), REVIEW, context=_FLOWS),
    Case("pm015-no-purpose", "PM015", _use(purposes=()), NOT_MET, context=_FLOWS),
    Case(
        "pm015-two-sources",
        "PM015",
        _use(purposes=("p", "q"), items=("a", "b")),
        MET,
        context=_TWO_SOURCES,
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
    Case(
        "pm015-authorisation-unknown-choice",
        "PM015",
        _use(purposes=("q",), ground=SharingGround.AUTHORISED, choices=("ghost",)),
        REVIEW,
        context=_FLOWS,
    ),
    Case("pm016-purposes-unrecorded", "PM016", _disclosure(purposes=None), REVIEW, context=_FLOWS),
    Case("pm017-recipient-unrecorded", "PM017", _disclosure(), REVIEW),
    Case("pm017-not-identifying", "PM017", _abroad(identifiable=False), NA),
    Case("pm021-no-context", "PM021", Collection("c", linking=("Stats NZ IDI",)), REVIEW),
    Case(
        "pm022-oldest-at-the-period",
        "PM022",
        _retained(period_months=12, oldest_record_months=12, basis="records schedule"),
        MET,
    ),
    Case(
        "pm022-basis-unrecorded",
        "PM022",
        _retained(period_months=12, oldest_record_months=6),
        REVIEW,
    ),
    Case(
        "pm022-starts-today",
        "PM022",
        attrs.evolve(
            _retained(period_months=12, basis="records schedule"), collected_on=date(2026, 6, 1)
        ),
        REVIEW,
    ),
    Case("pm023-sensitivity-unrecorded", "PM023", Collection("c", items=(_ITEM,)), REVIEW),
    Case(
        "pm023-identifiability-unrecorded",
        "PM023",
        Collection("c", items=(InformationItem("n", sensitivity=(Sensitivity.HEALTH,)),)),
        REVIEW,
    ),
    Case("pm023-counts-then-sensitive", "PM023", Collection("c", items=(_AGG, _SENSITIVE)), REVIEW),
    Case("pm024-fields-unrecorded", "PM024", _agreement(), REVIEW),
    Case(
        "pm026-fields-unrecorded",
        "PM026",
        _agreement(reporting=(ReportingKind.COMPLIANCE,)),
        REVIEW,
    ),
    Case(
        "pm026-identifiability-unrecorded",
        "PM026",
        _agreement(
            reporting=(ReportingKind.COMPLIANCE,),
            fields=(InformationItem("x", purposes=("p",)),),
        ),
        REVIEW,
    ),
    Case(
        "pm028-field-purposes-unrecorded",
        "PM028",
        _agreement(fields=(InformationItem("count", identifiability=AGG),)),
        REVIEW,
        context=_SPECIFIC,
    ),
    Case(
        "pm028-agreed-purposes-unrecorded",
        "PM028",
        _agreement(purposes=None, fields=_AGG_FIELDS),
        REVIEW,
        context=_SPECIFIC,
    ),
    Case("pm028-no-context", "PM028", _agreement(fields=_AGG_FIELDS), REVIEW),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """Each Purpose Matters check reports the expected status for its case."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses


def _evaluate(name: str) -> Report:
    return dpup.evaluate(dpup.load(EXAMPLES / name))


def _pm_not_met(report: Report) -> list[str]:
    return [
        f.check_id
        for f in report.findings
        if f.guideline is Guideline.PURPOSE_MATTERS and f.status is Status.NOT_MET
    ]


class TestWording:
    def test_catch_all_purpose_fails(self) -> None:
        """A purpose ending in "any other purpose we consider appropriate" is not met."""
        purpose = Purpose(
            "p", why="for service delivery and any other purpose we consider appropriate"
        )
        [finding] = dpup.evaluate(purpose, select=["PM002"]).findings
        assert Status.NOT_MET == finding.status
        assert ("$.why",) == finding.evidence

    def test_specific_purpose_not_flagged(self) -> None:
        """A purpose worded "to plan next year's service" is not flagged."""
        purpose = Purpose("p", why="to plan next year's service")
        report = dpup.evaluate(purpose, select=["PM002"])
        assert [Status.MET] == [f.status for f in report.findings]

    def test_phrase_list_is_configurable(self) -> None:
        """An agency's own phrase list replaces the default one."""
        purpose = Purpose("p", why="to plan next year's service")
        settings = Settings(catch_all_phrases=PhraseList(("next year",)))
        report = dpup.evaluate(purpose, select=["PM002"], settings=settings)
        assert [Status.NOT_MET] == [f.status for f in report.findings]

    def test_findings_never_echo_input(self) -> None:
        """Messages and evidence carry no words from the input text."""
        name = "Rangi Te Whare"
        notice = Notice(text=f"{name} agrees to any other purpose.")
        report = dpup.evaluate(Collection("c", notice=notice), select=["PM006"])
        for finding in report.findings:
            assert name not in finding.message
            assert all(name not in e for e in finding.evidence)


class TestIpp3aDates:
    def test_on_or_after_commencement_applies(self) -> None:
        """An indirect collection on 4 May 2026 that is never notified is not met."""
        collection = _indirect(collected_on=_AFTER, notice=Notice(timing=NoticeTiming.NEVER))
        [finding] = dpup.evaluate(collection, select=["PM014"]).findings
        assert Status.NOT_MET == finding.status

    def test_before_commencement_not_applicable(self) -> None:
        """The same collection on 30 April 2026 predates IPP3A."""
        collection = _indirect(collected_on=_BEFORE, notice=Notice(timing=NoticeTiming.NEVER))
        [finding] = dpup.evaluate(collection, select=["PM014"]).findings
        assert Status.NOT_APPLICABLE == finding.status

    def test_commencement_day_applies(self) -> None:
        """A collection on 1 May 2026 itself is covered."""
        collection = _indirect(collected_on=date(2026, 5, 1), notice=_IPP3A_NOTICE)
        [finding] = dpup.evaluate(collection, select=["PM014"]).findings
        assert Status.MET == finding.status


class TestIcldScenario:
    def test_icld_fails_ipp1(self) -> None:
        """The 2016 ICLD demand has NOT_MET Purpose Matters findings in law, citing IPP1."""
        report = _evaluate("icld-2016.toml")
        legal = [
            f
            for f in report.findings
            if f.guideline is Guideline.PURPOSE_MATTERS
            and f.status is Status.NOT_MET
            and f.basis is Basis.LAW
            and LegalRef.IPP1 in f.legal_refs
        ]
        assert ["PM004"] == [f.check_id for f in legal]

    def test_icld_fails_the_expected_rules(self) -> None:
        """The ICLD demand fails the rules the domain reference expects it to."""
        failed = set(_pm_not_met(_evaluate("icld-2016.toml")))
        expected = {"PM002", "PM004", "PM007", "PM009", "PM010", "PM026", "PM028"}
        assert expected <= failed

    def test_icld_supplier_told_needs_review(self) -> None:
        """NGOs were told supply was compulsory but not why: PM013 needs review."""
        report = _evaluate("icld-2016.toml")
        assert [Status.NEEDS_REVIEW] == [f.status for f in report.findings if f.check_id == "PM013"]

    def test_icld_predates_ipp3a(self) -> None:
        """ICLD supply was due in 2017, so IPP3A does not apply to it."""
        report = _evaluate("icld-2016.toml")
        [finding] = [f for f in report.findings if f.check_id == "PM014"]
        assert Status.NOT_APPLICABLE == finding.status

    def test_counterfactual_passes(self) -> None:
        """The DPUP-aligned agreement has no NOT_MET Purpose Matters finding."""
        assert [] == _pm_not_met(_evaluate("icld-2016-dpup.toml"))

    def test_counterfactual_ipp3a_met(self) -> None:
        """The counterfactual linkage starts after 1 May 2026 and its notice meets IPP3A."""
        report = _evaluate("icld-2016-dpup.toml")
        statuses = {f.subject: f.status for f in report.findings if f.check_id == "PM014"}
        assert {"$.collections[0]": NA, "$.collections[1]": MET} == statuses

    def test_counterfactual_scores_higher_on_he_tangata(self) -> None:
        """The counterfactual's He Tāngata score is higher than the original's."""
        before = _evaluate("icld-2016.toml").principle_scores[Principle.HE_TANGATA].value
        after = _evaluate("icld-2016-dpup.toml").principle_scores[Principle.HE_TANGATA].value
        assert before is not None
        assert after is not None
        assert after > before


class TestKidsFirstScenario:
    def test_after_has_no_purpose_failures(self) -> None:
        """Kids First after DPUP has no NOT_MET Purpose Matters finding."""
        assert [] == _pm_not_met(_evaluate("kids-first-after.toml"))

    def test_after_funder_reporting_met(self) -> None:
        """After DPUP, funder reporting is non-identifying and minimal (PM026, PM028 met)."""
        report = _evaluate("kids-first-after.toml")
        statuses = {
            f.check_id: f.status for f in report.findings if f.check_id in {"PM026", "PM028"}
        }
        assert {"PM026": MET, "PM028": MET} == statuses

    def test_before_has_purpose_failures(self) -> None:
        """Kids First before DPUP fails the catch-all purpose and the court report's accuracy."""
        failed = _pm_not_met(_evaluate("kids-first-before.toml"))
        assert {"PM002", "PM025"} <= set(failed)

    def test_before_funder_reporting_needs_review(self) -> None:
        """Before DPUP, the funder's data requirements are unknown: PM026 and PM028 need review."""
        report = _evaluate("kids-first-before.toml")
        statuses = {
            f.check_id: f.status for f in report.findings if f.check_id in {"PM026", "PM028"}
        }
        assert {"PM026": REVIEW, "PM028": REVIEW} == statuses
