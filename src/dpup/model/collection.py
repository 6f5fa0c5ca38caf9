"""A collection of information: what is collected, from whom, and what people are told.

Also how it is looked after: retention, safeguards and checks and balances.
"""

from __future__ import annotations

from datetime import date

import attrs

from dpup._enum import Enum
from dpup.errors import InputError, Problem
from dpup.model._validators import non_blank, non_negative, reference
from dpup.model.choice import ChoiceLevel
from dpup.model.information import Identifiability, InformationItem
from dpup.model.manner import CollectionManner
from dpup.model.parties import RecipientKind
from dpup.model.retention import Retention, RetentionGround, RetentionStart
from dpup.model.sharing import SharingGround

__all__ = [
    "Alternative",
    "Channel",
    "CheckAndBalance",
    "Collection",
    "Ipp2Exception",
    "Ipp3Exception",
    "Notice",
    "NoticeAddressee",
    "NoticeRecipient",
    "NoticeTiming",
    "Retention",
    "RetentionGround",
    "RetentionStart",
    "RiskAssessment",
    "Safeguard",
    "Source",
    "SupplierNotice",
]


class Source(Enum):
    """Who information is collected from."""

    INDIVIDUAL = "individual"
    """From the person the information is about, as IPP2 expects; IPP3 governs what they are
    told."""
    WHANAU = "whanau"
    """From the person's whānau or family, not the person: the checks ask for an IPP2 exception
    (PM012) and the IPP3A notice (PM014)."""
    OTHER_AGENCY = "other-agency"
    """From another agency (a referral, a data feed): the checks ask for an IPP2 exception
    (PM012), the IPP3A notice (PM014) and what the supplier was told (PM013)."""
    PUBLIC_SOURCE = "public-source"
    """From a publicly available source such as a register or website; not from the person, so
    PM012 and PM014 apply as for other indirect collection."""

    @property
    def direct(self) -> bool:
        """Whether the information comes from the person it is about (IPP2's default)."""
        return self is Source.INDIVIDUAL


class Ipp2Exception(Enum):
    """A reason under IPP2 for collecting from someone other than the person.

    ``NONE`` records that no exception applies; leaving `Collection.ipp2_exception` out
    (``None``) means nobody has recorded whether one does. The other members are the grounds
    in IPP2(2) (Privacy Act 2020, s 22), the Commissioner's authorisation under s 30, and
    another law authorising the collection (s 24(2)).
    """

    NONE = "none"
    """Recorded: no exception applies, so IPP2(1) must be met by collecting from the person."""

    AUTHORISED = "authorised"
    """IPP2(2)(c): the person authorised collection from someone else."""

    PUBLICLY_AVAILABLE = "publicly-available"
    """IPP2(2)(d): the information is publicly available information."""

    NO_PREJUDICE = "no-prejudice"
    """IPP2(2)(a): not collecting from the person would not prejudice their interests."""

    WOULD_PREJUDICE_PURPOSE = "would-prejudice-purpose"
    """IPP2(2)(b): collecting from the person would prejudice the purposes of collection."""

    NOT_PRACTICABLE = "not-practicable"
    """IPP2(2): collecting from the person is not reasonably practicable in the particular
    case (paragraph letter (f) unverified)."""

    MAINTENANCE_OF_LAW = "maintenance-of-law"
    """IPP2(2)(e)(i) to (iv): needed to avoid prejudice to the maintenance of the law by a
    public sector agency, to enforce a law imposing a pecuniary penalty, to protect public
    revenue, or for court or tribunal proceedings under way or in contemplation."""

    SERIOUS_THREAT = "serious-threat"
    """IPP2(2)(e)(v): needed to stop or reduce a serious threat to someone's life or
    health."""

    NOT_IDENTIFIED = "not-identified"
    """IPP2(2): the information will not be used in a form that identifies the person
    (paragraph letter (g)(i) unverified)."""

    STATISTICAL_RESEARCH = "statistical-research"
    """IPP2(2): the information will be used for statistics or research, and nothing
    published from it will let readers work out who the person is. Unverified for the 2020
    Act: the 1993 Act's IPP2(2)(g)(ii) had this limb, and the stored 2020 sources we read
    summarise only the "not identified" limb."""

    COMMISSIONER_AUTHORISED = "commissioner-authorised"
    """Privacy Act 2020, s 30: the Privacy Commissioner authorised this collection although it
    would otherwise breach IPP2."""

    STATUTE = "statute"
    """Privacy Act 2020, s 24(2): another New Zealand law authorises or requires collecting
    the information this way."""


