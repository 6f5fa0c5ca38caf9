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
from dpup.model import Collection, Ipp3Exception, NoticeTiming

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
    provision="IPP3(2)",
    condition=(
        "The IPP3(1) steps are taken before the information is collected or, where that is "
        "not practicable, as soon as practicable after, unless an IPP3 exception applies."
    ),
)
def notice_too_late(collection: Collection, ctx: EvaluationContext) -> Outcome:
    """People are told before or at collection, or as soon as practicable after with a reason.

    What it checks:
        For information collected from the person, when the notice was given
        (``notice.timing``). Before or at collection is met. Afterwards needs review when a
        reason is recorded (``notice.late_reason``) or when none is recorded (the field left
        out), and is not met when the reason recorded is blank. Never telling is not met
        only when the record says no exception applies (``notice.exception`` is ``none``);
        a claimed IPP3 exception, or none recorded, needs review, and a ground only IPP3A
        provides is sent for review as such.
    Why it matters:
        IPP3 asks for the steps to be taken before collection or, if that is not
        practicable, as soon as practicable after it. People deciding what to share need to
        know the terms first; a notice that arrives later cannot shape that decision.
    How to meet it:
        Give the explanation at enrolment or intake, before the questions start. When it
        cannot be done then (for example in a crisis), record why and follow up promptly.
    References:
        Privacy Act 2020, IPP3(2) and IPP3(4)
        (https://privacy.org.nz/privacy-act-2020/privacy-principles/3). DPUP Transparency
        and Choice: help people to understand (tell people beforehand if practicable).
    """
    if collection.source is not None and not collection.source.direct:
        return not_applicable("Information is not collected from the person (see IPP3A).")
    notice = collection.notice
    if notice is None or notice.timing is None:
        return unrecorded("when people were told", "notice.timing")
    if notice.timing in (NoticeTiming.BEFORE, NoticeTiming.AT):
        return met("People are told before or at collection.", "notice.timing")
    exception = notice.exception
    if exception is not None and exception is not Ipp3Exception.NONE:
        if not exception.under_ipp3:
            return needs_review(
                "People are not told before collection, and the exception recorded is one "
                "IPP3A provides for information collected from someone else, not an IPP3 one.",
                "notice.timing",
                "notice.exception",
                reviewer=Reviewer.LEGAL_ADVISER,
                settle_with=("record the IPP3 exception relied on, if any (notice.exception)",),
            )
        return needs_review(
            "People are not told before collection, and an IPP3 exception is claimed.",
            "notice.timing",
            "notice.exception",
            reviewer=Reviewer.PRIVACY_OFFICER,
            settle_with=("confirm the recorded exception applies and why (notice.exception)",),
        )
    if notice.timing is NoticeTiming.NEVER:
        if exception is None:
            return unrecorded(
                "whether an IPP3 exception applies, since people are never told",
                "notice.exception",
            )
        return not_met(
            "People are never told about the collection, and no exception applies.",
            "notice.timing",
            "notice.exception",
        )
    if notice.late_reason is None:
        return unrecorded(
            "why people were told only after collection (whether telling them first was "
            "practicable)",
            "notice.late_reason",
        )
    if notice.late_reason.strip():
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
        "People are told only after collection, and the reason recorded is blank.",
        "notice.timing",
        "notice.late_reason",
    )
