"""The unit dpup evaluates: an activity and everything recorded about it.

An activity is a programme, service, project, report or single event that handles people's
information.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from datetime import date

import attrs

from dpup._enum import Enum
from dpup.errors import InputError, Problem
from dpup.model._validators import non_blank
from dpup.model.access import AccessPractice, AccessRequest, CorrectionRequest
from dpup.model.breach import Breach
from dpup.model.choice import Choice
from dpup.model.collection import Collection
from dpup.model.insight import Insight
from dpup.model.parties import Agency, Audience
from dpup.model.purpose import Purpose
from dpup.model.regimes import FamilyViolenceSharing, SharingRequest
from dpup.model.sharing import Disclosure, SharingAgreement

__all__ = [
    "Activity",
    "FrontlineSupport",
    "GroupRecords",
    "SecurityReview",
    "Stage",
    "SupportNeed",
    "reference_problems",
]


class Stage(Enum):
    """Where an activity is in its life."""

    DESIGN = "design"
    TENDER = "tender"
    DELIVERY = "delivery"
    REPORTING = "reporting"
    EVALUATION = "evaluation"
    CLOSURE = "closure"


class SupportNeed(Enum):
    """A group of people who need extra support to understand what happens to their information.

    `FrontlineSupport.guidance_for` lists the groups staff have guidance for; the activity's
    `Audience` records which of them it serves.
    """

    CHILDREN = "children"
    """Children and young people (`Audience.children`)."""
    IMPAIRED_CAPACITY = "impaired-capacity"
    """People whose ability to understand is impaired, for example by dementia
    (`Audience.impaired_capacity`)."""
    CRISIS = "crisis"
    """People who arrive in crisis (`Audience.crisis_context`)."""


@attrs.frozen
class FrontlineSupport:
    """What frontline staff have to explain the information practice and to make decisions.

    Attributes:
        script_or_faq: whether staff have a script, FAQ or plain explanation to use.
        trained: whether staff were trained on it.
        named_contact: whether there is a named person staff can send questions to.
        guidance_for: the groups needing extra support to understand for which staff have
            guidance on their particular duties and on upholding those people's information
            rights; ``()`` for none.
        sharing_training: whether staff are trained to work through the information-sharing
            decisions their service meets (whether, what and with whom to share, under which
            law), beyond a script for explaining the practice.
        sharing_procedure: whether a written policy or procedure, with someone to consult,
            supports staff in those sharing decisions.
    """

    script_or_faq: bool | None = None
    trained: bool | None = None
    named_contact: bool | None = None
    guidance_for: tuple[SupportNeed, ...] | None = None
    sharing_training: bool | None = None
    sharing_procedure: bool | None = None


@attrs.frozen
class SecurityReview:
    """The agency's review of how the activity's information is kept secure.

    Attributes:
        last_on: the day the most recent review was finished.
        staff_tools_checked: whether the review asked whether staff have the tools they
            need to keep the information secure (secure messaging, devices, storage), and
            dealt with any gaps it found.
    """

    last_on: date | None = None
    staff_tools_checked: bool | None = None


@attrs.frozen
class GroupRecords:
    """How records of group sessions are handled.

    Attributes:
        handling_agreed: whether the group agreed at the start how information is handled.
        attributed_by_name: whether notes attach names to what people say.
        explained: whether participants were told who sees the notes and why.
        shown_to_participants: whether participants are shown the notes about them.
        disposal_agreed: whether what happens to wall notes and posters was agreed.
    """

    handling_agreed: bool | None = None
    attributed_by_name: bool | None = None
    explained: bool | None = None
    shown_to_participants: bool | None = None
    disposal_agreed: bool | None = None


@attrs.frozen
class Activity:
    """Everything recorded about one activity involving people's information.

    Only ``name`` is required: an activity that records nothing else is valid input, and
    checks that need missing facts report NEEDS_REVIEW naming the evidence to collect.

    Attributes:
        name: what the activity is called (never echoed in findings).
        stage: design, tender, delivery, reporting, evaluation or closure.
        as_at: the date the activity is assessed at; law that changed over time (IPP3A from
            1 May 2026) is applied as at this date.
        agency: the responsible agency.
        audience: the people the activity serves.
        purposes: purpose statements; other records refer to them by id.
        collections: collections of information.
        choices: choices offered to people and their recorded decisions.
        agreements: sharing, funding and partnering agreements.
        disclosures: uses and disclosures of information, actual or proposed.
        access_requests: requests to see information.
        correction_requests: requests to correct information.
        breaches: privacy breaches, and incidents that may be breaches (Part 6 of the Act).
        sharing_requests: requests for information made to the agency under other Acts
            (Oranga Tamariki Act 1989, Family Violence Act 2018).
        family_violence: whether family violence is involved and whether the duty to
            consider sharing (Family Violence Act 2018, s 24) was met.
        access_practice: the agency's everyday habits for access and correction.
        insights: non-personal outputs.
        frontline: what frontline staff have to explain the practice.
        group_records: how group-session records are handled.
        security_review: the most recent review of how the information is kept secure.
        other_laws: other laws that require telling people things or sharing (e.g.
            "Oranga Tamariki Act 1989"); ``()`` for none.
        partners: the other organisations taking part (funders, providers, partners), each
            with its sector; ``()`` for none.
    """

    name: str = attrs.field(validator=non_blank)
    stage: Stage | None = None
    as_at: date | None = None
    agency: Agency | None = None
    audience: Audience | None = None
    purposes: tuple[Purpose, ...] = ()
    collections: tuple[Collection, ...] = ()
    choices: tuple[Choice, ...] = ()
    agreements: tuple[SharingAgreement, ...] = ()
    disclosures: tuple[Disclosure, ...] = ()
    access_requests: tuple[AccessRequest, ...] = ()
    correction_requests: tuple[CorrectionRequest, ...] = ()
    breaches: tuple[Breach, ...] = ()
    sharing_requests: tuple[SharingRequest, ...] = ()
    family_violence: FamilyViolenceSharing | None = None
    access_practice: AccessPractice | None = None
    insights: tuple[Insight, ...] = ()
    frontline: FrontlineSupport | None = None
    group_records: GroupRecords | None = None
    security_review: SecurityReview | None = None
    other_laws: tuple[str, ...] | None = None
    partners: tuple[Agency, ...] | None = None

    def __attrs_post_init__(self) -> None:
        problems = reference_problems(self)
        if problems:
            raise InputError(problems)

    def purpose(self, purpose_id: str) -> Purpose | None:
        """Return the purpose with ``purpose_id``, or ``None``."""
        for p in self.purposes:
            if p.id == purpose_id:
                return p
        return None

    def choice(self, choice_id: str) -> Choice | None:
        """Return the choice with ``choice_id``, or ``None``."""
        for c in self.choices:
            if c.id == choice_id:
                return c
        return None

    def disclosure(self, disclosure_id: str) -> Disclosure | None:
        """Return the disclosure with ``disclosure_id``, or ``None``."""
        for d in self.disclosures:
            if d.id == disclosure_id:
                return d
        return None


def _duplicates(ids: Iterable[str], path: str, what: str) -> Iterator[Problem]:
    seen: set[str] = set()
    for i, ident in enumerate(ids):
        if ident in seen:
            yield Problem(f"duplicate {what}", f"{path}[{i}]")
        seen.add(ident)


class _Known(dict[str, str]):
    """The ids of one kind of record, each with the path of the first record that has it.

    A reference to an id that is not here may be a typo of one that is: `nearest` points at the
    record with the closest id, by its path, never naming either id. It gives at most
    `_HINTS` hints per kind, and compares only short ids, so a document full of dangling
    references costs no more than one with a few.
    """

    hints_given = 0

    def note(self, ident: str, path: str) -> None:
        self.setdefault(ident, path)

    def nearest(self, value: str) -> str:
        text = str(value)  # annotations are not enforced when a caller builds an Activity
        if self.hints_given >= _HINTS or not 0 < len(text) <= _HINT_LENGTH:
            return ""
        self.hints_given += 1
        candidates = [k for k in self if len(str(k)) <= _HINT_LENGTH]
        matches = difflib.get_close_matches(text, candidates, n=1)
        return f" (did you mean the one at `{self[matches[0]]}`?)" if matches else ""


_HINTS = 10

_HINT_LENGTH = 64


def _known(ids: Iterable[str], path: str) -> _Known:
    known = _Known()
    for i, ident in enumerate(ids):
        known.note(ident, f"{path}[{i}]")
    return known


def _refs(values: tuple[str, ...] | None, known: _Known, path: str, what: str) -> Iterator[Problem]:
    if values is None:
        return
    for i, value in enumerate(values):
        if value not in known:
            hint = known.nearest(value)
            yield Problem(f"refers to an unknown {what}{hint}", f"{path}[{i}]")


def reference_problems(activity: Activity) -> list[Problem]:
    """Return every duplicate id and dangling cross-reference inside ``activity``.

    Items refer to purposes, disclosures to purposes, items, choices and agreements,
    corrections to items and disclosures, breaches to items, and requests under other Acts to
    items and disclosures. Problems name paths, never the ids themselves.
    """
    a = activity
    problems: list[Problem] = []
    problems += _duplicates((p.id for p in a.purposes), "$.purposes", "purpose id")
    problems += _duplicates((c.id for c in a.collections), "$.collections", "collection id")
    problems += _duplicates((c.id for c in a.choices), "$.choices", "choice id")
    problems += _duplicates((g.id for g in a.agreements), "$.agreements", "agreement id")
    problems += _duplicates((d.id for d in a.disclosures), "$.disclosures", "disclosure id")
    problems += _duplicates((r.id for r in a.access_requests), "$.access_requests", "request id")
    problems += _duplicates(
        (r.id for r in a.correction_requests), "$.correction_requests", "request id"
    )
    problems += _duplicates((b.id for b in a.breaches), "$.breaches", "breach id")
    problems += _duplicates((r.id for r in a.sharing_requests), "$.sharing_requests", "request id")
    problems += _duplicates((i.id for i in a.insights), "$.insights", "insight id")

    purposes = _known((p.id for p in a.purposes), "$.purposes")
    choices = _known((c.id for c in a.choices), "$.choices")
    agreements = _known((g.id for g in a.agreements), "$.agreements")
    disclosures = _known((d.id for d in a.disclosures), "$.disclosures")
    items = _Known()

    for ci, col in enumerate(a.collections):
        base = f"$.collections[{ci}]"
        problems += _duplicates((it.name for it in col.items), f"{base}.items", "item name")
        problems += _refs(col.purposes, purposes, f"{base}.purposes", "purpose")
        for ii, item in enumerate(col.items):
            items.note(item.name, f"{base}.items[{ii}]")
            problems += _refs(item.purposes, purposes, f"{base}.items[{ii}].purposes", "purpose")
        if col.notice is not None:
            problems += _refs(
                col.notice.uses_explained, purposes, f"{base}.notice.uses_explained", "purpose"
            )
    for gi, agr in enumerate(a.agreements):
        base = f"$.agreements[{gi}]"
        problems += _refs(agr.purposes, purposes, f"{base}.purposes", "purpose")
        for fi, field in enumerate(agr.fields or ()):
            items.note(field.name, f"{base}.fields[{fi}]")
            problems += _refs(field.purposes, purposes, f"{base}.fields[{fi}].purposes", "purpose")
        for si, use in enumerate(agr.secondary_uses or ()):
            if use.purpose not in purposes:
                problems.append(
                    Problem("refers to an unknown purpose", f"{base}.secondary_uses[{si}].purpose")
                )
    for hi, choice in enumerate(a.choices):
        problems += _refs(choice.purposes, purposes, f"$.choices[{hi}].purposes", "purpose")
    for di, dis in enumerate(a.disclosures):
        base = f"$.disclosures[{di}]"
        problems += _refs(dis.purposes, purposes, f"{base}.purposes", "purpose")
        problems += _refs(dis.choices, choices, f"{base}.choices", "choice")
        problems += _refs(dis.items, items, f"{base}.items", "information item")
        if dis.agreement is not None and dis.agreement not in agreements:
            problems.append(Problem("refers to an unknown agreement", f"{base}.agreement"))
    for ri, cor in enumerate(a.correction_requests):
        base = f"$.correction_requests[{ri}]"
        problems += _refs(cor.items, items, f"{base}.items", "information item")
        problems += _refs(cor.disclosures, disclosures, f"{base}.disclosures", "disclosure")
        problems += _refs(cor.notified, disclosures, f"{base}.notified", "disclosure")
    for bi, breach in enumerate(a.breaches):
        problems += _refs(breach.items, items, f"$.breaches[{bi}].items", "information item")
    for qi, req in enumerate(a.sharing_requests):
        base = f"$.sharing_requests[{qi}]"
        problems += _refs(req.items, items, f"{base}.items", "information item")
        if req.disclosure is not None and req.disclosure not in disclosures:
            problems.append(Problem("refers to an unknown disclosure", f"{base}.disclosure"))
    return problems
