"""TC015 not-told-afterwards: a Transparency and Choice check.

People are told afterwards about a flow they were not told about beforehand.

Documented in ``docs/checks.md`` and ``docs/guidelines/transparency-and-choice.md``; its cases are
in ``tests/checks/transparency_and_choice/test_tc015_not_told_afterwards.py``.
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
from dpup.checks.transparency_and_choice._helpers import NO_CONTEXT
from dpup.facts import notice_gaps
from dpup.findings import Reviewer, Severity
from dpup.law import Basis, LegalRef
from dpup.model import Disclosure

__all__ = ["not_told_afterwards"]


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
        a good reason justifies silence. Not told, with the notice shown not to cover the
        flow and the reason recorded as empty (none), is not met. With the reason not
        recorded at all it needs review instead: a good reason, once recorded, could
        justify not telling. A flow people were told about beforehand does not need this
        check.
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
                f"record what the notice said ({', '.join(unknown)})" if unknown else NO_CONTEXT,
            ),
        )
    if disclosure.reason_not_told is None:
        return needs_review(
            "The person was not told about this flow, before or after, and whether there is "
            "a reason not to tell them is not recorded.",
            "person_told",
            *gaps.unlisted,
            "reason_not_told",
            reviewer=Reviewer.PRIVACY_OFFICER,
            settle_with=(
                "tell the person what was shared, with whom and why, and record it (person_told)",
                "or record why they were not told, or an empty reason if there is none "
                "(reason_not_told)",
            ),
        )
    return not_met(
        "The person was not told about this flow, before or after, and the record gives no "
        "reason for not telling them.",
        "person_told",
        *gaps.unlisted,
        "reason_not_told",
    )
