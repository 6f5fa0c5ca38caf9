"""PM015 use-beyond-purpose: a Purpose Matters check.

A use keeps within the purposes its own items were collected for, or names an IPP10 ground.

Documented in ``docs/checks.md`` and ``docs/guidelines/purpose-matters.md``; its cases are
in ``tests/checks/purpose_matters/test_pm015_use_beyond_purpose.py``.
"""

from __future__ import annotations

from dpup.checkdef import HT, KT, EvaluationContext, Outcome, check
from dpup.checks.purpose_matters._helpers import within_purpose
from dpup.findings import Severity
from dpup.law import Basis, LegalRef
from dpup.model import Disclosure, FlowKind

__all__ = ["use_beyond_purpose"]


@check(
    id="PM015",
    name="use-beyond-purpose",
    principles=(HT, KT),
    basis=Basis.LAW,
    legal_refs=(LegalRef.IPP10,),
    severity=Severity.HIGH,
    subject=Disclosure,
    remediation=(
        "Use information only for the purposes it was collected for; for any other use, "
        "record the IPP10 ground (for example the person's authorisation) and have it checked."
    ),
    tags=("use", "cross-object"),
    provision="IPP10(1)",
    condition=(
        "Personal information obtained for one purpose is used for another only where the "
        "agency reasonably believes an IPP10(1) exception applies."
    ),
)
def use_beyond_purpose(disclosure: Disclosure, ctx: EvaluationContext) -> Outcome:
    """A use keeps within the purposes its own items were collected for, or names an IPP10 ground.

    What it checks:
        For a use (``kind`` is ``use``) that identifies or may identify people, each item
        used (``items[]``) is looked up in the collections that hold it (through
        ``ctx.activity``) and the purposes the use serves (``purposes``) are compared with
        that item's own purposes (``InformationItem.purposes``, or its collection's
        ``purposes`` where the item lists none). An item collected for none of the purposes
        served, or a purpose served that no item was collected for, goes beyond purpose: not
        met when the ground recorded is no exception, needs review when no ground is
        recorded. An item collected for only some of several purposes served, an untraced
        item, or unrecorded purposes need review. Beyond purpose, a recorded authorisation
        backed by a given choice is met; any IPP10 exception (directly related purpose,
        statistics, serious threat, a statute ...) needs a legal adviser, even when the use
        is within purpose.
    Why it matters:
        IPP10 stops information being repurposed, and the purpose that counts is the one the
        particular information was obtained for. Whether a later use is "directly related"
        or otherwise excepted is a judgement a person must make and record, which is why
        DPUP insists the original purposes be known and stated.
    How to meet it:
        Record what each item is collected for, keep uses within those purposes, or record
        the ground relied on and have a privacy officer or legal adviser confirm it.
    References:
        Privacy Act 2020, IPP10(1)
        (https://privacy.org.nz/privacy-act-2020/privacy-principles/10). DPUP Purpose
        Matters: be clear about purpose and use.
    """
    return within_purpose(disclosure, ctx, FlowKind.USE)
