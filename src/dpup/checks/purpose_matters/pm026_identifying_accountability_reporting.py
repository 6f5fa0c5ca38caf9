"""PM026 identifying-accountability-reporting: a Purpose Matters check.

Funder, contract and accreditation reporting does not identify service users.

Documented in ``docs/checks.md`` and ``docs/guidelines/purpose-matters.md``; its cases are
in ``tests/checks/purpose_matters/test_pm026_identifying_accountability_reporting.py``.
"""

from __future__ import annotations

from collections.abc import Iterable

from dpup.checkdef import (
    HT,
    MH,
    MW,
    EvaluationContext,
    Outcome,
    check,
    met,
    needs_review,
    not_applicable,
    not_met,
    unrecorded,
)
from dpup.checks.purpose_matters._helpers import present
from dpup.findings import Reviewer, Severity
from dpup.law import Basis, LegalRef
from dpup.model import InformationItem, SharingAgreement

__all__ = ["identifying_accountability_reporting"]


def identifying_paths(items: Iterable[InformationItem], base: str) -> tuple[list[str], list[str]]:
    """Return the paths of identifying items and of items whose identifiability is unknown."""
    identifying: list[str] = []
    unknown: list[str] = []
    for i, item in enumerate(items):
        if item.identifiability is None:
            unknown.append(f"{base}[{i}].identifiability")
        elif item.identifiability.is_identifying:
            identifying.append(f"{base}[{i}].identifiability")
    return identifying, unknown


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
        is identifying (``fields[].identifiability``). Identifying fields with the reason
        recorded as empty (``identifying_justification``, none given), or without a check
        that service users would accept it (``users_would_agree_checked`` is false), are
        not met; with a reason they need review. With the reason not recorded at all (and
        no failed check with users) they need review too, since a reason, once recorded,
        is for a person to weigh.
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
    justified = present(agreement.identifying_justification)
    if justified is False:
        return not_met(
            "Accountability reporting identifies service users, and the record gives no "
            "reason for it.",
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
    if justified is None:
        return needs_review(
            "Accountability reporting identifies service users, and why it needs to is not "
            "recorded.",
            "identifying_justification",
            *identifying,
            reviewer=Reviewer.PRIVACY_OFFICER,
            settle_with=(
                "record why identifying fields are needed, or an empty reason if there is "
                "none (identifying_justification)",
                "otherwise, report counts or de-identified data (fields)",
            ),
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
