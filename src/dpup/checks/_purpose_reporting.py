"""Purpose Matters checks on funding, contracting and partnering agreements.

Subject: `SharingAgreement`. These carry the lesson of MSD's 2016 demand for individual
client-level data (ICLD): accountability reporting should not identify people, should carry
only what agreed purposes need, and any further use should be agreed and explained. Part of
the Purpose Matters family; ``dpup.checks.purpose`` lists them in ``CHECKS``.
"""

from __future__ import annotations

from dpup.checks._purpose_helpers import (
    HT,
    KT,
    MH,
    MW,
    identifying_paths,
    identifying_state,
    open_ended,
    present,
    purposes_of,
    vague,
)
from dpup.checks._util import unrecorded
from dpup.engine import (
    EvaluationContext,
    Outcome,
    check,
    met,
    needs_review,
    not_applicable,
    not_met,
)
from dpup.findings import Reviewer, Severity
from dpup.law import Basis, LegalRef
from dpup.model import Ipp12Basis, SharingAgreement

__all__ = [
    "identifying_accountability_reporting",
    "overseas_recipient_without_basis",
    "recipient_access_not_purpose_bound",
    "reporting_beyond_minimum",
    "secondary_use_not_agreed",
]


def _non_identifying(agreement: SharingAgreement) -> bool:
    """Whether every field is recorded as not identifying (nothing personal flows)."""
    return identifying_state(agreement.fields or ()) is False


@check(
    id="PM018",
    name="overseas-recipient-without-basis",
    principles=(KT,),
    basis=Basis.LAW,
    legal_refs=(LegalRef.IPP12,),
    severity=Severity.HIGH,
    subject=SharingAgreement,
    remediation=(
        "For each recipient outside New Zealand named in the agreement, record the IPP12 "
        "basis relied on before any personal information is sent."
    ),
    tags=("agreement", "cross-border"),
)
def overseas_recipient_without_basis(
    agreement: SharingAgreement, ctx: EvaluationContext
) -> Outcome:
    """Each recipient outside New Zealand named in an agreement has an IPP12 basis.

    What it checks:
        Every overseas recipient in the agreement (``overseas_recipients``) has an IPP12
        basis (``overseas_recipients[].ipp12_basis``). A recipient acting only as the
        agency's agent for storage or processing needs review. Agreements whose fields are
        all non-identifying are not applicable.
    Why it matters:
        Agreements often send data offshore through partners or research collaborators.
        IPP12 allows that only where comparable protection exists or the person agreed after
        a warning; it must be settled when the agreement is made, not after.
    How to meet it:
        Name each overseas recipient with its country and the basis relied on, such as
        comparable law, a binding scheme, a prescribed country or model contract clauses.
    References:
        Privacy Act 2020, IPP12 (detail unverified). DPUP Purpose Matters: be clear about
        purpose for sharing.
    """
    if _non_identifying(agreement):
        return not_applicable("Nothing identifying flows under the agreement.", "fields")
    recipients = agreement.overseas_recipients
    if recipients is None:
        return unrecorded(
            "whether any recipient under the agreement is outside New Zealand",
            "overseas_recipients",
        )
    if not recipients:
        return not_applicable("No recipient is outside New Zealand.", "overseas_recipients")
    missing = [
        f"overseas_recipients[{i}].ipp12_basis"
        for i, r in enumerate(recipients)
        if r.ipp12_basis is None
    ]
    if missing:
        return not_met("An overseas recipient has no IPP12 basis recorded.", *missing)
    agents = [
        f"overseas_recipients[{i}].ipp12_basis"
        for i, r in enumerate(recipients)
        if r.ipp12_basis is Ipp12Basis.AGENT_STORAGE
    ]
    if agents:
        return needs_review(
            "An overseas recipient is said to act only as the agency's agent.",
            *agents,
            reviewer=Reviewer.PRIVACY_OFFICER,
            settle_with=(
                "confirm each such recipient only stores or processes the information for "
                "the agency and does not use it for its own purposes",
            ),
        )
    return met("Every overseas recipient has an IPP12 basis.", "overseas_recipients")


