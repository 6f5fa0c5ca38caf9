"""The domain model: frozen attrs classes that record facts, with validation and no evaluation.

``None`` always means "not recorded" and is never read as ``False``.
"""

from __future__ import annotations

from dpup.model.access import (
    AccessDecision,
    AccessPractice,
    AccessRequest,
    Barrier,
    Charge,
    ChargeItem,
    CorrectionRequest,
    Extension,
    ExtensionGround,
    InformalRoute,
    RequestChannel,
)
from dpup.model.activity import Activity, FrontlineSupport, GroupRecords, Stage
from dpup.model.choice import Choice, ChoiceLevel, ChoiceScope, ChoiceState
from dpup.model.collection import (
    Alternative,
    Channel,
    CheckAndBalance,
    Collection,
    Ipp2Exception,
    Ipp3Exception,
    Notice,
    NoticeTiming,
    Retention,
    RiskAssessment,
    Safeguard,
    Source,
    SupplierNotice,
)
from dpup.model.information import Identifiability, InformationItem, Sensitivity
from dpup.model.insight import (
    AccessLevel,
    DerivedStatistic,
    Framing,
    GroupDimension,
    Insight,
    NonShareReason,
    StatisticKind,
)
from dpup.model.parties import Agency, Audience, Recipient, RecipientKind, Sector
from dpup.model.purpose import AccessParty, Beneficiary, LawBasis, LawKind, Purpose
from dpup.model.sharing import (
    Disclosure,
    FlowKind,
    Ipp12Basis,
    OverseasRecipient,
    ReportingKind,
    ReportingRoute,
    SecondaryUse,
    SharingAgreement,
    SharingGround,
)

__all__ = [
    "AccessDecision",
    "AccessLevel",
    "AccessParty",
    "AccessPractice",
    "AccessRequest",
    "Activity",
    "Agency",
    "Alternative",
    "Audience",
    "Barrier",
    "Beneficiary",
    "Channel",
    "Charge",
    "ChargeItem",
    "CheckAndBalance",
    "Choice",
    "ChoiceLevel",
    "ChoiceScope",
    "ChoiceState",
    "Collection",
    "CorrectionRequest",
    "DerivedStatistic",
    "Disclosure",
    "Extension",
    "ExtensionGround",
    "FlowKind",
    "Framing",
    "FrontlineSupport",
    "GroupDimension",
    "GroupRecords",
    "Identifiability",
    "InformalRoute",
    "InformationItem",
    "Insight",
    "Ipp12Basis",
    "Ipp2Exception",
    "Ipp3Exception",
    "LawBasis",
    "LawKind",
    "NonShareReason",
    "Notice",
    "NoticeTiming",
    "OverseasRecipient",
    "Purpose",
    "Recipient",
    "RecipientKind",
    "ReportingKind",
    "ReportingRoute",
    "RequestChannel",
    "Retention",
    "RiskAssessment",
    "Safeguard",
    "SecondaryUse",
    "Sector",
    "Sensitivity",
    "SharingAgreement",
    "SharingGround",
    "Source",
    "Stage",
    "StatisticKind",
    "SupplierNotice",
]

SUBJECT_TYPES: tuple[type, ...] = (
    Activity,
    Purpose,
    Collection,
    Choice,
    SharingAgreement,
    Disclosure,
    AccessRequest,
    CorrectionRequest,
    AccessPractice,
    Insight,
)
"""The types a check may take as its subject, in the order an activity is walked."""
