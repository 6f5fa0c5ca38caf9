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
    """The ground an agency relies on to use or disclose information."""

    COLLECTION_PURPOSE = "collection-purpose"
    DIRECTLY_RELATED = "directly-related"
    AUTHORISED = "authorised"
    TO_PERSON = "to-person"
    PUBLICLY_AVAILABLE = "publicly-available"
    MAINTENANCE_OF_LAW = "maintenance-of-law"
    SERIOUS_THREAT = "serious-threat"
    STATISTICAL_RESEARCH = "statistical-research"
    OT_S66 = "ot-s66"
    OT_S66C = "ot-s66c"
    FV_S20 = "fv-s20"
    COURT_ORDER = "court-order"
    OTHER_STATUTE = "other-statute"

    @property
    def is_exception(self) -> bool:
        """Whether the ground is an exception that a person must confirm applies.

        Only the collection purpose itself, the person's own authorisation and disclosure to
        the person are not exceptions; everything else needs human judgement.
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


_NOT_EXCEPTIONS = frozenset(
    {SharingGround.COLLECTION_PURPOSE, SharingGround.AUTHORISED, SharingGround.TO_PERSON}
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
    }
)
_GROUND_REFS: dict[SharingGround, tuple[LegalRef, ...]] = {
    SharingGround.COLLECTION_PURPOSE: (LegalRef.IPP10, LegalRef.IPP11),
    SharingGround.DIRECTLY_RELATED: (LegalRef.IPP10, LegalRef.IPP11),
    SharingGround.AUTHORISED: (LegalRef.IPP10, LegalRef.IPP11),
    SharingGround.TO_PERSON: (LegalRef.IPP11,),
    SharingGround.PUBLICLY_AVAILABLE: (LegalRef.IPP10, LegalRef.IPP11),
    SharingGround.MAINTENANCE_OF_LAW: (LegalRef.IPP10, LegalRef.IPP11),
    SharingGround.SERIOUS_THREAT: (LegalRef.IPP10, LegalRef.IPP11),
    SharingGround.STATISTICAL_RESEARCH: (LegalRef.IPP10, LegalRef.IPP11),
    SharingGround.OT_S66: (LegalRef.OT_S66,),
    SharingGround.OT_S66C: (LegalRef.OT_S66C,),
    SharingGround.FV_S20: (LegalRef.FV_S20,),
    SharingGround.COURT_ORDER: (LegalRef.IPP11,),
    SharingGround.OTHER_STATUTE: (LegalRef.IPP11,),
}


class Ipp12Basis(Enum):
    """The basis for sending personal information to a recipient outside New Zealand (IPP12)."""

    AUTHORISED_AFTER_WARNING = "authorised-after-warning"
    SUBJECT_TO_NZ_ACT = "subject-to-nz-act"
    COMPARABLE_LAW = "comparable-law"
    BINDING_SCHEME = "binding-scheme"
    PRESCRIBED_COUNTRY = "prescribed-country"
    CONTRACT_CLAUSES = "contract-clauses"
    AGENT_STORAGE = "agent-storage"
    """The recipient only stores or processes it as the agency's agent: not a disclosure."""


class ReportingKind(Enum):
    """Why information flows to a funder or partner."""

    SERVICE_DELIVERY = "service-delivery"
    COMPLIANCE = "compliance"
    ACCREDITATION = "accreditation"
    CONTRACT_MANAGEMENT = "contract-management"
    MONITORING = "monitoring"
    EVALUATION = "evaluation"
    RESEARCH = "research"

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
    USE = "use"


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
        identifying_justification: why identifying fields are needed, if any are.
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
        duplicate_reason: why duplication is needed, where it exists.
        review_on: when the agreement is next reviewed.
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
        ground: the legal ground relied on.
        choices: ids of the person's recorded choices that this disclosure touches.
        on: the date of the disclosure (or the planned date).
        accuracy_checked: whether accuracy was checked before it went (IPP8).
        feeds_decision: whether it feeds a decision about the person (a court or agency report).
        person_told: whether the person was told about it (before, or afterwards).
        reason_not_told: why the person was not told, where they were not.
        person_involved: whether the person had a say in what was disclosed.
        ipp12_basis: the IPP12 basis, for a recipient outside New Zealand.
        research_undertaking: for a statistical or research disclosure, whether the recipient
            undertook not to publish in identifiable form.
        output_controls: whether outputs are checked for disclosure risk before release.
        threat_assessed: for a serious-threat disclosure, whether likelihood, severity and
            imminence were assessed and recorded.
        agreement: id of the sharing agreement it is made under.
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
