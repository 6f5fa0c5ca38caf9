"""PM016 disclosure-beyond-purpose: a Purpose Matters check.

A disclosure stays within the collection purposes, or names an IPP11 ground.

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
)
def disclosure_beyond_purpose(disclosure: Disclosure, ctx: EvaluationContext) -> Outcome:
    """A disclosure stays within the collection purposes, or names an IPP11 ground.

    What it checks:
        For a disclosure (``kind`` is ``disclosure``) of identifying information, every
        purpose it serves (``purposes``) is among the purposes of the collections holding
        its items (found through ``ctx.activity``). Disclosure to the person themselves is
        met, as is one beyond the purposes that a given choice authorises. Any IPP11
        exception or special statute (serious threat, Oranga Tamariki s 66, Family Violence
        Act s 20, a court order ...) needs a legal adviser; no ground is not met.
    Why it matters:
        IPP11 allows disclosure only when the agency reasonably believes an exception
        applies, and the first of them (a collection purpose) can be relied on only if the
        original purposes are known. Special statutes can authorise sharing, but whether
        one applies to a given request is for a person to decide.
    How to meet it:
        Say up front who information will be shared with and why; for anything else, record
        the ground and have it confirmed before disclosing.
    References:
        Privacy Act 2020, IPP11; Oranga Tamariki Act 1989, ss 66 and 66C; Family Violence Act
        2018, s 20. DPUP Purpose Matters: be clear about purpose for sharing.
    """
    return within_purpose(disclosure, ctx, FlowKind.DISCLOSURE)
