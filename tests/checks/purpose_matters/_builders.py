"""Subjects and activities the Purpose Matters cases and scenarios are built from."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

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
from dpup.model import (
    AccessParty,
    Agency,
    Audience,
    Beneficiary,
    CheckAndBalance,
    ChoiceState,
    CollectionManner,
    FlowKind,
    Identifiability,
    LawBasis,
    LawKind,
    Notice,
    Recipient,
    Retention,
    Sensitivity,
    Source,
    UniqueIdentifier,
)
from dpup.policy import Guideline

MET, NOT_MET, REVIEW, NA = (
    Status.MET,
    Status.NOT_MET,
    Status.NEEDS_REVIEW,
    Status.NOT_APPLICABLE,
)


IDENT, AGG = Identifiability.IDENTIFYING, Identifiability.AGGREGATE


EXAMPLES = Path(__file__).resolve().parents[3] / "examples"


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


def _evaluate(name: str) -> Report:
    return dpup.evaluate(dpup.load(EXAMPLES / name))


def _pm_not_met(report: Report) -> list[str]:
    return [
        f.check_id
        for f in report.findings
        if f.guideline is Guideline.PURPOSE_MATTERS and f.status is Status.NOT_MET
    ]


# One collection serving "p" and "q", whose items each serve only one of them: "name" was
# collected for "p", "gender" for "q"; "note" lists no purposes of its own, so it carries the
# collection's. Item purposes, not the collection's, decide a use or disclosure (PM015, PM016).
_OWN_PURPOSES = Activity(
    "own purposes",
    purposes=(Purpose("p"), Purpose("q"), Purpose("r")),
    collections=(
        Collection(
            "c",
            items=(
                InformationItem("name", identifiability=IDENT, purposes=("p",)),
                InformationItem("gender", identifiability=IDENT, purposes=("q",)),
                InformationItem("note", identifiability=IDENT),
            ),
            purposes=("p", "q"),
        ),
        Collection("d", items=(InformationItem("orphan", identifiability=IDENT),)),
    ),
    choices=(Choice("yes", state=ChoiceState.GIVEN),),
)


def _id_item(
    name: str = "ird-number", *, required: bool | None = True, **kw: object
) -> InformationItem:
    """An identifying item recorded as a unique identifier (IPP13), with ``kw`` describing it."""
    return InformationItem(
        name,
        identifiability=IDENT,
        purposes=("p",),
        justification="x",
        required=required,
        identifier=UniqueIdentifier(**kw),  # type: ignore[arg-type]  # test builder
    )


def _holding(*items: InformationItem) -> Collection:
    """A collection of the given items, for the IPP13 checks (PM030 to PM032)."""
    return Collection("c", items=items, purposes=("p",))


# The three answers of an IPP4 assessment, all recorded as met.
_FAIR: dict[str, Any] = {"lawful": True, "fair": True, "intrusion_reasonable": True}


def _collected(items: tuple[InformationItem, ...] = (_PLAIN,), **manner: object) -> Collection:
    """A collection of ``items`` whose manner of collection (IPP4) records ``manner``."""
    return Collection("c", items=items, manner=CollectionManner(**manner))  # type: ignore[arg-type]


def _in_activity(collection: Collection, children: bool | None) -> Activity:
    """An activity holding only ``collection``, whose audience records ``children``."""
    return Activity(
        "a",
        purposes=(Purpose("p"),),
        collections=(collection,),
        audience=Audience(children=children),
    )
