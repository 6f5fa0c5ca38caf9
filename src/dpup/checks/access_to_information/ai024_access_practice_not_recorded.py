"""AI024 access-practice-not-recorded: a Access to Information check.

The activity records how people can see and correct the information it holds about them.

Documented in ``docs/checks.md`` and ``docs/guidelines/access-to-information.md``; its cases are
in ``tests/checks/access_to_information/test_ai024_access_practice_not_recorded.py``.
"""

from __future__ import annotations

from dpup.checkdef import (
    MW,
    EvaluationContext,
    Outcome,
    check,
    met,
    not_applicable,
    unrecorded,
)
from dpup.findings import Reviewer, Severity
from dpup.law import Basis, LegalRef
from dpup.model import Activity

__all__ = ["access_practice_not_recorded"]


def _holds_information(activity: Activity, _ctx: EvaluationContext) -> Outcome | None:
    """The ``applies=`` gate: only an activity that records collecting information."""
    if not activity.collections:
        return not_applicable(
            "No collection of information is recorded, so there is nothing to see or correct.",
            "$.collections",
        )
    return None


@check(
    id="AI024",
    name="access-practice-not-recorded",
    principles=(MW,),
    basis=Basis.GOOD_PRACTICE,
    legal_refs=(LegalRef.IPP6, LegalRef.IPP7),
    severity=Severity.LOW,
    subject=Activity,
    remediation=(
        "Record the activity's access practice (access_practice): how people are told of "
        "their rights, the informal ways they can see their records, whether copies are "
        "offered, and how requests and corrections are handled."
    ),
    tags=("access-practice", "not-recorded"),
    applies=_holds_information,
)
def access_practice_not_recorded(activity: Activity, _ctx: EvaluationContext) -> Outcome:
    """The activity records how people can see and correct the information it holds about them.

    What it checks:
        An activity that records collecting information (``collections``) records its
        everyday access practice (``access_practice``). Each part of that practice is judged
        by a check of its own (AI001 to AI003 and AI017 to AI021); those checks look at a
        practice that is recorded, so when the whole part is left out they have nothing to
        look at. This check asks for the part once instead, rather than letting its absence
        read as "nothing to check". Left out, it needs review; it is never "not met", since
        an absent record shows nothing about what people can actually do.
    Why it matters:
        DPUP's Access to Information guideline asks agencies to make it easy for people to
        see and correct what is held about them, without having to make a formal request.
        Nobody can tell whether an activity does that when its practice is not written down,
        and the legal rights to access and correction (Privacy Act 2020, IPP6 and IPP7) are
        only as useful as the way people are helped to use them.
    How to meet it:
        Record the practice: how people are told about their rights at enrolment, which
        informal routes to their records exist, whether copies are offered without a
        request, how access preferences are noted, and how requests are received.
    References:
        DPUP Access to Information: make it easy to access and request corrections. Privacy
        Act 2020, IPP6 and IPP7. Good practice: the Act does not require the practice to be
        written down.
    """
    if activity.access_practice is None:
        return unrecorded(
            "how people can see and correct their information (the access practice)",
            "$.access_practice",
            reviewer=Reviewer.PRIVACY_OFFICER,
            settle_with=(
                "record the activity's access practice (access_practice), so the checks of "
                "each of its parts can run",
            ),
        )
    return met("The activity records its access practice.", "$.access_practice")
