"""TC004 choice-not-honoured: a Transparency and Choice check.

A disclosure honours the person's recorded choices at the moment it happens.

Documented in ``docs/checks.md`` and ``docs/guidelines/transparency-and-choice.md``; its cases are
in ``tests/checks/transparency_and_choice/test_tc004_choice_not_honoured.py``.
"""

from __future__ import annotations

from datetime import date

from dpup.checkdef import (
    MN,
    MW,
    EvaluationContext,
    Outcome,
    check,
    met,
    needs_review,
    not_applicable,
    not_met,
)
from dpup.facts import choice_positions, indexed, many, positions, positions_of
from dpup.findings import Reviewer, Severity, Status
from dpup.law import Basis, LegalRef
from dpup.model import Activity, Choice, ChoiceScope, ChoiceState, Disclosure

__all__ = ["choice_not_honoured"]


_UNDECIDED = frozenset({ChoiceState.UNKNOWN, ChoiceState.REQUESTED, ChoiceState.DEFERRED})


_STATE_WORD = {
    ChoiceState.REFUSED: "refused",
    ChoiceState.WITHDRAWN: "withdrawn",
    ChoiceState.EXPIRED: "expired",
    ChoiceState.INVALIDATED: "invalidated",
}


_RANK = {Status.MET: 0, Status.NOT_APPLICABLE: 0, Status.NEEDS_REVIEW: 1, Status.NOT_MET: 2}


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


def _state_path(choice: Choice, path: str, day: date) -> str:
    """Return the path of the recorded field that gives the choice its state on ``day``.

    It follows `Choice.state_on`: a withdrawal date, an expiry date or a later decision date
    decides the state before the recorded ``state`` does.
    """
    if choice.withdrawn_on is not None and choice.withdrawn_on <= day:
        return f"{path}.withdrawn_on"
    if choice.expires_on is not None and choice.expires_on < day:
        return f"{path}.expires_on"
    if choice.decided_on is not None and choice.decided_on > day:
        return f"{path}.decided_on"
    return f"{path}.state"


def _judge_choice(choice: Choice, path: str, disclosure: Disclosure, day: date) -> Outcome:
    ground = disclosure.ground
    state = choice.state_on(day)
    state_path = _state_path(choice, path, day)
    if state is not None and state.authorises:
        return met("The person's recorded choice permits this disclosure.", state_path)
    if state is None or state in _UNDECIDED:
        return needs_review(
            "The disclosure touches a choice whose decision is not recorded.",
            state_path,
            reviewer=Reviewer.PRACTICE_LEAD,
            settle_with=(
                f"ask the person and record their decision before disclosing ({path}.state)",
            ),
        )
    if ground is None:
        return needs_review(
            f"The disclosure goes ahead although the person's choice is {_STATE_WORD[state]}, "
            "and the ground it relies on is not recorded.",
            state_path,
            "ground",
            reviewer=Reviewer.PRACTICE_LEAD,
            settle_with=(
                "record the ground the disclosure relies on (ground), or none if none applies; "
                "a lawful override goes to a legal adviser",
                "otherwise, do not disclose against the person's choice",
            ),
        )
    if ground.overrides_choice:
        explained = ground in (choice.override_grounds or ())
        return needs_review(
            "The disclosure goes against the person's recorded choice on a lawful override "
            + ("that was explained up front." if explained else "that was not explained up front."),
            state_path,
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
        f"The disclosure goes ahead although the person's choice is {_STATE_WORD[state]}, "
        "and the ground recorded is no lawful override.",
        state_path,
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
def choice_not_honoured(disclosure: Disclosure, ctx: EvaluationContext) -> Outcome:
    """A disclosure honours the person's recorded choices at the moment it happens.

    What it checks:
        Each choice the disclosure touches (listed in ``choices``, or covering its recipient
        or purposes) is looked at as it stood on the disclosure's date. A choice given (or
        renewed) permits it. Against a refusal or a withdrawal, or after a choice expired or
        was invalidated, the ground recorded decides (``ground``): a lawful override
        (serious threat, Oranga Tamariki s 66 or s 66C, Family Violence Act s 20, a court
        order, maintenance of the law, another statute, an intelligence and security
        agency's functions, or a Commissioner's authorisation) needs a legal adviser's
        review; a recorded ground that overrides nothing (``none``, or the collection
        purpose) is not met; no ground recorded needs review, asking for it, since a lawful
        override may have been relied on. A choice with no recorded decision needs review.
        The evidence names the recorded field that decides the choice's state on the day
        (``withdrawn_on``, ``expires_on``, ``decided_on``, else ``state``).
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
        return not_applicable("The disclosure does not identify anyone.", "identifiable")
    activity = ctx.activity
    if activity is None:
        if disclosure.choices:
            return needs_review(
                "The disclosure lists choices, but no activity was given to look them up in.",
                "choices",
                reviewer=Reviewer.PRACTICE_LEAD,
                settle_with=("evaluate the disclosure with its activity as context",),
            )
        return not_applicable("No recorded choice touches this disclosure.")
    indices = relevant_choices(activity, disclosure)
    if not indices:
        if disclosure.feeds_decision and disclosure.person_involved is False:
            return needs_review(
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
        return not_applicable("No recorded choice touches this disclosure.")
    day = disclosure.on or ctx.as_at
    worst: Outcome | None = None
    for i in indices:
        choice = activity.choices[i]
        outcome = _judge_choice(choice, f"$.choices[{i}]", disclosure, day)
        if worst is None or _RANK[outcome.status] > _RANK[worst.status]:
            worst = outcome
    assert worst is not None  # noqa: S101 - indices is non-empty
    return worst