class Ipp3Exception(Enum):
    """A reason under IPP3 (or IPP3A) for not telling the person the usual matters.

    IPP3 (collection from the person) and IPP3A (collection from someone else) share this
    vocabulary, but their lists of exceptions differ: `under_ipp3` and `under_ipp3a` say
    which principle a ground belongs to, and PM014 (IPP3A) and TC001 (IPP3) send a ground of
    the other principle for review instead of accepting it. ``none`` records that no
    exception applies; leaving `Notice.exception` out means it is not recorded.

    The IPP3A-only grounds (``publicly-available``, ``archiving``, ``security-or-defence``,
    ``trade-secret``, ``serious-threat``) follow the Privacy Commissioner's IPP3A page and
    published summaries of the Privacy Amendment Act 2025 (see
    ``docs/guidelines/purpose-matters.md``).
    """

    NONE = "none"
    """Recorded: no exception applies, so the person must be told."""
    ALREADY_AWARE = "already-aware"
    """The person already knows the matters (told by this agency or another, or recently)."""
    AUTHORISED = "authorised"
    """The person authorised not being told (an IPP3 ground; not in IPP3A)."""
    PUBLICLY_AVAILABLE = "publicly-available"
    """The information is publicly available (IPP3A only)."""
    NO_PREJUDICE = "no-prejudice"
    """Not telling the person would not prejudice their interests."""
    MAINTENANCE_OF_LAW = "maintenance-of-law"
    """Needed for the maintenance of the law, a pecuniary penalty, public revenue or court
    or tribunal proceedings."""
    WOULD_PREJUDICE_PURPOSE = "would-prejudice-purpose"
    """Telling the person would prejudice the purposes of collection."""
    NOT_PRACTICABLE = "not-practicable"
    """Telling the person is not reasonably practicable in the circumstances."""
    NOT_IDENTIFIED = "not-identified"
    """The information will not be used in a form that identifies the person."""
    STATISTICAL_RESEARCH = "statistical-research"
    """Used for statistics or research, and not published in a form that could identify."""
    ARCHIVING = "archiving"
    """Collected to decide whether it is of enduring public value for archiving, and telling
    would seriously impair that (IPP3A only)."""
    SECURITY_OR_DEFENCE = "security-or-defence"
    """Telling would prejudice New Zealand's security, defence or international relations
    (IPP3A only)."""
    TRADE_SECRET = "trade-secret"  # noqa: S105 - a legal ground, not a password
    """Telling would reveal a trade secret (IPP3A only)."""
    SERIOUS_THREAT = "serious-threat"
    """Telling would create a serious threat to public health or safety, or to someone's
    life or health (IPP3A only)."""

    @property
    def under_ipp3(self) -> bool:
        """Whether the ground is one IPP3 (collection from the person) provides."""
        return self not in _IPP3A_ONLY

    @property
    def under_ipp3a(self) -> bool:
        """Whether the ground is one IPP3A (collection from someone else) provides."""
        return self is not Ipp3Exception.AUTHORISED


_IPP3A_ONLY = frozenset(
    {
        Ipp3Exception.PUBLICLY_AVAILABLE,
        Ipp3Exception.ARCHIVING,
        Ipp3Exception.SECURITY_OR_DEFENCE,
        Ipp3Exception.TRADE_SECRET,
        Ipp3Exception.SERIOUS_THREAT,
    }
)


class NoticeTiming(Enum):
    """When people were told, relative to the collection."""

    BEFORE = "before"
    """Told before the information was collected."""
    AT = "at"
    """Told at the time it was collected."""
    AFTER = "after"
    """Told only afterwards; the checks ask why telling first was not practicable, or which
    exception applies."""
    NEVER = "never"
    """Not told at all: not met when the exception is recorded as none, and asked about when no
    exception is recorded."""


