"""A collection of information: what is collected, from whom, and what people are told.

Also how it is looked after: retention, safeguards and checks and balances.
"""

from __future__ import annotations

from datetime import date

import attrs

from dpup._enum import Enum
from dpup.model._validators import non_blank, non_negative, reference
from dpup.model.choice import ChoiceLevel
from dpup.model.information import InformationItem
from dpup.model.sharing import SharingGround

__all__ = [
    "Alternative",
    "Channel",
    "CheckAndBalance",
    "Collection",
    "Ipp2Exception",
    "Ipp3Exception",
    "Notice",
    "NoticeTiming",
    "Retention",
    "RiskAssessment",
    "Safeguard",
    "Source",
    "SupplierNotice",
]


class Source(Enum):
    """Who information is collected from."""

    INDIVIDUAL = "individual"
    WHANAU = "whanau"
    OTHER_AGENCY = "other-agency"
    PUBLIC_SOURCE = "public-source"

    @property
    def direct(self) -> bool:
        """Whether the information comes from the person it is about (IPP2's default)."""
        return self is Source.INDIVIDUAL


class Ipp2Exception(Enum):
    """A reason under IPP2 for collecting from someone other than the person."""

    AUTHORISED = "authorised"
    PUBLICLY_AVAILABLE = "publicly-available"
    NO_PREJUDICE = "no-prejudice"
    WOULD_PREJUDICE_PURPOSE = "would-prejudice-purpose"
    NOT_PRACTICABLE = "not-practicable"
    MAINTENANCE_OF_LAW = "maintenance-of-law"
    SERIOUS_THREAT = "serious-threat"
    STATUTE = "statute"


class Ipp3Exception(Enum):
    """A reason under IPP3 (or IPP3A) for not telling the person the usual matters."""

    ALREADY_AWARE = "already-aware"
    AUTHORISED = "authorised"
    PUBLICLY_AVAILABLE = "publicly-available"
    NO_PREJUDICE = "no-prejudice"
    MAINTENANCE_OF_LAW = "maintenance-of-law"
    WOULD_PREJUDICE_PURPOSE = "would-prejudice-purpose"
    NOT_PRACTICABLE = "not-practicable"


class NoticeTiming(Enum):
    """When people were told, relative to the collection."""

    BEFORE = "before"
    AT = "at"
    AFTER = "after"
    NEVER = "never"


class Channel(Enum):
    """A way of explaining things to people."""

    CONVERSATION = "conversation"
    FORM = "form"
    BROCHURE = "brochure"
    FAQ = "faq"
    POSTER = "poster"
    WEBSITE = "website"
    GROUP_SESSION = "group-session"
    VIDEO = "video"
    LETTER = "letter"
    EMAIL = "email"

    @property
    def conversational(self) -> bool:
        """Whether the channel lets people ask questions and be answered in person."""
        return self in (Channel.CONVERSATION, Channel.GROUP_SESSION)


class Alternative(Enum):
    """A less intrusive way of meeting a purpose."""

    NON_IDENTIFYING = "non-identifying"
    AGGREGATE = "aggregate"
    DIFFERENT_ANALYSIS = "different-analysis"
    SAMPLING = "sampling"
    OPT_OUT = "opt-out"
    TRUSTED_THIRD_PARTY = "trusted-third-party"


class CheckAndBalance(Enum):
    """A check used to test whether a purpose and collection are lawful and appropriate."""

    MANAGEMENT_REVIEW = "management-review"
    ETHICS_COMMITTEE = "ethics-committee"
    PRIVACY_IMPACT_ASSESSMENT = "privacy-impact-assessment"
    SERVICE_USER_CONSULTATION = "service-user-consultation"
    PROVIDER_CONSULTATION = "provider-consultation"
    MAORI_INVOLVEMENT = "maori-involvement"
    LEGAL_REVIEW = "legal-review"
    PRIVACY_OFFICER_REVIEW = "privacy-officer-review"


class Safeguard(Enum):
    """A protection for stored information."""

    ROLE_BASED_ACCESS = "role-based-access"
    PURPOSE_BASED_ACCESS = "purpose-based-access"
    ENCRYPTION = "encryption"
    AUDIT_LOG = "audit-log"
    SECURE_DESTRUCTION = "secure-destruction"
    STAFF_TRAINING = "staff-training"

    @property
    def limits_access(self) -> bool:
        """Whether the safeguard limits who can see the information."""
        return self in (Safeguard.ROLE_BASED_ACCESS, Safeguard.PURPOSE_BASED_ACCESS)


@attrs.frozen
class RiskAssessment:
    """An assessment of the risks and possible harms of a collection.

    Attributes:
        done: whether an assessment was done.
        kind: e.g. "privacy impact assessment".
        harms: the harms considered (kinds, not details about people).
    """

    done: bool
    kind: str | None = None
    harms: tuple[str, ...] | None = None


@attrs.frozen
class Retention:
    """How long information is kept.

    Attributes:
        period_months: the retention period.
        basis: why that period (a law, a records schedule, the purpose).
        oldest_record_months: the age of the oldest record held, if known.
        overdue_reason: why records older than the period are still held, if they are.
    """

    period_months: int | None = attrs.field(default=None, validator=non_negative)
    basis: str | None = None
    oldest_record_months: int | None = attrs.field(default=None, validator=non_negative)
    overdue_reason: str | None = None


