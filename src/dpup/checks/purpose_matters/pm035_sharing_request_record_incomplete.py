"""PM035 sharing-request-record-incomplete: a Purpose Matters check.

A request for information under the Oranga Tamariki or Family Violence Act is fully recorded.

Documented in ``docs/checks.md`` and ``docs/guidelines/purpose-matters.md``; its cases are
in ``tests/checks/purpose_matters/test_pm035_sharing_request_record_incomplete.py``.
"""

from __future__ import annotations

from dpup.checkdef import (
    HT,
    KT,
    MW,
    EvaluationContext,
    Outcome,
    check,
    claimed_exception,
    met,
    not_applicable,
    not_met,
    unrecorded,
)
from dpup.findings import Severity
from dpup.law import Basis, LegalRef
from dpup.model import RequesterKind, SharingRegime, SharingRequest

__all__ = ["sharing_request_record_incomplete"]


_OFFICIAL = frozenset({RequesterKind.ORANGA_TAMARIKI, RequesterKind.POLICE})
"""Who may make a s 66 request: Oranga Tamariki (its chief executive or a care and protection
co-ordinator) or the Police (a constable)."""


def _facts(request: SharingRequest) -> dict[str, bool | None]:
    """The record a request needs, by path: ``True`` kept, ``False`` failing, ``None`` gap.

    The assessment's author and date are asked for unless the record says no assessment was
    made. What was shared, and whether the person was told, are asked for only where
    something was supplied; whether privilege was relied on, only where something was
    withheld. A person recorded as not told needs a reason: an empty one fails.
    """
    facts: dict[str, bool | None] = {
        "requester": request.requester is not None or None,
        "received_on": request.received_on is not None or None,
        "assessed": request.assessed,
    }
    if request.assessed is not False:
        facts["assessed_by"] = request.assessed_by is not None or None
        facts["assessed_on"] = request.assessed_on is not None or None
    decision = request.decision
    facts["decision"] = decision is not None or None
    if decision is None:
        return facts
    if decision.shares:
        facts["items"] = bool(request.items) or None
        told = request.person_told
        facts["person_told"] = True if told is not None else None
        if told is False:
            reason = request.reason_not_told
            facts["reason_not_told"] = None if reason is None else bool(reason.strip())
    if decision.withholds:
        facts["privilege_claimed"] = request.privilege_claimed is not None or None
    return facts


