"""Access to Information: make it easy for people to see and correct their information.

Source: DPUP's Access to Information guideline; Privacy Act 2020 IPP6, IPP7 and Part 4.
See ``docs/guidelines/access-to-information.md``.
"""

from __future__ import annotations

from typing import Any

from dpup.checks._rules import Rule
from dpup.checks._util import unrecorded
from dpup.engine import (
    Check,
    EvaluationContext,
    Outcome,
    check,
    met,
    needs_review,
    not_applicable,
    not_met,
)
from dpup.findings import Reviewer, Severity
from dpup.law import Basis, LegalRef
from dpup.model import AccessPractice, CorrectionRequest
from dpup.policy import Principle

__all__ = ["CHECKS", "RULES"]

_MN = Principle.MANAAKITANGA
_MW = Principle.MANA_WHAKAHAERE
_KT = Principle.KAITIAKITANGA
_MH = Principle.MAHITAHITANGA


@check(
    id="AI001",
    name="formal-request-required",
    principles=(_MW,),
    basis=Basis.LAW,
    legal_refs=(LegalRef.IPP6, LegalRef.PA_PART4),
    severity=Severity.HIGH,
    subject=AccessPractice,
    remediation=(
        "Accept requests in any form, spoken ones included, and tell people they can simply "
        "ask; never send them to a lawyer or a 'formal Privacy Act request'."
    ),
    tags=("requests",),
)
def formal_request_required(practice: AccessPractice, ctx: EvaluationContext) -> Outcome:
    """Requests to see information are accepted in any form, without a lawyer.

    What it checks:
        The agency's practice does not insist that requests be written
        (``requires_writing``) or go through a lawyer or formal process (``requires_lawyer``).
    Why it matters:
        The Privacy Act sets no form for an access request: a spoken request starts the same
        duties as a letter. Sending people to a lawyer or a formal process puts a barrier in
        front of a right, and DPUP says people should not have to rely on formal requests.
    How to meet it:
        Treat any request, however made, as a request; record oral ones; tell people they can
        just ask their worker.
    References:
        Privacy Act 2020, IPP6 and Part 4. DPUP Access to Information; Mana Whakahaere
        principle; the DPUP quiz's answer on written requests.
    """
    flags = {
        "requires_writing": practice.requires_writing,
        "requires_lawyer": practice.requires_lawyer,
    }
    barriers = [path for path, value in flags.items() if value]
    if barriers:
        return not_met("The agency insists on a written, formal or lawyer-made request.", *barriers)
    unknown = [path for path, value in flags.items() if value is None]
    if unknown:
        return unrecorded("whether the agency insists on written or formal requests", *unknown)
    return met("Requests are accepted in any form.", *flags)


@check(
    id="AI002",
    name="rights-not-explained-at-enrolment",
    principles=(_MW, _KT),
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


@check(
    id="AI003",
    name="no-proactive-copies",
    principles=(_MW,),
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


@check(
    id="AI004",
    name="correction-recipients-not-told",
    principles=(_KT, _MH),
    basis=Basis.LAW,
    legal_refs=(LegalRef.IPP7,),
    severity=Severity.HIGH,
    subject=CorrectionRequest,
    remediation=(
        "Tell everyone who received the information about the correction (or the attached "
        "statement), or record why that was not reasonably practicable."
    ),
    tags=("correction", "cross-object"),
)
def correction_recipients_not_told(
    correction: CorrectionRequest, ctx: EvaluationContext
) -> Outcome:
    """Everyone who received corrected information is told of the correction.

    What it checks:
        After information is corrected, or a statement of correction attached, each
        disclosure that carried it (``disclosures``) has its recipient told (``notified``).
        Recipients not told need a recorded reason (``not_notified_reason``).
    Why it matters:
        IPP7 requires an agency that corrects information, or attaches a statement, to
        inform those it disclosed the information to, so far as reasonably practicable. A
        court left holding a wrong report can decide a person's future on it.
    How to meet it:
        Send the corrected version, or the statement, to every recipient, and record it.
    References:
        Privacy Act 2020, IPP7 (the duty to inform recipients is unverified in its exact
        subclause). DPUP Access to Information.
    """
    if correction.corrected is False and correction.statement_attached is not True:
        return not_applicable("Nothing was corrected and no statement was attached.", "corrected")
    if correction.corrected is None and correction.statement_attached is None:
        return unrecorded(
            "whether the information was corrected", "corrected", "statement_attached"
        )
    if correction.disclosures is None:
        return unrecorded("which disclosures carried the corrected information", "disclosures")
    if not correction.disclosures:
        return not_applicable("The information was never disclosed.", "disclosures")
    if correction.notified is None:
        return unrecorded("which recipients were told of the correction", "notified")
    told = set(correction.notified)
    missing = [f"disclosures[{i}]" for i, d in enumerate(correction.disclosures) if d not in told]
    if not missing:
        return met("Every recipient was told of the correction.", "disclosures", "notified")
    if correction.not_notified_reason and correction.not_notified_reason.strip():
        return needs_review(
            "Some recipients were not told, for a recorded reason.",
            *missing,
            "not_notified_reason",
            reviewer=Reviewer.PRIVACY_OFFICER,
            settle_with=(
                "confirm telling the remaining recipients was not reasonably practicable",
            ),
        )
    return not_met("Some recipients of the information were not told of the correction.", *missing)


CHECKS: tuple[Check[Any], ...] = (
    formal_request_required,
    rights_not_explained,
    no_proactive_copies,
    correction_recipients_not_told,
)

RULES: tuple[Rule, ...] = (
    Rule("AI-04", "Requests accepted in any form; no writing or lawyer requirement", ("AI001",)),
    Rule("AI-10", "Rights explained at enrolment", ("AI002",)),
    Rule("AI-11", "Proactive copies without a request", ("AI003",)),
    Rule("AI-18", "Everyone who received corrected information is told", ("AI004",)),
)
"""Access to Information rules (domain reference section 9.3) and their coverage."""
