"""AI025 response-commitment-beyond-limit: a Access to Information check.

The agency's standing promise on how fast it decides requests fits the Privacy Act's limit.

Documented in ``docs/checks.md`` and ``docs/guidelines/access-to-information.md``; its cases are
in ``tests/checks/access_to_information/test_ai025_response_commitment_beyond_limit.py``.
"""

from __future__ import annotations

from dpup.calendar import DECISION_WORKING_DAYS
from dpup.checkdef import (
    MW,
    EvaluationContext,
    Outcome,
    check,
    met,
    not_applicable,
    not_met,
    unrecorded,
)
from dpup.findings import Reviewer, Severity
from dpup.law import Basis, LegalRef
from dpup.model import Activity

__all__ = ["response_commitment_beyond_limit"]

_PATH = "$.access_practice.response_working_days"


def _handles_requests(activity: Activity, _ctx: EvaluationContext) -> Outcome | None:
    """The ``applies=`` gate: an activity with an access practice or with requests recorded."""
    if (
        activity.access_practice is None
        and not activity.access_requests
        and not activity.correction_requests
    ):
        return not_applicable(
            "Neither an access practice nor any request to see or correct information is recorded.",
            "$.access_requests",
            "$.correction_requests",
        )
    return None


@check(
    id="AI025",
    name="response-commitment-beyond-limit",
    principles=(MW,),
    basis=Basis.GOOD_PRACTICE,
    legal_refs=(LegalRef.PA_S44, LegalRef.PA_S48, LegalRef.IPP6, LegalRef.IPP7),
    severity=Severity.MEDIUM,
    subject=Activity,
    remediation=(
        "Commit to deciding requests to see or correct information as soon as you reasonably "
        "can and within 20 working days at most, and record that commitment "
        "(access_practice.response_working_days); use a s 48 extension, request by request, "
        "only where one is truly needed."
    ),
    tags=("access-practice", "deadline"),
    applies=_handles_requests,
)
def response_commitment_beyond_limit(activity: Activity, _ctx: EvaluationContext) -> Outcome:
    """The agency's standing promise on how fast it decides requests fits the Privacy Act's limit.

    What it checks:
        The number of working days the agency commits to for deciding a request to see or
        correct information (``access_practice.response_working_days``) is 20 or fewer. More
        than 20 is not met; not recorded needs review. It applies to an activity that records
        an access practice or any access or correction request, and is not applicable
        otherwise. Each request's own deadline is AI005's and AI013's.
    Why it matters:
        The Privacy Act 2020 (s 44) makes an agency decide a request as soon as reasonably
        practicable and within 20 working days of receiving it; a longer time is allowed only
        by extending a particular request's limit under s 48, on the grounds that section
        sets out. A published or standing promise of, say, 30 working days is not itself a
        breach, since no request has yet been decided late, but every request handled to that
        promise without a valid extension would be decided late. It also tells people to
        expect less than the law gives them. This is reported as good practice about the
        agency's practice, not as a breach of the Act.
    How to meet it:
        Set the standing commitment at 20 working days or fewer (shorter is better: the Act
        asks for a decision as soon as reasonably practicable), say so where people learn how
        to ask, and record it.
    References:
        Privacy Act 2020, s 44 (decision within 20 working days) and s 48 (extensions)
        (https://www.legislation.govt.nz/act/public/2020/0031/latest/whole.html); IPP6 and
        IPP7. DPUP Access to Information; Mana Whakahaere principle.
    """
    practice = activity.access_practice
    days = practice.response_working_days if practice is not None else None
    if days is None:
        return unrecorded(
            "how many working days the agency commits to for deciding a request",
            _PATH,
            reviewer=Reviewer.PRIVACY_OFFICER,
            settle_with=(
                "record the working days within which the agency commits to deciding "
                "requests to see or correct information (access_practice.response_working_days)",
            ),
        )
    if days > DECISION_WORKING_DAYS:
        return not_met(
            "The agency commits to deciding requests in more working days than the Privacy "
            "Act allows without extending a particular request's limit.",
            _PATH,
        )
    return met("The agency commits to deciding requests within the Privacy Act's limit.", _PATH)
