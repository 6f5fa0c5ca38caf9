"""PM030 identifier-adopted-from-another-agency: a Purpose Matters check.

The agency does not take another agency's identifier for a person (an IRD or NHI number) as
its own.

Documented in ``docs/checks.md`` and ``docs/guidelines/purpose-matters.md``; its cases are
in ``tests/checks/purpose_matters/test_pm030_identifier_adopted_from_another_agency.py``.
"""

from __future__ import annotations

from dpup.checkdef import (
    KT,
    MW,
    EvaluationContext,
    Outcome,
    check,
    claimed_exception,
    met,
    not_applicable,
    not_met,
    unrecorded,
)
from dpup.checks.purpose_matters._helpers import identifier_items
from dpup.findings import Severity
from dpup.law import Basis, LegalRef
from dpup.model import Collection, Ipp13Exception

__all__ = ["identifier_adopted_from_another_agency"]


@check(
    id="PM030",
    name="identifier-adopted-from-another-agency",
    principles=(KT, MW),
    basis=Basis.LAW,
    legal_refs=(LegalRef.IPP13,),
    severity=Severity.HIGH,
    subject=Collection,
    remediation=(
        "Give people the agency's own client or file number and keep another agency's "
        "identifier only as a reference for dealing with that agency; or record the IPP13 "
        "exception relied on and have it confirmed."
    ),
    tags=("identifiers",),
    provision="IPP13(2)",
    condition=(
        "The agency does not assign to a person, as its own unique identifier, one it knows "
        "another agency has assigned to them, unless an exception applies."
    ),
)
def identifier_adopted_from_another_agency(
    collection: Collection, ctx: EvaluationContext
) -> Outcome:
    """The agency does not take another agency's identifier for a person as its own.

    What it checks:
        For each item recorded as a unique identifier (``items[].identifier``) that another
        agency assigned (``identifier.assigned_by``, or else a named ``scheme`` such as
        ``ird-number`` or ``nhi-number``), whether the agency uses it as its own identifier
        for the person (``identifier.used_as_own``). Recording it only to deal with the
        agency that assigned it is met. Used as the agency's own, it is not met where the
        record says no exception applies (``identifier.reuse_exception = "none"``), needs a
        legal adviser where an exception is claimed, and needs review where the exception is
        not recorded. An item whose name suggests an identifier (an "ird-number" item) but
        that records no ``identifier`` is asked about; identifiers the agency assigns itself
        are left to PM032.
    Why it matters:
        IPP13 stops agencies building their records on one another's numbers, which would
        let information about a person be matched across agencies and drift into a single
        all-purpose number. The Privacy Commissioner's guidance gives the example that it
        stops the Government giving people one number for all their dealings with it.
        Keeping another agency's number, so the agency can talk to that agency about the
        person, is not assigning it.
    How to meet it:
        Give people the agency's own number, and record another agency's identifier only as
        a reference for dealing with that agency. If the agency relies on an exception (the
        agencies are associated persons, a code of practice, another law), record it and
        have it confirmed.
    References:
        Privacy Act 2020, s 22, IPP13(2)
        (https://privacy.org.nz/unique-identifiers-principle-twelve). DPUP Kaitiakitanga
        principle.
    """
    recorded, suspected = identifier_items(collection.items, ctx)
    if not recorded and not suspected:
        return not_applicable("No item is recorded as a unique identifier.", "items")
    failing: list[str] = []
    unknown = [f"items[{i}].identifier" for i in suspected]
    claimed: list[str] = []
    reused: list[str] = []
    relevant = bool(suspected)
    for i, ident in recorded:
        base = f"items[{i}].identifier"
        here = ident.assigned_here
        if here is True:
            continue
        relevant = True
        if here is None:
            unknown.append(f"{base}.assigned_by")
            continue
        origin = f"{base}.{ident.assigner_path}"
        if ident.used_as_own is None:
            unknown.append(f"{base}.used_as_own")
        elif not ident.used_as_own:
            reused.append(f"{base}.used_as_own")
        elif ident.reuse_exception is None:
            unknown.append(f"{base}.reuse_exception")
        elif ident.reuse_exception is Ipp13Exception.NONE:
            failing += [origin, f"{base}.used_as_own", f"{base}.reuse_exception"]
        else:
            claimed += [origin, f"{base}.used_as_own", f"{base}.reuse_exception"]
    if not relevant:
        return not_applicable(
            "Every unique identifier recorded is one the agency assigned itself (see PM032).",
            *(f"items[{i}].identifier" for i, _ in recorded),
        )
    if failing:
        return not_met(
            "The agency uses another agency's identifier for people as its own, and the record "
            "says no IPP13 exception applies.",
            *failing,
        )
    if unknown:
        return unrecorded(
            "who assigned each unique identifier, whether the agency uses it as its own, and "
            "any IPP13 exception relied on",
            *unknown,
        )
    if claimed:
        return claimed_exception(
            "The agency uses another agency's identifier for people as its own, under a "
            "claimed IPP13 exception.",
            *claimed,
            settle_with=(
                "confirm the recorded IPP13 exception applies to this identifier and record "
                "why (items[].identifier.reuse_exception)",
            ),
        )
    return met(
        "Identifiers other agencies assigned are recorded only to deal with those agencies, "
        "not used as the agency's own.",
        *reused,
    )
