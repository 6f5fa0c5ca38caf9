"""TC022 breach-commissioner-not-notified: a Transparency and Choice check.

A notifiable privacy breach is notified to the Privacy Commissioner as soon as practicable.

Documented in ``docs/checks.md`` and ``docs/guidelines/transparency-and-choice.md``; its cases are
in ``tests/checks/transparency_and_choice/test_tc022_breach_commissioner_not_notified.py``.
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
    not_yet_due,
    unrecorded,
)
from dpup.checks.transparency_and_choice._helpers import breach_notice_due, notifiable_gate
from dpup.findings import Reviewer, Severity
from dpup.law import Basis, LegalRef
from dpup.model import Breach

__all__ = ["breach_commissioner_not_notified"]

_AWARE = "when the agency became aware of the breach"


@check(
    id="TC022",
    name="breach-commissioner-not-notified",
    principles=(KT, MW),
    basis=Basis.LAW,
    legal_refs=(LegalRef.PA_S114,),
    severity=Severity.HIGH,
    subject=Breach,
    remediation=(
        "Tell the Privacy Commissioner of a notifiable breach as soon as practicable after "
        "you become aware of it (the Commissioner expects it within 72 hours; NotifyUs takes "
        "a first notice that you can add to later), and record the day you did."
    ),
    tags=("breach", "part-6", "deadline"),
    applies=notifiable_gate,
    provision="s 114",
    condition=(
        "An agency that becomes aware of a notifiable privacy breach tells the Privacy "
        "Commissioner as soon as practicable."
    ),
)
def breach_commissioner_not_notified(breach: Breach, ctx: EvaluationContext) -> Outcome:
    """A notifiable privacy breach is notified to the Privacy Commissioner as soon as practicable.

    What it checks:
        For a breach recorded as notifiable (``notifiable``, or else the assessment's
        ``serious_harm_likely``), the day the Commissioner was told
        (``commissioner_notified_on``) against the day the agency became aware
        (``aware_on``). Within ``Settings.breach_notice_days`` (three days, the
        Commissioner's published 72-hour expectation) is met. Later needs review: the Act
        asks only for notice "as soon as practicable", so lateness against the guidance is
        never on its own a breach of the Act; a recorded ``delay_reason`` goes to the
        privacy officer, none to a legal adviser. Not yet told while the period runs is not
        yet due, with its due date. Recorded as not told (``commissioner_notified`` false)
        once the period has passed is not met when the reason for the delay is recorded as
        empty (there is none): no exception in the Act excuses telling the Commissioner. With
        a reason recorded, or none recorded at all, a legal adviser weighs it. A breach
        recorded as not notifiable is not applicable.
    Why it matters:
        Telling the Commissioner lets the Office help contain the harm and check that the
        people affected are told. Failing to tell the Commissioner of a notifiable breach
        without reasonable excuse is an offence under the Act, with a fine of up to
        $10,000.
    How to meet it:
        Notify through the Commissioner's NotifyUs tool as soon as the assessment shows
        serious harm is likely; a first notice can be given before everything is known
        and added to later (s 117). Record the day, and why if it took longer than three
        days.
    References:
        Privacy Act 2020, s 114 (notify the Commissioner), s 117 (what a notice contains and
        giving it in stages). Privacy Commissioner, "How long is 72 hours?" (guidance, not
        statute).
    """
    due = breach_notice_due(breach, ctx)
    told_on = breach.commissioner_notified_on
    if told_on is not None:
        if due is None:
            return unrecorded(_AWARE, "aware_on")
        if told_on <= due:
            return met(
                "The Commissioner was told within the period the Commissioner expects.",
                "commissioner_notified_on",
                "aware_on",
            )
        if breach.delay_reason is not None:
            return needs_review(
                "The Commissioner was told later than the period the Commissioner expects; "
                "a reason is recorded, so a person confirms notice came as soon as practicable.",
                "commissioner_notified_on",
                "aware_on",
                "delay_reason",
                reviewer=Reviewer.PRIVACY_OFFICER,
                settle_with=(
                    "confirm the recorded reason shows notice could not practicably have "
                    "been given sooner",
                ),
            )
        return needs_review(
            "The Commissioner was told later than the period the Commissioner expects, and "
            "no reason is recorded.",
            "commissioner_notified_on",
            "aware_on",
            reviewer=Reviewer.LEGAL_ADVISER,
            settle_with=(
                "record why notice took longer (delay_reason)",
                "confirm notice was given as soon as practicable",
            ),
        )
    if breach.commissioner_notified:
        return unrecorded("the day the Commissioner was told", "commissioner_notified_on")
    if due is not None and ctx.as_at <= due:
        return not_yet_due(
            "The Commissioner has not been told yet; the period the Commissioner expects "
            "has not passed.",
            "aware_on",
            due_on=due,
        )
    if breach.commissioner_notified is False:
        if due is None:
            return unrecorded(_AWARE, "aware_on")
        reason = breach.delay_reason
        if reason is None or reason.strip():
            # "As soon as practicable" is the statute's test, and the Commissioner's period
            # only guidance: a reason recorded (or one that may exist but is not recorded)
            # is for a person to weigh. Only a reason recorded as empty settles it.
            return needs_review(
                "The breach is notifiable and the Commissioner has not been told, after the "
                "period the Commissioner expects has passed.",
                "commissioner_notified",
                breach.notifiable_path,
                "aware_on",
                reviewer=Reviewer.LEGAL_ADVISER,
                settle_with=(
                    "record why the Commissioner has not been told (delay_reason), or an "
                    "empty reason if there is none",
                    "confirm whether notice can still be said to come as soon as practicable",
                ),
            )
        return not_met(
            "The breach is notifiable and the Commissioner has not been told, after the "
            "period the Commissioner expects has passed, and no reason is recorded.",
            "commissioner_notified",
            breach.notifiable_path,
            "aware_on",
            "delay_reason",
        )
    return unrecorded("whether and when the Commissioner was told", "commissioner_notified_on")
