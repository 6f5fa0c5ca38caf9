"""PM036 fv-sharing-not-considered: a Purpose Matters check.

The duty to consider sharing is met where family violence is involved or a request arrives.

Documented in ``docs/checks.md`` and ``docs/guidelines/purpose-matters.md``; its cases are
in ``tests/checks/purpose_matters/test_pm036_fv_sharing_not_considered.py``.
"""

from __future__ import annotations

from dpup.checkdef import (
    HT,
    MH,
    EvaluationContext,
    Outcome,
    check,
    met,
    not_applicable,
    not_met,
    split_facts,
    unrecorded,
)
from dpup.findings import Severity
from dpup.law import Basis, LegalRef
from dpup.model import Activity, Sensitivity, SharingRegime

__all__ = ["fv_sharing_not_considered"]

_FV = Sensitivity.FAMILY_VIOLENCE


def _holds_fv_information(activity: Activity) -> bool:
    """Whether any item the activity collects or reports is marked as about family violence."""
    for col in activity.collections:
        for item in col.items:
            if item.sensitivity and _FV in item.sensitivity:
                return True
    for agr in activity.agreements:
        for item in agr.fields or ():
            if item.sensitivity and _FV in item.sensitivity:
                return True
    return False


def _recorded(value: object) -> bool | None:
    return True if value is not None else None


def _facts(activity: Activity, requests: list[int]) -> dict[str, bool | None]:
    """The recorded consideration, by path: on the activity, and for each s 20 request."""
    facts: dict[str, bool | None] = {}
    fv = activity.family_violence
    if fv is not None and fv.involved is True:
        facts["family_violence.considered"] = fv.considered
        if fv.considered is not False:
            facts["family_violence.considered_on"] = _recorded(fv.considered_on)
            facts["family_violence.considered_by"] = _recorded(fv.considered_by)
    for i in requests:
        request = activity.sharing_requests[i]
        base = f"sharing_requests[{i}]"
        facts[f"{base}.assessed"] = request.assessed
        if request.assessed is not False:
            facts[f"{base}.assessed_on"] = _recorded(request.assessed_on)
            facts[f"{base}.assessed_by"] = _recorded(request.assessed_by)
    return facts


@check(
    id="PM036",
    name="fv-sharing-not-considered",
    principles=(HT, MH),
    basis=Basis.LAW,
    legal_refs=(LegalRef.FV_S24, LegalRef.FV_S20),
    severity=Severity.HIGH,
    subject=Activity,
    remediation=(
        "Where family violence is involved, or another family violence agency or practitioner "
        "asks for information under s 20 of the Family Violence Act, consider whether sharing "
        "what you hold would help protect a victim, and record that you did, when and by whom."
    ),
    tags=("sharing", "family-violence"),
    provision="s 24 Family Violence Act 2018",
    condition=(
        "A family violence agency or social services practitioner that has reason to think "
        "sharing may help protect a victim, or that receives a request under s 20, considers "
        "whether to share the information."
    ),
)
def fv_sharing_not_considered(activity: Activity, ctx: EvaluationContext) -> Outcome:
    """The duty to consider sharing is met where family violence is involved or a request arrives.

    What it checks:
        The duty starts when family violence is recorded as involved
        (``family_violence.involved``) or a request under s 20 of the Family Violence Act is
        received (a ``sharing_requests`` entry with regime ``fv-s20``). The consideration must
        then be recorded, with when and by whom: on the activity (``family_violence``
        ``considered``, ``considered_on``, ``considered_by``) and, for each s 20 request, in
        its assessment (``assessed``, ``assessed_on``, ``assessed_by``). A consideration
        recorded as not made is not met where the agency is recorded as one on whom the duty
        falls (``family_violence.fv_agency``), and needs review where that is not recorded;
        each missing part needs review. Not applicable where no family violence is recorded
        as involved and no s 20 request was received, or where the agency is recorded as not
        a family violence agency; an activity that holds items marked as about family
        violence but records nothing about it is asked whether it is involved. dpup checks
        that the duty to consider was met, never whether the agency should have shared.
    Why it matters:
        Reviews of family violence deaths found that agencies held information that, shared,
        might have kept someone safe. The Family Violence Act therefore makes family violence
        agencies and social services practitioners actively consider sharing when it may help
        protect a victim, or when another agency asks; it authorises sharing without
        requiring it. A recorded consideration shows the duty was met, whatever was decided.
    How to meet it:
        Build the question "would sharing help keep a victim safe?" into case review and into
        the handling of every request under s 20; record the answer, the date and the role
        that decided, and any disclosure made as its own record.
    References:
        Family Violence Act 2018, s 24 (duty to consider sharing; its subsection numbers are
        unverified in our stored sources) and s 20 (sharing for listed purposes), as the
        Privacy Commissioner's guidance describes them at
        https://www.privacy.org.nz/resources-and-learning/a-z-topics/information-sharing-childrens-wellbeing-and-safety/information-sharing-frameworks
        and
        https://nz.mil-osi.com/resources-and-learning/a-z-topics/information-sharing-childrens-wellbeing-and-safety/sharing-when-a-child-is-subject-to-family-harm-family-violence-act
        (a copy of the Commissioner's page). The Act:
        https://www.legislation.govt.nz/act/public/2018/0046/latest/whole.html.
    """
    fv = activity.family_violence
    if fv is not None and fv.fv_agency is False:
        return not_applicable(
            "The agency is recorded as not a family violence agency or social services "
            "practitioner, on whom the duty falls.",
            "family_violence.fv_agency",
        )
    requests = [
        i for i, r in enumerate(activity.sharing_requests) if r.regime is SharingRegime.FV_S20
    ]
    involved = None if fv is None else fv.involved
    if involved is not True and not requests:
        if involved is None and _holds_fv_information(activity):
            return unrecorded(
                "whether family violence is involved, so that sharing may help protect a "
                "victim, and if so whether sharing was considered",
                "family_violence.involved",
            )
        return not_applicable(
            "No family violence is recorded as involved, and no request under the Family "
            "Violence Act was received.",
            "family_violence",
        )
    facts = _facts(activity, requests)
    failing, gaps = split_facts(facts)
    if failing:
        if fv is None or fv.fv_agency is None:
            return unrecorded(
                "whether the agency is a family violence agency or social services "
                "practitioner, on whom the duty to consider sharing falls",
                "family_violence.fv_agency",
            )
        return not_met(
            "Family violence is involved, or a request under the Family Violence Act was "
            "received, and the record shows sharing was not considered.",
            *failing,
            "family_violence.fv_agency",
        )
    if gaps:
        return unrecorded("whether, when and by whom sharing was considered", *gaps)
    return met(
        "The consideration of sharing is recorded, with when and by whom it was made.", *facts
    )
