"""Transparency and Choice: honest choice levels, real choices, and choices honoured.

TC004, TC010, TC011 and TC012. Listed in id order in ``dpup.checks.transparency.CHECKS``.
"""

from __future__ import annotations

from collections.abc import Iterator, Set

from dpup.checks._tc_shared import KT, MN, MW
from dpup.checks._util import (
    choice_positions,
    indexed,
    many,
    positions,
    positions_of,
    unrecorded,
)
from dpup.engine import (
    EvaluationContext,
    Outcome,
    check,
    met,
    needs_review,
    not_applicable,
    not_met,
)
from dpup.findings import Reviewer, Severity, Status
from dpup.law import Basis, LegalRef
from dpup.model import (
    Activity,
    Choice,
    ChoiceLevel,
    ChoiceScope,
    ChoiceState,
    Collection,
    Disclosure,
)

__all__ = [
    "choice_level_misstated",
    "choice_not_honoured",
    "consent_wording_without_choice",
    "no_choice_on_capture_or_access",
    "relevant_choices",
]

_UNDECIDED = frozenset({ChoiceState.UNKNOWN, ChoiceState.REQUESTED, ChoiceState.DEFERRED})
_STATE_WORD = {
    ChoiceState.REFUSED: "refused",
    ChoiceState.WITHDRAWN: "withdrawn",
    ChoiceState.EXPIRED: "expired",
    ChoiceState.INVALIDATED: "invalidated",
}
_RANK = {Status.MET: 0, Status.NOT_APPLICABLE: 0, Status.NEEDS_REVIEW: 1, Status.NOT_MET: 2}
_CAPTURE_SCOPES = frozenset({ChoiceScope.CAPTURE})
_ACCESS_SCOPES = frozenset({ChoiceScope.ACCESS, ChoiceScope.RECIPIENTS})


def relevant_choices(activity: Activity, disclosure: Disclosure) -> list[int]:
    """Return the indices of the choices a disclosure touches.

    A choice is touched when the disclosure lists it, or when it covers the disclosure's
    recipient (names compared without regard to case) or one of its purposes. A choice
    about how information is captured touches a disclosure only when listed, since it says
    nothing about sharing. Among many choices, they are looked up in indexes kept with the
    activity rather than scanned for every disclosure.
    """
    listed = set(disclosure.choices or ())
    recipient = disclosure.recipient.name.casefold() if disclosure.recipient else None
    purposes = set(disclosure.purposes or ())
    if many(activity.choices):
        # Looked up in indexes kept with the activity: by id, and (capture choices left
        # out) by recipient and by purpose. The union is the scan's answer, in its order.
        by_recipient, by_purpose = indexed(activity, _choice_reach)
        found_at = positions_of(indexed(activity, choice_positions), listed)
        if recipient is not None:
            found_at += by_recipient.get(recipient, ())
        found_at += positions_of(by_purpose, purposes)
        return sorted(set(found_at))
    found = []
    for i, c in enumerate(activity.choices):
        if c.id in listed:
            found.append(i)
        elif c.scope is ChoiceScope.CAPTURE:
            continue
        elif (
            recipient is not None and recipient in {r.casefold() for r in c.recipients or ()}
        ) or (purposes and purposes & set(c.purposes or ())):
            found.append(i)
    return found


def _choice_reach(activity: Activity) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
    """Return where the choices that can touch a disclosure unlisted sit, by recipient and purpose.

    Recipients are casefolded; capture choices are left out, since they touch a disclosure
    only when it lists them.
    """
    sharing = [c if c.scope is not ChoiceScope.CAPTURE else None for c in activity.choices]
    by_recipient = positions(
        {r.casefold() for r in c.recipients or ()} if c is not None else () for c in sharing
    )
    by_purpose = positions(c.purposes or () if c is not None else () for c in sharing)
    return by_recipient, by_purpose


def _choice_scopes(activity: Activity) -> frozenset[ChoiceScope | None]:
    return frozenset(c.scope for c in activity.choices)


