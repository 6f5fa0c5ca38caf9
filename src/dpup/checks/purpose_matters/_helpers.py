"""Code shared by more than one Purpose Matters check."""

from __future__ import annotations

from collections.abc import Iterable

from dpup.checkdef import (
    EvaluationContext,
    Outcome,
    claimed_exception,
    met,
    needs_review,
    not_applicable,
    not_met,
    unrecorded,
)
from dpup.facts import (
    choice_named,
    disclosure_sources,
    indexed,
    many,
    positions_of,
    purpose_positions,
    purposes_served,
)
from dpup.findings import Reviewer
from dpup.model import (
    Activity,
    Disclosure,
    FlowKind,
    InformationItem,
    Purpose,
    SharingAgreement,
    SharingGround,
)
from dpup.settings import Settings

__all__ = [
    "WORD",
    "authorised_by_choice",
    "identifying_state",
    "non_identifying",
    "present",
    "purposes_of",
    "vague",
    "within_purpose",
]


WORD = {FlowKind.USE: "use", FlowKind.DISCLOSURE: "disclosure"}


def authorised_by_choice(
    activity: Activity, disclosure: Disclosure, ctx: EvaluationContext
) -> bool:
    day = disclosure.on or ctx.as_at
    for choice_id in disclosure.choices or ():
        choice = choice_named(activity, choice_id)
        state = choice.state_on(day) if choice is not None else None
        if state is not None and state.authorises:
            return True
    return False


def within_purpose(disclosure: Disclosure, ctx: EvaluationContext, kind: FlowKind) -> Outcome:
    """Judge a use or disclosure against the purposes its information was collected for."""
    word = WORD[kind]
    if disclosure.kind is not kind:
        return not_applicable(f"This is not a {word}.", "kind")
    if disclosure.identifiable is False:
        return not_applicable(f"The {word} does not identify anyone.", "identifiable")
    ground = disclosure.ground
    if ground is not None and ground.is_exception:
        return claimed_exception(
            f"The {word} relies on an exception to the purpose limit; a person must confirm "
            "it applies.",
            "ground",
            "purposes",
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
        if authorised_by_choice(activity, disclosure, ctx):
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


def non_identifying(agreement: SharingAgreement) -> bool:
    """Whether every field is recorded as not identifying (nothing personal flows)."""
    return identifying_state(agreement.fields or ()) is False


def present(value: str | tuple[object, ...] | None) -> bool | None:
    """Return whether a text or list holds something: ``None`` when not recorded."""
    if value is None:
        return None
    if isinstance(value, str):
        return bool(value.strip())
    return bool(value)


def identifying_state(items: tuple[InformationItem, ...]) -> bool | None:
    """Return whether any item identifies people.

    ``True`` if one does, ``False`` if every item is recorded as not identifying, ``None``
    if none is recorded as identifying but some are not recorded, or no items are recorded
    at all (an empty item list says nothing about what is collected).
    """
    if not items:
        return None
    kinds = [item.identifiability for item in items]
    if any(kind is not None and kind.is_identifying for kind in kinds):
        return True
    return None if None in kinds else False


def purposes_of(activity: Activity | None, ids: Iterable[str]) -> list[tuple[int, Purpose]]:
    """Return ``(index, purpose)`` for each purpose id found in the activity, in its order.

    Many purposes are looked up by id in an index kept with the activity.
    """
    if activity is None:
        return []
    wanted = set(ids)
    purposes = activity.purposes
    if many(purposes):
        return [
            (i, purposes[i]) for i in positions_of(indexed(activity, purpose_positions), wanted)
        ]
    return [(i, p) for i, p in enumerate(purposes) if p.id in wanted]


def vague(purpose: Purpose, settings: Settings) -> bool:
    """Whether the purpose is broad: a vague word and no recorded process or decision it feeds.

    A purpose that names what it feeds (``feeds``) is bounded by that, whatever its words.
    """
    if purpose.feeds or purpose.why is None:
        return False
    return settings.vague_purpose_phrases.search(purpose.why)
