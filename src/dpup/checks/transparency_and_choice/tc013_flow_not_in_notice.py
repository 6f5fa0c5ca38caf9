"""TC013 flow-not-in-notice: a Transparency and Choice check.

Every actual recipient and use appears in what people were told ("no surprises").

Documented in ``docs/checks.md`` and ``docs/guidelines/transparency-and-choice.md``; its cases are
in ``tests/checks/transparency_and_choice/test_tc013_flow_not_in_notice.py``.
"""

from __future__ import annotations

from dpup.checkdef import (
    KT,
    MW,
    EvaluationContext,
    Outcome,
    check,
    met,
    needs_review,
    not_met,
    unrecorded,
)
from dpup.checks.transparency_and_choice._helpers import NO_CONTEXT
from dpup.facts import notice_gaps
from dpup.findings import Reviewer, Severity
from dpup.law import Basis, LegalRef
from dpup.model import Disclosure

__all__ = ["flow_not_in_notice"]


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
        review. The evidence names the notice entries that leave the flow out
        (``uses_explained``, or ``purpose`` where the explained purposes were read from it)
        and the disclosure's recipient or purposes that they leave out.
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
            settle_with=(NO_CONTEXT,),
        )
    gaps = notice_gaps(activity, disclosure, ctx)
    if gaps.unlisted:
        if disclosure.identifiable:
            # The disclosure's own side of each gap: its recipient, its purposes, or both.
            left_out = {p.endswith(".recipients") for p in gaps.unlisted}
            own = [
                path for path, gap in (("recipient", True), ("purposes", False)) if gap in left_out
            ]
            return not_met(
                "People were not told about this identifying flow when their information "
                "was collected.",
                *gaps.unlisted,
                *own,
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