@check(
    id="PM035",
    name="sharing-request-record-incomplete",
    principles=(HT, KT, MW),
    basis=Basis.GOOD_PRACTICE,
    legal_refs=(LegalRef.OT_S66, LegalRef.OT_S66C, LegalRef.FV_S20, LegalRef.FV_S24),
    severity=Severity.MEDIUM,
    subject=SharingRequest,
    remediation=(
        "Keep a record of each request made under the Oranga Tamariki or Family Violence Act: "
        "who asked and when, who assessed it and when, what was decided and shared, whether "
        "legal professional privilege was relied on, and whether the person was told once it "
        "was safe (or why not). Have a legal adviser look at any refusal of a s 66 request "
        "and any claim of privilege."
    ),
    tags=("sharing", "oranga-tamariki", "family-violence", "requests"),
)
def sharing_request_record_incomplete(request: SharingRequest, ctx: EvaluationContext) -> Outcome:
    """A request for information under the Oranga Tamariki or Family Violence Act is fully recorded.

    What it checks:
        For a request made under the Oranga Tamariki Act (s 66 or s 66C) or the Family
        Violence Act (s 20), the record holds who asked (``requester``), when
        (``received_on``), that it was assessed, by whom and when (``assessed``,
        ``assessed_by``, ``assessed_on``), the decision (``decision``); where something was
        supplied, what (``items``) and whether the person was told once it was safe
        (``person_told``, or ``reason_not_told``); and, where something was withheld, whether
        legal professional privilege was relied on (``privilege_claimed``). Each gap needs
        review, naming it. The record saying the request was answered without an assessment,
        or that the person was not told with no reason, is not met (good practice, not a
        breach of law). A complete record is met, except where a legal judgement remains,
        which goes to a legal adviser: any reliance on privilege; a s 66 request refused or
        partly refused (s 66 lets an agency withhold only what privilege covers); and a s 66
        request from anyone but Oranga Tamariki or the Police. A request under another Act,
        or whose law is not recorded, is not applicable or asks for the law.
    Why it matters:
        Requests under these Acts override the usual limits on disclosure, often without the
        person's knowledge. A record of who asked, for what, how the request was weighed and
        what went lets the agency show it acted within the law, answer the person later, and
        keep the people it serves trusting it. DPUP asks that people are told about sharing
        when it is safe and appropriate to tell them. dpup does not decide whether a request
        was lawfully made or answered: that is a legal adviser's call.
    How to meet it:
        Log each request when it arrives; have a named role assess it (is it a request the
        Act allows, from someone it lets ask, for a purpose it lists; is anything privileged);
        record the decision and what was sent; and tell the person, or their whānau, when
        it is safe, recording why if it is not.
    References:
        Oranga Tamariki Act 1989, s 66 (agencies must supply information on request of the
        chief executive, a care and protection co-ordinator or a constable; privilege
        excepted) at
        https://www.legislation.govt.nz/act/public/1989/0024/latest/DLM150049.html and s 66C
        (child welfare and protection agencies may share for listed purposes) at
        https://www.legislation.govt.nz/act/public/1989/0024/latest/LMS220126.html. Family
        Violence Act 2018, ss 20 and 24 (sharing for listed purposes, and the duty to
        consider it), as the Privacy Commissioner's guidance describes them at
        https://www.privacy.org.nz/resources-and-learning/a-z-topics/information-sharing-childrens-wellbeing-and-safety/information-sharing-frameworks.
        DPUP Transparency and Choice and Kaitiakitanga.
    """
    regime = request.regime
    if regime is None:
        return unrecorded("which law the request was made under", "regime")
    if regime is SharingRegime.OTHER:
        return not_applicable(
            "The request was made under another Act, which PM035 does not cover.", "regime"
        )
    facts = _facts(request)
    failing = [path for path, fact in facts.items() if fact is False]
    if failing:
        if "reason_not_told" in failing:
            failing.insert(failing.index("reason_not_told"), "person_told")
        return not_met(
            "The record shows the request was answered without an assessment, or the person "
            "was not told with no reason recorded.",
            *failing,
        )
    gaps = [path for path, fact in facts.items() if fact is None]
    if gaps:
        return unrecorded("how the request was received, assessed and answered", *gaps)
    return _judgement(request, regime)


def _judgement(request: SharingRequest, regime: SharingRegime) -> Outcome:
    """Judge a complete record: met, unless a legal judgement remains for an adviser."""
    decision = request.decision
    if regime is SharingRegime.OT_S66 and request.requester not in _OFFICIAL:
        return claimed_exception(
            "The request is recorded as made under s 66 of the Oranga Tamariki Act by someone "
            "other than Oranga Tamariki or the Police, whom s 66 lets ask.",
            "regime",
            "requester",
            settle_with=(
                "confirm which law the request was answered under, and that it allowed this "
                "requester to ask",
            ),
        )
    if request.privilege_claimed:
        return claimed_exception(
            "Legal professional privilege was relied on to withhold information.",
            "decision",
            "privilege_claimed",
            settle_with=("confirm privilege covers everything withheld",),
        )
    if regime is SharingRegime.OT_S66 and decision is not None and decision.withholds:
        return claimed_exception(
            "A s 66 request was refused in whole or part without relying on privilege, the "
            "only ground s 66 gives for withholding.",
            "regime",
            "decision",
            "privilege_claimed",
            settle_with=(
                "confirm the request was not one s 66 covers (its requester or purpose), or "
                "supply what was withheld",
            ),
        )
    return met(
        "The request, its assessment, the decision, what was shared and whether the person "
        "was told are recorded.",
        "requester",
        "received_on",
        "assessed",
        "decision",
    )
