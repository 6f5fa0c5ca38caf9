"""PM015 use-beyond-purpose: a Purpose Matters check.

A use inside the agency stays within the collection purposes, or names an IPP10 ground.

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
)
def use_beyond_purpose(disclosure: Disclosure, ctx: EvaluationContext) -> Outcome:
    """A use inside the agency stays within the collection purposes, or names an IPP10 ground.

    What it checks:
        For a use (``kind`` is ``use``) of identifying information, every purpose it serves
        (``purposes``) is among the purposes of the collections holding its items (found
        through ``ctx.activity``). Beyond them, a recorded authorisation backed by a given
        choice is met; any IPP10 exception (directly related purpose, statistics, serious
        threat, a statute ...) needs a legal adviser, even when the use is within purpose;
        no ground is not met.
    Why it matters:
        IPP10 stops information being repurposed. Whether a later use is "directly related"
        or otherwise excepted is a judgement a person must make and record, which is why
        DPUP insists the original purposes be known and stated.
    How to meet it:
        Keep uses within the stated purposes, or record the ground relied on and have a
        privacy officer or legal adviser confirm it.
    References:
        Privacy Act 2020, IPP10. DPUP Purpose Matters: be clear about purpose and use.
    """
    return within_purpose(disclosure, ctx, FlowKind.USE)