@attrs.frozen
class Notice:
    """What people were told when their information was collected (IPP3 / IPP3A).

    Attributes:
        timing: before, at or after collection, or never.
        late_reason: why people were told only afterwards.
        exception: an IPP3/IPP3A exception relied on instead of telling.
        fact_of_collection: whether the notice says information is being collected.
        purpose: whether the notice explains the purpose.
        recipients: the recipients as the notice names them.
        agency_name_address: whether the collecting and holding agencies are named with addresses.
        law: whether any law authorising or requiring the collection is named.
        voluntary_or_mandatory: whether it says if providing the information is optional.
        consequences: whether it says what happens if information is not provided.
        access_correction_rights: whether it explains the rights to see and correct.
        sharing_exceptions: the grounds for sharing without agreement that are explained.
        uses_explained: ids of the purposes the notice explains.
        non_identifying_uses_explained: whether non-identifying uses are explained too.
        downstream_uses_explained: whether uses beyond service delivery (funder reporting,
            evaluation, research) are explained.
        other_law_disclosures_explained: whether duties to disclose under other laws are explained.
        channels: how it was explained.
        languages: languages it is available in.
        formats: formats it is available in (e.g. "easy-read", "large-print", "audio").
        child_version: whether there is a version written for children.
        guardian_role_addressed: whether it explains the role of parents, guardians and whānau.
        plain_language_tested: whether the wording was tested with service users.
        readability_grade: a measured reading grade of the text.
        text: the notice's own text, if supplied (never echoed in findings).
        uses_consent_wording: whether it asks people to "consent".
        choice_level: the level of choice the notice says people have.
        choice_stated: whether the notice tells people how much choice they have at all
            (``False``: it is silent, so people cannot tell whether providing is optional).
        capture_choice_offered: whether people may choose how information is captured.
        access_restriction_choice_offered: whether people may limit who sees it.
        revisit_offered: whether people get later chances to go over it again.
        post_notice_given: for late notice, whether people were told afterwards.
    """

    timing: NoticeTiming | None = None
    late_reason: str | None = None
    exception: Ipp3Exception | None = None
    fact_of_collection: bool | None = None
    purpose: bool | None = None
    recipients: tuple[str, ...] | None = None
    agency_name_address: bool | None = None
    law: bool | None = None
    voluntary_or_mandatory: bool | None = None
    consequences: bool | None = None
    access_correction_rights: bool | None = None
    sharing_exceptions: tuple[SharingGround, ...] | None = None
    uses_explained: tuple[str, ...] | None = reference("purpose")
    non_identifying_uses_explained: bool | None = None
    downstream_uses_explained: bool | None = None
    other_law_disclosures_explained: bool | None = None
    channels: tuple[Channel, ...] | None = None
    languages: tuple[str, ...] | None = None
    formats: tuple[str, ...] | None = None
    child_version: bool | None = None
    guardian_role_addressed: bool | None = None
    plain_language_tested: bool | None = None
    readability_grade: float | None = attrs.field(default=None, validator=non_negative)
    text: str | None = None
    uses_consent_wording: bool | None = None
    choice_level: ChoiceLevel | None = None
    choice_stated: bool | None = None
    capture_choice_offered: bool | None = None
    access_restriction_choice_offered: bool | None = None
    revisit_offered: bool | None = None
    post_notice_given: bool | None = None


@attrs.frozen
class SupplierNotice:
    """What a supplying agency was told when information was obtained from it.

    Attributes:
        purpose: whether it was told the purpose.
        onward_sharing: whether it was told about onward sharing.
        voluntary_or_mandatory: whether it was told if supplying was voluntary or required.
        statute: whether the statute requiring supply (if any) was named.
    """

    purpose: bool | None = None
    onward_sharing: bool | None = None
    voluntary_or_mandatory: bool | None = None
    statute: bool | None = None


@attrs.frozen
class Collection:
    """A collection of information: a form, an intake, a reporting feed, a survey.

    Attributes:
        id: identifier.
        items: the information collected.
        purposes: ids of the purposes the collection serves.
        source: who it is collected from.
        supplier: the supplying agency, for indirect collection.
        ipp2_exception: the IPP2 exception relied on for collecting from someone else.
        collected_on: when collection starts (decides whether IPP3A applies).
        notice: what people were told.
        supplier_told: what the supplying agency was told.
        required_by_law: whether a law requires people to provide the information (DPUP's
            "no choice" situation, e.g. for a benefit already applied for).
        requires_identity: whether the purpose needs people to be identified.
        identity_justification: why identity is needed.
        alternatives_considered: less intrusive alternatives that were considered.
        opt_out_considered: whether letting some people opt out was considered.
        risk_assessment: an assessment of risks and harms.
        checks_done: checks and balances used.
        retention: how long it is kept.
        safeguards: protections in place.
        linking: datasets it is actually matched or linked with; ``()`` for none.
    """

    id: str = attrs.field(validator=non_blank)
    items: tuple[InformationItem, ...] = ()
    purposes: tuple[str, ...] | None = reference("purpose")
    source: Source | None = None
    supplier: str | None = None
    ipp2_exception: Ipp2Exception | None = None
    collected_on: date | None = None
    notice: Notice | None = None
    supplier_told: SupplierNotice | None = None
    required_by_law: bool | None = None
    requires_identity: bool | None = None
    identity_justification: str | None = None
    alternatives_considered: tuple[Alternative, ...] | None = None
    opt_out_considered: bool | None = None
    risk_assessment: RiskAssessment | None = None
    checks_done: tuple[CheckAndBalance, ...] | None = None
    retention: Retention | None = None
    safeguards: tuple[Safeguard, ...] | None = None
    linking: tuple[str, ...] | None = None

    @property
    def identifying_items(self) -> tuple[InformationItem, ...]:
        """The items recorded as identifying."""
        return tuple(
            i
            for i in self.items
            if i.identifiability is not None and i.identifiability.is_identifying
        )