def _judge_choice(
    choice: Choice, path: str, disclosure: Disclosure, state: ChoiceState | None
) -> Outcome:
    ground = disclosure.ground
    if state is not None and state.authorises:
        return met("The person's recorded choice permits this disclosure.", f"{path}.state")
    if state is None or state in _UNDECIDED:
        return needs_review(
            "The disclosure touches a choice whose decision is not recorded.",
            f"{path}.state",
            reviewer=Reviewer.PRACTICE_LEAD,
            settle_with=(
                f"ask the person and record their decision before disclosing ({path}.state)",
            ),
        )
    if ground is not None and ground.overrides_choice:
        explained = ground in (choice.override_grounds or ())
        return needs_review(
            "The disclosure goes against the person's recorded choice on a lawful override "
            + ("that was explained up front." if explained else "that was not explained up front."),
            f"{path}.state",
            f"{path}.override_grounds",
            "ground",
            reviewer=Reviewer.LEGAL_ADVISER,
            settle_with=(
                "confirm the override ground applies to this disclosure and record why (ground)",
                "confirm only the information the ground needs is disclosed (items)",
                "tell the person about the disclosure when it is safe to (person_told)",
            ),
        )
    return not_met(
        f"The disclosure goes ahead although the person's choice is {_STATE_WORD[state]} "
        "and no lawful override is recorded.",
        f"{path}.state",
        "ground",
        severity=Severity.CRITICAL if state.objects else None,
    )


@check(
    id="TC004",
    name="choice-not-honoured",
    principles=(MW, MN),
    basis=Basis.GOOD_PRACTICE,
    legal_refs=(LegalRef.IPP11, LegalRef.OT_S66, LegalRef.FV_S20),
    severity=Severity.HIGH,
    subject=Disclosure,
    remediation=(
        "Do not disclose against a person's refusal or after they withdraw, unless a lawful "
        "override applies and was explained to them up front; record the ground when it does."
    ),
    tags=("choice", "cross-object"),
)
def choice_not_honoured(disclosure: Disclosure, ctx: EvaluationContext) -> Iterator[Outcome]:
    """A disclosure honours the person's recorded choices at the moment it happens.

    What it checks:
        Each choice the disclosure touches (listed in ``choices``, or covering its recipient
        or purposes) is looked at as it stood on the disclosure's date. A choice given (or
        renewed) permits it. Against a refusal or a withdrawal, or after a choice expired or
        was invalidated, the disclosure is not met unless a lawful override ground is
        recorded (serious threat, Oranga Tamariki s 66 or s 66C, Family Violence Act s 20,
        a court order, maintenance of the law or another statute); with such a ground it
        needs a legal adviser's review. A choice with no recorded decision needs review.
        When no choice touches an identifying report that feeds a decision about the
        person, and the person had no say in it, that needs review too: nobody asked what
        they wanted.
    Why it matters:
        DPUP asks agencies to offer choices and respect them. A withdrawn or expired choice no
        longer authorises anything. Child-protection and family-violence law can lawfully
        override a refusal, which is why an override is sent for review rather than failed.
    How to meet it:
        Check recorded choices before disclosing. Where an override applies, record the
        ground, share only what it needs, and tell the person when it is safe to.
    References:
        DPUP Mana Whakahaere principle; Transparency and Choice: offer choices when you can.
        Privacy Act 2020, IPP11; Oranga Tamariki Act 1989, ss 66 and 66C; Family Violence
        Act 2018, s 20. Choice states follow the W3C Data Privacy Vocabulary.
    """
    if disclosure.identifiable is False:
        yield not_applicable("The disclosure does not identify anyone.", "identifiable")
        return
    activity = ctx.activity
    if activity is None:
        if disclosure.choices:
            yield needs_review(
                "The disclosure lists choices, but no activity was given to look them up in.",
                "choices",
                reviewer=Reviewer.PRACTICE_LEAD,
                settle_with=("evaluate the disclosure with its activity as context",),
            )
        else:
            yield not_applicable("No recorded choice touches this disclosure.")
        return
    indices = relevant_choices(activity, disclosure)
    if not indices:
        if disclosure.feeds_decision and disclosure.person_involved is False:
            yield needs_review(
                "A report feeding a decision about the person went without their say, and "
                "no choice of theirs is recorded.",
                "feeds_decision",
                "person_involved",
                "choices",
                reviewer=Reviewer.PRACTICE_LEAD,
                settle_with=(
                    "ask the person what they want shared and record it ($.choices)",
                    "record how they were involved in the report (person_involved)",
                ),
            )
        else:
            yield not_applicable("No recorded choice touches this disclosure.")
        return
    day = disclosure.on or ctx.as_at
    worst: Outcome | None = None
    for i in indices:
        choice = activity.choices[i]
        outcome = _judge_choice(choice, f"$.choices[{i}]", disclosure, choice.state_on(day))
        if worst is None or _RANK[outcome.status] > _RANK[worst.status]:
            worst = outcome
    assert worst is not None  # noqa: S101 - indices is non-empty
    yield worst