@check(
    id="PM024",
    name="recipient-access-not-purpose-bound",
    principles=(KT, MH),
    basis=Basis.GOOD_PRACTICE,
    legal_refs=(LegalRef.IPP5,),
    severity=Severity.MEDIUM,
    subject=SharingAgreement,
    remediation=(
        "Agree that, at the receiving organisation, only the people working on the agreed "
        "purposes can see identifying information, and route each kind of reporting to the "
        "team that needs it."
    ),
    tags=("agreement", "security"),
)
def recipient_access_not_purpose_bound(
    agreement: SharingAgreement, ctx: EvaluationContext
) -> Outcome:
    """Access to identifying data at the recipient is limited to the agreed purposes.

    What it checks:
        When identifying fields flow under the agreement, it records that access at the
        recipient is restricted to people working on the agreed purposes
        (``access_restricted_to_purpose``). Agreements whose fields are all non-identifying
        are not applicable.
    Why it matters:
        DPUP's guidance for funders asks them to restrict access to the defined purposes:
        evaluation data and service-delivery reporting go to different teams because their
        purposes differ. Otherwise information supplied for one reason drifts into others.
    How to meet it:
        Write the restriction into the agreement, name which part of the recipient receives
        each kind of reporting (``routes``), and record it.
    References:
        DPUP funding role guidance (restrict access to the defined purposes); the provider
        journey "Best foot forward". Good practice beyond the law; IPP5 is the legal hook.
    """
    if _non_identifying(agreement):
        return not_applicable("Nothing identifying flows under the agreement.", "fields")
    if agreement.fields is None:
        return unrecorded("the fields reported under the agreement", "fields")
    restricted = agreement.access_restricted_to_purpose
    if restricted is None:
        return unrecorded(
            "whether access at the recipient is limited to the agreed purposes",
            "access_restricted_to_purpose",
        )
    if not restricted:
        return not_met(
            "Identifying data reaches the recipient with no limit to the agreed purposes.",
            "access_restricted_to_purpose",
        )
    return met(
        "Access at the recipient is limited to the agreed purposes.", "access_restricted_to_purpose"
    )


@check(
    id="PM026",
    name="identifying-accountability-reporting",
    principles=(HT, MW, MH),
    basis=Basis.GOOD_PRACTICE,
    legal_refs=(LegalRef.IPP1,),
    severity=Severity.HIGH,
    subject=SharingAgreement,
    remediation=(
        "Report numbers, not people: make funder, contract and accreditation reporting "
        "non-identifying; if identity is truly needed, record why and check service users "
        "would understand and accept it."
    ),
    tags=("agreement", "identifiability", "icld"),
)
def identifying_accountability_reporting(
    agreement: SharingAgreement, ctx: EvaluationContext
) -> Outcome:
    """Funder, contract and accreditation reporting does not identify service users.

    What it checks:
        When the agreement asks for accountability reporting (service delivery, compliance,
        accreditation, contract management or monitoring, ``reporting``), none of its fields
        is identifying (``fields[].identifiability``). Identifying fields with no recorded
        reason (``identifying_justification``), or where service users were found not to
        accept it (``users_would_agree_checked`` is false), are not met; with a reason they
        need review.
    Why it matters:
        DPUP's funding checklist says delivery and compliance reporting should generally
        not identify service users, and that any identifying data sent to a funder needs a
        clear purpose users would understand and find fair. MSD's client-level data demand
        showed how identifying reporting drives people away from help.
    How to meet it:
        Report counts or de-identified data; where identity is essential, record why and
        test it with service users.
    References:
        DPUP funding, contracting and partnering checklist (think carefully about
        identifying data); OPC inquiry into MSD's collection of client-level data (2017).
        Good practice beyond the law, backed by IPP1(2).
    """
    if agreement.reporting is None:
        return unrecorded("the kinds of reporting the agreement asks for", "reporting")
    if not any(kind.accountability for kind in agreement.reporting):
        return not_applicable("The agreement asks for no accountability reporting.", "reporting")
    if agreement.fields is None:
        return unrecorded("the fields reported under the agreement", "fields")
    identifying, unknown = identifying_paths(agreement.fields, "fields")
    if not identifying:
        if unknown:
            return unrecorded("whether reported fields identify people", *unknown)
        return met("Accountability reporting identifies no one.", "fields")
    if not present(agreement.identifying_justification):
        return not_met(
            "Accountability reporting identifies service users with no reason recorded.",
            "identifying_justification",
            *identifying,
        )
    if agreement.users_would_agree_checked is False:
        return not_met(
            "Accountability reporting identifies service users without checking they would "
            "accept it.",
            "users_would_agree_checked",
            *identifying,
        )
    return needs_review(
        "Accountability reporting identifies service users, for a recorded reason.",
        "identifying_justification",
        "users_would_agree_checked",
        *identifying,
        reviewer=Reviewer.PRIVACY_OFFICER,
        settle_with=(
            "confirm the purpose cannot be met with non-identifying data",
            "check service users would understand and accept the reporting "
            "(users_would_agree_checked)",
        ),
    )


