"""SV014 duplicate-reporting: a Sharing Value check.

The agreement does not collect again what is already collected, without a reason.

Documented in ``docs/checks.md`` and ``docs/guidelines/sharing-value.md``; its cases are
in ``tests/checks/sharing_value/test_sv014_duplicate_reporting.py``.
"""

from __future__ import annotations

from dpup.checkdef import (
    MH,
    MN,
    EvaluationContext,
    Outcome,
    check,
    met,
    needs_review,
    not_met,
    unrecorded,
)
from dpup.findings import Reviewer, Severity
from dpup.law import Basis
from dpup.model import SharingAgreement

__all__ = ["duplicate_reporting"]


@check(
    id="SV014",
    name="duplicate-reporting",
    principles=(MH, MN),
    basis=Basis.GOOD_PRACTICE,
    severity=Severity.LOW,
    subject=SharingAgreement,
    remediation=(
        "Reuse information already collected instead of asking providers or families for it "
        "again; where duplication cannot be avoided, record why."
    ),
    tags=("burden",),
)
def duplicate_reporting(agreement: SharingAgreement, ctx: EvaluationContext) -> Outcome:
    """The agreement does not collect again what is already collected, without a reason.

    What it checks:
        ``duplicate_collection`` is false; where it is true, ``duplicate_reason`` says why
        (and a person confirms the reason holds). Duplication with the reason recorded as
        empty (none) is not met; with the reason not recorded at all it needs review, since
        a reason, once recorded, could justify it.
    Why it matters:
        Mahitahitanga asks agencies to cut duplication and the burden on those who collect or
        provide information. Collecting the same facts twice costs providers time that
        belongs to families, and asks people to tell their story again.
    How to meet it:
        Check what the agency and other parties already hold before adding reporting fields;
        record the reason for any duplication that remains.
    References:
        DPUP Mahitahitanga principle (cut duplication and burden); manager behaviours (keep
        reporting easy). Good practice beyond the law.
    """
    duplicate = agreement.duplicate_collection
    if duplicate is None:
        return unrecorded(
            "whether the agreement collects information already collected another way",
            "duplicate_collection",
            reviewer=Reviewer.CONTRACT_MANAGER,
        )
    if not duplicate:
        return met("The agreement collects nothing already collected.", "duplicate_collection")
    reason = agreement.duplicate_reason
    if reason is None:
        return unrecorded(
            "why the agreement collects information again, or an empty reason if there is none",
            "duplicate_reason",
            reviewer=Reviewer.CONTRACT_MANAGER,
        )
    if not reason.strip():
        return not_met(
            "The agreement collects information again, and the record gives no reason.",
            "duplicate_collection",
            "duplicate_reason",
        )
    return needs_review(
        "The agreement collects information again, for a recorded reason.",
        "duplicate_collection",
        "duplicate_reason",
        reviewer=Reviewer.CONTRACT_MANAGER,
        settle_with=("confirm the duplication is needed and cannot be met by sharing",),
    )
