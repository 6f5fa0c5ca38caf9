"""PM020 purpose-limits-unstated: a Purpose Matters check.

The purpose says what the information won't be used for and who won't see it.

Documented in ``docs/checks.md`` and ``docs/guidelines/purpose-matters.md``; its cases are
in ``tests/checks/purpose_matters/test_pm020_purpose_limits_unstated.py``.
"""

from __future__ import annotations

from dpup.checkdef import KT, MW, EvaluationContext, Outcome, check, met, needs_review, not_met
from dpup.checks.purpose_matters._helpers import present
from dpup.findings import Reviewer, Severity
from dpup.law import Basis, LegalRef
from dpup.model import Purpose

__all__ = ["purpose_limits_unstated"]


@check(
    id="PM020",
    name="purpose-limits-unstated",
    principles=(MW, KT),
    basis=Basis.GOOD_PRACTICE,
    legal_refs=(LegalRef.IPP3,),
    severity=Severity.MEDIUM,
    subject=Purpose,
    remediation=(
        "Add what the information will not be used for and who will not see it, so people "
        "know the limits they can rely on."
    ),
    tags=("purpose-statement", "no-surprises"),
)
def purpose_limits_unstated(purpose: Purpose, ctx: EvaluationContext) -> Outcome:
    """The purpose says what the information won't be used for and who won't see it.

    What it checks:
        The statement lists uses ruled out (``not_used_for``) and people or organisations
        who will not see the information (``not_seen_by``). Both lists empty is not met; one
        of them empty or not recorded needs review.
    Why it matters:
        Stating the limits is what turns a purpose into a promise people can hold the agency
        to. DPUP's template and checklist ask for both, and the frontline summary asks staff
        to tell people what their information won't be used for.
    How to meet it:
        Name the uses that will not happen (for example marketing, or decisions about
        individuals) and who will not see it (for example the funder or other agencies).
    References:
        DPUP toolkit: purpose-statement template ("How": what won't happen, who won't see
        it) and checklist; frontline role summary. Good practice beyond the law.
    """
    limits = {
        "not_used_for": present(purpose.not_used_for),
        "not_seen_by": present(purpose.not_seen_by),
    }
    if all(state is False for state in limits.values()):
        return not_met("The purpose states no limits on use or on who sees it.", *limits)
    if all(state is True for state in limits.values()):
        return met("The purpose states what will not happen and who will not see it.", *limits)
    gaps = [path for path, state in limits.items() if state is not True]
    return needs_review(
        "The purpose states only some of its limits.",
        *gaps,
        reviewer=Reviewer.PRIVACY_OFFICER,
        settle_with=(
            "record what the information will not be used for (not_used_for)",
            "record who will not see it (not_seen_by)",
        ),
    )
