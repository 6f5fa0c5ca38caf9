"""Code shared by more than one Transparency and Choice check."""

from __future__ import annotations

from datetime import date, timedelta

from dpup.checkdef import EvaluationContext, Outcome, not_applicable, unrecorded
from dpup.model import Breach

__all__ = ["NO_CONTEXT", "breach_notice_due", "notifiable_gate"]


NO_CONTEXT = "evaluate the disclosure with its activity as context"


def notifiable_gate(breach: Breach, _ctx: EvaluationContext) -> Outcome | None:
    """The ``applies=`` gate of the breach notification checks (TC022, TC023).

    Not applicable to a breach recorded as not notifiable; a request for the fact when
    neither ``notifiable`` nor the harm assessment's conclusion is recorded.
    """
    notifiable = breach.is_notifiable
    if notifiable is None:
        return unrecorded(
            "whether the breach is notifiable", "notifiable", "harm_assessment.serious_harm_likely"
        )
    if not notifiable:
        return not_applicable(
            "The breach is recorded as not notifiable, so nobody need be told of it.",
            breach.notifiable_path,
        )
    return None


def breach_notice_due(breach: Breach, ctx: EvaluationContext) -> date | None:
    """The last day of the Commissioner's expected notice period, or None without `aware_on`.

    The period is ``Settings.breach_notice_days`` (guidance, not statute) counted from the
    day the agency became aware of the breach.
    """
    if breach.aware_on is None:
        return None
    try:
        return breach.aware_on + timedelta(days=ctx.settings.breach_notice_days)
    except OverflowError:  # a period set past the end of the calendar: never due
        return date.max
