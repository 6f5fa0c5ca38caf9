"""PM038 security-not-reviewed: a Purpose Matters check.

How the information is kept secure, and the tools staff use for it, are reviewed regularly.

Documented in ``docs/checks.md`` and ``docs/guidelines/purpose-matters.md``; its cases are
in ``tests/checks/purpose_matters/test_pm038_security_not_reviewed.py``.
"""

from __future__ import annotations

from dpup.checkdef import (
    KT,
    EvaluationContext,
    Outcome,
    check,
    met,
    needs_review,
    not_met,
    unrecorded,
)
from dpup.findings import Reviewer, Severity
from dpup.law import Basis, LegalRef
from dpup.model import Activity

__all__ = ["security_not_reviewed"]


@check(
    id="PM038",
    name="security-not-reviewed",
    principles=(KT,),
    basis=Basis.GOOD_PRACTICE,
    legal_refs=(LegalRef.IPP5,),
    severity=Severity.MEDIUM,
    subject=Activity,
    remediation=(
        "Review how the activity's information is kept secure at least once a year, ask "
        "staff whether they have the tools to keep it secure (secure messaging, devices, "
        "lockable storage), and fix the gaps the review finds."
    ),
    tags=("security",),
)
def security_not_reviewed(activity: Activity, ctx: EvaluationContext) -> Outcome:
    """How the information is kept secure, and the tools staff use for it, are reviewed regularly.

    What it checks:
        The most recent security review (``security_review.last_on``) is no older, as at
        the evaluation date, than ``Settings.security_review_interval_days`` (365 days by
        default), and it asked whether staff have the tools they need to keep the
        information secure (``security_review.staff_tools_checked``). A review older than
        the interval, or one recorded as leaving staff tools out, is not met. A review
        dated after the evaluation date cannot show what was done by then, so it needs
        review.
    Why it matters:
        DPUP's role guide for people who manage frontline services treats holding people's
        information as a privilege that carries a duty of care, and asks managers to review
        security regularly and to make sure staff have what they need. Safeguards chosen
        once drift out of date as systems, staff and threats change, and staff without a
        secure way to do their work find insecure ones.
    How to meet it:
        Set a review rhythm, include a conversation with staff about the tools they use
        (how they message, where they keep notes, which devices they carry), act on what
        it finds, and record the date (``security_review``).
    References:
        DPUP "Managing frontline services" role guide, Kaitiakitanga behaviours. Good
        practice beyond the law; the Privacy Act 2020 requires reasonable security
        safeguards (IPP5) but sets no review interval.
    """
    review = activity.security_review
    if review is None or review.last_on is None:
        return unrecorded(
            "when the security of the activity's information was last reviewed",
            "security_review.last_on",
            reviewer=Reviewer.PRIVACY_OFFICER,
        )
    if review.last_on > ctx.as_at:
        return needs_review(
            "The recorded security review is dated after the evaluation date.",
            "security_review.last_on",
            reviewer=Reviewer.PRIVACY_OFFICER,
            settle_with=(
                "record the review finished on or before the evaluation date "
                "(security_review.last_on), or evaluate as at a later date",
            ),
        )
    if (ctx.as_at - review.last_on).days > ctx.settings.security_review_interval_days:
        return not_met(
            "The most recent security review is older than the review interval.",
            "security_review.last_on",
        )
    tools = review.staff_tools_checked
    if tools is None:
        return unrecorded(
            "whether the security review asked if staff have the tools they need",
            "security_review.staff_tools_checked",
            reviewer=Reviewer.PRIVACY_OFFICER,
        )
    if not tools:
        return not_met(
            "The security review did not ask whether staff have the tools they need.",
            "security_review.staff_tools_checked",
        )
    return met(
        "Security was reviewed within the interval, including the tools staff use.",
        "security_review.last_on",
        "security_review.staff_tools_checked",
    )
