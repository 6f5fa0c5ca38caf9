"""PM016 disclosure-beyond-purpose: a Purpose Matters check.

A disclosure keeps within its own items' collection purposes, or names an IPP11 ground.

Documented in ``docs/checks.md`` and ``docs/guidelines/purpose-matters.md``; its cases are
in ``tests/checks/purpose_matters/test_pm016_disclosure_beyond_purpose.py``.
"""

from __future__ import annotations

from dpup.checkdef import KT, MH, EvaluationContext, Outcome, check
from dpup.checks.purpose_matters._helpers import within_purpose
from dpup.findings import Severity
from dpup.law import Basis, LegalRef
from dpup.model import Disclosure, FlowKind

__all__ = ["disclosure_beyond_purpose"]


@check(
    id="PM016",
    name="disclosure-beyond-purpose",
    principles=(KT, MH),
    basis=Basis.LAW,
    legal_refs=(LegalRef.IPP11,),
    severity=Severity.HIGH,
    subject=Disclosure,
    remediation=(
        "Disclose information only for the purposes it was collected for; otherwise record "
        "the IPP11 exception or statutory power relied on (Oranga Tamariki Act, Family "
        "Violence Act, a court order ...) and have it confirmed."
    ),
    tags=("disclosure", "cross-object"),
    provision="IPP11(1)",
    condition=(
        "Personal information is disclosed only for a purpose it was obtained for (or one "
        "directly related), or where the agency reasonably believes another IPP11(1) "
        "exception applies."
    ),
)
def disclosure_beyond_purpose(disclosure: Disclosure, ctx: EvaluationContext) -> Outcome:
    """A disclosure keeps within its own items' collection purposes, or names an IPP11 ground.

    What it checks:
        For a disclosure (``kind`` is ``disclosure``) that identifies or may identify people,
        each disclosed item (``items[]``) is looked up in the collections that hold it
        (through ``ctx.activity``) and the purposes the disclosure serves (``purposes``) are
        compared with that item's own purposes (``InformationItem.purposes``, or its
        collection's ``purposes`` where the item lists none), not with everything the
        collection was for. An item collected for none of the purposes served, or a purpose
        served that no item was collected for, goes beyond purpose: not met when the ground
        recorded is no exception (the collection purpose, or none), needs review when no
        ground is recorded at all. An item collected for only some of several purposes
        served, an item no collection holds, or purposes not recorded need review.
        Disclosure to the person themselves is met, as is one beyond purpose that a given
        choice authorises. Any IPP11 exception or special statute (serious threat, Oranga
        Tamariki s 66, Family Violence Act s 20, a court order ...) needs a legal adviser.
    Why it matters:
        IPP11 allows disclosure only when the agency reasonably believes an exception
        applies, and the first of them (a purpose the information was obtained for) can be
        relied on only if that purpose is known for the information actually sent. A name
        collected to run a programme does not become funder reporting because the same form
        also asked for counts the funder receives. Special statutes can authorise sharing,
        but whether one applies to a given request is for a person to decide.
    How to meet it:
        Record what each item is collected for, say up front who information will be shared
        with and why, and send only the items collected for that purpose; for anything else,
        record the ground and have it confirmed before disclosing.
    References:
        Privacy Act 2020, IPP11(1)
        (https://privacy.org.nz/the-privacy-act-and-codes/privacy-principles/limits-on-disclosure-of-personal-information-principle-11);
        Oranga Tamariki Act 1989, ss 66 and 66C; Family Violence Act 2018, s 20. DPUP
        Purpose Matters: be clear about purpose for sharing.
    """
    return within_purpose(disclosure, ctx, FlowKind.DISCLOSURE)
