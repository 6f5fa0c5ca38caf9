"""PM031 identifier-required-beyond-its-purpose: a Purpose Matters check.

People are required to give a unique identifier only for a purpose it was assigned for.

Documented in ``docs/checks.md`` and ``docs/guidelines/purpose-matters.md``; its cases are
in ``tests/checks/purpose_matters/test_pm031_identifier_required_beyond_its_purpose.py``.
"""

from __future__ import annotations

from dpup.checkdef import (
    KT,
    MW,
    EvaluationContext,
    Outcome,
    check,
    met,
    not_applicable,
    not_met,
    unrecorded,
)
from dpup.checks.purpose_matters._helpers import identifier_items
from dpup.findings import Severity
from dpup.law import Basis, LegalRef
from dpup.model import Collection

__all__ = ["identifier_required_beyond_its_purpose"]


@check(
    id="PM031",
    name="identifier-required-beyond-its-purpose",
    principles=(MW, KT),
    basis=Basis.LAW,
    legal_refs=(LegalRef.IPP13,),
    severity=Severity.HIGH,
    subject=Collection,
    remediation=(
        "Make the identifier optional, or stop asking for it, unless the agency needs it for "
        "a purpose it was assigned for (or one directly related); record which."
    ),
    tags=("identifiers", "minimisation"),
    provision="IPP13(5)",
    condition=(
        "The agency does not require a person to disclose a unique identifier unless it is "
        "for a purpose the identifier was assigned for, or one directly related to it."
    ),
)
def identifier_required_beyond_its_purpose(
    collection: Collection, ctx: EvaluationContext
) -> Outcome:
    """People are required to give a unique identifier only for a purpose it was assigned for.

    What it checks:
        For each item recorded as a unique identifier (``items[].identifier``) that people
        must provide (``items[].required``), whether the reason the agency asks is a purpose
        the identifier was assigned for, or one directly related to such a purpose
        (``identifier.within_assigned_purpose``). Recorded as not, it is not met; not
        recorded, it needs review. An identifier people may leave out is outside this rule,
        which bars requiring one, not accepting it when offered. An item whose name
        suggests an identifier (an "ird-number" item) but that records no ``identifier`` is
        asked about, unless it is recorded as optional.
    Why it matters:
        An IRD number is assigned for tax, an NHI number for health care, a driver licence
        number for driving. Demanding one at intake for some other reason spreads a number
        that links a person's records across agencies, and makes it easier to steal their
        identity. IPP13 lets an agency require one only for the purposes it was assigned
        for, or directly related ones.
    How to meet it:
        Ask for an identifier only where the agency's purpose is one it was assigned for (an
        employer asking for an IRD number to deduct tax, a health provider asking for an NHI
        number); otherwise make it optional or stop asking. Record the link in
        ``identifier.within_assigned_purpose``.
    References:
        Privacy Act 2020, s 22, IPP13(5)
        (https://communitylaw.org.nz/community-law-manual/chapter-9-privacy-and-information/special-privacy-rules-for-specific-areas-and-issues/unique-identifiers-numbers-and-other-identifying-tags-assigned-to-you/;
        https://privacy.org.nz/unique-identifiers-principle-twelve). DPUP Mana Whakahaere
        principle.
    """
    items = collection.items
    recorded, suspected = identifier_items(items, ctx)
    if not recorded and not suspected:
        return not_applicable("No item is recorded as a unique identifier.", "items")
    failing: list[str] = []
    unknown = [f"items[{i}].identifier" for i in suspected if items[i].required is not False]
    within: list[str] = []
    optional: list[str] = [f"items[{i}].required" for i in suspected if items[i].required is False]
    for i, ident in recorded:
        required = items[i].required
        if required is False:
            optional.append(f"items[{i}].required")
        elif required is None:
            unknown.append(f"items[{i}].required")
        elif ident.within_assigned_purpose is None:
            unknown.append(f"items[{i}].identifier.within_assigned_purpose")
        elif ident.within_assigned_purpose:
            within.append(f"items[{i}].identifier.within_assigned_purpose")
        else:
            failing += [f"items[{i}].required", f"items[{i}].identifier.within_assigned_purpose"]
    if failing:
        return not_met(
            "People must give a unique identifier for a purpose it was not assigned for.",
            *failing,
        )
    if unknown:
        return unrecorded(
            "whether people must give each unique identifier, and whether the agency asks for "
            "a purpose it was assigned for",
            *unknown,
        )
    if not within:
        return not_applicable(
            "People may leave out every unique identifier collected.",
            *optional,
        )
    return met(
        "Each unique identifier people must give is asked for a purpose it was assigned for, "
        "or a directly related one.",
        *within,
    )
