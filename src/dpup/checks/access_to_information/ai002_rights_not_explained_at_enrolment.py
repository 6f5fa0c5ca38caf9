"""AI002 rights-not-explained-at-enrolment: a Access to Information check.

People are told their access and correction rights when they start, and how to use them.

Documented in ``docs/checks.md`` and ``docs/guidelines/access-to-information.md``; its cases are
in ``tests/checks/access_to_information/test_ai002_rights_not_explained_at_enrolment.py``.
"""

from __future__ import annotations

from dpup.checkdef import KT, MW, EvaluationContext, Outcome, check, met, not_met, unrecorded
from dpup.findings import Severity
from dpup.law import Basis, LegalRef
from dpup.model import AccessPractice

__all__ = ["rights_not_explained"]


@check(
    id="AI002",
    name="rights-not-explained-at-enrolment",
    principles=(MW, KT),
    basis=Basis.GOOD_PRACTICE,
    legal_refs=(LegalRef.IPP3,),
    severity=Severity.MEDIUM,
    subject=AccessPractice,
    remediation=(
        "When people start, tell them unprompted that they can see their notes and ask for "
        "corrections, and how simple that is."
    ),
    tags=("rights",),
)
def rights_not_explained(practice: AccessPractice, ctx: EvaluationContext) -> Outcome:
    """People are told their access and correction rights when they start, and how to use them.

    What it checks:
        Rights are explained at enrolment (``rights_explained_at_enrolment``), including how
        to use them (``how_to_ask_explained``, e.g. "just ask the facilitator").
    Why it matters:
        People often do not know they can see or correct what is held about them, and
        uncertainty stops them using services. DPUP asks agencies to offer this information
        unprompted, beyond the bare IPP3 statement of rights.
    How to meet it:
        Make explaining rights, and how easy they are to use, part of every enrolment.
    References:
        DPUP Access to Information: help people understand their rights. Privacy Act 2020,
        IPP3(1) (rights stated at collection).
    """
    explained = practice.rights_explained_at_enrolment
    how = practice.how_to_ask_explained
    if explained is False:
        return not_met(
            "Rights are not explained when people start.", "rights_explained_at_enrolment"
        )
    if explained is None:
        return unrecorded(
            "whether rights are explained at enrolment", "rights_explained_at_enrolment"
        )
    if how is False:
        return not_met(
            "Rights are stated, but people are not told how to use them.", "how_to_ask_explained"
        )
    if how is None:
        return unrecorded("whether people are told how to ask", "how_to_ask_explained")
    return met(
        "Rights, and how to use them, are explained at enrolment.", "rights_explained_at_enrolment"
    )
