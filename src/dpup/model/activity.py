"""The unit dpup evaluates: an activity and everything recorded about it.

An activity is a programme, service, project, report or single event that handles people's
information.
"""

from __future__ import annotations

from datetime import date

import attrs

from dpup._enum import Enum
from dpup.errors import InputError
from dpup.model._validators import non_blank
from dpup.model.access import AccessPractice, AccessRequest, CorrectionRequest
from dpup.model.breach import Breach
from dpup.model.choice import Choice
from dpup.model.collection import Collection
from dpup.model.insight import Insight
from dpup.model.parties import Agency, Audience
from dpup.model.purpose import Purpose
from dpup.model.references import reference_problems
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
    """The activity is being planned: its purposes, collections and notices are still being
    worked out."""
    TENDER = "tender"
    """A provider is being sought or contracted to deliver it (a tender or funding round)."""
    DELIVERY = "delivery"
    """The service is running: information is being collected, used and shared."""
    REPORTING = "reporting"
    """Results are being reported to funders, partners or the people and communities involved."""
    EVALUATION = "evaluation"
    """The activity's results or outcomes are being evaluated."""
    CLOSURE = "closure"
    """The activity is ending or has ended: what remains is keeping, returning or disposing of
    its information."""


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
