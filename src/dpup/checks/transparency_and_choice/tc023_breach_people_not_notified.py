"""TC023 breach-people-not-notified: a Transparency and Choice check.

The people affected by a notifiable privacy breach are told, or a statutory ground not to is
named.

Documented in ``docs/checks.md`` and ``docs/guidelines/transparency-and-choice.md``; its cases are
in ``tests/checks/transparency_and_choice/test_tc023_breach_people_not_notified.py``.
"""

from __future__ import annotations

from dpup.checkdef import (
    HT,
    MW,
    EvaluationContext,
    Outcome,
    check,
    claimed_exception,
    met,
    needs_review,
    not_met,
    not_yet_due,
    unrecorded,
)
from dpup.checks.transparency_and_choice._helpers import breach_notice_due, notifiable_gate
from dpup.findings import Reviewer, Severity
from dpup.law import Basis, LegalRef
from dpup.model import Breach, NotificationException

__all__ = ["breach_people_not_notified"]

_AWARE = "when the agency became aware of the breach"


@check(
    id="TC023",
    name="breach-people-not-notified",
    principles=(MW, HT),
    basis=Basis.LAW,
    legal_refs=(LegalRef.PA_S115, LegalRef.PA_S116),
    severity=Severity.HIGH,
    subject=Breach,
    remediation=(
        "Tell the people affected by a notifiable breach as soon as practicable, or give "
        "public notice where telling each one is not reasonably practicable; where you rely "
        "on a ground in s 116 not to tell them, or not yet, record it and have it confirmed."
    ),
    tags=("breach", "part-6", "deadline"),
    applies=notifiable_gate,
    provision="s 115(1)",
    condition=(
        "An agency that becomes aware of a notifiable privacy breach tells each person "
        "affected as soon as practicable, unless a ground in s 116 applies."
    ),
)
def breach_people_not_notified(breach: Breach, ctx: EvaluationContext) -> Outcome:
    """The people affected by a notifiable privacy breach are told, or a ground not to is named.

    What it checks:
        For a breach recorded as notifiable, whether the people affected were told
        (``people_notified_on`` or ``people_notified``): told is met. Public notice in
        their place (``public_notice_on``) needs review: a person confirms that telling
        each one was not reasonably practicable. A statutory ground for not telling them,
        or not yet (``people_exception``), needs review by a legal adviser. Not yet told
        while ``Settings.breach_notice_days`` runs from ``aware_on`` is not yet due (the
        Act sets no period here; dpup uses the Commissioner's one as the point to ask).
        Recorded as not told, with ``none`` recorded as the ground and the period passed,
        is not met, unless a ``delay_reason`` is recorded, which a person weighs. Anything
        not recorded needs review. A breach recorded as not notifiable is not applicable.
    Why it matters:
        People told of a breach can protect themselves: move a child's school, change a
        password, warn whānau, watch for contact from the person who has their file.
        Failing to tell them when the Act requires it is an interference with their
        privacy that they can complain to the Commissioner about.
    How to meet it:
        Tell each person, or their representative where the Act allows, in a way they will
        understand, saying what happened, what you are doing and what they can do. Where
        you cannot reach each one, give public notice that names none of them. Where a
        ground in s 116 applies (their safety, an investigation, a child under 16 whose
        interests it would not serve), record it, have it confirmed, and tell them once it
        no longer applies.
    References:
        Privacy Act 2020, s 115 (notify the people affected, or give public notice), s 116
        (exceptions and delay). Privacy Regulations 2020 (how public notice is given).
    """
    if breach.people_notified_on is not None:
        return met("The people affected were told.", "people_notified_on")
    if breach.people_notified:
        return met("The people affected were told.", "people_notified")
    if breach.public_notice_on is not None:
        return claimed_exception(
            "Public notice was given in place of telling each person affected.",
            "public_notice_on",
            reviewer=Reviewer.PRIVACY_OFFICER,
            settle_with=(
                "confirm telling each person affected was not reasonably practicable",
                "confirm the public notice names none of them",
            ),
        )
    ground = breach.people_exception
    if ground is not None and ground is not NotificationException.NONE:
        if ground.is_delay:
            return claimed_exception(
                "Telling the people affected is delayed on a statutory ground.",
                "people_exception",
                settle_with=(
                    "confirm the risk to the security of the information outweighs the "
                    "benefit of telling them now",
                    "record when the delay ends and tell them then",
                ),
            )
        return claimed_exception(
            "A statutory ground for not telling the people affected is relied on.",
            "people_exception",
            settle_with=(
                "confirm the ground applies to this breach",
                "consider telling a representative, and tell them if the ground stops applying",
            ),
        )
    due = breach_notice_due(breach, ctx)
    if due is not None and ctx.as_at <= due:
        return not_yet_due(
            "The people affected have not been told yet; the period dpup allows before "
            "asking has not passed.",
            "aware_on",
            due_on=due,
        )
    if breach.people_notified is None:
        return unrecorded("whether and when the people affected were told", "people_notified_on")
    if ground is None:
        return unrecorded(
            "whether a ground in s 116 for not telling the people affected applies",
            "people_exception",
            reviewer=Reviewer.LEGAL_ADVISER,
        )
    if due is None:
        return unrecorded(_AWARE, "aware_on")
    if breach.delay_reason is not None:
        return needs_review(
            "The people affected have not been told and no statutory ground is relied on; "
            "a reason for the delay is recorded.",
            "people_notified",
            "people_exception",
            "delay_reason",
            reviewer=Reviewer.PRIVACY_OFFICER,
            settle_with=(
                "confirm telling them is not yet practicable, or tell them now",
                "give public notice if telling each one is not reasonably practicable",
            ),
        )
    return not_met(
        "The breach is notifiable, the people affected have not been told, and no ground "
        "for not telling them is recorded.",
        "people_notified",
        "people_exception",
        breach.notifiable_path,
        "aware_on",
    )
