"""Subjects and activities the Transparency and Choice cases and scenarios are built from."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from dpup import (
    Activity,
    Choice,
    Collection,
    Disclosure,
    InformationItem,
    Purpose,
    SharingAgreement,
    Status,
)
from dpup.checks import BUILTIN_CHECKS
from dpup.findings import Finding, Report
from dpup.model import (
    Audience,
    Breach,
    BreachKind,
    Channel,
    ChoiceScope,
    ChoiceState,
    GroupRecords,
    HarmAssessment,
    HarmKind,
    Identifiability,
    Notice,
    NoticeTiming,
    ObtainedBy,
    Recipient,
    SharingGround,
    Source,
)
from dpup.policy import Guideline
from tests.checks.cases import Case

FAMILY = [c for c in BUILTIN_CHECKS if c.guideline is Guideline.TRANSPARENCY_AND_CHOICE]
"""This guideline's checks, in catalogue order."""


MET, NOT_MET, REVIEW, NA = (
    Status.MET,
    Status.NOT_MET,
    Status.NEEDS_REVIEW,
    Status.NOT_APPLICABLE,
)


EXAMPLES = Path(__file__).resolve().parents[3] / "examples"


_PURPOSES = (Purpose("p"),)


_ITEM = InformationItem(
    "name", identifiability=Identifiability.IDENTIFYING, purposes=("p",), justification="x"
)


