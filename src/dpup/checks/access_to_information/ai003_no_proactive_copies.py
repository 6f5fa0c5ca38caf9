"""AI003 no-proactive-copies: a Access to Information check.

People get copies of their information without having to ask.

Documented in ``docs/checks.md`` and ``docs/guidelines/access-to-information.md``; its cases are
in ``tests/checks/access_to_information/test_ai003_no_proactive_copies.py``.
"""

from __future__ import annotations

from dpup.checkdef import (
    MW,
    EvaluationContext,
    Outcome,
    check,
    met,
    needs_review,
    not_met,
    unrecorded,
)
from dpup.findings import Reviewer, Severity
from dpup.law import Basis
from dpup.model import AccessPractice

__all__ = ["no_proactive_copies"]


@check(
    id="AI003",
    name="no-proactive-copies",
    principles=(MW,),
    basis=Basis.GOOD_PRACTICE,
    severity=Severity.LOW,
    subject=AccessPractice,
    remediation=(
        "Give people copies of their information at a set point (e.g. at the end of a "
        "programme or after each assessment) without waiting to be asked."
    ),
    tags=("proactive",),
)
def no_proactive_copies(practice: AccessPractice, ctx: EvaluationContext) -> Outcome:
    """People get copies of their information without having to ask.

    What it checks:
        The agency gives copies proactively (``proactive_copies``) at a defined point
        (``proactive_copies_when``).
    Why it matters:
        DPUP's Mana Whakahaere principle says people should not have to rely on Privacy Act
        requests to see what is held about them. A copy at the end of a programme is proof of
        their own story and costs the agency little.
    How to meet it:
        Choose a trigger (programme end, after each assessment) and give copies then.
    References:
        DPUP Mana Whakahaere principle; Access to Information guideline; frontline and
        manager behaviours. Good practice beyond the law.
    """
    if practice.proactive_copies is None:
        return unrecorded("whether copies are given without a request", "proactive_copies")
    if not practice.proactive_copies:
        return not_met("Copies are given only on request.", "proactive_copies")
    if not (practice.proactive_copies_when and practice.proactive_copies_when.strip()):
        return needs_review(
            "Copies are given proactively, but no point at which they are given is recorded.",
            "proactive_copies_when",
            reviewer=Reviewer.SERVICE_MANAGER,
            settle_with=("record when copies are given (proactive_copies_when)",),
        )
    return met("Copies are given without a request.", "proactive_copies", "proactive_copies_when")
