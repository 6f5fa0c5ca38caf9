"""Privacy breaches: what happened, the assessment of likely serious harm, and who was told.

Part 6 of the Privacy Act 2020 asks an agency that has a privacy breach to assess whether it
is likely to cause serious harm, weighing the matters s 113 lists, and to tell the Privacy
Commissioner (s 114) and the people affected (s 115) as soon as practicable when it is. The
Act lets an agency not tell people, or tell them later, on the grounds s 116 lists; the
Commissioner must be told regardless. A `Breach` records those facts; `None` is "not
recorded", never "no".
"""

from __future__ import annotations

from datetime import date

import attrs

from dpup._enum import Enum
from dpup.model._validators import non_blank, non_negative, reference

__all__ = [
    "AffectedGroup",
    "Breach",
    "BreachKind",
    "HarmAssessment",
    "HarmKind",
    "NotificationException",
    "ObtainedBy",
]


class BreachKind(Enum):
    """What happened to the information (Privacy Act 2020, s 112, "privacy breach").

    Each of the first five covers both the unauthorised and the accidental case.
    """

    ACCESS = "access"
    """Someone accessed it without authority, or by accident."""

    DISCLOSURE = "disclosure"
    """It was disclosed without authority, or by accident (a file sent to the wrong agency)."""

    ALTERATION = "alteration"
    """It was changed without authority, or by accident."""

    LOSS = "loss"
    """It was lost (a laptop left on a bus, a folder mislaid)."""

    DESTRUCTION = "destruction"
    """It was destroyed without authority, or by accident."""

    PREVENTED_ACCESS = "prevented-access"
    """Something stopped the agency reaching it, for a time or for good (ransomware)."""


class AffectedGroup(Enum):
    """Who the information is about, where that calls for particular care in judging harm."""

    CHILDREN = "children"
    """Children or young people (tamariki and rangatahi)."""

    FAMILY_VIOLENCE = "family-violence"
    """People the information shows to be affected by family violence, or at risk of it."""


class HarmKind(Enum):
    """A kind of harm the breach may cause the people affected (s 113(c)).

    The kinds follow the examples the Privacy Commissioner gives of serious harm.
    """

    PHYSICAL = "physical"
    """Physical harm or intimidation, including a risk to someone's life or safety."""

    FINANCIAL = "financial"
    """Financial loss or fraud."""

    IDENTITY_THEFT = "identity-theft"
    """Someone could pass themselves off as the person, for example to commit fraud in their
    name."""

    EMOTIONAL = "emotional"
    """Psychological or emotional harm."""

    REPUTATIONAL = "reputational"
    """Damage to the person's reputation or relationships, or humiliation."""

    EMPLOYMENT = "employment"
    """Loss of a job or a work opportunity."""

    DISCRIMINATION = "discrimination"
    """Unfair treatment because of what was revealed."""

    FAMILY_VIOLENCE = "family-violence"
    """Family violence made possible or worse (for example, an address reaching an abuser)."""


class ObtainedBy(Enum):
    """Who has obtained, or may obtain, the information (s 113(d)), as far as is known."""

    NO_ONE = "no-one"
    """Nobody outside the agency (information lost to the agency, or destroyed, unseen)."""

    TRUSTED_RECIPIENT = "trusted-recipient"
    """A known recipient bound to keep it confidential, such as another agency's staff."""

    KNOWN_PERSON = "known-person"
    """A known person not bound to keep it confidential."""

    HOSTILE = "hostile"
    """Someone likely to misuse it: an attacker, or a person the people affected fear."""

    UNKNOWN = "unknown"
    """Not known (the Act asks about the recipient only if known)."""


class NotificationException(Enum):
    """A statutory ground for not telling the people affected, or not yet (s 116).

    ``NONE`` records that no ground applies; a field left unset is "not recorded".
    """

    NONE = "none"
    """Recorded: no exception or delay applies, so the people affected must be told."""

    SECURITY_DEFENCE = "security-defence"
    """Telling them would likely prejudice New Zealand's security, defence or international
    relations."""

    MAINTENANCE_OF_LAW = "maintenance-of-law"
    """Telling them would likely prejudice the maintenance of the law (preventing,
    investigating or detecting offences, or a fair trial)."""

    SAFETY = "safety"
    """Telling them would likely endanger someone's safety."""

    TRADE_SECRET = "trade-secret"  # noqa: S105 - a statutory ground, not a secret
    """Telling them would likely reveal a trade secret."""

    UNDER_16_INTERESTS = "under-16-interests"
    """The person is under 16 and telling them would not be in their interests."""

    HEALTH = "health"
    """After consulting the person's health practitioner, telling them would likely
    prejudice their health."""

    DELAY_SECURITY_RISK = "delay-security-risk"
    """A delay, not an exception: telling people now would put the security of personal
    information the agency holds at a risk that outweighs the benefit of telling them; it
    lasts only while that is so."""

    @property
    def is_delay(self) -> bool:
        """Whether the ground only postpones telling people, rather than excusing it."""
        return self is NotificationException.DELAY_SECURITY_RISK


