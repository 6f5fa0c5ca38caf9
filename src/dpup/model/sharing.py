"""Sharing: legal grounds, agreements between agencies, and single disclosures or uses."""

from __future__ import annotations

from datetime import date

import attrs

from dpup._enum import Enum
from dpup.law import LegalRef
from dpup.model._validators import non_blank, reference
from dpup.model.information import InformationItem
from dpup.model.parties import Recipient
from dpup.model.purpose import LawBasis

__all__ = [
    "Disclosure",
    "FlowKind",
    "Ipp12Basis",
    "OverseasRecipient",
    "ReportingKind",
    "ReportingRoute",
    "SecondaryUse",
    "SharingAgreement",
    "SharingGround",
]


class SharingGround(Enum):
    """The ground an agency relies on to use or disclose information.

    The Privacy Act grounds follow IPP10(1) and IPP11(1) (Privacy Act 2020, s 22); the others
    are the Commissioner's authorisation (s 30) and grounds in other laws, which IPP11 does not
    limit (s 24(1)).

    ``NONE`` records that no ground or exception applies; leaving the field out (``None``)
    means nobody has recorded which ground, if any, is relied on.

    Every ground except ``none``, ``collection-purpose``, ``authorised`` and ``to-person`` is
    an exception a person must confirm applies (PM015, PM016 send it to a legal adviser). The
    grounds in other laws, ``serious-threat``, ``maintenance-of-law``,
    ``intelligence-security`` and ``commissioner-authorised`` may override a person's recorded
    choice; TC004 sends such a disclosure to a legal adviser.
    """

    NONE = "none"
    """Recorded: no ground or exception applies to this use or disclosure. It is not an
    exception and overrides nothing; a use or disclosure beyond the purposes its information
    was obtained for, on this ground, breaches IPP10 or IPP11."""

    COLLECTION_PURPOSE = "collection-purpose"
    """IPP11(1)(a): the disclosure is one of the purposes the information was obtained for."""

    DIRECTLY_RELATED = "directly-related"
    """IPP11(1)(a): the disclosure is directly related to those purposes."""

    AUTHORISED = "authorised"
    """IPP11(1)(c): the person authorised it."""

    TO_PERSON = "to-person"
    """IPP11(1)(b): the disclosure is to the person the information is about."""

    PUBLICLY_AVAILABLE = "publicly-available"
    """IPP11(1)(d): the source is a publicly available publication and disclosing it would
    not be unfair or unreasonable."""

    MAINTENANCE_OF_LAW = "maintenance-of-law"
    """IPP11(1)(e): needed to avoid prejudice to the maintenance of the law by a public sector
    agency, to enforce a law imposing a pecuniary penalty, to protect public revenue, or for
    court or tribunal proceedings under way or in contemplation."""

    SERIOUS_THREAT = "serious-threat"
    """IPP11(1)(f): needed to stop or reduce a serious threat to public health or safety, or
    to someone's life or health."""

    INTELLIGENCE_SECURITY = "intelligence-security"
    """IPP11: needed to enable an intelligence and security agency (NZSIS, GCSB) to perform
    its functions (paragraph letter (g) unverified)."""

    NOT_IDENTIFIED = "not-identified"
    """IPP11(1)(h): the information is to be used in a form that does not identify the person
    (the "(h)" letter is unverified)."""

    STATISTICAL_RESEARCH = "statistical-research"
    """IPP11(1)(h): for statistics or research, with nothing published that would let readers
    work out who the person is (the "(h)" letter is unverified)."""

    BUSINESS_SALE = "business-sale"
    """IPP11(1)(i): needed to facilitate the sale or other disposition of a business as a
    going concern (unverified: the wording and letter come from a secondary summary)."""

    COMMISSIONER_AUTHORISED = "commissioner-authorised"
    """Privacy Act 2020, s 30: the Privacy Commissioner authorised this use or disclosure
    although it would otherwise breach IPP10, IPP11 or IPP12."""

    OT_S66 = "ot-s66"
    """Oranga Tamariki Act 1989, s 66: supplied because Oranga Tamariki, a care and protection
    co-ordinator or a constable required it; a legal adviser confirms it applies."""

    OT_S66C = "ot-s66c"
    """Oranga Tamariki Act 1989, s 66C: disclosed between child welfare and protection agencies
    (or independent persons), asked or unasked, for the wellbeing and safety purposes listed; a
    legal adviser confirms."""

    FV_S20 = "fv-s20"
    """Family Violence Act 2018, s 20: disclosed to a family violence agency or social services
    practitioner for the purposes the section lists; a legal adviser confirms it applies."""

    COURT_ORDER = "court-order"
    """A court or tribunal ordered the information to be given; a legal adviser confirms the
    order covers what was disclosed."""

    OTHER_STATUTE = "other-statute"
    """Another Act authorises or requires it (IPP11 does not limit that, s 24(1)); cite it in
    the purpose's law; a legal adviser confirms it applies."""

    @property
    def is_exception(self) -> bool:
        """Whether the ground is an exception that a person must confirm applies.

        Only the collection purpose itself, the person's own authorisation and disclosure to
        the person are not exceptions (nor is ``NONE``, which records that nothing applies);
        everything else needs human judgement.
        """
        return self not in _NOT_EXCEPTIONS

    @property
    def overrides_choice(self) -> bool:
        """Whether the ground can lawfully override a person's recorded refusal."""
        return self in _OVERRIDES

    @property
    def legal_refs(self) -> tuple[LegalRef, ...]:
        """The provisions the ground comes from."""
        return _GROUND_REFS[self]

    @property
    def reached_by_ipp12(self) -> bool | None:
        """Whether IPP12 governs a disclosure abroad made on this ground.

        IPP12(1) limits only disclosures made in reliance on IPP11(1)(a), (c), (e), (f), (h)
        or (i): ``False`` for disclosure to the person, from a publicly available publication
        or to an intelligence and security agency, and for ``NONE``: a disclosure that relies
        on no IPP11 ground is not made "in reliance on" one, so IPP12 is not engaged (IPP11
        itself is breached, which PM016 reports). ``None`` for a ground in another law:
        IPP12 does not limit a disclosure another enactment authorises or requires (s 24(1)),
        and whether that law reaches a recipient abroad is a question for a legal adviser.
        """
        return _IPP12_REACH[self]