class NoticeAddressee(Enum):
    """Who a notice was given to: the person, or someone on their behalf."""

    INDIVIDUAL = "individual"
    """The person the information is about (a child or young person included)."""
    PARENT_OR_GUARDIAN = "parent-or-guardian"
    """A parent or guardian, for a child or young person."""
    WHANAU = "whanau"
    """The person's whānau or family, other than a parent or guardian."""
    REPRESENTATIVE = "representative"
    """Someone else acting for the person (an advocate, an attorney, a welfare guardian)."""


class Channel(Enum):
    """A way of explaining things to people."""

    CONVERSATION = "conversation"
    """Explained in conversation, face to face or by phone, so people can ask questions; TC008
    counts it as conversational."""
    FORM = "form"
    """Written on the form people fill in."""
    BROCHURE = "brochure"
    """A printed brochure, leaflet, handout or information sheet."""
    FAQ = "faq"
    """A written list of questions and answers."""
    POSTER = "poster"
    """A poster or sign where people are."""
    WEBSITE = "website"
    """A page on the agency's website."""
    GROUP_SESSION = "group-session"
    """Explained in a group session; conversational for TC008, and TC019 then looks for the
    group's record practice."""
    VIDEO = "video"
    """A recorded video."""
    LETTER = "letter"
    """A letter to the person."""
    EMAIL = "email"
    """An email to the person."""

    @property
    def conversational(self) -> bool:
        """Whether the channel lets people ask questions and be answered in person."""
        return self in (Channel.CONVERSATION, Channel.GROUP_SESSION)


class Alternative(Enum):
    """A less intrusive way of meeting a purpose."""

    NON_IDENTIFYING = "non-identifying"
    """Meeting the purpose without information that identifies people."""
    AGGREGATE = "aggregate"
    """Using counts or totals instead of records about individuals."""
    DIFFERENT_ANALYSIS = "different-analysis"
    """A different analysis or method that needs less information."""
    SAMPLING = "sampling"
    """Collecting from a sample of people instead of everyone."""
    OPT_OUT = "opt-out"
    """Letting people opt out; PM007 counts it as the opt-out considered, not as a less
    intrusive alternative."""
    TRUSTED_THIRD_PARTY = "trusted-third-party"
    """Having a trusted third party hold or link the identifying information, so the agency
    never sees it."""


class CheckAndBalance(Enum):
    """A check used to test whether a purpose and collection are lawful and appropriate."""

    MANAGEMENT_REVIEW = "management-review"
    """Senior managers reviewed and approved the purpose and collection."""
    ETHICS_COMMITTEE = "ethics-committee"
    """An ethics committee reviewed it."""
    PRIVACY_IMPACT_ASSESSMENT = "privacy-impact-assessment"
    """A privacy impact assessment was done."""
    SERVICE_USER_CONSULTATION = "service-user-consultation"
    """Service users were consulted: PM010 counts it as involving the people affected, and PM039
    as designing the collection with them."""
    PROVIDER_CONSULTATION = "provider-consultation"
    """The providers who collect or use the information were consulted; PM010 counts it as
    involving the people affected."""
    MAORI_INVOLVEMENT = "maori-involvement"
    """Māori were involved in the checks; PM010 counts it as involving the people affected, and
    asks for it where iwi or ethnicity is held."""
    LEGAL_REVIEW = "legal-review"
    """A legal adviser reviewed whether the purpose and collection are lawful."""
    PRIVACY_OFFICER_REVIEW = "privacy-officer-review"
    """The privacy officer reviewed it."""