@check(
    id="TC010",
    name="choice-level-misstated",
    principles=(MW,),
    basis=Basis.GOOD_PRACTICE,
    legal_refs=(LegalRef.IPP3,),
    severity=Severity.HIGH,
    subject=Collection,
    remediation=(
        "Say plainly how much choice people have. If the law requires the information, say "
        "there is no choice about providing it, and explain the choices that remain."
    ),
    tags=("notice", "choice"),
)
def choice_level_misstated(collection: Collection, ctx: EvaluationContext) -> Outcome:
    """The notice states honestly how much choice people have.

    What it checks:
        The notice states a level of choice (``notice.choice_level``: none, limited or
        some); a notice recorded as silent about choice (``notice.choice_stated`` false) is
        not met. The level is compared with whether a law requires the information
        (``required_by_law``): information the law requires presented as optional is not
        met; "no choice" claimed where no law requires it needs review, since the honest
        level may be "limited".
    Why it matters:
        DPUP's purpose-statement template asks agencies to say so when people will not have
        a choice. Presenting compulsory information as optional misleads people, and
        overstating compulsion pressures them; both damage trust.
    How to meet it:
        State the level that matches the facts: no choice where a law requires the
        information, limited where it is intrinsic to the service, some where people can
        choose what to share, with whom, or how it is used.
    References:
        DPUP purpose-statement template (choice); Transparency and Choice: offer choices
        when you can. Privacy Act 2020, IPP3(1)(d) (voluntary or mandatory).
    """
    notice = collection.notice
    if notice is None:
        return unrecorded("what people were told at collection", "notice")
    level = notice.choice_level
    if level is None:
        if notice.choice_stated is False:
            return not_met(
                "The notice does not tell people how much choice they have.",
                "notice.choice_stated",
            )
        return unrecorded("the level of choice the notice states", "notice.choice_level")
    compulsory = collection.required_by_law
    if compulsory is None:
        return unrecorded("whether a law requires the information", "required_by_law")
    if compulsory and level is not ChoiceLevel.NONE:
        return not_met(
            "The notice presents information the law requires as if it were optional.",
            "notice.choice_level",
            "required_by_law",
        )
    if not compulsory and level is ChoiceLevel.NONE:
        return needs_review(
            "The notice says there is no choice, but no law is recorded as requiring the "
            "information.",
            "notice.choice_level",
            "required_by_law",
            reviewer=Reviewer.PRIVACY_OFFICER,
            settle_with=(
                "confirm whether a law requires the information (required_by_law)",
                "or state the honest level, e.g. limited (notice.choice_level)",
            ),
        )
    return met(
        "The notice states a level of choice that matches the facts.",
        "notice.choice_level",
        "required_by_law",
    )