@check(
    id="PM027",
    name="secondary-use-not-agreed",
    principles=(MH, MW),
    basis=Basis.GOOD_PRACTICE,
    legal_refs=(LegalRef.IPP10,),
    severity=Severity.MEDIUM,
    subject=SharingAgreement,
    remediation=(
        "Before data reported under the agreement is used for anything else, agree the use "
        "with every party and explain it to service users."
    ),
    tags=("agreement", "secondary-use"),
)
def secondary_use_not_agreed(agreement: SharingAgreement, ctx: EvaluationContext) -> Outcome:
    """Any further use of agreement data is agreed by the partners and explained to users.

    What it checks:
        Each secondary use recorded on the agreement (``secondary_uses``) was agreed by all
        parties (``agreed_by_partners``) and communicated to service users
        (``communicated_to_users``). An agreement recording no secondary uses is not
        applicable.
    Why it matters:
        DPUP's funding checklist says that if data gathered for funding or contracting will
        be used for something else, the reasons must be clear, agreed between the partners
        and told to service users. Providers in DPUP's "Best foot forward" journey described
        reporting as a black hole for lack of exactly this.
    How to meet it:
        List each further use in the agreement, get every party's agreement, and explain it
        in the material service users see.
    References:
        DPUP funding, contracting and partnering checklist (be clear why the data is
        needed); Mahitahitanga principle. Good practice beyond the law; IPP10 is the legal
        hook for identifying data.
    """
    uses = agreement.secondary_uses
    if uses is None:
        return unrecorded("whether agreement data has further uses", "secondary_uses")
    if not uses:
        return not_applicable("No further use of agreement data is recorded.", "secondary_uses")
    failed: list[str] = []
    unknown: list[str] = []
    for i, use in enumerate(uses):
        for name, state in (
            ("agreed_by_partners", use.agreed_by_partners),
            ("communicated_to_users", use.communicated_to_users),
        ):
            if state is False:
                failed.append(f"secondary_uses[{i}].{name}")
            elif state is None:
                unknown.append(f"secondary_uses[{i}].{name}")
    if failed:
        return not_met(
            "A further use of agreement data was not agreed or not explained to users.", *failed
        )
    if unknown:
        return unrecorded("whether each further use was agreed and explained", *unknown)
    return met("Every further use was agreed and explained to users.", "secondary_uses")


@check(
    id="PM028",
    name="reporting-beyond-minimum",
    principles=(MW, HT),
    basis=Basis.GOOD_PRACTICE,
    legal_refs=(LegalRef.IPP1,),
    severity=Severity.MEDIUM,
    subject=SharingAgreement,
    remediation=(
        "Map every reported field to a specific purpose in the agreement and drop fields "
        "that no agreed purpose needs; make vague purposes such as 'monitoring' say what "
        "decisions they feed."
    ),
    tags=("agreement", "minimisation", "icld"),
)
def reporting_beyond_minimum(agreement: SharingAgreement, ctx: EvaluationContext) -> Outcome:
    """Reporting under an agreement carries only what its agreed purposes need.

    What it checks:
        Each reported field (``fields``) maps to at least one of the agreement's purposes
        (``fields[].purposes`` against ``purposes``). A field with no agreed purpose, or
        mapped only to purposes worded as catch-alls, is not met. A field mapped only to
        broad purposes (such as "monitoring" with nothing recorded in ``feeds``) needs
        review.
    Why it matters:
        DPUP's guidance for funders asks for the minimum needed. A field no agreed purpose
        needs is over-collection; a field justified only by "monitoring" leaves providers
        unable to tell what it is for, as happened with ICLD.
    How to meet it:
        Give every field a specific agreed purpose that names the decisions it feeds, and
        remove the rest.
    References:
        DPUP funding role guidance and funding checklist; Purpose Matters. Good practice
        beyond the law, backed by IPP1's necessity test. The broad-word list is
        `Settings.vague_purpose_phrases`.
    """
    fields = agreement.fields
    if fields is None:
        return unrecorded("the fields reported under the agreement", "fields")
    if not fields:
        return not_applicable("Nothing is reported under the agreement.", "fields")
    agreed = agreement.purposes
    unmapped: list[str] = []
    unknown: list[str] = []
    for i, field in enumerate(fields):
        if field.purposes is None:
            unknown.append(f"fields[{i}].purposes")
        elif not field.purposes or (agreed is not None and not set(field.purposes) & set(agreed)):
            unmapped.append(f"fields[{i}].purposes")
    if unmapped:
        return not_met("Some reported fields serve no agreed purpose.", *unmapped)
    if agreed is None:
        unknown.append("purposes")
    if unknown:
        return unrecorded("the agreed purposes each field serves", *unknown)
    activity = ctx.activity
    if activity is None:
        return needs_review(
            "No activity was given to read the purposes fields are mapped to.",
            "fields",
            reviewer=Reviewer.CONTRACT_MANAGER,
            settle_with=("evaluate the agreement with its activity as context",),
        )
    settings = ctx.settings
    catch_all: list[str] = []
    broad: list[str] = []
    for i, field in enumerate(fields):
        mapped = [p for _, p in purposes_of(activity, field.purposes or ())]
        if mapped and all(open_ended(p, settings) for p in mapped):
            catch_all.append(f"fields[{i}].purposes")
        elif mapped and all(open_ended(p, settings) or vague(p, settings) for p in mapped):
            broad.append(f"fields[{i}].purposes")
    if catch_all:
        return not_met(
            "Some reported fields are mapped only to open-ended purposes, which set no limit.",
            *catch_all,
        )
    if broad:
        return needs_review(
            "Some reported fields are mapped only to broad purposes such as monitoring.",
            *broad,
            reviewer=Reviewer.CONTRACT_MANAGER,
            settle_with=(
                "record the decisions or processes each such purpose feeds (feeds), or drop "
                "the field",
            ),
        )
    return met("Every reported field serves a specific agreed purpose.", "fields")
