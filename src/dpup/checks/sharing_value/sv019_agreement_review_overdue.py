"""SV019 agreement-review-overdue: a Sharing Value check.

The parties review a sharing, funding or partnering agreement by the date it sets for review.

Documented in ``docs/checks.md`` and ``docs/guidelines/sharing-value.md``; its cases are
in ``tests/checks/sharing_value/test_sv019_agreement_review_overdue.py``.
"""

from __future__ import annotations

from dpup.checkdef import (
    KT,
    MH,
    EvaluationContext,
    Outcome,
    check,
    met,
    not_met,
    not_yet_due,
    unrecorded,
)
from dpup.findings import Reviewer, Severity
from dpup.law import Basis
from dpup.model import SharingAgreement

__all__ = ["agreement_review_overdue"]


@check(
    id="SV019",
    name="agreement-review-overdue",
    principles=(MH, KT),
    basis=Basis.GOOD_PRACTICE,
    severity=Severity.LOW,
    subject=SharingAgreement,
    remediation=(
        "Meet the other parties to review the agreement: whether the information it carries "
        "is still needed, still used only as agreed and still fair to the people it is "
        "about. Record the day of the review and the date of the next one."
    ),
    tags=("agreement", "deadline"),
)
def agreement_review_overdue(agreement: SharingAgreement, ctx: EvaluationContext) -> Outcome:
    """A sharing, funding or partnering agreement is reviewed by the date it sets for review.

    What it checks:
        The date the agreement is next to be reviewed (``review_on``) against the day the
        parties last reviewed it (``last_reviewed_on``), as at the evaluation date. A review
        on or after the review date is met. Before the review date, with no such review yet,
        the review is not yet due (the finding carries the review date). Once the review date
        has passed, a last review recorded before it is not met, and no last review recorded
        needs review naming it. No review date recorded needs review naming it.
    Why it matters:
        DPUP's funding, contracting and partnering guidance asks the parties to agree, as
        equals, how the information flowing between them is looked after, and the stewardship
        it asks for does not end at signing. Services, reporting needs and people's
        expectations move on; a review on the agreed date is when the parties confirm that
        what flows is still needed, still used only as agreed, and still what people were
        told. An agreement whose review date passes unnoticed keeps carrying information on
        terms nobody has looked at since.
    How to meet it:
        Set a review date in the agreement, put it in both parties' calendars, review it
        together on or before that date, and record the day of the review
        (``last_reviewed_on``) along with the next review date.
    References:
        DPUP funding, contracting and partnering checklist
        (https://dpup.swa.govt.nz/use/funding-contracting-and-partnering/checklist/), and the
        Mahitahitanga and Kaitiakitanga principles. Good practice beyond the law: an agreement
        reviewed late is a gap against DPUP, never a breach of law.
    """
    review_on = agreement.review_on
    if review_on is None:
        return unrecorded(
            "when the agreement is next due for review",
            "review_on",
            reviewer=Reviewer.CONTRACT_MANAGER,
        )
    last = agreement.last_reviewed_on
    if last is not None and last >= review_on:
        return met(
            "The agreement was reviewed on or after its review date.",
            "review_on",
            "last_reviewed_on",
        )
    if review_on >= ctx.as_at:
        # On the review date itself a review is still on time (`not_yet_due`'s ``due_on`` is
        # the last day that is), as for the Access to Information deadlines.
        return not_yet_due(
            "The agreement's review date has not passed and it is not yet reviewed.",
            "review_on",
            due_on=review_on,
        )
    if last is None:
        return unrecorded(
            "when the agreement was last reviewed",
            "last_reviewed_on",
            reviewer=Reviewer.CONTRACT_MANAGER,
        )
    return not_met(
        "The agreement's review date has passed and its last recorded review is earlier.",
        "review_on",
        "last_reviewed_on",
    )