@check(
    id="TC011",
    name="consent-wording-without-choice",
    principles=(MW, KT),
    basis=Basis.GOOD_PRACTICE,
    legal_refs=(LegalRef.IPP3,),
    severity=Severity.MEDIUM,
    subject=Collection,
    remediation=(
        "Drop 'consent' wording where people have no real choice; explain what is needed, "
        "why, and the choices they do have."
    ),
    tags=("notice", "choice", "wording"),
)
def consent_wording_without_choice(collection: Collection, ctx: EvaluationContext) -> Outcome:
    """The notice does not ask for "consent" where there is no real choice.

    What it checks:
        Whether the notice uses consent wording (``notice.uses_consent_wording``; when that
        is not recorded but the text is supplied, the text is searched for
        `Settings.consent_phrases` without being echoed), against the choice people really
        have (``notice.choice_level``, or none where ``required_by_law``). Consent wording
        with no choice is not met; with limited choice (use the service or not) it needs
        review; with some choice, or without consent wording, it is met.
    Why it matters:
        DPUP prefers "choice" to "consent": consent has technical meanings, and asking for
        it where the only alternative is going without a needed service is not a real
        choice. The Privacy Act rests on people being informed, not on consent.
    How to meet it:
        Replace "I consent" with a plain explanation and, where people do have a say, a
        clear statement of the choices on offer.
    References:
        DPUP "How to approach consent" and "Design a consent form" tools; Transparency and
        Choice key concepts. Privacy Act 2020, IPP3.
    """
    notice = collection.notice
    if notice is None:
        return unrecorded("what people were told at collection", "notice")
    wording = notice.uses_consent_wording
    wording_path = "notice.uses_consent_wording"
    if wording is None and notice.text is not None:
        wording = ctx.settings.consent_phrases.search(notice.text)
        wording_path = "notice.text"
    if wording is None:
        return unrecorded("whether the notice asks for consent", "notice.uses_consent_wording")
    if not wording:
        return met("The notice does not frame itself as a consent.", wording_path)
    level = notice.choice_level
    level_path = "notice.choice_level"
    if level is None and collection.required_by_law:
        level, level_path = ChoiceLevel.NONE, "required_by_law"
    if level is None:
        return unrecorded("the level of choice people have", "notice.choice_level")
    if level is ChoiceLevel.NONE:
        return not_met(
            "The notice asks for consent although people have no choice.",
            wording_path,
            level_path,
        )
    if level is ChoiceLevel.LIMITED:
        return needs_review(
            "The notice asks for consent where the only choice is whether to use the service.",
            wording_path,
            level_path,
            reviewer=Reviewer.PRACTICE_LEAD,
            settle_with=(
                "confirm people can decline without losing a service they need, or reword "
                "the notice as an explanation of choices (notice.uses_consent_wording)",
            ),
        )
    return met("Consent wording is used where people have real choices.", wording_path, level_path)


@check(
    id="TC012",
    name="no-choice-on-capture-or-access",
    principles=(MW, MN),
    basis=Basis.GOOD_PRACTICE,
    severity=Severity.MEDIUM,
    subject=Collection,
    remediation=(
        "Even where providing information is compulsory, let people choose how it is "
        "captured (they write it, or staff do) and record and honour their wishes about "
        "who may see it."
    ),
    tags=("choice",),
)
def no_choice_on_capture_or_access(collection: Collection, ctx: EvaluationContext) -> Outcome:
    """People get choices about how information is captured and who can see it.

    What it checks:
        Whether people may choose how their information is captured
        (``notice.capture_choice_offered``, or a recorded choice with scope "capture") and
        may limit who sees it (``notice.access_restriction_choice_offered``, or a recorded
        choice with scope "access" or "recipients"). Both is met; neither is not met; only
        one needs review.
    Why it matters:
        DPUP says that even when people have no choice about providing information, they
        can usually be offered choices about how it is taken down and who can see or use
        it, and those wishes should be recorded and honoured.
    How to meet it:
        Offer a choice of form, conversation or self-completion, and ask and record who the
        person does not want to see their information.
    References:
        DPUP Transparency and Choice: offer choices when you can; Mana Whakahaere principle.
    """
    notice = collection.notice
    activity = ctx.activity
    scopes: Set[ChoiceScope | None]
    if activity is None:
        scopes = set()
    elif many(activity.choices):
        scopes = indexed(activity, _choice_scopes)  # collections x choices, once per activity
    else:
        scopes = _choice_scopes(activity)
    capture = notice.capture_choice_offered if notice is not None else None
    access = notice.access_restriction_choice_offered if notice is not None else None
    if scopes & _CAPTURE_SCOPES:
        capture = True
    if scopes & _ACCESS_SCOPES:
        access = True
    paths = ("notice.capture_choice_offered", "notice.access_restriction_choice_offered")
    if capture and access:
        return met("People may choose how information is captured and who sees it.", *paths)
    if capture is False and access is False:
        return not_met(
            "People are offered no choice about how information is captured or who sees it.",
            *paths,
        )
    if capture is False or access is False:
        return needs_review(
            "People are offered only one of the two choices: how information is captured, "
            "and who sees it.",
            *paths,
            reviewer=Reviewer.PRACTICE_LEAD,
            settle_with=(
                "offer the missing choice, or record why it is unsafe or not feasible "
                "(notice.capture_choice_offered, notice.access_restriction_choice_offered)",
            ),
        )
    unknown = [path for path, fact in ((paths[0], capture), (paths[1], access)) if fact is None]
    return unrecorded(
        "whether people may choose how information is captured and who sees it", *unknown
    )