_NOT_EXCEPTIONS = frozenset(
    {
        SharingGround.NONE,
        SharingGround.COLLECTION_PURPOSE,
        SharingGround.AUTHORISED,
        SharingGround.TO_PERSON,
    }
)
_OVERRIDES = frozenset(
    {
        SharingGround.SERIOUS_THREAT,
        SharingGround.OT_S66,
        SharingGround.OT_S66C,
        SharingGround.FV_S20,
        SharingGround.COURT_ORDER,
        SharingGround.MAINTENANCE_OF_LAW,
        SharingGround.OTHER_STATUTE,
        SharingGround.INTELLIGENCE_SECURITY,
        SharingGround.COMMISSIONER_AUTHORISED,
    }
)
_GROUND_REFS: dict[SharingGround, tuple[LegalRef, ...]] = {
    SharingGround.NONE: (LegalRef.IPP10, LegalRef.IPP11),
    SharingGround.COLLECTION_PURPOSE: (LegalRef.IPP10, LegalRef.IPP11),
    SharingGround.DIRECTLY_RELATED: (LegalRef.IPP10, LegalRef.IPP11),
    SharingGround.AUTHORISED: (LegalRef.IPP10, LegalRef.IPP11),
    SharingGround.TO_PERSON: (LegalRef.IPP11,),
    SharingGround.PUBLICLY_AVAILABLE: (LegalRef.IPP10, LegalRef.IPP11),
    SharingGround.MAINTENANCE_OF_LAW: (LegalRef.IPP10, LegalRef.IPP11),
    SharingGround.SERIOUS_THREAT: (LegalRef.IPP10, LegalRef.IPP11),
    SharingGround.STATISTICAL_RESEARCH: (LegalRef.IPP10, LegalRef.IPP11),
    SharingGround.INTELLIGENCE_SECURITY: (LegalRef.IPP10, LegalRef.IPP11),
    SharingGround.NOT_IDENTIFIED: (LegalRef.IPP10, LegalRef.IPP11),
    SharingGround.BUSINESS_SALE: (LegalRef.IPP11,),
    SharingGround.COMMISSIONER_AUTHORISED: (LegalRef.PA_S30,),
    SharingGround.OT_S66: (LegalRef.OT_S66,),
    SharingGround.OT_S66C: (LegalRef.OT_S66C,),
    SharingGround.FV_S20: (LegalRef.FV_S20,),
    SharingGround.COURT_ORDER: (LegalRef.IPP11,),
    SharingGround.OTHER_STATUTE: (LegalRef.IPP11,),
}
_IPP12_REACH: dict[SharingGround, bool | None] = {
    **dict.fromkeys(SharingGround, True),
    SharingGround.NONE: False,
    SharingGround.TO_PERSON: False,
    SharingGround.PUBLICLY_AVAILABLE: False,
    SharingGround.INTELLIGENCE_SECURITY: False,
    SharingGround.OT_S66: None,
    SharingGround.OT_S66C: None,
    SharingGround.FV_S20: None,
    SharingGround.COURT_ORDER: None,
    SharingGround.OTHER_STATUTE: None,
}


