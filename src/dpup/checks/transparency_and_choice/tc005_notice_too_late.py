"""TC005 notice-too-late: a Transparency and Choice check.

People are told before or at collection, or as soon as practicable after with a reason.

Documented in ``docs/checks.md`` and ``docs/guidelines/transparency-and-choice.md``; its cases are
in ``tests/checks/transparency_and_choice/test_tc005_notice_too_late.py``.
"""

from __future__ import annotations

from dpup.checkdef import (
    MW,
    EvaluationContext,
    Outcome,
    check,
    met,
    needs_review,
    not_applicable,
    not_met,
    unrecorded,
)
from dpup.findings import Reviewer, Severity
from dpup.law import Basis, LegalRef
from dpup.model import Collection, NoticeTiming

__all__ = ["notice_too_late"]


@check(
    id="TC005",
    name="notice-too-late",
    principles=(MW,),
    basis=Basis.LAW,
    legal_refs=(LegalRef.IPP3,),
    severity=Severity.HIGH,
    subject=Collection,
    remediation=(
        "Tell people before or while their information is collected. Where that truly is not "
        "practicable, tell them as soon as practicable afterwards and record why it was late."
    ),
    tags=("notice", "timing"),
)
def notice_too_late(collection: Collection, ctx: EvaluationContext) -> Outcome:
    """People are told before or at collection, or as soon as practicable after with a reason.

    What it checks:
        For information collected from the person, when the notice was given
        (``notice.timing``). Before or at collection is met. Afterwards needs review when a
        reason is recorded (``notice.late_reason``) and is not met without one. Never telling
        is not met unless an IPP3 exception is recorded, which needs review.
    Why it matters:
        IPP3 asks for the steps to be taken before collection or, if that is not
        practicable, as soon as practicable after it. People deciding what to share need to
        know the terms first; a notice that arrives later cannot shape that decision.
    How to meet it:
        Give the explanation at enrolment or intake, before the questions start. When it
        cannot be done then (for example in a crisis), record why and follow up promptly.
    References:
        Privacy Act 2020, IPP3(2) and IPP3(4). DPUP Transparency and Choice: help people to
        understand (tell people beforehand if practicable).
    """
    if collection.source is not None and not collection.source.direct:
        return not_applicable("Information is not collected from the person (see IPP3A).")
    notice = collection.notice
    if notice is None or notice.timing is None:
        return unrecorded("when people were told", "notice.timing")
    if notice.timing in (NoticeTiming.BEFORE, NoticeTiming.AT):
        return met("People are told before or at collection.", "notice.timing")
    if notice.exception is not None:
        return needs_review(
            "People are not told before collection, and an IPP3 exception is claimed.",
            "notice.timing",
            "notice.exception",
            reviewer=Reviewer.PRIVACY_OFFICER,
            settle_with=("confirm the recorded exception applies and why (notice.exception)",),
        )
    if notice.timing is NoticeTiming.NEVER:
        return not_met("People are never told about the collection.", "notice.timing")
    if notice.late_reason is not None and notice.late_reason.strip():
        return needs_review(
            "People are told only after collection; a reason is recorded.",
            "notice.timing",
            "notice.late_reason",
            reviewer=Reviewer.PRIVACY_OFFICER,
            settle_with=(
                "confirm telling people beforehand was not practicable (notice.late_reason)",
                "confirm they were told as soon as practicable afterwards (notice.timing)",
            ),
        )
    return not_met(
        "People are told only after collection, and no reason is recorded.",
        "notice.timing",
        "notice.late_reason",
    )