_FULL_NOTICE = Notice(
    timing=NoticeTiming.AT,
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


def _notice(**kw: Any) -> Notice:
    return Notice(**kw)


def _col(notice: Notice | None = None, **kw: Any) -> Collection:
    """A direct collection of one identifying item serving purpose ``p``."""
    base: dict[str, Any] = {"items": (_ITEM,), "purposes": ("p",), "source": Source.INDIVIDUAL}
    base.update(kw)
    return Collection("c", notice=notice, **base)


def _court_disclosure(**kw: Any) -> Disclosure:
    base: dict[str, Any] = {
        "id": "d",
        "recipient": Recipient("Family Court"),
        "identifiable": True,
        "on": date(2026, 3, 1),
    }
    base.update(kw)
    return Disclosure(**base)


def _with_choice(state: ChoiceState | None, **kw: Any) -> Activity:
    choice = Choice(
        "c",
        recipients=("Family Court",),
        state=state,
        override_grounds=(SharingGround.OT_S66,),
        **kw,
    )
    return Activity("a", choices=(choice,), disclosures=(_court_disclosure(choices=("c",)),))


def _choice_case(
    id: str,  # noqa: A002 - mirrors Case.id
    state: ChoiceState | None,
    expected: Status,
    ground: SharingGround | None = None,
    **choice_kw: Any,
) -> Case:
    activity = _with_choice(state, **choice_kw)
    disclosure = _court_disclosure(choices=("c",), ground=ground)
    return Case(id, "TC004", disclosure, expected, context=activity)


def _on_collection(
    id: str,  # noqa: A002 - mirrors Case.id
    check_id: str,
    collection: Collection,
    expected: Status,
    **activity_kw: Any,
) -> Case:
    """A case for a collection check evaluated inside an activity holding only it."""
    activity = Activity("a", purposes=_PURPOSES, collections=(collection,), **activity_kw)
    return Case(id, check_id, collection, expected, context=activity)


def _flow(
    notice: Notice | None, disclosure: Disclosure, **activity_kw: Any
) -> tuple[Disclosure, Activity]:
    """A disclosure of the item ``name``, with the collection it came from."""
    activity = Activity(
        "a",
        purposes=_PURPOSES,
        collections=(_col(notice),),
        disclosures=(disclosure,),
        **activity_kw,
    )
    return disclosure, activity


def _flow_case(
    id: str,  # noqa: A002 - mirrors Case.id
    check_id: str,
    notice: Notice | None,
    expected: Status,
    **disclosure_kw: Any,
) -> Case:
    base: dict[str, Any] = {
        "id": "d",
        "recipient": Recipient("Family Court"),
        "purposes": ("p",),
        "items": ("name",),
        "identifiable": True,
    }
    base.update(disclosure_kw)
    disclosure, activity = _flow(notice, Disclosure(**base))
    return Case(id, check_id, disclosure, expected, context=activity)


_TOLD = _notice(recipients=("the Family Court, if it asks",), uses_explained=("p",))


_CRISIS = Audience(crisis_context=True, children=False)


_CALM = Audience(crisis_context=False, children=False)


_KIDS = Audience(children=True)


# Notice texts for TC006, measured with the default Flesch-Kincaid grade: about 0.5, 6.5
# (above the child limit of 5, within the adult limit of 8) and over 40. None uses jargon.
_EASY_TEXT = "We keep your name. We use it to send you reminders."


_MIDDLE_TEXT = (
    "We keep your name and address so we can send you letters about the programme and your "
    "sessions."
)


_HARD_TEXT = (
    "Organisational information, collected electronically, is systematically disseminated to "
    "multidisciplinary governmental institutions, facilitating comprehensive administrative "
    "evaluations."
)


_LAWS = ("Oranga Tamariki Act 1989",)


_FUNDING = SharingAgreement("g", purposes=("p",))


_AGGREGATE_FUNDING = SharingAgreement(
    "g",
    purposes=("p",),
    fields=(InformationItem("count", identifiability=Identifiability.AGGREGATE),),
)


_GROUP_NOTICE = _notice(channels=(Channel.GROUP_SESSION,))


_SHARE_BY_CHOICE = Activity(
    "a",
    purposes=_PURPOSES,
    collections=(_col(_notice(sharing_exceptions=(SharingGround.OT_S66,))),),
    choices=(Choice("c", override_grounds=(SharingGround.OT_S66, SharingGround.AUTHORISED)),),
    disclosures=(Disclosure("d", items=("name",)),),
)


_TWO_NOTICES = (
    Collection("c0", items=(_ITEM,), purposes=("p",)),
    Collection("c1", items=(_ITEM,), purposes=("p",), notice=_notice(recipients=("Police",))),
)


_TWO_NOTICES_EXPLAINED = (
    Collection(
        "c0",
        items=(_ITEM,),
        purposes=("p",),
        notice=_notice(sharing_exceptions=(SharingGround.OT_S66,)),
    ),
    Collection("c1", items=(_ITEM,), purposes=("p",), notice=_notice(recipients=("Police",))),
)


_TO_COURT = Disclosure(
    "d",
    recipient=Recipient("Family Court"),
    purposes=("p",),
    items=("name",),
    identifiable=True,
    ground=SharingGround.OT_S66,
)


_ALL_TRUE_RECORDS = GroupRecords(
    handling_agreed=True,
    attributed_by_name=True,
    explained=True,
    shown_to_participants=True,
    disposal_agreed=True,
)


def _downstream(
    id: str,  # noqa: A002 - mirrors Case.id
    notice: Notice | None,
    expected: Status,
    *agreements: SharingAgreement,
) -> Case:
    """A TC014 case: the collection's item goes out for research, or under agreements."""
    research = Disclosure("r", items=("name",), ground=SharingGround.STATISTICAL_RESEARCH)
    elsewhere = Disclosure("x", items=("other",))
    collection = _col(notice)
    activity = Activity(
        "a",
        purposes=(*_PURPOSES, Purpose("q")),
        collections=(collection, Collection("o", items=(InformationItem("other"),))),
        disclosures=() if agreements else (elsewhere, research),
        agreements=agreements,
    )
    return Case(id, "TC014", collection, expected, context=activity)


def _one(report: Report, check_id: str, subject: str | None = None) -> Finding:
    found = [
        f
        for f in report.findings
        if f.check_id == check_id and (subject is None or f.subject == subject)
    ]
    assert 1 == len(found), found
    return found[0]


def _choice_activity(
    state: ChoiceState, ground: SharingGround | None = None, **choice_kw: Any
) -> tuple[Disclosure, Activity]:
    disclosure = Disclosure(
        "court-report",
        recipient=Recipient("Family Court"),
        identifiable=True,
        choices=("say",),
        on=date(2026, 3, 20),
        ground=ground,
    )
    choice = Choice(
        "say",
        scope=ChoiceScope.RECIPIENTS,
        recipients=("Family Court",),
        state=state,
        override_grounds=(SharingGround.OT_S66, SharingGround.COURT_ORDER),
        **choice_kw,
    )
    return disclosure, Activity("a", choices=(choice,), disclosures=(disclosure,))


# James and the Kids First programme (domain reference section 10.1, seed 000). The rule ids
# in the reference map onto check ids as RULES records: TC-01 TC001, TC-03 TC002, TC-04
# TC003, TC-09 TC010, TC-12 TC004, TC-13 TC013, TC-18 TC018, TC-19 TC019.
_BEFORE_EXPECTED = [
    ("TC001", "$.collections[0]", NOT_MET),  # TC-01: recipients, rights not explained
    ("TC002", "$.collections[0]", NOT_MET),  # TC-03: "relevant agencies"
    ("TC003", "$.collections[0]", NOT_MET),  # TC-04: no word on police or courts
    ("TC018", "$", NOT_MET),  # TC-18: coordinator and facilitator cannot explain
    ("TC019", "$", NOT_MET),  # TC-19: named notes and posters with no agreement
    ("TC004", "$.disclosures[0]", REVIEW),  # TC-12: no say in the Court report
    ("TC013", "$.disclosures[0]", REVIEW),  # TC-13: Court reporting not described
]


_AFTER_EXPECTED = [
    ("TC001", "$.collections[0]", MET),  # TC-01
    ("TC002", "$.collections[0]", MET),  # TC-03
    ("TC003", "$.collections[0]", MET),  # TC-04
    ("TC003", "$.collections[1]", MET),  # TC-04
    ("TC010", "$.collections[0]", MET),  # TC-09
    ("TC004", "$.disclosures[0]", MET),  # TC-12: preference honoured
    ("TC004", "$.disclosures[1]", MET),  # TC-12
    ("TC013", "$.disclosures[0]", MET),  # TC-13: the Court was named up front
    ("TC013", "$.disclosures[2]", MET),  # TC-13: MSD named, counts only
    ("TC018", "$", MET),  # TC-18
    ("TC019", "$", MET),  # TC-19
]


# Privacy breaches (TC021 to TC024). The cases run as at 2026-06-01 (`tests.checks.cases`):
# a breach the agency learned of on 2026-05-30 is still inside the Commissioner's three-day
# expectation, one learned of on 2026-05-01 is well past it.
AWARE_RECENTLY = date(2026, 5, 30)
AWARE_LONG_AGO = date(2026, 5, 1)


def full_assessment(**kw: Any) -> HarmAssessment:
    """A harm assessment recording every s 113 matter and concluding serious harm is likely."""
    base: dict[str, Any] = {
        "steps_taken": ("asked the recipient to delete the file, and they confirmed",),
        "information_sensitive": True,
        "harms": (HarmKind.PHYSICAL, HarmKind.EMOTIONAL),
        "obtained_by": ObtainedBy.TRUSTED_RECIPIENT,
        "security_protected": False,
        "other_matters": (),
        "serious_harm_likely": True,
        "assessed_by": "privacy officer",
        "assessed_on": AWARE_LONG_AGO,
    }
    base.update(kw)
    return HarmAssessment(**base)


def breach(**kw: Any) -> Breach:
    """A breach: a case file emailed to the wrong agency, known of long ago, notifiable."""
    base: dict[str, Any] = {
        "id": "b",
        "what_happened": (BreachKind.DISCLOSURE,),
        "aware_on": AWARE_LONG_AGO,
        "harm_assessed": True,
        "harm_assessment": full_assessment(),
        "notifiable": True,
    }
    base.update(kw)
    return Breach(**base)