class Ipp12Basis(Enum):
    """The basis for sending personal information to a recipient outside New Zealand (IPP12).

    ``NONE`` records that no basis applies; leaving the field out (``None``) means nobody has
    recorded whether one does. The letters (b) to (f) of IPP12(1) follow the order in which
    published summaries list the bases; only (a) was read in the Act's text.
    """

    NONE = "none"
    """Recorded: no IPP12 basis applies to sending the information to this recipient."""

    AUTHORISED_AFTER_WARNING = "authorised-after-warning"
    """IPP12(1)(a): the person authorised it after being told plainly that the recipient may
    not have to protect it in a way comparable to the Act."""

    SUBJECT_TO_NZ_ACT = "subject-to-nz-act"
    """IPP12(1)(b): the recipient carries on business in New Zealand and is subject to the
    Act for this information."""

    COMPARABLE_LAW = "comparable-law"
    """IPP12(1)(c): the recipient is subject to privacy laws with comparable safeguards."""

    BINDING_SCHEME = "binding-scheme"
    """IPP12(1)(d): the recipient takes part in a prescribed binding scheme."""

    PRESCRIBED_COUNTRY = "prescribed-country"
    """IPP12(1)(e): the recipient is subject to the privacy laws of a prescribed country."""

    CONTRACT_CLAUSES = "contract-clauses"
    """IPP12(1)(f): the recipient must otherwise protect it comparably, for example under the
    Commissioner's model contract clauses."""

    NOT_PRACTICABLE = "not-practicable"
    """IPP12(2) (number unverified): the disclosure relies on IPP11(1)(e) or (f) (the
    maintenance of the law, or a serious threat) and meeting IPP12(1) is not reasonably
    practicable in the circumstances."""

    COMMISSIONER_AUTHORISED = "commissioner-authorised"
    """Privacy Act 2020, s 30: the Privacy Commissioner authorised the disclosure although it
    would otherwise breach IPP12."""

    AGENT_STORAGE = "agent-storage"
    """The recipient only stores or processes it as the agency's agent: not a disclosure."""


class ReportingKind(Enum):
    """Why information flows to a funder or partner."""

    SERVICE_DELIVERY = "service-delivery"
    """What services were delivered (outputs, volumes): accountability reporting, which PM026
    expects not to identify people."""
    COMPLIANCE = "compliance"
    """Showing that the law or contract terms are complied with: accountability reporting
    (PM026)."""
    ACCREDITATION = "accreditation"
    """Evidence for accreditation or certification: accountability reporting (PM026)."""
    CONTRACT_MANAGEMENT = "contract-management"
    """Managing the funding contract (milestones, invoices, performance measures):
    accountability reporting (PM026)."""
    MONITORING = "monitoring"
    """Ongoing monitoring of the service by the funder or partner: accountability reporting
    (PM026)."""
    EVALUATION = "evaluation"
    """Evaluating whether the service works; SV013 expects it routed apart from accountability
    reporting."""
    RESEARCH = "research"
    """Research; SV013 expects it routed apart from accountability reporting."""

    @property
    def accountability(self) -> bool:
        """Whether this is reporting for funding, contracts or accreditation.

        DPUP's funding guidance says such reporting should not identify service users.
        """
        return self in _ACCOUNTABILITY