class Safeguard(Enum):
    """A protection for stored information."""

    ROLE_BASED_ACCESS = "role-based-access"
    """Only staff whose role needs the information can see it; PM023 counts it as limiting
    access."""
    PURPOSE_BASED_ACCESS = "purpose-based-access"
    """Only people working on the purposes it was collected for can see it; PM023 looks for it
    where sensitive identifying information is held."""
    ENCRYPTION = "encryption"
    """The information is encrypted where it is stored and when it is sent."""
    AUDIT_LOG = "audit-log"
    """Who looks at the information is logged, and the log can be reviewed."""
    SECURE_DESTRUCTION = "secure-destruction"
    """The information is destroyed securely when it is no longer needed."""
    STAFF_TRAINING = "staff-training"
    """Staff who handle the information are trained in privacy and security."""

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
class NoticeRecipient:
    """A recipient as a notice describes it: who, and in what form they receive information.

    A notice that says "the funder gets attendance numbers, without names" records an entry
    naming the funder with the form ``aggregate``.

    Attributes:
        name: the recipient as the notice names it; compared, ignoring case, with the
            ``recipient.name`` of a disclosure.
        kind: how specific that name is; when recorded, an entry matches only a disclosure
            whose recipient is of the same kind (or of a kind not recorded).
        form: the form the notice says the recipient receives: ``identifying``,
            ``de-identified`` or ``aggregate`` (counts only).
    """

    name: str = attrs.field(validator=non_blank)
    kind: RecipientKind | None = None
    form: Identifiability | None = None


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
        recipient_forms: for the recipients the notice names, the form in which it told
            people each would receive their information (identifying, de-identified, or
            counts only); ``None`` when not recorded.
        told: who was told: the person, a parent or guardian, whānau, a representative, or
            several of them (a child and their parent both); ``()`` for nobody.
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
    recipient_forms: tuple[NoticeRecipient, ...] | None = None
    told: tuple[NoticeAddressee, ...] | None = None


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
        collected_on: when collection starts (with `collected_until` and `ongoing`, decides
            whether IPP3A applies).
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
        collected_until: the last day information was collected, for a collection that has
            ended; not before `collected_on`. A collection still running has none.
        ongoing: whether collection is still running (a feed or intake that continues);
            ``False`` for one that has ended. Contradicts a recorded `collected_until`.
        authorised_by_law: whether a law authorises or requires the collection (IPP3(1)(e)
            and IPP3A(1)(e): the notice must then name that law). ``True`` is implied by
            `required_by_law`; ``False`` alongside it is a contradiction.
        designed_with_service_users: whether service users helped design or test the
            collection (what is asked, how and why), including whether they find it
            legitimate and respectful to ask.
        manner: where, how and by whom it is collected, and the assessment of whether the
            means are lawful, fair and not unreasonably intrusive (IPP4).

    A contradiction between these fields is refused when the collection is built, with a
    `dpup.errors.InputError` listing each problem at its path (never the values).
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
    collected_until: date | None = None
    ongoing: bool | None = None
    authorised_by_law: bool | None = None
    designed_with_service_users: bool | None = None
    manner: CollectionManner | None = None

    def __attrs_post_init__(self) -> None:
        if self.collected_until is None and self.authorised_by_law is not False:
            return  # nothing to contradict: the common case costs two comparisons
        problems = []
        start, end = self.collected_on, self.collected_until
        if start is not None and end is not None and end < start:
            problems.append(Problem("must not be before collected_on", "$.collected_until"))
        if end is not None and self.ongoing is True:
            problems.append(
                Problem(
                    "contradicts collected_until: a collection that has ended is not ongoing",
                    "$.ongoing",
                )
            )
        if self.authorised_by_law is False and self.required_by_law is True:
            problems.append(
                Problem(
                    "contradicts required_by_law: a law that requires the information "
                    "authorises its collection",
                    "$.authorised_by_law",
                )
            )
        if problems:
            raise InputError(problems)

    @property
    def law_applies(self) -> bool | None:
        """Whether a law authorises or requires the collection, as recorded.

        ``True`` when `authorised_by_law` is, or when a law requires people to provide the
        information (`required_by_law`); ``False`` only when `authorised_by_law` is recorded
        ``False``; ``None`` when neither settles it.
        """
        if self.required_by_law is True:
            return True
        return self.authorised_by_law

    @property
    def identifying_items(self) -> tuple[InformationItem, ...]:
        """The items recorded as identifying."""
        return tuple(
            i
            for i in self.items
            if i.identifiability is not None and i.identifiability.is_identifying
        )