@attrs.frozen
class HarmAssessment:
    """The assessment of whether a breach is likely to cause serious harm (s 113).

    Each of the six matters the Act says an agency must consider is recorded by what the
    agency found about it; a matter left unset was not recorded as considered. A finding
    recorded as ``False`` or ``()`` still shows the matter was weighed.

    Attributes:
        steps_taken: the action taken after the breach to reduce the risk of harm (recalling
            or deleting the information, changing passwords); ``()`` records that none was
            taken (s 113(a)). Free text, never echoed.
        information_sensitive: whether the information was judged sensitive in nature
            (s 113(b)); ``False`` records it was judged not sensitive.
        harms: the kinds of harm that may be caused to the people affected (s 113(c));
            ``()`` records that none was foreseen.
        obtained_by: who has obtained, or may obtain, the information (s 113(d)).
        security_protected: whether a security measure, such as encryption, protects the
            information (s 113(e)).
        other_matters: anything else weighed (s 113(f)); ``()`` records that nothing else was
            found relevant. Free text, never echoed.
        serious_harm_likely: the conclusion: whether it is reasonable to believe the breach
            has caused, or is likely to cause, serious harm to someone affected.
        assessed_by: who made the assessment (a role, such as "privacy officer").
        assessed_on: the day the assessment was made.
    """

    steps_taken: tuple[str, ...] | None = None
    information_sensitive: bool | None = None
    harms: tuple[HarmKind, ...] | None = None
    obtained_by: ObtainedBy | None = None
    security_protected: bool | None = None
    other_matters: tuple[str, ...] | None = None
    serious_harm_likely: bool | None = None
    assessed_by: str | None = None
    assessed_on: date | None = None

    def unrecorded_factors(self) -> tuple[str, ...]:
        """Return the s 113 matters not recorded, by field name, in the Act's order."""
        return tuple(name for name in HARM_FACTORS if getattr(self, name) is None)


HARM_FACTORS = (
    "steps_taken",
    "information_sensitive",
    "harms",
    "obtained_by",
    "security_protected",
    "other_matters",
)
"""The `HarmAssessment` fields recording the six matters of s 113, (a) to (f), in order."""


@attrs.frozen
class Breach:
    """A privacy breach, or an incident that may be one (Privacy Act 2020, Part 6).

    Attributes:
        id: identifier.
        what_happened: what happened to the information (s 112); several may apply.
        happened_on: the day the breach happened, if known.
        aware_on: the day the agency became aware of it. dpup counts the Commissioner's
            expected notice period from this day.
        people_affected: how many people the information is about, if known.
        affected_groups: who the information is about, where that calls for particular care
            (children, people affected by family violence); ``()`` for none of them.
        items: names of the information items involved.
        harm_assessed: whether the likelihood of serious harm was assessed; ``False`` records
            that it was not.
        harm_assessment: the assessment and the matters it weighed (s 113).
        notifiable: whether the agency decided the breach is notifiable (it is reasonable to
            believe it has caused or is likely to cause serious harm). When not recorded, the
            assessment's conclusion stands in for it (see `is_notifiable`).
        commissioner_notified: whether the Privacy Commissioner was told; ``False`` records
            that it was not (yet). A recorded ``commissioner_notified_on`` wins over it.
        commissioner_notified_on: the day the Commissioner was told (s 114).
        people_notified: whether the people affected were told; ``False`` records that they
            were not (yet). A recorded ``people_notified_on`` wins over it.
        people_notified_on: the day they were told (s 115), or the last of them.
        people_exception: the ground relied on for not telling them, or not yet (s 116);
            ``none`` records that no ground applies.
        delay_reason: why telling the Commissioner or the people affected took, or is
            taking, longer than expected. Free text, never echoed.
        public_notice_on: the day public notice of the breach was given, where telling each
            person was not reasonably practicable (s 115).
    """

    id: str = attrs.field(validator=non_blank)
    what_happened: tuple[BreachKind, ...] | None = None
    happened_on: date | None = None
    aware_on: date | None = None
    people_affected: int | None = attrs.field(default=None, validator=non_negative)
    affected_groups: tuple[AffectedGroup, ...] | None = None
    items: tuple[str, ...] | None = reference("item")
    harm_assessed: bool | None = None
    harm_assessment: HarmAssessment | None = None
    notifiable: bool | None = None
    commissioner_notified: bool | None = None
    commissioner_notified_on: date | None = None
    people_notified: bool | None = None
    people_notified_on: date | None = None
    people_exception: NotificationException | None = None
    delay_reason: str | None = None
    public_notice_on: date | None = None

    @property
    def is_notifiable(self) -> bool | None:
        """Whether the breach is notifiable: as recorded, else the assessment's conclusion.

        ``None`` when neither is recorded.
        """
        if self.notifiable is not None:
            return self.notifiable
        if self.harm_assessment is not None:
            return self.harm_assessment.serious_harm_likely
        return None

    @property
    def notifiable_path(self) -> str:
        """The path of the fact `is_notifiable` rests on, relative to the breach."""
        if self.notifiable is None and self.harm_assessment is not None:
            return "harm_assessment.serious_harm_likely"
        return "notifiable"
