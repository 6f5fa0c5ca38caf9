"""PM022 retention-undefined: a Purpose Matters check.

A retention period tied to the purpose is set, and records are not kept past it.

Documented in ``docs/checks.md`` and ``docs/guidelines/purpose-matters.md``; its cases are
in ``tests/checks/purpose_matters/test_pm022_retention_undefined.py``.
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
from dpup.checks.purpose_matters._helpers import identifying_state, present
from dpup.findings import Reviewer, Severity
from dpup.law import Basis, LegalRef
from dpup.model import Collection

__all__ = ["retention_undefined"]


@check(
    id="PM022",
    name="retention-undefined",
    principles=(KT,),
    basis=Basis.LAW,
    legal_refs=(LegalRef.IPP9,),
    severity=Severity.MEDIUM,
    subject=Collection,
    remediation=(
        "Set a retention period tied to the purpose (or a records schedule), and dispose of "
        "records older than it or record why they are still needed."
    ),
    tags=("retention",),
)
def retention_undefined(collection: Collection, ctx: EvaluationContext) -> Outcome:
    """A retention period tied to the purpose is set, and records are not kept past it.

    What it checks:
        A retention period (``retention.period_months``) and its reason
        (``retention.basis``) are recorded; records older than the period
        (``retention.oldest_record_months``) are not met unless a reason is recorded
        (``retention.overdue_reason``), which then needs review. For a collection already
        under way, the age of the oldest record is needed. Collections with nothing
        identifying are not applicable.
    Why it matters:
        IPP9 forbids keeping personal information longer than the lawful purposes need.
        Without a period nobody can tell when that point is reached, and old records become
        a standing risk.
    How to meet it:
        Record the period and what it rests on (the purpose, a law, a records schedule),
        and check the oldest records against it.
    References:
        Privacy Act 2020, IPP9. DPUP Kaitiakitanga principle (keep data only while it is
        useful, relevant and necessary).
    """
    if identifying_state(collection.items) is False:
        return not_applicable("Nothing identifying is collected.", "items")
    retention = collection.retention
    if retention is None or retention.period_months is None:
        return unrecorded("how long the information is kept", "retention.period_months")
    oldest = retention.oldest_record_months
    if oldest is not None and oldest > retention.period_months:
        if present(retention.overdue_reason):
            return needs_review(
                "Records are kept past the retention period, for a recorded reason.",
                "retention.oldest_record_months",
                "retention.overdue_reason",
                reviewer=Reviewer.PRIVACY_OFFICER,
                settle_with=("confirm the reason still justifies keeping the old records",),
            )
        return not_met(
            "Records are kept past the retention period with no reason recorded.",
            "retention.oldest_record_months",
            "retention.period_months",
        )
    if not present(retention.basis):
        return unrecorded("why the retention period suits the purpose", "retention.basis")
    started = collection.collected_on is None or collection.collected_on <= ctx.as_at
    if oldest is None and started:
        return unrecorded("the age of the oldest record held", "retention.oldest_record_months")
    return met("A retention period tied to the purpose is set and kept to.", "retention")
