"""PM032 identifier-unprotected: a Purpose Matters check.

An identifier the agency assigns is needed, given once identity is known, and protected.

Documented in ``docs/checks.md`` and ``docs/guidelines/purpose-matters.md``; its cases are
in ``tests/checks/purpose_matters/test_pm032_identifier_unprotected.py``.
"""

from __future__ import annotations

from dpup.checkdef import (
    KT,
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

__all__ = ["identifier_unprotected"]

_FACTS = ("assignment_necessary", "identity_verified", "misuse_protected")


@check(
    id="PM032",
    name="identifier-unprotected",
    principles=(KT,),
    basis=Basis.LAW,
    legal_refs=(LegalRef.IPP13,),
    severity=Severity.MEDIUM,
    subject=Collection,
    remediation=(
        "Assign the agency's own identifiers only where its functions need them, confirm who "
        "the person is before assigning one, and keep the risk of misuse low (show only part "
        "of the number, limit look-ups)."
    ),
    tags=("identifiers", "security"),
    provision="IPP13(1), (4)",
    condition=(
        "An agency assigns a unique identifier only where its functions need it, and takes "
        "reasonable steps to establish identity first and to keep the risk of misuse low."
    ),
)
def identifier_unprotected(collection: Collection, ctx: EvaluationContext) -> Outcome:
    """An identifier the agency assigns is needed, given once identity is known, and protected.

    What it checks:
        For each item recorded as a unique identifier the agency assigns itself
        (``identifier.assigned_by = "this-agency"``, or the ``agency-own`` scheme), three
        recorded facts: assigning it is needed for the agency's functions
        (``identifier.assignment_necessary``), reasonable steps establish who the person is
        before it is assigned (``identifier.identity_verified``), and reasonable steps keep
        the risk of its misuse low (``identifier.misuse_protected``). Any recorded as not is
        not met; any not recorded needs review. Identifiers other agencies assigned are left
        to PM030 and PM031; an item whose name suggests an identifier but that records no
        ``identifier``, or an identifier whose assigner is not recorded, is asked about.
    Why it matters:
        A number the agency gives people becomes the key to their file. Given to the wrong
        person, it joins two people's records; printed in full on letters and receipts, it
        helps someone pass themselves off as them. IPP13 lets an agency assign identifiers
        only where its functions need them, and asks it to take reasonable steps to confirm
        identity first and to keep the risk of misuse low.
    How to meet it:
        Assign a client number only where the service needs one; check identity documents
        or known details before assigning it; show only part of it in correspondence, and
        limit who can search records by it.
    References:
        Privacy Act 2020, s 22, IPP13(1) and the reasonable-steps duties on identity and
        misuse (subclause (4) by our reading; https://privacy.org.nz/unique-identifiers-principle-twelve).
        DPUP Kaitiakitanga principle.
    """
    recorded, suspected = identifier_items(collection.items, ctx)
    unknown = [f"items[{i}].identifier" for i in suspected]
    failing: list[str] = []
    checked: list[str] = []
    for i, ident in recorded:
        base = f"items[{i}].identifier"
        here = ident.assigned_here
        if here is None:
            unknown.append(f"{base}.assigned_by")
            continue
        if not here:
            continue
        for name in _FACTS:
            fact = getattr(ident, name)
            path = f"{base}.{name}"
            if fact is None:
                unknown.append(path)
            elif fact:
                checked.append(path)
            else:
                failing.append(path)
    if failing:
        return not_met(
            "The record says an identifier the agency assigns is not needed, is given without "
            "establishing identity, or is not protected against misuse.",
            *failing,
        )
    if unknown:
        return unrecorded(
            "whether each identifier the agency assigns is needed, given only once identity "
            "is established, and protected against misuse",
            *unknown,
        )
    if not checked:
        paths = [f"items[{i}].identifier" for i, _ in recorded] or ["items"]
        return not_applicable(
            "The agency assigns none of the unique identifiers collected.", *paths
        )
    return met(
        "Each identifier the agency assigns is needed, given once identity is established, "
        "and protected against misuse.",
        *checked,
    )
