"""Purpose Matters checks on uses and disclosures (subject: `Disclosure`).

IPP10 and IPP11 (stay within the collection purposes), IPP12 (overseas recipients) and IPP8
(accuracy before use). Part of the Purpose Matters family; ``dpup.checks.purpose`` lists them
in ``CHECKS``.
"""

from __future__ import annotations

from dpup.checks._purpose_helpers import HT, KT, MH, MN
from dpup.checks._util import choice_named, disclosure_sources, purposes_served, unrecorded
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
from dpup.model import Activity, Disclosure, FlowKind, Ipp12Basis, SharingGround

__all__ = [
    "accuracy_unchecked",
    "disclosure_beyond_purpose",
    "overseas_disclosure_without_basis",
    "use_beyond_purpose",
]

_WORD = {FlowKind.USE: "use", FlowKind.DISCLOSURE: "disclosure"}


def _authorised_by_choice(
    activity: Activity, disclosure: Disclosure, ctx: EvaluationContext
) -> bool:
    day = disclosure.on or ctx.as_at
    for choice_id in disclosure.choices or ():
        choice = choice_named(activity, choice_id)
        state = choice.state_on(day) if choice is not None else None
        if state is not None and state.authorises:
            return True
    return False


def _within_purpose(disclosure: Disclosure, ctx: EvaluationContext, kind: FlowKind) -> Outcome:
    """Judge a use or disclosure against the purposes its information was collected for."""
    word = _WORD[kind]
    if disclosure.kind is not kind:
        return not_applicable(f"This is not a {word}.", "kind")
    if disclosure.identifiable is False:
        return not_applicable(f"The {word} does not identify anyone.", "identifiable")
    ground = disclosure.ground
    if ground is not None and ground.is_exception:
        return needs_review(
            f"The {word} relies on an exception to the purpose limit; a person must confirm "
            "it applies.",
            "ground",
            "purposes",
            reviewer=Reviewer.LEGAL_ADVISER,
            settle_with=(
                "confirm the recorded ground applies to this case and record why (ground)",
                "confirm only the information the ground needs is involved (items)",
            ),
        )
    if ground is SharingGround.TO_PERSON:
        if kind is FlowKind.DISCLOSURE:
            return met("The information goes to the person it is about.", "ground")
        return needs_review(
            "A use inside the agency records disclosure to the person as its ground.",
            "ground",
            reviewer=Reviewer.PRIVACY_OFFICER,
            settle_with=("record the ground the use actually relies on (ground)",),
        )
    activity = ctx.activity
    if activity is None:
        return needs_review(
            f"No activity was given to find the collections behind this {word}.",
            "items",
            reviewer=Reviewer.PRIVACY_OFFICER,
            settle_with=(f"evaluate the {word} with its activity as context",),
        )
    if disclosure.purposes is None:
        return unrecorded(f"the purposes the {word} serves", "purposes")
    if disclosure.items is None:
        return unrecorded(f"which items the {word} involves", "items")
    sources = disclosure_sources(activity, disclosure, ctx)
    if not sources:
        return needs_review(
            f"The collections the {word}'s information came from cannot be traced.",
            "items",
            reviewer=Reviewer.PRIVACY_OFFICER,
            settle_with=(
                "record the collection each item came from, with its purposes "
                "($.collections[].items)",
            ),
        )
    source_paths = [f"$.collections[{i}].purposes" for i in sources]
    collected_for: set[str] = set()
    for i in sources:
        collected_for |= purposes_served(activity, i)
    if not collected_for:
        return unrecorded("the purposes the information was collected for", *source_paths)
    if not disclosure.purposes:
        return not_met(f"The {word} serves no recorded purpose.", "purposes")
    if all(p in collected_for for p in disclosure.purposes):
        return met(
            f"The {word} stays within the purposes the information was collected for.",
            "purposes",
            *source_paths,
        )
    if ground is SharingGround.AUTHORISED:
        if _authorised_by_choice(activity, disclosure, ctx):
            return met(
                f"The {word} goes beyond the collection purposes with the person's recorded "
                "authorisation.",
                "choices",
            )
        return needs_review(
            f"The {word} goes beyond the collection purposes on a claimed authorisation that "
            "no recorded choice shows.",
            "ground",
            "choices",
            reviewer=Reviewer.PRIVACY_OFFICER,
            settle_with=("record the person's authorisation as a choice and link it (choices)",),
        )
    return not_met(
        f"The {word} goes beyond the purposes the information was collected for, and no "
        "ground is recorded.",
        "purposes",
        "ground",
        *source_paths,
    )


