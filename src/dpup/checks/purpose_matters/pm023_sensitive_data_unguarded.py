"""PM023 sensitive-data-unguarded: a Purpose Matters check.

Sensitive identifying information is protected, with access limited by purpose.

Documented in ``docs/checks.md`` and ``docs/guidelines/purpose-matters.md``; its cases are
in ``tests/checks/purpose_matters/test_pm023_sensitive_data_unguarded.py``.
"""

from __future__ import annotations

from dpup.checkdef import (
    KT,
    EvaluationContext,
    Outcome,
    check,
    met,
    needs_review,
    not_applicable,
    not_met,
    unrecorded,
)
from dpup.findings import Reviewer, Severity
from dpup.law import Basis, LegalRef
from dpup.model import Collection, Identifiability, Safeguard

__all__ = ["sensitive_data_unguarded"]


def sensitive_identifying_paths(collection: Collection) -> tuple[list[str], list[str]]:
    """Return paths of sensitive identifying items, and of items that might be.

    An item might be one when its sensitivity is not recorded, or when it is sensitive and
    its identifiability is not recorded.
    """
    found: list[str] = []
    unknown: list[str] = []
    for i, item in enumerate(collection.items):
        ident = item.identifiability
        if ident is not None and not ident.is_identifying:
            continue
        if item.sensitivity is None:
            unknown.append(f"items[{i}].sensitivity")
        elif item.sensitivity:
            if ident is Identifiability.IDENTIFYING:
                found.append(f"items[{i}].sensitivity")
            else:
                unknown.append(f"items[{i}].identifiability")
    return found, unknown


@check(
    id="PM023",
    name="sensitive-data-unguarded",
    principles=(KT,),
    basis=Basis.LAW,
    legal_refs=(LegalRef.IPP5,),
    severity=Severity.HIGH,
    subject=Collection,
    remediation=(
        "Limit who can see sensitive information to the roles that need it, and to the "
        "purposes it was collected for; record the safeguards."
    ),
    tags=("security", "sensitive"),
    provision="IPP5(a)",
    condition=(
        "An agency holding personal information protects it with safeguards that are "
        "reasonable in the circumstances, including against access by people who should "
        "not have it."
    ),
)
def sensitive_data_unguarded(collection: Collection, ctx: EvaluationContext) -> Outcome:
    """Sensitive identifying information is protected, with access limited by purpose.

    What it checks:
        For a collection with sensitive identifying items, the safeguards (``safeguards``)
        include an access limit (role-based or purpose-based). No access limit is not met;
        role-based access without purpose-based access needs review.
    Why it matters:
        IPP5 requires safeguards that are reasonable for the information, and sensitive
        information needs more. DPUP adds that access should be limited to the people
        working on the defined purposes, so information gathered for one reason is not
        browsed for another.
    How to meet it:
        Restrict access by role and by purpose (separate the data or the permissions per
        purpose), and record it.
    References:
        Privacy Act 2020, IPP5. DPUP Kaitiakitanga principle (security suited to the data);
        funding role guidance (restrict access to the defined purposes).
    """
    found, unknown = sensitive_identifying_paths(collection)
    if not found:
        if unknown:
            return unrecorded("whether sensitive identifying information is held", *unknown)
        return not_applicable("No sensitive identifying information is collected.", "items")
    safeguards = collection.safeguards
    if safeguards is None:
        return unrecorded("the safeguards protecting the information", "safeguards")
    if not any(s.limits_access for s in safeguards):
        return not_met(
            "Sensitive information is held with no limit on who can see it.",
            "safeguards",
            *found,
        )
    if Safeguard.PURPOSE_BASED_ACCESS not in safeguards:
        return needs_review(
            "Access is limited by role, but not to the purposes the information serves.",
            "safeguards",
            reviewer=Reviewer.PRIVACY_OFFICER,
            settle_with=(
                "record whether access is limited to people working on the collection's "
                "purposes (safeguards)",
            ),
        )
    return met("Access to sensitive information is limited by role and purpose.", "safeguards")
