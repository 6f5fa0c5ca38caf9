"""Transparency and Choice: "no surprises" for each actual use and disclosure.

TC013 and TC015. Listed in id order in ``dpup.checks.transparency.CHECKS``.
"""

from __future__ import annotations

from dpup.checks._tc_shared import KT, MW, notice_gaps
from dpup.checks._util import unrecorded
from dpup.engine import (
    EvaluationContext,
    Outcome,
    check,
    met,
    needs_review,
    not_applicable,
    not_met,
)
from dpup.findings import Reviewer, Severity
from dpup.law import Basis, LegalRef
from dpup.model import Disclosure

__all__ = ["flow_not_in_notice", "not_told_afterwards"]

_NO_CONTEXT = "evaluate the disclosure with its activity as context"


@check(
    id="TC013",
    name="flow-not-in-notice",
    principles=(MW, KT),
    basis=Basis.GOOD_PRACTICE,
    legal_refs=(LegalRef.IPP3, LegalRef.IPP11),
    severity=Severity.HIGH,
    subject=Disclosure,
    remediation=(
        "Add the recipient and the use to what people are told when the information is "
        "collected, or stop the flow until they have been told."
    ),
    tags=("no-surprises", "cross-object"),
)
def flow_not_in_notice(disclosure: Disclosure, ctx: EvaluationContext) -> Outcome:
    """Every actual recipient and use appears in what people were told ("no surprises").

    What it checks:
        The disclosure's recipient and purposes are compared with the notices of the
        collections its items come from. A recipient is listed when its name occurs,
        ignoring case, within one of the notice's recipient entries; a purpose is listed
        when the notice explains it (``notice.uses_explained``, or the collection's own
        purposes where the notice is recorded as explaining the purpose). A disclosure on a
        lawful override ground counts as listed where the notice explains that ground. An
        identifying flow missing from a notice is not met; a non-identifying one needs
        review.
    Why it matters:
        DPUP's most important transparency test is "no surprises": would people be
        surprised by who uses their information or what for? IPP3 asks that people know the
        purposes and intended recipients when information is collected.
    How to meet it:
        Keep the notice in step with what actually happens: list each recipient by name and
        each use, including reports to funders and courts.
    References:
        DPUP Transparency and Choice checklist ("no surprises"). Privacy Act 2020,
        IPP3(1)(b) and (c), IPP11.
    """
    activity = ctx.activity
    if activity is None:
        return needs_review(
            "The disclosure cannot be compared with what people were told without its activity.",
            reviewer=Reviewer.PRIVACY_OFFICER,
            settle_with=(_NO_CONTEXT,),
        )
    gaps = notice_gaps(activity, disclosure, ctx)
    if gaps.unlisted:
        if disclosure.identifiable:
            return not_met(
                "People were not told about this identifying flow when their information "
                "was collected.",
                *gaps.unlisted,
                "recipient",
                "purposes",
            )
        if disclosure.identifiable is False:
            return needs_review(
                "People were not told about this non-identifying flow when their information "
                "was collected.",
                *gaps.unlisted,
                "identifiable",
                reviewer=Reviewer.PRIVACY_OFFICER,
                settle_with=("add the flow to the notice, or confirm it is explained another way",),
            )
        return needs_review(
            "People were not told about this flow when their information was collected, "
            "and whether it identifies them is not recorded.",
            *gaps.unlisted,
            "identifiable",
            reviewer=Reviewer.PRIVACY_OFFICER,
            settle_with=("record whether the flow identifies people (identifiable)",),
        )
    if gaps.unknown:
        return unrecorded("whether people were told about this flow", *gaps.unknown)
    return met(
        "People were told about this recipient and use when their information was collected.",
        "recipient",
        "purposes",
    )


@check(
    id="TC015",
    name="not-told-afterwards",
    principles=(MW,),
    basis=Basis.GOOD_PRACTICE,
    legal_refs=(LegalRef.IPP3,),
    severity=Severity.MEDIUM,
    subject=Disclosure,
    remediation=(
        "When people could not be told about a use or disclosure beforehand, tell them "
        "afterwards, or record the good reason for not telling them."
    ),
    tags=("no-surprises", "cross-object"),
)
def not_told_afterwards(disclosure: Disclosure, ctx: EvaluationContext) -> Outcome:
    """People are told afterwards about a flow they were not told about beforehand.

    What it checks:
        For a disclosure or use that the notices of its source collections do not cover (or
        may not cover), whether the person was told about it (``person_told``). Told is
        met. Not told with a reason recorded (``reason_not_told``) needs review, since only
        a good reason justifies silence. Not told with no reason is not met. A flow people
        were told about beforehand does not need this check.
    Why it matters:
        DPUP asks agencies that could not tell people in advance to tell them afterwards,
        unless there is good reason not to, and to do this even for non-identifying uses.
        Finding out by accident, for example from a court report, destroys trust.
    How to meet it:
        Tell the person what was shared, with whom and why, as soon as it is safe; where
        telling them would cause harm, record why.
    References:
        DPUP Mana Whakahaere principle (tell people afterwards). Privacy Act 2020, IPP3(2)
        (as soon as practicable after collection); the collection-level timing is TC005.
    """
    if disclosure.person_told:
        return met("The person was told about this flow.", "person_told")
    activity = ctx.activity
    gaps = notice_gaps(activity, disclosure, ctx) if activity is not None else None
    if gaps is not None and gaps.told:
        return not_applicable("People were told about this flow beforehand.")
    if disclosure.person_told is None:
        return unrecorded("whether the person was told about this flow", "person_told")
    if disclosure.reason_not_told is not None and disclosure.reason_not_told.strip():
        return needs_review(
            "The person was not told about this flow; a reason is recorded.",
            "person_told",
            "reason_not_told",
            reviewer=Reviewer.PRIVACY_OFFICER,
            settle_with=("confirm the reason justifies not telling the person (reason_not_told)",),
        )
    if gaps is None or not gaps.unlisted:
        unknown = gaps.unknown if gaps is not None else ()
        return needs_review(
            "The person was not told about this flow afterwards, and whether they were told "
            "beforehand is not known.",
            "person_told",
            *unknown,
            reviewer=Reviewer.PRIVACY_OFFICER,
            settle_with=(
                f"record what the notice said ({', '.join(unknown)})" if unknown else _NO_CONTEXT,
            ),
        )
    return not_met(
        "The person was not told about this flow, before or after, and no reason is recorded.",
        "person_told",
        "reason_not_told",
    )
