"""Generated activities that grow one relation between records: the linear-cost shapes.

Each builder makes an activity with ``n`` subjects on both sides of one relation the checks
follow (disclosures and the choices they touch, findings and the waivers that cover them,
collections and the disclosures drawing on them, purposes and the collections serving them).
Every subject is linked to one partner only, so the work the checks have to do grows with
``n``; a check that scans the whole other side for each subject turns that into ``n * n``.

`make bench` times them (`benchmarks.run`), and ``tests/test_linear_cost.py`` counts the work
they cause without timing anything. The records vary from one subject to the next (states,
grounds, notices), so that most branches of the checks on both sides are taken.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import attrs

import dpup
from dpup.model import (
    Activity,
    Channel,
    Choice,
    ChoiceLevel,
    ChoiceScope,
    ChoiceState,
    Collection,
    CorrectionRequest,
    Disclosure,
    FlowKind,
    Identifiability,
    InformationItem,
    Notice,
    NoticeTiming,
    Purpose,
    Recipient,
    RecipientKind,
    SharingAgreement,
    SharingGround,
    Source,
)

__all__ = [
    "SHAPES",
    "TITLES",
    "Shape",
    "collections_disclosures",
    "disclosures_choices",
    "evaluation",
    "every_relation",
    "purposes_collections",
    "waivers_findings",
]

AS_AT = dt.date(2026, 6, 1)
"""The date every shape is assessed at."""

_STATES = (
    ChoiceState.GIVEN,
    ChoiceState.REFUSED,
    ChoiceState.WITHDRAWN,
    None,
    ChoiceState.RENEWED,
    ChoiceState.EXPIRED,
)
_GROUNDS = (
    SharingGround.AUTHORISED,
    SharingGround.OT_S66,
    None,
    SharingGround.COLLECTION_PURPOSE,
    SharingGround.STATISTICAL_RESEARCH,
    SharingGround.TO_PERSON,
)


@attrs.frozen
class Shape:
    """One generated activity and the waivers it is evaluated with.

    Attributes:
        activity: the activity.
        waivers: accepted risks passed to `dpup.evaluate`; ``()`` for none.
    """

    activity: Activity
    waivers: tuple[dpup.Waiver, ...] = ()


def _purpose(pid: str, linking: tuple[str, ...] = ()) -> Purpose:
    return Purpose(
        id=pid,
        why=f"To {pid.replace('-', ' ')} for each parent who enrols",
        identifying=True,
        linking=linking,
        feeds=("session planning",),
    )


def _notice(i: int, explained: tuple[str, ...], recipients: tuple[str, ...]) -> Notice:
    # Every third notice leaves out what it explains, so both sides of the comparison occur;
    # some name no recipients at all, which is judged against the activity's disclosures.
    return Notice(
        timing=NoticeTiming.AT if i % 3 else NoticeTiming.AFTER,
        fact_of_collection=True,
        purpose=True,
        recipients=() if i % 6 == 1 else recipients if i % 3 else None,
        uses_explained=explained if i % 3 else None,
        sharing_exceptions=(SharingGround.OT_S66,) if i % 2 else None,
        channels=(Channel.FORM, Channel.CONVERSATION),
        choice_level=ChoiceLevel.SOME if i % 2 else None,
        access_restriction_choice_offered=i % 4 == 0,
    )


def _item(name: str, purposes: tuple[str, ...], i: int) -> InformationItem:
    return InformationItem(
        name=name,
        identifiability=Identifiability.IDENTIFYING if i % 5 else Identifiability.AGGREGATE,
        sensitivity=(),
        purposes=purposes,
        justification="Needed to run the programme.",
        required=i % 2 == 0,
    )


def _intake(purposes: tuple[str, ...], recipients: tuple[str, ...]) -> Collection:
    return Collection(
        id="intake",
        source=Source.INDIVIDUAL,
        purposes=purposes,
        items=(
            _item("full-name", purposes[:1], 1),
            _item("session-notes", purposes, 2),
        ),
        notice=_notice(1, purposes, recipients),
        required_by_law=False,
        linking=(),
    )


def disclosures_choices(n: int) -> Shape:
    """Return ``n`` disclosures, each touching one of ``n`` choices (listed and by recipient).

    Choice ``i`` covers recipient ``i`` only, so no other disclosure touches it. The choices'
    states and the disclosures' grounds cycle, and a third of the disclosures go beyond the
    collection's purposes on a claimed authorisation, so the choices are looked up again.
    """
    purposes = ("deliver-programme", "court-reporting", "research")
    choices = tuple(
        Choice(
            id=f"choice-{i}",
            scope=ChoiceScope.CAPTURE if i % 7 == 0 else ChoiceScope.RECIPIENTS,
            level=ChoiceLevel.SOME,
            recipients=(f"Recipient {i}",),
            state=_STATES[i % len(_STATES)],
            decided_on=dt.date(2026, 3, 1),
            override_grounds=(SharingGround.OT_S66,) if i % 2 else None,
        )
        for i in range(n)
    )
    disclosures = tuple(
        Disclosure(
            id=f"disclosure-{i}",
            recipient=Recipient(f"Recipient {i}", kind=RecipientKind.ORGANISATION, country="NZ"),
            purposes=("research",) if i % 3 == 0 else ("court-reporting",),
            items=("session-notes",),
            identifiable=i % 11 != 0,
            ground=_GROUNDS[i % len(_GROUNDS)],
            choices=(f"choice-{i}",),
            on=dt.date(2026, 4, 1),
            feeds_decision=i % 2 == 0,
            person_involved=i % 4 != 0,
        )
        for i in range(n)
    )
    return Shape(
        Activity(
            name="Disclosures and choices",
            as_at=AS_AT,
            purposes=tuple(_purpose(p) for p in purposes),
            collections=(_intake(purposes[:2], ("Recipient 1", "Recipient 2", "Family Court")),),
            choices=choices,
            disclosures=disclosures,
        )
    )


_WAIVED = ("PM015", "TC004", "TC013", "TC015", "SV012")
"""Disclosure checks the waivers of `waivers_findings` name."""


def waivers_findings(n: int) -> Shape:
    """Return ``n`` disclosures and ``n`` waivers, each waiver for one disclosure's finding.

    Waiver ``i`` covers one check's finding about disclosure ``i`` (the check cycling through
    five). Three more waive a check everywhere: one listed first, one in the middle (so the
    subject waivers for the same check listed before it still win) and one expired. The
    disclosures touch no choices, so the waivers are the only relation that grows.
    """
    purposes = ("deliver-programme", "court-reporting", "research")
    disclosures = tuple(
        Disclosure(
            id=f"disclosure-{i}",
            recipient=Recipient(f"Recipient {i % 3}", kind=RecipientKind.ORGANISATION),
            purposes=(purposes[i % 3],),
            items=("session-notes",),
            identifiable=i % 11 != 0,
            ground=_GROUNDS[i % len(_GROUNDS)],
            on=dt.date(2026, 4, 1),
        )
        for i in range(n)
    )
    activity = Activity(
        name="Waivers and findings",
        as_at=AS_AT,
        purposes=tuple(_purpose(p) for p in purposes),
        collections=(_intake(purposes[:2], ("Recipient 1", "Family Court")),),
        disclosures=disclosures,
    )
    waivers = [
        dpup.Waiver(
            check_id=_WAIVED[i % len(_WAIVED)],
            reason="Accepted by the privacy officer.",
            subject=f"$.disclosures[{i}]",
            approver="Privacy officer",
        )
        for i in range(n)
    ]
    waivers.insert(0, dpup.Waiver("SV012", "Reporting waived everywhere."))
    waivers.insert(len(waivers) // 2, dpup.Waiver("TC013", "Notice gaps accepted for now."))
    waivers.append(dpup.Waiver("TC015", "Expired.", expires=dt.date(2026, 1, 1)))
    return Shape(activity, tuple(waivers))


def collections_disclosures(n: int) -> Shape:
    """Return ``n`` collections and ``n`` disclosures, disclosure ``i`` drawing on collection ``i``.

    Each collection holds two items of its own. A client register, listed last, holds one
    item per disclosure as well, so every disclosure also draws on one collection of ``n``
    items. The disclosures vary in identifiability, ground, recipient and kind, so both the
    comparison with the notices and each collection's downstream flows have work to do.
    """
    purposes = ("deliver-programme", "court-reporting", "research")
    collections = tuple(
        Collection(
            id=f"collection-{i}",
            source=Source.INDIVIDUAL,
            purposes=purposes[: 1 + i % 3],
            items=(
                _item(f"name-{i}", purposes[:1], i),
                _item(f"notes-{i}", purposes[1 : 2 + i % 2], i + 1),
            ),
            notice=_notice(i, purposes[: 1 + i % 3], (f"Recipient {i}", "Family Court")),
            required_by_law=i % 4 == 0,
            linking=(),
        )
        for i in range(n)
    )
    register = Collection(
        id="client-register",
        source=Source.INDIVIDUAL,
        purposes=purposes[:1],
        items=tuple(_item(f"client-{i}", purposes[:1], i) for i in range(n)),
        notice=_notice(0, purposes[:1], ("Family Court",)),
        required_by_law=False,
        linking=(),
    )
    disclosures = tuple(
        Disclosure(
            id=f"disclosure-{i}",
            kind=FlowKind.USE if i % 9 == 0 else FlowKind.DISCLOSURE,
            recipient=Recipient(
                f"Recipient {i}" if i % 2 else "Family Court", kind=RecipientKind.COURT
            ),
            purposes=(purposes[i % 3],),
            items=(f"notes-{i}", f"client-{i}") if i % 4 else (f"name-{i}", f"notes-{i}"),
            identifiable=i % 6 != 0,
            ground=_GROUNDS[i % len(_GROUNDS)],
            on=dt.date(2026, 4, 1),
        )
        for i in range(n)
    )
    return Shape(
        Activity(
            name="Collections and disclosures",
            as_at=AS_AT,
            purposes=tuple(_purpose(p) for p in purposes),
            collections=(*collections, register),
            disclosures=disclosures,
        )
    )


def purposes_collections(n: int) -> Shape:
    """Return ``n`` purposes and ``n`` collections, collection ``i`` serving purpose ``i``.

    Collection ``i`` is linked with dataset ``i``; its purpose states that linking for most
    collections, and its notice explains the purpose for most, so the linking check
    (PM021) meets every one of its outcomes.
    """
    purposes = tuple(
        _purpose(
            f"purpose-{i}",
            linking=(f"Dataset {i}",) if i % 5 else (),
        )
        if i % 7
        else Purpose(id=f"purpose-{i}", why=f"To plan services, round {i}")
        for i in range(n)
    )
    collections = tuple(
        Collection(
            id=f"collection-{i}",
            source=Source.INDIVIDUAL,
            purposes=(f"purpose-{i}",),
            items=(_item(f"item-{i}", (f"purpose-{i}",), i),),
            notice=_notice(i, (f"purpose-{i}",), ("Family Court",)),
            required_by_law=False,
            linking=(f"dataset {i}",) if i % 3 else (),
        )
        for i in range(n)
    )
    return Shape(
        Activity(
            name="Purposes and collections",
            as_at=AS_AT,
            purposes=purposes,
            collections=collections,
        )
    )


def every_relation(n: int) -> Shape:
    """Return ``n`` records of every kind, each record ``i`` linked to the others' record ``i``.

    Not a timed workload: ``tests/test_linear_cost.py`` counts the work it causes, to guard
    the relations the four shapes leave out (collections and choices, collections and
    agreements, agreement fields and purposes, correction requests and disclosures). No
    disclosure identifies anyone, so a scan for one that does could not stop early.
    """
    choices = tuple(
        Choice(
            id=f"choice-{i}",
            scope=(ChoiceScope.ACCESS, ChoiceScope.CAPTURE, ChoiceScope.USE)[i % 3],
            recipients=(f"Recipient {i}",),
            purposes=(f"purpose-{i}",),
            state=_STATES[i % len(_STATES)],
            override_grounds=(SharingGround.COURT_ORDER,) if i % 2 else None,
        )
        for i in range(n)
    )
    agreements = tuple(
        SharingAgreement(
            id=f"agreement-{i}",
            parties=("Provider", "Funder"),
            purposes=(f"purpose-{i}",),
            fields=(
                InformationItem(
                    name=f"count-{i}",
                    identifiability=Identifiability.AGGREGATE,
                    purposes=(f"purpose-{i}",),
                ),
            ),
        )
        for i in range(n)
    )
    disclosures = tuple(
        Disclosure(
            id=f"disclosure-{i}",
            recipient=Recipient(f"Recipient {i}"),
            purposes=(f"purpose-{i}",),
            items=(f"item-{i}",),
            identifiable=False,
            ground=_GROUNDS[i % len(_GROUNDS)],
            choices=(f"choice-{i}",),
            agreement=f"agreement-{i}",
        )
        for i in range(n)
    )
    corrections = tuple(
        CorrectionRequest(
            id=f"correction-{i}",
            received_on=dt.date(2026, 4, 1),
            decided_on=dt.date(2026, 4, 20),
            corrected=True,
            disclosures=(f"disclosure-{i}",) if i % 2 else (),
            notified=(),
            items=(f"item-{i}",),
        )
        for i in range(n)
    )
    return Shape(
        Activity(
            name="Every relation",
            as_at=AS_AT,
            purposes=tuple(_purpose(f"purpose-{i}") for i in range(n)),
            collections=purposes_collections(n).activity.collections,
            choices=choices,
            agreements=agreements,
            disclosures=disclosures,
            correction_requests=corrections,
        )
    )


SHAPES: dict[str, Callable[[int], Shape]] = {
    "disclosures-choices": disclosures_choices,
    "waivers-findings": waivers_findings,
    "collections-disclosures": collections_disclosures,
    "purposes-collections": purposes_collections,
}
"""Every timed shape's builder, by workload name."""

TITLES = {
    "disclosures-choices": "disclosures x choices",
    "waivers-findings": "waivers x findings",
    "collections-disclosures": "collections x disclosures",
    "purposes-collections": "purposes x collections",
}
"""A short title for each shape, for tables."""


def evaluation(shape: Shape) -> Callable[[], dpup.Report]:
    """Return evaluating a fresh copy of ``shape``'s activity with its waivers.

    dpup keeps indexes of the activities it has seen; each call evaluates an equal but new
    activity (the same records, in a new `Activity`), so every call builds them afresh, as
    for a case seen for the first time. Making the copy checks its cross-references again,
    which is linear.
    """
    activity, waivers = shape.activity, shape.waivers

    def run() -> dpup.Report:
        return dpup.evaluate(attrs.evolve(activity), waivers=waivers)

    return run