@check(
    id="PM015",
    name="use-beyond-purpose",
    principles=(HT, KT),
    basis=Basis.LAW,
    legal_refs=(LegalRef.IPP10,),
    severity=Severity.HIGH,
    subject=Disclosure,
    remediation=(
        "Use information only for the purposes it was collected for; for any other use, "
        "record the IPP10 ground (for example the person's authorisation) and have it checked."
    ),
    tags=("use", "cross-object"),
)
def use_beyond_purpose(disclosure: Disclosure, ctx: EvaluationContext) -> Outcome:
    """A use inside the agency stays within the collection purposes, or names an IPP10 ground.

    What it checks:
        For a use (``kind`` is ``use``) of identifying information, every purpose it serves
        (``purposes``) is among the purposes of the collections holding its items (found
        through ``ctx.activity``). Beyond them, a recorded authorisation backed by a given
        choice is met; any IPP10 exception (directly related purpose, statistics, serious
        threat, a statute ...) needs a legal adviser, even when the use is within purpose;
        no ground is not met.
    Why it matters:
        IPP10 stops information being repurposed. Whether a later use is "directly related"
        or otherwise excepted is a judgement a person must make and record, which is why
        DPUP insists the original purposes be known and stated.
    How to meet it:
        Keep uses within the stated purposes, or record the ground relied on and have a
        privacy officer or legal adviser confirm it.
    References:
        Privacy Act 2020, IPP10. DPUP Purpose Matters: be clear about purpose and use.
    """
    return _within_purpose(disclosure, ctx, FlowKind.USE)


@check(
    id="PM016",
    name="disclosure-beyond-purpose",
    principles=(KT, MH),
    basis=Basis.LAW,
    legal_refs=(LegalRef.IPP11,),
    severity=Severity.HIGH,
    subject=Disclosure,
    remediation=(
        "Disclose information only for the purposes it was collected for; otherwise record "
        "the IPP11 exception or statutory power relied on (Oranga Tamariki Act, Family "
        "Violence Act, a court order ...) and have it confirmed."
    ),
    tags=("disclosure", "cross-object"),
)
def disclosure_beyond_purpose(disclosure: Disclosure, ctx: EvaluationContext) -> Outcome:
    """A disclosure stays within the collection purposes, or names an IPP11 ground.

    What it checks:
        For a disclosure (``kind`` is ``disclosure``) of identifying information, every
        purpose it serves (``purposes``) is among the purposes of the collections holding
        its items (found through ``ctx.activity``). Disclosure to the person themselves is
        met, as is one beyond the purposes that a given choice authorises. Any IPP11
        exception or special statute (serious threat, Oranga Tamariki s 66, Family Violence
        Act s 20, a court order ...) needs a legal adviser; no ground is not met.
    Why it matters:
        IPP11 allows disclosure only when the agency reasonably believes an exception
        applies, and the first of them (a collection purpose) can be relied on only if the
        original purposes are known. Special statutes can authorise sharing, but whether
        one applies to a given request is for a person to decide.
    How to meet it:
        Say up front who information will be shared with and why; for anything else, record
        the ground and have it confirmed before disclosing.
    References:
        Privacy Act 2020, IPP11; Oranga Tamariki Act 1989, ss 66 and 66C; Family Violence Act
        2018, s 20. DPUP Purpose Matters: be clear about purpose for sharing.
    """
    return _within_purpose(disclosure, ctx, FlowKind.DISCLOSURE)


