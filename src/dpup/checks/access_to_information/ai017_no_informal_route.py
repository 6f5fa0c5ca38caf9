"""AI017 no-informal-route: a Access to Information check.

People can see their records informally, without a formal request.

Documented in ``docs/checks.md`` and ``docs/guidelines/access-to-information.md``; its cases are
in ``tests/checks/access_to_information/test_ai017_no_informal_route.py``.
"""

from __future__ import annotations

from dpup.checkdef import KT, MW, EvaluationContext, Outcome, check, met, not_met, unrecorded
from dpup.findings import Severity
from dpup.law import Basis
from dpup.model import AccessPractice

__all__ = ["no_informal_route"]


@check(
    id="AI017",
    name="no-informal-route",
    principles=(MW, KT),
    basis=Basis.GOOD_PRACTICE,
    severity=Severity.MEDIUM,
    subject=AccessPractice,
    remediation=(
        "Offer everyday ways to see records without a formal request: share the screen, give "
        "a printout, talk it through, copy people in on referrals."
    ),
    tags=("informal",),
)
def no_informal_route(practice: AccessPractice, ctx: EvaluationContext) -> Outcome:
    """People can see their records informally, without a formal request.

    What it checks:
        At least one informal route (``informal_routes``: screen sharing, printouts, a photo
        of the screen, an emailed copy, copies of referrals, talking it through) is offered.
        An empty list means a formal request is the only way.
    Why it matters:
        DPUP's Mana Whakahaere principle says people should not have to rely on Privacy Act
        requests. Showing someone their record on the screen takes a minute and lets them
        point out mistakes on the spot.
    How to meet it:
        Make informal access part of ordinary sessions, and tell staff it is allowed.
    References:
        DPUP Access to Information: make it easy to access and request corrections. Good
        practice beyond the law.
    """
    routes = practice.informal_routes
    if routes is None:
        return unrecorded("how people can see their records informally", "informal_routes")
    if not routes:
        return not_met("A formal request is the only way to see records.", "informal_routes")
    return met("People can see their records without a formal request.", "informal_routes")
