"""Purpose Matters checks on the purpose statement itself (subject: `Purpose`).

Part of the Purpose Matters family; ``dpup.checks.purpose`` lists them in ``CHECKS``.
"""

from __future__ import annotations

from dpup.checks._purpose_helpers import HT, KT, MW, present
from dpup.checks._util import unrecorded
from dpup.engine import (
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
from dpup.model import Beneficiary, LawKind, Purpose

__all__ = [
    "no_tangible_benefit",
    "purpose_limits_unstated",
    "purpose_statement_incomplete",
    "statutory_power_unconfirmed",
]

_STATUTORY = frozenset({LawKind.STATUTE, LawKind.REGULATION})


@check(
    id="PM008",
    name="no-tangible-benefit",
    principles=(HT,),
    basis=Basis.GOOD_PRACTICE,
    legal_refs=(LegalRef.IPP1,),
    severity=Severity.MEDIUM,
    subject=Purpose,
    remediation=(
        "Say plainly how the information will make things better and for whom: the person, "
        "their whānau, a community, iwi or the public, not only the agency."
    ),
    tags=("purpose-statement", "benefit"),
)
def no_tangible_benefit(purpose: Purpose, ctx: EvaluationContext) -> Outcome:
    """The purpose names a tangible benefit and who receives it.

    What it checks:
        The purpose records a benefit (``benefit``) and at least one beneficiary
        (``beneficiaries``). A purpose whose only beneficiary is the agency itself is sent
        for review; an empty benefit or an empty beneficiary list is not met.
    Why it matters:
        He Tāngata asks for a plain line of sight from every collection or use to a real
        improvement in people's lives. Efficiency or compliance for the agency alone is not
        that, and purposes without a visible benefit are the ones people distrust.
    How to meet it:
        Describe the benefit in concrete terms and list who gains: individuals, whānau,
        communities, iwi or the public.
    References:
        DPUP He Tāngata principle (strive to create positive outcomes); purpose-statement
        template, element "How". Good practice beyond the law; the nearest legal hook is
        IPP1's lawful purpose.
    """
    benefit = present(purpose.benefit)
    beneficiaries = purpose.beneficiaries
    if benefit is False:
        return not_met("The purpose states no benefit.", "benefit")
    if beneficiaries is not None and not beneficiaries:
        return not_met("The purpose names nobody who benefits.", "beneficiaries")
    if benefit is None:
        return unrecorded("how the purpose helps people", "benefit")
    if beneficiaries is None:
        return unrecorded("who the purpose benefits", "beneficiaries")
    if all(b is Beneficiary.AGENCY for b in beneficiaries):
        return needs_review(
            "The only beneficiary named is the agency itself.",
            "beneficiaries",
            reviewer=Reviewer.SERVICE_MANAGER,
            settle_with=(
                "name the people, whānau, communities or iwi who benefit (beneficiaries)",
                "or record why a benefit to the agency alone justifies the purpose",
            ),
        )
    return met("The purpose names a benefit and who receives it.", "benefit", "beneficiaries")


@check(
    id="PM011",
    name="statutory-power-unconfirmed",
    principles=(KT,),
    basis=Basis.LAW,
    legal_refs=(LegalRef.IPP1,),
    severity=Severity.HIGH,
    subject=Purpose,
    remediation=(
        "Cite the exact provision relied on, and have a legal adviser confirm it covers both "
        "the information and the reason it is needed."
    ),
    tags=("purpose-statement", "legal-basis"),
)
def statutory_power_unconfirmed(purpose: Purpose, ctx: EvaluationContext) -> Outcome:
    """A statutory power relied on is cited and confirmed to cover the information and reason.

    What it checks:
        For each statute or regulation the purpose relies on (``law`` entries of kind
        ``statute`` or ``regulation``): a citation is given, and a legal adviser has
        confirmed it covers both what is collected and why (``law[].coverage_confirmed``).
        A claim with no citation is not met; a cited claim nobody has confirmed needs a
        legal adviser.
    Why it matters:
        DPUP's Purpose Matters guideline warns that a statutory collection power must cover
        both the information and the reason. Whether it does is a question of statutory
        interpretation that a machine cannot answer; an uncited "the Act lets us" cannot even
        be checked.
    How to meet it:
        Record the Act and section, then ask a legal adviser to confirm its scope and record
        the answer.
    References:
        DPUP Purpose Matters: be clear about purpose and collection. Privacy Act 2020, IPP1
        and the statute relied on.
    """
    if purpose.law is None:
        return unrecorded("the laws, contracts or agreements the purpose relies on", "law")
    statutes = [i for i, basis in enumerate(purpose.law) if basis.kind in _STATUTORY]
    if not statutes:
        return not_applicable("The purpose relies on no statute or regulation.", "law")
    uncited = [f"law[{i}].citation" for i in statutes if not present(purpose.law[i].citation)]
    if uncited:
        return not_met("A statutory power is claimed without a citation.", *uncited)
    refuted = [
        f"law[{i}].coverage_confirmed"
        for i in statutes
        if purpose.law[i].coverage_confirmed is False
    ]
    if refuted:
        return not_met(
            "A legal adviser found the cited power does not cover the information or reason.",
            *refuted,
        )
    open_ = [
        f"law[{i}].coverage_confirmed"
        for i in statutes
        if purpose.law[i].coverage_confirmed is None
    ]
    if open_:
        return needs_review(
            "A statutory power is cited; whether it covers this information and reason needs "
            "a legal adviser.",
            *open_,
            reviewer=Reviewer.LEGAL_ADVISER,
            settle_with=(
                "confirm the cited provision covers both the information collected and the "
                "reason, and record it (law[].coverage_confirmed)",
            ),
        )
    return met(
        "Each statutory power is cited and confirmed to cover the information and reason.",
        *(f"law[{i}]" for i in statutes),
    )


@check(
    id="PM019",
    name="purpose-statement-incomplete",
    principles=(HT, MW, KT),
    basis=Basis.GOOD_PRACTICE,
    legal_refs=(LegalRef.IPP1, LegalRef.IPP3),
    severity=Severity.MEDIUM,
    subject=Purpose,
    remediation=(
        "Complete the purpose statement using DPUP's template: what is collected, why, how it "
        "helps and who sees it, the choices people have, the law relied on, and how people "
        "are told."
    ),
    tags=("purpose-statement",),
)
def purpose_statement_incomplete(purpose: Purpose, ctx: EvaluationContext) -> Outcome:
    """The purpose statement covers DPUP's six elements.

    What it checks:
        The statement records: What (``what``); Why (``why``); How, meaning both the benefit
        (``benefit``) and who will have access (``access``); Choice (``choices``, or a plain
        declaration that there is none, ``no_choice_declared``); Law (``law``); and
        Transparency (``transparency``). A blank What or Why is not met; any other gap, or
        an element not recorded, needs review.
    Why it matters:
        DPUP's purpose-statement checklist says a "No" answer must be resolved before any
        collection or use goes ahead. Each element answers a question people, providers and
        reviewers will ask; a statement without What or Why is not a purpose at all.
    How to meet it:
        Fill in each element of the template, and say so explicitly when people have no
        choice.
    References:
        DPUP toolkit: how to write a purpose statement (template and checklist). Good
        practice beyond the law; it supports IPP1 and IPP3.
    """
    elements: dict[str, bool | None] = {
        "what": present(purpose.what),
        "why": present(purpose.why),
        "benefit": present(purpose.benefit),
        "access": present(purpose.access),
        # Only whether this element is there matters, not why it is missing.
        "choices": bool(present(purpose.choices)) or purpose.no_choice_declared is True,
        "law": present(purpose.law),
        "transparency": present(purpose.transparency),
    }
    core = [path for path in ("what", "why") if elements[path] is False]
    if core:
        return not_met("The purpose statement does not say what is collected or why.", *core)
    gaps = [path for path, state in elements.items() if state is not True]
    if gaps:
        return needs_review(
            "Some elements of the purpose statement are missing or not recorded.",
            *gaps,
            reviewer=Reviewer.PRIVACY_OFFICER,
            settle_with=("complete each listed element of the purpose statement template",),
        )
    return met("The purpose statement covers all six elements.", *elements)


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
