"""PM027 secondary-use-not-agreed: a Purpose Matters check.

Any further use of agreement data is agreed by the partners and explained to users.

Documented in ``docs/checks.md`` and ``docs/guidelines/purpose-matters.md``; its cases are
in ``tests/checks/purpose_matters/test_pm027_secondary_use_not_agreed.py``.
"""

from __future__ import annotations

from dpup.checkdef import (
    MH,
    MW,
    EvaluationContext,
    Outcome,
    check,
    met,
    not_applicable,
    not_met,
    unrecorded,
)
from dpup.findings import Severity
from dpup.law import Basis, LegalRef
from dpup.model import SharingAgreement

__all__ = ["secondary_use_not_agreed"]


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