_ACCOUNTABILITY = frozenset(
    {
        ReportingKind.SERVICE_DELIVERY,
        ReportingKind.COMPLIANCE,
        ReportingKind.ACCREDITATION,
        ReportingKind.CONTRACT_MANAGEMENT,
        ReportingKind.MONITORING,
    }
)


class FlowKind(Enum):
    """Whether information leaves the agency (a disclosure) or is used inside it."""

    DISCLOSURE = "disclosure"
    """The information goes outside the agency, to a recipient (IPP11); the default."""
    USE = "use"
    """The information is used inside the agency (IPP10); checks about recipients and overseas
    disclosure do not apply."""


@attrs.frozen
class SecondaryUse:
    """A use of agreement data beyond the reason it was reported.

    Attributes:
        purpose: the id of the purpose the secondary use serves.
        agreed_by_partners: whether every party agreed to it.
        communicated_to_users: whether service users were told about it.
    """

    purpose: str = reference("purpose", required=True)
    agreed_by_partners: bool | None = None
    communicated_to_users: bool | None = None


@attrs.frozen
class ReportingRoute:
    """Which part of the recipient receives which kind of reporting.

    Attributes:
        kind: the kind of reporting.
        recipient_part: the team or unit that receives it.
    """

    kind: ReportingKind
    recipient_part: str


@attrs.frozen
class OverseasRecipient:
    """A recipient outside New Zealand named in an agreement.

    Attributes:
        name: the recipient.
        country: ISO 3166 alpha-2 code.
        ipp12_basis: the basis relied on under IPP12.
    """

    name: str
    country: str
    ipp12_basis: Ipp12Basis | None = None


@attrs.frozen
class SharingAgreement:
    """A funding contract, partnering agreement or MOU under which information flows.

    Attributes:
        id: identifier.
        parties: the organisations party to it.
        purposes: ids of the purposes it serves.
        reporting: the kinds of reporting it asks for.
        fields: the information reported under it, each with its purposes and identifiability.
        identifying_justification: why identifying fields are needed, if any are; an empty
            text records that there is no reason (left out, it is not recorded).
        users_would_agree_checked: whether the parties checked that service users would
            understand the reporting and find it fair.
        legal_basis: laws, contracts and agreements relied on.
        mutually_agreed: whether the data requirements were agreed between the parties
            rather than imposed.
        co_designed_with: who helped design it (e.g. "providers", "service users").
        success_defined_with: who helped define what success means.
        users_told: whether service users were told what flows under the agreement.
        secondary_uses: uses beyond the reporting's own purposes.
        routes: which part of the recipient receives which kind of reporting.
        outcomes_reported_back: whether the recipient tells providers what the data led to.
        access_protocol: whether a protocol lets people ask one party for what all parties hold.
        overseas_recipients: recipients outside New Zealand.
        access_restricted_to_purpose: whether access at the recipient is limited to people
            working on the agreed purposes.
        burden_assessed: whether the reporting burden on providers was assessed.
        duplicate_collection: whether the same information is also collected another way.
        duplicate_reason: why duplication is needed, where it exists; an empty text records
            that there is no reason (left out, it is not recorded).
        review_on: when the agreement is next reviewed.
        last_reviewed_on: when the parties last reviewed the agreement together (left out,
            it is not recorded; SV019 compares it with ``review_on``).
        refers_people: whether people are referred, or assessed, between the parties under it
            (``False`` for an agreement under which nobody moves between them, such as a
            funding contract that only carries reporting).
        joint_referral: whether the parties use a joined-up referral or a shared assessment,
            so a person gives the same information once rather than to each party.
    """

    id: str = attrs.field(validator=non_blank)
    parties: tuple[str, ...] | None = None
    purposes: tuple[str, ...] | None = reference("purpose")
    reporting: tuple[ReportingKind, ...] | None = None
    fields: tuple[InformationItem, ...] | None = None
    identifying_justification: str | None = None
    users_would_agree_checked: bool | None = None
    legal_basis: tuple[LawBasis, ...] | None = None
    mutually_agreed: bool | None = None
    co_designed_with: tuple[str, ...] | None = None
    success_defined_with: tuple[str, ...] | None = None
    users_told: bool | None = None
    secondary_uses: tuple[SecondaryUse, ...] | None = None
    routes: tuple[ReportingRoute, ...] | None = None
    outcomes_reported_back: bool | None = None
    access_protocol: bool | None = None
    overseas_recipients: tuple[OverseasRecipient, ...] | None = None
    access_restricted_to_purpose: bool | None = None
    burden_assessed: bool | None = None
    duplicate_collection: bool | None = None
    duplicate_reason: str | None = None
    review_on: date | None = None
    last_reviewed_on: date | None = None
    refers_people: bool | None = None
    joint_referral: bool | None = None