@check(
    id="PM017",
    name="overseas-disclosure-without-basis",
    principles=(KT,),
    basis=Basis.LAW,
    legal_refs=(LegalRef.IPP12,),
    severity=Severity.HIGH,
    subject=Disclosure,
    remediation=(
        "Before sending personal information to a recipient outside New Zealand, record the "
        "IPP12 basis (for example comparable safeguards, or model contract clauses)."
    ),
    tags=("disclosure", "cross-border"),
)
def overseas_disclosure_without_basis(disclosure: Disclosure, ctx: EvaluationContext) -> Outcome:
    """A disclosure to a recipient outside New Zealand has an IPP12 basis.

    What it checks:
        For a disclosure of identifying information whose recipient is outside New Zealand
        (``recipient.country`` other than ``NZ``), an IPP12 basis is recorded
        (``ipp12_basis``). A recipient that only stores or processes the information as the
        agency's agent needs review to confirm that arrangement.
    Why it matters:
        IPP12 allows personal information to go overseas only where it will be protected in
        a comparable way or the person has agreed after being warned. Once it has left, the
        agency and the person have little control over it.
    How to meet it:
        Record the basis relied on, such as the recipient being subject to comparable law,
        a prescribed binding scheme or country, or contract clauses giving comparable
        protection.
    References:
        Privacy Act 2020, IPP12 (detail unverified). DPUP Purpose Matters: be clear about
        purpose for sharing.
    """
    if disclosure.kind is FlowKind.USE:
        return not_applicable("A use inside the agency crosses no border.", "kind")
    if disclosure.identifiable is False:
        return not_applicable("The disclosure does not identify anyone.", "identifiable")
    recipient = disclosure.recipient
    if recipient is None:
        return unrecorded("who receives the information", "recipient")
    overseas = recipient.overseas
    if overseas is None:
        return unrecorded("the recipient's country", "recipient.country")
    if not overseas:
        return not_applicable("The recipient is in New Zealand.", "recipient.country")
    basis = disclosure.ipp12_basis
    if basis is None:
        return not_met(
            "Information goes to a recipient outside New Zealand with no IPP12 basis recorded.",
            "recipient.country",
            "ipp12_basis",
        )
    if basis is Ipp12Basis.AGENT_STORAGE:
        return needs_review(
            "The overseas recipient is said to act only as the agency's agent.",
            "ipp12_basis",
            reviewer=Reviewer.PRIVACY_OFFICER,
            settle_with=(
                "confirm the recipient only stores or processes the information for the "
                "agency and does not use it for its own purposes",
            ),
        )
    return met("The overseas disclosure has an IPP12 basis.", "ipp12_basis")


@check(
    id="PM025",
    name="accuracy-unchecked",
    principles=(KT, MN),
    basis=Basis.LAW,
    legal_refs=(LegalRef.IPP8,),
    severity=Severity.HIGH,
    subject=Disclosure,
    remediation=(
        "Before information is used or sent to inform a decision about someone (a court or "
        "agency report), check it is accurate, up to date, complete and not misleading, "
        "ideally with the person."
    ),
    tags=("accuracy",),
)
def accuracy_unchecked(disclosure: Disclosure, ctx: EvaluationContext) -> Outcome:
    """Information that feeds a decision about someone is checked for accuracy first.

    What it checks:
        For a use or disclosure of identifying information that feeds a decision about the
        person (``feeds_decision``), an accuracy check before it went is recorded
        (``accuracy_checked``). Whether it feeds a decision must itself be recorded.
    Why it matters:
        IPP8 requires reasonable steps to check accuracy before information is used or
        disclosed. A wrong statement in a court report (the alcohol error in DPUP's
        service-user journey) can change a family's life, and is hard to undo once sent.
    How to meet it:
        Check the content against the records and, where safe, with the person, and record
        that the check was done.
    References:
        Privacy Act 2020, IPP8. DPUP Kaitiakitanga and Manaakitanga principles; DPUP's
        service-user journey (Kids First).
    """
    if disclosure.identifiable is False:
        return not_applicable("The information does not identify anyone.", "identifiable")
    if disclosure.feeds_decision is None:
        return unrecorded("whether it feeds a decision about the person", "feeds_decision")
    if not disclosure.feeds_decision:
        return not_applicable("It feeds no decision about the person.", "feeds_decision")
    if disclosure.accuracy_checked is None:
        return unrecorded("whether accuracy was checked before it went", "accuracy_checked")
    if not disclosure.accuracy_checked:
        return not_met(
            "Information feeding a decision about someone went without an accuracy check.",
            "accuracy_checked",
        )
    return met("Accuracy was checked before the information was used.", "accuracy_checked")