@attrs.frozen
class Disclosure:
    """One actual or proposed use or disclosure of information.

    Attributes:
        id: identifier that corrections refer to.
        kind: a disclosure outside the agency, or a use inside it.
        recipient: who receives it (for a disclosure).
        purposes: ids of the purposes it serves.
        items: names of the information items involved.
        identifiable: whether what is shared identifies people.
        ground: the legal ground relied on (``none`` records that no ground or exception
            applies; left out, which ground is relied on is not recorded).
        choices: ids of the person's recorded choices that this disclosure touches.
        on: the date of the disclosure (or the planned date).
        accuracy_checked: whether, before it went, the information was checked to be
            accurate, up to date, complete, relevant and not misleading (IPP8).
        feeds_decision: whether it feeds a decision about the person (a court or agency report).
        person_told: whether the person was told about it (before, or afterwards).
        reason_not_told: why the person was not told, where they were not; an empty text
            records that there is no reason (left out, it is not recorded).
        person_involved: whether the person had a say in what was disclosed.
        ipp12_basis: the IPP12 basis, for a recipient outside New Zealand.
        research_undertaking: for a statistical or research disclosure, whether the recipient
            undertook not to publish in identifiable form.
        output_controls: whether outputs are checked for disclosure risk before release.
        threat_assessed: for a serious-threat disclosure, whether likelihood, severity and
            imminence were assessed and recorded.
        agreement: id of the sharing agreement it is made under.
        publication_safeguard: for a statistical or research use or disclosure, any other
            recorded reason to believe nothing will be published in a form that could identify
            people (for example, an ethics approval's condition, or only aggregates ever
            leaving the recipient's secure environment).
        identifiable_publication_expected: for a statistical or research use or disclosure,
            whether results are expected to be published in a form that could reasonably
            identify people (for example, case studies that name or describe participants).
        recipient_can_act: for a serious-threat disclosure, whether the recipient is able to
            do something to prevent or lessen the threat.
        limited_to_threat: for a serious-threat disclosure, whether only the information
            needed to show the threat and to act on it was disclosed.
        threat_confirmed: for a serious-threat disclosure, whether a legal adviser or privacy
            officer confirmed that the recorded assessment supports relying on the ground.
    """

    id: str = attrs.field(validator=non_blank)
    kind: FlowKind = FlowKind.DISCLOSURE
    recipient: Recipient | None = None
    purposes: tuple[str, ...] | None = reference("purpose")
    items: tuple[str, ...] | None = reference("item")
    identifiable: bool | None = None
    ground: SharingGround | None = None
    choices: tuple[str, ...] | None = reference("choice")
    on: date | None = None
    accuracy_checked: bool | None = None
    feeds_decision: bool | None = None
    person_told: bool | None = None
    reason_not_told: str | None = None
    person_involved: bool | None = None
    ipp12_basis: Ipp12Basis | None = None
    research_undertaking: bool | None = None
    output_controls: bool | None = None
    threat_assessed: bool | None = None
    agreement: str | None = reference("agreement")
    publication_safeguard: str | None = None
    identifiable_publication_expected: bool | None = None
    recipient_can_act: bool | None = None
    limited_to_threat: bool | None = None
    threat_confirmed: bool | None = None
